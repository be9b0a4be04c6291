"""`vocab.py check`: validates the thesaurus (format, sizes, each expression
analysable, each in one group only) and counts, for each group, how many
documents of each corpus every expression reaches. A group none of whose
expressions reaches a document of the indexed corpora is flagged.

Exit status: 1 when a rule is broken, 0 otherwise (flags are warnings)."""

from collections import Counter, defaultdict

import corpora
import text
import thesaurus as thesaurus_file


def is_acronym(expression):
    letters = [c for c in expression if c.isalpha()]
    return " " not in expression and sum(c.isupper() for c in letters) >= 2


def split_errors(errors, groups):
    """Collisions between two acronyms are the engine's doing (it stems
    acronyms like words: CESE and CESER both give "ces") and can't be fixed
    in the file: warnings. Same key twice in one group: redundant, warning."""
    by_line = {g.line: g for g in groups}
    hard, soft = [], []
    for line, message in errors:
        quoted = message.split("« ")[1:]
        names = [q.split(" »")[0] for q in quoted]
        if "est déjà dans le groupe" in message and len(names) == 2 and all(is_acronym(n) for n in names):
            soft.append((line, message + " : deux sigles de même racine, que le moteur confond tant qu'il racinise les sigles"))
        elif "ont la même forme analysée" in message and line in by_line:
            soft.append((line, message + " : redondant"))
        else:
            hard.append((line, message))
    return hard, soft


def _inflection_of(word, expression, key):
    """Whether `word` is the one-word `expression` in another inflection (plural,
    feminine): same letters after the shared key once the endings are
    dropped. "collectifs" is not "collectivité" (both "collect"), "départ"
    not "département", "communication" not "commune"; an acronym only
    takes an s ("CAF" is not "café")."""
    form, own = text.fold(word), text.fold(expression)
    if is_acronym(expression):
        return form in (own, own + "s")

    def root(f):
        f = f[:-1] if f[-1:] in ("s", "x") else f
        f = f[:-1] if f.endswith("e") and len(f) > len(key) else f
        return f[:-1] if len(f) > len(key) and f[-2:] in ("nn", "ll", "tt") else f
    return root(form)[len(key):len(key) + 2] == root(own)[len(key):len(key) + 2]


def shared_keys(groups, corpus_names=corpora.INDEXED):
    """Single-word expressions whose key the indexed texts also use for
    other words: "aidants" stems to "aid", the key of "aide" and "aider",
    "collectivité" to "collect", that of "collectif" and "collecte", so a
    question holding those words would be expanded with the group. Warned
    when those other words are in 5 documents or more and in a tenth as
    many documents as the expression's own forms or more.
    [(group, expression, key, [(documents, word)...])]"""
    documents_of = Counter()
    for corpus in corpus_names:
        for doc in corpora.documents(corpus):
            documents_of.update(set(doc))
    by_key = defaultdict(list)
    for word, count in documents_of.items():
        by_key[text.key_word(word)].append((count, word))
    found = []
    for group in groups:
        for expression in group.expressions:
            words = text.expression_words(expression)
            if len(words) != 1 or any(c.isdigit() for c in expression):
                continue  # the workbench's words leave numbers out: "Agenda 2030" is two words to the engine
            key = text.key_word(words[0])
            family = sum(n for n, w in by_key.get(key, []) if _inflection_of(w, expression, key))
            others = sorted(((n, w) for n, w in by_key.get(key, []) if not _inflection_of(w, expression, key)), reverse=True)
            shared = sum(n for n, _ in others)
            if shared >= 5 and shared * 10 >= family:
                found.append((group, expression, key, others[:3]))
    return found


def reach_table(groups):
    """[(group, [(expression, {corpus: (all words, as a phrase)})])]"""
    present = [c for c in corpora.CORPORA if corpora.postings(c).size]
    table = []
    for group in groups:
        rows = []
        for expression in group.expressions:
            counts = {}
            for corpus in present:
                p = corpora.postings(corpus)
                counts[corpus] = (p.count(expression), p.phrase_count(expression))
            rows.append((expression, counts))
        table.append((group, rows))
    return present, table


def run(args):
    thesaurus = thesaurus_file.Thesaurus(args.thesaurus)
    groups = thesaurus.groups()
    hard, soft = split_errors(thesaurus_file.validate(thesaurus), groups)
    for line, message in hard:
        print(f"{args.thesaurus}:{line}: erreur : {message}")
    for group, expression, key, others in shared_keys(groups):
        words = ", ".join(f"« {w} » ({n} documents)" for n, w in others)
        soft.append((group.line, f"« {expression} » a la clé « {key} », aussi celle de {words} dans les textes indexés"))
    for line, message in soft:
        print(f"{args.thesaurus}:{line}: avertissement : {message}")

    present, table = reach_table(groups)
    indexed = [c for c in corpora.INDEXED if c in present]
    unreached, expressions_unreached = [], 0
    report = open(args.report, "w", encoding="utf-8") if args.report else None
    if report:
        report.write("ligne\tgroupe\texpression\t" + "\t".join(f"{c} (mots)\t{c} (expression)" for c in present) + "\n")
    for group, rows in table:
        reached = any(counts[c][0] for _, counts in rows for c in indexed)
        expressions_unreached += sum(1 for _, counts in rows if not any(counts[c][0] for c in indexed))
        if not reached:
            unreached.append(group)
            print(f"{args.thesaurus}:{group.line}: aucun document des corpus indexés ({', '.join(indexed)}) : {' | '.join(group.expressions)}")
        if report:
            for expression, counts in rows:
                report.write(f"{group.line}\t{group.expressions[0]}\t{expression}\t"
                             + "\t".join(f"{counts[c][0]}\t{counts[c][1]}" for c in present) + "\n")
    if report:
        report.close()
    sizes = ", ".join(f"{c} {corpora.postings(c).size}" for c in present)
    print(f"{len(groups)} groupes, {sum(len(g.expressions) for g in groups)} expressions ; "
          f"{len(hard)} erreurs, {len(soft)} avertissements ; {len(unreached)} groupes et "
          f"{expressions_unreached} expressions n'atteignent aucun document de {'+'.join(indexed)} "
          f"(documents : {sizes})")
    return 1 if hard else 0
