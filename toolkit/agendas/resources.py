from typing import Any

import marshmallow as ma
from flask import Response, current_app, g, jsonify, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import fields

from ..access import auth_required, current_user
from ..audit.tasks import queue_event
from ..common.spec import Blueprint, document_errors
from ..extensions import db, limiter
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..web import get_or_404
from . import delivery, services
from .budget import estimated_pages, text_size
from .document import FORMATS, MEDIA_TYPES, filename
from .html import render_html
from .render import render
from .schemas import AgendaQuerySchema, AgendaSchema

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


def _format(query) -> str:
    if query.get("format"):
        return query["format"]
    best = request.accept_mimetypes.best_match(list(ACCEPT))
    if best is None and request.accept_mimetypes and "*/*" not in str(request.accept_mimetypes):
        abort(406, message="No agenda format matches the Accept header.",
              errors={"format": [f"Use ?format= one of {', '.join(FORMATS)} or Accept one of {', '.join(ACCEPT)}."]})
    return ACCEPT.get(best, "json") if best else "json"


def _is_pdf() -> bool:
    """The same negotiation as `_format`, so no Accept header (e.g. `application/*`) gets a PDF unlimited."""
    fmt = request.args.get("format")
    if fmt:
        return fmt == "pdf"
    return request.accept_mimetypes.best_match(list(ACCEPT)) == "application/pdf"


def _audit_read(query, record_type: str, record_id: str) -> None:
    """The facilitator agenda shows names beside clearance flags: each read is audited (through the queue)."""
    if query["audience"] == "facilitator":
        queue_event("read", record_type, record_id, actor=current_user)


def _check_size(doc, fmt: str) -> None:
    """Refuse an agenda too large to render (422) before any rendering, from its document alone."""
    config = current_app.config
    chars, limit = text_size(doc), config["AGENDA_MAX_CHARS"]
    if chars > limit:
        abort(422, message="The agenda is too large to render.", errors={"agenda": [
            f"It holds about {chars:,} characters of text; the limit is {limit:,}. Ask for one plan's agenda "
            "(/plans/{id}/agenda) or shorten the notes."]})
    if fmt == "pdf":
        pages, limit = estimated_pages(doc), config["AGENDA_MAX_PDF_PAGES"]
        if pages > limit:
            abort(422, message=f"The PDF agenda is too large: about {pages} pages, at most {limit}.", errors={
                "agenda": [f"The PDF would have about {pages} pages; the limit is {limit}. Ask for the "
                           "participant handout (?audience=participant), one plan's agenda, or another format."]})


def _file_response(body, fmt: str, doc, tag: str) -> Response:
    if fmt == "json":
        response = jsonify(body)
    else:
        media_type = MEDIA_TYPES[fmt]
        response = Response(body, mimetype=media_type.split(";")[0])
        response.headers["Content-Type"] = media_type
        disposition = "inline" if fmt in ("html", "pdf") else "attachment"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{filename(doc, fmt)}"'
    response.set_etag(tag)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _pdf(doc, tag: str):
    """PDFs come from the render workers: the finished render, else 202 Accepted while it is queued."""
    config = current_app.config
    practice_id = current_user.practice_id
    key = delivery.cache_key(practice_id, tag)
    pages = estimated_pages(doc)
    small = pages <= config["AGENDA_WAIT_PAGES"]
    # The web worker renders the HTML (cheap) when a render is needed; a render worker lays out the PDF.
    db.session.commit()  # end this request's transaction: the render queue writes on its own connections
    try:
        row, g.agenda_render_started = delivery.obtain(key, practice_id, lambda: render_html(doc), pages=pages,
                                                       wait_seconds=config["AGENDA_WAIT_SECONDS"] if small else 0)
    except delivery.RenderQueueFull as full:
        queue_full(full)
    if row is not None and row.status == "ready":
        return _file_response(row.body, "pdf", doc, tag)
    if row is not None and row.status == "failed":
        abort(422, message="The PDF agenda could not be rendered within its budget.",
              errors={"agenda": [f"The render was stopped: {row.error}. Ask for the participant handout, one "
                                 "plan's agenda, or another format."]})
    seconds = delivery.retry_after(key)
    response = jsonify({"status": row.status if row is not None else "queued", "retry_after": seconds,
                        "estimated_pages": pages,
                        "message": "The PDF is being rendered. Ask for the same URL again after Retry-After "
                                   "seconds: it answers 200 with the PDF when it is ready."})
    response.status_code = 202
    response.headers["Retry-After"] = str(seconds)
    response.headers["Cache-Control"] = "no-store"
    return response


def queue_full(full: "delivery.RenderQueueFull"):
    """429 with the estimate of when the practice's oldest waiting render is done."""
    abort(429, message=f"Too many PDFs are waiting for this practice (at most {full.limit}): ask again later.",
          headers={"Retry-After": str(full.retry_after)})


def _respond(doc, fmt: str, detail: str):
    tag = services.etag(doc, fmt, detail)
    if request.if_none_match and request.if_none_match.contains(tag):
        response = Response(status=304)
        response.set_etag(tag)
        return response
    _check_size(doc, fmt)
    if fmt == "pdf":
        return _pdf(doc, tag)
    body, _media_type = render(doc, fmt, detail_items=detail == "items")
    return _file_response(body, fmt, doc, tag)


def _pdf_limit():
    return current_app.config["PDF_RATE_LIMIT"]


def _agenda_limit():
    return current_app.config["AGENDA_RATE_LIMIT"]


def _render_started(response) -> bool:
    """Only a request that queued a new render counts against the PDF limit (asking again while it
    renders, or for a finished one, is cheap)."""
    return bool(g.get("agenda_render_started"))


def _limits(scope: str, fmt: str | None = None) -> list:
    """The negotiated path (`fmt` None: the request decides) and its `agenda.{ext}` siblings draw on the same two
    buckets per agenda kind: PDFs on PDF_RATE_LIMIT, every other format on AGENDA_RATE_LIMIT. Asking
    `agenda.pdf` instead of `agenda?format=pdf` is the same PDF, never a second allowance."""
    pdf, text = f"{scope}-pdf", f"{scope}-text"
    if fmt is None:
        return [limiter.shared_limit(_pdf_limit, scope=pdf, exempt_when=lambda: not _is_pdf(),
                                     deduct_when=_render_started),
                limiter.shared_limit(_agenda_limit, scope=text, exempt_when=_is_pdf)]
    if fmt == "pdf":
        return [limiter.shared_limit(_pdf_limit, scope=pdf, deduct_when=_render_started)]
    return [limiter.shared_limit(_agenda_limit, scope=text)]


RENDER_STATUS = {"type": "object", "required": ["status", "retry_after", "estimated_pages", "message"], "properties": {
    "status": {"$ref": "#/components/schemas/RenderStatus"},
    "retry_after": {"type": "integer", "description": "Seconds to wait before asking again (as Retry-After)."},
    "estimated_pages": {"type": "integer"},
    "message": {"type": "string"}}}
# Each representation as its one media type: JSON the typed Agenda, the PDF bytes, the others text.
AGENDA_CONTENT: dict[str, dict[str, Any]] = {
    "json": {"application/json": {"schema": AgendaSchema}},
    "html": {"text/html": {"schema": {"type": "string", "description": "The agenda as an HTML page (UTF-8)."}}},
    "pdf": {"application/pdf": {"schema": {"type": "string", "format": "binary",
                                           "description": "The agenda as PDF (bytes)."}}},
    "ics": {"text/calendar": {"schema": {"type": "string", "description": "The agenda as iCalendar (UTF-8)."}}},
    "md": {"text/markdown": {"schema": {"type": "string", "description": "The agenda as Markdown (UTF-8)."}}},
}
FILE_FORMATS = ("html", "pdf", "ics", "md")  # each also at its own path, agenda.{ext}, with its own operation
NAMES = {"html": "HTML", "pdf": "PDF", "ics": "iCalendar", "md": "Markdown"}
ETAG = {"description": "Derived from the data the agenda shows: send it as If-None-Match.",
        "schema": {"type": "string"}}


def _documented(fmt: str):
    """The answers of one representation: its one media type on 200, and for PDFs the 202 of the render queue."""
    headers: dict[str, Any] = {"ETag": ETAG}
    if fmt != "json":
        headers["Content-Disposition"] = {
            "description": f"{'inline' if fmt in ('html', 'pdf') else 'attachment'}, with a file name.",
            "schema": {"type": "string"}}
    responses: dict[str, Any] = {
        "200": {"description": f"The agenda as {NAMES.get(fmt, 'JSON')}.", "content": AGENDA_CONTENT[fmt],
                "headers": headers},
        "304": {"description": "Not modified (If-None-Match matched the ETag)."}}
    if fmt == "pdf":
        responses["202"] = {
            "description": "The PDF is being rendered by a background worker. Ask for the same URL again after "
                           "`Retry-After` seconds; it answers 200 with the PDF when ready. Small agendas wait a "
                           "few seconds for the worker, so they usually answer 200 at once.",
            "headers": {"Retry-After": {"description": "Seconds to wait before asking again.",
                                        "schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": RENDER_STATUS}}}

    def decorate(func):
        func = blp.arguments(AgendaHeadersSchema, location="headers", as_kwargs=True)(func)
        func = blp.doc(responses=responses)(func)
        return document_errors(blp, 401, 404, *((406,) if fmt == "json" else ()), 422, 429)(func)

    return decorate


def plan_agenda(plan_id: str, query, fmt: str):
    """One session's agenda in `fmt`: the answer of GET /plans/{id}/agenda and of its agenda.{ext} siblings."""
    plan = get_or_404(SessionPlan, plan_id, what="Plan")
    _audit_read(query, "plan_agenda", plan.id)
    doc = services.build_document(plans=[plan], group=plan.group, practice_id=current_user.practice_id,
                                  audience=query["audience"], paper=query["paper"], detail=query["detail"],
                                  large_print=query["print"] == "large")
    return _respond(doc, fmt, query["detail"])


def group_agenda(group_id: str, query, fmt: str):
    """A whole group's agenda in `fmt`: the answer of GET /groups/{id}/agenda and of its agenda.{ext} siblings."""
    group = get_or_404(Group, group_id, what="Group")
    _audit_read(query, "group_agenda", group.id)
    plans = services.plans_of_group(group)
    doc = services.build_document(plans=plans, group=group, practice_id=current_user.practice_id,
                                  audience=query["audience"], paper=query["paper"], detail=query["detail"],
                                  large_print=query["print"] == "large")
    if fmt == "ics":  # deleted sessions go to calendars as cancelled (issue 31)
        doc = services.with_cancellations(doc, group)
    return _respond(doc, fmt, query["detail"])


@blp.route("/plans/<string:plan_id>/agenda")
class PlanAgenda(MethodView):
    decorators = [auth_required, *_limits("plan-agenda")]

    @blp.arguments(AgendaQuerySchema, location="query")
    @_documented("json")
    @blp.doc(operationId="getPlanAgenda", summary="Agenda of one session")
    def get(self, query, plan_id, if_none_match=None):
        """The agenda as JSON (the typed `Agenda`). The facilitator agenda adds steps, scripts, notes and the
        clearance summary; the participant handout never shows a name, a screening, a flag, an outcome, a
        script or a clinical note. `If-None-Match` with the ETag answers 304. An agenda too large to render is
        422 before anything is rendered.

        This operation describes the JSON representation only. For browsers and links the same path also
        answers `?format=html|pdf|ics|md` or the matching `Accept` (`?format=` wins), exactly as the operation
        of that representation does; generated clients call those instead, each with one media type:
        `getPlanAgendaHtml`, `getPlanAgendaPdf`, `getPlanAgendaIcs` and `getPlanAgendaMd` (GET
        /plans/{plan_id}/agenda.html, .pdf, .ics, .md). A PDF negotiated here answers 202 while it renders, as
        `getPlanAgendaPdf` does."""
        return plan_agenda(plan_id, query, _format(query))


@blp.route("/groups/<string:group_id>/agenda")
class GroupAgenda(MethodView):
    decorators = [auth_required, *_limits("group-agenda")]

    @blp.arguments(AgendaQuerySchema, location="query")
    @_documented("json")
    @blp.doc(operationId="getGroupAgenda", summary="Agenda of a whole group (every plan, by day: a whole retreat)")
    def get(self, query, group_id, if_none_match=None):
        """Every plan of the group, by day in the group's time zone, with a materials checklist, as JSON (the
        typed `Agenda`); 422 when too large to render.

        This operation describes the JSON representation only. For browsers and links the same path also
        answers `?format=html|pdf|ics|md` or the matching `Accept` (`?format=` wins), exactly as the operation
        of that representation does; generated clients call those instead, each with one media type:
        `getGroupAgendaHtml`, `getGroupAgendaPdf`, `getGroupAgendaIcs` and `getGroupAgendaMd` (GET
        /groups/{group_id}/agenda.html, .pdf, .ics, .md). A PDF negotiated here answers 202 while it renders,
        as `getGroupAgendaPdf` does."""
        return group_agenda(group_id, query, _format(query))


# One operation per other representation, at the negotiated path plus `.{ext}`: the same answer as
# `?format={ext}` (this module's plan_agenda / group_agenda), with one media type for generated clients.
FILE_NOTES = {
    "html": "A printable page (print CSS for the chosen `paper`).",
    "pdf": "Laid out by a background render worker: 202 with `Retry-After` while it renders, then 200 with the "
           "PDF at the same URL (small agendas wait a few seconds, so they usually answer 200 at once); 422 when "
           "it would be too large, before anything is rendered. Limited by `PDF_RATE_LIMIT`, shared with "
           "`?format=pdf` on the negotiated path.",
    "ics": "A calendar file: `detail=plans` (the default) gives one event per plan, `items` one per item.",
    "md": "Plain Markdown, e.g. to paste into notes.",
}
AGENDAS = {  # kind -> (rule, operationId of the negotiated path, what, answer, rate-limit scope)
    "plan": ("/plans/<string:plan_id>/agenda", "getPlanAgenda", "one session's agenda", plan_agenda,
             "plan-agenda"),
    "group": ("/groups/<string:group_id>/agenda", "getGroupAgenda", "a whole group's agenda (every plan, by day)",
              group_agenda, "group-agenda"),
}
FILE_QUERY = AgendaQuerySchema(exclude=("format",))


def _agenda_file(kind: str, fmt: str) -> None:
    rule, negotiated, what, answer, scope = AGENDAS[kind]
    path = rule.replace("<string:", "{").replace(">", "}")
    description = (f"{what[0].upper()}{what[1:]} as {NAMES[fmt]}, the one media type of this operation: exactly "
                   f"what `GET {path}?format={fmt}` answers (`{negotiated}`'s path, negotiated), with the same "
                   "`audience`, `paper`, `detail` and `print`, the same ETag (`If-None-Match` answers 304), rate "
                   f"limit, audit and errors. {FILE_NOTES[fmt]}")
    if kind == "group" and fmt == "ics":
        description += " Deleted sessions are in the file as cancelled events."

    def get(self, query, if_none_match=None, **ids):
        (record_id,) = ids.values()
        return answer(record_id, query, fmt)

    get = blp.doc(operationId=negotiated + fmt.capitalize(), summary=f"{what[0].upper()}{what[1:]} as {NAMES[fmt]}",
                  description=description)(get)
    get = blp.arguments(FILE_QUERY, location="query")(_documented(fmt)(get))
    view = type(negotiated[0].upper() + negotiated[1:] + fmt.capitalize(), (MethodView,),
                {"get": get, "decorators": [auth_required, *_limits(scope, fmt)]})
    blp.route(f"{rule}.{fmt}")(view)


for _kind in AGENDAS:
    for _fmt in FILE_FORMATS:
        _agenda_file(_kind, _fmt)
