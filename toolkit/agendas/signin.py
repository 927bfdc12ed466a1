"""GET /api/v1/plans/{plan_id}/sign-in-sheet, on its own blueprint beside the render delivery its PDF goes
through (so attendance never imports agendas). The spec files it under the "attendance" tag, where clients
have always found it (FiledUnder)."""

import hashlib
from types import SimpleNamespace

from flask import Response, current_app, jsonify
from flask.views import MethodView
from flask_smorest import abort

from ..access import auth_required, current_user
from ..attendance import services
from ..attendance.schemas import SignInQuerySchema
from ..attendance.sheet import render_sign_in_sheets
from ..auth.models import Practice
from ..common.spec import FiledUnder, document_errors
from ..extensions import db
from ..plans.models import SessionPlan
from ..web import get_or_404
from . import delivery

blp = FiledUnder("sign_in_sheet", __name__, url_prefix="/api/v1", tag="attendance",
                 description="The printable sign-in sheet (filed under the attendance tag).")


SIGN_IN_RESPONSES = {"200": {"description": "The sign-in sheet as an HTML page.", "content": {
    "text/html": {"schema": {"type": "string", "description": "The sheet as HTML (UTF-8)."}}}}}
SIGN_IN_PDF_RESPONSES = {
    "200": {"description": "The sign-in sheet as PDF.", "content": {
        "application/pdf": {"schema": {"type": "string", "format": "binary", "description": "The sheet as PDF."}}}},
    "202": {"description": "A render worker is laying it out; ask the same URL again after `Retry-After` seconds.",
            "headers": {"Retry-After": {"description": "Seconds to wait before asking again.",
                                        "schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": {
                "type": "object", "required": ["status", "retry_after", "message"], "properties": {
                    "status": {"$ref": "#/components/schemas/RenderStatus"},
                    "retry_after": {"type": "integer", "description": "Seconds to wait (as Retry-After)."},
                    "message": {"type": "string"}}}}}}}


def _sheet_pdf(html: str):
    """The sheet's PDF from the render workers (as for agendas: a web worker never lays out a PDF), keyed by
    the HTML it is made from; waits briefly, as the sheet is one page."""
    practice_id = current_user.practice_id
    key = delivery.cache_key(practice_id, "sign-in-" + hashlib.sha256(html.encode()).hexdigest()[:40])
    db.session.commit()  # end this request's transaction: the render queue writes on its own connections
    try:
        row, _started = delivery.obtain(key, practice_id, lambda: html,
                                        wait_seconds=current_app.config["AGENDA_WAIT_SECONDS"])
    except delivery.RenderQueueFull as full:
        abort(429, message=f"Too many PDFs are waiting for this practice (at most {full.limit}): ask again later.",
              headers={"Retry-After": str(full.retry_after)})
    if row is not None and row.status == "failed":
        abort(422, message="The sign-in sheet could not be rendered as PDF.", errors={"format": [row.error]})
    return row if row is not None else SimpleNamespace(status="queued", key=key)


def _pending(row):
    seconds = delivery.retry_after(row.key)
    response = jsonify({"status": row.status, "retry_after": seconds,
                        "message": "The PDF is being rendered. Ask for the same URL again after Retry-After seconds."})
    response.status_code = 202
    response.headers["Retry-After"] = str(seconds)
    response.headers["Cache-Control"] = "no-store"
    return response


def sign_in_sheet(plan_id: str, *, paper: str, fmt: str):
    """The sheet as HTML or PDF: the answer of GET /plans/{id}/sign-in-sheet (either format) and of
    GET /plans/{id}/sign-in-sheet.pdf."""
    plan = get_or_404(SessionPlan, plan_id, what="Plan")
    services._session_plan(plan)
    practice = db.session.get_one(Practice, current_user.practice_id)  # the caller's own: always there
    html = render_sign_in_sheets(practice=practice.name, sheets=[services.sign_in_sheet(plan)], paper=paper)
    services.record("read", "attendance", plan.id, actor=current_user)
    db.session.commit()
    if fmt == "pdf":
        row = _sheet_pdf(html)
        if row.status != "ready":
            return _pending(row)
        response = Response(row.body, mimetype="application/pdf")
    else:
        response = Response(html, mimetype="text/html")
        response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers["Content-Disposition"] = f'inline; filename="sign-in-{plan.id}.{fmt}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@blp.route("/plans/<string:plan_id>/sign-in-sheet")
class SignInSheet(MethodView):
    decorators = [auth_required]

    @blp.arguments(SignInQuerySchema, location="query")
    @document_errors(blp, 401, 404, 409, 422)
    @blp.doc(summary="Printable sign-in sheet of a session", operationId="getSignInSheet",
             responses=SIGN_IN_RESPONSES)
    def get(self, query, plan_id):
        """For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign,
        as an HTML page to print; `?paper=a4` (default) or `letter`. A comment column, spare rows for someone
        not yet on the roster, and a footer on every page.

        This operation describes the HTML representation only. For links the same path also answers
        `?format=pdf`, exactly as `getSignInSheetPdf` (GET /plans/{plan_id}/sign-in-sheet.pdf, one media type)
        does, 202 while it renders included; generated clients call that instead."""
        return sign_in_sheet(plan_id, paper=query["paper"], fmt=query["format"])


@blp.route("/plans/<string:plan_id>/sign-in-sheet.pdf")
class SignInSheetPdf(MethodView):
    decorators = [auth_required]

    @blp.arguments(SignInQuerySchema(exclude=("format",)), location="query")
    @document_errors(blp, 401, 404, 409, 422, 429)
    @blp.doc(summary="Printable sign-in sheet of a session, as PDF", operationId="getSignInSheetPdf",
             responses=SIGN_IN_PDF_RESPONSES)
    def get(self, query, plan_id):
        """The sign-in sheet as PDF, the one media type of this operation (exactly what `GET
        /plans/{plan_id}/sign-in-sheet?format=pdf` answers). Laid out by a render worker as agendas are: it
        waits briefly (the sheet is one page), else 202 with `Retry-After`; ask the same URL again for the 200.
        429 when too many PDFs are waiting for the practice."""
        return sign_in_sheet(plan_id, paper=query["paper"], fmt="pdf")
