"""The progress chart for a printed record: the person and the date range in the title; each scored
instrument's scores over time with its verdict ("reliable deterioration: +6, threshold 6"), band boundaries,
the baseline and, hatched, baseline ± the reliable-change threshold; the yes/no screens (ASQ, present crisis,
drug use) as event markers; the time axis clamped to the data. Drawn by matplotlib (SVG backend), readable
in greyscale (black line with markers, grey bands, dashed baseline).

matplotlib costs the web worker tens of MiB once imported, so the worker never imports it: `render_svg`
runs this file as a child process (`python chart.py` reads the chart data as JSON on stdin and writes the
SVG on stdout) and the memory goes when the child ends. This file imports nothing of the toolkit."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

TIMEOUT_SECONDS = 60


class ChartError(RuntimeError):
    pass


def render_svg(data: dict) -> bytes:
    """data: {title, instruments: [{instrument, title, points: [[iso date, score]], bands: [[min, max, label]],
    baseline: score or None, reliable_change: points or None, verdict: text, caseness: score or None,
    max: score}], events: [{instrument, title, points: [[iso date, positive, band]]}]} → SVG bytes."""
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
    import matplotlib

    matplotlib.use("svg")
    matplotlib.rcParams.update({"svg.hashsalt": "toolkit-progress", "svg.fonttype": "none",
                                "font.family": "DejaVu Sans", "font.size": 9})
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    instruments = data["instruments"]
    events = data.get("events") or []
    every = [date.fromisoformat(p[0][:10]) for inst in instruments + events for p in inst["points"]]
    rows = max(1, len(instruments)) + (1 if events else 0)
    fig, axes = plt.subplots(rows, 1, figsize=(7, 2.6 * rows), squeeze=False)
    greys = ["#f2f2f2", "#dddddd", "#c8c8c8", "#b3b3b3", "#9e9e9e", "#8a8a8a"]
    panels = list(axes[:, 0])
    if events:
        _events(panels.pop(), events)
    for ax, inst in zip(panels, instruments or [None], strict=False):
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
        baseline, threshold = inst.get("baseline"), inst.get("reliable_change")
        if baseline is not None:
            base = ax.axhline(baseline, color="black", linestyle="--", linewidth=1, zorder=2,
                              label=f"baseline {baseline}")
            base.set_gid(f"baseline-{inst['instrument']}")
            if threshold is not None:  # a score on or beyond the shade's edge is a reliable change
                shade = ax.axhspan(baseline - threshold, baseline + threshold, facecolor="none",
                                   edgecolor="#777777", hatch="///", linewidth=0, zorder=1,
                                   label=f"baseline \u00b1 {threshold} (reliable change)")
                shade.set_gid(f"reliable-band-{inst['instrument']}")
        if inst.get("caseness") is not None:
            ax.axhline(inst["caseness"] - 0.5, color="#555555", linestyle=":", linewidth=1, zorder=2,
                       label=f"caseness {inst['caseness']}+")
        for d, s in zip(dates, scores, strict=True):
            ax.annotate(str(s), (d, s), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7)
        ax.set_ylim(-0.5, top + 0.5)
        ax.set_title(f"{inst['title']}: {inst.get('verdict') or 'no verdict'}", loc="left", fontsize=10)
        ax.set_ylabel("score")
        ax.legend(loc="upper left", fontsize=7, frameon=False)
    for ax in axes[:, 0]:
        _time_axis(ax, every, mdates)
    fig.suptitle(data.get("title", "Progress"), x=0.01, ha="left", fontsize=11)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.35 / (2.6 * rows)))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, **({"metadata": {"Date": None}} if fmt == "svg" else {"dpi": 110}))
    plt.close(fig)
    return buffer.getvalue()


def _time_axis(ax, every: list, mdates) -> None:
    """The time axis clamped to the data (a day either side), the same on every panel."""
    if not every:
        return
    ax.set_xlim(min(every) - timedelta(days=1), max(every) + timedelta(days=1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    if len(set(every)) <= 3:
        ax.set_xticks(sorted(set(every)))


def _events(ax, events: list) -> None:
    """Yes/no screens (ASQ, present crisis, drug use) as events on one row each: a filled black diamond for
    a positive screen, a hollow circle for a negative one."""
    for row, inst in enumerate(events):
        positive = [date.fromisoformat(p[0][:10]) for p in inst["points"] if p[1]]
        negative = [date.fromisoformat(p[0][:10]) for p in inst["points"] if not p[1]]
        group = ax.scatter(positive, [row] * len(positive), marker="D", color="black", s=30, zorder=3,
                           label="positive" if row == 0 else None)
        group.set_gid(f"events-{inst['instrument']}")
        ax.scatter(negative, [row] * len(negative), marker="o", facecolors="none", edgecolors="black", s=25, zorder=3,
                   label="negative" if row == 0 else None)
    ax.set_yticks(range(len(events)), [e["title"] for e in events], fontsize=7)
    ax.set_ylim(-0.7, len(events) - 0.3)
    ax.set_title("Crisis and substance screens (events: positive or negative)", loc="left", fontsize=10)
    ax.legend(loc="upper left", fontsize=7, frameon=False)


if __name__ == "__main__":
    sys.stdout.buffer.write(draw(json.loads(sys.stdin.buffer.read())))
