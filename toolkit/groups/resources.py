from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_user
from ..audit.services import record
from ..audit.tasks import queue_event
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, etag_of
from ..common.query import contains, paginate, sorted_by
from ..common.roundtrip import drop_read_only
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..web import get_or_404
from . import services
from .models import Group
from .schemas import (
    GroupCreateSchema,
    GroupQuerySchema,
    GroupSchema,
    GroupUpdateSchema,
    MemberCreateSchema,
    MemberEndSchema,
    MemberQuerySchema,
    MemberSchema,
)

blp = Blueprint("groups", __name__, url_prefix="/api/v1/groups",
                description="Groups of participants: individual, couples, family, retreat or a therapy "
                            "group, and their membership periods.")



def member_view(member):
    return {"participant_id": member.participant_id, "display_name": member.participant.display_name,
            "joined_at": member.joined_at, "joined_on": member.joined_on, "left_on": member.left_on}


@blp.route("")
class Groups(MethodView):
    decorators = [auth_required]

    @blp.arguments(GroupQuerySchema, location="query")
    @blp.response(200, GroupSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listGroups", summary="List groups")
    def get(self, query, pagination_parameters):
        """Your practice's groups, by name unless `sort` says otherwise."""
        stmt = sorted_by(select(Group), Group, query["sort"])
        if query.get("kind"):
            stmt = stmt.where(Group.kind == query["kind"])
        if query.get("q"):
            stmt = stmt.where(contains(Group.name, query['q']))
        return paginate(stmt, pagination_parameters)

    @blp.arguments(GroupCreateSchema)
    @blp.response(201, GroupSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 413, 415, 422)
    @blp.doc(operationId="createGroup", summary="Create a group")
    def post(self, data):
        """Kind rules: an individual group holds one member, couples two, a family two or more to be
        planned, a retreat up to its `capacity` (required for retreats)."""
        group = services.create_group(data=data)
        db.session.commit()
        return group, 201, {"ETag": etag_of(group), "Location": f"{blp.url_prefix}/{group.id}"}


@blp.route("/<string:group_id>")
class GroupById(MethodView):
    decorators = [auth_required]

    @blp.response(200, GroupSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getGroup", summary="Get a group")
    def get(self, group_id):
        """One group with its facilitators and member count."""
        group = get_or_404(Group, group_id, what="Group")
        return group, 200, {"ETag": etag_of(group)}

    @blp.arguments(GroupUpdateSchema(partial=True))
    @blp.response(200, GroupSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(operationId="updateGroup", summary="Change a group", parameters=[IF_MATCH])
    def patch(self, changes, group_id):
        """Send only what changes, or the whole object from a GET (read-only fields equal to the stored values are
        ignored). The kind rules are checked again: a retreat needs a capacity, `ends_on` may not be before
        `starts_on`."""
        group = get_or_404(Group, group_id, what="Group")
        check_if_match(group)
        changes = drop_read_only(changes, GroupUpdateSchema, GroupSchema().dump(group))
        services.update_group(group=group, changes=changes)
        db.session.commit()
        return group, 200, {"ETag": etag_of(group)}

    @blp.response(204)
    @document_errors(blp, 401, 404, 409, 412, 428)
    @blp.doc(operationId="deleteGroup", summary="Delete a group", parameters=[IF_MATCH])
    def delete(self, group_id):
        """A group that still has plans is not deleted (409)."""
        group = get_or_404(Group, group_id, what="Group")
        check_if_match(group)
        services.delete_group(group=group)
        db.session.commit()


@blp.route("/<string:group_id>/members")
class Members(MethodView):
    decorators = [auth_required]

    @blp.arguments(MemberQuerySchema, location="query")
    @blp.response(200, MemberSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listGroupMembers", summary="List a group's members")
    def get(self, query, group_id, pagination_parameters):
        """Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
        left by then is not on it); `?history=true` lists every membership period. Paginated like every
        list."""
        group = get_or_404(Group, group_id, what="Group")
        rows = services.list_members(group, on=query.get("on"), history=query["history"])
        pagination_parameters.item_count = len(rows)
        start = (pagination_parameters.page - 1) * pagination_parameters.page_size
        members = [member_view(m) for m in rows[start:start + pagination_parameters.page_size]]
        queue_event("list", "group_members", group.id, actor=current_user)
        return members

    @blp.arguments(MemberCreateSchema)
    @blp.response(201, MemberSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(operationId="addGroupMember", summary="Enrol a participant")
    def post(self, data, group_id):
        """Starts a membership period on `joined_on` (default today). 409 when the group is full for its kind
        or capacity (current members count), the participant is a current member already, or a closed group
        has started. Needs no If-Match: the limits hold under concurrent requests."""
        group = get_or_404(Group, group_id, what="Group")
        member = services.add_member(group=group, participant_id=data["participant_id"],
                                     joined_on=data.get("joined_on"))
        record("enrol", "group_membership", data["participant_id"], actor=current_user)
        db.session.commit()
        return member_view(member), 201, {"Location": f"{blp.url_prefix}/{group.id}/members/{member.participant_id}"}


@blp.route("/<string:group_id>/members/<string:participant_id>")
class MemberById(MethodView):
    decorators = [auth_required]

    @blp.arguments(MemberEndSchema, location="query")
    @blp.response(204)
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="removeGroupMember", summary="End a participant's membership")
    def delete(self, query, group_id, participant_id):
        """Ends the current membership period on `left_on` (default today): the period stays in the history,
        so earlier rosters, attendance and notes still show the person. Not a current member: 404."""
        group = get_or_404(Group, group_id, what="Group")
        services.remove_member(group=group, participant_id=participant_id, left_on=query.get("left_on"))
        record("remove", "group_membership", participant_id, actor=current_user)
        db.session.commit()
