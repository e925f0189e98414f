"""The compiled-engine cache: faster starts, never stale, never in the way."""

import shutil
import subprocess
import sys

import pytest
from conftest import FACTS, INTENTS, ROOT

from bot import compiled
from bot.conversation import Context
from bot.engine import Engine

QUESTION = "how many SCRs were published in 2013/14?"


@pytest.fixture
def data(tmp_path, monkeypatch):
    facts, intents = tmp_path / "facts", tmp_path / "intents"
    shutil.copytree(FACTS, facts)
    shutil.copytree(INTENTS, intents)
    monkeypatch.setenv("SCRBOT_CACHE_DIR", str(tmp_path / "cache"))
    return facts, intents, tmp_path / "cache"


def test_a_second_start_is_served_from_the_cache_with_the_same_answers(data):
    facts, intents, cache = data
    first = Engine.load_cached(facts, intents)
    assert len(list(cache.glob("engine-*.pickle"))) == 1
    second = compiled.load(facts, intents)
    assert second is not None
    for question in (QUESTION, "and the previous year?", "wat drove teh increase", "who won the match?"):
        assert first.reply(question, Context(), now=0)[0].to_json(question) == second.reply(
            question, Context(), now=0
        )[0].to_json(question)


def test_editing_the_data_is_never_answered_from_a_stale_cache(data):
    facts, intents, _ = data
    Engine.load_cached(facts, intents)
    figures = facts / "figures.yaml"
    figures.write_text(figures.read_text().replace("- period: \"2011/12\"", "- period: \"2011/12\"  # edited"))
    assert compiled.load(facts, intents) is None  # the fingerprint changed
    figures.write_text(figures.read_text().replace("published: 71", "published: 72"))
    with pytest.raises(Exception) as caught:  # and the edit is validated, not served
        Engine.load_cached(facts, intents)
    assert "figures.yaml" in str(caught.value)


def test_a_damaged_cache_is_rebuilt_silently(data):
    facts, intents, cache = data
    Engine.load_cached(facts, intents)
    (path,) = cache.glob("engine-*.pickle")
    path.write_bytes(b"not a pickle")
    engine = Engine.load_cached(facts, intents)
    assert "71" in engine.reply(QUESTION, Context())[0].text
    assert compiled.load(facts, intents) is not None


def test_the_cache_can_be_switched_off(data, monkeypatch):
    facts, intents, cache = data
    monkeypatch.setenv("SCRBOT_CACHE_DIR", "off")
    Engine.load_cached(facts, intents)
    assert not cache.exists()


def test_scrbot_check_always_validates_the_files_themselves(data):
    facts, intents, cache = data
    env = {"PATH": "/usr/bin:/bin", "SCRBOT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    ask = [sys.executable, "-m", "bot", "ask", "--facts", str(facts), "--intents", str(intents), QUESTION]
    assert "71" in subprocess.run(ask, env=env, capture_output=True, text=True, check=True).stdout
    assert list(cache.glob("engine-*.pickle"))
    (facts / "periods.yaml").write_text("periods: [")  # broken YAML
    check = [sys.executable, "-m", "bot", "check", "--facts", str(facts), "--intents", str(intents)]
    done = subprocess.run(check, env=env, capture_output=True, text=True)
    assert done.returncode == 2 and "periods.yaml" in done.stderr
    done = subprocess.run(ask, env=env, capture_output=True, text=True)
    assert done.returncode == 2 and "periods.yaml" in done.stderr


def test_answering_from_the_cache_imports_no_yaml_parser(data):
    facts, intents, cache = data
    Engine.load_cached(facts, intents)
    code = (
        "import sys; from pathlib import Path; from bot.engine import Engine;"
        f"e = Engine.load_cached(Path({str(facts)!r}), Path({str(intents)!r}));"
        "print('yaml' in sys.modules)"
    )
    env = {"PATH": "/usr/bin:/bin", "SCRBOT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
