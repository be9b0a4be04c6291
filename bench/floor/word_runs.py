#!/usr/bin/python3
"""Queries as a search box meets them, taken from real text: runs of one to
five consecutive words of answers drawn at random (fixed seed) from a feed
in the JSON Lines format, gzipped or not. One query per line on stdout.

    bench/floor/word_runs.py --count 180 ../shared/data/grand-debat/grand-debat.jsonl.gz
"""
import argparse
import gzip
import json
import random
import re

# Run lengths as people type them: mostly two or three words.
LENGTHS = [1, 2, 2, 3, 3, 3, 4, 5]
WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


def open_feed(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=180)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("feed")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open_feed(args.feed) as feed:
        total = sum(1 for _ in feed)
    # More lines than runs: an answer too short for its run is passed over.
    wanted = set(rng.sample(range(total), min(total, args.count * 2)))
    runs = []
    with open_feed(args.feed) as feed:
        for number, line in enumerate(feed):
            if number not in wanted:
                continue
            words = WORD.findall(json.loads(line).get("body", ""))
            length = rng.choice(LENGTHS)
            if len(words) < length:
                continue
            start = rng.randrange(len(words) - length + 1)
            run = words[start:start + length]
            if max(len(w) for w in run) < 4:  # little words alone are not a search
                continue
            runs.append(" ".join(run).lower())
    rng.shuffle(runs)
    for run in runs[:args.count]:
        print(run)


if __name__ == "__main__":
    main()
