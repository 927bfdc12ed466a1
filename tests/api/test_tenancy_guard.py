"""The tenancy hook fails closed, and its write guard holds.

Reads: with no practice set, an ORM statement matches nothing (neither practice-owned rows nor built-ins);
only an explicit `all_practices=True` (per statement) or `across_practices()` (per unit of work) reads
across practices. Writes: with a practice set, a row of another practice (or a built-in) is never written:
the flush raises CrossPracticeWrite and nothing changes, and the API answers it as a 404.
"""

import pytest
from sqlalchemy import func, select

from toolkit.exercises.models import ExerciseModule
from toolkit.extensions import db
from toolkit.participants.models import Participant
from toolkit.tenancy import CrossPracticeWrite, across_practices, set_practice


@pytest.fixture
def two_practices(admin, other, create_participant):
    mine = create_participant(display_name="Mine")
    theirs = create_participant(by=other, display_name="Theirs")
    return {"mine": mine, "theirs": theirs, "me": admin["practice_id"], "them": other["practice_id"]}


def _names(stmt) -> set[str]:
    return {p.display_name for p in db.session.scalars(stmt)}


def test_without_a_practice_nothing_matches(app, two_practices):
    with app.app_context():
        set_practice(db.session, None)
        assert _names(select(Participant)) == set()
        assert db.session.scalar(select(func.count()).select_from(Participant)) == 0
        assert db.session.get(Participant, two_practices["mine"]["id"]) is None
        assert db.session.scalars(select(ExerciseModule)).first() is None  # built-ins too


def test_all_practices_is_explicit(app, two_practices):
    with app.app_context():
        set_practice(db.session, None)
        assert _names(select(Participant).execution_options(all_practices=True)) == {"Mine", "Theirs"}
        with across_practices(db.session):
            assert _names(select(Participant)) == {"Mine", "Theirs"}
            assert db.session.scalar(select(func.count()).select_from(ExerciseModule)) >= 20
        assert _names(select(Participant)) == set()  # closed again after the block


def test_a_practice_sees_only_its_own(app, two_practices):
    with app.app_context():
        set_practice(db.session, two_practices["me"])
        assert _names(select(Participant)) == {"Mine"}
        set_practice(db.session, None)  # a new request starts closed, whatever came before
        with across_practices(db.session):
            set_practice(db.session, two_practices["me"])
            assert _names(select(Participant)) == {"Mine"}  # setting a practice ends the cross-practice read


def _theirs(two_practices) -> Participant:
    """Their participant, loaded across practices, in a session scoped to my practice."""
    row = db.session.scalars(select(Participant).where(Participant.id == two_practices["theirs"]["id"])
                             .execution_options(all_practices=True)).one()
    set_practice(db.session, two_practices["me"])
    return row


def _stored_name(two_practices) -> str:
    db.session.rollback()
    with across_practices(db.session):
        return db.session.get(Participant, two_practices["theirs"]["id"], populate_existing=True).display_name


def test_changing_another_practices_row_raises_and_writes_nothing(app, two_practices):
    with app.app_context():
        row = _theirs(two_practices)
        row.display_name = "Hijacked"
        with pytest.raises(CrossPracticeWrite):
            db.session.flush()
        assert _stored_name(two_practices) == "Theirs"


def test_deleting_another_practices_row_raises(app, two_practices):
    with app.app_context():
        db.session.delete(_theirs(two_practices))
        with pytest.raises(CrossPracticeWrite):
            db.session.flush()
        assert _stored_name(two_practices) == "Theirs"


def test_adding_a_row_for_another_practice_raises(app, two_practices):
    with app.app_context():
        set_practice(db.session, two_practices["me"])
        db.session.add(Participant(display_name="Planted", practice_id=two_practices["them"]))
        with pytest.raises(CrossPracticeWrite):
            db.session.flush()
        db.session.rollback()
        with across_practices(db.session):
            assert _names(select(Participant)) == {"Mine", "Theirs"}


def test_a_new_row_takes_the_callers_practice(app, two_practices):
    with app.app_context():
        set_practice(db.session, two_practices["me"])
        row = Participant(display_name="Stamped")
        db.session.add(row)
        db.session.flush()
        assert row.practice_id == two_practices["me"]
        db.session.rollback()


def test_changing_a_builtin_module_raises(app, admin):
    with app.app_context():
        builtin = db.session.scalars(select(ExerciseModule).where(ExerciseModule.practice_id.is_(None))
                                     .execution_options(all_practices=True)).first()
        title = builtin.title
        set_practice(db.session, admin["practice_id"])
        builtin.title = "Ours now"
        with pytest.raises(CrossPracticeWrite):
            db.session.flush()
        db.session.rollback()
        with across_practices(db.session):
            assert db.session.get(ExerciseModule, builtin.id, populate_existing=True).title == title


def test_the_api_answers_a_cross_practice_write_as_404(app, client, admin, monkeypatch):
    """A service that slipped another practice's row into the unit of work: 404, as if it did not exist."""
    from toolkit.participants import services

    real = services.update_participant

    def slips_in_a_foreign_row(**kwargs):
        other = Participant(display_name="Planted", practice_id="another-practice")
        db.session.add(other)
        return real(**kwargs)

    monkeypatch.setattr(services, "update_participant", slips_in_a_foreign_row)
    created = client.post("/api/v1/participants", json={"display_name": "Someone"}, headers=admin["headers"])
    url = f"/api/v1/participants/{created.get_json()['id']}"
    answer = client.patch(url, json={"display_name": "Renamed"},
                          headers={**admin["headers"], "If-Match": created.headers["ETag"]})
    assert answer.status_code == 404
    assert answer.get_json()["message"] == "Not found."
    assert client.get(url, headers=admin["headers"]).get_json()["display_name"] == "Someone"


def test_the_hooks_are_bound_to_the_apps_session_class_not_sqlalchemys(app, two_practices):
    """A plain SQLAlchemy Session in the same process (a script, a library) is not scoped by the app's hooks;
    the app's session (ToolkitSession) still fails closed."""
    from sqlalchemy.orm import Session

    from toolkit.extensions import ToolkitSession

    with app.app_context():
        assert isinstance(db.session(), ToolkitSession)
        set_practice(db.session, None)
        assert db.session.scalar(select(func.count()).select_from(Participant)) == 0
        with Session(db.engine) as plain:
            assert plain.scalar(select(func.count()).select_from(Participant)) == 2
