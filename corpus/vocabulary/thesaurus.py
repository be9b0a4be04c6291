"""corpus/thesaurus.txt read as lines (comments, sections, groups), with the
rules of its header: 2 to 6 expressions a group, 1 to 6 words an
expression, each expression analysable and in one group only (by its
synonym-table key, so "conseils citoyens" and "conseil citoyen" are one)."""
from dataclasses import dataclass, field

import text

SEPARATOR = " | "
MIN_EXPRESSIONS, MAX_EXPRESSIONS, MAX_WORDS = 2, 6, 6


@dataclass
class Group:
    line: int  # 1-based line number in the file
    expressions: list
    keys: list = field(default_factory=list)

    def __post_init__(self):
        self.keys = [text.expression_key(e) for e in self.expressions]


class Thesaurus:
    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()

    def groups(self):
        out = []
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                out.append(Group(number, [e.strip() for e in stripped.split("|")]))
        return out

    def key_owner(self):
        """Each synonym key -> the group that holds it (the first one)."""
        owner = {}
        for group in self.groups():
            for key in group.keys:
                owner.setdefault(key, group)
        return owner

    def section_end(self, title):
        """Index (0-based) after the last line of the section whose header
        line contains `title`, or None."""
        start = next((i for i, l in enumerate(self.lines) if l.startswith("# ---") and title.lower() in l.lower()), None)
        if start is None:
            return None
        end = start + 1
        while end < len(self.lines) and not self.lines[end].startswith("# ---"):
            end += 1
        while end > start + 1 and not self.lines[end - 1].strip():
            end -= 1
        return end

    def write(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write("\n".join(self.lines) + "\n")


def expression_problems(expression):
    """Why an expression breaks the header's rules, or []."""
    problems = []
    if not expression:
        return ["expression vide"]
    if "|" in expression:
        problems.append("« | » dans une expression")
    # Hyphenated words count by their parts, as the engine's analyzer splits them.
    words = text.expression_words(expression)
    if not words:
        problems.append("aucun mot analysable")
    elif len(words) > MAX_WORDS:
        problems.append(f"{len(words)} mots (6 au plus)")
    elif all(text.is_stopword(w) for w in text.expression_words(expression)):
        problems.append("seulement des petits mots (stopwords.h)")
    for word in text.expression_words(expression):
        stem = text.key_word(word)
        if not text.is_stopword(word) and stem in text.stopwords() and text.key_word(stem) == stem:
            # "ENS" is stemmed to "en": as an equivalent it would match every text.
            problems.append(f"« {word} » se réduit à « {stem} », un petit mot présent partout")
    return problems


def group_problems(expressions):
    """Why a group breaks the rules on its own, or []."""
    problems = []
    if not MIN_EXPRESSIONS <= len(expressions) <= MAX_EXPRESSIONS:
        problems.append(f"{len(expressions)} expressions (de 2 à 6)")
    seen = {}
    for expression in expressions:
        problems += [f"« {expression} » : {p}" for p in expression_problems(expression)]
        key = text.expression_key(expression)
        if key in seen:
            problems.append(f"« {expression} » et « {seen[key]} » ont la même forme analysée ({key})")
        seen.setdefault(key, expression)
    return problems


def validate(thesaurus):
    """Every rule broken in the file: [(line, message)]."""
    errors = []
    owner = {}
    for group in thesaurus.groups():
        errors += [(group.line, p) for p in group_problems(group.expressions)]
        for expression, key in zip(group.expressions, group.keys):
            if key in owner and owner[key][0] != group.line:
                errors.append((group.line, f"« {expression} » est déjà dans le groupe de la ligne {owner[key][0]} (« {owner[key][1]} »)"))
            owner.setdefault(key, (group.line, expression))
    return errors
