"""The review file: one candidate group a line, tab-separated, with the
evidence that proposed it and a decision a person fills in.

Columns:
  decision   empty until reviewed; "accept" or "reject" (an accepted group
             whose `group` differs from `proposed` counts as edited)
  group      the group to merge, " | " between expressions: edit it freely
  proposed   the group as the workbench proposed it (left as is)
  section    thesaurus section where a new group goes ("Participation
             methods"...); empty: the workbench's own section
  source     which source(s) proposed it: expert, acronyms, cooccurrence,
             fasttext, mythes
  score      the source's score (cosine, PMI, documents...), higher first
  evidence   the source's reasons, then for each expression the documents
             it reaches: "res 3/2 fr 40/36 gd 110/78" = corpus, documents
             holding all its words / holding it as written
  note       free text for the reviewer
"""
import csv
import sys

COLUMNS = ["decision", "group", "proposed", "section", "source", "score", "evidence", "note"]
DECISIONS = {"", "accept", "reject"}


def write(path, candidates):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# Revue de groupes du thésaurus proposés par corpus/vocabulary/vocab.py candidates.\n")
        f.write("# Remplir « decision » : accept ou reject ; corriger « group » au besoin ; puis vocab.py merge.\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for c in candidates:
            writer.writerow([c.get(k, "") for k in COLUMNS])


def read(path):
    """Rows as dicts with their line numbers; a malformed row is reported
    and skipped, the others kept."""
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = [(n, l) for n, l in enumerate(f, 1) if l.strip() and not l.startswith("#")]
    reader = csv.reader((l for _, l in lines), delimiter="\t")
    header = None
    for (number, _), fields in zip(lines, reader):
        if header is None:
            header = fields
            missing = [c for c in ("decision", "group", "proposed", "source") if c not in header]
            if missing:
                raise ValueError(f"{path}:{number}: colonnes absentes : {', '.join(missing)}")
            continue
        row = dict(zip(header, fields))
        row["line"] = number
        decision = row.get("decision", "").strip().lower()
        if decision not in DECISIONS:
            print(f"{path}:{number}: décision « {decision} » inconnue (accept ou reject) : ligne ignorée", file=sys.stderr)
            continue
        row["decision"] = decision
        rows.append(row)
    return rows


def expressions(group_text):
    return [e.strip() for e in group_text.split("|") if e.strip()]
