"""The exercise module library over HTTP: list, filters, search, pagination, custom CRUD, read-only
built-ins and cross-practice isolation (issue 3 points 4-5)."""

import json
import uuid

import pytest

from tests.factories import module_payload
from tests.helpers import assert_error
from toolkit.vocab import FRAMEWORKS, GROUP_KINDS, INTENSITIES, MODULE_CATEGORIES, SETTINGS, TARGETS

MODULES = "/api/v1/modules"
PLANS = "/api/v1/plans"




def list_modules(client, headers, **params):
    params.setdefault("page_size", 100)
    r = client.get(MODULES, headers=headers, query_string=params)
    assert r.status_code == 200, r.get_json()
    return r.get_json(), json.loads(r.headers["X-Pagination"])


def create_module(client, who, **overrides):
    r = client.post(MODULES, headers=who["headers"], json=module_payload(**overrides))
    assert r.status_code == 201, r.get_json()
    return r.get_json(), r.headers["ETag"]


def builtin(client, headers, slug):
    mods, _ = list_modules(client, headers)
    return next(m for m in mods if m["slug"] == slug)


# --- listing and pagination ---------------------------------------------------------------------------


def test_list_has_builtins_with_contract_fields(client, admin):
    mods, meta = list_modules(client, admin["headers"])
    assert meta["total"] == len(mods) >= 16
    assert all(m["builtin"] for m in mods)
    need = {"id", "slug", "title", "summary", "category", "steps", "facilitator_script", "default_minutes",
            "min_minutes", "max_minutes", "materials", "suitable_kinds", "frameworks", "targets", "intensity",
            "setting", "contraindications"}
    assert all(need <= set(m) for m in mods)
    slugs = {m["slug"] for m in mods}
    assert {"opening-check-in", "younger-self-visualisation", "dear-little-me-letter", "closing-grounding"} <= slugs
    # ordered by category then title
    keys = [(m["category"], m["title"]) for m in mods]
    assert keys == sorted(keys)


def test_list_is_paginated_with_header(client, admin):
    _, all_meta = list_modules(client, admin["headers"])
    total = all_meta["total"]
    r1 = client.get(MODULES, headers=admin["headers"], query_string={"page": 1, "page_size": 5})
    r2 = client.get(MODULES, headers=admin["headers"], query_string={"page": 2, "page_size": 5})
    assert r1.status_code == r2.status_code == 200
    p1, p2 = r1.get_json(), r2.get_json()
    assert len(p1) == len(p2) == 5
    assert not {m["id"] for m in p1} & {m["id"] for m in p2}
    meta = json.loads(r1.headers["X-Pagination"])
    assert meta["total"] == total
    assert meta["page"] == 1 and meta["next_page"] == 2
    assert meta["total_pages"] == -(-total // 5)
    last = client.get(MODULES, headers=admin["headers"], query_string={"page": meta["total_pages"], "page_size": 5})
    assert len(last.get_json()) == total - 5 * (meta["total_pages"] - 1)


def test_page_size_over_100_is_refused(client, admin):
    assert_error(client.get(MODULES, headers=admin["headers"], query_string={"page_size": 101}), 422)


def test_list_needs_a_token(client):
    assert_error(client.get(MODULES), 401)


def test_list_filters(client, admin):
    """Each filter value returns exactly the modules that match it, and some value narrows the list."""
    everything, _ = list_modules(client, admin["headers"])
    for key, vocabulary, column in (("kind", GROUP_KINDS, "suitable_kinds"), ("framework", FRAMEWORKS, "frameworks"),
                                    ("target", TARGETS, "targets"), ("category", MODULE_CATEGORIES, "category"),
                                    ("intensity", INTENSITIES, "intensity"), ("setting", SETTINGS, "setting")):
        narrowed = False
        for value in vocabulary:
            mods, meta = list_modules(client, admin["headers"], **{key: value})
            expected = {m["id"] for m in everything
                        if (value in m[column] if isinstance(m[column], list) else m[column] == value)}
            assert {m["id"] for m in mods} == expected, (key, value)
            assert meta["total"] == len(expected)
            narrowed |= 0 < len(expected) < len(everything)
        assert narrowed, key


def test_filter_couples_kind_finds_the_couples_variant(client, admin):
    mods, _ = list_modules(client, admin["headers"], kind="couples")
    slugs = {m["slug"] for m in mods}
    assert "couples-younger-selves" in slugs
    assert "family-play-memories" not in slugs


def test_filter_max_minutes(client, admin):
    everything, _ = list_modules(client, admin["headers"])
    mods, _ = list_modules(client, admin["headers"], max_minutes=10)
    assert mods and len(mods) < len(everything)
    assert {m["id"] for m in mods} == {m["id"] for m in everything if m["min_minutes"] <= 10}


def test_filters_combine(client, admin):
    everything, _ = list_modules(client, admin["headers"])
    mods, _ = list_modules(client, admin["headers"], category="exercise", intensity="gentle", kind="family")
    expected = {m["id"] for m in everything
                if m["category"] == "exercise" and m["intensity"] == "gentle" and "family" in m["suitable_kinds"]}
    assert mods and {m["id"] for m in mods} == expected


def test_unknown_filter_values_are_422_naming_the_allowed_values(client, admin):
    for key, bad, allowed in (("kind", "solo", GROUP_KINDS), ("category", "warmup", MODULE_CATEGORIES),
                              ("framework", "gestalt", FRAMEWORKS), ("target", "grief", TARGETS),
                              ("intensity", "extreme", INTENSITIES), ("setting", "online", SETTINGS)):
        body = assert_error(client.get(MODULES, headers=admin["headers"], query_string={key: bad}), 422)
        text = " ".join(body["errors"][key])
        assert all(value in text for value in allowed), (key, text)


def test_bad_max_minutes_is_422(client, admin):
    for value in ("0", "-5", "abc", "481"):
        body = assert_error(client.get(MODULES, headers=admin["headers"], query_string={"max_minutes": value}), 422)
        assert "max_minutes" in body["errors"], value


# --- search -------------------------------------------------------------------------------------------


def test_q_searches_title_summary_and_steps(client, admin):
    mine, _ = create_module(client, admin, title="Zebrafinch meadow",
                            summary="A quokka summary for the search test.",
                            steps=["Find the axolotl in the pond.", "Rest."])
    for word in ("zebrafinch", "QUOKKA", "axolotl"):
        mods, meta = list_modules(client, admin["headers"], q=word)
        assert [m["id"] for m in mods] == [mine["id"]], word
        assert meta["total"] == 1
    # several words must all match (each anywhere)
    mods, _ = list_modules(client, admin["headers"], q="zebrafinch axolotl")
    assert [m["id"] for m in mods] == [mine["id"]]
    mods, _ = list_modules(client, admin["headers"], q="zebrafinch nosuchwordanywhere")
    assert mods == []


def test_q_finds_builtins_by_title_words(client, admin):
    mods, _ = list_modules(client, admin["headers"], q="letter")
    assert "dear-little-me-letter" in {m["slug"] for m in mods}
    everything, _ = list_modules(client, admin["headers"])
    assert len(mods) < len(everything)


def test_q_wildcards_are_literal(client, admin):
    mods, _ = list_modules(client, admin["headers"], q="%")
    assert mods == []
    mods, _ = list_modules(client, admin["headers"], q="_")
    assert mods == []


# --- get one ------------------------------------------------------------------------------------------


def test_get_module_by_id(client, admin):
    visual = builtin(client, admin["headers"], "younger-self-visualisation")
    r = client.get(f"{MODULES}/{visual['id']}", headers=admin["headers"])
    assert r.status_code == 200
    body = r.get_json()
    assert body == visual
    assert body["builtin"] is True
    assert r.headers["ETag"]
    flags = {c["flag"]: c for c in body["contraindications"]}
    assert flags["dissociation"]["action"] == "adapt" and flags["dissociation"]["adaptation"]
    assert flags["acute_crisis"]["action"] == "exclude"


def test_get_unknown_module_is_404(client, admin):
    assert_error(client.get(f"{MODULES}/{uuid.uuid4()}", headers=admin["headers"]), 404)


# --- custom modules -----------------------------------------------------------------------------------


def test_create_custom_module(client, admin):
    payload = module_payload()
    r = client.post(MODULES, headers=admin["headers"], json=payload)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert r.headers["ETag"]
    assert body["builtin"] is False
    for key in ("slug", "title", "category", "steps", "default_minutes", "min_minutes", "max_minutes",
                "suitable_kinds", "frameworks", "targets", "intensity", "setting", "contraindications"):
        assert body[key] == payload[key], key
    assert client.get(f"{MODULES}/{body['id']}", headers=admin["headers"]).get_json() == body
    mods, _ = list_modules(client, admin["headers"], source="custom")
    assert [m["id"] for m in mods] == [body["id"]]
    mods, _ = list_modules(client, admin["headers"])
    assert body["id"] in {m["id"] for m in mods}


def test_slug_is_made_from_title_when_omitted(client, admin):
    body, _ = create_module(client, admin, slug=None, title="My Own: Quiet Corner!")
    assert body["slug"] == "my-own-quiet-corner"


def test_duplicate_slug_is_409(client, admin):
    create_module(client, admin, slug="quiet-corner")
    body = assert_error(client.post(MODULES, headers=admin["headers"], json=module_payload(slug="quiet-corner")),
                        409)
    assert "slug" in body["errors"]


def test_same_slug_in_two_practices_is_fine(client, admin, other):
    create_module(client, admin, slug="quiet-corner")
    create_module(client, other, slug="quiet-corner")


def test_custom_module_may_reuse_a_builtin_slug(client, admin):
    # The practice's own module is a separate record: the built-in stays untouched.
    body, _ = create_module(client, admin, slug="opening-check-in")
    assert body["builtin"] is False
    mods, _ = list_modules(client, admin["headers"])
    assert sorted(m["builtin"] for m in mods if m["slug"] == "opening-check-in") == [False, True]


INVALID_MODULES = [
    ({"min_minutes": 25}, "min_minutes"),            # min > default
    ({"max_minutes": 15}, "max_minutes"),            # default > max
    ({"default_minutes": 0}, "default_minutes"),
    ({"contraindications": [{"flag": "dissociation", "action": "adapt"}]}, "contraindications"),
    ({"contraindications": [{"flag": "dissociation", "action": "adapt", "adaptation": ""}]}, "contraindications"),
    ({"contraindications": [{"flag": "nosebleeds", "action": "exclude"}]}, "contraindications"),
    ({"contraindications": [{"flag": "dissociation", "action": "forbid"}]}, "contraindications"),
    ({"intensity": "deep", "contraindications": []}, "contraindications"),
    ({"category": "warmup"}, "category"),
    ({"suitable_kinds": ["solo"]}, "suitable_kinds"),
    ({"suitable_kinds": []}, "suitable_kinds"),
    ({"steps": ["Only one step."]}, "steps"),
    ({"title": None}, "title"),
    ({"slug": "Not A Slug"}, "slug"),
    ({"practice_id": "someone-else"}, "practice_id"),
]


def test_custom_module_validation_names_the_field(client, admin):
    for overrides, field in INVALID_MODULES:
        r = client.post(MODULES, headers=admin["headers"], json=module_payload(**overrides))
        body = assert_error(r, 422)
        assert any(key.startswith(field) for key in body["errors"]), (overrides, body["errors"])
    mods, _ = list_modules(client, admin["headers"], source="custom")
    assert mods == []


def test_adapt_without_text_names_the_adaptation(client, admin):
    r = client.post(MODULES, headers=admin["headers"],
                    json=module_payload(contraindications=[{"flag": "dissociation", "action": "adapt"}]))
    body = assert_error(r, 422)
    assert "contraindications[0].adaptation" in body["errors"]


def test_patch_custom_module_needs_if_match(client, admin):
    mod, etag = create_module(client, admin)
    url = f"{MODULES}/{mod['id']}"
    assert_error(client.patch(url, headers=admin["headers"], json={"title": "New"}), 428)
    r = client.patch(url, headers={**admin["headers"], "If-Match": etag}, json={"title": "New title"})
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["title"] == "New title"
    new_etag = r.headers["ETag"]
    assert new_etag != etag
    # the old tag is stale now
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": etag}, json={"title": "Lost"}), 412)
    assert client.get(url, headers=admin["headers"]).get_json()["title"] == "New title"
    assert client.get(url, headers=admin["headers"]).headers["ETag"] == new_etag


def test_patch_keeps_the_seed_validation(client, admin):
    mod, etag = create_module(client, admin)  # min 10, default 20, max 30
    url = f"{MODULES}/{mod['id']}"
    h = {**admin["headers"], "If-Match": etag}
    body = assert_error(client.patch(url, headers=h, json={"min_minutes": 25}), 422)
    assert "min_minutes" in body["errors"]
    body = assert_error(client.patch(url, headers=h, json={"max_minutes": 19}), 422)
    assert "max_minutes" in body["errors"]
    body = assert_error(client.patch(url, headers=h, json={
        "contraindications": [{"flag": "acute_crisis", "action": "adapt", "adaptation": "  "}]}), 422)
    assert "contraindications[0].adaptation" in body["errors"]
    # nothing changed, and the tag still works
    assert client.get(url, headers=admin["headers"]).get_json()["min_minutes"] == 10
    r = client.patch(url, headers=h, json={"min_minutes": 15, "default_minutes": 25, "max_minutes": 40})
    assert r.status_code == 200, r.get_json()
    assert (r.get_json()["min_minutes"], r.get_json()["default_minutes"], r.get_json()["max_minutes"]) == (15, 25, 40)


def test_patch_to_a_taken_slug_is_409(client, admin):
    create_module(client, admin, slug="taken")
    mod, etag = create_module(client, admin, slug="free")
    r = client.patch(f"{MODULES}/{mod['id']}", headers={**admin["headers"], "If-Match": etag}, json={"slug": "taken"})
    body = assert_error(r, 409)
    assert "slug" in body["errors"]
    assert client.get(f"{MODULES}/{mod['id']}", headers=admin["headers"]).get_json()["slug"] == "free"


def test_delete_custom_module(client, admin):
    mod, etag = create_module(client, admin)
    url = f"{MODULES}/{mod['id']}"
    assert_error(client.delete(url, headers=admin["headers"]), 428)
    assert_error(client.delete(url, headers={**admin["headers"], "If-Match": '"stale"'}), 412)
    r = client.delete(url, headers={**admin["headers"], "If-Match": etag})
    assert r.status_code == 204
    assert_error(client.get(url, headers=admin["headers"]), 404)
    mods, _ = list_modules(client, admin["headers"], source="custom")
    assert mods == []


def test_builtins_are_read_only(client, admin):
    visual = builtin(client, admin["headers"], "younger-self-visualisation")
    url = f"{MODULES}/{visual['id']}"
    etag = client.get(url, headers=admin["headers"]).headers["ETag"]
    h = {**admin["headers"], "If-Match": etag}
    assert_error(client.patch(url, headers=h, json={"title": "Hijacked"}), 403)
    assert_error(client.patch(url, headers=admin["headers"], json={"title": "Hijacked"}), 403)
    assert_error(client.delete(url, headers=h), 403)
    assert_error(client.delete(url, headers=admin["headers"]), 403)
    assert client.get(url, headers=admin["headers"]).get_json() == visual


def test_other_practices_module_is_404_and_never_listed(client, admin, other):
    theirs, etag = create_module(client, other, title="Their secret module", slug="their-secret")
    url = f"{MODULES}/{theirs['id']}"
    assert client.get(url, headers=other["headers"]).status_code == 200
    assert_error(client.get(url, headers=admin["headers"]), 404)
    assert_error(client.patch(url, headers={**admin["headers"], "If-Match": etag}, json={"title": "Mine"}), 404)
    assert_error(client.delete(url, headers={**admin["headers"], "If-Match": etag}), 404)
    mods, _ = list_modules(client, admin["headers"])
    assert theirs["id"] not in {m["id"] for m in mods}
    mods, _ = list_modules(client, admin["headers"], q="secret")
    assert mods == []
    # still intact for its owner
    assert client.get(url, headers=other["headers"]).get_json()["title"] == "Their secret module"


def test_module_used_by_a_plan_cannot_be_deleted(client, admin):
    mod, etag = create_module(client, admin)
    r = client.post(PLANS, headers=admin["headers"], json={
        "title": "Uses my module", "starts_at": "2027-04-01T09:00:00+02:00",
        "items": [{"module_id": mod["id"], "minutes": 20}]})
    assert r.status_code == 201, r.get_json()
    plan = r.get_json()
    body = assert_error(client.delete(f"{MODULES}/{mod['id']}", headers={**admin["headers"], "If-Match": etag}), 409)
    named = " ".join(body["errors"]["plans"])
    assert plan["id"] in named and "Uses my module" in named
    assert client.get(f"{MODULES}/{mod['id']}", headers=admin["headers"]).status_code == 200
    # once the plan no longer uses it, it can go
    plan_etag = client.get(f"{PLANS}/{plan['id']}", headers=admin["headers"]).headers["ETag"]
    r = client.put(f"{PLANS}/{plan['id']}/items", headers={**admin["headers"], "If-Match": plan_etag},
                   json={"items": []})
    assert r.status_code == 200, r.get_json()
    assert client.delete(f"{MODULES}/{mod['id']}", headers={**admin["headers"], "If-Match": etag}).status_code == 204



@pytest.mark.parametrize("table", ["exercise_modules", "participants"])
def test_the_restricting_foreign_key_backs_up_a_missing_answer(client, admin, create_participant, create_group,
                                                                 table):
    """Were a referencing package to connect no "still in use" answer, the restricting foreign key still
    refuses the delete: the same 409 (no 500), and nothing is deleted."""
    from toolkit import signals

    h = admin["headers"]
    mod, etag = create_module(client, admin)
    person = create_participant(display_name="Kept")
    group = create_group(name="Holds a period")
    assert client.post(f"/api/v1/groups/{group['id']}/members", headers=h,
                       json={"participant_id": person["id"]}).status_code == 201
    assert client.post(PLANS, headers=h, json={"title": "Uses it", "starts_at": "2027-04-01T09:00:00+02:00",
                                                "items": [{"module_id": mod["id"], "minutes": 20}]}).status_code == 201
    if table == "exercise_modules":
        url, message = f"{MODULES}/{mod['id']}", "The module is used by plans: remove it from them first."
        headers = {**h, "If-Match": etag}
    else:
        url = f"/api/v1/participants/{person['id']}"
        message = ("This participant has 0 screening(s), 0 current group membership(s) and 0 attendance or note "
                   "record(s); their clinical history is kept. Archive them instead (PATCH with {\"archived\": true}).")
        headers = {**h, "If-Match": client.get(url, headers=h).headers["ETag"]}
    muted = (signals.module_uses,) if table == "exercise_modules" else (signals.participant_uses,
                                                                       signals.participant_deleting)
    with muted[0].muted(), muted[-1].muted():
        body = assert_error(client.delete(url, headers=headers), 409)
    assert body["message"] == message
    assert client.get(url, headers=h).status_code == 200

# --- full-text search (issue 17, point 9): stems, UK/US spellings, the source's words, ranked --------------


@pytest.mark.parametrize("q, slug", [
    ("meditation", "younger-self-visualisation"),  # the source's word for the technique
    ("meditate", "younger-self-visualisation"),
    ("visualization", "younger-self-visualisation"),  # US spelling of our "visualisation"
    ("visualisation", "younger-self-visualisation"),
    ("Letters", "dear-little-me-letter"),  # a plural, capitalised
    ("mantras", "personal-mantra"),
    ("affirmations", "personal-mantra"),
])
def test_search_finds_the_technique_first(client, admin, q, slug):
    mods, meta = list_modules(client, admin["headers"], q=q)
    assert mods and mods[0]["slug"] == slug, (q, [m["slug"] for m in mods])
    assert meta["total"] == len(mods)


def test_search_ranks_title_matches_first_and_keeps_filters(client, admin):
    mine, _ = create_module(client, admin, title="Letters from the future",
                            summary="Imagine a kind note from who you will be.", steps=["Sit.", "Rest."])
    other, _ = create_module(client, admin, title="Quiet sitting", summary="Then write a short letter.",
                             steps=["Sit.", "Rest."])
    mods, _ = list_modules(client, admin["headers"], q="letter", source="custom")
    assert [m["id"] for m in mods] == [mine["id"], other["id"]]
    # the index follows edits
    etag = client.get(f"{MODULES}/{other['id']}", headers=admin["headers"]).headers["ETag"]
    r = client.patch(f"{MODULES}/{other['id']}", headers={**admin["headers"], "If-Match": etag},
                     json={"summary": "Then sit quietly."})
    assert r.status_code == 200, r.get_json()
    mods, _ = list_modules(client, admin["headers"], q="letter", source="custom")
    assert [m["id"] for m in mods] == [mine["id"]]


@pytest.mark.parametrize("q, slug", [
    ("visual", "younger-self-visualisation"),  # a type-ahead picker sends what has been typed so far
    ("visu", "younger-self-visualisation"),
    ("dear lit", "dear-little-me-letter"),
    ("hobbies", "childhood-play"),  # the source's words for the techniques
    ("reparent", "caregiver-patterns"),
])
def test_prefix_and_synonym_search(client, admin, q, slug):
    mods, meta = list_modules(client, admin["headers"], q=q)
    assert slug in [m["slug"] for m in mods], (q, [m["slug"] for m in mods])
    assert meta["total"] == len(mods)


def test_a_prefix_is_only_the_last_word(client, admin):
    mods, _ = list_modules(client, admin["headers"], q="visu nosuchwordanywhere")
    assert mods == []
