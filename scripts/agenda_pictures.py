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
    from tests.factories import demo_retreat
    from toolkit.agendas.pdf import render_pdf

    with demo_retreat(workdir / "demo.db") as build:
        return {audience: render_pdf(build(audience)) for audience in ("facilitator", "participant")}


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
