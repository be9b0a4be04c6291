// French words too common to rank or highlight on their own ("de", "la",
// "pour"), as accent-folded terms. Queries keep them inside quoted phrases
// and when nothing else is left.
#pragma once

#include <string_view>
#include <unordered_set>

namespace tec::ranking {

inline bool is_stopword(std::string_view term) {
  static const std::unordered_set<std::string_view> kStopwords = {
      "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "et",
      "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "mes", "moi", "mon",
      "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son",
      "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "est", "sont", "d", "l",
      // Words of questions asked in one's own words ("comment faire pour ...").
      "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "quoi", "faire", "fait", "font", "veut",
      "veulent", "voudrait", "peut", "peuvent", "doit", "doivent", "faut", "avoir", "etre", "ont", "plus", "tres",
      "bien", "aussi", "tout", "tous", "toute", "toutes", "sans", "sous", "entre", "vers", "chez", "dont", "mais",
      "donc", "car", "si", "nos", "cela", "ca", "ceux", "celles", "autre", "autres",
      // More of a question's scaffolding: auxiliaries, "lequel", "combien",
      // and the euphonic t of "a-t-il", "va-t-on".
      "t", "combien", "lequel", "laquelle", "lesquels", "lesquelles", "ai", "as", "avons", "avez", "suis", "sommes",
      "etes", "va", "vont", "sera", "seront", "serait", "peux", "pouvons", "pourrait", "pourrions", "dois", "devons",
      "devrait", "veux", "voulons", "faudrait"};
  return kStopwords.contains(term);
}

}  // namespace tec::ranking
