"""Word and phrase vectors trained with fastText (Debian package `fasttext`)
on the civic corpora, and their nearest neighbours.

`train()` finds the phrases (phrases.find), writes the corpora one document
a line with each phrase joined by "_" ("conseil_de_quartier"), and runs
`fasttext skipgram` on it; `Vectors` loads the .vec file it writes.
"""
import subprocess
import sys

import numpy as np

import corpora
import phrases

TRAIN_TEXT = corpora.CACHE / "train.txt"
PHRASES = corpora.CACHE / "phrases.tsv"
MODEL = corpora.CACHE / "fasttext"


def find_phrases():
    docs = [d for c in corpora.CORPORA for d in corpora.documents(c, elisions=True)]
    found = phrases.find(docs)
    with open(PHRASES, "w", encoding="utf-8") as f:
        for gram, count, score in found:
            f.write(f"{phrases.surface(gram)}\t{count}\t{score}\t{' '.join(gram)}\n")
    print(f"{len(found)} expressions de plusieurs mots -> {PHRASES}", file=sys.stderr)
    return found


def load_phrases():
    found = []
    with open(PHRASES, encoding="utf-8") as f:
        for line in f:
            surface, count, score, gram = line.rstrip("\n").split("\t")
            found.append((tuple(gram.split(" ")), int(count), float(score)))
    return found


def train(dim=100, epoch=5, min_count=5, threads=2):
    found = find_phrases()
    join = phrases.joiner(found)
    with open(TRAIN_TEXT, "w", encoding="utf-8") as out:
        for corpus in corpora.CORPORA:
            for doc in corpora.documents(corpus, elisions=True):
                if doc:
                    out.write(" ".join(join(doc)) + "\n")
    command = ["fasttext", "skipgram", "-input", str(TRAIN_TEXT), "-output", str(MODEL), "-dim", str(dim),
               "-epoch", str(epoch), "-minCount", str(min_count), "-thread", str(threads), "-verbose", "1"]
    print(" ".join(command), file=sys.stderr)
    subprocess.run(command, check=True)


class Vectors:
    """Unit vectors of the words and phrases fastText kept ("_" read as a space)."""

    def __init__(self, path=None):
        path = path or MODEL.with_suffix(".vec")
        with open(path, encoding="utf-8") as f:
            count, dim = (int(x) for x in f.readline().split())
            self.words = []
            self.matrix = np.zeros((count, dim), dtype=np.float32)
            for i, line in enumerate(f):
                fields = line.rstrip().split(" ")
                self.words.append(fields[0].replace("_", " "))
                self.matrix[i] = np.asarray(fields[1:], dtype=np.float32)
        norms = np.linalg.norm(self.matrix, axis=1, keepdims=True)
        self.matrix /= np.maximum(norms, 1e-9)
        self.index = {w: i for i, w in enumerate(self.words)}

    def __contains__(self, word):
        return word in self.index

    def similarity(self, a, b):
        if a not in self.index or b not in self.index:
            return None
        return float(self.matrix[self.index[a]] @ self.matrix[self.index[b]])

    def neighbours(self, word, k=10):
        """The k nearest words or phrases with their cosine, best first."""
        if word not in self.index:
            return []
        scores = self.matrix @ self.matrix[self.index[word]]
        best = np.argpartition(-scores, k + 1)[: k + 1]
        ranked = sorted(best, key=lambda i: -scores[i])
        return [(self.words[i], float(scores[i])) for i in ranked if self.words[i] != word][:k]
