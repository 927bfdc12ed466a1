"""Assertions shared by the API tests."""

from toolkit.screening.answers import valid_answers


def assert_error(response, code):
    """The one error shape: {code, status, message[, errors]}."""
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    body = response.get_json()
    assert isinstance(body, dict) and body["code"] == code and body["status"] and body["message"], body
    return body


def answers_for(form, overrides=None):
    """A complete, valid answer set for the served form: every enabled item at its lowest option unless
    `overrides` names it (an override can enable follow-up items, which then get their lowest option)."""
    try:
        return valid_answers(form, overrides)
    except ValueError as exc:
        raise AssertionError(str(exc)) from exc
