"""Word splitting, folding and stemming of French text for the workbench.

Two readings of a text:
  - words(): lower-case words with accents, elisions dropped, hyphenated
    words kept whole ("co-construction"): the tokens fastText learns from and
    the phrases are made of;
  - forms(): what tec-search's analyzer (analysis/french_analyzer.h) lets a
    word match: its accent-folded form and its Snowball stems (Xapian's French
    stemmer, the one the analyzer uses), hyphenated words as their parts plus
    the joined form. The workbench counts with it how many documents an
    expression reaches; the engine's own analysis stays the authority (the
    thesaurus test in tests/corpus checks every expression with it).
"""
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import xapian

REPO = Path(__file__).resolve().parents[2]

ELISIONS = ("l", "d", "qu", "n", "s", "j", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu")
WORD = re.compile(r"[^\W\d_](?:[\w]|['’-](?=\w))*", re.UNICODE)
MARKUP = re.compile(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+|&[a-z]+;")
INCLUSIVE = re.compile(r"(?<=\w)[·•](\w{1,5})(?:[·•]\w{1,2})?")
_xapian_stemmer = xapian.Stem("french")


def _stemmer(word):
    stem = _xapian_stemmer(word)
    return stem.decode("utf-8") if isinstance(stem, bytes) else stem


def strip_markup(text):
    """HTML tags, Markdown images and links' targets, URLs and entities out."""
    return MARKUP.sub(" ", text)


def words(text, elisions=False):
    """Lower-case words with accents, elisions dropped ("L'Atelier" ->
    atelier), or kept as words of their own with `elisions` ("l'", "atelier"),
    so that phrases keep them ("taxe d'habitation")."""
    out = []
    # Inclusive writing read as its masculine form: "habitant·e·s" -> habitants.
    text = INCLUSIVE.sub(lambda m: "s" if m.group(0).endswith("s") and m.string[m.start() - 1] != "s" else "", text)
    for match in WORD.finditer(text.lower().replace("’", "'")):
        word = match.group(0)
        head, apostrophe, tail = word.partition("'")
        if apostrophe and head in ELISIONS and tail:
            if elisions:
                out.append(head + "'")
            word = tail
        word = word.strip("'-")
        if word:
            out.append(word)
    return out


def fold(text):
    """NFKC, case folding, accents and ligatures removed: "Œuvre" -> "oeuvre"."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=500_000)
def word_forms(word):
    """Forms one word (from words()) matches: folded form, stems of the
    accented and of the folded word; a hyphenated word gives its parts' forms
    as separate tuples and its joined form."""
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        joined = "".join(parts)
        return tuple(word_forms(p)[0] for p in parts) + (_single_forms(joined),)
    return (_single_forms(word),)


def _single_forms(word):
    folded = fold(word)
    stems = {fold(_stemmer(word)), _stemmer(folded)} if not folded.isdigit() else set()
    return frozenset({"=" + folded} | {"~" + s for s in stems})


@lru_cache(maxsize=500_000)
def key_word(word):
    """The synonym-table key of a word: its first stem (schema/synonym_key.h)."""
    folded = fold(word)
    return folded if folded.isdigit() else fold(_stemmer(word))


@lru_cache(maxsize=1)
def stopwords():
    """The engine's little words, read from their one owner, ranking/stopwords.h."""
    header = (REPO / "ranking" / "stopwords.h").read_text(encoding="utf-8")
    body = header[header.index("kStopwords"):header.index("};")]
    return frozenset(re.findall(r'"([^"]+)"', body))


def is_stopword(word):
    return fold(word) in stopwords()


def expression_words(expression):
    """The words of a thesaurus expression, hyphenated ones split as the
    analyzer splits them."""
    out = []
    for word in words(expression):
        out.extend(p for p in word.split("-") if p)
    return out


def expression_key(expression):
    """The key the indexer writes an expression under: first stems joined."""
    return " ".join(key_word(w) for w in expression_words(expression))


def expression_requirements(expression):
    """What a document must hold to be reached by an expression, as the query
    builder matches an equivalent (ranking/query_builder.cpp, expression_query):
    every word but little ones, each by any of its forms. A list of sets of
    forms, one set per word."""
    ws = expression_words(expression)
    keep = [w for w in ws if len(ws) == 1 or not is_stopword(w)]
    return [_single_forms(w) for w in keep]
