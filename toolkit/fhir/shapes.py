"""The small JSON shapes every FHIR resource here is made of: an instant, a Coding, a Reference, a
data-absent reason. Plain Python."""

from __future__ import annotations

from datetime import UTC, datetime

from .rules import DATA_ABSENT


def instant(moment: datetime) -> str:
    """An instant with its offset, to the second (FHIR instant/dateTime)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def coding(system: str, code: str, display: str) -> dict:
    return {"system": system, "code": code, "display": display}


def reference(resource_type: str, ident: str, display: str | None = None) -> dict:
    ref = {"reference": f"{resource_type}/{ident}"}
    if display:
        ref["display"] = display
    return ref


def absent(code: str) -> dict:
    displays = {"asked-declined": "Asked But Declined", "not-asked": "Not Asked", "unknown": "Unknown"}
    return {"coding": [coding(DATA_ABSENT, code, displays[code])], "text": displays[code]}
