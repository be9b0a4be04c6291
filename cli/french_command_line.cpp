// French command-line texts. CLI11 2.x names the option first in most of its
// messages ("--page: ..."), which the translations below rely on.
#include "cli/french_command_line.h"

namespace tec::cli {
namespace {

// The option a CLI11 message names before its first ": ".
std::string option_named(const std::string& message) {
  const std::size_t colon = message.find(": ");
  return colon == std::string::npos ? std::string() : message.substr(0, colon);
}

// "A excludes B" or "A requires B": the two names, or false.
bool split_on(const std::string& message, const std::string& word, std::string& left, std::string& right) {
  const std::size_t at = message.find(word);
  if (at == std::string::npos) return false;
  left = message.substr(0, at);
  right = message.substr(at + word.size());
  return true;
}

}  // namespace

void french_labels(CLI::App& app) {
  const auto formatter = app.get_formatter();
  formatter->label("Usage", "Utilisation");
  formatter->label("OPTIONS", "OPTIONS");
  formatter->label("SUBCOMMAND", "COMMANDE");
  formatter->label("SUBCOMMANDS", "COMMANDES");
  formatter->label("Subcommands", "Commandes");
  formatter->label("Positionals", "Arguments");
  formatter->label("Options", "Options");
  formatter->label("TEXT", "TEXTE");
  formatter->label("UINT", "ENTIER");
  formatter->label("INT", "ENTIER");
  formatter->label("Env", "Variable");
  formatter->label("REQUIRED", "OBLIGATOIRE");
}

std::string french_message(const CLI::Error& error, const CLI::App& app) {
  const std::string message = error.what();
  std::string left, right;
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    std::string extras;
    for (const std::string& extra : app.remaining()) extras += (extras.empty() ? "" : " ") + extra;
    if (extras.empty()) return "argument en trop";
    return (extras.starts_with("-") ? "option inconnue : " : "argument en trop : ") + extras;
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error))
    return "l'option " + option_named(message) + " attend une valeur";
  if (dynamic_cast<const CLI::ValidationError*>(&error) || dynamic_cast<const CLI::ConversionError*>(&error)) {
    const std::string option = option_named(message);
    std::string reason = option.empty() ? message : message.substr(option.size() + 2);
    // CLI::Range's "Value 0 not in range 1 to 1024".
    std::string value, range, low, high;
    if (split_on(reason, " not in range ", value, range) && value.starts_with("Value ") &&
        split_on(range, " to ", low, high)) {
      reason = "valeur " + value.substr(6) + " hors de l'intervalle " + low + " à " + high;
    }
    return "option " + option + " : " + reason;
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (message.find("subcommand") != std::string::npos) return "commande attendue (voir --help)";
    if (split_on(message, " is required", left, right)) return left + " est obligatoire";
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error) && split_on(message, " excludes ", left, right)) {
    return left + " et " + right + " s'excluent";
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) && split_on(message, " requires ", left, right)) {
    return left + " demande " + right;
  }
  // The program's own messages (configuration file, checks written here) are
  // French already; CLI11's few others stay as they are.
  return message;
}

void speak_french(CLI::App& app) {
  french_labels(app);
  app.set_help_flag("-h,--help", "Affiche cette aide");
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    return french_message(error, *failed) + "\nAide : " + failed->get_name() + " --help\n";
  });
}

}  // namespace tec::cli
