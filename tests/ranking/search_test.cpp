// Search end to end through the library: the test corpus indexed, then queried
// the way people type (no accents, elisions, capitals, plurals, hyphens).
#include "ranking/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "ranking/ranking_params.h"
#include "test_support.h"

namespace tec::ranking {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(test_support::index_files(dir_->str("index"), {test_support::test_corpus_path()}), 0u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<Lexicon>(db_, analyzer_);
  }

  Searcher searcher() { return Searcher(db_, analyzer_, lexicon_.get()); }

  SearchResponse search(const std::string& text, unsigned per_page = 20) {
    SearchRequest request;
    request.text = text;
    request.per_page = per_page;
    return searcher().search(request);
  }

  std::vector<std::string> ids(const std::string& text) {
    std::vector<std::string> out;
    for (const SearchHit& hit : search(text).hits) out.push_back(hit.id);
    return out;
  }

  bool finds(const std::string& text, const std::string& id) {
    const auto found = ids(text);
    return std::find(found.begin(), found.end(), id) != found.end();
  }

  static test_support::TempDir* dir_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<Lexicon> lexicon_;
};

test_support::TempDir* SearchTest::dir_ = nullptr;

TEST_F(SearchTest, AccentsDoNotMatter) {
  for (const char* q : {"éclairage", "eclairage", "ÉCLAIRAGE", "Eclairage"}) {
    ASSERT_FALSE(ids(q).empty()) << q;
    EXPECT_EQ(ids(q).front(), "eclairage-extinction") << q;
  }
}

TEST_F(SearchTest, ElidedWordsAreFoundAndElidedQueriesWork) {
  EXPECT_TRUE(finds("atelier", "rencontre-quartier"));  // its text says only "L’atelier"
  EXPECT_TRUE(finds("l’atelier", "rencontre-quartier"));
  EXPECT_TRUE(finds("l'atelier", "rencontre-quartier"));
  EXPECT_TRUE(finds("extinction", "eclairage-extinction"));  // "l’extinction" in the title
}

TEST_F(SearchTest, CapitalisedAndPluralQueriesAreStemmed) {
  EXPECT_TRUE(finds("Ateliers", "rencontre-quartier"));
  EXPECT_TRUE(finds("Jury", "jurys-tires"));
  EXPECT_TRUE(finds("jeu", "jeux-role"));
  EXPECT_TRUE(finds("francais", "democratie-francaise"));
  EXPECT_TRUE(finds("concertee", "demarche-html"));
  EXPECT_TRUE(finds("concertation", "demarche-html"));
}

TEST_F(SearchTest, HyphenatedWordsAreFoundThreeWays) {
  for (const char* q : {"co-construction", "co construction", "coconstruction", "Co-Construction"}) {
    EXPECT_TRUE(finds(q, "parc-coconstruction")) << q;
  }
  for (const char* q : {"porte-à-porte", "porte a porte", "porteaporte"}) {
    EXPECT_TRUE(finds(q, "porte-a-porte")) << q;
  }
}

TEST_F(SearchTest, InclusiveWritingIsFoundByPlainWords) {
  EXPECT_TRUE(finds("habitants", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("habitantes", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("élus", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("citoyens", "mobiliser-inclusif"));
}

TEST_F(SearchTest, LigaturesMatchTheirSpelledOutForm) {
  EXPECT_TRUE(finds("oeuvre", "oeuvre-budget"));
  EXPECT_TRUE(finds("œuvre", "oeuvre-budget"));
  EXPECT_TRUE(finds("OEUVRE", "oeuvre-budget"));
}

TEST_F(SearchTest, HtmlIsSearchedAsTextNotAsMarkup) {
  EXPECT_TRUE(finds("démarche concertée", "demarche-html"));
  EXPECT_FALSE(finds("strong", "demarche-html"));
  EXPECT_FALSE(finds("tracking", "demarche-html"));  // inside <script>
}

TEST_F(SearchTest, DocumentsWithEveryWordComeFirstButOthersStillShow) {
  const auto found = ids("budget participatif");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front(), "oeuvre-budget");
  EXPECT_NE(std::find(found.begin(), found.end(), "budget-commune"), found.end());
}

TEST_F(SearchTest, TitleMatchesOutrankBodyMatches) {
  // "quartier": in the title of rencontre-quartier, in the body of democratie-francaise.
  const auto found = ids("quartier");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front(), "rencontre-quartier");
}

TEST_F(SearchTest, HitsCarryStoredFieldsAndHighlights) {
  const SearchResponse response = search("l’eclairage la nuit");
  ASSERT_FALSE(response.hits.empty());
  const SearchHit& hit = response.hits.front();
  EXPECT_EQ(hit.id, "eclairage-extinction");
  EXPECT_EQ(hit.source, "test");
  EXPECT_EQ(hit.type, "retour_experience");
  EXPECT_EQ(hit.title_html, "<mark>Éclairage</mark> public : consulter les habitants avant l’extinction nocturne");
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.snippet.find("<p>"), std::string::npos);
}

TEST_F(SearchTest, EmptyQueryListsEverythingNewestFirst) {
  const SearchResponse response = search("");
  EXPECT_EQ(response.total, 12u);
  ASSERT_FALSE(response.hits.empty());
  ASSERT_GE(response.hits.size(), 2u);
  EXPECT_EQ(response.hits[0].id, "atelier-session");  // published 2026-09-01
  EXPECT_EQ(response.hits[1].id, "demarche-html");    // published 2026-06-30
}

TEST_F(SearchTest, AWordTooLongIsIgnoredSaidAndAloneFindsNothing) {
  const std::string blob(70, 'a');
  const SearchResponse alone = search(blob);
  EXPECT_EQ(alone.total, 0u);
  EXPECT_TRUE(alone.hits.empty());
  ASSERT_EQ(alone.ignored.size(), 1u);
  EXPECT_EQ(alone.ignored[0].word, std::string(24, 'a') + "…");
  EXPECT_EQ(alone.ignored[0].reason, IgnoredWord::Reason::TooLong);
  // Excluding a word does not bring back the rest of the base either.
  EXPECT_EQ(search(blob + " -participatif").total, 0u);
  const SearchResponse beside = search("budget " + blob);
  EXPECT_TRUE(
      std::any_of(beside.hits.begin(), beside.hits.end(), [](const SearchHit& h) { return h.id == "budget-commune"; }));
  EXPECT_EQ(beside.ignored.size(), 1u);
}

TEST_F(SearchTest, LittleWordsAloneAreIgnoredSaidAndFindNothing) {
  const SearchResponse little = search("de la");
  EXPECT_EQ(little.total, 0u);
  EXPECT_TRUE(little.hits.empty());
  ASSERT_EQ(little.ignored.size(), 2u);
  EXPECT_EQ(little.ignored[0].word, "de");
  EXPECT_EQ(little.ignored[1].word, "la");
  EXPECT_EQ(little.ignored[1].reason, IgnoredWord::Reason::Stopword);
  // Among other words they change nothing and are not listed.
  const SearchResponse ordinary = search("budget de la commune");
  EXPECT_GT(ordinary.total, 0u);
  EXPECT_TRUE(ordinary.ignored.empty());
  // Quoted, they are a phrase, searched as such.
  const SearchResponse quoted = search("\"avec les\"");
  EXPECT_TRUE(quoted.ignored.empty());
  EXPECT_GT(quoted.total, 0u);
  EXPECT_EQ(search("").total, 12u);
}

TEST_F(SearchTest, PublicationDatesBoundTheResultsBothIncluded) {
  SearchRequest request;
  request.per_page = 20;
  request.published_after = "2024-11-05";
  request.published_before = "2025-10-02";
  std::set<std::string> found;
  for (const SearchHit& hit : searcher().search(request).hits) found.insert(hit.id);
  EXPECT_EQ(found, (std::set<std::string>{"jurys-tires", "oeuvre-budget", "eclairage-extinction"}));
  request.published_before.clear();
  request.text = "budget";
  found.clear();
  for (const SearchHit& hit : searcher().search(request).hits) found.insert(hit.id);
  EXPECT_EQ(found, (std::set<std::string>{"oeuvre-budget"})) << "budget-commune is from 2023";
}

TEST_F(SearchTest, PaginatesWithoutOverlap) {
  const auto page = [&](unsigned n) {
    SearchRequest request;
    request.page = n;
    request.per_page = 5;
    return searcher().search(request);
  };
  const auto first = page(1);
  const auto second = page(2);
  const auto third = page(3);
  EXPECT_EQ(first.hits.size(), 5u);
  EXPECT_EQ(second.hits.size(), 5u);
  EXPECT_EQ(third.hits.size(), 2u);
  for (const auto& a : first.hits) {
    for (const auto& b : second.hits) EXPECT_NE(a.id, b.id);
  }
}

TEST_F(SearchTest, WordsNobodyWroteFindNothing) {
  EXPECT_TRUE(ids("zzzyyyxxx").empty());
  EXPECT_EQ(search("zzzyyyxxx").total, 0u);
}

TEST_F(SearchTest, TyposFindTheIntendedWordsBelowExactMatchesAndSayHow) {
  const SearchResponse typo = search("budjet participatif");
  ASSERT_FALSE(typo.hits.empty());
  EXPECT_EQ(typo.hits.front().id, "oeuvre-budget");
  EXPECT_EQ(typo.corrected_query, "budget participatif");
  EXPECT_NE(typo.hits.front().title_html.find("<mark>budget</mark>"), std::string::npos);
  EXPECT_TRUE(finds("tirrage au sort", "jurys-tires"));
  EXPECT_TRUE(finds("concertasion", "demarche-html"));
  EXPECT_TRUE(finds("eclairrage", "eclairage-extinction"));

  const SearchResponse exact = search("budget");
  ASSERT_FALSE(exact.hits.empty());
  EXPECT_TRUE(exact.corrected_query.empty());
  EXPECT_LT(search("budjet").hits.front().score, exact.hits.front().score);
}

TEST_F(SearchTest, ShortWordsAreNotCorrected) { EXPECT_TRUE(search("zzq").hits.empty()); }

TEST_F(SearchTest, ThesaurusExpandsAcronymsAndEquivalents) {
  EXPECT_EQ(ids("BP").front(), "oeuvre-budget");
  EXPECT_TRUE(finds("QPV", "porte-a-porte"));
  EXPECT_TRUE(finds("panel citoyen", "jurys-tires"));
  // The words as typed still count: the document holding "budget" itself
  // comes before those that only match the equivalent.
  EXPECT_EQ(ids("budget participatif").front(), "oeuvre-budget");
}

TEST_F(SearchTest, ThesaurusReadsMistypedWordsAsCorrected) {
  // "budget citoyen" is an equivalent of "budget participatif": the thesaurus
  // brings the documents of the whole group, in its own order.
  const std::vector<std::string> corrected = ids("budget citoyen");
  ASSERT_EQ(corrected.front(), "oeuvre-budget");
  const SearchResponse typo = search("budjet citoyen");
  EXPECT_EQ(typo.corrected_query, "budget citoyen");
  EXPECT_EQ(ids("budjet citoyen"), corrected);
  EXPECT_EQ(typo.total, search("budget citoyen").total);
}

TEST_F(SearchTest, CompletesTheWordBeingTyped) {
  EXPECT_EQ(ids("budget partic").front(), "oeuvre-budget");
  EXPECT_EQ(ids("jurys cit").front(), "jurys-tires");
  EXPECT_TRUE(finds("co-constr", "parc-coconstruction"));
}

TEST_F(SearchTest, AWordTypedLikeAnAcronymIsNotTheStartOfAnother) {
  EXPECT_TRUE(finds("bud", "oeuvre-budget"));
  EXPECT_TRUE(search("BUD").hits.empty()) << "an acronym, not the start of « budget »";
  // The dropdown still completes it while it is typed.
  EXPECT_FALSE(searcher().suggest("BUD", 5).titles.empty());
}

TEST_F(SearchTest, QuotedPhrasesMatchWordsTogether) {
  EXPECT_TRUE(finds("\"budget participatif\"", "oeuvre-budget"));
  EXPECT_FALSE(finds("\"budget participatif\"", "budget-commune"));
  EXPECT_FALSE(finds("\"participatif budget\"", "oeuvre-budget"));
}

TEST_F(SearchTest, MinusExcludes) {
  const auto found = ids("budget -participatif");
  EXPECT_NE(std::find(found.begin(), found.end(), "budget-commune"), found.end());
  EXPECT_EQ(std::find(found.begin(), found.end(), "oeuvre-budget"), found.end());
  EXPECT_FALSE(finds("-participatif", "oeuvre-budget"));
  EXPECT_TRUE(finds("-participatif", "budget-commune"));
}

TEST_F(SearchTest, OrAcceptsEitherWord) {
  const auto found = ids("jeux OR jurys");
  EXPECT_NE(std::find(found.begin(), found.end(), "jeux-role"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "jurys-tires"), found.end());
}

TEST_F(SearchTest, CountsFacetsOverTheMatches) {
  const SearchResponse response = search("");
  ASSERT_EQ(response.facets.size(), 7u);
  EXPECT_EQ(response.facets[0].name, "type");
  Xapian::doccount types = 0;
  for (const FacetValue& value : response.facets[0].values) types += value.count;
  EXPECT_EQ(types, 12u);
  const FacetCounts& themes = response.facets[1];
  EXPECT_EQ(themes.name, "theme");
  ASSERT_FALSE(themes.values.empty());
  EXPECT_EQ(themes.values.front().value, "démocratie locale");
  EXPECT_EQ(themes.values.front().count, 4u);
}

TEST_F(SearchTest, FiltersOrWithinAFacetAndAcrossFacets) {
  SearchRequest request;
  request.filters["type"] = {"guide"};
  request.filters["theme"] = {"budget", "Démocratie locale"};
  std::vector<std::string> found;
  const SearchResponse response = searcher().search(request);
  for (const SearchHit& hit : response.hits) found.push_back(hit.id);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"budget-commune", "democratie-francaise", "mobiliser-inclusif",
                                             "oeuvre-budget"}));
  // The type facet still counts the other types, as if it did not filter.
  const FacetCounts& types = response.facets[0];
  Xapian::doccount methods = 0;
  for (const FacetValue& value : types.values) {
    if (value.value == "methode") methods = value.count;
  }
  EXPECT_EQ(methods, 2u);  // jurys-tires and demarche-html have those themes
}

TEST_F(SearchTest, SortsByDate) {
  SearchRequest request;
  request.text = "budget";
  request.sort = SortOrder::Date;
  const SearchResponse response = searcher().search(request);
  ASSERT_EQ(response.hits.size(), 2u);
  EXPECT_EQ(response.hits[0].id, "oeuvre-budget");   // 2025-02-10
  EXPECT_EQ(response.hits[1].id, "budget-commune");  // 2023-01-09
}

TEST_F(SearchTest, PathologicalQueriesAreCutAndFlagged) {
  std::string wildcards, many, typos;
  for (char c = 'a'; c <= 'z'; ++c) wildcards += std::string(1, c) + "* ";
  for (int i = 0; i < 500; ++i) many += "mot" + std::to_string(i) + " ";
  while (typos.size() < 1000) typos += "partisipatiff konsertasion ";
  EXPECT_TRUE(search(many).partial);
  EXPECT_TRUE(search(typos).partial);
  // 26 one-letter words: within the caps, so whole; timing is measured in bench/.
  EXPECT_FALSE(search(wildcards).partial);
  EXPECT_FALSE(search("budget participatif").partial);
}

TEST_F(SearchTest, SuggestsCompletionsAndTitles) {
  const SuggestResponse response = searcher().suggest("budget partic", 5);
  ASSERT_FALSE(response.completions.empty());
  EXPECT_EQ(response.completions.front().text, "budget participatif");
  ASSERT_FALSE(response.titles.empty());
  EXPECT_EQ(response.titles.front().id, "oeuvre-budget");
  EXPECT_NE(response.titles.front().title_html.find("<mark>"), std::string::npos);
  const SuggestResponse elided = searcher().suggest("l’eclai", 5);
  ASSERT_FALSE(elided.completions.empty());
  EXPECT_EQ(elided.completions.front().text, "l’éclairage");
}

TEST_F(SearchTest, CompletesAfterTheWordsBeforeAsCorrected) {
  // "budjet" is not a word of the index: completions follow "budget".
  const SuggestResponse response = searcher().suggest("budjet partic", 5);
  ASSERT_FALSE(response.completions.empty());
  EXPECT_EQ(response.completions.front().text, "budget participatif");
  for (const Completion& completion : response.completions)
    EXPECT_TRUE(completion.text.starts_with("budget ")) << completion.text;
}

TEST_F(SearchTest, SuggestsTitlesHoldingTheWordBeingTyped) {
  // "par" is a little word on its own, but typed at the end it is the start
  // of "participatif" or "parc": titles holding such a word answer.
  const SuggestResponse response = searcher().suggest("par", 2);
  ASSERT_EQ(response.titles.size(), 2u);
  for (const SearchHit& title : response.titles) {
    EXPECT_TRUE(title.id == "democratie-francaise" || title.id == "oeuvre-budget" || title.id == "parc-coconstruction")
        << title.id;
  }
}

TEST_F(SearchTest, NoTitlesForLittleWordsAndTwoLettersAlone) {
  for (const char* typed : {"bu", "de", "pas de", "le "}) {
    EXPECT_TRUE(searcher().suggest(typed, 5).titles.empty()) << typed;
  }
  EXPECT_FALSE(searcher().suggest("bu", 5).completions.empty()) << "the word being typed is still completed";
  EXPECT_FALSE(searcher().suggest("bud", 5).titles.empty());
  EXPECT_FALSE(searcher().suggest("budget de", 5).titles.empty());
}

TEST_F(SearchTest, ALittleWordBeingTypedFindsTitlesByTheWordsItBegins) {
  // "des" may become "démocratie" or "démarche"; titles holding "de" alone
  // ("Lire le budget de sa commune") are not what is being typed.
  const SuggestResponse response = searcher().suggest("des", 5);
  ASSERT_FALSE(response.titles.empty());
  for (const SearchHit& title : response.titles) {
    EXPECT_TRUE(title.id == "democratie-francaise" || title.id == "demarche-html") << title.id;
  }
}

TEST_F(SearchTest, SuggestsTitlesHoldingTheWordsInAnyFormAndOnlyTitles) {
  // "budgets" as typed is in no title; its stem is in two.
  const SuggestResponse plural = searcher().suggest("budgets ", 5);
  std::set<std::string> ids;
  for (const SearchHit& title : plural.titles) ids.insert(title.id);
  EXPECT_EQ(ids, (std::set<std::string>{"oeuvre-budget", "budget-commune"}));
  // Typed with a typo, still the title holding both words first.
  const SuggestResponse typo = searcher().suggest("budjet participatif ", 5);
  ASSERT_FALSE(typo.titles.empty());
  EXPECT_EQ(typo.titles.front().id, "oeuvre-budget");
  // "calendrier" is only in a summary: the dropdown offers titles that hold
  // what was typed, the search results page finds the rest.
  EXPECT_TRUE(searcher().suggest("calendrier ", 5).titles.empty());
  EXPECT_FALSE(search("calendrier").hits.empty());
}

TEST(SuggestTest, CompletesWithWhatGoesWithTheWordsBefore) {
  // Three documents hold "atelier" and "participants"; one holds "atelier",
  // "vélo" and "participatif". After "atelier vélo", "participatif" comes
  // first: "participants" never goes with "vélo".
  const test_support::TempDir dir;
  std::string feed;
  const auto record = [&](const std::string& id, const std::string& title) {
    feed += R"({"id":")" + id + R"(","source":"test","type":"methode","title":")" + title +
            R"(","summary":"Fiche."})"
            "\n";
  };
  record("velo", "Atelier vélo participatif");
  for (const char* id : {"a", "b", "c"})
    record(std::string("participants-") + id, "Atelier de quartier avec les participants");
  ASSERT_EQ(test_support::index_files(dir.str("index"), {test_support::write_file(dir.path() / "feed.jsonl", feed)}),
            0u);
  const Xapian::Database db(dir.str("index"));
  analysis::FrenchAnalyzer analyzer;
  const Lexicon lexicon(db, analyzer);
  Searcher searcher(db, analyzer, &lexicon);
  const SuggestResponse response = searcher.suggest("atelier velo partic", 5);
  ASSERT_FALSE(response.completions.empty());
  EXPECT_EQ(response.completions.front().text, "atelier velo participatif");
  EXPECT_EQ(response.completions.front().documents, 1u);
  // Only the nearest words count (kSuggestionContextWords): no document
  // holds "quartier" and "vélo" together, yet after "… atelier atelier vélo"
  // "participatif" still comes first.
  const SuggestResponse longer = searcher.suggest("quartier atelier atelier velo partic", 5);
  ASSERT_FALSE(longer.completions.empty());
  EXPECT_EQ(longer.completions.front().text, "quartier atelier atelier velo participatif");
}

TEST_F(SearchTest, ReturnsTheStoredRecord) {
  const auto json = searcher().resource_json("test", "atelier-session");
  ASSERT_TRUE(json);
  EXPECT_NE(json->find(R"("unknown_partner_field":{"kept":true})"), std::string::npos);
  EXPECT_FALSE(searcher().resource_json("test", "absent"));
  EXPECT_FALSE(searcher().resource_json("anct", "atelier-session"));
}

// A base where `both` resources hold "verger partagé", `one` only "verger"
// and `other` only "partagé".
class AllWordsTest : public ::testing::Test {
 protected:
  SearchResponse search_orchards(unsigned both, unsigned one, unsigned other = 0) {
    std::string feed;
    for (unsigned i = 0; i < both + one + other; ++i) {
      const char* title = i < both         ? "Un verger partagé au village"
                          : i < both + one ? "Un verger au village"
                                           : "Un jardin partagé";
      feed += R"({"id": "r)" + std::to_string(i) + R"(", "source": "test", "type": "guide", "title": ")" + title +
              R"(", "body": "Un exemple parmi d'autres."})" + "\n";
    }
    const std::string file = test_support::write_file(dir_.path() / "orchards.jsonl", feed);
    EXPECT_EQ(test_support::index_files(dir_.str("index"), {file}), 0u);
    Xapian::Database db(dir_.str("index"));
    analysis::FrenchAnalyzer analyzer;
    Lexicon lexicon(db, analyzer);
    SearchRequest request;
    request.text = "verger partage";
    request.per_page = 100;
    return Searcher(db, analyzer, &lexicon).search(request);
  }

  static bool holds_both(const SearchHit& hit) { return hit.title.find("verger partagé") != std::string::npos; }

  test_support::TempDir dir_;
};

TEST_F(AllWordsTest, ManyDocumentsWithEveryWordAnswerAlone) {
  const SearchResponse response = search_orchards(kAllWordsEnough + 10, 30);
  EXPECT_EQ(response.total, kAllWordsEnough + 10);
  ASSERT_EQ(response.hits.size(), 100u);
  EXPECT_TRUE(std::all_of(response.hits.begin(), response.hits.end(), holds_both));
  EXPECT_EQ(response.facets[0].values.at(0).count, kAllWordsEnough + 10);  // type: guide
}

TEST_F(AllWordsTest, FewDocumentsWithEveryWordAreFollowedByTheOthers) {
  const SearchResponse response = search_orchards(20, 30);
  EXPECT_EQ(response.total, 50u);
  ASSERT_EQ(response.hits.size(), 50u);
  EXPECT_TRUE(std::all_of(response.hits.begin(), response.hits.begin() + 20, holds_both));
  EXPECT_TRUE(std::none_of(response.hits.begin() + 20, response.hits.end(), holds_both));
}

TEST_F(AllWordsTest, DocumentsWithSomeWordsAreFoundByTheRarerOnes) {
  // "verger" is common (kCommonWordShare, kCommonWordMinDocuments): the
  // documents holding only it are not looked for, those holding only the
  // rarer "partagé" are.
  const SearchResponse response = search_orchards(3, kCommonWordMinDocuments + 100, 10);
  EXPECT_EQ(response.total, 13u);
  ASSERT_EQ(response.hits.size(), 13u);
  EXPECT_TRUE(std::all_of(response.hits.begin(), response.hits.begin() + 3, holds_both));
  for (auto hit = response.hits.begin() + 3; hit != response.hits.end(); ++hit)
    EXPECT_EQ(hit->title, "Un jardin partagé");
}

}  // namespace
}  // namespace tec::ranking
