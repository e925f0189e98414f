"""Knowledge from several source documents: each with what is known of it (nothing invented), every
fact citing its document and sentence, /source and the chart naming it; and the lexicon's own checks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.conversation import Context
from bot.engine import Engine
from bot.knowledge.errors import DataError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    folder = tmp_path / "facts"
    shutil.copytree(ROOT / "facts", folder)
    return folder


def _add_source(facts: Path, entry: str, text: str | None = None, name: str = "second.txt") -> None:
    if text is not None:
        (facts / name).write_text(text, encoding="utf-8")
    path = facts / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")


def _problems(facts: Path, intents: Path = ROOT / "intents") -> str:
    with pytest.raises(DataError) as caught:
        Engine.load(facts, intents)
    return caught.value.report()


def test_every_fact_cites_a_document_and_a_sentence_of_it(engine: Engine) -> None:
    facts = engine.facts
    cited = [f.source for f in facts.figures.values()] + [p.source for p in facts.periods]
    cited += [s for r in facts.reasons for s in r.sources] + [e.source for e in facts.events]
    for sentence in cited:
        document = facts.source(sentence.source)
        assert document is not None and document.line(sentence.line) == sentence


def test_the_shipped_article_records_no_invented_details(engine: Engine) -> None:
    article = engine.facts.sources[0]
    assert article is engine.facts.article and article.path.name == "article.txt"
    assert (article.title, article.publisher, article.date, article.url) == ("", "", "", "")
    assert article.citation() == "article.txt (its title, publisher, date and address are not recorded)"


def test_where_is_this_from_gives_a_usable_citation(engine: Engine) -> None:
    reply, context = engine.reply("how many SCRs were published in 2013/14?", Context())
    source, _ = engine.reply("where is this from?", context)
    assert source.intent == "meta.source"
    assert "not recorded" in source.text and "Between April 2013 and March 2014" in source.text
    assert source.sources and all(s.source == "article" for s in source.sources)
    assert reply.to_json("q")["sources"][0]["source"] == "article"
    assert reply.to_json("q")["sources"][0]["id"] == f"article:{reply.sources[0].line}"


def test_a_second_document_is_cited_with_what_is_known_of_it(facts: Path) -> None:
    sentence = "Between April 2014 and March 2015 there were 200 serious case reviews commissioned and 90 published."
    _add_source(facts, '  - id: second\n    file: second.txt\n    title: "A report"\n    publisher: "A department"\n'
                '    date: "2015-10-29"\n    url: "https://example.org/report"\n', sentence + "\n")
    periods = facts / "periods.yaml"
    periods.write_text(periods.read_text(encoding="utf-8") + '  - id: "2014/15"\n    label: "2014/15"\n'
                       "    start: 2014-04-01\n    end: 2015-03-31\n    aliases: []\n"
                       '    source: "Between April 2014 and March 2015"\n', encoding="utf-8")
    figures = facts / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8") + '  - period: "2014/15"\n    commissioned: 200\n'
                       f'    published: 90\n    source: "{sentence}"\n', encoding="utf-8")
    engine = Engine.load(facts, ROOT / "intents")
    reply, context = engine.reply("how many SCRs were published in 2014/15?", Context())
    assert re.search(r"\b90\b", reply.text) and reply.sources[0].source == "second"
    cited, _ = engine.reply("/source", context)
    assert "“A report”, A department, 2015-10-29, https://example.org/report:" in cited.text
    general, _ = engine.reply("where do the figures come from?", Context())
    assert "2 sources" in general.text and "A report" in general.text
    from bot.chart import source_line

    assert source_line(engine.facts).startswith("Sources: article.txt (its title") and "A report" in source_line(
        engine.facts
    )


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("  - id: second\n    file: missing.txt\n", "missing.txt: the source document is missing"),
        ('  - id: second\n    file: second.txt\n    date: "last spring"\n', "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("  - id: second\n    file: second.txt\n    author: someone\n", "unknown key 'author'"),
        ("  - id: article\n    file: second.txt\n", "duplicate source id 'article'"),
        ("  - id: Second Doc\n    file: second.txt\n", "is not a short name"),
    ],
)
def test_a_bad_source_entry_names_file_line_and_fix(facts: Path, entry: str, says: str) -> None:
    _add_source(facts, entry, "One sentence.\n")
    assert says in _problems(facts)


def test_a_quote_in_no_document_names_the_facts_folder_given(facts: Path) -> None:
    figures = facts / "figures.yaml"
    figures.write_text(figures.read_text(encoding="utf-8").replace("just 12 were published", "just 13 were published"),
                       encoding="utf-8")
    report = _problems(facts)
    assert "is not in article.txt" in report and f"in {facts}" in report
    assert "facts/article.txt" not in report.replace(str(facts), "DIR")


def test_error_hints_in_the_loader_hold_no_real_figure() -> None:
    code = (ROOT / "bot" / "knowledge" / "facts.py").read_text(encoding="utf-8")
    hints = " ".join(re.findall(r'"[^"\n]*"', code))
    for figure in ("55", "81", "114", "12", "31", "71"):
        assert not re.search(rf"(?<![\d.]){figure}(?![\d.])", hints), figure


def test_a_synonym_under_two_canonical_words_is_refused(tmp_path: Path) -> None:
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    lexicon = intents / "lexicon.yaml"
    text = lexicon.read_text(encoding="utf-8")
    lexicon.write_text(text.replace('"figure", "data"]', '"figure", "data", "totals"]', 1), encoding="utf-8")
    report = _problems(ROOT / "facts", intents)
    assert "'totals' is a synonym of both 'number'" in report and "and 'total'" in report
    assert re.search(r"lexicon\.yaml:\d+: 'totals'", report)


def test_ask_sources_names_the_document(tmp_path: Path) -> None:
    from test_cli import scrbot

    result = scrbot("ask", "--sources", "how many SCRs were published in 2013/14?", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Source:\n  [article line " in result.stdout


def test_scrbot_chart_writes_a_png_that_says_what_it_shows_and_its_source(tmp_path: Path) -> None:
    from test_cli import scrbot

    out = tmp_path / "figures.png"
    result = scrbot("chart", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    png = out.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Serious case reviews in England, financial years (April to March) 2011/12 to 2013/14" in png
    assert b"Source: article.txt (its title, publisher, date and address are not recorded)" in png
    missing = scrbot("chart", "-o", str(tmp_path / "no" / "x.png"), cwd=tmp_path)
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
