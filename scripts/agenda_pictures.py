"""Regenerate the README's agenda pictures from the demo retreat: `python scripts/agenda_pictures.py`.

Builds the demo (`flask seed --demo`'s data) in a throw-away SQLite database, renders the retreat's facilitator
PDF and its participant handout with the same code the API uses, and writes the facilitator's page 1 (the
safety status box), the first run sheet and the handout's page 1 as PNGs under docs/. Needs the dev extras
(pypdfium2 renders the PDF pages; Pillow comes with matplotlib).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (audience, page index) -> file under docs/
PICTURES = {("facilitator", 0): "agenda-first-page.png", ("facilitator", 1): "agenda-run-sheet.png",
            ("participant", 0): "demo-retreat-handout.png"}
SCALE = 1.4  # about 100 dpi: readable, small


def demo_pdfs(workdir: Path) -> dict[str, bytes]:
    """The demo retreat's PDFs (A4) by audience."""
    from flask_migrate import upgrade
    from sqlalchemy import select

    from toolkit import create_app
    from toolkit.config import Config

    app = create_app(Config(SQLALCHEMY_DATABASE_URI=f"sqlite:///{workdir / 'demo.db'}", RATELIMIT_ENABLED=False))
    with app.app_context():
        from toolkit.agendas import services
        from toolkit.agendas.pdf import render_pdf
        from toolkit.demo import create_demo
        from toolkit.exercises.seed import load_builtins
        from toolkit.extensions import db
        from toolkit.groups.models import Group
        from toolkit.tenancy import set_practice

        upgrade()
        load_builtins()
        db.session.commit()
        create_demo()
        group = db.session.scalars(select(Group).where(Group.kind == "retreat")
                                   .execution_options(all_practices=True)).first()
        set_practice(db.session, group.practice_id)
        plans = services.plans_of_group(group)
        return {audience: render_pdf(services.build_document(plans=plans, group=group, practice_id=group.practice_id,
                                                             audience=audience, paper="a4"))
                for audience in ("facilitator", "participant")}


def main() -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = {audience: pypdfium2.PdfDocument(data) for audience, data in demo_pdfs(Path(tmp)).items()}
        for (audience, index), name in PICTURES.items():
            image = pdfs[audience][index].render(scale=SCALE).to_pil().quantize(colors=48)  # small PNGs
            target = ROOT / "docs" / name
            image.save(target, optimize=True)
            print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
