"""The group agreement: publish a version (admin), sign it (the participant's page), list a participant's
signatures, and `agreement_missing` for clearance and the facilitator's status box."""

from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from ..audit.services import record
from ..errors import Forbidden, Invalid
from ..extensions import db
from ..participants.models import Participant
from ..tenancy import current_practice
from . import rules
from .models import Agreement, AgreementSignature

CACHE = "agreement_missing"


def publish(*, title: str, text: str, actor) -> Agreement:
    """A new version of the practice's agreement; it is the current one from now on, and everyone signs again."""
    if actor.role != "admin":
        raise Forbidden("Only a practice admin may publish the group agreement.")
    latest = db.session.scalar(select(func.max(Agreement.version))) or 0
    agreement = Agreement(version=latest + 1, title=title.strip(), text=text.strip(), published_by_id=actor.id,
                          published_at=datetime.now(UTC))
    db.session.add(agreement)
    db.session.flush()
    db.session.info.pop(CACHE, None)
    record("create", "agreement", agreement.id, actor=actor)
    return agreement


def versions():
    return select(Agreement).order_by(Agreement.version.desc())


def current() -> Agreement | None:
    return db.session.scalars(versions().limit(1)).first()


def sign(*, participant: Participant, agreement: Agreement, typed_name: str, ticked: bool, address: str | None,
         invitation_id: str | None = None, now: datetime | None = None) -> AgreementSignature:
    """The participant's signature: the name they typed, the tick, the time, the version and the address."""
    name = (typed_name or "").strip()
    errors = {}
    if not name:
        errors["typed_name"] = ["Type your name to sign."]
    if ticked is not True:
        errors["agreed"] = ["Tick the box to say you agree."]
    if errors:
        raise Invalid("The agreement needs your typed name and the tick.", errors=errors)
    existing = db.session.scalars(select(AgreementSignature).where(
        AgreementSignature.participant_id == participant.id, AgreementSignature.agreement_id == agreement.id)).first()
    if existing is not None:
        return existing
    signature = AgreementSignature(participant_id=participant.id, agreement_id=agreement.id, typed_name=name[:200],
                                   ticked=True, signed_at=now or datetime.now(UTC), address=(address or None),
                                   invitation_id=invitation_id)
    db.session.add(signature)
    db.session.flush()
    db.session.info.pop(CACHE, None)
    return signature


def signatures_of(participant: Participant):
    return (select(AgreementSignature).where(AgreementSignature.participant_id == participant.id)
            .order_by(AgreementSignature.signed_at.desc(), AgreementSignature.id))


def has_signed_current(participant_id: str) -> bool:
    agreement = current()
    return agreement is None or not agreement_missing([participant_id], datetime.now(UTC).date())


def agreement_missing(participant_ids: Iterable[str], on_date: date) -> dict[str, int]:
    """participant id -> the version they must sign, for those without a signature of the agreement in force on
    `on_date` (the newest published by then). Empty when the practice has no agreement yet. What it reads is
    kept for the unit of work (a retreat's agenda clears many plans), per practice; publishing and signing drop
    it."""
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        return {}
    cache = db.session.info.setdefault(CACHE, {}).setdefault(current_practice(db.session), {})
    if "published" not in cache:
        cache["published"] = [(row.id, row.published_at, row.version) for row in db.session.execute(
            select(Agreement.id, Agreement.published_at, Agreement.version))]
    binding = rules.in_force([(aid, at) for aid, at, _ in cache["published"]], on_date)
    if binding is None:
        return {}
    version = next(v for aid, _, v in cache["published"] if aid == binding)
    asked, signed = cache.setdefault(binding, (set(), set()))
    unknown = [pid for pid in ids if pid not in asked]
    if unknown:
        signed.update(db.session.scalars(select(AgreementSignature.participant_id).where(
            AgreementSignature.agreement_id == binding, AgreementSignature.participant_id.in_(unknown))))
        asked.update(unknown)
    return {pid: version for pid in rules.unsigned(ids, signed)}


def present_agreement(agreement: Agreement) -> dict:
    return {"id": agreement.id, "version": agreement.version, "title": agreement.title, "text": agreement.text,
            "published_at": agreement.published_at, "published_by": agreement.published_by_id}


def present_signature(signature: AgreementSignature, current_id: str | None) -> dict:
    return {"id": signature.id, "participant_id": signature.participant_id, "agreement_id": signature.agreement_id,
            "version": signature.agreement.version, "title": signature.agreement.title,
            "typed_name": signature.typed_name, "ticked": signature.ticked, "signed_at": signature.signed_at,
            "address": signature.address, "invitation_id": signature.invitation_id,
            "current": signature.agreement_id == current_id}
