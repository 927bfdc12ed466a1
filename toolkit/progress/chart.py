"""The progress chart: each instrument's scores over time, its band boundaries and the baseline, drawn by
matplotlib (Agg/SVG backend), readable in greyscale (black line with markers, grey bands, dashed baseline).

matplotlib costs the web worker tens of MiB once imported, so the worker never imports it: `render_svg`
runs this file as a child process (`python chart.py` reads the chart data as JSON on stdin and writes the
SVG on stdout) and the memory goes when the child ends. This file imports nothing of the toolkit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 60


class ChartError(RuntimeError):
    pass


def render_svg(data: dict) -> bytes:
    """data: {title, instruments: [{instrument, title, points: [[iso date, score]], bands: [[min, max, label]],
    baseline: score or None, caseness: score or None, max: score}]} → SVG bytes."""
    env = {"PATH": os.environ.get("PATH", ""), "MPLBACKEND": "svg", "MPLCONFIGDIR": _config_dir(),
           "PYTHONHASHSEED": "0", "HOME": _config_dir()}
    done = subprocess.run([sys.executable, "-I", str(Path(__file__).resolve())], input=json.dumps(data).encode(),
                          capture_output=True, timeout=TIMEOUT_SECONDS, env=env, check=False)
    if done.returncode != 0:
        raise ChartError(done.stderr.decode(errors="replace")[-500:])
    return done.stdout


def _config_dir() -> str:
    path = Path(tempfile.gettempdir()) / f"toolkit-matplotlib-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return str(path)


def draw(data: dict, fmt: str = "svg") -> bytes:
    """Draw in this process (the child's path; tests of the drawing call it directly too)."""
    import io
    from datetime import date

    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update({"svg.hashsalt": "toolkit-progress", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9})
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    instruments = data["instruments"]
    rows = max(1, len(instruments))
    fig, axes = plt.subplots(rows, 1, figsize=(7, 2.6 * rows), squeeze=False)
    greys = ["#f2f2f2", "#dddddd", "#c8c8c8", "#b3b3b3", "#9e9e9e", "#8a8a8a"]
    for ax, inst in zip(axes[:, 0], instruments or [None], strict=False):
        if inst is None:
            ax.text(0.5, 0.5, "No scored screenings yet", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            continue
        top = inst.get("max") or max([p[1] for p in inst["points"]] + [1])
        for i, (low, high, label) in enumerate(inst.get("bands") or []):
            ax.axhspan(low - 0.5, high + 0.5, color=greys[i % len(greys)], zorder=0, linewidth=0)
            ax.text(1.005, (low + high) / 2, label, transform=ax.get_yaxis_transform(), va="center", fontsize=7,
                    color="#333333")
        dates = [date.fromisoformat(p[0][:10]) for p in inst["points"]]
        scores = [p[1] for p in inst["points"]]
        (line,) = ax.plot(dates, scores, color="black", marker="o", markersize=5, linewidth=1.5, zorder=3,
                          label="score")
        line.set_gid(f"scores-{inst['instrument']}")
        if inst.get("baseline") is not None:
            base = ax.axhline(inst["baseline"], color="black", linestyle="--", linewidth=1, zorder=2,
                              label=f"baseline {inst['baseline']}")
            base.set_gid(f"baseline-{inst['instrument']}")
        if inst.get("caseness") is not None:
            ax.axhline(inst["caseness"] - 0.5, color="#555555", linestyle=":", linewidth=1, zorder=2,
                       label=f"caseness {inst['caseness']}+")
        for d, s in zip(dates, scores, strict=True):
            ax.annotate(str(s), (d, s), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7)
        ax.set_ylim(-0.5, top + 0.5)
        ax.set_title(inst["title"], loc="left", fontsize=10)
        ax.set_ylabel("score")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        if len(dates) == 1:
            ax.set_xticks(dates)
        ax.legend(loc="upper left", fontsize=7, frameon=False)
    fig.suptitle(data.get("title", "Progress"), x=0.01, ha="left", fontsize=11)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / (2.6 * rows)))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, **({"metadata": {"Date": None}} if fmt == "svg" else {"dpi": 110}))
    plt.close(fig)
    return buffer.getvalue()


if __name__ == "__main__":
    sys.stdout.buffer.write(draw(json.loads(sys.stdin.buffer.read())))
