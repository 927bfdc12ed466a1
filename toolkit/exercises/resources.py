from flask.views import MethodView

from ..access import auth_required
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, etag_of
from ..common.query import paginate
from ..common.roundtrip import drop_read_only
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..web import get_or_404
from . import services
from .models import ExerciseModule
from .schemas import ModuleCreateSchema, ModuleQuerySchema, ModuleSchema, ModuleUpdateSchema

blp = Blueprint("modules", __name__, url_prefix="/api/v1/modules",
                description="The exercise module library: built-in modules and the practice's own.")


@blp.route("")
class Modules(MethodView):
    decorators = [auth_required]

    @blp.arguments(ModuleQuerySchema, location="query")
    @blp.response(200, ModuleSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listModules", summary="Search the module library")
    def get(self, filters, pagination_parameters):
        """Built-in modules plus your practice's own, by category then title. Unknown filter values
        answer 422 naming the allowed values."""
        return paginate(services.module_query(filters), pagination_parameters)

    @blp.arguments(ModuleCreateSchema)
    @blp.response(201, ModuleSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 409, 413, 422)
    @blp.doc(operationId="createModule", summary="Add a module of your practice's own")
    def post(self, data):
        """Validated like the built-ins: min ≤ default ≤ max minutes, one contraindication per flag,
        adaptation text for `adapt`, and a `deep` module must exclude `acute_crisis`."""
        module = services.create_module(data=data)
        db.session.commit()
        return module, 201, {"ETag": etag_of(module), "Location": f"{blp.url_prefix}/{module.id}"}


@blp.route("/<string:module_id>")
class ModuleById(MethodView):
    decorators = [auth_required]

    @blp.response(200, ModuleSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getModule", summary="Get a module")
    def get(self, module_id):
        """A built-in module or one of your practice's own."""
        module = get_or_404(ExerciseModule, module_id, what="Module")
        return module, 200, {"ETag": etag_of(module)}

    @blp.arguments(ModuleUpdateSchema(partial=True))
    @blp.response(200, ModuleSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 409, 412, 413, 422, 428)
    @blp.doc(operationId="updateModule", summary="Change one of your practice's modules", parameters=[IF_MATCH])
    def patch(self, changes, module_id):
        """Built-in modules are read-only (403)."""
        module = get_or_404(ExerciseModule, module_id, what="Module")
        if not module.builtin:  # a built-in answers 403 below, whatever was sent
            check_if_match(module)
            changes = drop_read_only(changes, ModuleUpdateSchema, ModuleSchema().dump(module))
        services.update_module(module=module, changes=changes)
        db.session.commit()
        return module, 200, {"ETag": etag_of(module)}

    @blp.response(204)
    @document_errors(blp, 401, 403, 404, 409, 412, 428)
    @blp.doc(operationId="deleteModule", summary="Delete one of your practice's modules", parameters=[IF_MATCH])
    def delete(self, module_id):
        """Built-in modules are read-only (403). A module still used by a plan is refused with 409
        naming the plans: remove it from them first."""
        module = get_or_404(ExerciseModule, module_id, what="Module")
        if not module.builtin:
            check_if_match(module)
        services.delete_module(module=module)
        db.session.commit()
