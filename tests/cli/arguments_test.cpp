// tec-search's command line: options and words in any order, usage errors in
// French.
#include "cli/arguments.h"

#include <gtest/gtest.h>

namespace tec::cli {
namespace {

using Outcome = ParsedArguments::Outcome;

ParsedArguments parse(const std::vector<std::string>& args) { return parse_arguments(args, "http://127.0.0.1:8080"); }

TEST(CliArgumentsTest, RepeatableOptionsTakeOneValueAndLeaveTheWordsToTheQuery) {
  const ParsedArguments theme = parse({"--theme", "éclairage public", "extinction"});
  ASSERT_EQ(theme.outcome, Outcome::Run) << theme.text;
  EXPECT_EQ(theme.arguments.themes, std::vector<std::string>{"éclairage public"});
  EXPECT_EQ(theme.arguments.words, std::vector<std::string>{"extinction"});

  const ParsedArguments type = parse({"--type", "methode", "budget", "participatif"});
  ASSERT_EQ(type.outcome, Outcome::Run) << type.text;
  EXPECT_EQ(type.arguments.types, std::vector<std::string>{"methode"});
  EXPECT_EQ(type.arguments.words, (std::vector<std::string>{"budget", "participatif"}));
}

TEST(CliArgumentsTest, OptionsAndWordsMixInAnyOrder) {
  const ParsedArguments parsed =
      parse({"budget", "--audience", "jeunes", "participatif", "--type", "outil", "--type=guide", "--page", "2"});
  ASSERT_EQ(parsed.outcome, Outcome::Run) << parsed.text;
  EXPECT_EQ(parsed.arguments.words, (std::vector<std::string>{"budget", "participatif"}));
  EXPECT_EQ(parsed.arguments.types, (std::vector<std::string>{"outil", "guide"}));
  EXPECT_EQ(parsed.arguments.audiences, std::vector<std::string>{"jeunes"});
  EXPECT_EQ(parsed.arguments.page, 2u);
}

TEST(CliArgumentsTest, UsageErrorsSayInFrenchWhatWasWrong) {
  const auto error = [](const std::vector<std::string>& args) {
    const ParsedArguments parsed = parse(args);
    EXPECT_EQ(parsed.outcome, Outcome::UsageError);
    return parsed.text;
  };
  EXPECT_EQ(error({"budget", "--frobnicate"}), "option inconnue : --frobnicate");
  EXPECT_EQ(error({"budget", "--theme"}), "l'option --theme attend une valeur");
  EXPECT_EQ(error({"budget", "--page", "0"}), "option --page : entier entre 1 et 1000 attendu, « 0 » reçu");
  EXPECT_EQ(error({"budget", "--per-page", "dix"}), "option --per-page : entier entre 1 et 100 attendu, « dix » reçu");
  EXPECT_EQ(error({"--theme", "mobilité"}),
            "aucun mot à chercher : tec-search budget participatif, ou --recommend avec un code de territoire");
  EXPECT_EQ(error({"--recommend"}), "--recommend demande --insee, --siren, --departement ou --region");
}

TEST(CliArgumentsTest, HelpIsAskedForNotAnError) {
  const ParsedArguments parsed = parse({"--help"});
  EXPECT_EQ(parsed.outcome, Outcome::Help);
  EXPECT_NE(parsed.text.find("Utilisation"), std::string::npos) << parsed.text;
}

}  // namespace
}  // namespace tec::cli
