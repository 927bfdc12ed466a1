"""Assertions shared by the API tests."""


def assert_error(response, code):
    """The one error shape: {code, status, message[, errors]}."""
    assert response.status_code == code, (response.status_code, response.get_data(as_text=True)[:500])
    body = response.get_json()
    assert isinstance(body, dict) and body["code"] == code and body["status"] and body["message"], body
    return body


def enabled(item, answers):
    """Whether a form item is asked, given the answers so far (its enable_when conditions)."""
    conds = item.get("enable_when") or []
    if not conds:
        return True
    hits = [answers.get(c["item"]) in c["values"] for c in conds]
    return any(hits) if item.get("enable_behavior") == "any" else all(hits)


def answers_for(form, overrides=None):
    """A complete, valid answer set for the served form: every enabled item at its lowest option unless
    `overrides` names it (an override can enable follow-up items, which then get their lowest option)."""
    overrides = overrides or {}
    answers = {}
    for instrument in form["instruments"]:
        for item in instrument["items"]:
            if not enabled(item, answers):
                continue
            answers[item["id"]] = overrides.get(item["id"], min(o["value"] for o in item["options"]))
    unknown = set(overrides) - set(answers)
    assert not unknown, f"overrides for items that are not asked: {unknown}"
    return answers
