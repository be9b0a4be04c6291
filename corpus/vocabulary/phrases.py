"""Frequent multi-word expressions of the corpora ("conseil de quartier",
"enquête publique"), found before vectors are trained so that fastText learns
one vector per expression, not only per word.

A phrase is 2 to 4 words that begins and ends with a content word (not a
little word of ranking/stopwords.h), with only little words ("de", "la",
"à"...) or content words between (three or four words need a little word), seen in at least `min_count` documents
times, whose ends are associated: normalised PMI of its first and last words
of at least `min_npmi` (a phrase's words co-occur far more than chance).
"""
import math
from collections import Counter

import text

LINKS = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "à", "au", "aux", "en", "et", "pour", "sur"})


def _content(word):
    return len(word) > 1 and not word.endswith("'") and not text.is_stopword(word) and not word.isdigit()


def _ngrams(doc, n):
    for i in range(len(doc) - n + 1):
        gram = doc[i:i + n]
        if not (_content(gram[0]) and _content(gram[-1])):
            continue
        links = sum(1 for w in gram[1:-1] if w in LINKS)
        # Three or four words only around a little word ("conseil de
        # quartier"): runs of content words are mostly template text.
        if (n == 2 or links > 0) and all(_content(w) or w in LINKS for w in gram[1:-1]):
            yield tuple(gram)


def find(docs, min_count=8, min_npmi=0.35, max_phrases=30000):
    """Phrases of the documents (lists of words), best first, with their
    occurrence counts and scores: [(("conseil", "de", "quartier"), 95, 0.61), ...].
    The score is the normalised PMI of the first and last words (the little
    words between are free), so a phrase is kept when its two ends belong
    together far more often than chance."""
    unigrams = Counter()
    grams = Counter()
    total = 0
    for doc in docs:
        total += len(doc)
        unigrams.update(doc)
        for n in (2, 3, 4):
            grams.update(_ngrams(doc, n))
    scored = []
    for gram, count in grams.items():
        if count < min_count:
            continue
        p_gram = count / total
        pmi = math.log(p_gram / ((unigrams[gram[0]] / total) * (unigrams[gram[-1]] / total)))
        npmi = pmi / -math.log(p_gram)
        if npmi >= min_npmi:
            scored.append((gram, count, round(npmi, 3)))
    scored.sort(key=lambda g: (-g[1] * g[2], g[0]))
    return scored[:max_phrases]


def surface(gram):
    """A phrase as written: "taxe d' habitation" -> "taxe d'habitation"."""
    return " ".join(gram).replace("' ", "'")


def joiner(phrases):
    """A function that rewrites a list of words with the longest known phrase
    at each place joined by "_": ["conseil", "de", "quartier"] ->
    ["conseil_de_quartier"]."""
    known = {gram for gram, _, _ in phrases}
    longest = max((len(g) for g in known), default=1)

    def join(doc):
        out, i = [], 0
        while i < len(doc):
            for n in range(min(longest, len(doc) - i), 1, -1):
                if tuple(doc[i:i + n]) in known:
                    out.append(surface(doc[i:i + n]).replace(" ", "_"))
                    i += n
                    break
            else:
                out.append(doc[i])
                i += 1
        return out

    return join
