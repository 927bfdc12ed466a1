"""Safety plans (Stanley & Brown, 2012, "Safety Planning Intervention"): the seven sections, in the order the
person works through them, with the plain headings their printed copy uses. Pure data and checks."""

from dataclasses import dataclass

STATUSES = ("current", "superseded")
TEXT_SECTIONS = ("warning_signs", "internal_coping", "environment_safety", "reasons_for_living")
PEOPLE_SECTIONS = ("social_contacts", "people_to_ask", "professionals")
MAX_ITEMS = 20
MAX_TEXT = 300


@dataclass(frozen=True)
class Section:
    key: str
    step: int
    heading: str  # in the participant's voice: their printed copy uses it
    people: bool  # entries are people {name, contact}, not short texts


SECTIONS = (
    Section("warning_signs", 1, "Warning signs that a crisis may be starting", False),
    Section("internal_coping", 2, "Things I can do on my own to take my mind off my problems", False),
    Section("social_contacts", 3, "People and places that help me take my mind off things", True),
    Section("people_to_ask", 4, "People I can ask for help", True),
    Section("professionals", 5, "Professionals and services I can contact in a crisis", True),
    Section("environment_safety", 6, "Making where I am safer", False),
    Section("reasons_for_living", 7, "What matters most to me and is worth living for", False),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


def next_version(current: int | None) -> int:
    """The version number of a new plan: 1 for the first, else one more than the newest."""
    return 1 if current is None else current + 1


def clean_text(value: str) -> str:
    """One short text as the person said it, with only the surrounding spaces and runs of blanks tidied."""
    return " ".join(value.split())


def normalise(sections: dict) -> dict:
    """Every section present, texts tidied, empty entries dropped (a person's `contact` may be empty)."""
    result: dict = {}
    for section in SECTIONS:
        items = sections.get(section.key) or []
        if section.people:
            people = [{"name": clean_text(p["name"]), "contact": clean_text(p.get("contact") or "") or None}
                      for p in items]
            result[section.key] = [p for p in people if p["name"]]
        else:
            result[section.key] = [t for t in (clean_text(t) for t in items) if t]
    return result


def problems(sections: dict) -> dict[str, list[str]]:
    """Field errors of a normalised plan: a plan says something, and a person named twice is one entry."""
    errors: dict[str, list[str]] = {}
    if not any(sections.get(key) for key in SECTION_KEYS):
        errors["warning_signs"] = ["A safety plan needs at least one entry in one of its sections."]
    for section in SECTIONS:
        items = sections.get(section.key) or []
        seen = [(p["name"].casefold() if section.people else p.casefold()) for p in items]
        if len(seen) != len(set(seen)):
            errors[section.key] = ["The same entry is listed twice."]
    return errors


def printable(sections: dict) -> list[dict]:
    """The sections of the participant's printed copy, in order, each with its heading and entries (empty
    sections keep their heading and a few blank lines to write on)."""
    return [{"step": s.step, "heading": s.heading, "people": s.people, "entries": list(sections.get(s.key) or [])}
            for s in SECTIONS]
