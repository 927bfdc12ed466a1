from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.spec import Blueprint, document_errors
from ..extensions import db
from . import receivers as _receivers  # noqa: F401  (connects the receivers that write the feed)
from . import services
from .schemas import EventPageSchema, EventQuerySchema

blp = Blueprint("events", __name__, url_prefix="/api/v1/events",
                description="The practice's change feed: an ordered list of what changed (ids and kinds, no "
                            "clinical data), read by cursor. Webhooks deliver the same events.")


@blp.route("")
class Events(MethodView):
    decorators = [auth_required]

    @blp.arguments(EventQuerySchema, location="query")
    @blp.response(200, EventPageSchema)
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listEvents", summary="The change feed after a cursor")
    def get(self, query):
        """The practice's events after `after`, oldest first, at most `limit`. Resume with `next_cursor`: cursors
        are given in commit order with no gap and no duplicate, so a client that always asks after the last
        cursor it saw misses nothing and sees nothing twice, however many writers run at once. Audited."""
        events, cursor = services.page(after=query["after"], limit=query["limit"])
        record("list", "event", None, actor=current_user)
        db.session.commit()
        return {"events": [services.present(e) for e in events], "next_cursor": cursor}
