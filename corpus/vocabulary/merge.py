"""`vocab.py merge`: the accepted groups of review files go into the
thesaurus, with their provenance in provenance.tsv.

An accepted group whose expressions are all new becomes a new line, at the
end of its section. One that shares expressions (by analysed form) with one
existing group extends that group with its new expressions, up to 6. One
that would break a rule (too many expressions, an expression in two groups)
is reported with its review line and left out; the others are merged.
Merging the same review twice changes nothing."""
import datetime
import sys
from pathlib import Path

import review
import text
import thesaurus as thesaurus_file

PROVENANCE = Path(__file__).resolve().parent / "provenance.tsv"
WORKBENCH_SECTION = "# --- Reviewed with the vocabulary workbench ---"


def _place(thesaurus, section, line_text):
    end = thesaurus.section_end(section) if section else None
    if end is None:
        end = thesaurus.section_end("Reviewed with the vocabulary workbench")
    if end is None:
        thesaurus.lines += ["", WORKBENCH_SECTION]
        end = len(thesaurus.lines)
    thesaurus.lines.insert(end, line_text)


def merge_row(thesaurus, row):
    """Merges one accepted row; returns (what was done, first expression of
    the thesaurus group, expressions added) or raises ValueError(reason)."""
    wanted = review.expressions(row["group"])
    problems = thesaurus_file.group_problems(wanted)
    if problems:
        raise ValueError("; ".join(problems))
    owner = thesaurus.key_owner()
    touched = {owner[text.expression_key(e)].line: owner[text.expression_key(e)]
               for e in wanted if text.expression_key(e) in owner}
    if len(touched) > 1:
        lines = ", ".join(str(l) for l in sorted(touched))
        raise ValueError(f"ses expressions sont dans plusieurs groupes (lignes {lines}) : à séparer ou à fusionner à la main")
    if not touched:
        _place(thesaurus, row.get("section", "").strip(), thesaurus_file.SEPARATOR.join(wanted))
        return "nouveau", wanted[0], wanted
    group = next(iter(touched.values()))
    new = [e for e in wanted if text.expression_key(e) not in group.keys]
    if not new:
        return "déjà présent", group.expressions[0], []
    if len(group.expressions) + len(new) > thesaurus_file.MAX_EXPRESSIONS:
        raise ValueError(f"le groupe de la ligne {group.line} aurait {len(group.expressions) + len(new)} expressions (6 au plus)")
    thesaurus.lines[group.line - 1] = thesaurus_file.SEPARATOR.join(group.expressions + new)
    return "étendu", group.expressions[0], new


def run(args):
    thesaurus = thesaurus_file.Thesaurus(args.thesaurus)
    today = datetime.date.today().isoformat()
    counts = {"nouveau": 0, "étendu": 0, "déjà présent": 0, "refusé": 0, "rejeté": 0, "à revoir": 0}
    provenance = []
    for path in args.reviews:
        for row in review.read(path):
            if row["decision"] != "accept":
                counts["rejeté" if row["decision"] == "reject" else "à revoir"] += 1
                continue
            try:
                done, first, added = merge_row(thesaurus, row)
            except ValueError as error:
                counts["refusé"] += 1
                print(f"{path}:{row['line']}: non versé : {error}", file=sys.stderr)
                continue
            counts[done] += 1
            if added:
                edited = "modifié" if row["group"].strip() != row["proposed"].strip() else "tel que proposé"
                provenance.append([first, " | ".join(added), row.get("source", ""), f"{Path(path).name}:{row['line']}",
                                   edited, args.reviewer, today])
    thesaurus.write()
    new_file = not PROVENANCE.exists()
    with open(PROVENANCE, "a", encoding="utf-8") as f:
        if new_file:
            f.write("groupe\texpressions ajoutées\tsource\trevue\tdécision\trelu par\tdate\n")
        for entry in provenance:
            f.write("\t".join(entry) + "\n")
    print(", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    return 1 if counts["refusé"] else 0
