"""FHIR R4 read API (issue 22): every resource validates (fhir.resources R4B) and carries the right codes;
the CapabilityStatement is what the URL map serves; auth, tenancy and audit on every route; search
parameters; OperationOutcome errors; a participant's Bundle across two form versions."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.fhir_support import LOINC, codings, fhir_json, outcome, validate
from tests.helpers import answers_for
from toolkit.fhir import rules
from toolkit.screening.form_loader import DEFAULT_FORM_DIR, load_form
from toolkit.tenancy import across_practices

FHIR = "/api/v1/fhir"
AUDIT = "/api/v1/audit-events"
UNKNOWN = "00000000-0000-0000-0000-000000000000"


# --- helpers ---------------------------------------------------------------------------------------------


def get_form(client, who):
    return client.get("/api/v1/screening/form", headers=who["headers"]).get_json()


def screen(client, who, participant_id, overrides=None, form=None):
    form = form or get_form(client, who)
    r = client.post(f"/api/v1/participants/{participant_id}/screenings", headers=who["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, overrides)})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def audit_events(client, who, **query):
    r = client.get(AUDIT, headers=who["headers"], query_string={"page_size": 100, **query})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def by_type(bundle, resource_type):
    return [e["resource"] for e in bundle.get("entry", ()) if e["resource"]["resourceType"] == resource_type]


@pytest.fixture
def pat(create_participant):
    return create_participant(display_name="Pat Example", date_of_birth="1988-05-17", contact="pat@example.org",
                              emergency_contact="Sam Example, 0123 456789", sex_at_birth="female")


@pytest.fixture
def screened(client, admin, pat):
    """A screening with a moderate PHQ-9 (10) and a positive AUDIT-C below the crisis level."""
    overrides = {"phq9_1": 3, "phq9_2": 3, "phq9_3": 2, "phq9_4": 2, "audit_c_1": 2, "audit_c_2": 1}
    return screen(client, admin, pat["id"], overrides)


@pytest.fixture
def template(client, admin):
    modules = client.get("/api/v1/modules?page_size=3", headers=admin["headers"]).get_json()
    r = client.post("/api/v1/plans", headers=admin["headers"], json={
        "title": "Evening circle", "starts_at": "2027-01-05T18:00:00+01:00", "notes": "For a new group.",
        "items": [{"module_id": m["id"], "minutes": m["default_minutes"]} for m in modules]})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


@pytest.fixture
def group_with_sessions(client, admin, pat, create_group, template):
    group = create_group(name="Spring retreat", location="Lakeside lodge")
    r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                    json={"participant_id": pat["id"]})
    assert r.status_code == 201, r.get_json()
    plans = []
    for starts in ("2020-04-01T09:00:00+02:00", "2030-04-02T09:00:00+02:00"):
        r = client.post(f"/api/v1/plans/{template['id']}/clone", headers=admin["headers"],
                        json={"group_id": group["id"], "starts_at": starts})
        assert r.status_code == 201, r.get_json()
        plans.append(r.get_json())
    return group, plans


# --- metadata: the CapabilityStatement is what is routed ---------------------------------------------------


def test_metadata_is_a_capability_statement(client, admin):
    body = fhir_json(client.get(f"{FHIR}/metadata", headers=admin["headers"]))
    assert body["resourceType"] == "CapabilityStatement" and body["fhirVersion"] == "4.0.1"
    assert body["kind"] == "instance" and rules.MEDIA_TYPE in body["format"]
    assert body["implementation"]["url"] == "http://localhost/api/v1/fhir"


def test_metadata_and_smart_configuration_are_public(client):
    """A FHIR client reads what the server can do before it has a token."""
    body = fhir_json(client.get(f"{FHIR}/metadata"))
    assert body["resourceType"] == "CapabilityStatement"
    r = client.get(f"{FHIR}/.well-known/smart-configuration")
    assert r.status_code == 200 and r.mimetype == "application/json"
    smart = r.get_json()
    # no SMART launch yet, and it says so: nothing advertised, and the words say how to authenticate today
    assert smart["capabilities"] == [] and smart["grant_types_supported"] == []
    assert smart["issuer"] == "http://localhost/api/v1/fhir"
    assert smart["token_endpoint"] == "http://localhost/api/v1/auth/login"
    assert "not supported yet" in smart["x-toolkit-auth"]


@pytest.mark.parametrize("path,target", [
    ("/fhir", "/api/v1/fhir/metadata"), ("/fhir/", "/api/v1/fhir/metadata"),
    ("/fhir/metadata", "/api/v1/fhir/metadata"),
    ("/fhir/Observation?subject=Patient/x&_count=5", "/api/v1/fhir/Observation?subject=Patient/x&_count=5"),
    ("/fhir/Patient/abc", "/api/v1/fhir/Patient/abc"),
])
def test_fhir_base_redirects_to_the_api_base(client, path, target):
    r = client.get(path)
    assert r.status_code == 308 and r.headers["Location"] == target


def test_following_the_fhir_redirect_keeps_the_token_and_reaches_the_resource(client, admin, pat):
    r = client.get(f"/fhir/Patient/{pat['id']}", headers=admin["headers"], follow_redirects=True)
    assert fhir_json(r)["id"] == pat["id"]


@pytest.mark.parametrize("fmt", ["json", "application/json", "application/fhir+json"])
def test_format_json_is_accepted_on_reads_and_searches(client, admin, pat, screened, fmt):
    query = {"_format": fmt}
    assert fhir_json(client.get(f"{FHIR}/Patient/{pat['id']}", headers=admin["headers"], query_string=query))["id"]
    assert fhir_json(client.get(f"{FHIR}/metadata", query_string=query))["resourceType"] == "CapabilityStatement"
    bundle = fhir_json(search(client, admin, "Observation", patient=pat["id"], **query))
    assert bundle["total"] >= 1
    assert fhir_json(client.get(f"/api/v1/participants/{pat['id']}/fhir", headers=admin["headers"],
                                query_string=query))["type"] == "collection"


@pytest.mark.parametrize("query,headers", [
    ("?_format=xml", {}), ("?_format=application/fhir%2Bxml", {}),
    ("", {"Accept": "application/fhir+xml"}), ("", {"Accept": "application/xml, text/xml"}),
])
def test_xml_is_not_acceptable(client, admin, pat, query, headers):
    for path in (f"Patient/{pat['id']}", "Observation", "metadata"):
        r = client.get(f"{FHIR}/{path}{query}", headers={**admin["headers"], **headers})
        outcome(r, 406, "not-supported")


def test_an_unknown_format_is_400(client, admin, pat):
    outcome(client.get(f"{FHIR}/Patient/{pat['id']}?_format=yaml", headers=admin["headers"]), 400, "invalid")


def test_json_accept_headers_are_served(client, admin, pat):
    for accept in ("application/fhir+json", "application/json", "*/*", "application/fhir+xml;q=0.9, */*;q=0.1"):
        fhir_json(client.get(f"{FHIR}/Patient/{pat['id']}", headers={**admin["headers"], "Accept": accept}))


def test_standard_patient_and_category_search_parameters(client, admin, pat, screened, create_participant):
    other = create_participant(display_name="Alex Example", date_of_birth="1979-01-01")
    screen(client, admin, other["id"])

    def found(path, **query):
        return fhir_json(search(client, admin, path, **query))

    by_subject = found("Observation", subject=f"Patient/{pat['id']}")
    by_patient = found("Observation", patient=f"Patient/{pat['id']}")
    assert by_patient["total"] == by_subject["total"] > 0
    assert [e["resource"]["id"] for e in by_patient["entry"]] == [e["resource"]["id"] for e in by_subject["entry"]]
    responses = found("QuestionnaireResponse", patient=pat["id"])
    assert responses["total"] == 1 and responses["entry"][0]["resource"]["subject"]["reference"].endswith(pat["id"])
    survey = "http://terminology.hl7.org/CodeSystem/observation-category|survey"
    assert found("Observation", patient=pat["id"], category="survey")["total"] == by_subject["total"]
    assert found("Observation", patient=pat["id"], category=survey)["total"] == by_subject["total"]
    assert found("Observation", patient=pat["id"], category="laboratory")["total"] == 0
    both = search(client, admin, "Observation", subject=pat["id"], patient=other["id"])
    assert outcome(both, 400, "invalid")["issue"][1]["expression"] == ["patient"]
    unknown = search(client, admin, "Observation", patient=UNKNOWN)
    assert outcome(unknown, 422, "invalid")["issue"][1]["expression"] == ["patient"]


def test_a_declined_answer_is_one_of_the_items_options(client, admin, pat):
    """A receiver that validates a QuestionnaireResponse against its Questionnaire (HAPI) finds every answer, a
    declined one included, among the item's answer options."""
    form = get_form(client, admin)
    answers = answers_for(form)
    declined = ["gad7_3", "phq9_2"]
    for item in declined:
        answers.pop(item, None)
    r = client.post(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers, "declined": declined})
    assert r.status_code == 201, r.get_json()
    response = fhir_json(client.get(f"{FHIR}/QuestionnaireResponse/{r.get_json()['id']}", headers=admin["headers"]))
    questionnaire = fhir_json(client.get(f"{FHIR}/Questionnaire/{form['version']}", headers=admin["headers"]))
    options = {q["linkId"]: [o["valueCoding"] for o in q["answerOption"]]
               for g in questionnaire["item"] for q in g["item"] if q["type"] == "choice"}
    answered = {i["linkId"]: i["answer"] for g in response["item"] for i in g["item"]}
    assert set(declined) <= set(answered)
    for link_id, answer in answered.items():
        for a in answer:
            coding = {k: v for k, v in a["valueCoding"].items()}
            assert any(coding.items() <= o.items() for o in options[link_id]), (link_id, coding)


def _routed(app) -> dict[str, set[str]]:
    """Interactions by resource type, from the app's URL map: `/fhir/<Type>/<id>` is a read, `/fhir/<Type>` a
    search."""
    served: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        match = re.fullmatch(rf"{FHIR}/([A-Z][A-Za-z]+)(/<[^>]+>)?", rule.rule)
        if match and "GET" in rule.methods:
            served.setdefault(match.group(1), set()).add("read" if match.group(2) else "search-type")
    return served


def test_capability_statement_matches_the_url_map(app, client, admin):
    body = client.get(f"{FHIR}/metadata", headers=admin["headers"]).get_json()
    declared = {r["type"]: {i["code"] for i in r["interaction"]} for r in body["rest"][0]["resource"]}
    assert declared == _routed(app)
    fhir_rules = [r.rule for r in app.url_map.iter_rules() if r.rule.startswith(FHIR)]
    assert set(fhir_rules) - {f"{FHIR}/metadata", f"{FHIR}/.well-known/smart-configuration"} <= {
        f"{FHIR}/{t}" for t in declared} | {r for r in fhir_rules if re.fullmatch(rf"{FHIR}/[A-Za-z]+/<[^>]+>", r)}


def test_capability_search_params_are_the_accepted_ones(app, client, admin):
    """Each declared search parameter is accepted by the route, and the route accepts no other (paging aside)."""
    import json

    from tests.helpers import generated_spec_text

    spec = json.loads(generated_spec_text(app))
    body = client.get(f"{FHIR}/metadata", headers=admin["headers"]).get_json()
    for resource in body["rest"][0]["resource"]:
        declared = {p["name"] for p in resource.get("searchParam", ())}
        path = spec["paths"].get(f"{FHIR}/{resource['type']}")
        if "search-type" not in {i["code"] for i in resource["interaction"]}:
            assert not declared and path is None, resource["type"]
            continue
        accepted = {p["name"] for p in path["get"]["parameters"] if p["in"] == "query"}
        assert accepted == declared | {"_count", "_offset", "_format"}, resource["type"]
        types = {p["name"]: p["type"] for p in resource["searchParam"]}
        assert {"subject": "reference", "patient": "reference"}.items() <= types.items()


# --- auth and tenancy on every route ---------------------------------------------------------------------


def fhir_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(FHIR) or rule.rule.endswith("/fhir"):
            yield rule.rule


PUBLIC_FHIR = {f"{FHIR}/metadata", f"{FHIR}/.well-known/smart-configuration", "/fhir"}


def test_every_fhir_route_needs_a_token(app, client):
    """Every FHIR route but the public discovery documents (and /fhir's redirect onto the base)."""
    routes = list(fhir_routes(app))
    assert len(routes) == 14 and PUBLIC_FHIR <= set(routes)
    for route in set(routes) - PUBLIC_FHIR:
        url = re.sub(r"<[^>]+>", UNKNOWN, route)
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            r = client.get(url, headers=headers)
            outcome(r, 401, "login")
            assert r.headers["WWW-Authenticate"].startswith("Bearer"), route


@pytest.fixture
def records(client, admin, pat, screened, template, group_with_sessions):
    """Path values of admin's records for every FHIR route."""
    group, _ = group_with_sessions
    return {"participant_id": pat["id"], "screening_id": screened["id"], "group_id": group["id"],
            "template_id": template["id"], "observation_id": f"{screened['id']}-phq9",
            "questionnaire_id": screened["form_version"], "code_system_id": "screening-outcome"}


def test_every_fhir_route_is_tenant_scoped(app, client, admin, other, records):
    """Admin reads each record; the other practice gets the same 404 OperationOutcome as for an unknown id."""
    checked = 0
    for route in fhir_routes(app):
        names = re.findall(r"<(?:[^:<>]+:)?([^<>]+)>", route)
        if not names:
            continue
        own = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: records[m.group(1)], route)
        fhir_json(client.get(own, headers=admin["headers"]))
        if names in (["questionnaire_id"], ["code_system_id"]):  # the same for every practice
            continue
        foreign = client.get(own, headers=other["headers"])
        unknown = client.get(re.sub(r"<[^>]+>", UNKNOWN, route), headers=other["headers"])
        outcome(foreign, 404, "not-found")
        assert foreign.get_json() == outcome(unknown, 404, "not-found")
        checked += 1
    assert checked == 7


def test_search_is_tenant_scoped(client, admin, other, pat, screened):
    theirs_id = client.post("/api/v1/participants", headers=other["headers"],
                            json={"display_name": "Olu's client", "date_of_birth": "1979-03-04"}).get_json()["id"]
    screen(client, other, theirs_id)
    for path in ("Observation", "QuestionnaireResponse"):
        mine = fhir_json(client.get(f"{FHIR}/{path}", headers=admin["headers"]))
        theirs = fhir_json(client.get(f"{FHIR}/{path}", headers=other["headers"]))
        subjects = {r["subject"]["reference"] for r in by_type(mine, path)}
        assert subjects == {f"Patient/{pat['id']}"}
        assert f"Patient/{pat['id']}" not in {r["subject"]["reference"] for r in by_type(theirs, path)}
        foreign = client.get(f"{FHIR}/{path}", headers=other["headers"], query_string={"subject": pat["id"]})
        unknown = client.get(f"{FHIR}/{path}", headers=other["headers"], query_string={"subject": UNKNOWN})
        assert outcome(foreign, 422, "invalid") == outcome(unknown, 422, "invalid")
        assert foreign.get_json()["issue"][1]["expression"] == ["subject"]
    denied = audit_events(client, other, record_type="participant", record_id=pat["id"])
    assert len(denied) == 2 and {e["outcome"] for e in denied} == {"denied"}
    # The practice whose patient was named sees the attempts too (issue 15), and no read of its own.
    seen_by_owner = audit_events(client, admin, record_type="participant", record_id=pat["id"], action="read")
    assert len(seen_by_owner) == 2 and {e["outcome"] for e in seen_by_owner} == {"denied"}
    fhir_json(search(client, admin, "Observation", subject=pat["id"], _format="application/fhir+json"))
    outcome(search(client, admin, "Observation", _format="xml"), 406, "not-supported")


def test_unknown_fhir_paths_and_methods_are_operation_outcomes(client, admin):
    outcome(client.get(f"{FHIR}/Encounter/{UNKNOWN}", headers=admin["headers"]), 404, "not-found")
    outcome(client.get(f"{FHIR}/Observation/not-an-observation", headers=admin["headers"]), 404, "not-found")
    outcome(client.get(f"{FHIR}/Questionnaire/1999-01.1", headers=admin["headers"]), 404, "not-found")
    r = client.post(f"{FHIR}/Observation", headers=admin["headers"], json={"resourceType": "Observation"})
    outcome(r, 405, "not-supported")
    assert "GET" in r.headers["Allow"]


# --- Patient ---------------------------------------------------------------------------------------------


def test_patient_holds_only_our_fields_and_is_audited(client, admin, pat):
    body = fhir_json(client.get(f"{FHIR}/Patient/{pat['id']}", headers=admin["headers"]))
    assert body["id"] == pat["id"] and body["active"] is True
    assert body["name"] == [{"text": "Pat Example"}] and body["birthDate"] == "1988-05-17"
    assert body["telecom"] == [{"system": "email", "value": "pat@example.org"}]
    assert body["contact"][0]["name"] == {"text": "Sam Example, 0123 456789"}
    assert codings(body["contact"][0]["relationship"][0]) == {(rules.CONTACT_ROLE, "C")}
    assert "identifier" not in body and "gender" not in body  # none invented; sex at birth is not gender
    events = audit_events(client, admin, record_type="participant", record_id=pat["id"], action="read")
    assert len(events) == 1 and events[0]["actor_id"] == admin["therapist_id"]


def test_archived_participant_is_an_inactive_patient(client, admin, pat):
    etag = client.get(f"/api/v1/participants/{pat['id']}", headers=admin["headers"]).headers["ETag"]
    client.patch(f"/api/v1/participants/{pat['id']}", headers={**admin["headers"], "If-Match": etag},
                 json={"archived": True})
    assert fhir_json(client.get(f"{FHIR}/Patient/{pat['id']}", headers=admin["headers"]))["active"] is False


# --- Questionnaire ---------------------------------------------------------------------------------------


def test_questionnaire_items_options_enable_when_and_codes(client, admin):
    form = get_form(client, admin)
    body = fhir_json(client.get(f"{FHIR}/Questionnaire/{form['version']}", headers=admin["headers"]))
    assert body["status"] == "active" and body["version"] == form["version"] and body["url"] == rules.QUESTIONNAIRE_URL
    groups = {g["linkId"]: g for g in body["item"]}
    assert list(groups) == [i["code"] for i in form["instruments"]]
    assert (groups["phq9"]["code"][0]["system"], groups["phq9"]["code"][0]["code"]) == (LOINC, "44249-1")
    assert (groups["gad7"]["code"][0]["system"], groups["gad7"]["code"][0]["code"]) == (LOINC, "69737-5")
    assert (groups["audit_c"]["code"][0]["system"], groups["audit_c"]["code"][0]["code"]) == (LOINC, "72109-2")
    for own in ("pc_ptsd5", "asq", "drug_use", "younger_self", "dissociation", "present_crisis"):
        assert groups[own]["code"][0]["system"] == rules.CS_INSTRUMENT and groups[own]["code"][0]["code"] == own
    questions = {q["linkId"]: q for g in body["item"] for q in g["item"] if q["type"] == "choice"}
    assert len(questions) == sum(len(i["items"]) for i in form["instruments"])
    assert questions["phq9_9"]["code"][0] == {"system": LOINC, "code": "44260-8",
                                              "display": rules.loinc()["instruments"]["phq9"]["items"]["phq9_9"]
                                              ["display"]}
    assert questions["gad7_1"]["code"][0]["code"] == "69725-0"
    assert questions["asq_1"]["code"][0]["system"] == rules.CS_INSTRUMENT
    # answer options: the label, and the item score as ordinalValue; LOINC answer codes on PHQ-9/GAD-7; then
    # "prefer not to answer" as the data-absent-reason asked-declined, with no score
    declined = {"system": rules.DATA_ABSENT, "code": "asked-declined", "display": "Asked But Declined"}
    options = questions["phq9_1"]["answerOption"]
    assert [o["valueCoding"]["code"] for o in options] == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9",
                                                           "asked-declined"]
    assert [o["valueCoding"]["extension"][0] for o in options[:-1]] == [
        {"url": rules.ORDINAL_VALUE, "valueDecimal": v} for v in (0, 1, 2, 3)]
    form_items = {item["id"]: item for i in form["instruments"] for item in i["items"]}
    for item_id, question in questions.items():
        labels = [o["label"] for o in form_items[item_id]["options"]]
        assert [o["valueCoding"]["display"] for o in question["answerOption"]] == [*labels, declined["display"]]
        assert question["answerOption"][-1] == {"valueCoding": declined}
    yes_no = [o["valueCoding"] for o in questions["asq_1"]["answerOption"]]
    assert [(c["system"], c["code"], c["display"]) for c in yes_no] == [
        (rules.CS_ANSWER, "asq_1.0", "No"), (rules.CS_ANSWER, "asq_1.1", "Yes"), (*declined.values(),)]
    # AUDIT-C's items carry their LOINC codes (seed/fhir/loinc.yaml cites the page)
    assert [questions[f"audit_c_{n}"]["code"][0]["code"] for n in (1, 2, 3)] == ["68518-0", "68519-8", "68520-6"]
    # enableWhen: the ASQ acuity question after any "Yes"; AUDIT-C 2-3 unless "Never"
    acuity = questions["asq_acuity"]
    assert acuity["enableBehavior"] == "any"
    assert [(e["question"], e["operator"], e["answerCoding"]["code"]) for e in acuity["enableWhen"]] == [
        (f"asq_{n}", "=", f"asq_{n}.1") for n in range(1, 5)]
    assert {e["answerCoding"]["code"] for e in questions["audit_c_2"]["enableWhen"]} == {
        f"audit_c_1.{v}" for v in (1, 2, 3, 4)}
    assert "enableWhen" not in questions["phq9_1"]


# --- QuestionnaireResponse and Observations --------------------------------------------------------------


def test_questionnaire_response_of_a_screening(client, admin, pat, screened):
    body = fhir_json(client.get(f"{FHIR}/QuestionnaireResponse/{screened['id']}", headers=admin["headers"]))
    assert body["status"] == "completed" and body["subject"] == {"reference": f"Patient/{pat['id']}"}
    assert body["questionnaire"] == f"{rules.QUESTIONNAIRE_URL}|{screened['form_version']}"
    answered = {i["linkId"]: i["answer"][0]["valueCoding"] for g in body["item"] for i in g["item"]}
    assert set(answered) == set(screened["answers"])
    assert answered["phq9_1"]["code"] == "LA6571-9" and answered["phq9_1"]["display"] == "Nearly every day"
    assert answered["audit_c_2"] == {"system": rules.CS_ANSWER, "code": "audit_c_2.1", "display": "3 or 4"}
    assert "audit_c_3" in answered and "asq_acuity" not in answered  # only the items that were asked
    assert audit_events(client, admin, record_type="screening", record_id=screened["id"], action="read")


def test_score_and_outcome_observations(client, admin, screened):
    scores = screened["scores"]
    phq9 = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-phq9", headers=admin["headers"]))
    assert codings(phq9["code"]) == {(LOINC, "44261-6")}
    assert phq9["valueQuantity"]["value"] == scores["phq9"]["score"] == 10
    assert phq9["effectiveDateTime"].startswith(screened["screened_at"][:19])
    assert codings(phq9["interpretation"][0]) == {(rules.CS_BAND, "phq9.moderate")}
    assert codings(phq9["interpretation"][1]) == {(rules.INTERPRETATION, "POS")}
    assert codings(phq9["category"][0]) == {(rules.OBSERVATION_CATEGORY, "survey")}
    assert phq9["derivedFrom"] == [{"reference": f"QuestionnaireResponse/{screened['id']}"}]
    gad7 = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-gad7", headers=admin["headers"]))
    assert codings(gad7["code"]) == {(LOINC, "70274-6")} and codings(gad7["interpretation"][1]) == {
        (rules.INTERPRETATION, "NEG")}
    audit = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-audit-c", headers=admin["headers"]))
    assert codings(audit["code"]) == {(LOINC, "75626-2")} and audit["valueQuantity"]["value"] == 3
    ptsd = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-pc-ptsd5", headers=admin["headers"]))
    assert codings(ptsd["code"]) == {(rules.CS_INSTRUMENT, "pc_ptsd5.total")}
    result = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-outcome", headers=admin["headers"]))
    assert result["status"] == "final"
    assert codings(result["code"]) == {(rules.CS_INSTRUMENT, "outcome")}
    assert codings(result["valueCodeableConcept"]) == {(rules.CS_OUTCOME, screened["outcome"])}
    flags = {c["code"]["coding"][0]["code"]: c["valueCodeableConcept"]["coding"][0]["code"]
             for c in result["component"]}
    assert flags == {f["flag"]: f["level"] for f in screened["flags"]} == {"mood_exacerbation": "caution"}
    notes = [n["text"] for n in result["note"]]
    assert any("AUDIT-C" in n for n in notes)  # the alcohol finding the clinician sees
    assert {d["reference"] for d in result["derivedFrom"]} >= {f"Observation/{screened['id']}-phq9"}


def test_an_override_amends_the_outcome_and_keeps_the_computed_one(client, admin, screened):
    r = client.post(f"/api/v1/screenings/{screened['id']}/override", headers=admin["headers"],
                    json={"outcome": "refer", "reason": "Disclosed a recent loss in the interview."})
    assert r.status_code == 201, r.get_json()
    result = fhir_json(client.get(f"{FHIR}/Observation/{screened['id']}-outcome", headers=admin["headers"]))
    assert result["status"] == "amended"
    assert codings(result["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "refer")}
    computed = [c for c in result["component"] if c["code"]["coding"][0]["code"] == "computed-outcome"]
    assert codings(computed[0]["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "caution")}
    assert any("recent loss" in n["text"] and n["authorString"] == "Ada Admin" for n in result["note"])


def test_a_crisis_outcome_is_defer(client, admin, pat):
    crisis = screen(client, admin, pat["id"], {"phq9_9": 1})
    result = fhir_json(client.get(f"{FHIR}/Observation/{crisis['id']}-outcome", headers=admin["headers"]))
    assert codings(result["valueCodeableConcept"]) == {(rules.CS_OUTCOME, "defer")}
    assert ("acute_crisis", "defer") in {(c["code"]["coding"][0]["code"],
                                          c["valueCodeableConcept"]["coding"][0]["code"])
                                         for c in result["component"]}


# --- search ----------------------------------------------------------------------------------------------


@pytest.fixture
def history(client, admin, pat, create_participant):
    """Three screenings of pat at known times (2026-01-10, 2026-02-10, 2026-03-10) and one of someone else."""
    from datetime import UTC, datetime

    from toolkit.extensions import db
    from toolkit.screening.models import Screening

    made = [screen(client, admin, pat["id"], {"phq9_1": n}) for n in (1, 2, 3)]
    someone = screen(client, admin, create_participant(display_name="Someone Else")["id"])
    with client.application.app_context(), across_practices(db.session):
        for s, month in zip(made, (1, 2, 3), strict=True):
            db.session.get(Screening, s["id"]).screened_at = datetime(2026, month, 10, 12, tzinfo=UTC)
        db.session.get(Screening, someone["id"]).screened_at = datetime(2026, 2, 11, tzinfo=UTC)
        db.session.commit()
    return made, someone


def search(client, who, path, **query):
    return client.get(f"{FHIR}/{path}", headers=who["headers"], query_string=query)


def test_search_observations_by_subject_date_and_code(client, admin, pat, history):
    made, someone = history
    phq9 = "http://loinc.org|44261-6"
    body = fhir_json(search(client, admin, "Observation", subject=f"Patient/{pat['id']}", code=phq9))
    assert body["type"] == "searchset" and body["total"] == 3
    assert [o["valueQuantity"]["value"] for o in by_type(body, "Observation")] == [3, 2, 1]  # newest first
    body = fhir_json(client.get(f"{FHIR}/Observation?subject={pat['id']}&code={phq9}&date=ge2026-02"
                                f"&date=le2026-02-28", headers=admin["headers"]))
    assert [o["id"] for o in by_type(body, "Observation")] == [f"{made[1]['id']}-phq9"]
    body = fhir_json(search(client, admin, "Observation", code=phq9, date="2026-02"))
    assert {o["id"] for o in by_type(body, "Observation")} == {f"{made[1]['id']}-phq9", f"{someone['id']}-phq9"}
    body = fhir_json(search(client, admin, "Observation", code=phq9, date="gt2026-02-10"))
    assert {o["id"] for o in by_type(body, "Observation")} == {f"{made[2]['id']}-phq9", f"{someone['id']}-phq9"}
    body = fhir_json(search(client, admin, "Observation", code=phq9, date="lt2026-02-10T12:00:00+00:00"))
    assert {o["id"] for o in by_type(body, "Observation")} == {f"{made[0]['id']}-phq9"}
    body = fhir_json(search(client, admin, "Observation", subject=pat["id"], code=f"outcome,{phq9}", date="ne2026-02"))
    assert sorted(o["id"] for o in by_type(body, "Observation")) == sorted(
        f"{s['id']}-{part}" for s in (made[0], made[2]) for part in ("phq9", "outcome"))
    everything = fhir_json(search(client, admin, "Observation", subject=pat["id"]))
    assert everything["total"] == 3 * (len(get_form(client, admin)["instruments"]) + 1)


def test_search_pages_with_count_offset_and_links(client, admin, pat, history):
    per_screening = len(get_form(client, admin)["instruments"]) + 1
    all_ids = [o["id"] for o in by_type(fhir_json(search(client, admin, "Observation", subject=pat["id"],
                                                         _count=100)), "Observation")]
    assert len(all_ids) == 3 * per_screening
    seen, url = [], f"{FHIR}/Observation?subject={pat['id']}&_count=7"
    while url:
        body = fhir_json(client.get(url, headers=admin["headers"]))
        assert body["total"] == len(all_ids)
        seen += [o["id"] for o in by_type(body, "Observation")]
        links = {link["relation"]: link["url"] for link in body["link"]}
        assert "subject=" in links["self"]
        url = links.get("next", "").replace("http://localhost", "")
    assert seen == all_ids
    past = fhir_json(search(client, admin, "Observation", subject=pat["id"], _offset=500))
    assert past["total"] == len(all_ids) and "entry" not in past


def test_search_questionnaire_responses(client, admin, pat, history):
    made, _ = history
    body = fhir_json(search(client, admin, "QuestionnaireResponse", subject=f"Patient/{pat['id']}",
                            authored="ge2026-02-01"))
    assert [r["id"] for r in by_type(body, "QuestionnaireResponse")] == [made[2]["id"], made[1]["id"]]
    events = audit_events(client, admin, record_type="screening", action="list", record_id=pat["id"])
    assert events


@pytest.mark.parametrize("query,field", [
    ({"date": "yesterday"}, "date"),
    ({"date": "2026-13-01"}, "date"),
    ({"date": "ge2026-01-01T10:00:00"}, "date"),  # no offset
    ({"date": "ge1850-01-01"}, "date"),
    ({"subject": "Group/abc"}, "subject"),
    ({"code": "http://loinc.org|"}, "code"),
    ({"_count": "0"}, "_count"),
    ({"_count": "101"}, "_count"),
    ({"_offset": "-1"}, "_offset"),
    ({"patient": "Group/abc"}, "patient"),
    ({"category": "http://terminology.hl7.org/CodeSystem/observation-category|"}, "category"),
    ({"_format": "yaml"}, "_format"),
])
def test_bad_search_parameters_are_400(client, admin, query, field):
    body = outcome(search(client, admin, "Observation", **query), 400, "invalid")
    assert [field] in [i.get("expression") for i in body["issue"][1:]], body


def test_bad_authored_is_400(client, admin):
    body = outcome(search(client, admin, "QuestionnaireResponse", authored="soon"), 400, "invalid")
    assert body["issue"][1]["expression"] == ["authored"]


# --- Group, CarePlan, PlanDefinition ---------------------------------------------------------------------


def test_group_with_members_and_their_periods(client, admin, pat, group_with_sessions):
    group, _ = group_with_sessions
    body = fhir_json(client.get(f"{FHIR}/Group/{group['id']}", headers=admin["headers"]))
    assert body["type"] == "person" and body["actual"] is True and body["name"] == "Spring retreat"
    assert codings(body["code"]) == {(rules.CS_GROUP_KIND, "retreat")}
    assert body["quantity"] == 1
    member = body["member"][0]
    assert member["entity"] == {"reference": f"Patient/{pat['id']}", "display": "Pat Example"}
    assert member["period"]["start"] and member["inactive"] is False


def test_care_plan_lists_the_groups_sessions(client, admin, group_with_sessions):
    group, plans = group_with_sessions
    body = fhir_json(client.get(f"{FHIR}/CarePlan/{group['id']}", headers=admin["headers"]))
    assert body["subject"]["reference"] == f"Group/{group['id']}" and body["intent"] == "plan"
    assert body["status"] == "active"
    details = [a["detail"] for a in body["activity"]]
    assert [d["status"] for d in details] == ["unknown", "scheduled"]  # past, then to come
    assert details[1]["scheduledPeriod"]["start"] == "2030-04-02T07:00:00+00:00"
    assert details[0]["location"] == {"display": "Lakeside lodge"}


def test_plan_definition_for_a_template_only(client, admin, template, group_with_sessions):
    body = fhir_json(client.get(f"{FHIR}/PlanDefinition/{template['id']}", headers=admin["headers"]))
    assert body["title"] == "Evening circle" and body["status"] == "draft"
    assert [a["title"] for a in body["action"]] == [i["title"] for i in template["items"]]
    assert [a["timingDuration"] for a in body["action"]] == [
        {"value": i["minutes"], "unit": "min", "system": rules.UCUM, "code": "min"} for i in template["items"]]
    _, plans = group_with_sessions
    outcome(client.get(f"{FHIR}/PlanDefinition/{plans[0]['id']}", headers=admin["headers"]), 404, "not-found")


# --- a participant's Bundle across two form versions -----------------------------------------------------


@pytest.fixture
def second_form(tmp_path, monkeypatch):
    """A second version of the intake form (v2: the drug-use question dropped), made current."""
    target = tmp_path / "v2"
    shutil.copytree(DEFAULT_FORM_DIR, target)
    form_file = target / "form.yaml"
    data = yaml.safe_load(form_file.read_text())
    data["version"] = "2027-01.1"
    data["instruments"].remove("drug_use")
    form_file.write_text(yaml.safe_dump(data))
    rules_file = target / "rules.yaml"
    rule_data = yaml.safe_load(rules_file.read_text())
    rule_data["rules"] = [r for r in rule_data["rules"] if "drug_use" not in str(r["when"])]
    rules_file.write_text(yaml.safe_dump(rule_data))
    form = load_form(target)
    from toolkit.screening import services as screening_services

    return lambda: monkeypatch.setattr(screening_services, "current_form", lambda: form)


def test_participant_bundle_across_two_form_versions(client, admin, pat, second_form):
    first = screen(client, admin, pat["id"], {"phq9_1": 2})
    v1 = first["form_version"]
    second_form()
    second = screen(client, admin, pat["id"], {"gad7_1": 3})
    assert second["form_version"] == "2027-01.1" != v1
    r = client.get(f"/api/v1/participants/{pat['id']}/fhir", headers=admin["headers"])
    body = fhir_json(r)
    assert body["type"] == "collection" and body["timestamp"]
    assert [p["id"] for p in by_type(body, "Patient")] == [pat["id"]]
    questionnaires = {q["version"]: q for q in by_type(body, "Questionnaire")}
    assert set(questionnaires) == {v1, "2027-01.1"}
    assert questionnaires[v1]["status"] == "retired" and questionnaires["2027-01.1"]["status"] == "active"
    assert "drug_use" not in {g["linkId"] for g in questionnaires["2027-01.1"]["item"]}
    responses = {qr["id"]: qr for qr in by_type(body, "QuestionnaireResponse")}
    assert responses[first["id"]]["questionnaire"].endswith(f"|{v1}")
    assert responses[second["id"]]["questionnaire"].endswith("|2027-01.1")
    observations = by_type(body, "Observation")
    per = {s: [o for o in observations if o["derivedFrom"][0]["reference"] == f"QuestionnaireResponse/{s}"]
           for s in (first["id"], second["id"])}
    assert len(per[first["id"]]) == 10 and len(per[second["id"]]) == 9  # instruments + the outcome
    assert f"{second['id']}-drug-use" not in {o["id"] for o in observations}
    # each answered item of each response is an item of its own version's Questionnaire
    for qr in responses.values():
        version = qr["questionnaire"].split("|")[1]
        asked = {q["linkId"] for g in questionnaires[version]["item"] for q in g["item"]}
        assert {i["linkId"] for g in qr["item"] for i in g["item"]} <= asked
    # entries reference each other inside the Bundle
    full_urls = {e["fullUrl"] for e in body["entry"]}
    assert all(f"http://localhost/api/v1/fhir/{o['subject']['reference']}" in full_urls for o in observations)
    # still readable one by one: the v1 Questionnaire and the v1 screening's Observations
    assert fhir_json(client.get(f"{FHIR}/Questionnaire/{v1}", headers=admin["headers"]))["status"] == "retired"
    fhir_json(client.get(f"{FHIR}/Observation/{first['id']}-drug-use", headers=admin["headers"]))
    events = audit_events(client, admin, record_type="participant", record_id=pat["id"], action="export")
    assert len(events) == 1


def test_bundle_of_a_participant_with_no_screenings(client, admin, create_participant):
    p = create_participant(display_name="New Person")
    body = fhir_json(client.get(f"/api/v1/participants/{p['id']}/fhir", headers=admin["headers"]))
    assert [e["resource"]["resourceType"] for e in body["entry"]] == ["Patient"]


def test_every_resource_of_the_api_validates(client, admin, records):
    """A sweep: each kind of resource, read through the API, is valid R4B (fhir_json validates)."""
    for path in (f"Patient/{records['participant_id']}", f"Questionnaire/{records['questionnaire_id']}",
                 f"QuestionnaireResponse/{records['screening_id']}", f"Observation/{records['observation_id']}",
                 f"Group/{records['group_id']}", f"PlanDefinition/{records['template_id']}",
                 f"CarePlan/{records['group_id']}", "Observation", "QuestionnaireResponse", "metadata"):
        validate(fhir_json(client.get(f"{FHIR}/{path}", headers=admin["headers"])))
    validate(fhir_json(client.get(f"/api/v1/participants/{records['participant_id']}/fhir",
                                  headers=admin["headers"])))


def own_codings(value):
    if isinstance(value, dict):
        if isinstance(value.get("system"), str) and value["system"].startswith(rules.CANONICAL) and "code" in value:
            yield value["system"], value["code"], value.get("display")
        for child in value.values():
            yield from own_codings(child)
    elif isinstance(value, list):
        for child in value:
            yield from own_codings(child)


def test_every_code_of_our_own_is_defined_in_a_served_code_system(client, admin, pat, records,
                                                                  group_with_sessions):
    """Each (system, code) in our namespace that any resource carries is a concept of the CodeSystem served at
    CodeSystem/<last part of the system URL>, with the same display."""
    crisis = screen(client, admin, pat["id"], {"asq_1": 1, "asq_acuity": 1, "dissociation_1": 3})
    client.post(f"/api/v1/screenings/{crisis['id']}/override", headers=admin["headers"],
                json={"outcome": "defer", "reason": "Confirmed in the interview."})
    resources = [client.get(f"/api/v1/participants/{pat['id']}/fhir", headers=admin["headers"]).get_json(),
                 client.get(f"{FHIR}/Group/{records['group_id']}", headers=admin["headers"]).get_json()]
    emitted = set(own_codings(resources))
    systems = {system for system, _, _ in emitted}
    assert systems == {f"{rules.CANONICAL}/CodeSystem/{n}" for n in rules.OWN_CODE_SYSTEMS}
    for system in systems:
        served = fhir_json(client.get(f"{FHIR}/CodeSystem/{system.rsplit('/', 1)[1]}", headers=admin["headers"]))
        assert served["url"] == system and served["content"] == "complete"
        concepts = {c["code"]: c["display"] for c in served["concept"]}
        for s, code, display in emitted:
            if s == system:
                assert concepts.get(code) == display, (system, code)
    outcome(client.get(f"{FHIR}/CodeSystem/unknown", headers=admin["headers"]), 404, "not-found")


def test_the_service_does_not_import_fhir_resources():
    """fhir.resources is a dev dependency for the tests: nothing under toolkit/ imports it."""
    root = Path(__file__).resolve().parents[2] / "toolkit"
    imports = re.compile(r"^\s*(from\s+fhir(\.resources)?\s+import|import\s+fhir\b)", re.M)
    offenders = [str(p) for p in root.rglob("*.py") if imports.search(p.read_text(encoding="utf-8"))]
    assert not offenders


# --- cost: the statements a request runs do not grow with the record -------------------------------------


def statements_for(client, url, who):
    from sqlalchemy import event

    from toolkit.extensions import db

    assert client.get(url, headers=who["headers"]).status_code == 200  # warm-up
    seen = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    with client.application.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(url, headers=who["headers"]).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_bundle_and_searches_run_a_constant_number_of_statements(client, admin, create_participant):
    small, large = create_participant(), create_participant()
    screen(client, admin, small["id"])
    for n in range(4):
        s = screen(client, admin, large["id"], {"phq9_1": n})
        client.post(f"/api/v1/screenings/{s['id']}/override", headers=admin["headers"],
                    json={"outcome": "refer", "reason": "Seen in the interview."})
    for url in ("/api/v1/participants/{}/fhir", FHIR + "/Observation?subject={}",
                FHIR + "/QuestionnaireResponse?subject={}"):
        assert statements_for(client, url.format(small["id"]), admin) == statements_for(
            client, url.format(large["id"]), admin), url


def test_group_membership_periods_come_from_the_membership(client, admin, pat, create_participant,
                                                           group_with_sessions):
    """The period is the membership's days (joined_on, left_on), not the time a row was written; a member who
    left is inactive with an end."""
    group, _ = group_with_sessions
    sam = create_participant(display_name="Sam Example", date_of_birth="1990-02-02")
    r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                    json={"participant_id": sam["id"]})
    assert r.status_code == 201, r.get_json()
    assert client.delete(f"/api/v1/groups/{group['id']}/members/{sam['id']}",
                         headers=admin["headers"]).status_code == 204
    members = {m["participant_id"]: m for m in client.get(f"/api/v1/groups/{group['id']}/members",
                                                         headers=admin["headers"]).get_json()}
    body = validate(fhir_json(client.get(f"{FHIR}/Group/{group['id']}", headers=admin["headers"])))
    fhir_members = {m["entity"]["reference"].rsplit("/", 1)[1]: m for m in body["member"]}
    assert fhir_members[pat["id"]]["inactive"] is False and "end" not in fhir_members[pat["id"]]["period"]
    assert fhir_members[pat["id"]]["period"]["start"] == members[pat["id"]]["joined_on"]
    assert fhir_members[sam["id"]]["inactive"] is True and sam["id"] not in members  # off today's roster
    # joined and left today (in the group's zone): a one-day membership, dates as the membership holds them
    assert fhir_members[sam["id"]]["period"]["end"] == fhir_members[sam["id"]]["period"]["start"]
    assert len(fhir_members[sam["id"]]["period"]["end"]) == len("2026-12-07")
    assert body["quantity"] == 1


def test_care_plan_activity_of_a_held_session_is_completed_from_attendance(client, admin, create_participant,
                                                                           group_with_sessions):
    group, plans = group_with_sessions
    past, coming = plans
    pat = create_participant(display_name="Robin Example", date_of_birth="1985-03-03")
    r = client.post(f"/api/v1/groups/{group['id']}/members", headers=admin["headers"],
                    json={"participant_id": pat["id"], "joined_on": "2020-03-01"})
    assert r.status_code == 201, r.get_json()
    statuses = lambda: [a["detail"]["status"] for a in fhir_json(  # noqa: E731
        client.get(f"{FHIR}/CarePlan/{group['id']}", headers=admin["headers"]))["activity"]]
    assert statuses() == ["unknown", "scheduled"]  # held, but nobody recorded whether it took place
    url = f"/api/v1/plans/{past['id']}/attendance"
    tag = client.get(url, headers=admin["headers"]).headers["ETag"]
    r = client.put(url, headers={**admin["headers"], "If-Match": tag},
                   json={"records": [{"participant_id": pat["id"], "status": "present"}]})
    assert r.status_code in (200, 204), r.get_json()
    assert statuses() == ["completed", "scheduled"]
