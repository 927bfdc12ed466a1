"""Domain errors raised by services reach the client in the one error shape, with their status."""

import pytest

from toolkit import create_app
from toolkit.config import Config
from toolkit.errors import Conflict, Forbidden, Invalid, NotFound, PreconditionFailed, PreconditionRequired


@pytest.mark.parametrize(
    ("error", "status"),
    [(NotFound("No such thing."), 404), (Forbidden("Not yours."), 403), (Conflict("In use."), 409),
     (PreconditionFailed("Stale."), 412), (PreconditionRequired("Send If-Match."), 428),
     (Invalid("Bad fields.", errors={"name": ["Too long."]}), 422)],
)
def test_domain_error_maps_to_its_status_in_the_error_shape(tmp_path, error, status):
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/x.db", RATELIMIT_ENABLED=False))

    @app.get("/_raise")
    def _raise():
        raise error

    body = app.test_client().get("/_raise")
    assert body.status_code == status
    payload = body.get_json()
    assert payload["code"] == status
    assert payload["message"] == error.message
    assert payload.get("errors") == error.errors
