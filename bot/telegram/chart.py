"""The chart Telegram sends is the one `scrbot chart` draws (bot/chart.py); kept here for old imports."""

from ..chart import figures_chart, source_line

__all__ = ["figures_chart", "source_line"]
