"""Assertions and small helpers shared by the test modules (builders of data are in tests/factories.py)."""

import json

import flask
import sqlalchemy as sa

from toolkit.extensions import db
from toolkit.screening.answers import valid_answers

METHODS = ("get", "post", "put", "patch", "delete")


def assert_error(response, code):
    """The one error shape: RFC 9457 problem details (`application/problem+json`: type, title, status, detail)
    with version 2's `code` and `message` kept as extension members."""
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/problem+json", response.mimetype
    body = response.get_json()
    assert isinstance(body, dict) and body["code"] == code and body["status"] == code and body["message"], body
    assert body["type"] == "about:blank" and body["title"] and body["detail"] == body["message"], body
    return body


def answers_for(form, overrides=None):
    """A complete, valid answer set for the served form: every enabled item at its lowest option unless
    `overrides` names it (an override can enable follow-up items, which then get their lowest option)."""
    try:
        return valid_answers(form, overrides)
    except ValueError as exc:
        raise AssertionError(str(exc)) from exc


def cli(app, *args):
    return app.test_cli_runner().invoke(args=list(args), catch_exceptions=False)


def execute(app, sql, **params):
    with app.app_context():
        result = db.session.execute(sa.text(sql), params)
        rows = result.all() if result.returns_rows else None
        db.session.commit()
        return rows


def export(app, practice_id, path):
    result = cli(app, "export", "--practice-id", practice_id, "--output", str(path))
    assert result.exit_code == 0, result.output
    document = json.loads(path.read_text())
    document.pop("exported_at")
    return document


def generated_spec_text(app) -> str:
    """The spec exactly as `flask openapi write --format=json` writes it."""
    with app.app_context():
        api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
        return flask.json.dumps(api.spec.to_dict(), indent=2, sort_keys=False) + "\n"


def operations(spec):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]
