"""FHIR R4 read API: the pure rules. Code systems and LOINC codes, resource ids, search parameters
(references, date ranges with their prefixes, tokens), the translation of the form's enable conditions
into FHIR `enableWhen`, and the table of what is served (the CapabilityStatement is built from it).

Plain Python (PyYAML only): no Flask, no SQLAlchemy. Tested directly in tests/unit/test_fhir_rules.py.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from toolkit.common.text import slugify

FHIR_VERSION = "4.0.1"
MEDIA_TYPE = "application/fhir+json"
LOINC_FILE = Path(__file__).resolve().parents[2] / "seed" / "fhir" / "loinc.yaml"

# Our own canonical base. The project has no domain of its own yet, so the base is under the reserved
# `.example` top-level domain: these URLs identify our code systems and the intake Questionnaire; they are
# not addresses to fetch (the resources themselves are served by each deployment under /api/v1/fhir).
CANONICAL = "https://inner-child-toolkit.example/fhir"
CS_INSTRUMENT = f"{CANONICAL}/CodeSystem/screening-instrument"  # instruments, their totals, their items
CS_ANSWER = f"{CANONICAL}/CodeSystem/screening-answer"  # "<item id>.<option value>"
CS_BAND = f"{CANONICAL}/CodeSystem/score-band"  # "<instrument>.<band>"
CS_OUTCOME = f"{CANONICAL}/CodeSystem/screening-outcome"  # clear, caution, refer, defer
CS_FLAG = f"{CANONICAL}/CodeSystem/screening-flag"  # the four contraindication flags
CS_GROUP_KIND = f"{CANONICAL}/CodeSystem/group-kind"  # individual, couples, family, retreat
QUESTIONNAIRE_URL = f"{CANONICAL}/Questionnaire/intake"
OWN_CODE_SYSTEMS = {  # the last part of the URL: (title, description); served as CodeSystem/<name>
    "screening-instrument": ("Intake screening instruments, scores and items",
                             "Instruments, total scores and items of the intake form that have no LOINC code "
                             "(PC-PTSD-5, ASQ, the drug-use question and our own instruments), and the screening "
                             "outcome concepts."),
    "screening-answer": ("Intake screening answer options",
                         "One code per answer option without a LOINC answer code: `<item id>.<option value>`; the "
                         "option value is the item score."),
    "score-band": ("Score bands", "The severity band of an instrument's total score: `<instrument>.<band>`."),
    "screening-outcome": ("Intake screening outcomes",
                          "The outcome of a screening, from least to most restrictive (decision support)."),
    "screening-flag": ("Contraindication flags", "The contraindications a screening can raise."),
    "group-kind": ("Group kinds", "The kinds of group a practice plans for."),
}
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

# HL7 terminology (code systems of the FHIR specification).
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SURVEY = {"system": OBSERVATION_CATEGORY, "code": "survey"}  # the category of every Observation served
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"
UCUM = "http://unitsofmeasure.org"

# Codes of our own: the outcome Observation and the "computed outcome" component of an overridden one.
OUTCOME_CODE = "outcome"
COMPUTED_OUTCOME_CODE = "computed-outcome"
OWN_CONCEPTS = {
    OUTCOME_CODE: "Intake screening outcome (decision support, not a diagnosis)",
    COMPUTED_OUTCOME_CODE: "Intake screening outcome as computed from the answers, before any override",
}

_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


# --------------------------------------------------------------------------------------------------------
# LOINC: only the codes of seed/fhir/loinc.yaml, each checked against a cited page
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    system: str
    code: str
    display: str

    def coding(self) -> dict:
        return {"system": self.system, "code": self.code, "display": self.display}


@functools.cache
def loinc() -> dict:
    """The LOINC table: {"instruments": {code: {"panel", "total", "items", "answers"}}, "answer_lists"}."""
    return yaml.safe_load(LOINC_FILE.read_text(encoding="utf-8"))


def loinc_check_digit(number: str) -> int:
    """The check digit of a LOINC code's numeric part (the mod-10 rule of the LOINC Users' Guide)."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return (10 - total % 10) % 10


def is_valid_loinc(code: str) -> bool:
    match = re.fullmatch(r"(\d{1,7})-(\d)", code)
    return match is not None and loinc_check_digit(match.group(1)) == int(match.group(2))


def _loinc(entry: dict | None) -> Code | None:
    return Code(loinc()["system"], entry["code"], entry["display"]) if entry else None


def instrument_code(code: str, title: str) -> Code:
    """The code of an instrument as a whole (a Questionnaire group): its LOINC panel, else ours."""
    return _loinc(loinc()["instruments"].get(code, {}).get("panel")) or Code(CS_INSTRUMENT, code, title)


def total_code(code: str, title: str) -> Code:
    """The code of an instrument's total score (an Observation): LOINC where one exists, else ours."""
    found = _loinc(loinc()["instruments"].get(code, {}).get("total"))
    return found or Code(CS_INSTRUMENT, f"{code}.total", f"{title} total score")


def item_code(instrument: str, item_id: str, text: str) -> Code:
    found = loinc()["instruments"].get(instrument, {}).get("items", {}).get(item_id)
    return _loinc(found) or Code(CS_INSTRUMENT, item_id, text)


def answer_code(instrument: str, item_id: str, value: int, label: str) -> Code:
    """The coding of one answer option. A LOINC answer code only where the instrument's LOINC answer list has
    the same value with the same label (so an edited option can never carry a code that means something else)."""
    list_name = loinc()["instruments"].get(instrument, {}).get("answers")
    for answer in loinc()["answer_lists"].get(list_name, ()) if list_name else ():
        if answer["value"] == value and answer["display"].casefold() == label.casefold():
            return Code(loinc()["system"], answer["code"], answer["display"])
    return Code(CS_ANSWER, f"{item_id}.{value}", label)


def band_code(instrument: str, band: str) -> Code:
    return Code(CS_BAND, f"{instrument}.{slugify(band)}", band)


# --------------------------------------------------------------------------------------------------------
# Resource ids
# --------------------------------------------------------------------------------------------------------


def is_fhir_id(value: str) -> bool:
    return bool(_ID.match(value or ""))


def questionnaire_id(version: str) -> str:
    """The Questionnaire of a form version has the version as its id (e.g. `2026-11.1`), made id-safe."""
    return version if is_fhir_id(version) else (re.sub(r"[^A-Za-z0-9\-.]+", "-", version).strip("-")[:64] or "form")


def observation_id(screening_id: str, part: str) -> str:
    """`<screening id>-<instrument code with '-' for '_'>` for a score, `<screening id>-outcome` for the
    outcome. FHIR ids allow letters, digits, '-' and '.' only."""
    return f"{screening_id}-{part.replace('_', '-')}"


def parse_observation_id(value: str) -> tuple[str, str] | None:
    """(screening id, part) of an Observation id, part being an instrument code or "outcome"; None when the
    id cannot be one of ours. Screening ids are UUIDs (36 characters)."""
    if not is_fhir_id(value) or len(value) < 38 or value[36] != "-":
        return None
    return value[:36], value[37:].replace("-", "_")


# --------------------------------------------------------------------------------------------------------
# Search parameters
# --------------------------------------------------------------------------------------------------------


class SearchError(ValueError):
    """A search parameter value that cannot be understood (400)."""


DATE_PREFIXES = ("eq", "ne", "gt", "lt", "ge", "le")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class DateRange:
    """A `date` search value: a prefix and the interval [start, end) its precision covers."""

    prefix: str
    start: datetime
    end: datetime

    def matches(self, moment: datetime) -> bool:
        """FHIR's comparison of a point in time (an effective dateTime) with the searched interval."""
        return {
            "eq": self.start <= moment < self.end,
            "ne": not (self.start <= moment < self.end),
            "gt": moment >= self.end,
            "ge": moment >= self.start,
            "lt": moment < self.start,
            "le": moment < self.end,
        }[self.prefix]


def parse_date(value: str) -> DateRange:
    """`[prefix]YYYY[-MM[-DD]]` or `[prefix]` + an ISO 8601 dateTime with an offset. A date without a time
    zone is a UTC date. The prefix defaults to `eq`; its range is the value's whole precision (a day, a month,
    a year, or the exact second)."""
    prefix, rest = (value[:2], value[2:]) if value[:2] in DATE_PREFIXES else ("eq", value)
    match = _DATE.match(rest)
    if match:
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            if day:
                start = datetime(int(year), int(month), int(day), tzinfo=UTC)
                end = start + timedelta(days=1)
            elif month:
                start = datetime(int(year), int(month), 1, tzinfo=UTC)
                end = datetime(int(year) + int(month) // 12, int(month) % 12 + 1, 1, tzinfo=UTC)
            else:
                start = datetime(int(year), 1, 1, tzinfo=UTC)
                end = datetime(int(year) + 1, 1, 1, tzinfo=UTC)
        except ValueError as exc:
            raise SearchError(f"{value!r} is not a valid date.") from exc
        if not 2000 <= start.year < 2200:
            raise SearchError("Dates must be between 2000 and 2199.")
        return DateRange(prefix, start, end)
    try:
        moment = datetime.fromisoformat(rest.replace("Z", "+00:00"))
    except ValueError as exc:
        raise SearchError(f"{value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime with an offset), "
                          f"optionally after one of the prefixes {', '.join(DATE_PREFIXES)}.") from exc
    if moment.tzinfo is None or "T" not in rest:
        raise SearchError(f"{value!r}: a dateTime needs a time and an offset, e.g. 2026-03-01T09:00:00+01:00.")
    if not 2000 <= moment.year < 2200:
        raise SearchError("Dates must be between 2000 and 2199.")
    moment = moment.astimezone(UTC)
    return DateRange(prefix, moment, moment + timedelta(seconds=1))


def sql_bounds(ranges: list[DateRange]) -> tuple[datetime | None, datetime | None]:
    """The narrowest [lower, upper) window containing every match of all ranges (ANDed), for the database;
    `ne` adds no bound (it is applied afterwards with DateRange.matches)."""
    lower = upper = None
    for r in ranges:
        low = {"eq": r.start, "ge": r.start, "gt": r.end}.get(r.prefix)
        high = {"eq": r.end, "le": r.end, "lt": r.start}.get(r.prefix)
        if low is not None and (lower is None or low > lower):
            lower = low
        if high is not None and (upper is None or high < upper):
            upper = high
    return lower, upper


def parse_reference(value: str, resource_type: str) -> str:
    """`Patient/<id>`, a bare `<id>`, or an absolute URL ending in `Patient/<id>`: the id."""
    candidate = value.rsplit("/", 2)
    if len(candidate) >= 2 and candidate[-2] != resource_type and "/" in value:
        raise SearchError(f"must reference a {resource_type} (e.g. {resource_type}/<id>).")
    ident = candidate[-1]
    if not is_fhir_id(ident):
        raise SearchError(f"{value!r} is not a {resource_type} reference.")
    return ident


def parse_token(value: str) -> tuple[str | None, str]:
    """`system|code`, `|code` (no system) or `code` (any system): (system or None for any, code)."""
    if "|" in value:
        system, code = value.split("|", 1)
        if not code:
            raise SearchError(f"{value!r}: a token needs a code after the '|'.")
        return system, code
    if not value:
        raise SearchError("a token needs a code.")
    return None, value


def token_matches(tokens: list[tuple[str | None, str]], codings: list[dict]) -> bool:
    """Whether any of the (OR-ed) tokens matches any coding."""
    return any(code == c.get("code") and (system is None or system == (c.get("system") or ""))
               for system, code in tokens for c in codings)


# --------------------------------------------------------------------------------------------------------
# enableWhen
# --------------------------------------------------------------------------------------------------------


def enable_when(conditions, behavior: str, option_values) -> tuple[list[tuple[str, str, int]], str | None]:
    """Our conditions ("item `x` answered with one of `values`", combined by `behavior` all/any) as FHIR
    enableWhen triples (question, operator, value) and the enableBehavior.

    * any (or a single condition): one `=` per accepted value, combined with `any`;
    * all: a one-value condition is one `=`; a condition with several accepted values becomes `!=` for each of
      the values it does not accept, so that every triple must hold (`all`).
    `option_values(item_id)` gives the option values of an earlier item."""
    conditions = list(conditions)
    if not conditions:
        return [], None
    if behavior == "any" or len(conditions) == 1:
        triples = [(c.item, "=", v) for c in conditions for v in c.values]
        return triples, ("any" if len(triples) > 1 else None)
    triples = []
    for c in conditions:
        if len(c.values) == 1:
            triples.append((c.item, "=", c.values[0]))
        else:
            triples.extend((c.item, "!=", v) for v in option_values(c.item) if v not in c.values)
    return triples, "all"


# --------------------------------------------------------------------------------------------------------
# What is served: one table, from which the CapabilityStatement is built
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchParam:
    name: str
    type: str
    documentation: str


@dataclass(frozen=True)
class Served:
    type: str
    interactions: tuple[str, ...]
    search: tuple[SearchParam, ...] = ()
    documentation: str = ""


COUNT_MAX = 100
COUNT_DEFAULT = 50

SERVED = (
    Served("Patient", ("read",), documentation="A participant: name, birth date, contact and emergency contact "
                                               "as held. No identifiers are invented."),
    Served("Questionnaire", ("read",), documentation="The intake form, one resource per version (the id is the "
                                                     "version)."),
    Served("QuestionnaireResponse", ("read", "search-type"), (
        SearchParam("subject", "reference", "The participant: Patient/<id>."),
        SearchParam("patient", "reference", "The same as subject (FHIR's standard name for a Patient subject)."),
        SearchParam("authored", "date", "When the screening was taken; prefixes eq, ne, gt, lt, ge, le."),
    ), "One per intake screening: the answers as given."),
    Served("Observation", ("read", "search-type"), (
        SearchParam("subject", "reference", "The participant: Patient/<id>."),
        SearchParam("patient", "reference", "The same as subject (FHIR's standard name for a Patient subject)."),
        SearchParam("category", "token", "observation-category|survey: every Observation served here."),
        SearchParam("date", "date", "The effective time (the screening's time); prefixes eq, ne, gt, lt, ge, le."),
        SearchParam("code", "token", "system|code, e.g. http://loinc.org|44261-6 for PHQ-9 totals."),
    ), "One per instrument score of a screening (LOINC where one exists), and one for the outcome and flags."),
    Served("Group", ("read",), documentation="A group of participants: kind and members with their membership."),
    Served("PlanDefinition", ("read",), documentation="A session template (a plan with no group)."),
    Served("CarePlan", ("read",), documentation="A group's scheduled sessions (the id is the group's)."),
    Served("CodeSystem", ("read",), documentation="Our own code systems (ids: " + ", ".join(OWN_CODE_SYSTEMS)
                                                  + "), with every code the other resources use."),
)
SERVED_TYPES = tuple(s.type for s in SERVED)
