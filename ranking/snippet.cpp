// Snippet selection and rendering.
#include "ranking/snippet.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "analysis/string_hash.h"
#include "ranking/ranking_params.h"
#include "ranking/stopwords.h"

namespace tec::ranking {
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

struct Analysed {
  std::vector<Word> words;        // one per position
  std::vector<Span> marks;        // byte ranges to mark, sorted, disjoint
  std::vector<unsigned> matched;  // per word: the id of the term it matched (from 1), or 0
  unsigned distinct_terms = 0;    // ids handed out
};

Analysed analyse(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer) {
  Analysed out;
  bool only_fillers = true;
  for (const std::string& term : query.terms) only_fillers = only_fillers && is_stopword(term);
  std::unordered_map<std::string, unsigned, analysis::StringHash, std::equal_to<>> ids;
  const auto id_of = [&](std::string_view term) {
    auto it = ids.find(term);
    if (it == ids.end()) it = ids.emplace(std::string(term), ++out.distinct_terms).first;
    return it->second;
  };
  std::vector<Span> spans;
  analyzer.analyze(text, 0, [&](const analysis::TokenView& token) {
    const bool hit = query.matches(token) && (only_fillers || !is_stopword(token.term));
    if (hit) spans.push_back({token.begin, token.end});
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

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string mark_all(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer) {
  const Analysed analysed = analyse(text, query, analyzer);
  return render(text, 0, text.size(), analysed.marks);
}

std::string make_snippet(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer,
                         unsigned max_words) {
  const bool scan_cut = text.size() > kSnippetScanBytes;
  text = utf8_prefix(text, kSnippetScanBytes);
  const Analysed analysed = analyse(text, query, analyzer);
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
