"""Broken data is refused with a message that names the file, the line and the fix.

Table-driven: each case copies facts/ and intents/ into a temporary folder, breaks one file,
and checks both `Engine.load` (a `DataError`) and `scrbot check` (exit 2, the same report on
stderr, no traceback). Edits find the line to break by its content rather than its number, so
the cases survive edits elsewhere in the shipped data.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.errors import DataError, Problem

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
INTENTS = ROOT / "intents"


# -- helpers ---------------------------------------------------------------------------------
@dataclass
class Data:
    facts: Path
    intents: Path

    def file(self, rel: str) -> Path:
        return (self.facts if rel.startswith("facts/") else self.intents) / rel.split("/", 1)[1]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def find_line(path: Path, needle: str, after: int = 0) -> int:
    """The 1-based number of the first line after line `after` that contains `needle`."""
    for number, text in enumerate(_lines(path), start=1):
        if number > after and needle in text:
            return number
    raise AssertionError(f"{needle!r} not found in {path.name}: the shipped data changed shape")


def replace_in_line(path: Path, needle: str, old: str, new: str, after: int = 0) -> int:
    """Replace `old` by `new` in the first line containing `needle`; returns that line's number."""
    number = find_line(path, needle, after)
    lines = _lines(path)
    assert old in lines[number - 1], f"{old!r} not in line {number} of {path.name}"
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return number


def delete_line(path: Path, needle: str, after: int = 0) -> int:
    number = find_line(path, needle, after)
    lines = _lines(path)
    del lines[number - 1]
    path.write_text("".join(lines), encoding="utf-8")
    return number


def insert_after(path: Path, needle: str, text: str) -> int:
    """Insert `text` (one line) after the first line containing `needle`; returns its line number."""
    number = find_line(path, needle)
    lines = _lines(path)
    if not lines[number - 1].endswith("\n"):
        lines[number - 1] += "\n"
    lines.insert(number, text if text.endswith("\n") else text + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def append(path: Path, text: str) -> int:
    """Append lines to a file; returns the number of the first appended line."""
    body = path.read_text(encoding="utf-8")
    if not body.endswith("\n"):
        body += "\n"
    first = body.count("\n") + 1
    path.write_text(body + text, encoding="utf-8")
    return first


@pytest.fixture
def data(tmp_path: Path) -> Data:
    facts, intents = tmp_path / "facts", tmp_path / "intents"
    shutil.copytree(FACTS, facts)
    shutil.copytree(INTENTS, intents)
    return Data(facts, intents)


def run_check(facts: Path, intents: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SCRBOT_")}
    environ["PYTHONPATH"] = str(ROOT) + os.pathsep + environ.get("PYTHONPATH", "")
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", "--facts", str(facts), "--intents", str(intents)],
        capture_output=True, text=True, timeout=60, env=environ, cwd=facts.parent,
    )


# -- the cases -------------------------------------------------------------------------------
# Each breaker edits the copied data and returns the lines a good report may name: the edited
# line, or (where the problem belongs to a whole record) the record's first line. None means the
# problem concerns the whole file, so no line is expected.
Breaker = Callable[[Data], "set[int] | None"]


@dataclass(frozen=True)
class Case:
    id: str
    file: str  # "facts/x.yaml" or "intents/x.yaml": the file the report must name
    breaker: Breaker
    message: str  # a fragment the problem's message must contain (case-insensitive)
    fix: str  # a fragment the problem's fix hint must contain (case-insensitive)


def _yaml_syntax(d: Data) -> set[int]:
    # An unclosed flow list: PyYAML notices at the line itself or the next one.
    n = replace_in_line(d.file("facts/periods.yaml"), "start: 2011-04-01", "start: 2011-04-01", "start: [2011-04-01")
    return {n, n + 1}


def _wrong_type(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/figures.yaml"), "published: 71", "71", "seventy")}


def _negative(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/figures.yaml"), "published: 12", "12", "-12")}


def _missing_end(d: Data) -> set[int]:
    path = d.file("facts/periods.yaml")
    record = find_line(path, 'id: "2012/13"')
    removed = delete_line(path, "end: 2013-03-31")
    return {record, removed}


def _unknown_period(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/figures.yaml"), 'period: "2011/12"', "2011/12", "2010/11")}


def _duplicate_period(d: Data) -> set[int]:
    first = append(d.file("facts/periods.yaml"), (
        '\n  - id: "2013/14"\n'
        '    label: "2013/14 again"\n'
        "    start: 2013-04-01\n"
        "    end: 2014-03-31\n"
        "    aliases: []\n"
        '    source: "Between April 2013 and March 2014 there were 114 serious case reviews commissioned"\n'
    ))
    return {first + 1}


def _figure_not_in_source(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/figures.yaml"), "commissioned: 55", "55", "56")}


def _quote_not_in_article(d: Data) -> set[int]:
    path = d.file("facts/periods.yaml")
    return {replace_in_line(path, 'source: "Between 2011 and 2012', "just 12 were", "just 13 were")}


def _empty_file(d: Data) -> None:
    d.file("facts/terms.yaml").write_text("", encoding="utf-8")
    return None


def _unreadable(d: Data) -> None:
    path = d.file("facts/events.yaml")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o644)
        pytest.skip("running with privileges that read a chmod 000 file (e.g. as root)")
    return None


def _not_utf8(d: Data) -> None:
    path = d.file("facts/events.yaml")
    path.write_bytes(path.read_text(encoding="utf-8").replace("events:", "events: # caf\u00e9", 1).encode("latin-1"))
    return None


def _a_folder_not_a_file(d: Data) -> None:
    path = d.file("facts/events.yaml")
    path.unlink()
    path.mkdir()
    return None


def _key_typo(d: Data) -> set[int]:
    path = d.file("facts/figures.yaml")
    return {replace_in_line(path, 'source: "Between 2011 and 2012', "source:", "sorce:")}


def _unknown_person(d: Data) -> set[int]:
    path = d.file("facts/reasons.yaml")
    record = find_line(path, "id: ofsted_evaluation_ended")
    edited = replace_in_line(path, "said_by: sue_woolmore", "sue_woolmore", "sue_wolmore", after=record)
    return {record, edited}


def _unknown_event(d: Data) -> set[int]:
    path = d.file("facts/reasons.yaml")
    return {replace_in_line(path, "event: ofsted_evaluation_ended", "ended", "stopped")}


def _unknown_facts_file(d: Data) -> None:
    shutil.copy(d.file("facts/figures.yaml"), d.facts / "figurs.yaml")
    return None


def _duplicate_intent(d: Data) -> set[int]:
    return {replace_in_line(d.file("intents/meta.yaml"), "id: meta.help", "meta.help", "meta.source")}


def _template_with_year(d: Data) -> set[int]:
    path = d.file("intents/figures.yaml")
    return {replace_in_line(path, "- how many scrs were published", "published", "published in 2013/14")}


def _templates_collide(d: Data) -> set[int]:
    # "serious case reviews" is a synonym of "scr": this repeats figures.count's first template.
    template = "      - how many serious case reviews were published"
    return {insert_after(d.file("intents/meta.yaml"), "- what can you do", template)}


def _unknown_composer(d: Data) -> set[int]:
    return {replace_in_line(d.file("intents/meta.yaml"), "answer: meta.source", "meta.source", "meta.sauce")}


def _lexicon_non_list(d: Data) -> set[int]:
    # A flow list may span lines, so comment the rest of it out rather than cut it.
    return {replace_in_line(d.file("intents/lexicon.yaml"), "fillers: [", "fillers: [", 'fillers: "pls" #[')}


def _uncounted_non_list(d: Data) -> set[int]:
    return {_set_line(d.file("intents/lexicon.yaml"), "not_counted: [", 'not_counted: "councils"')}


def _lexicon_synonyms_non_list(d: Data) -> set[int]:
    return {_set_line(d.file("intents/lexicon.yaml"), "  fall: [", 'fall: "dropped"')}


def _set_line(path: Path, needle: str, text: str) -> int:
    """Replace the whole first line containing `needle` by `text`, keeping its indentation."""
    number = find_line(path, needle)
    lines = _lines(path)
    indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
    lines[number - 1] = indent + text + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number


def _cue_bad_weight(d: Data) -> set[int]:
    return {_set_line(d.file("intents/figures.yaml"), "cues: {total:", "cues: {total: 5}")}


def _cue_not_a_number(d: Data) -> set[int]:
    return {_set_line(d.file("intents/figures.yaml"), "cues: {trend:", "cues: {trend: high}")}


def _bad_date(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/periods.yaml"), "end: 2014-03-31", "2014-03-31", "March 2014")}


def _ends_before_start(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/periods.yaml"), "end: 2013-03-31", "2013-03-31", "2012-03-31")}


def _bad_choice(d: Data) -> set[int]:
    return {replace_in_line(d.file("facts/people.yaml"), "pronoun: she", "she", "shee")}


CASES = [
    Case("yaml-syntax-error", "facts/periods.yaml", _yaml_syntax, "yaml syntax error", "fix the yaml"),
    Case("wrong-type", "facts/figures.yaml", _wrong_type, "whole number", "digits"),
    Case("negative-figure", "facts/figures.yaml", _negative, "whole number", "digits"),
    Case("missing-field", "facts/periods.yaml", _missing_end, "missing 'end'", "end:"),
    Case("unknown-period", "facts/figures.yaml", _unknown_period, "unknown period", "periods.yaml"),
    Case("duplicate-period", "facts/periods.yaml", _duplicate_period, "duplicate period id", "own id"),
    Case("figure-not-in-source", "facts/figures.yaml", _figure_not_in_source, "does not appear", "article.txt"),
    Case("quote-not-in-article", "facts/periods.yaml", _quote_not_in_article, "not in article.txt", "article.txt"),
    Case("empty-file", "facts/terms.yaml", _empty_file, "empty", "restore"),
    Case("unreadable-file", "facts/events.yaml", _unreadable, "cannot read", "permission"),
    Case("not-utf8", "facts/events.yaml", _not_utf8, "cannot read", "utf-8"),
    Case("folder-not-a-file", "facts/events.yaml", _a_folder_not_a_file, "cannot read", "permission"),
    Case("unknown-key-typo", "facts/figures.yaml", _key_typo, "did you mean 'source'", "source"),
    Case("unknown-person", "facts/reasons.yaml", _unknown_person, "unknown person 'sue_wolmore'", "people.yaml"),
    Case("unknown-event", "facts/reasons.yaml", _unknown_event, "unknown event", "events.yaml"),
    Case("unknown-facts-file", "facts/figurs.yaml", _unknown_facts_file, "did you mean 'figures.yaml'", "rename"),
    Case("duplicate-intent", "intents/meta.yaml", _duplicate_intent, "duplicate intent id", "rename"),
    Case("template-with-year", "intents/figures.yaml", _template_with_year, "contains a number", "remove years"),
    Case("templates-collide", "intents/meta.yaml", _templates_collide, "collides with", "reword"),
    Case("unknown-composer", "intents/meta.yaml", _unknown_composer, "unknown answer 'meta.sauce'", "use one of"),
    Case("lexicon-non-list", "intents/lexicon.yaml", _lexicon_non_list, "must be a list", "fillers"),
    Case("lexicon-uncounted-non-list", "intents/lexicon.yaml", _uncounted_non_list, "must be a list", "counted"),
    Case("lexicon-synonym-non-list", "intents/lexicon.yaml", _lexicon_synonyms_non_list, "must be a list", "fall"),
    Case("cue-bad-weight", "intents/figures.yaml", _cue_bad_weight, "cue 'total'", "at most 1"),
    Case("cue-not-a-number", "intents/figures.yaml", _cue_not_a_number, "cue 'trend'", "at most 1"),
    Case("bad-date", "facts/periods.yaml", _bad_date, "must be a date", "yyyy-mm-dd"),
    Case("ends-before-start", "facts/periods.yaml", _ends_before_start, "ends before it starts", "start and end"),
    Case("bad-choice", "facts/people.yaml", _bad_choice, "'pronoun'", "he, she, they"),
]


def _matching(problems: list[Problem], case: Case) -> Problem:
    want = case.message.lower()
    hits = [p for p in problems if want in p.message.lower()]
    listing = "\n".join(str(p) for p in problems)
    assert hits, f"no problem mentions {case.message!r}; got:\n{listing}"
    named = [p for p in hits if p.path.name == Path(case.file).name]
    assert named, f"the problem does not name {case.file}:\n{listing}"
    return named[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_data_is_reported_with_file_line_and_fix(case: Case, data: Data):
    lines = case.breaker(data)
    with pytest.raises(DataError) as caught:
        Engine.load(data.facts, data.intents)
    err = caught.value
    problem = _matching(err.problems, case)
    if lines is None:
        assert problem.line is None, f"expected no line number: {problem}"
    else:
        assert problem.line in lines, f"expected line {sorted(lines)}: {problem}"
    assert case.fix.lower() in problem.fix.lower(), problem
    report = err.report()
    assert str(problem) in report
    where = f"{Path(case.file).name}:{problem.line}:" if problem.line else f"{Path(case.file).name}:"
    assert where in report
    assert "fix:" in report

    result = run_check(data.facts, data.intents)
    assert result.returncode == 2, result.stdout + result.stderr
    assert report in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not result.stdout.startswith("ok")


def test_every_problem_is_reported_not_just_the_first(data: Data):
    _wrong_type(data)
    _figure_not_in_source(data)
    _quote_not_in_article(data)
    with pytest.raises(DataError) as caught:
        Engine.load(data.facts, data.intents)
    assert len(caught.value.problems) >= 3
    assert caught.value.report().startswith(f"{len(caught.value.problems)} problems")


def test_missing_folders_are_data_errors_not_tracebacks(tmp_path: Path):
    with pytest.raises(DataError, match="does not exist"):
        Engine.load(tmp_path / "nope", INTENTS)
    result = run_check(tmp_path / "nope", INTENTS)
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_shipped_data_passes_check(tmp_path: Path):
    result = run_check(FACTS, INTENTS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
    assert re.search(r"\b\d+ periods, \d+ figures\b", result.stdout)
    assert result.stderr == ""


def test_each_record_type_is_declared_once_with_its_checks_beside_it() -> None:
    """The YAML keys of a record are its tuple's fields, in order (a derived `kind` aside): one declaration."""
    from bot.knowledge import model

    for record in (model.Period, model.Measure, model.Person, model.Organisation, model.Reason, model.Statement,
                   model.Event, model.Term, model.Announcement):  # fmt: skip
        keys = tuple(f.name for f in record.FIELDS)
        assert record._fields[: len(keys)] == keys, record.__name__
        assert set(record._fields[len(keys):]) <= {"kind"}, record.__name__
