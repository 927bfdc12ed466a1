"""The FHIR rules and builders, directly (issue 22): search parameters, ids, enableWhen, the LOINC table and
its check digits, and resources built from plain values (including the `complete`/`declined` screening fields
the clinical-safety work adds) validated against the R4B models of fhir.resources."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from tests.fhir_support import LOINC, codings, validate
from toolkit.fhir import builders, envelopes, records, rules
from toolkit.screening.form_loader import default_form
from toolkit.screening.intake import screen

FORM = default_form()
T = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


# --- dates -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value,prefix,start,end", [
    ("2026", "eq", datetime(2026, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
    ("ge2026-02", "ge", datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)),
    ("le2026-12", "le", datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)),
    ("lt2024-02-29", "lt", datetime(2024, 2, 29, tzinfo=UTC), datetime(2024, 3, 1, tzinfo=UTC)),
    ("gt2026-03-01T10:00:00+01:00", "gt", datetime(2026, 3, 1, 9, tzinfo=UTC),
     datetime(2026, 3, 1, 9, 0, 1, tzinfo=UTC)),
    ("ne2026-03-01T09:00:00Z", "ne", datetime(2026, 3, 1, 9, tzinfo=UTC), datetime(2026, 3, 1, 9, 0, 1, tzinfo=UTC)),
])
def test_parse_date(value, prefix, start, end):
    assert rules.parse_date(value) == rules.DateRange(prefix, start, end)


@pytest.mark.parametrize("value", ["tomorrow", "2026-02-30", "2026-13", "ge2026-01-01T10:00:00", "2026-1-1",
                                   "1999", "ge2200-01-01", "eq", "2026-03-01T25:00:00+00:00", ""])
def test_parse_date_refuses(value):
    with pytest.raises(rules.SearchError):
        rules.parse_date(value)


DAY = "2026-03-01"  # [2026-03-01T00:00Z, 2026-03-02T00:00Z)


@pytest.mark.parametrize("prefix,moment,matches", [
    ("eq", datetime(2026, 3, 1, 0, 0, tzinfo=UTC), True),
    ("eq", datetime(2026, 3, 1, 23, 59, tzinfo=UTC), True),
    ("eq", datetime(2026, 3, 2, 0, 0, tzinfo=UTC), False),
    ("ne", datetime(2026, 3, 2, 0, 0, tzinfo=UTC), True),
    ("ne", datetime(2026, 3, 1, 12, 0, tzinfo=UTC), False),
    ("ge", datetime(2026, 3, 1, 0, 0, tzinfo=UTC), True),
    ("ge", datetime(2026, 2, 28, 23, 59, tzinfo=UTC), False),
    ("gt", datetime(2026, 3, 1, 23, 59, tzinfo=UTC), False),
    ("gt", datetime(2026, 3, 2, 0, 0, tzinfo=UTC), True),
    ("le", datetime(2026, 3, 1, 23, 59, tzinfo=UTC), True),
    ("le", datetime(2026, 3, 2, 0, 0, tzinfo=UTC), False),
    ("lt", datetime(2026, 2, 28, 23, 59, tzinfo=UTC), True),
    ("lt", datetime(2026, 3, 1, 0, 0, tzinfo=UTC), False),
])
def test_date_prefixes(prefix, moment, matches):
    assert rules.parse_date(prefix + DAY).matches(moment) is matches


@pytest.mark.parametrize("values,lower,upper", [
    ([], None, None),
    (["ge2026-02-01", "le2026-02-28"], datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)),
    (["gt2026-02-01", "lt2026-02-28"], datetime(2026, 2, 2, tzinfo=UTC), datetime(2026, 2, 28, tzinfo=UTC)),
    (["2026-02", "ge2026-02-10"], datetime(2026, 2, 10, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC)),
    (["ne2026-02"], None, None),
])
def test_sql_bounds_are_the_intersection(values, lower, upper):
    assert rules.sql_bounds([rules.parse_date(v) for v in values]) == (lower, upper)


# --- references, tokens, ids -----------------------------------------------------------------------------


@pytest.mark.parametrize("value,expected", [
    ("Patient/abc-1", "abc-1"), ("abc-1", "abc-1"), ("https://ehr.example.org/fhir/Patient/abc", "abc"),
])
def test_parse_reference(value, expected):
    assert rules.parse_reference(value, "Patient") == expected


@pytest.mark.parametrize("value", ["Group/abc", "Patient/a_b", "Patient/", "a b", "x" * 65])
def test_parse_reference_refuses(value):
    with pytest.raises(rules.SearchError):
        rules.parse_reference(value, "Patient")


@pytest.mark.parametrize("value,expected", [
    ("http://loinc.org|44261-6", ("http://loinc.org", "44261-6")), ("44261-6", (None, "44261-6")),
    ("|outcome", ("", "outcome")),
])
def test_parse_token(value, expected):
    assert rules.parse_token(value) == expected


@pytest.mark.parametrize("tokens,matches", [
    ([("http://loinc.org", "44261-6")], True), ([(None, "44261-6")], True), ([("", "44261-6")], False),
    ([("http://snomed.info/sct", "44261-6")], False), ([(None, "x"), (None, "44261-6")], True),
])
def test_token_matches(tokens, matches):
    assert rules.token_matches(tokens, [{"system": "http://loinc.org", "code": "44261-6"}]) is matches


def test_observation_ids_round_trip():
    sid = "3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10"
    for code in [i.code for i in FORM.instruments] + ["outcome"]:
        ident = rules.observation_id(sid, code)
        assert rules.is_fhir_id(ident) and rules.parse_observation_id(ident) == (sid, code)
    for bad in ("x", sid, f"{sid}x", f"{sid}-", "a_b" * 20):
        assert rules.parse_observation_id(bad) is None


# --- enableWhen ------------------------------------------------------------------------------------------


def cond(item, *values):
    return SimpleNamespace(item=item, values=values)


@pytest.mark.parametrize("conditions,behavior,triples,fhir_behavior", [
    ([], "all", [], None),
    ([cond("a", 1)], "all", [("a", "=", 1)], None),
    ([cond("a", 1, 2, 3)], "all", [("a", "=", 1), ("a", "=", 2), ("a", "=", 3)], "any"),
    ([cond("a", 1), cond("b", 1)], "any", [("a", "=", 1), ("b", "=", 1)], "any"),
    ([cond("a", 1), cond("b", 1)], "all", [("a", "=", 1), ("b", "=", 1)], "all"),
    # all, with a condition accepting several values: "not one of the others", so every triple must hold
    ([cond("a", 1), cond("b", 2, 3)], "all", [("a", "=", 1), ("b", "!=", 0), ("b", "!=", 1)], "all"),
])
def test_enable_when(conditions, behavior, triples, fhir_behavior):
    assert rules.enable_when(conditions, behavior, lambda item: (0, 1, 2, 3)) == (triples, fhir_behavior)


# --- LOINC -----------------------------------------------------------------------------------------------


def test_every_loinc_code_in_the_table_has_a_valid_check_digit_and_a_source():
    table = rules.loinc()
    assert table["system"] == LOINC
    for code, entry in table["instruments"].items():
        for part in ("panel", "total"):
            assert rules.is_valid_loinc(entry[part]["code"]), (code, part)
            assert entry[part]["display"] and entry[part]["source"], (code, part)
        for item_id, item in entry.get("items", {}).items():
            assert rules.is_valid_loinc(item["code"]), item_id
            assert item_id in {i.id for i in FORM.items}, item_id
    assert not rules.is_valid_loinc("44261-5") and not rules.is_valid_loinc("LA6568-5")


def test_the_codes_the_issue_names():
    expected = {"phq9": ("44249-1", "44261-6"), "gad7": ("69737-5", "70274-6"), "audit_c": ("72109-2", "75626-2")}
    for code, (panel, total) in expected.items():
        title = FORM.instrument(code).title
        assert rules.instrument_code(code, title) == rules.Code(LOINC, panel, rules.loinc()["instruments"][code]
                                                                ["panel"]["display"])
        assert rules.total_code(code, title).code == total
    for own in ("pc_ptsd5", "asq", "drug_use", "younger_self", "dissociation", "present_crisis"):
        assert rules.instrument_code(own, "x").system == rules.CS_INSTRUMENT
        assert rules.total_code(own, "x") == rules.Code(rules.CS_INSTRUMENT, f"{own}.total", "x total score")


def all_codings(value):
    if isinstance(value, dict):
        if "system" in value and "code" in value:
            yield value
        for child in value.values():
            yield from all_codings(child)
    elif isinstance(value, list):
        for child in value:
            yield from all_codings(child)


def test_the_api_emits_only_loinc_codes_from_the_table():
    table = rules.loinc()
    known = {e[p]["code"] for e in table["instruments"].values() for p in ("panel", "total")}
    known |= {i["code"] for e in table["instruments"].values() for i in e.get("items", {}).values()}
    known |= {a["code"] for answers in table["answer_lists"].values() for a in answers}
    answers = {}
    for item in FORM.items:  # every item asked, at its highest option
        if item.is_enabled(answers):
            answers[item.id] = item.options[-1].value
    resources = [builders.questionnaire(FORM, current=True),
                 builders.questionnaire_response(screening(answers), FORM),
                 *builders.screening_observations(screening(answers), FORM)]
    emitted = {c["code"] for r in resources for c in all_codings(r) if c["system"] == LOINC}
    assert emitted and emitted <= known
    assert {"44249-1", "69737-5", "72109-2", "44261-6", "70274-6", "75626-2", "44260-8"} <= emitted


def test_a_loinc_answer_code_only_for_the_same_label():
    assert rules.answer_code("phq9", "phq9_1", 0, "Not at all").code == "LA6568-5"
    assert rules.answer_code("phq9", "phq9_1", 0, "Never") == rules.Code(rules.CS_ANSWER, "phq9_1.0", "Never")
    assert rules.answer_code("asq", "asq_1", 1, "Yes") == rules.Code(rules.CS_ANSWER, "asq_1.1", "Yes")


# --- builders, from plain values -------------------------------------------------------------------------


def screening(answers, **extra):
    result = screen(FORM, answers, sex_at_birth=None) if not extra.get("skip_eval") else None
    extra.pop("skip_eval", None)
    return {
        "id": "3f1c0d0e-5a8b-4c1e-9e57-2b1f7c9d4a10", "participant_id": "p-1", "form_version": FORM.version,
        "answers": answers, "scores": {c: s.to_dict() for c, s in result.scores.items()} if result else {},
        "flags": [f.to_dict() for f in result.flags] if result else [],
        "findings": [n.to_dict() for n in result.notes] if result else [],
        "computed_outcome": result.outcome if result else "defer", "overrides": [], "screened_by": "Ada Admin",
        "screened_at": T, **extra,
    }


def lowest():
    answers = {}
    for item in FORM.items:
        if item.is_enabled(answers):
            answers[item.id] = item.min_value
    return answers


def test_questionnaire_validates_and_is_retired_when_not_current():
    assert validate(builders.questionnaire(FORM, current=True))["status"] == "active"
    assert builders.questionnaire(FORM, current=False)["status"] == "retired"


def test_a_complete_screening():
    s = screening(lowest())
    response = validate(builders.questionnaire_response(s, FORM))
    assert response["status"] == "completed" and response["author"] == {"display": "Ada Admin"}
    observations = [validate(o) for o in builders.screening_observations(s, FORM)]
    assert len(observations) == len(FORM.instruments) + 1
    assert all("valueQuantity" in o for o in observations[:-1])
    assert codings(observations[-1]["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "clear")}
    assert "component" not in observations[-1]


def test_a_screening_stopped_at_a_crisis_with_declined_items():
    """The clinical-safety fields: `complete: false` (stopped at a crisis) and `declined` item ids."""
    answers = {item.id: item.min_value for item in FORM.instrument("phq9").items}
    answers["phq9_9"] = 2
    answers.update({f"gad7_{n}": 1 for n in (1, 2, 4, 5, 6, 7)})
    s = screening(answers, skip_eval=True, complete=False, declined=["gad7_3"],
                  scores={"phq9": {"score": 2, "band": "minimal", "positive": False, "cutoff": 10}},
                  flags=[{"flag": "acute_crisis", "level": "defer", "reasons": ["PHQ-9 item 9 answered 2."]}])
    response = validate(builders.questionnaire_response(s, FORM))
    assert response["status"] == "stopped"
    items = {i["linkId"]: i for g in response["item"] for i in g["item"]}
    assert items["gad7_3"]["answer"] == [{"valueCoding": {"system": rules.DATA_ABSENT, "code": "asked-declined",
                                                          "display": "Asked But Declined"}}]
    assert "asq_1" not in items  # never reached
    observations = {o["id"][37:]: validate(o)
                    for o in builders.screening_observations(s, FORM)}
    assert observations["phq9"]["valueQuantity"]["value"] == 2
    assert codings(observations["gad7"]["dataAbsentReason"]) == {(rules.DATA_ABSENT, "asked-declined")}
    assert "valueQuantity" not in observations["gad7"] and "interpretation" not in observations["gad7"]
    assert codings(observations["asq"]["dataAbsentReason"]) == {(rules.DATA_ABSENT, "not-asked")}
    outcome = observations["outcome"]
    assert codings(outcome["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "defer")}
    assert outcome["note"][0]["text"] == "PHQ-9 item 9 answered 2."


def test_a_screening_of_a_version_no_longer_on_file():
    s = screening({"old_item": 2}, skip_eval=True, form_version="2019-01.1",
                  scores={"old_scale": {"score": 2, "band": "low", "positive": False, "cutoff": None}})
    response = validate(builders.questionnaire_response(s, None))
    assert response["item"][0]["item"] == [{"linkId": "old_item", "answer": [{"valueInteger": 2}]}]
    observations = [validate(o) for o in builders.screening_observations(s, None)]
    assert [codings(o["code"]) for o in observations] == [
        {(rules.CS_INSTRUMENT, "old_scale.total")}, {(rules.CS_INSTRUMENT, "outcome")}]
    assert [c["code"] for c in builders.observation_codings(None, s["scores"])] == ["old_scale.total", "outcome"]


@pytest.mark.parametrize("contact,system", [("pat@example.org", "email"), ("+44 20 7946 0000", "other"),
                                            ("pat@example.org or 0123", "other")])
def test_patient_telecom(contact, system):
    patient = validate(records.patient({"id": "p-1", "display_name": "Pat", "contact": contact,
                                         "date_of_birth": date(1990, 1, 2)}))
    assert patient["telecom"] == [{"system": system, "value": contact}] and patient["birthDate"] == "1990-01-02"


def test_care_plan_statuses():
    plans = [{"id": "a", "title": "Past", "starts_at": datetime(2026, 1, 1, 9, tzinfo=UTC),
              "ends_at": datetime(2026, 1, 1, 11, tzinfo=UTC)},
             {"id": "b", "title": "Next", "starts_at": datetime(2026, 6, 1, 9, tzinfo=UTC),
              "ends_at": datetime(2026, 6, 1, 11, tzinfo=UTC)}]
    group = {"id": "g-1", "name": "Tuesday group", "location": None}
    active = validate(records.care_plan(group, plans, now=T))
    assert active["status"] == "active" and [a["detail"]["status"] for a in active["activity"]] == [
        "unknown", "scheduled"]
    assert validate(records.care_plan(group, plans[:1], now=T))["status"] == "completed"
    assert validate(records.care_plan(group, [], now=T))["status"] == "draft"


PAST = {"starts_at": datetime(2026, 1, 1, 9, tzinfo=UTC), "ends_at": datetime(2026, 1, 1, 11, tzinfo=UTC)}
COMING = {"starts_at": datetime(2026, 6, 1, 9, tzinfo=UTC), "ends_at": datetime(2026, 6, 1, 11, tzinfo=UTC)}


@pytest.mark.parametrize("when,attendance,status", [
    (PAST, set(), "unknown"),                                 # nobody recorded whether it took place
    (PAST, {"present", "no_show"}, "completed"),
    (PAST, {"excused"}, "completed"),                          # held, this member excused
    (PAST, {"cancelled_by_practice"}, "cancelled"),            # the practice cancelled it for everyone
    (PAST, {"cancelled_by_practice", "present"}, "completed"),
    (COMING, set(), "scheduled"),
    (COMING, {"present"}, "scheduled"),                        # cannot happen (409), and would not count
])
def test_care_plan_activity_status_from_attendance(when, attendance, status):
    plan = {"id": "a", "title": "S", **when, "attendance": attendance}
    assert records.activity_status(plan, T) == status
    assert validate(records.care_plan({"id": "g", "name": "G", "location": None}, [plan], now=T))[
        "activity"][0]["detail"]["status"] == status


def test_group_member_periods():
    members = [{"participant_id": "p-1", "display_name": "Pat", "joined_on": date(2026, 3, 1), "left_on": None},
               {"participant_id": "p-2", "joined_on": date(2026, 3, 1), "left_on": date(2026, 4, 1)},
               {"participant_id": "p-3", "joined_on": date(2026, 3, 2), "left_on": date(2026, 12, 31)}]
    g = validate(records.group({"id": "g-1", "kind": "family", "name": "The Examples"}, members,
                               today=date(2026, 5, 1)))
    # the membership periods are the days of the membership, not the time the row was written; a member who
    # left is inactive, one whose leaving day is still to come is not yet
    assert [m["inactive"] for m in g["member"]] == [False, True, False]
    assert g["member"][1]["period"] == {"start": "2026-03-01", "end": "2026-04-01"}
    assert g["member"][0]["period"] == {"start": "2026-03-01"} and g["quantity"] == 2


@pytest.mark.parametrize("status,code", [(400, "invalid"), (401, "login"), (403, "forbidden"), (404, "not-found"),
                                         (405, "not-supported"), (413, "too-costly"), (422, "invalid"),
                                         (429, "throttled"), (500, "exception"), (503, "exception")])
def test_operation_outcome(status, code):
    body = validate(envelopes.operation_outcome(status, "Something.", {"date": ["Bad."], "a": {"b": ["Worse."]}}))
    assert [i["code"] for i in body["issue"]] == [code] * 3
    assert [i.get("expression") for i in body["issue"]] == [None, ["date"], ["a.b"]]
    assert body["issue"][0]["diagnostics"].startswith(f"HTTP {status} ")


def test_capability_statement_lists_the_served_table():
    body = validate(envelopes.capability_statement(software_version="1.0.0", base="http://x/api/v1/fhir",
                                                  released=date(2026, 12, 1)))
    resources = body["rest"][0]["resource"]
    assert [r["type"] for r in resources] == list(rules.SERVED_TYPES)
    observation = next(r for r in resources if r["type"] == "Observation")
    assert {p["name"]: p["type"] for p in observation["searchParam"]} == {
        "subject": "reference", "patient": "reference", "category": "token", "date": "date", "code": "token"}


def test_a_screening_with_no_answers_has_no_items_and_no_scores():
    """A clinician's assessment (the clinical-safety work) records an outcome without answers."""
    s = screening({}, skip_eval=True, computed_outcome="refer", flags=[])
    response = validate(builders.questionnaire_response(s, FORM))
    assert "item" not in response and response["status"] == "completed"
    observations = [validate(o) for o in builders.screening_observations(s, FORM)]
    assert all(codings(o["dataAbsentReason"]) == {(rules.DATA_ABSENT, "not-asked")} for o in observations[:-1])
    assert codings(observations[-1]["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "refer")}
