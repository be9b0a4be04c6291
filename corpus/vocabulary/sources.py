"""The sources of candidate groups. Each yields (expressions, score,
reasons, section), best first, at most `limit`:

  expert        groups written from knowledge of the field (proposals/*.txt)
  acronyms      corpus/acronyms/sigles.tsv meanings whose long form the texts use
  cooccurrence  equivalents the indexed texts state themselves: "long form
                (SIGLE)", "SIGLE (long form)", "X (ou Y)", "X (en anglais Y)"
  fasttext      nearest neighbours of thesaurus expressions and frequent
                phrases in the vectors trained on the corpora (vectors.py)
  mythes        LibreOffice's French thesaurus (Debian mythes-fr), looked up
                by hunspell lemma, kept when the two words are associated in
                the corpora (vector cosine)
  everyday      how the corpora say a participation method or procedure: the
                nearest frequent phrases (vectors.py) of the expressions of
                the thesaurus's participation sections
"""
import csv
import difflib
import math
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import corpora
import text

HERE = Path(__file__).resolve().parent
PROPOSALS = HERE / "proposals"
SIGLES = corpora.REPO / "corpus" / "acronyms" / "sigles.tsv"
MYTHES = Path("/usr/share/mythes/th_fr_FR_v2.dat")
HUNSPELL_DICTIONARY = "fr_FR"
KEEP_CAPITALISED = {"france", "paris", "europe", "état", "république", "grand", "territoires"}


def _reach(expression, corpus_names=corpora.INDEXED):
    return sum(corpora.postings(c).phrase_count(expression) for c in corpus_names if corpora.postings(c).size)


def expert(thesaurus, limit, files=None):
    """proposals/*.txt (or `files`): thesaurus-format groups, "# --- Section ---" headers."""
    for path in files or sorted(PROPOSALS.glob("*.txt")):
        section = ""
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if line.startswith("# ---"):
                    section = line.strip("# -")
                if not line or line.startswith("#"):
                    continue
                expressions = [e.strip() for e in line.split("|")]
                reach = sum(_reach(e) for e in expressions)
                yield expressions, reach, f"{path.name}:{number}", section


def thesaurus_form(long_form):
    """A long form as the thesaurus writes it: lower case but proper names,
    no commas: "Conseil économique, social et environnemental" ->
    "conseil économique social et environnemental"."""
    words = long_form.replace(",", " ").split()
    return " ".join(w if w.lower() in KEEP_CAPITALISED and i > 0 else w.lower() for i, w in enumerate(words))


def acronyms(thesaurus, limit):
    meanings = defaultdict(list)
    with open(SIGLES, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meanings[row["sigle"]].append(row)
    owner = thesaurus.key_owner()
    scored = []
    for acronym, rows in meanings.items():
        held = owner.get(text.expression_key(acronym))
        used = []
        for row in rows:
            long_form = thesaurus_form(row["forme_longue"])
            if len(text.expression_words(long_form)) > 6 or any(c.isdigit() for c in long_form):
                continue
            if held and text.expression_key(long_form) not in held.keys:
                continue  # the acronym already stands for another meaning in the thesaurus
            indexed, debate = _reach(long_form), _reach(long_form, ("gd",))
            if indexed or debate >= 3:
                used.append((indexed + debate / 10, long_form, indexed, debate, row["provenance"]))
        used.sort(reverse=True)
        for score, long_form, indexed, debate, provenance in used:
            others = "; ".join(f"{o[1]} ({o[2]}+{o[3]})" for o in used if o[1] != long_form)
            reasons = (f"forme longue écrite dans {indexed} documents indexés et {debate} du Grand Débat ; {provenance}"
                       + (f" ; autres sens : {others}" if others else ""))
            scored.append((score, [acronym, long_form], reasons))
    scored.sort(key=lambda s: -s[0])
    for score, expressions, reasons in scored[:limit]:
        yield expressions, round(score, 1), reasons, "Acronyms of local government"


DEFINITION = re.compile(r"((?:[\w'’-]+ ){1,8}?)\(\s*(ou |aussi appelée? |également appelée? |dite? |en anglais |anglais : |ou encore )?([^()]{2,60}?)\s*\)")
ELIDED_START = re.compile(r"^(?:l|d)['’]", re.IGNORECASE)


def _fits(acronym, words):
    letters = [c for c in text.fold(acronym) if c.isalpha()]
    initials = [text.fold(w)[:1] for w in words if not text.is_stopword(w) and not w.endswith("'")]
    return initials == letters


def cooccurrence(thesaurus, limit):
    """Equivalents the indexed texts state in a parenthesis: an acronym and
    its long form (initials checked), or two expressions joined by "ou",
    "aussi appelé", "en anglais"..."""
    pairs = Counter()
    for corpus in corpora.INDEXED:
        for path in corpora.CORPORA[corpus][1]():
            for record in corpora._records(path):
                seen = set()
                for match in DEFINITION.finditer(corpora._document_text(record, corpus)):
                    pair = _definition_pair(match.group(1).split(), match.group(2), " ".join(match.group(3).split()))
                    if pair and pair not in seen:
                        seen.add(pair)
                        pairs[pair] += 1
    ranked = sorted(pairs.items(), key=lambda p: -p[1])
    for (a, b), documents in ranked[:limit]:
        yield [a, b], documents, f"défini ainsi dans {documents} documents indexés", ""


def _acronym_shaped(word):
    return word.isalnum() and sum(c.isupper() for c in word) >= 2


def _definition_pair(before, marker, inside):
    inside_words = inside.split()
    if len(inside_words) == 1 and _acronym_shaped(inside):
        # "plan local d'urbanisme (PLU)": the shortest tail whose initials fit.
        for k in range(1, len(before) + 1):
            tail = ELIDED_START.sub("", " ".join(before[-k:]))
            if _fits(inside, text.words(tail, elisions=True)):
                return (inside, thesaurus_form(tail))
        return None
    if len(before) >= 1 and _acronym_shaped(before[-1]) and len(inside_words) <= 6:
        # "PLU (plan local d'urbanisme)"
        inside = ELIDED_START.sub("", inside)
        if _fits(before[-1], text.words(inside, elisions=True)):
            return (before[-1], thesaurus_form(inside))
        return None
    if marker and 1 <= len(inside_words) <= 4 and not any(c.isdigit() for c in inside):
        # "forum ouvert (ou open space)": as many words before as inside, 2 to 4.
        tail = " ".join(before[-min(len(before), max(len(inside_words), 2)):]).lower()
        return (tail, inside.lower())
    return None


def _vectors():
    import vectors
    if not vectors.MODEL.with_suffix(".vec").exists():
        print("vecteurs absents : lancer d'abord vocab.py train", file=sys.stderr)
        return None
    return vectors.Vectors()


def _frequent_targets(thesaurus, model, min_documents=3):
    """Thesaurus expressions, and phrases and words written in at least
    `min_documents` documents of the indexed texts: the words of the texts,
    whose everyday equivalents are wanted (not the Grand Débat's own topics)."""
    import vectors
    targets = [e.lower() for g in thesaurus.groups() for e in g.expressions]
    indexed = [d for c in corpora.INDEXED for d in corpora.documents(c, elisions=True)]
    for gram, count, score in vectors.load_phrases():
        phrase = " ".join(gram).replace("' ", "'")
        if score >= 0.45 and _phrase_documents(indexed, gram) >= min_documents:
            targets.append(phrase)
    return [t for t in dict.fromkeys(targets) if t in model]


def _phrase_documents(docs, gram, _cache={}):
    """Documents of `docs` writing the words of `gram` in a row (memoised
    index of the indexed texts' bigrams, enough to test a phrase's start)."""
    if "index" not in _cache:
        index = defaultdict(set)
        for number, doc in enumerate(docs):
            for i in range(len(doc) - 1):
                index[(doc[i], doc[i + 1])].add(number)
        _cache["index"] = index
    found = _cache["index"].get(tuple(gram[:2]), set())
    return len(found)


def _content_words(expression):
    return frozenset(text.key_word(w) for w in text.expression_words(expression) if not text.is_stopword(w))


def fasttext(thesaurus, limit, k=8, threshold=0.62):
    model = _vectors()
    if model is None:
        return
    scored = []
    for target in _frequent_targets(thesaurus, model):
        for neighbour, cosine in model.neighbours(target, k):
            if cosine < threshold or _variant(target, neighbour):
                continue
            back = [w for w, _ in model.neighbours(neighbour, k)]
            mutual = target in back
            score = cosine + (0.05 if mutual else 0)
            scored.append((score, target, neighbour, cosine, mutual))
    scored.sort(key=lambda s: -s[0])
    seen = set()
    for score, target, neighbour, cosine, mutual in scored:
        pair = frozenset((target, neighbour))
        if pair in seen:
            continue
        seen.add(pair)
        yield [target, neighbour], round(score, 3), f"cosinus {cosine:.2f}{', voisins mutuels' if mutual else ''}", ""
        if len(seen) >= limit:
            return


def _variant(a, b):
    """Same analysed form, one inside the other, spelt nearly alike (an
    inflection, a typo, or fastText's subwords: "restitution" and
    "destitution"), or a digit: not a synonym to review."""
    if text.expression_key(a) == text.expression_key(b):
        return True
    if difflib.SequenceMatcher(None, text.fold(a), text.fold(b)).ratio() >= 0.75:
        return True
    if " " in a and " " in b and _content_words(a) & _content_words(b):
        return True  # "sécheresse canicule" / "canicule inondations": kinds of one thing, not synonyms
    ka, kb = f" {text.expression_key(a)} ", f" {text.expression_key(b)} "
    return ka in kb or kb in ka or any(c.isdigit() for c in a + b) or text.is_stopword(b)


def _lemmas(words):
    """hunspell's stems of each word (hunspell -s), the word itself first."""
    result = subprocess.run(["hunspell", "-d", HUNSPELL_DICTIONARY, "-s"], input="\n".join(words) + "\n",
                            capture_output=True, text=True, check=True)
    lemmas = defaultdict(list)
    for line in result.stdout.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[1] not in lemmas[fields[0]]:
            lemmas[fields[0]].append(fields[1])
    return {w: list(dict.fromkeys([w] + lemmas.get(w, []))) for w in words}


def read_mythes(path=MYTHES):
    """headword -> synonyms (all senses merged, "(se)" and notes dropped)."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            head, _, count = line.rstrip("\n").rpartition("|")
            if not count.isdigit():
                continue
            synonyms = []
            for _ in range(int(count)):
                for s in f.readline().rstrip("\n").split("|")[1:]:
                    s = re.sub(r"\([^)]*\)", "", s).strip()
                    if s and s not in synonyms:
                        synonyms.append(s)
            entries[head] = synonyms
    return entries


def mythes(thesaurus, limit, min_documents=3, threshold=0.45):
    model = _vectors()
    if model is None:
        return
    entries = read_mythes()
    vocabulary = Counter()
    for corpus in corpora.INDEXED:
        for doc in corpora.documents(corpus):
            vocabulary.update(w for w in set(doc) if len(w) > 3 and not text.is_stopword(w) and w.isalpha())
    words = [w for w, n in vocabulary.items() if n >= min_documents]
    lemmas = _lemmas(words)
    scored = {}
    for word in words:
        for lemma in lemmas[word]:
            for synonym in entries.get(lemma, []):
                if synonym not in model or lemma not in model or _variant(lemma, synonym):
                    continue
                cosine = model.similarity(lemma, synonym)
                if cosine >= threshold:
                    scored[frozenset((lemma, synonym))] = (cosine, lemma, synonym)
    for cosine, lemma, synonym in sorted(scored.values(), key=lambda s: -s[0])[:limit]:
        yield [lemma, synonym], round(cosine, 3), f"mythes-fr ({lemma}), cosinus {cosine:.2f}, {_pmi(lemma, synonym)}", ""


def _pmi(a, b, corpus="gd"):
    """Pointwise mutual information of two expressions over the documents of
    `corpus` (log of how much more often they share a document than chance)."""
    p = corpora.postings(corpus)
    na, nb = p.count(a), p.count(b)
    both = len(set(p.reached(a).tolist()) & set(p.reached(b).tolist())) if na and nb else 0
    if not both:
        return f"jamais ensemble dans {corpus} ({na} et {nb} documents)"
    return f"PMI {math.log(both * p.size / (na * nb)):.1f} dans {corpus} ({both} documents ensemble, {na} et {nb})"


PARTICIPATION_SECTIONS = ("Participation methods", "General participation")


def _section_expressions(thesaurus, titles):
    """Expressions of the thesaurus groups under the sections whose header
    holds one of `titles`, lower-cased."""
    found, inside = [], False
    for line in thesaurus.lines:
        if line.startswith("# ---"):
            inside = any(t.lower() in line.lower() for t in titles)
        elif inside and line.strip() and not line.startswith("#"):
            found += [e.strip().lower() for e in line.split("|")]
    return found


def _plain_phrase(phrase):
    """A phrase of words, not of a template: no digits, no one- or two-letter
    word that is not a little word ("ici https", "gouv fr", "ème projet")."""
    words = phrase.split()
    return len(words) > 1 and not any(c.isdigit() for c in phrase) and all(
        len(w.rstrip("'")) > 2 or text.is_stopword(w.rstrip("'")) for w in words)


def everyday(thesaurus, limit, k=30, threshold=0.55):
    """Phrases of the corpora (the Grand Débat's citizens' words among them)
    nearest to a participation method or procedure of the thesaurus: an
    everyday phrasing of the same thing ("demander l'avis" for consulter)
    is wanted, and the reviewer sorts it from the related topics and
    co-hyponyms that vectors also bring."""
    model = _vectors()
    if model is None:
        return
    import vectors
    phrase_set = {" ".join(g).replace("' ", "'") for g, _, _ in vectors.load_phrases()}
    scored = {}
    for target in dict.fromkeys(_section_expressions(thesaurus, PARTICIPATION_SECTIONS)):
        for neighbour, cosine in model.neighbours(target, k):
            if cosine < threshold or neighbour not in phrase_set or not _plain_phrase(neighbour) or _variant(target, neighbour):
                continue
            pair = frozenset((target, neighbour))
            if pair not in scored or scored[pair][0] < cosine:
                scored[pair] = (cosine, target, neighbour)
    for cosine, target, neighbour in sorted(scored.values(), key=lambda s: -s[0])[:limit]:
        yield [target, neighbour], round(cosine, 3), f"expression des corpus voisine de « {target} », cosinus {cosine:.2f}", ""


SOURCES = {"expert": expert, "acronyms": acronyms, "cooccurrence": cooccurrence, "fasttext": fasttext, "mythes": mythes, "everyday": everyday}
