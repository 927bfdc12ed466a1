"""FHIR R4 read API: load rows of the caller's practice (tenancy adds the filter), turn them into plain values,
call the pure builders, write the audit events reads of clinical data write everywhere else.

Reads only: nothing here changes a record. The audit event is the one write; the resource commits it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from ..attendance.models import AttendanceRecord
from ..audit.services import record
from ..errors import BadRequest, Invalid, NotFound
from ..extensions import db
from ..groups.models import Group, GroupMember
from ..groups.services import today_in
from ..participants.models import Participant
from ..plans.models import SessionPlan
from ..screening import services as screening_services
from ..screening.form import Form
from ..screening.form_loader import FormError, load_form
from ..screening.models import Screening
from ..web import audit_denied_attempt, get_or_404
from . import builders, codes, envelopes, records, rules

FORMS_ROOT = Path(__file__).resolve().parents[2] / "seed" / "screening"


# --------------------------------------------------------------------------------------------------------
# Form versions
# --------------------------------------------------------------------------------------------------------


@functools.cache
def _shipped_forms() -> dict[str, Form]:
    """Every form version shipped under seed/screening/<dir>/ (older ones stay there when a new one ships)."""
    found = {}
    for directory in sorted(p.parent for p in FORMS_ROOT.glob("*/form.yaml")):
        try:
            form = load_form(directory)
        except FormError:  # a broken old version must not take the FHIR API down; it is simply not served
            continue
        found[form.version] = form
    return found


def forms() -> tuple[dict[str, Form], str]:
    """All known form versions by version, and the current one's version."""
    current = screening_services.current_form()
    return {**_shipped_forms(), current.version: current}, current.version


# --------------------------------------------------------------------------------------------------------
# Plain values from rows
# --------------------------------------------------------------------------------------------------------


def _participant_view(p: Participant) -> dict:
    return {"id": p.id, "display_name": p.display_name, "date_of_birth": p.date_of_birth, "contact": p.contact,
            "emergency_contact": p.emergency_contact, "archived": p.archived, "updated_at": p.updated_at}


def screening_view(s: Screening) -> dict:
    """A screening as plain values. `complete` and `declined` are read when the model has them (they come with
    the screening-safety work); until then every stored screening is complete, with nothing declined."""
    return {
        "id": s.id, "participant_id": s.participant_id, "form_version": s.form_version, "answers": s.answers,
        "scores": s.scores, "flags": s.flags, "findings": s.findings or [], "computed_outcome": s.computed_outcome,
        "overrides": [{"outcome": o.outcome, "reason": o.reason, "by": o.by.name if o.by else None, "at": o.at}
                      for o in s.overrides],
        "screened_by": s.screened_by.name if s.screened_by else None, "screened_at": s.screened_at,
        "complete": getattr(s, "complete", None), "declined": getattr(s, "declined", None) or [],
    }


def _observations_of(s: Screening, known: dict[str, Form]) -> list[dict]:
    return builders.screening_observations(screening_view(s), known.get(s.form_version))


# --------------------------------------------------------------------------------------------------------
# Reads
# --------------------------------------------------------------------------------------------------------


def _not_found(resource_type: str) -> NotFound:
    return NotFound(f"{resource_type} not found.")


def read_patient(participant_id: str, *, actor) -> dict:
    participant = get_or_404(Participant, participant_id, what="Patient")
    record("read", "participant", participant.id, actor=actor)
    return records.patient(_participant_view(participant))


def read_questionnaire(questionnaire_id: str) -> dict:
    known, current = forms()
    form = next((f for v, f in known.items() if rules.questionnaire_id(v) == questionnaire_id), None)
    if form is None:
        raise _not_found("Questionnaire")
    return builders.questionnaire(form, current=form.version == current)


def read_code_system(name: str) -> dict:
    if name not in rules.OWN_CODE_SYSTEMS:
        raise _not_found("CodeSystem")
    known, current = forms()
    return codes.code_system(name, list(known.values()), version=current)


def read_questionnaire_response(screening_id: str, *, actor) -> dict:
    screening = get_or_404(Screening, screening_id, what="QuestionnaireResponse")
    record("read", "screening", screening.id, actor=actor)
    return builders.questionnaire_response(screening_view(screening), forms()[0].get(screening.form_version))


def read_observation(observation_id: str, *, actor) -> dict:
    parsed = rules.parse_observation_id(observation_id)
    if parsed is None:
        raise _not_found("Observation")
    screening = get_or_404(Screening, parsed[0], what="Observation")
    found = next((o for o in _observations_of(screening, forms()[0]) if o["id"] == observation_id), None)
    if found is None:
        raise _not_found("Observation")
    record("read", "screening", screening.id, actor=actor)
    return found


def read_group(group_id: str, *, actor, today: date | None = None) -> dict:
    """The group with its members' names: audited as a read of the group (issue 28 point 7)."""
    group = get_or_404(Group, group_id, what="Group")
    rows = db.session.execute(
        select(GroupMember.participant_id, GroupMember.joined_on, GroupMember.left_on, Participant.display_name)
        .join(Participant, Participant.id == GroupMember.participant_id)
        .where(GroupMember.group_id == group.id).order_by(GroupMember.joined_on, GroupMember.id))
    members = [{"participant_id": r.participant_id, "display_name": r.display_name, "joined_on": r.joined_on,
                "left_on": r.left_on} for r in rows]
    record("read", "group", group.id, actor=actor)
    return records.group({"id": group.id, "kind": group.kind, "name": group.name}, members,
                         today=today or today_in(group))  # membership days are the group zone's


def read_plan_definition(plan_id: str) -> dict:
    plan = get_or_404(SessionPlan, plan_id, what="PlanDefinition")
    if plan.group_id is not None:  # a group's session is a CarePlan activity, not a template
        raise _not_found("PlanDefinition")
    items = [{"title": i.module.title if i.module else (i.title or "Break"), "minutes": i.minutes,
              "summary": i.module.summary if i.module else None, "notes": i.notes} for i in plan.items]
    return records.plan_definition({"id": plan.id, "title": plan.title, "status": plan.status, "notes": plan.notes,
                                     "updated_at": plan.updated_at, "items": items})


def read_care_plan(group_id: str, *, actor, now: datetime | None = None) -> dict:
    """The group's sessions: audited as a read of the group's care plan (issue 28 point 7)."""
    group = get_or_404(Group, group_id, what="CarePlan")
    rows = db.session.execute(select(SessionPlan.id, SessionPlan.title, SessionPlan.starts_at, SessionPlan.ends_at)
                              .where(SessionPlan.group_id == group.id)
                              .order_by(SessionPlan.starts_at, SessionPlan.id))
    plans = [{"id": r.id, "title": r.title, "starts_at": r.starts_at, "ends_at": r.ends_at} for r in rows]
    statuses: dict[str, set[str]] = {}
    for plan_id, status in db.session.execute(
            select(AttendanceRecord.plan_id, AttendanceRecord.status).distinct()
            .join(SessionPlan, SessionPlan.id == AttendanceRecord.plan_id).where(SessionPlan.group_id == group.id)):
        statuses.setdefault(plan_id, set()).add(status)
    for plan in plans:
        plan["attendance"] = statuses.get(plan["id"], set())
    record("read", "care_plan", group.id, actor=actor)
    return records.care_plan({"id": group.id, "name": group.name, "location": group.location}, plans,
                              now=now or datetime.now(UTC))


# --------------------------------------------------------------------------------------------------------
# Searches
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    resources: list[dict]
    total: int


def _search_errors(fn, field: str, values: list[str]):
    parsed, errors = [], []
    for value in values:
        try:
            parsed.append(fn(value))
        except rules.SearchError as exc:
            errors.append(str(exc))
    if errors:
        raise BadRequest("A search parameter is not valid: see errors.", errors={field: errors})
    return parsed


def _subject(query: dict) -> str | None:
    """The participant named by `subject` or by its standard alias `patient` (both: the same one)."""
    named = {field: _search_errors(lambda v: rules.parse_reference(v, "Patient"), field, [query[field]])[0]
             for field in ("subject", "patient") if query.get(field)}
    if not named:
        return None
    if len(set(named.values())) > 1:
        raise BadRequest("`subject` and `patient` name different patients.",
                         errors={"patient": ["Must name the same patient as subject."]})
    field, ident = next(iter(named.items()))
    exists = db.session.scalar(select(Participant.id).where(Participant.id == ident))
    if exists is None:  # unknown or another practice's: the same answer, as for every id in a query
        audit_denied_attempt(Participant, ident)  # another practice's id goes on the caller's audit chain
        raise Invalid("No such patient.", errors={field: ["Unknown patient."]})
    return ident


def _screenings(subject: str | None, ranges: list[rules.DateRange]):
    stmt = select(Screening.id, Screening.form_version, Screening.screened_at, Screening.scores)
    if subject:
        stmt = stmt.where(Screening.participant_id == subject)
    lower, upper = rules.sql_bounds(ranges)
    if lower is not None:
        stmt = stmt.where(Screening.screened_at >= lower)
    if upper is not None:
        stmt = stmt.where(Screening.screened_at < upper)
    stmt = stmt.order_by(Screening.screened_at.desc(), Screening.id)
    return [r for r in db.session.execute(stmt) if all(d.matches(r.screened_at) for d in ranges)]


def _load_screenings(ids: list[str]) -> list[Screening]:
    if not ids:
        return []
    rows = {s.id: s for s in db.session.scalars(select(Screening).where(Screening.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


def search_questionnaire_responses(query: dict, *, actor) -> Page:
    subject = _subject(query)
    ranges = _search_errors(rules.parse_date, "authored", query.get("authored") or [])
    rows = _screenings(subject, ranges)
    window = rows[query["offset"]:query["offset"] + query["count"]]
    known = forms()[0]
    resources = [builders.questionnaire_response(screening_view(s), known.get(s.form_version))
                 for s in _load_screenings([r.id for r in window])]
    record("list", "screening", subject, actor=actor)
    return Page(resources, len(rows))


def search_observations(query: dict, *, actor) -> Page:
    """Observations of the matching screenings, newest screening first; within one, in form order with the
    outcome last. Counting needs no resource: the instruments of a screening's form version (and its scores)
    say which Observations it gives; only the screenings on the requested page are loaded and built."""
    subject = _subject(query)
    ranges = _search_errors(rules.parse_date, "date", query.get("date") or [])
    tokens = _search_errors(rules.parse_token, "code", _split(query.get("code") or []))
    categories = _search_errors(rules.parse_token, "category", _split(query.get("category") or []))
    known = forms()[0]
    if categories and not rules.token_matches(categories, [rules.SURVEY]):
        record("list", "screening", subject, actor=actor)
        return Page([], 0)
    rows = _screenings(subject, ranges)
    counts = [sum(1 for coding in builders.observation_codings(known.get(r.form_version), r.scores)
                  if not tokens or rules.token_matches(tokens, [coding])) for r in rows]
    start, size = query["offset"], query["count"]
    wanted, first, position = [], None, 0
    for row, count in zip(rows, counts, strict=True):
        if count and position + count > start and position < start + size:
            first = position if first is None else first
            wanted.append(row.id)
        position += count
    built = [o for screening in _load_screenings(wanted) for o in _observations_of(screening, known)
             if not tokens or rules.token_matches(tokens, o["code"]["coding"])]
    skip = start - first if first is not None else 0
    record("list", "screening", subject, actor=actor)
    return Page(built[skip:skip + size], sum(counts))


def _split(values: list[str]) -> list[str]:
    """A token parameter's comma-separated values (OR), over all its repetitions."""
    return [part for value in values for part in value.split(",")]


# --------------------------------------------------------------------------------------------------------
# A participant's record as one Bundle
# --------------------------------------------------------------------------------------------------------


def participant_bundle(participant_id: str, *, actor, base: str, now: datetime | None = None) -> dict:
    """Patient, every QuestionnaireResponse and Observation of their screenings (oldest first), and the
    Questionnaire of each form version they answered: a self-contained `collection` for a transfer or a
    subject-access request. Groups are left out: a Group lists other people."""
    participant = get_or_404(Participant, participant_id, what="Participant")
    known, current = forms()
    screenings = list(db.session.scalars(select(Screening).where(Screening.participant_id == participant.id)
                                         .order_by(Screening.screened_at, Screening.id)))
    resources = [records.patient(_participant_view(participant))]
    versions = sorted({s.form_version for s in screenings if s.form_version in known})
    resources += [builders.questionnaire(known[v], current=v == current) for v in versions]
    for screening in screenings:
        view = screening_view(screening)
        form = known.get(screening.form_version)
        resources.append(builders.questionnaire_response(view, form))
        resources.extend(builders.screening_observations(view, form))
    record("export", "participant", participant.id, actor=actor)
    return envelopes.bundle("collection", resources, base=base, timestamp=now or datetime.now(UTC))
