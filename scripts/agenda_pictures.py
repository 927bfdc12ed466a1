"""Regenerate the README's agenda pictures from the demo retreat: `python scripts/agenda_pictures.py`.

Builds the demo (`flask seed --demo`'s data) in a throw-away SQLite database, renders the retreat's facilitator
PDF, its roster page and its participant handout with the same code the API uses, and writes the facilitator's
page 1 (the safety status box and the "What to do" box of the member on a crisis hold), the first run sheet,
the roster and the handout's page 1 as PNGs under docs/; then the offline pack's index.html, unpacked with its
charts, as Chromium shows it (skipped when chromium is not installed). Needs the dev extras (pypdfium2 renders
the PDF pages; Pillow comes with matplotlib).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (document, page index) -> file under docs/
PICTURES = {("facilitator", 0): "agenda-first-page.png", ("facilitator", 2): "agenda-run-sheet.png",
            ("roster", 0): "agenda-roster.png", ("participant", 0): "demo-retreat-handout.png"}
PACK_INDEX = "pack-index.png"
SCALE = 1.4  # about 100 dpi: readable, small


def demo_files(workdir: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The demo retreat's PDFs (A4) by document, and the offline pack's index with its charts."""
    from sqlalchemy import select

    from tests.factories import demo_app
    from toolkit.agendas import pack, services
    from toolkit.agendas.html import render_html
    from toolkit.agendas.pdf import render_pdf, write_pdf
    from toolkit.auth.models import Practice, Therapist
    from toolkit.extensions import db
    from toolkit.groups.models import Group
    from toolkit.tenancy import set_practice

    with demo_app(workdir / "demo.db") as app, app.app_context():
        group = db.session.scalars(select(Group).where(Group.kind == "retreat")
                                   .execution_options(all_practices=True)).first()
        set_practice(db.session, group.practice_id)
        plans = services.plans_of_group(group)

        def build(audience: str):
            return services.build_document(plans=plans, group=group, practice_id=group.practice_id,
                                           audience=audience, paper="a4")

        facilitator = build("facilitator")
        pdfs = {"facilitator": render_pdf(facilitator), "participant": render_pdf(build("participant")),
                "roster": write_pdf(render_html(facilitator, roster_only=True))}
        actor = db.session.scalars(select(Therapist).where(Therapist.role == "admin")).first()
        spec = pack.pack_spec(group=group, practice=db.session.get(Practice, group.practice_id), paper="a4",
                              actor=actor)
        files = {"index.html": spec["files"]["index.html"].encode()}
        files.update({name: pack._chart(data) for name, data in spec["charts"].items()})
        return pdfs, files


def _index_picture(files: dict[str, bytes], workdir: Path) -> None:
    chromium = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
    if chromium is None:
        print("chromium is not installed: the pack index picture is left as it was")
        return
    folder = workdir / "pack"
    for name, body in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body)
    shot = workdir / "index.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={workdir / 'profile'}", "--window-size=900,1150",
                    f"--screenshot={shot}", (folder / "index.html").as_uri()], check=True, capture_output=True,
                   timeout=120)
    from PIL import Image

    target = ROOT / "docs" / PACK_INDEX
    Image.open(shot).quantize(colors=64).save(target, optimize=True)
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")


def main() -> None:
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        data, files = demo_files(Path(tmp))
        pdfs = {name: pypdfium2.PdfDocument(body) for name, body in data.items()}
        for (name, index), picture in PICTURES.items():
            image = pdfs[name][index].render(scale=SCALE).to_pil().quantize(colors=48)  # small PNGs
            target = ROOT / "docs" / picture
            image.save(target, optimize=True)
            print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
        _index_picture(files, Path(tmp))


if __name__ == "__main__":
    main()
