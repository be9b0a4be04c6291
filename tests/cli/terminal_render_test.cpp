// Terminal rendering: French number grouping, the page count, and when to
// colour.
#include "cli/terminal_render.h"

#include <gtest/gtest.h>

namespace tec::cli {
namespace {

rapidjson::Document parse(const char* json) {
  rapidjson::Document doc;
  doc.Parse(json);
  return doc;
}

TEST(TerminalRenderTest, GroupsThousandsTheFrenchWay) {
  EXPECT_EQ(thousands(0), "0");
  EXPECT_EQ(thousands(999), "999");
  EXPECT_EQ(thousands(1014), "1\u202F014");
  EXPECT_EQ(thousands(2133111), "2\u202F133\u202F111");
}

TEST(TerminalRenderTest, PopulationIsGrouped) {
  const auto doc = parse(R"({"profile": {"name": "Montaud", "population": 1014}, "resources": [], "workshops": []})");
  const std::string out = render_recommendation(doc, Style{});
  EXPECT_NE(out.find("Montaud · 1\u202F014 habitants"), std::string::npos) << out;
}

TEST(TerminalRenderTest, SearchShowsTheTotalAndThePageCount) {
  const auto page2 = parse(R"({"total": 1014, "page": 2, "per_page": 10, "results": []})");
  EXPECT_EQ(render_search(page2, Style{}), "1\u202F014 ressources · page 2 sur 102\n\n");
  const auto single = parse(R"({"total": 1, "page": 1, "per_page": 10, "results": []})");
  EXPECT_EQ(render_search(single, Style{}), "1 ressource\n\n");
}

TEST(TerminalRenderTest, SearchSaysWhichWordsWereIgnored) {
  const auto one = parse(R"({"total": 0, "page": 1, "per_page": 10, "results": [],
                             "ignored": [{"word": "aaaa…", "reason": "trop_long"}]})");
  EXPECT_EQ(render_search(one, Style{}), "mot ignoré : aaaa… (trop long)\n0 ressource\n\n");
  const auto two = parse(R"({"total": 0, "page": 1, "per_page": 10, "results": [],
                             "ignored": [{"word": "de", "reason": "mot_vide"},
                                         {"word": "la", "reason": "mot_vide"}]})");
  EXPECT_NE(render_search(two, Style{}).find("mots ignorés : de (mot vide), la (mot vide)\n"), std::string::npos);
  const auto none = parse(R"({"total": 1, "page": 1, "per_page": 10, "results": [], "ignored": []})");
  EXPECT_EQ(render_search(none, Style{}), "1 ressource\n\n");
}

TEST(TerminalRenderTest, OnlyANonEmptyNoColorTurnsColourOff) {
  EXPECT_TRUE(colour_wanted(true, nullptr));
  EXPECT_TRUE(colour_wanted(true, ""));
  EXPECT_FALSE(colour_wanted(true, "1"));
  EXPECT_FALSE(colour_wanted(false, nullptr));
}

}  // namespace
}  // namespace tec::cli
