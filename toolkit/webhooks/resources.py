from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.etag import CREATED_HEADERS
from ..common.query import paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..web import get_or_404
from . import receivers as _receivers  # noqa: F401  (connects the receiver that queues deliveries)
from . import services
from .models import Webhook
from .schemas import DeliverySchema, WebhookCreatedSchema, WebhookCreateSchema, WebhookSchema

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks",
                description="Webhooks (admins): the change feed's events POSTed to an https endpoint, signed as "
                            "the Standard Webhooks specification says, retried with backoff for a day, switched "
                            "off after repeated failure. Ids and kinds only, no clinical data.")


@blp.route("")
class Webhooks(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, WebhookCreatedSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 403, 413, 422)
    @blp.doc(operationId="createWebhook", summary="Subscribe an endpoint to events (admin)")
    def post(self, data):
        """Admins only (403). The answer carries the signing secret (`whsec_...`) this once. Each delivery is a
        POST of `{type, timestamp, data}` with the headers `webhook-id`, `webhook-timestamp` and
        `webhook-signature`. A URL that is not https, or whose host resolves to a private, loopback,
        link-local (169.254.169.254 among them), multicast or reserved address, is a 422 naming `url` (checked
        again at every delivery); redirects are never followed. Audited."""
        hook, secret = services.create_webhook(url=data["url"], events=data["events"], actor=current_user)
        body = {**services.present(hook), "secret": secret}
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/{hook.id}"}

    @blp.response(200, WebhookSchema(many=True))
    @document_errors(blp, 401, 403)
    @blp.doc(operationId="listWebhooks", summary="List the practice's webhooks (admin)")
    def get(self):
        """Every webhook of the practice, newest first, without secrets; `active` is false for one switched
        off after repeated failure."""
        hooks = db.session.scalars(select(Webhook).order_by(Webhook.created_at.desc(), Webhook.id))
        return [services.present(h) for h in hooks]


@blp.route("/<string:webhook_id>")
class WebhookById(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.response(204)
    @document_errors(blp, 401, 403, 404)
    @blp.doc(operationId="deleteWebhook", summary="Delete a webhook (admin)")
    def delete(self, webhook_id):
        """Nothing more is sent to it; its delivery log goes with it. Audited."""
        hook = get_or_404(Webhook, webhook_id, what="Webhook")
        services.delete_webhook(hook=hook, actor=current_user)
        db.session.commit()


@blp.route("/<string:webhook_id>/deliveries")
class WebhookDeliveries(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.response(200, DeliverySchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 403, 404)
    @blp.doc(operationId="listWebhookDeliveries", summary="A webhook's delivery log (admin)")
    def get(self, webhook_id, pagination_parameters):
        """Each event sent to the hook, newest first: its status (pending, delivered, failed), every try (when,
        outcome, HTTP status, a short error; never the secret, signature or body) and the next try's time."""
        hook = get_or_404(Webhook, webhook_id, what="Webhook")
        rows = paginate(services.deliveries_query(hook), pagination_parameters)
        record("list", "webhook_delivery", hook.id, actor=current_user)
        db.session.commit()
        return services.present_deliveries(rows)
