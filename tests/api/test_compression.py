"""gzip above a size threshold, with ETags that stay correct (issue 21): a gzip body has its own strong tag,
a client may send it back in If-Match and If-None-Match, 304s still work, PDFs are never compressed."""

import gzip
import json

import pytest

from tests.helpers import make_plan
from toolkit import create_app

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def eager(make_config):
    """An app that compresses every text body, whatever its size."""
    app = create_app(make_config(COMPRESS_MIN_BYTES=0))
    app.config["TESTING"] = True
    return app.test_client()


def test_large_json_is_gzipped_only_for_clients_that_accept_it(client, admin):
    plain = client.get("/api/v1/modules?page_size=100", headers=admin["headers"])
    packed = client.get("/api/v1/modules?page_size=100", headers={**admin["headers"], **GZIP})
    assert "Content-Encoding" not in plain.headers and len(plain.data) > 1400
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in plain.headers["Vary"] and "Accept-Encoding" in packed.headers["Vary"]
    assert json.loads(gzip.decompress(packed.data)) == plain.get_json()
    assert len(packed.data) < len(plain.data) / 3


def test_small_bodies_are_sent_as_they_are(client, admin):
    r = client.get("/api/v1/me", headers={**admin["headers"], **GZIP})
    assert r.status_code == 200 and "Content-Encoding" not in r.headers and r.get_json()["id"]


def test_a_gzip_body_has_its_own_strong_etag_which_writes_accept(eager, admin, create_participant):
    pid = create_participant()["id"]
    plain = eager.get(f"/api/v1/participants/{pid}", headers=admin["headers"])
    packed = eager.get(f"/api/v1/participants/{pid}", headers={**admin["headers"], **GZIP})
    assert packed.headers["Content-Encoding"] == "gzip"
    tag = plain.headers["ETag"]
    assert packed.headers["ETag"] == tag[:-1] + ':gzip"' and not packed.headers["ETag"].startswith("W/")
    assert json.loads(gzip.decompress(packed.data))["etag"] == plain.get_json()["etag"]
    r = eager.patch(f"/api/v1/participants/{pid}", json={"display_name": "Renamed"},
                    headers={**admin["headers"], "If-Match": packed.headers["ETag"]})
    assert r.status_code == 200, r.get_json()
    stale = eager.patch(f"/api/v1/participants/{pid}", json={"display_name": "Again"},
                        headers={**admin["headers"], "If-Match": packed.headers["ETag"]})
    assert stale.status_code == 412


def test_not_modified_works_with_either_tag(eager, admin, create_group):
    group = create_group(name="Compressed agenda", kind="retreat", capacity=5)
    url = f"/api/v1/groups/{group['id']}/agenda?format=json"
    plain = eager.get(url, headers=admin["headers"])
    packed = eager.get(url, headers={**admin["headers"], **GZIP})
    assert plain.status_code == packed.status_code == 200 and packed.headers["Content-Encoding"] == "gzip"
    for tag, headers in ((plain.headers["ETag"], {}), (packed.headers["ETag"], GZIP)):
        again = eager.get(url, headers={**admin["headers"], **headers, "If-None-Match": tag})
        assert again.status_code == 304 and again.headers["ETag"] == tag and not again.data


@pytest.fixture
def session_plan(client, admin, create_group, mods):
    """A one-session agenda as PDF."""
    group = create_group(name="Tuesday group", kind="retreat", capacity=8)
    items = [{"module_id": mods[s]["id"], "minutes": 15} for s in ("opening-check-in", "closing-grounding")]
    plan = make_plan(client, admin, group["id"], items, starts_at="2027-05-01T09:00:00+02:00")
    return f"/api/v1/plans/{plan['id']}/agenda?format=pdf"


def test_pdfs_are_never_compressed(eager, admin, session_plan):
    r = eager.get(session_plan, headers={**admin["headers"], **GZIP})
    assert r.status_code == 200 and r.data.startswith(b"%PDF") and "Content-Encoding" not in r.headers
