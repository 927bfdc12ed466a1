from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.query import paginate
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..participants.models import Participant
from ..web import get_or_404
from . import services
from .schemas import AgreementCreateSchema, AgreementSchema, SignatureSchema

blp = Blueprint("agreements", __name__, url_prefix="/api/v1",
                description="The practice's group agreement (confidentiality inside the group, what happens in a "
                            "crisis, attendance): versioned text, signed by each participant on their own page.")


@blp.route("/agreements")
class Agreements(MethodView):
    decorators = [auth_required]

    @blp.response(200, AgreementSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listAgreements", summary="The group agreement's versions, newest (current) first")
    def get(self, pagination_parameters):
        """Every published version; the first is the current one, which members of `group` and `retreat`
        groups must have signed (else the clearance warning `agreement_missing`)."""
        return [services.present_agreement(a) for a in paginate(services.versions(), pagination_parameters)]

    @blp.arguments(AgreementCreateSchema)
    @blp.response(201, AgreementSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 403, 413, 422)
    @blp.doc(operationId="publishAgreement", summary="Publish a new version of the group agreement (admin)")
    def post(self, data):
        """The new version becomes the current one at once: every participant signs it again (an invitation with
        `purpose: agreement`). Earlier versions and their signatures are kept."""
        agreement = services.publish(title=data["title"], text=data["text"], actor=current_user)
        body = services.present_agreement(agreement)
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/agreements"}


@blp.route("/participants/<string:participant_id>/agreements")
class ParticipantAgreements(MethodView):
    decorators = [auth_required]

    @blp.response(200, SignatureSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listParticipantAgreements", summary="A participant's agreement signatures, newest first")
    def get(self, participant_id, pagination_parameters):
        """The typed name, the tick, the time, the version and the address of each signature; `current` says
        whether it is of the current version. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        now = services.current()
        rows = paginate(services.signatures_of(participant), pagination_parameters)
        result = [services.present_signature(s, now.id if now else None) for s in rows]
        record("list", "agreement_signature", participant.id, actor=current_user)
        db.session.commit()
        return result
