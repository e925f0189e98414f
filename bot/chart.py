"""A bar chart of the figures, drawn from the fact base with matplotlib's Agg backend (no screen needed).

The image says what it shows (England, financial years April to March) and where the figures come
from, so a chart passed on without its caption still carries its source.
"""

from __future__ import annotations

import io
from pathlib import Path

from .knowledge.article import Article
from .knowledge.model import FactBase


class ChartError(Exception):
    """The chart could not be drawn or written; the message is safe to show."""


def figure_sources(facts: FactBase) -> list[Article]:
    """The source documents the figures are quoted from, in the fact base's order."""
    used = {f.source.source for f in facts.figures.values()}
    return [d for d in facts.sources if d.id in used] or [facts.article]


def source_line(facts: FactBase) -> str:
    """'Source: ...' naming every document the figures come from."""
    documents = figure_sources(facts)
    return ("Source: " if len(documents) == 1 else "Sources: ") + "; ".join(d.citation() for d in documents)


def title(facts: FactBase) -> str:
    span = f"{facts.periods[0].label} to {facts.periods[-1].label}" if facts.periods else ""
    return f"Serious case reviews in England, financial years (April to March) {span}".strip()


def figures_chart(facts: FactBase) -> bytes:
    """PNG bytes: commissioned and published SCRs by financial year, values labelled on the bars."""
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [p.label for p in facts.periods]
    fig = Figure(figsize=(7, 4.6), dpi=110)
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(facts.measures))
    colours = ["#1f4e79", "#e07b39", "#5b9a68", "#8064a2"]
    for i, measure in enumerate(facts.measures):
        values = [(facts.value(p.id, measure.id).value if facts.value(p.id, measure.id) else 0) for p in facts.periods]
        xs = [x + (i - (len(facts.measures) - 1) / 2) * width for x in range(len(labels))]
        bars = ax.bar(xs, values, width, label=measure.label.capitalize(), color=colours[i % len(colours)])
        ax.bar_label(bars, padding=2, fontsize=9)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_xlabel("Financial year (April to March)")
    ax.set_ylabel("Serious case reviews")
    ax.set_title(title(facts), fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    ax.margins(y=0.15)
    fig.text(0.01, 0.01, textwrap.fill(source_line(facts), 110), fontsize=7, color="#555555", va="bottom")
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Title": title(facts), "Source": source_line(facts)})
    return buffer.getvalue()


def save_chart(facts: FactBase, target: str | Path) -> Path:
    """Write the PNG to `target` (a file, or a folder to put scrbot-chart.png in); return its full path."""
    path = Path(target).expanduser()
    if path.is_dir():
        path = path / "scrbot-chart.png"
    if not path.parent.is_dir():
        raise ChartError(f"the folder {path.parent} does not exist")
    try:
        png = figures_chart(facts)
    except ImportError as exc:
        raise ChartError(f"matplotlib is not installed ({exc.name})") from None
    try:
        path.write_bytes(png)
    except OSError as exc:
        raise ChartError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path.resolve()
