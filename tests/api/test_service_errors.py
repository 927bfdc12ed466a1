"""Services speak the domain, not HTTP: called without a request (as the CLI, the demo and the workers call
them) they raise the errors of toolkit/errors.py, which the app maps to the one error shape."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.helpers import assert_error, if_match
from toolkit.auth.models import Therapist as Actor
from toolkit.errors import BadRequest, Forbidden, Invalid, NotFound
from toolkit.exercises import services as module_services
from toolkit.exercises.models import ExerciseModule
from toolkit.extensions import db
from toolkit.fhir import services as fhir_services
from toolkit.participants.models import Participant
from toolkit.progress import services as progress_services
from toolkit.screening import services as screening_services
from toolkit.tenancy import set_practice


@pytest.fixture
def in_practice(app, admin):
    """(the admin as an actor, a participant) inside an app context scoped to the admin's practice."""
    with app.app_context():
        set_practice(db.session, admin["practice_id"])
        actor = db.session.get(Actor, admin["therapist_id"])
        person = Participant(display_name="Test Person", practice_id=admin["practice_id"])
        db.session.add(person)
        db.session.flush()
        yield actor, person
        db.session.rollback()


def test_fhir_reads_raise_not_found(in_practice):
    with pytest.raises(NotFound, match="Questionnaire not found"):
        fhir_services.read_questionnaire("no-such-questionnaire")
    with pytest.raises(NotFound, match="CodeSystem not found"):
        fhir_services.read_code_system("no-such-system")


def test_fhir_search_raises_bad_request_and_invalid(in_practice):
    actor, _ = in_practice
    with pytest.raises(BadRequest) as info:
        fhir_services.search_observations({"date": ["yesterday"], "offset": 0, "count": 10}, actor=actor)
    assert "date" in info.value.errors
    with pytest.raises(Invalid) as info:
        fhir_services.search_observations({"subject": "Patient/no-such-patient", "offset": 0, "count": 10},
                                          actor=actor)
    assert info.value.errors == {"subject": ["Unknown patient."]}


def test_screening_services_raise_domain_errors(in_practice):
    actor, person = in_practice
    actor.clinical_lead = False
    with pytest.raises(Forbidden):
        screening_services.record_crisis_review(participant=person, data={"summary": "x", "safety_plan_in_place": True,
                                                                     "follow_up_on": None}, actor=actor)
    with pytest.raises(Invalid) as info:
        screening_services.submit_screening(participant=person, data={"answers": {}}, actor=actor)
    assert set(info.value.errors) == {"form_version"}
    actor.clinical_lead = True
    with pytest.raises(Invalid) as info:
        screening_services.submit_screening(participant=person, data={"method": "clinician_assessment",
                                                                       "outcome": "clear"}, actor=actor)
    assert set(info.value.errors) == {"reason"}


def test_progress_services_raise_domain_errors(in_practice):
    actor, person = in_practice
    with pytest.raises(Invalid) as info:
        progress_services.participant_progress(participant=person, actor=actor, instruments=["nope"], audit=False)
    assert info.value.errors == {"instrument": ["Unknown: nope."]}
    actor.role = "therapist"
    with pytest.raises(Forbidden):
        progress_services.set_rhythm(actor=actor, changes={"every_days": 30})


def test_module_services_raise_domain_errors(in_practice):
    builtin = db.session.scalars(select(ExerciseModule).where(ExerciseModule.practice_id.is_(None))).first()
    with pytest.raises(Forbidden):
        module_services.update_module(module=builtin, changes={"title": "Mine now"})
    with pytest.raises(Invalid) as info:
        module_services.create_module(data={"title": "No steps"})
    assert info.value.status == 422


def test_the_rhythm_refusal_answers_403_in_the_error_shape(client, admin, create_therapist):
    therapist = create_therapist()
    changing = if_match(client, "/api/v1/practice/rescreen-rhythm", therapist["headers"])
    assert_error(client.patch("/api/v1/practice/rescreen-rhythm", headers=changing,
                              json={"every_days": 30}), 403)
