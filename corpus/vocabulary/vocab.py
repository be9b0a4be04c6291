#!/usr/bin/python3
"""The vocabulary workbench: proposes thesaurus groups, merges the reviewed
ones, checks the thesaurus. See README.md beside this file.

    vocab.py train                       phrases + fastText vectors (minutes)
    vocab.py candidates --out REVIEW.tsv [--sources expert,acronyms,cooccurrence,fasttext,mythes,everyday] [--proposals FILE...]
    vocab.py merge REVIEW.tsv... --reviewer NAME
    vocab.py check [--thesaurus FILE] [--report FILE]
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpora  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Atelier du vocabulaire de tec-search")
    commands = parser.add_subparsers(dest="command", required=True)

    train = commands.add_parser("train", help="expressions fréquentes et vecteurs fastText des corpus")
    train.add_argument("--dim", type=int, default=100)
    train.add_argument("--epoch", type=int, default=5)

    candidates = commands.add_parser("candidates", help="propose des groupes dans un fichier de revue")
    candidates.add_argument("--out", required=True, help="fichier de revue à écrire (TSV)")
    candidates.add_argument("--sources", default="expert,acronyms,cooccurrence,fasttext,mythes")
    candidates.add_argument("--limit", type=int, default=400, help="candidats au plus par source")
    candidates.add_argument("--proposals", nargs="*", help="fichiers de la source expert (par défaut : proposals/*.txt)")
    candidates.add_argument("--thesaurus", default=str(corpora.REPO / "corpus" / "thesaurus.txt"))

    merge = commands.add_parser("merge", help="verse les groupes acceptés dans le thésaurus")
    merge.add_argument("reviews", nargs="+", help="fichiers de revue remplis")
    merge.add_argument("--reviewer", required=True, help="qui a relu")
    merge.add_argument("--thesaurus", default=str(corpora.REPO / "corpus" / "thesaurus.txt"))

    check = commands.add_parser("check", help="valide le thésaurus et compte les documents atteints")
    check.add_argument("--thesaurus", default=str(corpora.REPO / "corpus" / "thesaurus.txt"))
    check.add_argument("--report", help="écrit aussi le détail par expression dans ce fichier TSV")

    args = parser.parse_args()
    if args.command == "train":
        import vectors
        vectors.train(dim=args.dim, epoch=args.epoch)
        return 0
    if args.command == "candidates":
        import propose
        return propose.run(args)
    if args.command == "merge":
        import merge as merging
        return merging.run(args)
    import check as checking
    return checking.run(args)


if __name__ == "__main__":
    sys.exit(main())
