"""GET /api/v1/groups/{group_id}/pack: the offline retreat pack as a zip, built by a render worker (issue 31)."""

import json

from flask import Response, current_app, g, jsonify
from flask.views import MethodView
from flask_smorest import abort

from ..access import auth_required, current_user
from ..audit.services import record
from ..auth.models import Practice
from ..common.spec import Blueprint, document_errors
from ..common.text import ascii_fold, slugify
from ..extensions import db, limiter
from ..groups.models import Group
from ..web import get_or_404
from . import delivery, pack
from .resources import queue_full
from .schemas import PackQuerySchema

blp = Blueprint("packs", __name__, url_prefix="/api/v1",
                description="The offline retreat pack: every document a facilitator takes to a place with no "
                            "network, as one zip whose index.html opens from disk.")

PACK_RESPONSES = {
    "200": {"description": "The pack (application/zip): index.html, the facilitator agenda and run sheets, the "
                           "roster, every sign-in sheet, the participant handout (normal and large print), the "
                           "calendar file and the progress charts as SVG. Every link inside is relative.",
            "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}},
    "202": {"description": "A render worker is building the pack; ask again after `Retry-After` seconds.",
            "headers": {"Retry-After": {"description": "Seconds to wait before asking again.",
                                        "schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": {
                "type": "object", "required": ["status", "retry_after", "message"], "properties": {
                    "status": {"$ref": "#/components/schemas/RenderStatus"},
                    "retry_after": {"type": "integer", "description": "Seconds to wait (as Retry-After)."},
                    "message": {"type": "string"}}}}}}}


def _limit():
    return current_app.config["PDF_RATE_LIMIT"]


@blp.route("/groups/<string:group_id>/pack")
class GroupPack(MethodView):
    decorators = [auth_required, limiter.limit(_limit, deduct_when=lambda response: bool(g.get("pack_started")))]

    @blp.arguments(PackQuerySchema, location="query")
    @document_errors(blp, 401, 404, 422, 429)
    @blp.doc(operationId="getGroupPack", summary="The offline retreat pack of a group (zip)",
             responses=PACK_RESPONSES)
    def get(self, query, group_id):
        """Built by a background render worker like a PDF: 202 with `Retry-After` until it is ready, then 200
        with the zip (the same data gives the same pack, answered at once). Facilitator-only contents are
        marked on every page. Each download is audited as an export."""
        group = get_or_404(Group, group_id, what="Group")
        practice = db.session.get(Practice, current_user.practice_id)
        assert practice is not None
        spec = pack.pack_spec(group=group, practice=practice, paper=query["paper"], actor=current_user)
        key = delivery.cache_key(practice.id, "pack-" + pack.digest(spec))
        pages = 15 * len(spec["pdfs"])  # a rough estimate, for the queue's fairness and its Retry-After
        db.session.commit()  # end this request's transaction: the render queue writes on its own connections
        try:
            row, g.pack_started = delivery.obtain(key, practice.id, lambda: json.dumps(spec, default=str), pages=pages,
                                                  wait_seconds=0, kind="pack")
        except delivery.RenderQueueFull as full:
            queue_full(full)
        if row is not None and row.status == "ready":
            record("export", "group_pack", group.id, actor=current_user)
            db.session.commit()
            name = slugify(ascii_fold(group.name), limit=60).strip("-") or "group"
            return Response(row.body, mimetype="application/zip", headers={
                "Content-Disposition": f'attachment; filename="{name}-offline-pack.zip"',
                "Cache-Control": "private, no-store"})
        if row is not None and row.status == "failed":
            abort(422, message="The pack could not be built within the render budgets.",
                  errors={"pack": [row.error or "the build failed"]})
        seconds = delivery.retry_after(key)
        response = jsonify({"status": row.status if row is not None else "queued", "retry_after": seconds,
                            "message": "The pack is being built. Ask for the same URL again after Retry-After "
                                       "seconds: it answers 200 with the zip when it is ready."})
        response.status_code = 202
        response.headers["Retry-After"] = str(seconds)
        response.headers["Cache-Control"] = "no-store"
        return response
