"""Safety plans (issue 29): versioned Stanley-Brown plans, audited, tenancy-scoped, printed for the participant."""

import io

import pypdf

from tests.helpers import answers_for, assert_error
from toolkit.extensions import db
from toolkit.safety_plans.services import current_safety_plan

AUDIT = "/api/v1/audit-events"

PLAN = {
    "warning_signs": ["Not sleeping", "  Staying in my   room all day "],
    "internal_coping": ["Walk the dog round the park"],
    "social_contacts": [{"name": "The climbing wall"}],
    "people_to_ask": [{"name": "My sister Jo", "contact": "07700 900123"}],
    "professionals": [{"name": "Crisis line", "contact": "116 123"}],
    "environment_safety": ["Ask Jo to keep my tablets"],
    "reasons_for_living": ["My daughter Mia"],
}


def plans_url(pid):
    return f"/api/v1/participants/{pid}/safety-plans"


def create(client, who, pid, body=None):
    r = client.post(plans_url(pid), headers=who["headers"], json=body or PLAN)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_create_answers_the_plan_in_the_persons_words(client, admin, create_participant):
    pat = create_participant()
    r = client.post(plans_url(pat["id"]), headers=admin["headers"], json=PLAN)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert r.headers["Location"] == f"/api/v1/safety-plans/{body['id']}"
    assert body["version"] == 1 and body["status"] == "current" and body["supersedes_id"] is None
    assert body["warning_signs"] == ["Not sleeping", "Staying in my room all day"]
    assert body["social_contacts"] == [{"name": "The climbing wall", "contact": None}]
    assert body["people_to_ask"] == [{"name": "My sister Jo", "contact": "07700 900123"}]
    assert body["created_by"] == {"id": admin["therapist_id"], "name": "Ada Admin"}
    again = client.get(f"/api/v1/safety-plans/{body['id']}", headers=admin["headers"])
    assert again.status_code == 200 and again.get_json() == body


def test_a_new_version_supersedes_the_current_one(client, admin, create_participant, app):
    pat = create_participant()
    first = create(client, admin, pat["id"])
    second = create(client, admin, pat["id"], {**PLAN, "reasons_for_living": ["My daughter Mia", "Music"]})
    assert second["version"] == 2 and second["supersedes_id"] == first["id"] and second["status"] == "current"
    r = client.get(plans_url(pat["id"]), headers=admin["headers"])
    assert r.status_code == 200
    listed = r.get_json()
    assert [(p["version"], p["status"]) for p in listed] == [(2, "current"), (1, "superseded")]
    assert listed[1]["reasons_for_living"] == ["My daughter Mia"]  # the old version is kept unchanged
    with app.app_context():
        from toolkit.tenancy import set_practice

        set_practice(db.session, admin["practice_id"])
        plan = current_safety_plan(None, pat["id"])
        assert plan is not None and plan.id == second["id"]
        set_practice(db.session, "another-practice")
        assert current_safety_plan(db.session, pat["id"]) is None  # tenancy: another practice sees none


def test_no_plan_is_none(app, create_participant, admin):
    pat = create_participant()
    with app.app_context():
        from toolkit.tenancy import set_practice

        set_practice(db.session, admin["practice_id"])
        assert current_safety_plan(None, pat["id"]) is None


def test_bad_plans_are_422_naming_the_field(client, admin, create_participant):
    pat = create_participant()
    empty = client.post(plans_url(pat["id"]), headers=admin["headers"], json={"warning_signs": ["   "]})
    assert "warning_signs" in assert_error(empty, 422)["errors"]
    twice = client.post(plans_url(pat["id"]), headers=admin["headers"],
                        json={"people_to_ask": [{"name": "Jo"}, {"name": "jo", "contact": "x"}]})
    assert "people_to_ask" in assert_error(twice, 422)["errors"]
    unknown = client.post(plans_url(pat["id"]), headers=admin["headers"], json={**PLAN, "score": 3})
    assert "score" in assert_error(unknown, 422)["errors"]
    long = client.post(plans_url(pat["id"]), headers=admin["headers"], json={"warning_signs": ["x" * 301]})
    assert "warning_signs" in assert_error(long, 422)["errors"]
    many = client.post(plans_url(pat["id"]), headers=admin["headers"],
                       json={"internal_coping": [f"thing {i}" for i in range(21)]})
    assert "internal_coping" in assert_error(many, 422)["errors"]
    nameless = client.post(plans_url(pat["id"]), headers=admin["headers"], json={"professionals": [{"contact": "1"}]})
    assert_error(nameless, 422)
    assert client.get(plans_url(pat["id"]), headers=admin["headers"]).get_json() == []


def test_another_practice_gets_404(client, admin, other, create_participant):
    pat = create_participant()
    plan = create(client, admin, pat["id"])
    assert_error(client.get(f"/api/v1/safety-plans/{plan['id']}", headers=other["headers"]), 404)
    assert_error(client.get(f"/api/v1/safety-plans/{plan['id']}?format=pdf", headers=other["headers"]), 404)
    assert_error(client.get(plans_url(pat["id"]), headers=other["headers"]), 404)
    assert_error(client.post(plans_url(pat["id"]), headers=other["headers"], json=PLAN), 404)
    assert_error(client.get("/api/v1/safety-plans/no-such-plan", headers=admin["headers"]), 404)
    assert_error(client.get(f"/api/v1/safety-plans/{plan['id']}"), 401)


def test_reads_and_writes_are_audited(client, admin, create_participant):
    pat = create_participant()
    plan = create(client, admin, pat["id"])
    client.get(plans_url(pat["id"]), headers=admin["headers"])
    client.get(f"/api/v1/safety-plans/{plan['id']}", headers=admin["headers"])
    client.get(f"/api/v1/safety-plans/{plan['id']}?format=pdf", headers=admin["headers"])
    events = client.get(AUDIT, headers=admin["headers"], query_string={"page_size": 100}).get_json()
    seen = {(e["action"], e["record_id"]) for e in events if e["record_type"] == "safety_plan"}
    assert {("write", plan["id"]), ("list", pat["id"]), ("read", plan["id"]), ("export", plan["id"])} <= seen


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _font_sizes(data: bytes) -> set[float]:
    sizes: set[float] = set()

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.add(round(font_size * tm[0] * cm[0], 1))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_printed_copy_is_the_persons_own_plan_in_large_type(client, admin, create_participant, app):
    app.config["CRISIS_LINE_TEXT"] = "call 999 or Samaritans on 116 123"
    pat = create_participant(display_name="Zelda Quarantotto")
    mate = create_participant(display_name="Yannick Otherperson")
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    r = client.post(f"/api/v1/participants/{pat['id']}/screenings", headers=admin["headers"],
                    json={"form_version": form["version"], "answers": answers_for(form, {"phq9_1": 3, "asq_1": 1})})
    assert r.status_code == 201, r.get_json()
    create(client, admin, mate["id"], {"warning_signs": ["MATEWORDS-4411"]})
    old = create(client, admin, pat["id"], {"warning_signs": ["OLDWORDS-1201"]})
    plan = create(client, admin, pat["id"])
    r = client.get(f"/api/v1/safety-plans/{plan['id']}", headers=admin["headers"], query_string={"format": "pdf"})
    assert r.status_code == 200 and r.mimetype == "application/pdf"
    assert r.headers["Content-Disposition"] == 'inline; filename="safety-plan-v2.pdf"'
    assert r.headers["Cache-Control"] == "private, no-store"
    text = " ".join(_pdf_text(r.data).split())
    for words in ("My safety plan", "Not sleeping", "Staying in my room all day", "My sister Jo", "07700 900123",
                  "Ask Jo to keep my tablets", "My daughter Mia", "People I can ask for help",
                  "call 999 or Samaritans on 116 123", "(version 2)"):
        assert words in text, words
    for never in ("Zelda", "Quarantotto", "Yannick", "MATEWORDS", "OLDWORDS", "PHQ", "score", "defer", "crisis_",
                  "Ada Admin"):
        assert never not in text, never
    assert min(_font_sizes(r.data)) >= 14
    assert old["id"] != plan["id"]
    old_pdf = client.get(f"/api/v1/safety-plans/{old['id']}?format=pdf", headers=admin["headers"])
    assert "OLDWORDS-1201" in _pdf_text(old_pdf.data)  # a superseded version prints as it was


def test_printing_fetches_nothing_but_the_bundled_font(client, admin, create_participant, monkeypatch):
    from toolkit.common.pdf import BundledAssetFetcher

    fetched = []
    original = BundledAssetFetcher.fetch

    def recording(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(BundledAssetFetcher, "fetch", recording)
    pat = create_participant()
    plan = create(client, admin, pat["id"], {"warning_signs": ['<img src="http://169.254.169.254/x">'],
                                             "internal_coping": ["<b>bold</b> & brave"]})
    r = client.get(f"/api/v1/safety-plans/{plan['id']}?format=pdf", headers=admin["headers"])
    assert r.status_code == 200
    assert fetched and all(u.startswith("toolkit-asset:fonts") for u in fetched), fetched
    assert "<b>bold</b> & brave" in _pdf_text(r.data)  # the person's words, printed as written (escaped)


def test_unknown_format_is_422(client, admin, create_participant):
    pat = create_participant()
    plan = create(client, admin, pat["id"])
    assert "format" in assert_error(client.get(f"/api/v1/safety-plans/{plan['id']}?format=docx",
                                               headers=admin["headers"]), 422)["errors"]


def test_a_participant_with_a_plan_is_not_deleted(client, admin, create_participant):
    pat = create_participant()
    create(client, admin, pat["id"])
    r = client.delete(f"/api/v1/participants/{pat['id']}", headers={**admin["headers"], "If-Match": pat["etag"]})
    assert_error(r, 409)  # the restricting foreign key keeps the plan (and the person) in the record


def test_plans_travel_with_the_practice_export(app, client, admin, create_participant, tmp_path):
    from tests.factories import fresh_app
    from tests.helpers import cli, export

    pat = create_participant()
    create(client, admin, pat["id"], {"warning_signs": ["First"]})
    create(client, admin, pat["id"])
    first = export(app, admin["practice_id"], tmp_path / "first.json")
    assert [(p["version"], p["status"]) for p in first["safety_plans"]] == [(1, "superseded"), (2, "current")]
    assert first["safety_plans"][1]["people_to_ask"] == [{"name": "My sister Jo", "contact": "07700 900123"}]
    second = fresh_app(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    try:
        result = cli(second, "import", str(tmp_path / "first.json"))
        assert result.exit_code == 0, result.output
        assert export(second, admin["practice_id"], tmp_path / "second.json") == first
    finally:
        with second.app_context():
            db.session.remove()
            db.engine.dispose()
