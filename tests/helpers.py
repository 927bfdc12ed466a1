"""Assertions shared by the API tests."""


def assert_error(response, code):
    """The one error shape: {code, status, message[, errors]}."""
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    body = response.get_json()
    assert isinstance(body, dict) and body["code"] == code and body["status"] and body["message"], body
    return body
