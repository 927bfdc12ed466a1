"""FHIR R4 Questionnaire, QuestionnaireResponse and Observation resources of screenings, as plain
JSON-ready dicts built from plain values. The practice's records (Patient, Group, PlanDefinition, CarePlan)
are in records.py, our code systems in codes.py, Bundles and OperationOutcome in envelopes.py.

No Flask and no SQLAlchemy: services.py turns rows into the plain values these take (dicts, the screening
form's frozen dataclasses, datetimes). Every resource built here validates against the R4 models of
`fhir.resources` in the tests (a dev dependency only: the service never imports it), and the tests check
the codes as well.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import rules
from .codes import FLAG_DISPLAY, OUTCOME_DISPLAY
from .rules import (
    CS_FLAG,
    CS_INSTRUMENT,
    CS_OUTCOME,
    INTERPRETATION,
    OBSERVATION_CATEGORY,
    ORDINAL_VALUE,
    OWN_CONCEPTS,
    QUESTIONNAIRE_URL,
    UCUM,
)
from .shapes import absent, coding, instant, reference

# --------------------------------------------------------------------------------------------------------
# Questionnaire
# --------------------------------------------------------------------------------------------------------


# "Prefer not to answer" is an answer option of every item, coded with the data-absent-reason `asked-declined`
# (no ordinalValue: it scores nothing). A declined answer in a QuestionnaireResponse is then one of the item's
# own options, so a receiver that validates responses against the Questionnaire (HAPI) accepts it.
def declined_option() -> dict:
    return {"valueCoding": absent("asked-declined")["coding"][0]}


def questionnaire(form, *, current: bool) -> dict:
    """The intake form of one version. Instruments are groups, items are `choice` questions whose answer
    options carry the item score as `ordinalValue`, then the declined option; enable conditions become
    enableWhen."""
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
                "answerOption": [*({
                    "valueCoding": {
                        **rules.answer_code(instrument.code, item.id, o.value, o.label).coding(),
                        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": o.value}],
                    }} for o in item.options), declined_option()],
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
    `declined` (item ids the person declined to answer). A declined item is answered with the item's declined
    option (the data-absent-reason `asked-declined`); a screening stopped before the end is `stopped`."""
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
                items.append({"linkId": item.id, "text": item.text, "answer": [declined_option()]})
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
        "subject": reference("Patient", screening["participant_id"]),
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
            observation["dataAbsentReason"] = absent("asked-declined")
        elif score is None or (instrument and not any(i in answers for i in items)):
            observation["dataAbsentReason"] = absent("not-asked")
        else:
            observation["valueQuantity"] = {"value": score["score"], "unit": "{score}", "system": UCUM,
                                            "code": "{score}"}
            interpretation = [{"coding": [rules.band_code(code, score["band"]).coding()], "text": score["band"]}]
            if score.get("cutoff") is not None:
                positive = bool(score.get("positive"))
                interpretation.append({"coding": [coding(INTERPRETATION, "POS" if positive else "NEG",
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
        "code": {"coding": [coding(CS_FLAG, flag["flag"], FLAG_DISPLAY.get(flag["flag"], flag["flag"]))]},
        "valueCodeableConcept": _outcome(flag["level"]),
    } for flag in screening["flags"] or () if flag.get("level") in OUTCOME_DISPLAY]
    if overrides:
        components.append({
            "code": {"coding": [coding(CS_INSTRUMENT, rules.COMPUTED_OUTCOME_CODE,
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
    observation["derivedFrom"] += [reference("Observation", ident) for ident in score_ids]
    return observation


def _outcome(outcome: str) -> dict:
    return {"coding": [coding(CS_OUTCOME, outcome, OUTCOME_DISPLAY[outcome])], "text": outcome}


def _observation_base(screening: dict, ident: str, code: rules.Code) -> dict:
    observation = {
        "resourceType": "Observation",
        "id": ident,
        "status": "final",
        "category": [{"coding": [coding(OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": {"coding": [code.coding()], "text": code.display},
        "subject": reference("Patient", screening["participant_id"]),
        "effectiveDateTime": instant(screening["screened_at"]),
        "issued": instant(screening["screened_at"]),
        "derivedFrom": [reference("QuestionnaireResponse", screening["id"])],
    }
    if screening.get("screened_by"):
        observation["performer"] = [{"display": screening["screened_by"]}]
    return observation


def screening_observations(screening: dict, form) -> list[dict]:
    """The score Observations, then the outcome Observation (derived from them)."""
    scores = score_observations(screening, form)
    return [*scores, outcome_observation(screening, [o["id"] for o in scores])]
