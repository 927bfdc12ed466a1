"""Our own FHIR code systems (screening outcome, flag, group kind, and the form-based ones): their displays,
definitions and the CodeSystem resources that define every code the API emits in them. Plain Python."""

from __future__ import annotations

from ..vocab import FLAGS, GROUP_KINDS, OUTCOMES
from . import rules
from .rules import CS_FLAG, CS_GROUP_KIND, CS_INSTRUMENT, CS_OUTCOME, OWN_CONCEPTS

OUTCOME_DISPLAY = {"clear": "Clear: may take part in every module",
                   "caution": "Caution: take part with adaptations",
                   "refer": "Refer: individual, trauma-informed care first",
                   "defer": "Defer: acute crisis, stabilise first"}
FLAG_DISPLAY = {"unresolved_trauma": "Unresolved trauma", "mood_exacerbation": "Mood exacerbation",
                "dissociation": "Dissociation", "acute_crisis": "Acute crisis"}
KIND_DISPLAY = {"individual": "Individual", "couples": "Couple", "family": "Family", "retreat": "Retreat",
                "group": "Therapy group"}
OUTCOME_DEFINITION = {
    "clear": "No contraindication flag: may take part in every module.",
    "caution": "A flag that adaptation can hold: modules marked adapt are adapted, exclude ones skipped.",
    "refer": "Needs individual, trauma-informed care first: blocks group inner child work.",
    "defer": "Acute crisis: stabilise now, no inner child work.",
}
FLAG_DEFINITION = {
    "unresolved_trauma": "Complex childhood trauma, or trauma symptoms when recalling childhood.",
    "mood_exacerbation": "Depression or anxiety that the work may worsen.",
    "dissociation": "Feeling disconnected from body or self, especially under emotional load.",
    "acute_crisis": "Suicidal thoughts, problematic substance use, or another present crisis.",
}
KIND_DEFINITION = {"individual": "One participant.", "couples": "Two participants.",
                   "family": "Two or more participants of one family.", "retreat": "Up to the group's capacity.",
                   "group": "A therapy group of unrelated adults, up to its capacity."}


def code_system_concepts(name: str, forms) -> list[dict]:
    """The concepts of one of our code systems (by the last part of its URL). The form-based ones are built with
    the very functions that code the resources, over every form version `forms` holds, so every code the API
    emits in our systems is defined here."""
    system = f"{rules.CANONICAL}/CodeSystem/{name}"
    concepts: dict[str, dict] = {}
    candidates = [*_vocabulary_codes(name), *(pair for form in forms for pair in _form_codes(form)),
                  *((rules.Code(CS_INSTRUMENT, code, display), None) for code, display in OWN_CONCEPTS.items())]
    for code, definition in candidates:
        if code.system == system:
            concepts[code.code] = {"code": code.code, "display": code.display,
                                   **({"definition": definition} if definition else {})}
    return list(concepts.values())


Concept = tuple[rules.Code, str | None]  # a code and its definition (None: no definition)


def _vocabulary_codes(name: str) -> list[Concept]:
    """The codes of a closed vocabulary: screening outcomes, flags, group kinds."""
    if name == "screening-outcome":
        return [(rules.Code(CS_OUTCOME, o, OUTCOME_DISPLAY[o]), OUTCOME_DEFINITION[o]) for o in OUTCOMES]
    if name == "screening-flag":
        return [(rules.Code(CS_FLAG, f, FLAG_DISPLAY[f]), FLAG_DEFINITION[f]) for f in FLAGS]
    if name == "group-kind":
        kinds = (*GROUP_KINDS, *(k for k in KIND_DISPLAY if k not in GROUP_KINDS))
        return [(rules.Code(CS_GROUP_KIND, k, KIND_DISPLAY[k]), KIND_DEFINITION[k]) for k in kinds]
    return []


def _form_codes(form) -> list[Concept]:
    """Every code one form version gives: instruments, totals, bands, escalations, items and answers."""
    out: list[Concept] = []
    for instrument in form.instruments:
        out.append((rules.instrument_code(instrument.code, instrument.title), f"Source: {instrument.source}"))
        out.append((rules.total_code(instrument.code, instrument.title), None))
        out += [(rules.band_code(instrument.code, band.label), f"{instrument.title} {band.min}-{band.max}")
                for band in instrument.scoring.bands]
        out += [(rules.band_code(instrument.code, e.label), None) for e in instrument.scoring.escalations]
        for item in instrument.items:
            out.append((rules.item_code(instrument.code, item.id, item.text), None))
            out += [(rules.answer_code(instrument.code, item.id, option.value, option.label),
                     f"{item.id} answered {option.value}") for option in item.options]
    return out


def code_system(name: str, forms, *, version: str) -> dict:
    title, description = rules.OWN_CODE_SYSTEMS[name]
    return {
        "resourceType": "CodeSystem",
        "id": name,
        "url": f"{rules.CANONICAL}/CodeSystem/{name}",
        "version": version,
        "name": "".join(part.title() for part in name.split("-")),
        "title": title,
        "status": "active",
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "concept": code_system_concepts(name, forms),
    }
