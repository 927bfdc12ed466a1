from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from ..auth.jwt import auth_required
from ..common.http import (
    ETAG_HEADER,
    IF_MATCH,
    PAGINATION_HEADER,
    check_if_match,
    contains,
    document_errors,
    etag_of,
    get_or_404,
    paginate,
    sorted_by,
)
from ..extensions import db
from . import services
from .models import Group
from .schemas import (
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
    @blp.doc(summary="List groups")
    def get(self, query, pagination_parameters):
        stmt = sorted_by(select(Group), Group, query["sort"])
        if query.get("kind"):
            stmt = stmt.where(Group.kind == query["kind"])
        if query.get("q"):
            stmt = stmt.where(contains(Group.name, query['q']))
        return paginate(stmt, pagination_parameters)

    @blp.arguments(GroupSchema)
    @blp.response(201, GroupSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 413, 422)
    @blp.doc(summary="Create a group")
    def post(self, data):
        """Kind rules: an individual group holds one member, couples two, a family two or more to be
        planned, a retreat up to its `capacity` (required for retreats)."""
        group = services.create_group(data)
        db.session.commit()
        return group, 201, {"ETag": etag_of(group)}


@blp.route("/<string:group_id>")
class GroupById(MethodView):
    decorators = [auth_required]

    @blp.response(200, GroupSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="Get a group")
    def get(self, group_id):
        group = get_or_404(Group, group_id, what="Group")
        return group, 200, {"ETag": etag_of(group)}

    @blp.arguments(GroupUpdateSchema(partial=True))
    @blp.response(200, GroupSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(summary="Change a group", parameters=[IF_MATCH])
    def patch(self, changes, group_id):
        group = get_or_404(Group, group_id, what="Group")
        check_if_match(group)
        services.update_group(group, changes)
        db.session.commit()
        return group, 200, {"ETag": etag_of(group)}

    @blp.response(204)
    @document_errors(blp, 401, 404, 409, 412, 428)
    @blp.doc(summary="Delete a group", parameters=[IF_MATCH])
    def delete(self, group_id):
        """A group that still has plans is not deleted (409)."""
        group = get_or_404(Group, group_id, what="Group")
        check_if_match(group)
        services.delete_group(group)
        db.session.commit()


@blp.route("/<string:group_id>/members")
class Members(MethodView):
    decorators = [auth_required]

    @blp.arguments(MemberQuerySchema, location="query")
    @blp.response(200, MemberSchema(many=True))
    @document_errors(blp, 401, 404, 422)
    @blp.doc(summary="List a group's members")
    def get(self, query, group_id):
        """Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
        left by then is not on it); `?history=true` lists every membership period."""
        group = get_or_404(Group, group_id, what="Group")
        return [member_view(m) for m in services.list_members(group, on=query.get("on"),
                                                               history=query["history"])]

    @blp.arguments(MemberCreateSchema)
    @blp.response(201, MemberSchema)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(summary="Enrol a participant")
    def post(self, data, group_id):
        """Starts a membership period on `joined_on` (default today). 409 when the group is full for its kind
        or capacity (current members count), the participant is a current member already, or a closed group
        has started. Needs no If-Match: the limits hold under concurrent requests."""
        group = get_or_404(Group, group_id, what="Group")
        member = services.add_member(group, data["participant_id"], joined_on=data.get("joined_on"))
        db.session.commit()
        return member_view(member)


@blp.route("/<string:group_id>/members/<string:participant_id>")
class MemberById(MethodView):
    decorators = [auth_required]

    @blp.arguments(MemberEndSchema, location="query")
    @blp.response(204)
    @document_errors(blp, 401, 404, 422)
    @blp.doc(summary="End a participant's membership")
    def delete(self, query, group_id, participant_id):
        """Ends the current membership period on `left_on` (default today): the period stays in the history,
        so earlier rosters, attendance and notes still show the person."""
        group = get_or_404(Group, group_id, what="Group")
        services.remove_member(group, participant_id, left_on=query.get("left_on"))
        db.session.commit()
