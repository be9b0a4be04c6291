// Every program's command-line errors in French, with where the help is.
#include "cli/french_command_line.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tec::cli {
namespace {

// What `app.exit` prints for `args` (CLI11 takes them in reverse order).
std::string refusal(CLI::App& app, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& error) {
    std::ostringstream out, err;
    app.exit(error, out, err);
    return err.str();
  }
  return "accepted";
}

class FrenchCommandLine : public ::testing::Test {
 protected:
  FrenchCommandLine() {
    speak_french(app_);
    app_.add_option("--index", index_, "Dossier de l'index")->required();
    app_.add_option("--threads", threads_, "Fils")->check(CLI::Range(1u, 1024u));
    auto* print = app_.add_flag("--print", print_, "Affiche");
    app_.add_option("file", file_, "Fichier")->excludes(print);
  }
  CLI::App app_{"Programme d'essai", "tec-essai"};
  std::string index_, file_;
  unsigned threads_ = 1;
  bool print_ = false;
};

TEST_F(FrenchCommandLine, ErrorsSayWhatWasWrongAndWhereTheHelpIs) {
  const std::string missing = refusal(app_, {});
  EXPECT_NE(missing.find("--index est obligatoire"), std::string::npos) << missing;
  EXPECT_NE(missing.find("Aide : tec-essai --help"), std::string::npos) << missing;
  EXPECT_EQ(missing.find("Run with"), std::string::npos) << missing;

  const std::string both = refusal(app_, {"--index", "x", "--print", "groupes.txt"});
  EXPECT_NE(both.find("s'excluent"), std::string::npos) << both;
  EXPECT_EQ(both.find("excludes"), std::string::npos) << both;

  EXPECT_NE(refusal(app_, {"--index", "x", "--bogus"}).find("option inconnue : --bogus"), std::string::npos);
  EXPECT_NE(refusal(app_, {"--index"}).find("l'option --index attend une valeur"), std::string::npos);
  const std::string range = refusal(app_, {"--index", "x", "--threads", "0"});
  EXPECT_NE(range.find("option --threads : valeur 0 hors de l'intervalle 1 à 1024"), std::string::npos) << range;
  EXPECT_NE(app_.help().find("Affiche cette aide"), std::string::npos);
}

TEST_F(FrenchCommandLine, TheProgramsOwnMessagesAreKept) {
  const CLI::ParseError own("fichier de configuration : JSON invalide à l'octet 3", CLI::ExitCodes::InvalidError);
  EXPECT_EQ(french_message(own, app_), "fichier de configuration : JSON invalide à l'octet 3");
}

}  // namespace
}  // namespace tec::cli
