"""Module search terms: what a search box expects. Pure functions (no Flask, no SQL), tested in tests/unit.

Text is cut into words, spelled the US way (visualisation -> visualization), reduced to a stem
(letters -> letter, meditation -> meditat, writing -> writ) and, for the words the source material uses for each
technique, tagged with the technique (meditate, imagery and visualization all find the guided visualisation;
hobbies finds play, reparent the caregiver work). The last word of a query also matches as a prefix, for a
type-ahead picker.
The same function prepares the stored terms and the query, so both meet on the same words; the database's
full-text search (FTS5 on SQLite, tsvector on PostgreSQL) matches and ranks them.
"""

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")

# UK spellings in our texts and their US form (both are matched, since both sides use the US form).
US_SPELLING = {
    "visualisation": "visualization", "visualisations": "visualizations", "visualise": "visualize",
    "visualising": "visualizing", "visualised": "visualized", "favourite": "favorite", "favourites": "favorites",
    "colour": "color", "colours": "colors", "behaviour": "behavior", "behaviours": "behaviors",
    "centre": "center", "centred": "centered", "recognise": "recognize", "realise": "realize",
    "practise": "practice", "practising": "practicing", "organise": "organize", "apologise": "apologize",
    "memorise": "memorize", "prioritise": "prioritize", "emphasise": "emphasize", "programme": "program",
    "programmes": "programs", "mum": "mom", "neighbour": "neighbor", "honour": "honor", "humour": "humor",
    "journalling": "journaling", "counselling": "counseling", "traumatised": "traumatized",
}

# The source's words for each technique: any of them finds the technique's modules.
TECHNIQUES = {
    "visualization": ("visualization", "visualize", "visualise", "imagery", "imagine", "meditate", "meditation",
                      "meditative", "guided"),
    "letter": ("letter", "letters", "write", "writing", "written"),
    "play": ("play", "playing", "playful", "game", "games", "toy", "toys", "hobby", "hobbies", "pastime",
             "pastimes", "fun"),
    "caregiver": ("caregiver", "caregivers", "parent", "parents", "parenting", "parental", "reparent",
                  "reparenting", "reparented", "nurture", "nurturing"),
    "food": ("food", "foods", "taste", "tastes", "meal", "meals", "snack", "snacks"),
    "mantra": ("mantra", "mantras", "affirmation", "affirmations"),
    "compassion": ("compassion", "compassionate", "kindness", "kind"),
    "journal": ("journal", "journals", "journaling", "diary"),
    "children": ("children", "child", "kids", "kid"),
    "grounding": ("grounding", "ground", "grounded"),
}


def stem(word: str) -> str:
    """A light suffix stripper: the same word in its usual forms gets the same stem."""
    word = US_SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    for suffix in ("izations", "ization", "ations", "ation", "ings", "ing", "ful", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            if suffix.startswith("ization"):
                word += "ize"
            elif suffix.startswith("ation"):
                word += "ate"
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


_TECHNIQUE_OF = {stem(w): f"t{name}" for name, words in TECHNIQUES.items() for w in words}


def words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def terms(text: str) -> str:
    """The stored search terms of a text: each word's stem, and its technique tag where it has one."""
    out = []
    for word in words(text):
        s = stem(word)
        out.append(s)
        if s in _TECHNIQUE_OF:
            out.append(_TECHNIQUE_OF[s])
    return " ".join(out)


@dataclass(frozen=True)
class Term:
    """One query word, as the database matches it: any of `alternatives` (the technique's tag and the word's own
    stem, so a module stored before a synonym was added still matches), and, for the last word while someone is
    still typing it, any stored term that starts with it (`prefix`)."""

    alternatives: tuple[str, ...]
    prefix: str | None = None


def query_terms(query: str, *, limit: int = 8) -> list[Term]:
    """One term per query word (all must match). The last word also matches as a prefix (three letters or more),
    for a type-ahead picker: `visual` finds the visualisation."""
    result: list[Term] = []
    seen: set[tuple[str, ...]] = set()
    found = words(query)[:limit]
    for position, word in enumerate(found):
        s = stem(word)
        alternatives = tuple(dict.fromkeys([_TECHNIQUE_OF[s], s] if s in _TECHNIQUE_OF else [s]))
        if alternatives in seen:
            continue
        seen.add(alternatives)
        last = position == len(found) - 1 and len(word) >= 3
        result.append(Term(alternatives, US_SPELLING.get(word, word) if last else None))
    return result


def module_terms(*, title: str, summary: str, participant_summary: str, steps, slug: str = "") -> tuple[str, str]:
    """(title terms, body terms) of a module: the title weighs more in the ranking."""
    body = " ".join([summary or "", participant_summary or "", " ".join(steps or []), (slug or "").replace("-", " ")])
    return terms(title), terms(body)
