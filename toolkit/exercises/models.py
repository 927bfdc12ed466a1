from datetime import datetime

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, event, false, text
from sqlalchemy.orm import Mapped, mapped_column

from ..common.models import IdMixin, PracticeOrShared, TimestampMixin, UTCDateTime
from ..extensions import Model
from .rules import SLUG_COLUMN_LENGTH, TITLE_COLUMN_LENGTH
from .search import module_terms


class ExerciseModule(IdMixin, TimestampMixin, PracticeOrShared, Model):
    """A building block of a session. practice_id NULL = built-in from seed/ (read-only)."""

    __tablename__ = "exercise_modules"
    __table_args__ = (
        Index("uq_exercise_modules_practice_slug", "practice_id", "slug", unique=True),
        Index("uq_exercise_modules_builtin_slug", "slug", unique=True,
              postgresql_where=text("practice_id IS NULL"), sqlite_where=text("practice_id IS NULL")),
    )

    slug: Mapped[str] = mapped_column(String(SLUG_COLUMN_LENGTH), nullable=False)
    title: Mapped[str] = mapped_column(String(TITLE_COLUMN_LENGTH), nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False)
    participant_summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    category: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    steps: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    facilitator_script: Mapped[str] = mapped_column(Text, nullable=False, default="")
    default_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    min_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    max_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    materials: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    suitable_kinds: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    frameworks: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    targets: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    intensity: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    setting: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    contraindications: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    # Module slugs a member should have done (in an earlier session or item) before this one.
    prerequisites: Mapped[list] = mapped_column(JSON, nullable=False, default=list, server_default="[]")
    # A trauma-focused module gated like a `deep` one by a person's unreviewed reliable deterioration.
    gate_on_deterioration: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False,
                                                        server_default=false())
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Full-text search terms (exercises/search.py), kept in step with the text on every write. SQLite indexes
    # them in the FTS5 table exercise_modules_fts (migration i17b); PostgreSQL matches them as a tsvector.
    search_title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    search_body: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __mapper_args__ = {"version_id_col": version}

    @property
    def builtin(self) -> bool:
        return self.practice_id is None


@event.listens_for(ExerciseModule, "before_insert")
@event.listens_for(ExerciseModule, "before_update")
def _search_terms(mapper, connection, module: ExerciseModule) -> None:
    module.search_title, module.search_body = module_terms(
        title=module.title, summary=module.summary, participant_summary=module.participant_summary,
        steps=module.steps, slug=module.slug)
