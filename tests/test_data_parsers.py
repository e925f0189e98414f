"""The data files parse the same with libyaml and with pure-Python PyYAML: the bot uses the C loader
when it is installed and the pure one when it is not, and the two disagree on some plain scalars (a `?`
inside a flow list is a key to one and text to the other)."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("facts/*.yaml"), *ROOT.glob("intents/**/*.yaml")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_parses_without_libyaml(path):
    text = path.read_text(encoding="utf-8")
    pure = yaml.load(text, Loader=yaml.SafeLoader)
    if hasattr(yaml, "CSafeLoader"):
        assert pure == yaml.load(text, Loader=yaml.CSafeLoader), f"{path.name} reads differently under libyaml"
