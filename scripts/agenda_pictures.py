"""Regenerate the README's agenda pictures from the demo retreat: `python scripts/agenda_pictures.py`.

Builds the demo (`flask seed --demo`'s data) in a throw-away SQLite database, renders the retreat's facilitator
PDF with the same code the API uses, and writes page 1 (the safety status box) and the first run sheet as PNGs
under docs/. Needs the dev extras (pypdfium2 renders the PDF pages; Pillow comes with matplotlib).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PICTURES = {0: "agenda-first-page.png", 1: "agenda-run-sheet.png"}  # page index -> file under docs/
SCALE = 1.4  # about 100 dpi: readable, small


def demo_pdf(workdir: Path, *, detail: str = "plans") -> bytes:
    """The demo retreat's facilitator PDF (A4)."""
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
        doc = services.build_document(plans=services.plans_of_group(group), group=group,
                                      practice_id=group.practice_id, audience="facilitator", paper="a4", detail=detail)
        return render_pdf(doc)


def main() -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        pdf = pypdfium2.PdfDocument(demo_pdf(Path(tmp)))
        for index, name in PICTURES.items():
            image = pdf[index].render(scale=SCALE).to_pil().convert("L")  # greyscale: the box must survive it
            target = ROOT / "docs" / name
            image.save(target, optimize=True)
            print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
