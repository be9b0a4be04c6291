"""The civic corpora the workbench learns from and counts in.

  res  corpus/resources/*.jsonl            the bundled resource base
  fr   ../shared/data/fr/*.jsonl           1,830 real French documents
  gd   ../shared/data/grand-debat/*.gz     328k citizen answers (learning only)

Each document is read as title, summary and body without markup, split into
words (text.words). The split corpora and their form postings are cached
under build/vocabulary/ so the commands after the first run in seconds.
"""
import gzip
import hashlib
import json
import pickle
import sys
from pathlib import Path

import numpy as np

import text

REPO = text.REPO
SHARED = REPO.parent / "shared" / "data"
CACHE = REPO / "build" / "vocabulary"
# Cached word lists and postings are only valid for the splitting that made
# them (text.py) and the layout of the cache (bump CACHE_LAYOUT when it changes).
CACHE_LAYOUT = "1"
SPLITTING = hashlib.sha1(Path(text.__file__).read_bytes() + CACHE_LAYOUT.encode()).hexdigest()[:10]

CORPORA = {
    "res": ("ressources du corpus", lambda: sorted((REPO / "corpus" / "resources").glob("*.jsonl"))),
    "fr": ("flux réels (shared/data/fr)", lambda: sorted((SHARED / "fr").glob("*.jsonl"))),
    "gd": ("Grand Débat (shared/data/grand-debat)", lambda: sorted((SHARED / "grand-debat").glob("*.jsonl.gz"))),
}
# The corpora the engine indexes, where a thesaurus group has to reach texts.
INDEXED = ("res", "fr")


def _records(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: ligne ignorée : {error}", file=sys.stderr)


def _document_text(record, corpus):
    # Grand Débat titles are the answer's first words: the body alone.
    fields = ("body",) if corpus == "gd" else ("title", "summary", "body")
    return text.strip_markup(" \n ".join(str(record.get(f) or "") for f in fields))


def documents(corpus, elisions=False):
    """Lists of words, one per document of `corpus`, cached; with
    `elisions`, elided words are kept as words of their own (text.words)."""
    cache = CACHE / f"{corpus}.words{'-elisions' if elisions else ''}.{SPLITTING}.pickle"
    if cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    paths = CORPORA[corpus][1]()
    if not paths:
        print(f"corpus {corpus} absent ({CORPORA[corpus][0]}) : ignoré", file=sys.stderr)
        return []
    docs = [text.words(_document_text(r, corpus), elisions) for p in paths for r in _records(p)]
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(cache, "wb") as f:
        pickle.dump(docs, f, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


class Postings:
    """Documents of one corpus holding each form (text.word_forms), to count
    how many documents an expression reaches."""

    def __init__(self, corpus):
        self.corpus = corpus
        self.memo = {}
        cache = CACHE / f"{corpus}.postings.{SPLITTING}.pickle"
        if cache.exists():
            with open(cache, "rb") as f:
                self.size, self.lists = pickle.load(f)
            return
        docs = documents(corpus)
        self.size = len(docs)
        lists = {}
        for number, doc in enumerate(docs):
            seen = set()
            for word in set(doc):
                for forms in text.word_forms(word):
                    seen.update(forms)
            for form in seen:
                lists.setdefault(form, []).append(number)
        self.lists = {form: np.array(ids, dtype=np.uint32) for form, ids in lists.items()}
        CACHE.mkdir(parents=True, exist_ok=True)
        with open(cache, "wb") as f:
            pickle.dump((self.size, self.lists), f, protocol=pickle.HIGHEST_PROTOCOL)

    def _any(self, forms):
        """Documents holding any of the forms, memoised: the same words come
        back in expression after expression."""
        found = self.memo.get(forms)
        if found is None:
            arrays = [self.lists[f] for f in forms if f in self.lists]
            if not arrays:
                found = np.empty(0, dtype=np.uint32)
            else:
                found = arrays[0] if len(arrays) == 1 else np.unique(np.concatenate(arrays))
            self.memo[forms] = found
        return found

    def reached(self, expression):
        """Ids of the documents an expression reaches (all its words)."""
        requirements = text.expression_requirements(expression)
        if not requirements:
            return np.empty(0, dtype=np.uint32)
        found = None
        for forms in sorted(requirements, key=lambda fs: sum(len(self.lists.get(f, ())) for f in fs)):
            ids = self._any(forms)
            found = ids if found is None else np.intersect1d(found, ids, assume_unique=True)
            if found.size == 0:
                break
        return found

    def count(self, expression):
        return int(self.reached(expression).size)

    def phrase_count(self, expression):
        """Documents holding the expression's words next to each other, in
        order, little words included: how often the texts really write it."""
        if len(text.expression_words(expression)) == 1:
            return self.count(expression)
        keyed = keyed_documents(self.corpus)
        wanted = f" {text.expression_key(expression)} "
        return sum(1 for number in self.reached(expression) if wanted in keyed[number])


def keyed_documents(corpus):
    """Each document as the keys of its words (text.key_word) joined by
    spaces, hyphenated words split, to find expressions as written."""
    cache = CACHE / f"{corpus}.keyed.{SPLITTING}.pickle"
    if cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    keyed = [" " + " ".join(text.key_word(p) for w in doc for p in w.split("-") if p) + " " for doc in documents(corpus)]
    with open(cache, "wb") as f:
        pickle.dump(keyed, f, protocol=pickle.HIGHEST_PROTOCOL)
    return keyed


_postings = {}


def postings(corpus):
    if corpus not in _postings:
        _postings[corpus] = Postings(corpus)
    return _postings[corpus]
