"""`vocab.py candidates`: candidate groups from each source, ranked, with
their evidence, into a review file (review.py).

A candidate pair whose one side is already in a thesaurus group is proposed
as that group extended; pairs already grouped, or whose sides sit in two
different groups, are not proposed. The same group proposed by several
sources is one line naming them all."""
import sys
from pathlib import Path

import corpora
import review
import sources
import text
import thesaurus as thesaurus_file
from check import is_acronym


def evidence_counts(expressions):
    """ "budget participatif: res 36/23 fr 1394/1375 gd 177/124" for each."""
    parts = []
    for expression in expressions:
        counts = []
        for corpus in corpora.CORPORA:
            p = corpora.postings(corpus)
            if p.size:
                counts.append(f"{corpus} {p.count(expression)}/{p.phrase_count(expression)}")
        parts.append(f"{expression}: {' '.join(counts)}")
    return " ; ".join(parts)


class Collector:
    """Candidates keyed by the set of their expressions' keys."""

    def __init__(self, thesaurus):
        self.owner = thesaurus.key_owner()
        self.by_keys = {}

    def add(self, expressions, source, score, reasons, section=""):
        expressions = list(dict.fromkeys(e.strip() for e in expressions if e.strip()))
        if any(thesaurus_file.expression_problems(e) for e in expressions):
            return  # merge would refuse it: an expression breaks the header's rules
        keys = [text.expression_key(e) for e in expressions]
        if len(set(keys)) < 2 or any(not k for k in keys):
            return
        groups = {self.owner[k].line: self.owner[k] for k in keys if k in self.owner}
        if len(groups) > 1:
            return
        if groups and all(is_acronym(e) for e, k in zip(expressions, keys) if k in self.owner):
            # Only an acronym links it to a group: another meaning of that
            # acronym, which can't join the group.
            group = next(iter(groups.values()))
            if not any(k in group.keys for e, k in zip(expressions, keys) if not is_acronym(e)):
                return
        if groups:
            group = next(iter(groups.values()))
            new = [e for e, k in zip(expressions, keys) if k not in group.keys]
            if not new:
                return
            expressions = group.expressions + new
            if len(expressions) > thesaurus_file.MAX_EXPRESSIONS:
                return
            reasons = f"étend la ligne {group.line} ; {reasons}"
        signature = frozenset(text.expression_key(e) for e in expressions)
        found = self.by_keys.get(signature)
        if found:
            if source not in found["source"].split(","):
                found["source"] += "," + source
                found["evidence"] += f" || {source}: {reasons}"
            return
        self.by_keys[signature] = {"proposed": " | ".join(expressions), "group": " | ".join(expressions),
                                   "source": source, "score": score, "evidence": f"{source}: {reasons}",
                                   "section": section}


def run(args):
    thesaurus = thesaurus_file.Thesaurus(args.thesaurus)
    collector = Collector(thesaurus)
    wanted = [s.strip() for s in args.sources.split(",") if s.strip()]
    per_source = {}
    for name in wanted:
        produce = sources.SOURCES.get(name)
        if produce is None:
            print(f"source inconnue : {name} (connues : {', '.join(sources.SOURCES)})", file=sys.stderr)
            return 2
        before = len(collector.by_keys)
        proposed = 0
        options = {"files": [Path(f) for f in args.proposals]} if name == "expert" and args.proposals else {}
        for expressions, score, reasons, section in produce(thesaurus, args.limit, **options):
            collector.add(expressions, name, score, reasons, section)
            proposed += 1
        per_source[name] = (proposed, len(collector.by_keys) - before)
    candidates = list(collector.by_keys.values())
    for candidate in candidates:
        candidate["evidence"] += " || " + evidence_counts(review.expressions(candidate["proposed"]))
    order = {name: i for i, name in enumerate(wanted)}
    candidates.sort(key=lambda c: (order[c["source"].split(",")[0]], -float(c["score"] or 0)))
    review.write(args.out, candidates)
    for name, (proposed, new) in per_source.items():
        print(f"{name} : {proposed} propositions, {new} groupes nouveaux dans la revue", file=sys.stderr)
    print(f"{len(candidates)} groupes candidats -> {args.out}", file=sys.stderr)
    return 0
