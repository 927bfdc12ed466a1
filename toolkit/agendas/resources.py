import marshmallow as ma
from flask import Response, current_app, jsonify, request
from flask.views import MethodView
from flask_jwt_extended import current_user
from flask_smorest import Blueprint, abort
from marshmallow import fields, validate

from ..auth.jwt import auth_required
from ..common.http import document_errors, get_or_404
from ..common.schemas import StrictSchema
from ..extensions import limiter
from ..groups.models import Group
from ..plans.models import SessionPlan
from . import services
from .isolation import render_pdf_isolated
from .render import AUDIENCES, FORMATS, MEDIA_TYPES, PAPERS, filename, render, render_html
from .schemas import AgendaSchema

blp = Blueprint("agendas", __name__, url_prefix="/api/v1",
                description="Printable agendas of one session or a whole retreat: PDF, HTML, Markdown, "
                            "iCalendar or JSON, for the facilitator or as a participant handout.")

# In order of preference: a wildcard (`*/*`, what fetch, axios and httpx send, or `application/*`) gets JSON,
# the documented default; a browser's Accept names text/html before its `*/*` and gets HTML.
class AgendaHeadersSchema(ma.Schema):
    if_none_match = fields.String(data_key="If-None-Match", metadata={
        "description": "The agenda's ETag from an earlier answer: 304 without rendering when it is unchanged."})


ACCEPT = {"application/json": "json", "text/html": "html", "application/pdf": "pdf", "text/markdown": "md",
          "text/calendar": "ics"}


class AgendaQuerySchema(StrictSchema):
    format = fields.String(validate=validate.OneOf(FORMATS), metadata={
        "description": "Wins over the Accept header. Default json."})
    audience = fields.String(load_default="facilitator", validate=validate.OneOf(AUDIENCES), metadata={
        "description": "participant: a handout without names, screenings, scripts or clinical notes."})
    paper = fields.String(load_default="a4", validate=validate.OneOf(PAPERS),
                          metadata={"description": "Paper size of the PDF and print CSS."})
    detail = fields.String(load_default="plans", validate=validate.OneOf(["plans", "items"]), metadata={
        "description": "ics only: one event per plan, or one per item."})


def _format(query) -> str:
    if query.get("format"):
        return query["format"]
    best = request.accept_mimetypes.best_match(list(ACCEPT), default=None)
    if best is None and request.accept_mimetypes and "*/*" not in str(request.accept_mimetypes):
        abort(406, message="No agenda format matches the Accept header.",
              errors={"format": [f"Use ?format= one of {', '.join(FORMATS)} or Accept one of {', '.join(ACCEPT)}."]})
    return ACCEPT.get(best, "json")


def _is_pdf() -> bool:
    """The same negotiation as `_format`, so no Accept header (e.g. `application/*`) gets a PDF unlimited."""
    fmt = request.args.get("format")
    if fmt:
        return fmt == "pdf"
    return request.accept_mimetypes.best_match(list(ACCEPT), default=None) == "application/pdf"


def _respond(doc, fmt: str, detail: bool):
    tag = services.etag(doc, fmt, detail)
    if request.if_none_match and request.if_none_match.contains(tag):
        response = Response(status=304)
        response.set_etag(tag)
        return response
    if fmt == "pdf" and current_app.config.get("PDF_IN_CHILD_PROCESS"):
        body, media_type = render_pdf_isolated(render_html(doc)), MEDIA_TYPES["pdf"]
    else:
        body, media_type = render(doc, fmt, detail_items=detail)
    if fmt == "json":
        response = jsonify(body)
    else:
        response = Response(body, mimetype=media_type.split(";")[0])
        response.headers["Content-Type"] = media_type
        disposition = "inline" if fmt in ("html", "pdf") else "attachment"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{filename(doc, fmt)}"'
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _pdf_limit():
    return current_app.config["PDF_RATE_LIMIT"]


AGENDA_RESPONSES = {"content": {
    media.split(";")[0]: {"schema": {"type": "string", "description": f"The agenda as {fmt}."}}
    for fmt, media in MEDIA_TYPES.items()}}
AGENDA_RESPONSES["content"]["application/json"] = {"schema": AgendaSchema}
AGENDA_RESPONSES["content"]["application/pdf"] = {"schema": {"type": "string", "format": "binary",
                                                             "description": "The agenda as PDF (bytes)."}}


def _documented(func):
    func = blp.arguments(AgendaHeadersSchema, location="headers", as_kwargs=True)(func)
    func = blp.doc(responses={
        "200": {"description": "The agenda in the chosen format.", **AGENDA_RESPONSES, "headers": {
            "ETag": {"description": "Derived from the data the agenda shows: send it as If-None-Match.",
                     "schema": {"type": "string"}},
            "Content-Disposition": {"description": "inline (PDF, HTML) or attachment (ICS, MD), with a file name.",
                                    "schema": {"type": "string"}}}},
        "304": {"description": "Not modified (If-None-Match matched the ETag)."}})(func)
    return document_errors(blp, 401, 404, 406, 422, 429)(func)


@blp.route("/plans/<string:plan_id>/agenda")
class PlanAgenda(MethodView):
    decorators = [auth_required, limiter.limit(_pdf_limit, exempt_when=lambda: not _is_pdf())]

    @blp.arguments(AgendaQuerySchema, location="query")
    @_documented
    @blp.doc(operationId="getPlanAgenda", summary="Agenda of one session")
    def get(self, query, plan_id, if_none_match=None):
        """`?format=` (pdf, html, md, ics, json) wins over `Accept`. The facilitator agenda adds steps, scripts,
        notes and the clearance summary; the participant handout never shows a name, a screening, a flag,
        an outcome, a script or a clinical note. `If-None-Match` with the ETag answers 304."""
        fmt = _format(query)
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        doc = services.build_document(plans=[plan], group=plan.group, practice_id=current_user.practice_id,
                                      audience=query["audience"], paper=query["paper"])
        return _respond(doc, fmt, query["detail"] == "items")


@blp.route("/groups/<string:group_id>/agenda")
class GroupAgenda(MethodView):
    decorators = [auth_required, limiter.limit(_pdf_limit, exempt_when=lambda: not _is_pdf())]

    @blp.arguments(AgendaQuerySchema, location="query")
    @_documented
    @blp.doc(operationId="getGroupAgenda", summary="Agenda of a whole group (every plan, by day: a whole retreat)")
    def get(self, query, group_id, if_none_match=None):
        """Every plan of the group, by day in the group's time zone, with a materials checklist."""
        fmt = _format(query)
        group = get_or_404(Group, group_id, what="Group")
        plans = services.plans_of_group(group)
        doc = services.build_document(plans=plans, group=group, practice_id=current_user.practice_id,
                                      audience=query["audience"], paper=query["paper"])
        return _respond(doc, fmt, query["detail"] == "items")
