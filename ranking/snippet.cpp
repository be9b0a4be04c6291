// Snippet selection and rendering.
#include "ranking/snippet.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "analysis/string_hash.h"
#include "ranking/ranking_params.h"
#include "ranking/stopwords.h"

namespace tec::ranking {

// The query's thesaurus expressions, their words indexed by form and stem:
// worked out once per answer, then read for every title and passage.
class ExpressionIndex {
 public:
  // Word `word` of expression `expression`.
  struct Slot {
    std::uint32_t expression, word;
  };
  // An expression's progress through a text is a bit per word: longer ones
  // (no thesaurus writes them) are not marked as a whole.
  static constexpr std::size_t kMaxWords = 64;

  explicit ExpressionIndex(const QueryTerms& query) : expressions_(query.expressions) {
    for (std::uint32_t e = 0; e < expressions_.size(); ++e) {
      if (expressions_[e].size() > kMaxWords) continue;
      for (std::uint32_t j = 0; j < expressions_[e].size(); ++j) {
        const QueryTerms::ExpressionWord& word = expressions_[e][j];
        if (word.little) {
          little_.push_back({e, j});
          continue;
        }
        by_form_[word.term].push_back({e, j});
        for (const std::string& stem : word.stems) by_form_[stem].push_back({e, j});
      }
    }
  }

  bool empty() const { return expressions_.empty(); }
  bool has_little_words() const { return !little_.empty(); }
  const std::vector<std::vector<QueryTerms::ExpressionWord>>& expressions() const { return expressions_; }

  // Calls `note(slot)` for each expression word `token` can be.
  template <class Note>
  void each_word_of(const analysis::TokenView& token, Note&& note) const {
    const auto note_all = [&](const std::vector<Slot>& slots) {
      for (const Slot& slot : slots) note(slot);
    };
    if (is_stopword(token.term)) note_all(little_);
    if (const auto it = by_form_.find(token.term); it != by_form_.end()) note_all(it->second);
    for (const std::string& stem : token.stems) {
      if (const auto it = by_form_.find(stem); it != by_form_.end()) note_all(it->second);
    }
  }

 private:
  const std::vector<std::vector<QueryTerms::ExpressionWord>>& expressions_;
  std::unordered_map<std::string, std::vector<Slot>, analysis::StringHash, std::equal_to<>> by_form_;
  std::vector<Slot> little_;
};

namespace {

struct Span {
  std::size_t begin, end;
};

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

struct Word {
  std::size_t begin, end;
  unsigned position;
};

// Where the query's thesaurus expressions occur whole in one text, found as
// the words of the text go by: each expression keeps a bit per word of its
// own, set when the text's last words are its words up to that one (a
// shift-and matcher), so a text costs a few operations per word seen and no
// allocation (a set of every word seen made the little words of an
// expression like "mise en place" the dearest part of a long passage).
class ExpressionFinder {
 public:
  explicit ExpressionFinder(const ExpressionIndex& index)
      : index_(index), progress_(index.expressions().size()), here_(index.expressions().size()) {}

  // Notes which expression words the token at word index `w` can be;
  // indexes never decrease.
  void see(const analysis::TokenView& token, std::size_t w) {
    if (w != word_) {
      step();
      if (w != word_ + 1) std::fill(progress_.begin(), progress_.end(), 0);
      word_ = w;
    }
    index_.each_word_of(token, [&](ExpressionIndex::Slot slot) { here_[slot.expression] |= bit(slot.word); });
  }

  // Calls `found(expression, first word, word count)` for each occurrence,
  // by expression, then by first word.
  template <class Found>
  void each_occurrence(Found&& found) {
    step();
    std::sort(found_.begin(), found_.end());
    for (const auto& [e, first] : found_) found(e, first, index_.expressions()[e].size());
  }

 private:
  static std::uint64_t bit(std::size_t j) { return std::uint64_t{1} << j; }

  // Moves every expression past word `word_`.
  void step() {
    const auto& expressions = index_.expressions();
    for (std::uint32_t e = 0; e < expressions.size(); ++e) {
      progress_[e] = ((progress_[e] << 1) | 1) & here_[e];
      here_[e] = 0;
      const std::size_t length = expressions[e].size();
      if (length > 0 && length <= ExpressionIndex::kMaxWords && (progress_[e] & bit(length - 1))) {
        found_.emplace_back(e, word_ + 1 - length);
      }
    }
  }

  const ExpressionIndex& index_;
  std::vector<std::uint64_t> progress_;  // per expression: bit j, its words 0..j end at word_
  std::vector<std::uint64_t> here_;      // per expression: bit j, word_ can be its word j
  std::size_t word_ = 0;
  std::vector<std::pair<std::uint32_t, std::size_t>> found_;
};

// HTML of text[begin, end) with the marks that fall inside it. A mark may
// straddle an edge of the window (a hyphenated compound cut by it): only its
// part inside is marked.
std::string render(std::string_view text, std::size_t begin, std::size_t end, const std::vector<Span>& marks) {
  std::string html;
  std::size_t cursor = begin;
  for (const Span& mark : marks) {
    if (mark.end <= begin || mark.begin >= end) continue;
    const std::size_t from = std::max(mark.begin, begin), to = std::min(mark.end, end);
    html += html_escape(text.substr(cursor, from - cursor));
    html += "<mark>";
    html += html_escape(text.substr(from, to - from));
    html += "</mark>";
    cursor = to;
  }
  html += html_escape(text.substr(cursor, end - cursor));
  return html;
}

}  // namespace

struct Highlighter::Analysed {
  std::vector<Word> words;        // one per position
  std::vector<Span> marks;        // byte ranges to mark, sorted, disjoint
  std::vector<unsigned> matched;  // per word: the id of the term it matched (from 1), or 0
  unsigned distinct_terms = 0;    // ids handed out
};

// Little words mark nothing unless the query has nothing else, and the little
// words of expressions are known by their form alone: neither needs a head.
Highlighter::Highlighter(const QueryTerms& query)
    : query_(query), expressions_(std::make_unique<const ExpressionIndex>(query)) {
  for (const std::string& term : query.terms) only_fillers_ = only_fillers_ && is_stopword(term);
  for (const std::string& term : query.terms) {
    if (only_fillers_ || !is_stopword(term)) heads_.add(term);
  }
  for (const std::string& stem : query.stems) heads_.add(stem);
  for (const std::string& prefix : query.prefixes) heads_.add_prefix(prefix);
  for (const auto& expression : query.expressions) {
    for (const QueryTerms::ExpressionWord& word : expression) {
      if (word.little) continue;
      heads_.add(word.term);
      for (const std::string& stem : word.stems) heads_.add(stem);
    }
  }
}

Highlighter::~Highlighter() = default;

Highlighter::Analysed Highlighter::analyse(std::string_view text, analysis::FrenchAnalyzer& analyzer) const {
  Analysed out;
  ExpressionFinder expressions(*expressions_);
  std::unordered_map<std::string, unsigned, analysis::StringHash, std::equal_to<>> ids;
  const auto id_of = [&](std::string_view term) {
    auto it = ids.find(term);
    if (it == ids.end()) it = ids.emplace(std::string(term), ++out.distinct_terms).first;
    return it->second;
  };
  std::vector<Span> spans;
  const auto read = [&](const analysis::TokenView& token) {
    const bool wanted = heads_.wants(token.term);
    const bool hit = wanted && query_.matches(token) && (only_fillers_ || !is_stopword(token.term));
    if (hit) spans.push_back({token.begin, token.end});
    const bool maybe_in_expression = wanted || (expressions_->has_little_words() && is_stopword(token.term));
    if (maybe_in_expression && !expressions_->empty() &&
        (token.kind == analysis::Token::Kind::Word ||
         (token.kind == analysis::Token::Kind::Variant && !out.words.empty()))) {
      // A variant shares the position of the word before it.
      expressions.see(token, out.words.size() - (token.kind == analysis::Token::Kind::Word ? 0 : 1));
    }
    if (token.kind == analysis::Token::Kind::Word) {
      out.matched.push_back(hit ? id_of(token.term) : 0);
      out.words.push_back({token.begin, token.end, token.position});
    } else if (hit && token.kind == analysis::Token::Kind::Variant && !out.matched.empty()) {
      out.matched.back() = id_of(token.term);
    } else if (hit && token.kind == analysis::Token::Kind::Compound) {
      // A compound is emitted right after its last part.
      const unsigned id = id_of(token.term);
      for (std::size_t i = out.words.size(); i-- > 0 && out.words[i].position >= token.position;) {
        if (out.matched[i] == 0) out.matched[i] = id;
      }
    }
  };
  analyzer.analyze(text, 0, read, {}, &heads_);
  expressions.each_occurrence([&](std::uint32_t e, std::size_t first, std::size_t length) {
    spans.push_back({out.words[first].begin, out.words[first + length - 1].end});
    const unsigned id = id_of("\x01" + std::to_string(e));  // apart from any word
    for (std::size_t i = first; i < first + length; ++i) {
      if (out.matched[i] == 0) out.matched[i] = id;
    }
  });
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  for (const Span& span : spans) {
    if (!out.marks.empty() && out.marks.back().end >= span.begin) {
      out.marks.back().end = std::max(out.marks.back().end, span.end);
    } else {
      out.marks.push_back(span);
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Highlighter::mark_all(std::string_view text, analysis::FrenchAnalyzer& analyzer) const {
  const Analysed analysed = analyse(text, analyzer);
  return render(text, 0, text.size(), analysed.marks);
}

std::string Highlighter::snippet(std::string_view text, analysis::FrenchAnalyzer& analyzer, unsigned max_words) const {
  const bool scan_cut = text.size() > kSnippetScanBytes;
  text = utf8_prefix(text, kSnippetScanBytes);
  const Analysed analysed = analyse(text, analyzer);
  const std::size_t n = analysed.words.size();
  if (n == 0) return {};

  // Best window: most distinct matched terms, then most matches, earliest.
  // `window_of[id]` is the last window that counted the term, so each window
  // counts its distinct terms without a set of its own.
  std::size_t best_start = 0;
  std::size_t best_distinct = 0, best_count = 0;
  std::vector<std::size_t> window_of(analysed.distinct_terms + 1, n);
  for (std::size_t first = 0; first < n; ++first) {
    if (analysed.matched[first] == 0) continue;
    const std::size_t start = first >= kSnippetLeadWords ? first - kSnippetLeadWords : 0;
    const std::size_t stop = std::min(n, start + max_words);
    std::size_t distinct = 0, count = 0;
    for (std::size_t i = start; i < stop; ++i) {
      const unsigned id = analysed.matched[i];
      if (id == 0) continue;
      if (window_of[id] != first) {
        window_of[id] = first;
        ++distinct;
      }
      ++count;
    }
    if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
      best_start = start;
      best_distinct = distinct;
      best_count = count;
    }
  }
  const std::size_t last = std::min(n, best_start + max_words) - 1;
  const std::size_t begin = best_start == 0 ? 0 : analysed.words[best_start].begin;
  const std::size_t end = last + 1 == n ? text.size() : analysed.words[last].end;
  std::string html;
  if (begin > 0) html += "… ";
  html += render(text, begin, end, analysed.marks);
  if (end < text.size() || scan_cut) html += " …";
  return html;
}

}  // namespace tec::ranking
