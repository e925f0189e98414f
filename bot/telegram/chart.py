"""A bar chart of the figures, drawn from the fact base with matplotlib's Agg backend (no screen needed)."""

from __future__ import annotations

import io

from ..knowledge.model import FactBase


def figures_chart(facts: FactBase) -> bytes:
    """PNG bytes: commissioned and published SCRs by financial year, values labelled on the bars."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    labels = [p.label for p in facts.periods]
    fig = Figure(figsize=(7, 4.2), dpi=110)
    ax = fig.add_subplot()
    width = 0.8 / max(1, len(facts.measures))
    colours = ["#1f4e79", "#e07b39", "#5b9a68", "#8064a2"]
    for i, measure in enumerate(facts.measures):
        values = [(facts.value(p.id, measure.id).value if facts.value(p.id, measure.id) else 0) for p in facts.periods]
        xs = [x + (i - (len(facts.measures) - 1) / 2) * width for x in range(len(labels))]
        bars = ax.bar(xs, values, width, label=measure.label.capitalize(), color=colours[i % len(colours)])
        ax.bar_label(bars, padding=2, fontsize=9)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("Serious case reviews")
    ax.set_title("Serious case reviews by financial year (April to March)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    ax.margins(y=0.15)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
