#!/usr/bin/python3
"""Derives corpus/acronyms/sigles.tsv from the Dictionnaire des sigles
(data/sigles.csv of ColinMaudry/dictionnaire-sigles, CC0) and tec-search.tsv.

    /usr/bin/python3 corpus/acronyms/derive.py SIGLES_CSV [--out sigles.tsv]

Each row dropped is reported on stderr with its line and reason; the counts
end the run. See README.md for the cleaning rules and why.
"""
import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Internal operational jargon of the gendarmerie and police (ranks, units,
# training badges): administrative, but not the public life that a
# participation base speaks of, and its 2-3 letter codes shadow common ones.
EXCLUDED_SOURCES = {"Denis Merigoux": "jargon interne de la gendarmerie et de la police"}

# An acronym: no space, 1 to 15 characters, at least one capital letter.
ACRONYM = re.compile(r"^(?=.*[A-ZÉÈÀ])[0-9A-Za-zÀ-ÿ&'’./+-]{2,15}$")
SMALL_WORDS = {"de", "du", "des", "d", "et", "la", "le", "les", "l", "à", "au", "aux", "en", "pour", "sur", "par", "dans", "ou"}
TRAILING_NOTE = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")


def fold(text):
    """Lower case without accents or punctuation, for duplicate detection."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def initials_fit(acronym, long_form):
    """True when the acronym's letters are the initials of the long form's
    words, small words ("de", "et"...) counting or not: a cheap sanity check
    used to split "A ou B" rows holding two meanings."""
    letters = [c for c in fold(acronym) if c.isalpha()]
    words = [fold(w) for w in re.split(r"[\s'’,-]+", long_form) if fold(w)]

    def fits(i, j):
        if j == len(words):
            return i == len(letters)
        takes = i < len(letters) and words[j][0] == letters[i] and fits(i + 1, j + 1)
        return takes or (words[j] in SMALL_WORDS and fits(i, j + 1))

    return fits(0, 0)


def clean_long_form(text):
    """Whitespace collapsed, typographic apostrophe kept as ', final period
    dropped, a trailing parenthesis or bracket moved to the note, and small
    words of a Title Cased Row ("Contrat D'objectifs Et De Moyens") lowered."""
    text = re.sub(r"\s+", " ", text.replace("’", "'").replace("\u200b", "")).strip()
    note = ""
    match = TRAILING_NOTE.search(text)
    if match and match.start() > 0:
        note = match.group(1).strip()
        text = text[: match.start()].strip()
    text = text.rstrip(" .;,")
    words = text.split(" ")
    if len(words) >= 3 and all(w[:1].isupper() for w in words if w[:1].isalpha()):
        def lower_small(word):
            head, _, tail = word.partition("'")
            if word.lower() in SMALL_WORDS:
                return word.lower()
            if tail and head.lower() in SMALL_WORDS:
                return head.lower() + "'" + tail
            return word
        words = [words[0]] + [lower_small(w) for w in words[1:]]
        text = " ".join(words)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text, note


def meanings(acronym, long_form):
    """One row may hold two meanings joined by " ou ": split it when each
    side fits the acronym and the whole does not."""
    parts = long_form.split(" ou ")
    if len(parts) == 2 and not initials_fit(acronym, long_form) and all(initials_fit(acronym, p) for p in parts):
        return [p.strip() for p in parts]
    return [long_form]


def read_source(path, report):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for row in reader:
            line = reader.line_num
            acronym = (row.get("term") or "").strip()
            long_form = (row.get("definition") or "").strip()
            source = (row.get("source") or "").strip()
            if source in EXCLUDED_SOURCES:
                report("exclu", path, line, EXCLUDED_SOURCES[source])
                continue
            if not acronym or not long_form:
                report("rejeté", path, line, "sigle ou forme longue vide")
                continue
            if not ACRONYM.match(acronym):
                report("rejeté", path, line, f"« {acronym} » n'est pas un sigle")
                continue
            text, note = clean_long_form(long_form)
            if len(text) < 4 or fold(text) == fold(acronym):
                report("rejeté", path, line, "forme longue absente ou identique au sigle")
                continue
            for meaning in meanings(acronym, text):
                meaning = meaning[0].upper() + meaning[1:]
                rows.append({"sigle": acronym, "forme_longue": meaning, "note": note, "source": source, "provenance": "dictionnaire-sigles"})
    return rows


def read_additions(path, report):
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    header_seen = False
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0] or not fields[1]:
            report("rejeté", path, number, "sigle ou forme longue vide")
            continue
        rows.append({"sigle": fields[0], "forme_longue": fields[1], "note": fields[2] if len(fields) > 2 else "",
                     "source": "tec-search", "provenance": "tec-search"})
    return rows


def merge_duplicates(rows):
    """One line per (acronym, meaning): sources and provenances joined."""
    merged = {}
    for row in rows:
        key = (row["sigle"].casefold(), fold(row["forme_longue"]))
        if key not in merged:
            merged[key] = dict(row)
            continue
        kept = merged[key]
        for field in ("source", "provenance"):
            values = kept[field].split("; ")
            if row[field] not in values:
                kept[field] = "; ".join(values + [row[field]])
        if not kept["note"]:
            kept["note"] = row["note"]
    return sorted(merged.values(), key=lambda r: (fold(r["sigle"]), r["sigle"], fold(r["forme_longue"])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sigles_csv", help="data/sigles.csv du dépôt ColinMaudry/dictionnaire-sigles")
    parser.add_argument("--additions", default=str(HERE / "tec-search.tsv"))
    parser.add_argument("--out", default=str(HERE / "sigles.tsv"))
    args = parser.parse_args()

    counts = {}

    def report(kind, path, line, reason):
        counts[kind] = counts.get(kind, 0) + 1
        print(f"{path}:{line}: {kind} : {reason}", file=sys.stderr)

    source_rows = read_source(args.sigles_csv, report)
    addition_rows = read_additions(args.additions, report)
    rows = merge_duplicates(source_rows + addition_rows)
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write("sigle\tforme_longue\tnote\tsource\tprovenance\n")
        for row in rows:
            out.write("\t".join(row[f].replace("\t", " ") for f in ("sigle", "forme_longue", "note", "source", "provenance")) + "\n")
    only_ours = sum(1 for r in rows if r["provenance"] == "tec-search")
    print(f"{len(source_rows)} sens lus du dictionnaire, {len(addition_rows)} ajouts tec-search, "
          f"{counts.get('exclu', 0)} lignes exclues, {counts.get('rejeté', 0)} rejetées ; "
          f"{len(rows)} sens écrits ({only_ours} seulement de tec-search), "
          f"{len({r['sigle'] for r in rows})} sigles distincts -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
