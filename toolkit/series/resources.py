from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import select

from ..access import auth_required, current_user
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, with_etag
from ..common.query import paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..groups.models import Group
from ..web import get_or_404
from . import services
from .models import Series
from .schemas import SeriesCreateSchema, SeriesQuerySchema, SeriesSchema, SeriesUpdateSchema

blp = Blueprint("series", __name__, url_prefix="/api/v1/series",
                description="Programmes over weeks: a group's held sessions made from a template, with the "
                            "server-written RRULE and EXDATEs.")


@blp.route("")
class SeriesList(MethodView):
    decorators = [auth_required]

    @blp.arguments(SeriesQuerySchema, location="query")
    @blp.response(200, SeriesSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(summary="List series", operationId="listSeries")
    def get(self, query, pagination_parameters):
        """Newest first; `group_id` narrows to one group's programmes."""
        stmt = select(Series).order_by(Series.created_at.desc(), Series.id)
        if query.get("group_id") and db.session.scalar(select(Group.id).where(Group.id == query["group_id"])) is None:
            abort(422, message="Group not found.", errors={"group_id": ["Unknown group."]})
        if query.get("group_id"):
            stmt = stmt.where(Series.group_id == query["group_id"])
        return [services.present(s) for s in paginate(stmt, pagination_parameters)]

    @blp.arguments(SeriesCreateSchema)
    @blp.response(201, SeriesSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 413, 422)
    @blp.doc(summary="Create a series of sessions", operationId="createSeries")
    def post(self, data):
        """Creates `count` held sessions from the template, every `every_weeks` weeks at the first session's
        wall-clock time in the group's zone (across daylight-saving changes). A `skip_dates` date must be one
        of the series' dates; it gets no session and the series runs one slot longer. Each session is an
        ordinary plan with `series_id` and `session_number`, editable on its own."""
        series = services.create_series(actor=current_user, **data)
        db.session.commit()
        return with_etag(services.present(series), series, 201, collection=blp.url_prefix)


@blp.route("/<string:series_id>")
class SeriesById(MethodView):
    decorators = [auth_required]

    @blp.response(200, SeriesSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="Get a series with its rule and sessions", operationId="getSeries")
    def get(self, series_id):
        """The rule as iCalendar lines (DTSTART, RRULE, EXDATE with the group's TZID) and the sessions in
        order, each saying whether it has attendance or a note."""
        series = get_or_404(Series, series_id, what="Series")
        return with_etag(services.present(series), series, collection=blp.url_prefix)

    @blp.arguments(SeriesUpdateSchema)
    @blp.response(200, SeriesSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(summary="Rename a series", operationId="updateSeries", parameters=[IF_MATCH])
    def patch(self, data, series_id):
        """Sessions keep their own titles (edit them one by one as plans)."""
        series = get_or_404(Series, series_id, what="Series")
        check_if_match(series)
        services.rename_series(series=series, title=data["title"])
        db.session.commit()
        return with_etag(services.present(series), series, collection=blp.url_prefix)

    @blp.response(204)
    @document_errors(blp, 401, 404, 409, 412, 428)
    @blp.doc(summary="Remove a series' future sessions", operationId="deleteSeries", parameters=[IF_MATCH])
    def delete(self, series_id):
        """Removes every future session with no attendance and no note. If a future session has either, nothing
        is removed and the answer is 409 naming those sessions. Sessions already held stay."""
        series = get_or_404(Series, series_id, what="Series")
        check_if_match(series)
        services.delete_series(series=series)
        db.session.commit()
