"""FHIR R4 resources as plain JSON-ready dicts, built from plain values.

No Flask and no SQLAlchemy: services.py turns rows into the plain values these take (dicts, the screening
form's frozen dataclasses, datetimes). Every resource built here validates against the R4 models of
`fhir.resources` in the tests (a dev dependency only: the service never imports it), and the tests check
the codes as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from http import HTTPStatus

from ..vocab import FLAGS, GROUP_KINDS, OUTCOMES
from . import rules
from .rules import (
    CS_FLAG,
    CS_GROUP_KIND,
    CS_INSTRUMENT,
    CS_OUTCOME,
    DATA_ABSENT,
    FHIR_VERSION,
    INTERPRETATION,
    MEDIA_TYPE,
    OBSERVATION_CATEGORY,
    ORDINAL_VALUE,
    OWN_CONCEPTS,
    QUESTIONNAIRE_URL,
    UCUM,
)

OUTCOME_DISPLAY = {"clear": "Clear: may take part in every module",
                   "caution": "Caution: take part with adaptations",
                   "refer": "Refer: individual, trauma-informed care first",
                   "defer": "Defer: acute crisis, stabilise first"}
FLAG_DISPLAY = {"unresolved_trauma": "Unresolved trauma", "mood_exacerbation": "Mood exacerbation",
                "dissociation": "Dissociation", "acute_crisis": "Acute crisis"}
KIND_DISPLAY = {"individual": "Individual", "couples": "Couple", "family": "Family", "retreat": "Retreat",
                "group": "Therapy group"}


def instant(moment: datetime) -> str:
    """An instant with its offset, to the second (FHIR instant/dateTime)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _coding(system: str, code: str, display: str) -> dict:
    return {"system": system, "code": code, "display": display}


def _reference(resource_type: str, ident: str, display: str | None = None) -> dict:
    ref = {"reference": f"{resource_type}/{ident}"}
    if display:
        ref["display"] = display
    return ref


def _absent(code: str) -> dict:
    displays = {"asked-declined": "Asked But Declined", "not-asked": "Not Asked", "unknown": "Unknown"}
    return {"coding": [_coding(DATA_ABSENT, code, displays[code])], "text": displays[code]}


# --------------------------------------------------------------------------------------------------------
# Questionnaire
# --------------------------------------------------------------------------------------------------------


def questionnaire(form, *, current: bool) -> dict:
    """The intake form of one version. Instruments are groups, items are `choice` questions whose answer
    options carry the item score as `ordinalValue`; enable conditions become enableWhen."""
    options = {item.id: item for item in form.items}
    groups = []
    for instrument in form.instruments:
        children = []
        for item in instrument.items:
            question = {
                "linkId": item.id,
                "code": [rules.item_code(instrument.code, item.id, item.text).coding()],
                "prefix": item.ref,
                "text": item.text,
                "type": "choice",
                "required": True,
                "answerOption": [{
                    "valueCoding": {
                        **rules.answer_code(instrument.code, item.id, o.value, o.label).coding(),
                        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": o.value}],
                    }} for o in item.options],
            }
            triples, behavior = rules.enable_when(item.enable_when, item.enable_behavior,
                                                  lambda item_id: options[item_id].values)
            if triples:
                question["enableWhen"] = [{
                    "question": target, "operator": operator,
                    "answerCoding": _answer_coding(instrument_of(form, target), options[target], value),
                } for target, operator, value in triples]
                if behavior:
                    question["enableBehavior"] = behavior
            children.append(question)
        groups.append({
            "linkId": instrument.code,
            "code": [rules.instrument_code(instrument.code, instrument.title).coding()],
            "text": instrument.title,
            "type": "group",
            "required": True,
            "item": [{"linkId": f"{instrument.code}.instructions", "text": instrument.instructions,
                      "type": "display"}, *children],
        })
    return {
        "resourceType": "Questionnaire",
        "id": rules.questionnaire_id(form.version),
        "url": QUESTIONNAIRE_URL,
        "version": form.version,
        "name": "IntakeScreening",
        "title": "Inner child work: intake screening",
        "status": "active" if current else "retired",
        "subjectType": ["Patient"],
        "description": ("The intake screening a participant answers before group inner child work. It is "
                        "decision support for a clinician, not a diagnosis. Each instrument is a group; the "
                        "answer options carry their item score as ordinalValue."),
        "copyright": " ".join(f"{i.title}: {i.licence}" for i in form.instruments),
        "item": groups,
    }


def instrument_of(form, item_id: str) -> str:
    return form.item(item_id).instrument


def _answer_coding(instrument: str, item, value: int) -> dict:
    return rules.answer_code(instrument, item.id, value, item.label_for(value)).coding()


# --------------------------------------------------------------------------------------------------------
# QuestionnaireResponse and Observations of one screening
# --------------------------------------------------------------------------------------------------------


def questionnaire_response(screening: dict, form) -> dict:
    """The answers of one screening, grouped by instrument like the Questionnaire of its form version.

    `screening` (plain values): id, participant_id, form_version, answers {item id: value}, screened_at,
    screened_by (name) and, once screenings record them, `complete` (False: stopped at a crisis) and
    `declined` (item ids the person declined to answer). A declined item is answered with the
    data-absent-reason `asked-declined`; a screening stopped before the end is `stopped`."""
    answers = screening["answers"] or {}
    declined = set(screening.get("declined") or ())
    groups = []
    instruments = form.instruments if form is not None else ()
    seen = set()
    for instrument in instruments:
        items = []
        for item in instrument.items:
            seen.add(item.id)
            if item.id in answers:
                value = answers[item.id]
                items.append({"linkId": item.id, "text": item.text,
                              "answer": [{"valueCoding": _answer_coding(instrument.code, item, value)}]})
            elif item.id in declined:
                items.append({"linkId": item.id, "text": item.text,
                              "answer": [{"valueCoding": _absent("asked-declined")["coding"][0]}]})
        if items:
            groups.append({"linkId": instrument.code, "text": instrument.title, "item": items})
    unknown = [item_id for item_id in answers if item_id not in seen]  # a form version we no longer have
    if unknown:
        groups.append({"linkId": "unknown-version", "text": "Answers to items of a form version not on file",
                       "item": [{"linkId": item_id, "answer": [{"valueInteger": answers[item_id]}]}
                                for item_id in unknown]})
    complete = screening.get("complete")
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": screening["id"],
        "questionnaire": f"{QUESTIONNAIRE_URL}|{screening['form_version']}",
        "status": "stopped" if complete is False else "completed",
        "subject": _reference("Patient", screening["participant_id"]),
        "authored": instant(screening["screened_at"]),
    }
    if groups:  # FHIR has no empty arrays: a screening with no answers (a clinician's assessment) has no items
        resource["item"] = groups
    if screening.get("screened_by"):
        resource["author"] = {"display": screening["screened_by"]}
    return resource


def score_observations(screening: dict, form) -> list[dict]:
    """One Observation per instrument score: the total as a Quantity, the band (and, where the instrument has a
    cut-off, positive/negative) as interpretation, LOINC where the total has a code. An instrument with a
    declined item has no total (data-absent-reason `asked-declined`); one the person never reached, in a
    screening stopped at a crisis, has `not-asked`."""
    result = []
    scores = screening["scores"] or {}
    declined = set(screening.get("declined") or ())
    answers = screening["answers"] or {}
    instruments = {i.code: i for i in (form.instruments if form is not None else ())}
    for code in _score_codes(form, scores):
        instrument = instruments.get(code)
        title = instrument.title if instrument else code
        items = [i.id for i in instrument.items] if instrument else []
        observation = _observation_base(screening, rules.observation_id(screening["id"], code),
                                        rules.total_code(code, title))
        score = scores.get(code)
        if instrument and declined & set(items):
            observation["dataAbsentReason"] = _absent("asked-declined")
        elif score is None or (instrument and not any(i in answers for i in items)):
            observation["dataAbsentReason"] = _absent("not-asked")
        else:
            observation["valueQuantity"] = {"value": score["score"], "unit": "{score}", "system": UCUM,
                                            "code": "{score}"}
            interpretation = [{"coding": [rules.band_code(code, score["band"]).coding()], "text": score["band"]}]
            if score.get("cutoff") is not None:
                positive = bool(score.get("positive"))
                interpretation.append({"coding": [_coding(INTERPRETATION, "POS" if positive else "NEG",
                                                          "Positive" if positive else "Negative")],
                                       "text": f"{'positive' if positive else 'negative'} screen "
                                               f"(cut-off {score['cutoff']})"})
            observation["interpretation"] = interpretation
        result.append(observation)
    return result


def _score_codes(form, scores: dict) -> list[str]:
    """The instruments a screening has a score Observation for: its form version's, in order, then any score of
    an instrument that version does not list (a version no longer on file)."""
    codes = [i.code for i in form.instruments] if form is not None else []
    return codes + [c for c in scores or {} if c not in codes]


def observation_codings(form, scores: dict) -> list[dict]:
    """The code of each Observation a screening gives, in order (the score ones, then the outcome), without
    building them: a search counts its matches with this."""
    titles = {i.code: i.title for i in form.instruments} if form is not None else {}
    codings = [rules.total_code(code, titles.get(code, code)).coding() for code in _score_codes(form, scores)]
    return [*codings, rules.Code(CS_INSTRUMENT, rules.OUTCOME_CODE, OWN_CONCEPTS[rules.OUTCOME_CODE]).coding()]


def outcome_observation(screening: dict, score_ids: Iterable[str] = ()) -> dict:
    """The screening's outcome (the override's when there is one: status `amended`, the computed outcome kept as
    a component) and one component per contraindication flag with its level, in our own code system."""
    overrides = screening.get("overrides") or []
    outcome = overrides[-1]["outcome"] if overrides else screening["computed_outcome"]
    observation = _observation_base(screening, rules.observation_id(screening["id"], rules.OUTCOME_CODE),
                                    rules.Code(CS_INSTRUMENT, rules.OUTCOME_CODE, OWN_CONCEPTS[rules.OUTCOME_CODE]))
    observation["status"] = "amended" if overrides else "final"
    observation["valueCodeableConcept"] = _outcome(outcome)
    components = [{
        "code": {"coding": [_coding(CS_FLAG, flag["flag"], FLAG_DISPLAY.get(flag["flag"], flag["flag"]))]},
        "valueCodeableConcept": _outcome(flag["level"]),
    } for flag in screening["flags"] or () if flag.get("level") in OUTCOME_DISPLAY]
    if overrides:
        components.append({
            "code": {"coding": [_coding(CS_INSTRUMENT, rules.COMPUTED_OUTCOME_CODE,
                                        OWN_CONCEPTS[rules.COMPUTED_OUTCOME_CODE])]},
            "valueCodeableConcept": _outcome(screening["computed_outcome"]),
        })
    if components:
        observation["component"] = components
    notes = [{"text": reason} for flag in screening["flags"] or () for reason in flag.get("reasons") or ()]
    notes += [{"text": finding["text"]} for finding in screening.get("findings") or () if finding.get("text")]
    for override in overrides:
        note = {"text": f"Outcome overridden to {override['outcome']}: {override['reason']}",
                "time": instant(override["at"])}
        if override.get("by"):
            note["authorString"] = override["by"]
        notes.append(note)
    if notes:
        observation["note"] = notes
    observation["derivedFrom"] += [_reference("Observation", ident) for ident in score_ids]
    return observation


def _outcome(outcome: str) -> dict:
    return {"coding": [_coding(CS_OUTCOME, outcome, OUTCOME_DISPLAY[outcome])], "text": outcome}


def _observation_base(screening: dict, ident: str, code: rules.Code) -> dict:
    observation = {
        "resourceType": "Observation",
        "id": ident,
        "status": "final",
        "category": [{"coding": [_coding(OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": {"coding": [code.coding()], "text": code.display},
        "subject": _reference("Patient", screening["participant_id"]),
        "effectiveDateTime": instant(screening["screened_at"]),
        "issued": instant(screening["screened_at"]),
        "derivedFrom": [_reference("QuestionnaireResponse", screening["id"])],
    }
    if screening.get("screened_by"):
        observation["performer"] = [{"display": screening["screened_by"]}]
    return observation


def screening_observations(screening: dict, form) -> list[dict]:
    """The score Observations, then the outcome Observation (derived from them)."""
    scores = score_observations(screening, form)
    return [*scores, outcome_observation(screening, [o["id"] for o in scores])]


# --------------------------------------------------------------------------------------------------------
# Patient, Group, PlanDefinition, CarePlan
# --------------------------------------------------------------------------------------------------------


def patient(participant: dict) -> dict:
    """Only what we hold. Contact details are free text here, so they are kept as text: `telecom` with
    system `email` when the text is one email address, `other` otherwise; the emergency contact as a contact
    with the role "Emergency Contact". Sex at birth is not administrative gender and is not sent as one."""
    resource = {
        "resourceType": "Patient",
        "id": participant["id"],
        "active": not participant.get("archived"),
        "name": [{"text": participant["display_name"]}],
    }
    if participant.get("updated_at"):
        resource["meta"] = {"lastUpdated": instant(participant["updated_at"])}
    if participant.get("date_of_birth"):
        resource["birthDate"] = participant["date_of_birth"].isoformat()
    contact = (participant.get("contact") or "").strip()
    if contact:
        is_email = "@" in contact and " " not in contact and "\n" not in contact
        resource["telecom"] = [{"system": "email" if is_email else "other", "value": contact}]
    emergency = (participant.get("emergency_contact") or "").strip()
    if emergency:
        resource["contact"] = [{
            "relationship": [{"coding": [_coding(rules.CONTACT_ROLE, "C", "Emergency Contact")],
                              "text": "Emergency contact"}],
            "name": {"text": emergency},
        }]
    return resource


def group(data: dict, members: list[dict]) -> dict:
    """A group: kind (our code system), capacity, and its members, each with the date they joined as the start
    of their membership period. `members`: [{participant_id, display_name, joined_at, left_at?}]."""
    resource = {
        "resourceType": "Group",
        "id": data["id"],
        "active": True,
        "type": "person",
        "actual": True,
        "code": {"coding": [_coding(CS_GROUP_KIND, data["kind"], KIND_DISPLAY.get(data["kind"], data["kind"]))],
                 "text": data["kind"]},
        "name": data["name"],
        "quantity": len(members),
    }
    if members:
        resource["member"] = []
        for m in members:
            period = {"start": instant(m["joined_at"])}
            if m.get("left_at"):
                period["end"] = instant(m["left_at"])
            resource["member"].append({"entity": _reference("Patient", m["participant_id"], m.get("display_name")),
                                       "period": period, "inactive": bool(m.get("left_at"))})
    return resource


def _minutes(minutes: int) -> dict:
    return {"value": minutes, "unit": "min", "system": UCUM, "code": "min"}


def plan_definition(plan: dict) -> dict:
    """A session template: its items in order as actions, each with its duration."""
    resource = {
        "resourceType": "PlanDefinition",
        "id": plan["id"],
        "name": "".join(ch for ch in plan["title"].title() if ch.isalnum())[:60] or "Template",
        "title": plan["title"],
        "status": "active" if plan.get("status") == "final" else "draft",
        "action": [_action(item) for item in plan["items"]],
    }
    if plan.get("notes"):
        resource["description"] = plan["notes"]
    if plan.get("updated_at"):
        resource["date"] = instant(plan["updated_at"])
    if not resource["action"]:
        resource.pop("action")
    return resource


def _action(item: dict) -> dict:
    action = {"title": item["title"], "timingDuration": _minutes(item["minutes"])}
    if item.get("summary"):
        action["description"] = item["summary"]
    if item.get("notes"):
        action["textEquivalent"] = item["notes"]
    return action


def care_plan(data: dict, plans: list[dict], *, now: datetime) -> dict:
    """A group's scheduled sessions, one activity per plan with its scheduled period. A session still to come is
    `scheduled`; one in the past is `unknown`, since whether it took place is not recorded here."""
    activities = []
    for plan in plans:
        status = "scheduled" if plan["ends_at"] > now else "unknown"
        detail = {"status": status, "description": plan["title"],
                  "scheduledPeriod": {"start": instant(plan["starts_at"]), "end": instant(plan["ends_at"])}}
        if data.get("location"):
            detail["location"] = {"display": data["location"]}
        activities.append({"detail": detail})
    upcoming = [p for p in plans if p["ends_at"] > now]
    resource = {
        "resourceType": "CarePlan",
        "id": data["id"],
        "status": "active" if upcoming else ("completed" if plans else "draft"),
        "intent": "plan",
        "title": f"Sessions of {data['name']}",
        "subject": _reference("Group", data["id"], data["name"]),
    }
    if plans:
        resource["period"] = {"start": instant(plans[0]["starts_at"]), "end": instant(max(p["ends_at"]
                                                                                       for p in plans))}
        resource["activity"] = activities
    return resource


# --------------------------------------------------------------------------------------------------------
# Our own code systems
# --------------------------------------------------------------------------------------------------------

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
    concepts: dict[str, dict] = {}

    def add(code: rules.Code, definition: str | None = None):
        if code.system == f"{rules.CANONICAL}/CodeSystem/{name}":
            concepts[code.code] = {"code": code.code, "display": code.display,
                                   **({"definition": definition} if definition else {})}

    if name == "screening-outcome":
        for outcome in OUTCOMES:
            add(rules.Code(CS_OUTCOME, outcome, OUTCOME_DISPLAY[outcome]), OUTCOME_DEFINITION[outcome])
    elif name == "screening-flag":
        for flag in FLAGS:
            add(rules.Code(CS_FLAG, flag, FLAG_DISPLAY[flag]), FLAG_DEFINITION[flag])
    elif name == "group-kind":
        for kind in (*GROUP_KINDS, *(k for k in KIND_DISPLAY if k not in GROUP_KINDS)):
            add(rules.Code(CS_GROUP_KIND, kind, KIND_DISPLAY[kind]), KIND_DEFINITION[kind])
    for form in forms:
        for instrument in form.instruments:
            add(rules.instrument_code(instrument.code, instrument.title), f"Source: {instrument.source}")
            add(rules.total_code(instrument.code, instrument.title))
            for band in instrument.scoring.bands:
                add(rules.band_code(instrument.code, band.label), f"{instrument.title} {band.min}-{band.max}")
            for escalation in instrument.scoring.escalations:
                add(rules.band_code(instrument.code, escalation.label))
            for item in instrument.items:
                add(rules.item_code(instrument.code, item.id, item.text))
                for option in item.options:
                    add(rules.answer_code(instrument.code, item.id, option.value, option.label),
                        f"{item.id} answered {option.value}")
    for code, display in OWN_CONCEPTS.items():
        add(rules.Code(CS_INSTRUMENT, code, display))
    return list(concepts.values())


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


# --------------------------------------------------------------------------------------------------------
# Bundles, OperationOutcome, CapabilityStatement
# --------------------------------------------------------------------------------------------------------


def bundle(kind: str, resources: list[dict], *, base: str, total: int | None = None,
           links: dict[str, str] | None = None, timestamp: datetime | None = None) -> dict:
    """A Bundle (`collection` or `searchset`). Entries carry their fullUrl under `base` (the FHIR base URL)."""
    result = {"resourceType": "Bundle", "type": kind}
    if timestamp is not None:
        result["timestamp"] = instant(timestamp)
    if total is not None:
        result["total"] = total
    if links:
        result["link"] = [{"relation": relation, "url": url} for relation, url in links.items()]
    entries = []
    for resource in resources:
        entry = {"fullUrl": f"{base}/{resource['resourceType']}/{resource['id']}", "resource": resource}
        if kind == "searchset":
            entry["search"] = {"mode": "match"}
        entries.append(entry)
    if entries:
        result["entry"] = entries
    return result


ISSUE_CODES = {400: "invalid", 401: "login", 403: "forbidden", 404: "not-found", 405: "not-supported",
               406: "not-supported", 409: "conflict", 412: "conflict", 413: "too-costly", 415: "not-supported",
               422: "invalid", 428: "required", 429: "throttled"}


def operation_outcome(status: int, message: str, errors: dict | None = None) -> dict:
    """Our error (HTTP status, message, per-field errors) as an OperationOutcome: one issue for the message,
    one per field with the field as its expression."""
    code = ISSUE_CODES.get(status, "exception" if status >= 500 else "processing")
    issues = [{"severity": "error", "code": code,
               "details": {"text": message or HTTPStatus(status).phrase},
               "diagnostics": f"HTTP {status} {HTTPStatus(status).phrase}"}]
    for field, problems in _flatten(errors or {}):
        issues.append({"severity": "error", "code": code, "details": {"text": problems}, "expression": [field]})
    return {"resourceType": "OperationOutcome", "issue": issues}


def _flatten(errors, prefix: str = ""):
    for key, value in errors.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            yield from _flatten(value, path)
        elif isinstance(value, list | tuple):
            yield path, " ".join(str(v) for v in value)
        else:
            yield path, str(value)


def capability_statement(*, software_version: str, base: str, released: date | datetime) -> dict:
    """What this server serves, from rules.SERVED: read and search interactions and their parameters."""
    resources = []
    for served in rules.SERVED:
        entry = {"type": served.type, "interaction": [{"code": i} for i in served.interactions],
                 "versioning": "no-version", "readHistory": False, "updateCreate": False}
        if served.documentation:
            entry["documentation"] = served.documentation
        if served.search:
            entry["searchParam"] = [{"name": p.name, "type": p.type, "documentation": p.documentation}
                                    for p in served.search]
        resources.append(entry)
    when = released if isinstance(released, datetime) else datetime(released.year, released.month, released.day,
                                                                     tzinfo=UTC)
    return {
        "resourceType": "CapabilityStatement",
        "id": "inner-child-toolkit",
        "url": f"{rules.CANONICAL}/CapabilityStatement/inner-child-toolkit",
        "name": "InnerChildToolkitFhirServer",
        "title": "Inner Child Group Toolkit: FHIR R4 read API",
        "status": "active",
        "date": instant(when),
        "kind": "instance",
        "software": {"name": "Inner Child Group Toolkit", "version": software_version},
        "implementation": {"description": "Read-only FHIR R4 view of one practice's records.", "url": base},
        "fhirVersion": FHIR_VERSION,
        "format": [MEDIA_TYPE, "json"],
        "rest": [{
            "mode": "server",
            "documentation": ("Read-only. Every request needs `Authorization: Bearer <access token>` from "
                              "POST /api/v1/auth/login; a practice sees only its own records (another "
                              "practice's id answers 404). Search results page with _count (at most "
                              f"{rules.COUNT_MAX}) and _offset. Errors are OperationOutcome resources."),
            "security": {"cors": True, "description": "JWT bearer tokens (HS256) from POST /api/v1/auth/login."},
            "resource": resources,
        }],
    }
