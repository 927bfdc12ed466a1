"""The participant's page `/p/{token}` (issue 30) through the test client: headers, the neutral page, CSRF,
one instrument per screen with resume, declined answers, the crisis text and alert before sending, the
thank-you, languages, rate limits and the access log."""

import re
from datetime import timedelta

import pytest

from tests.factories import ADULT
from tests.helpers import answers_for, csrf, expire, token_of
from toolkit import signals

FORBIDDEN_MARKUP = re.compile(r"<script|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)


@pytest.fixture
def link(client, admin, create_participant):
    def make(purpose="intake", **fields):
        person = create_participant(**{**ADULT, **fields})
        r = client.post(f"/api/v1/participants/{person['id']}/invitations", headers=admin["headers"],
                        json={"purpose": purpose, "expires_in_days": 7})
        assert r.status_code == 201, r.get_json()
        return {"person": person, "invitation": r.get_json(), "token": token_of(r.get_json()["url"]),
                "path": "/p/" + token_of(r.get_json()["url"])}

    return make




def shown_items(html: str) -> list[str]:
    return re.search(r'name="shown" value="([^"]*)"', html).group(1).split(",")


def step_of(html: str) -> str:
    return re.search(r'name="step" value="([^"]+)"', html).group(1)


def answer_screen(client, path, html, values=None, *, default=None):
    """Post the current screen: every shown item at `values[item]`, else its lowest option (or `default`)."""
    data = {"csrf_token": csrf(html), "step": step_of(html), "shown": ",".join(shown_items(html)), "action": "next"}
    for item in shown_items(html):
        data[item] = str((values or {}).get(item, default if default is not None else lowest(html, item)))
    return client.post(path, data=data)


def lowest(html, item):
    return min(int(v) for v in re.findall(rf'name="{item}" value="(-?\d+)"', html))


def start(client, path):
    html = client.get(path).get_data(as_text=True)
    r = client.post(path, data={"csrf_token": csrf(html), "action": "start"})
    assert r.status_code == 303 and r.headers["Location"].endswith(path)
    return client.get(path).get_data(as_text=True)


def test_headers_no_script_no_inline_style(client, link):
    page = client.get(link()["path"])
    assert page.status_code == 200 and page.mimetype == "text/html"
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "'unsafe-inline'" not in csp
    assert "style-src 'self'" in csp and "form-action 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["Referrer-Policy"] == "no-referrer" and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert not FORBIDDEN_MARKUP.search(html) and 'lang="en"' in html
    css = client.get("/p/assets/page.css")
    assert css.status_code == 200 and css.mimetype == "text/css"


def test_bad_links_get_one_neutral_page_byte_for_byte(app, client, admin, link):
    expired, revoked, superseded = link(), link(), link()
    expire(app, expired["invitation"]["id"])
    client.delete(f"/api/v1/invitations/{revoked['invitation']['id']}", headers=admin["headers"])
    client.post(f"/api/v1/participants/{superseded['person']['id']}/invitations", headers=admin["headers"],
                json={"purpose": "intake"})
    made_up = "/p/" + "x" * 43
    bodies = set()
    for path in (expired["path"], revoked["path"], superseded["path"], made_up, "/p/short", "/p/" + "y" * 500):
        for r in (client.get(path), client.post(path, data={"action": "start"})):
            assert r.status_code == 404 and r.headers["Referrer-Policy"] == "no-referrer"
            bodies.add(r.get_data())
    assert len(bodies) == 1
    assert b"cannot be used" in bodies.pop()


def test_a_form_post_without_the_csrf_token_is_refused(client, link):
    made = link()
    client.get(made["path"])
    for token in (None, "0" * 64):
        data = {"action": "start"} if token is None else {"action": "start", "csrf_token": token}
        assert client.post(made["path"], data=data).status_code == 400
    assert "Before you start" in client.get(made["path"]).get_data(as_text=True)  # nothing moved


def test_whole_intake_with_resume_and_a_declined_item(client, admin, link):
    made = link()
    path = made["path"]
    html = start(client, path)
    assert step_of(html) == "phq9" and "Part 1 of 10" in html and "<progress" in html
    assert "Prefer not to answer" in html and "Little interest or pleasure in doing things" in html
    r = answer_screen(client, path, html, {"phq9_3": "declined"})
    assert r.status_code == 303
    html = client.get(path).get_data(as_text=True)
    assert step_of(html) == "gad7" and "Part 2 of 10" in html
    # closing and opening the link again resumes where the person was; going back shows the saved choices
    assert step_of(client.get(path).get_data(as_text=True)) == "gad7"
    back = client.get(path + "?step=phq9").get_data(as_text=True)
    assert 'id="phq9_3-declined" name="phq9_3" value="declined" checked' in back
    seen = ["phq9"]
    while 'name="step"' in html:
        seen.append(step_of(html))
        assert answer_screen(client, path, html).status_code == 303
        html = client.get(path).get_data(as_text=True)
    assert seen[1:] == ["gad7", "pc_ptsd5", "asq", "audit_c", "drug_use", "younger_self", "dissociation",
                        "present_crisis"]
    assert "Send your answers" in html and "Part 10 of 10" in html
    sent = client.post(path, data={"csrf_token": csrf(html), "action": "send"})
    assert sent.status_code == 303
    thanks = client.get(path)
    assert thanks.status_code == 200 and "Thank you" in thanks.get_data(as_text=True)
    main = thanks.get_data(as_text=True).split("<main", 1)[1]
    assert not re.search(r"\b(score|clear|caution|defer|refer|outcome)", main, re.IGNORECASE)
    assert client.get(f"/api/v1/self-report/{made['token']}").status_code == 404
    screening = client.get(f"/api/v1/participants/{made['person']['id']}/screenings",
                           headers=admin["headers"]).get_json()[0]
    assert screening["method"] == "self_report" and screening["declined"] == ["phq9_3"]
    assert screening["complete"] is False


def test_an_unanswered_question_is_named(client, link):
    made = link()
    html = start(client, made["path"])
    data = {"csrf_token": csrf(html), "step": "phq9", "shown": ",".join(shown_items(html)), "action": "next",
            "phq9_1": "1"}
    r = client.post(made["path"], data=data)
    page = r.get_data(as_text=True)
    assert r.status_code == 422 and 'role="alert"' in page and 'href="#q-phq9_2"' in page
    assert 'aria-describedby="e-phq9_2"' in page and 'id="phq9_1-1" name="phq9_1" value="1" checked' in page
    assert client.get(f"/api/v1/self-report/{made['token']}").get_json()["answers"] == {"phq9_1": 1}  # kept


def test_a_critical_answer_shows_the_crisis_text_and_the_signal_is_sent_when_saved(app, client, admin, link):
    app.config["CRISIS_LINE_TEXT"] = "Call the Example Crisis Line on 0800 000 000, day or night."
    made = link()
    path = made["path"]
    html = start(client, path)
    for _ in range(3):  # phq9, gad7, pc_ptsd5
        answer_screen(client, path, html)
        html = client.get(path).get_data(as_text=True)
    assert step_of(html) == "asq" and "Example Crisis Line" not in html
    sent = []
    with signals.self_report_crisis_answer.connected_to(lambda s, **kw: sent.append(kw)):
        r = answer_screen(client, path, html, {"asq_1": 1})
    assert r.status_code == 303 and len(sent) == 1 and sent[0]["invitation"].id == made["invitation"]["id"]
    # the crisis alert exists now, when the critical answer is saved, before anything is sent
    crisis = client.get("/api/v1/alerts?kind=crisis", headers=admin["headers"]).get_json()
    assert [(a["participant_id"], a["source_type"], a["source_id"], a["status"]) for a in crisis] == [
        (made["person"]["id"], "invitation", made["invitation"]["id"], "open")]
    assert client.get(f"/api/v1/participants/{made['person']['id']}/screenings",
                      headers=admin["headers"]).get_json() == []
    html = client.get(path).get_data(as_text=True)
    assert "Example Crisis Line on 0800 000 000" in html and "Help is available now" in html
    assert step_of(html) == "asq" and "asq_acuity" in shown_items(html)  # the follow-up question opened
    shown = client.get(f"/api/v1/invitations/{made['invitation']['id']}", headers=admin["headers"]).get_json()
    assert shown["crisis_answer_at"] is not None and shown["status"] == "opened"
    r = client.post(path, data={"csrf_token": csrf(html), "action": "stop"})
    assert r.status_code == 303 and "Thank you" in client.get(path).get_data(as_text=True)
    screening = client.get(f"/api/v1/participants/{made['person']['id']}/screenings",
                           headers=admin["headers"]).get_json()[0]
    assert screening["complete"] is False and screening["computed_outcome"] == "defer"
    assert screening["method"] == "self_report"
    kinds = sorted(a["kind"] for a in client.get("/api/v1/alerts", headers=admin["headers"]).get_json())
    assert kinds == ["crisis", "self_report_received"]  # one crisis (the answer's, which the defer is), the sending


def test_send_is_refused_while_questions_are_left(client, admin, link):
    made = link()
    html = start(client, made["path"])
    assert client.post(made["path"], data={"csrf_token": csrf(html), "action": "send"}).status_code == 303
    assert step_of(client.get(made["path"]).get_data(as_text=True)) == "phq9"
    assert client.get(f"/api/v1/participants/{made['person']['id']}/screenings",
                      headers=admin["headers"]).get_json() == []


def test_a_language_the_practice_adds(make_config, tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="de")
    catalog.add("Before you start", "Bevor Sie beginnen")
    catalog.add("Prefer not to answer", "Ich m\u00f6chte nicht antworten")
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "messages.mo", "wb") as out:
        write_mo(out, catalog)
    from toolkit import create_app

    app = create_app(make_config(SELF_REPORT_TRANSLATIONS=str(tmp_path)))
    client = app.test_client()
    admin = register_in(client)
    person = client.post("/api/v1/participants", headers=admin, json={"display_name": "Lea", **ADULT}).get_json()
    url = client.post(f"/api/v1/participants/{person['id']}/invitations", headers=admin,
                      json={"purpose": "intake"}).get_json()["url"]
    made = {"path": "/p/" + token_of(url)}
    german = client.get(made["path"], headers={"Accept-Language": "de-DE,de;q=0.9"}).get_data(as_text=True)
    assert 'lang="de"' in german and "Bevor Sie beginnen" in german
    english = client.get(made["path"], headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'lang="en"' in english and "Before you start" in english
    html = start(client, made["path"])
    german = client.get(made["path"], headers={"Accept-Language": "de"}).get_data(as_text=True)
    # the page's own words in German; the instrument stays in its validated English wording, marked as such
    assert "Ich m\u00f6chte nicht antworten" in german
    assert '<span lang="en">Little interest or pleasure in doing things</span>' in german
    assert html


def register_in(client) -> dict:
    from tests.conftest import PASSWORD

    client.post("/api/v1/auth/register", json={"practice_name": "Praxis", "name": "Ada", "email": "ada@example.org",
                                               "password": PASSWORD})
    token = client.post("/api/v1/auth/login", json={"email": "ada@example.org", "password": PASSWORD}).get_json()
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_ten_thousand_guesses_find_nothing(app):
    import secrets

    from toolkit.extensions import db
    from toolkit.invitations.services import find_by_token

    with app.test_request_context():
        assert all(find_by_token(secrets.token_urlsafe(32)) is None for _ in range(10_000))
        db.session.rollback()


def test_guessing_is_rate_limited(make_config, link):
    from toolkit import create_app

    limited = create_app(make_config(RATELIMIT_ENABLED=True, SELF_REPORT_RATE_LIMIT="20 per minute"))
    guesser = limited.test_client()
    codes = [guesser.get(f"/p/guess{n:05d}" + "x" * 38).status_code for n in range(25)]
    assert codes[:20] == [404] * 20 and set(codes[20:]) == {429}
    codes = [guesser.get(f"/api/v1/self-report/guess{n:05d}").status_code for n in range(3)]
    assert set(codes) == {429}


def test_no_token_in_the_access_log(client, link):
    from gunicorn.config import Config as GunicornConfig

    from toolkit.serving import AccessLogger

    made = link()
    client.get(made["path"])
    logger = AccessLogger(GunicornConfig())

    class Response:
        status = "200 OK"
        sent = 10
        headers = []
        response_length = 10

    for path in (made["path"], f"/api/v1/self-report/{made['token']}/answers"):
        environ = {"REQUEST_METHOD": "GET", "RAW_URI": path + "?step=asq", "PATH_INFO": path, "QUERY_STRING":
                   "step=asq", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1"}

        class Request:
            headers = []
            method, uri, query, version = "GET", path + "?step=asq", "step=asq", (1, 1)

        atoms = logger.atoms(Response(), Request(), environ, timedelta(seconds=0.01))
        line = " ".join(str(v) for v in atoms.values())
        assert made["token"] not in line and "[token]" in line


def test_the_page_shows_no_scores_after_sending_through_json(client, link, admin):
    made = link()
    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    client.put(f"/api/v1/self-report/{made['token']}/answers", json={"answers": answers_for(form, {"phq9_1": 3})})
    assert client.post(f"/api/v1/self-report/{made['token']}/submit", json={}).status_code == 201
    html = client.get(made["path"]).get_data(as_text=True)
    assert "Thank you" in html and "phq9" not in html.lower()
