"""Calendar subscriptions over HTTP: make, show and revoke a group's feed token (bearer auth), and the feed
itself by token (no bearer token: calendar apps cannot send one)."""

import marshmallow as ma
from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import fields

from ..access import auth_required, current_user
from ..common.spec import LOCATION_HEADER, Blueprint, document_errors
from ..extensions import db, limiter
from ..groups.models import Group
from ..web import get_or_404
from . import feeds
from .document import MEDIA_TYPES, filename
from .render import render
from .schemas import CalendarFeedSchema, CalendarTokenSchema
from .services import etag

blp = Blueprint("calendar", __name__, url_prefix="/api/v1",
                description="Calendar subscriptions: a group's sessions (each series' sessions among them) as one "
                            "iCalendar URL with a secret, revocable token, without clinical data.")

PUBLIC: dict[str, list] = {"security": []}


def _feed_limit():
    return current_app.config["CALENDAR_FEED_RATE_LIMIT"]


def _shown(feed) -> dict:
    return {"group_id": feed.group_id, "created_at": feed.created_at, "created_by": feed.created_by}


@blp.route("/groups/<string:group_id>/calendar-feed")
class GroupCalendarFeed(MethodView):
    decorators = [auth_required]

    @blp.response(200, CalendarFeedSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getGroupCalendarFeed", summary="Show a group's calendar feed (without its token)")
    def get(self, group_id):
        """When the current token was made and by whom; 404 when the group has no feed. The token itself is
        shown only once, by POST."""
        return _shown(feeds.feed_of(get_or_404(Group, group_id, what="Group")))

    @blp.response(201, CalendarTokenSchema, headers={**LOCATION_HEADER, "Cache-Control": {
        "description": "no-store: the answer carries a secret.", "schema": {"type": "string"}}})
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="createGroupCalendarToken", summary="Make (or rotate) a group's calendar feed token")
    def post(self, group_id):
        """A new secret token and the feed URL to subscribe to. This is the only time the token is shown (only
        its hash is kept). If the group had a token, it stops working at once: calendars subscribed with it get
        404 until they are given the new URL."""
        group = get_or_404(Group, group_id, what="Group")
        feed, token = feeds.make_token(group=group, actor_id=current_user.id)
        db.session.commit()
        url = request.host_url.rstrip("/") + feeds.FEED_PATH + token
        body = {**_shown(feed), "token": token, "url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}
        return body, 201, {"Location": f"{blp.url_prefix}/groups/{group.id}/calendar-feed", "Cache-Control": "no-store"}

    @blp.response(204)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="revokeGroupCalendarToken", summary="Revoke a group's calendar feed token")
    def delete(self, group_id):
        """The feed URL stops working at once (404, like a token that never existed)."""
        feeds.revoke(group=get_or_404(Group, group_id, what="Group"))
        db.session.commit()


@blp.route("/groups/<string:group_id>/members/<string:participant_id>/calendar-feed")
class MemberCalendarFeed(MethodView):
    decorators = [auth_required]

    @blp.response(201, CalendarTokenSchema, headers={**LOCATION_HEADER, "Cache-Control": {
        "description": "no-store: the answer carries a secret.", "schema": {"type": "string"}}})
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="createMemberCalendarToken", summary="Make (or rotate) one member's own calendar feed")
    def post(self, group_id, participant_id):
        """A member's own feed of the group's sessions (the token is shown once). It answers only while they
        are a member: when they leave, it is revoked at once. 404 when they are not a current member."""
        group = get_or_404(Group, group_id, what="Group")
        feed, token = feeds.make_member_token(group=group, participant_id=participant_id, actor_id=current_user.id)
        db.session.commit()
        url = request.host_url.rstrip("/") + feeds.FEED_PATH + token
        body = {**_shown(feed), "token": token, "url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}
        location = f"{blp.url_prefix}/groups/{group.id}/members/{participant_id}/calendar-feed"
        return body, 201, {"Location": location, "Cache-Control": "no-store"}

    @blp.response(204)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="revokeMemberCalendarToken", summary="Revoke one member's own calendar feed")
    def delete(self, group_id, participant_id):
        """The member's feed URL stops working at once (404). 404 when they have none."""
        if not feeds.revoke_member(group=get_or_404(Group, group_id, what="Group"), participant_id=participant_id):
            abort(404, message="This member has no calendar feed.")
        db.session.commit()


@blp.route("/groups/<string:group_id>/cancellations.ics")
class GroupCancellations(MethodView):
    decorators = [auth_required]

    @blp.doc(operationId="getGroupCancellations", summary="The group's deleted sessions as a cancellation file",
             responses={"200": {"description": "iCalendar with METHOD:CANCEL: each deleted session with its UID, "
                                                "a higher SEQUENCE and STATUS:CANCELLED (empty of events when "
                                                "none was deleted).",
                                "content": {"text/calendar": {"schema": {"type": "string"}}}}})
    @document_errors(blp, 401, 404)
    def get(self, group_id):
        """For calendars that imported the sessions as a file (no subscription): importing this removes the
        deleted sessions. Subscribed feeds show them as cancelled by themselves."""
        group = get_or_404(Group, group_id, what="Group")
        doc = feeds.cancellations_document(group)
        body, _ = render(doc, "ics")
        return Response(body, status=200, mimetype=MEDIA_TYPES["ics"].split(";")[0], headers={
            "Content-Disposition": f'attachment; filename="{filename(doc, "ics").replace(".ics", "-cancelled.ics")}"',
            "Cache-Control": "private, no-cache"})


class FeedHeadersSchema(ma.Schema):
    if_none_match = fields.String(data_key="If-None-Match", metadata={
        "description": "The feed's ETag from an earlier answer: 304 when nothing changed."})


FEED_RESPONSES = {
    "200": {"description": "The group's sessions as iCalendar (one event per session, participant-safe).",
            "content": {"text/calendar": {"schema": {"type": "string", "description": "iCalendar (RFC 5545)."}}},
            "headers": {"ETag": {"description": "Send it as If-None-Match: 304 while nothing changed.",
                                 "schema": {"type": "string"}}}},
    "304": {"description": "Not modified (If-None-Match matched the ETag)."},
}


@blp.route("/calendar-feeds/<string:token>")
class CalendarFeedByToken(MethodView):
    decorators = [limiter.limit(_feed_limit)]

    @blp.arguments(FeedHeadersSchema, location="headers", as_kwargs=True)
    @blp.doc(operationId="getCalendarFeed", summary="A group's calendar feed, by its secret token",
             responses=FEED_RESPONSES, **PUBLIC)
    @document_errors(blp, 404, 429)
    def get(self, token, if_none_match=None):
        """For calendar apps: no bearer token, the secret token in the path is the key. An unknown, replaced or
        revoked token is 404 (the same answer for each). Titles, times, the location and participant-safe
        descriptions only; rate-limited per client address."""
        doc = feeds.feed_document(token)
        tag = etag(doc, "ics", False)
        headers = {"Cache-Control": "private, no-cache", "ETag": f'"{tag}"'}
        if request.if_none_match and request.if_none_match.contains(tag):
            return Response(status=304, headers=headers)
        body, _ = render(doc, "ics")
        headers["Content-Disposition"] = f'inline; filename="{filename(doc, "ics")}"'
        return Response(body, status=200, mimetype=MEDIA_TYPES["ics"].split(";")[0], headers=headers)
