// The index layout: every term prefix, value slot and field weight of a
// tec-search Xapian database, in one place, included by the indexer (which
// writes it) and the daemon (which reads it). Prefixes follow Xapian Omega's
// conventions (docs/termprefixes.rst): single capitals where Omega defines
// one, "X" + capitals for our own fields. Boolean terms hold lower-case,
// accent-folded values, so no value can be mistaken for part of a prefix.
//
// Document data: see stored_document.h.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <xapian.h>

namespace tec::schema {

// Free-text terms. Unprefixed terms are accent-folded words with positions
// (phrases); Z terms are stems without positions, as Xapian's TermGenerator
// writes them. Title words are also indexed apart, with their stems as "Z" +
// the title prefix (Omega's ZS), so that the search box's suggestions can
// match titles alone, whose posting lists are short.
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixTitle = "S";       // title words, also indexed unprefixed
inline constexpr std::string_view kPrefixTitleStem = "ZS";  // title stems, also indexed as Z terms

// A stem of the whole text (Z), not of the title alone (ZS): stems are
// lower-case, so no stem can be mistaken for the title prefix.
inline bool is_text_stem(std::string_view term) {
  return term.starts_with(kPrefixStem) && !term.starts_with(kPrefixTitleStem);
}

// Boolean (filter) terms.
inline constexpr std::string_view kPrefixUniqueId = "Q";         // Q<source>:<id>
inline constexpr std::string_view kPrefixType = "XT";            // XTmethode
inline constexpr std::string_view kPrefixSource = "XSRC";        // XSRCanct
inline constexpr std::string_view kPrefixTheme = "XTHEME";       // XTHEMEeclairage public
inline constexpr std::string_view kPrefixLevel = "XLEVEL";       // XLEVELco-construire
inline constexpr std::string_view kPrefixAudience = "XAUD";      // XAUDelus
inline constexpr std::string_view kPrefixFormat = "XFMT";        // XFMTdistanciel
inline constexpr std::string_view kPrefixTerritory = "XTERR";    // XTERR34, XTERRr76
inline constexpr std::string_view kPrefixTerritoryType = "XTT";  // XTTcommune
// Each kind of collectivity a resource aimed at some kinds only is not for
// (XNTTregion): a recommendation refuses it through that one posting list,
// where "some kind, but not this one" merged the lists of every kind.
inline constexpr std::string_view kPrefixNotForTerritoryType = "XNTT";
// A collectivity that carried the project a resource describes, its code
// folded (XCOLL34164, XCOLL2a004, XCOLL200040293, XCOLLr76): the peers of a
// territory are found through these terms.
inline constexpr std::string_view kPrefixCollectivity = "XCOLL";

// Value slots. Publication dates are filtered (published_after/before) and
// sorted by the value slot alone: Omega's date terms (D, M, Y) and a language
// term (L), which no query read, are no longer written since tec-layout-5, and
// slot 1 (updated_at) is left unused.
inline constexpr Xapian::valueno kSlotPublished = 0;      // "YYYYMMDD", sorts as text
inline constexpr Xapian::valueno kSlotPopulationMin = 4;  // Xapian::sortable_serialise
inline constexpr Xapian::valueno kSlotPopulationMax = 5;  // Xapian::sortable_serialise
// List, as written in the feed: the hard rules of a recommendation ask
// whether a resource names any territory at all.
inline constexpr Xapian::valueno kSlotTerritories = 10;
inline constexpr Xapian::valueno kSlotContentHash = 11;  // hex digest of the record, see content_hash.h
// "YYYYMMDD" of the latest session's start: a workshop is worth recommending
// only while this is today or later.
inline constexpr Xapian::valueno kSlotLastSession = 12;
// Every facet's value, in kFacets order, joined by kFacetSeparator: one value
// stream for ranking::FacetTable to read into memory once per revision, where
// facets are counted. Slots 2, 3 and 6 to 9 held single facets in layouts
// before tec-layout-3 and are left unused, so an index of an older layout
// cannot be misread.
inline constexpr Xapian::valueno kSlotFacets = 13;
// The acronyms the document's text defines ("plan local d'urbanisme (PLU)"),
// each "ACRONYM" kListSeparator "long form", joined by kFacetSeparator: read
// once per write of the synonym table, so that every index knows the jargon of
// its own texts (indexer/acronym_synonyms.h).
inline constexpr Xapian::valueno kSlotAcronyms = 14;

// Lists in value slots are joined with this separator (ASCII unit separator).
inline constexpr char kListSeparator = '\x1f';
// The facets of kSlotFacets are joined with this one (ASCII record separator).
inline constexpr char kFacetSeparator = '\x1e';

// The facets a search can filter on and count: the query parameter and the
// boolean term prefix (filter values are accent-folded like the terms).
struct Facet {
  std::string_view name;
  std::string_view prefix;
};
inline constexpr std::array<Facet, 7> kFacets = {{
    {"type", kPrefixType},
    {"theme", kPrefixTheme},
    {"source", kPrefixSource},
    {"level", kPrefixLevel},
    {"audience", kPrefixAudience},
    {"format", kPrefixFormat},
    {"territory", kPrefixTerritory},
}};

// The value of kSlotFacets for the facets' values in kFacets order, each a
// list joined with kListSeparator.
inline std::string packed_facets(const std::array<std::string, kFacets.size()>& values) {
  std::string packed;
  for (const std::string& value : values) {
    if (&value != values.data()) packed += kFacetSeparator;
    packed += value;
  }
  return packed;
}

// The i-th facet's list in a value of kSlotFacets (empty when absent).
inline std::string_view packed_facet(std::string_view packed, std::size_t i) {
  std::size_t start = 0;
  for (; i > 0; --i) {
    start = packed.find(kFacetSeparator, start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  return packed.substr(start, packed.find(kFacetSeparator, start) - start);
}

// The layout version. Bump it when the analysis or the layout changes what a
// record indexes to: content hashes include it (indexer/content_hash.h), so the
// next sync rewrites every record. A new index records the version it is
// created with under kLayoutMetadataKey and keeps it, since the documents of a
// source that is not synced again stay as they were written; tec-searchd reads
// it at start-up (searchd/layout_check.h).
inline constexpr int kIndexLayoutVersion = 7;
inline constexpr std::string_view kLayoutMetadataKey = "layout";
inline std::string layout_name(int version) { return "tec-layout-" + std::to_string(version); }

// Index metadata (Xapian user metadata): the report of the last sync of a
// source, as JSON, under "sync:<source>".
inline std::string sync_metadata_key(std::string_view source) {
  std::string key = "sync:";
  key.append(source);
  return key;
}

// The editors' thesaurus (tec-index thesaurus), as the text of its file
// (corpus/thesaurus.txt's format): every rewrite of the synonym table adds
// its groups to the bundled thesaurus and the acronyms, so that syncs keep them.
inline constexpr std::string_view kEditorsThesaurusKey = "thesaurus:editeurs";

// Synonym keys of acronyms that are also ordinary words ("PLU", "SAGE"):
// looked up only when the word is typed like an acronym, so that "sage"
// typed in small letters is not read as a water management scheme.
inline constexpr std::string_view kCapitalsOnlyKeyPrefix = "^";

// Spelling data (Xapian's spelling table) holds the lower-case words of the
// texts with their accents ("réunion"): the display forms of suggestions and
// corrections. Synonyms (Xapian's synonym table) come from the thesaurus;
// their keys are described in synonym_key.h.

// Within-document frequency added per occurrence: a word in the title weighs
// as much as four in the body, summary and themes as two.
inline constexpr Xapian::termcount kWdfTitle = 4;
inline constexpr Xapian::termcount kWdfSummary = 2;
inline constexpr Xapian::termcount kWdfThemes = 2;
inline constexpr Xapian::termcount kWdfBody = 1;

// Positions of successive fields are set apart so a phrase cannot match
// across the end of one field and the start of the next.
inline constexpr unsigned kFieldPositionGap = 100;

// Xapian refuses terms over 245 bytes.
inline constexpr std::size_t kMaxTermBytes = 245;

inline std::string unique_term(std::string_view source, std::string_view id) {
  std::string term(kPrefixUniqueId);
  term.append(source).append(":").append(id);
  return term;
}

inline std::string prefixed(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term.append(value);
  return term;
}

}  // namespace tec::schema
