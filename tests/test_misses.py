"""`scrbot misses` and `scrbot stats`: grouping similar questions, the advice on what to edit, the usage
figures, and which commands record at all (`chat` and `run` do; `ask` does not)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.misses import advise, group_misses, misses_json, misses_report, render_misses, similarity, template_for
from bot.proving import Prover, insert_template
from bot.state.questions import Asked, DayCount
from bot.stats import compute, render_stats, stats_json

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval" / "questions.yaml"
T0 = 1_700_000_000.0
DAY = 86400.0


def miss(text: str, kind: str = "decline", when: float = T0, candidates=()) -> Asked:
    return Asked(when, "private", kind, "clarify" if kind == "clarify" else None, 0.4, text, tuple(candidates))


# -- grouping -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("how many scrs were approved in 2012/13", "how many scrs were approved last year"),
        ("how many scrs were approved in 2012/13", "how many scrs got approved"),
        ("what is the weather today", "weather today"),
    ],
)
def test_the_same_question_worded_differently_is_similar(a: str, b: str) -> None:
    assert similarity(a, b) >= 80


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("what is the weather", "what is the rate"),  # only function words in common
        ("how many trains were there", "how many scrs were approved"),
        ("who is the minister", "who is edward timpson"),
    ],
)
def test_different_questions_are_not_similar(a: str, b: str) -> None:
    assert similarity(a, b) < 80


def test_misses_are_grouped_most_frequent_first() -> None:
    misses = [
        miss("what is the weather", when=T0),
        miss("how many scrs were approved in 2012/13", when=T0 + 1, candidates=[("figures.count", 0.4)]),
        miss("how many scrs got approved", when=T0 + 2, candidates=[("figures.count", 0.35), ("figures.total", 0.3)]),
        miss("how many scrs were approved in 2012/13", when=T0 + 3),
        miss("weather today", when=T0 + 4),
        miss("how many trains were there", when=T0 + 5),
        miss("scrs in 2015/16", "clarify", when=T0 + 6),
    ]
    groups = group_misses(misses)
    assert [(g.count, g.text) for g in groups] == [
        (3, "how many scrs were approved in 2012/13"),
        (2, "what is the weather"),
        (1, "scrs in 2015/16"),  # most recent first among equals
        (1, "how many trains were there"),
    ]
    approved = groups[0]
    assert approved.examples == {"how many scrs were approved in 2012/13": 2, "how many scrs got approved": 1}
    assert approved.scores == {"figures.count": 0.4, "figures.total": 0.3}
    assert (approved.first, approved.last) == (T0 + 1, T0 + 3)
    assert groups[2].kinds == {"clarify": 1}


def test_templates_never_hold_periods() -> None:
    assert template_for("how many scrs were approved in 2012/13") == "how many scrs were approved"
    assert template_for("how many scrs were approved last year") == "how many scrs were approved"
    assert template_for("what happened between april 2013 and march 2014") == "what happened"


# -- advice ---------------------------------------------------------------------------------------------


EXPERT = "who waved away the panel"  # a miss today; two intents can be taught it (terms.define, reasons.counter)


def test_a_proven_edit_names_the_intent_file_and_the_templates_list(engine: Engine, tmp_path: Path) -> None:
    [group] = group_misses([miss(EXPERT + "?", "clarify")])
    advice = advise(group, engine, prover=Prover(engine, EVAL, 0.8))
    assert advice.action == "add_template" and advice.proven
    assert advice.template == EXPERT
    counter = engine.intents.get("reasons.counter")
    assert f'add "{EXPERT}" to the templates: list of ' in advice.text
    assert f"reasons.counter in intents/reasons.yaml (the intent starts at line {counter.line})" in advice.text
    assert "Proven on a copy of the data" in advice.text and "choose the intent" in advice.text
    assert advice.now_kind == "clarify"
    # Following the advice literally does what it promised.
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    target = intents / "reasons.yaml"
    target.write_text(insert_template(target.read_text(encoding="utf-8"), counter.line, advice.template),
                      encoding="utf-8")
    reply, _ = Engine.load(ROOT / "facts", intents).reply(EXPERT + "?")
    assert reply.kind == "answer" and reply.intent == "reasons.counter"


def test_an_edit_that_would_change_an_evaluation_answer_is_not_shown(engine: Engine, tmp_path: Path) -> None:
    evaluation = tmp_path / "eval.yaml"
    evaluation.write_text(f"- q: {EXPERT}\n  intent: null\n", encoding="utf-8")  # the set wants a decline
    [group] = group_misses([miss(EXPERT, "clarify")])
    advice = advise(group, engine, prover=Prover(engine, evaluation, 0.8))
    assert advice.action != "add_template" and not advice.proven
    assert "add \"" + EXPERT + "\" to the templates" not in advice.text
    assert any("answer of the evaluation set would change" in t for t in advice.tried)


def test_a_word_the_lexicon_does_not_count_gets_no_template_advice(engine: Engine) -> None:
    """The old advice ('add how many did councils publish to figures.count') changed nothing, forever."""
    [group] = group_misses([miss("how many councils published scrs in 2013/14")])
    advice = advise(group, engine, prover=Prover(engine, EVAL, 0.8))
    assert advice.action == "lexicon" and not advice.proven
    assert "not_counted" in advice.text and "lexicon.yaml" in advice.text
    assert "templates: list" not in advice.text


def test_unknown_words_need_a_lexicon_entry(engine: Engine) -> None:
    [group] = group_misses([miss("how many scrs were approved in 2012/13")])
    advice = advise(group, engine, prover=Prover(engine, EVAL, 0.8))
    assert advice.action == "lexicon"
    assert advice.unknown_words == ("approved",)
    assert "synonyms: in" in advice.text and "lexicon.yaml" in advice.text


def test_a_chart_request_is_not_sent_to_people_who(engine: Engine) -> None:
    [group] = group_misses([miss("show me a chart", "clarify", candidates=[("people.who", 0.64)])])
    advice = advise(group, engine, prover=Prover(engine, EVAL, 0.8))
    assert advice.action == "new_fact_or_intent"
    assert "people.who" not in advice.text and advice.template is None


def test_a_decline_with_no_close_intent_needs_no_template(engine: Engine) -> None:
    [group] = group_misses([miss("how many trains were there")])
    advice = advise(group, engine, prover=Prover(engine, EVAL, 0.8))
    assert advice.action == "lexicon" and advice.nearest is None
    assert "trains" in advice.text and "outside the article, nothing to fix" in advice.text


def test_a_subject_outside_the_article_needs_nothing(engine: Engine) -> None:
    [group] = group_misses([miss("how many scrs were there in scotland in 2013/14")])
    assert advise(group, engine).action == "outside"


def test_commands_and_bare_follow_ups_are_not_grouped_together(engine: Engine) -> None:
    groups = group_misses([miss("/about", "clarify"), miss("what about 2010/11"), miss("about")])
    assert len(groups) == 3
    report = misses_report([miss("/about", "clarify"), miss("what about 2010/11")], engine, 30)
    actions = {g.text: a.action for g, a in report.groups}
    assert actions == {"/about": "nothing", "what about 2010/11": "nothing"}
    assert "templates: list" not in render_misses(report)


def test_a_right_no_data_answer_is_not_a_miss(engine: Engine) -> None:
    misses = [miss("how many scrs were published in 2015/16"), miss("how many trains were there")]
    report = misses_report(misses, engine, 30)
    assert [g.text for g, _ in report.open] == ["how many trains were there"]
    assert [g.text for g, _ in report.no_data] == ["how many scrs were published in 2015/16"]
    assert report.questions == 1
    text = render_misses(report)
    assert text.startswith("1 missed question in the last 30 days, in 1 group")
    assert "Not misses: rightly told there are no figures" in text


def test_a_group_the_new_data_answers_is_reported_fixed(engine: Engine, tmp_path: Path) -> None:
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    reasons = intents / "reasons.yaml"
    intent = engine.intents.get("reasons.counter")
    reasons.write_text(insert_template(reasons.read_text(encoding="utf-8"), intent.line, EXPERT), encoding="utf-8")
    updated = Engine.load(ROOT / "facts", intents)
    misses = [miss(EXPERT, "clarify"), miss("how many trains were there")]
    before = misses_report(misses, engine, 30)
    after = misses_report(misses, updated, 30)
    assert len(before.open) == 2 and not before.fixed
    assert [g.text for g, _ in after.fixed] == [EXPERT]
    assert after.fixed[0][1].now_intent == "reasons.counter"
    rendered = render_misses(after)
    assert "Already answered by the current data:" in rendered and "-> reasons.counter" in rendered


def test_the_report_as_text_and_json(engine: Engine) -> None:
    misses = [
        miss(EXPERT + " in 2013/14", "clarify"),
        miss(EXPERT, "clarify", when=T0 + 5),
        miss("how many trains were there"),
    ]
    report = misses_report(misses, engine, 30)
    text = render_misses(report)
    assert text.startswith("3 missed questions in the last 30 days, in 2 groups (2 open, 0 already answered")
    assert f'1. 2x "{EXPERT} in 2013/14"' in text
    assert f'also: "{EXPERT}" (1)' in text
    flat = " ".join(text.split())  # the fix lines are wrapped
    assert "reasons.counter in intents/reasons.yaml" in flat and "Proven" in flat
    data = json.loads(json.dumps(misses_json(report)))
    assert data["questions"] == 3 and len(data["groups"]) == 2
    first = data["groups"][0]
    assert first["count"] == 2 and first["fixed"] is False and first["proven"] is True
    assert first["nearest"]["intent"] in ("terms.define", "reasons.counter")
    assert first["suggestion"]["action"] == "add_template"
    assert first["suggestion"]["template"] == EXPERT
    assert data["groups"][1]["suggestion"]["action"] == "lexicon"
    assert render_misses(misses_report([], engine, 7)) == "No missed questions in the last 7 days."


def test_insert_template_adds_one_line_at_the_end_of_the_right_list() -> None:
    text = "intents:\n  - id: a\n    templates:\n      - one\n      - two\n  - id: b\n    templates:\n      - three\n"
    assert insert_template(text, 2, "new: one") == text.replace("      - two\n", '      - two\n      - "new: one"\n')
    assert insert_template(text, 6, "four").endswith("      - three\n      - four\n")


# -- stats ------------------------------------------------------------------------------------------------


def test_stats_per_day_shares_and_top_intents() -> None:
    counts = [
        DayCount("2023-11-14", "private", "answer", "figures.count", 6),
        DayCount("2023-11-14", "group", "answer", "reasons.why", 2),
        DayCount("2023-11-14", "private", "decline", None, 1),
        DayCount("2023-11-15", "private", "clarify", "clarify", 1),
    ]
    misses = [miss("how many trains"), miss("ofsted", "clarify"), Asked(T0, "private", "answer", "x", 0.7, "hm")]
    stats = compute(counts, misses, 7)
    assert stats.total == 10 and stats.share("answer") == 0.8
    data = stats_json(stats)
    assert data["by_day"] == [
        {"day": "2023-11-14", "questions": 9, "answered": 8, "clarified": 0, "declined": 1},
        {"day": "2023-11-15", "questions": 1, "answered": 0, "clarified": 1, "declined": 0},
    ]
    assert data["share"] == {"answer": 0.8, "clarify": 0.1, "decline": 0.1}
    assert data["top_intents"][0] == {"intent": "figures.count", "count": 6}
    assert data["by_chat_type"] == {"private": 8, "group": 2}
    assert data["unsure_answers"] == 1 and len(data["top_misses"]) == 3
    text = render_stats(stats)
    assert text.startswith("10 questions in the last 7 days: answered 8 (80%), did you mean 1 (10%), declined 1")
    assert "2023-11-14" in text and "figures.count" in text and 'x "how many trains"' in text
    assert render_stats(compute([], [], 7)) == "No questions recorded in the last 7 days."


# -- the commands, as a user runs them ---------------------------------------------------------------------


def scrbot(*args: str, db: Path, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", SCRBOT_DB=str(db))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=cwd, env=env
    )


CONVERSATION = (
    "how many SCRs were published in 2013/14?\n"
    "how many SCRs did the zorbles publish in 2013/14?\n"
    "and the previous year?\n"
    "how many trains were there?\n"
    "how many SCRs did the zorbles publish in 2012/13?\n"
)


def test_chat_records_misses_and_ask_does_not(tmp_path: Path) -> None:
    db = tmp_path / "var" / "scrbot.db"
    asked = scrbot("ask", stdin=CONVERSATION, db=db)
    assert asked.returncode == 0, asked.stderr
    assert not db.exists()  # ask never records (nor do eval and bench)

    chat = scrbot("chat", stdin=CONVERSATION, db=db)
    assert chat.returncode == 0, chat.stderr
    assert "71" in chat.stdout
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT chat_type, kind, text FROM missed_questions ORDER BY id").fetchall()
        counted = conn.execute("SELECT sum(n) FROM question_counts").fetchone()[0]
    assert counted == 5
    assert ("console", "decline", "how many trains were there") in kept
    assert ("console", "clarify", "how many scrs did the zorbles publish in 2012/13") in kept
    assert all(text != "how many scrs were published in 2013/14" for _, _, text in kept)

    misses = scrbot("misses", db=db)
    assert misses.returncode == 0, misses.stderr
    assert '1. 2x "how many scrs did the zorbles publish in 2013/14"' in misses.stdout
    assert "the bot does not know the word zorbles" in " ".join(misses.stdout.split())
    data = json.loads(scrbot("misses", "--json", db=db).stdout)
    assert data["groups"][0]["suggestion"]["action"] == "lexicon"
    assert data["groups"][0]["suggestion"]["file"] is None  # no template edit that was not proven

    stats = scrbot("stats", "--since", "1", db=db)
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.startswith("5 questions in the last 1 day: answered ")
    assert json.loads(scrbot("stats", "--json", db=db).stdout)["questions"] == 5


def test_chat_with_an_unusable_database_still_answers_and_says_so_once(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    chat = scrbot("chat", stdin=CONVERSATION, db=tmp_path / "file" / "scrbot.db")
    assert chat.returncode == 0
    assert chat.stdout.count("\n") >= 5 and "71" in chat.stdout
    assert chat.stderr.count("cannot record questions") == 1, chat.stderr
    assert "Traceback" not in chat.stderr


def test_misses_and_stats_before_anything_was_recorded(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for command in ("misses", "stats"):
        result = scrbot(command, db=db)
        assert result.returncode == 0 and "No questions recorded yet" in result.stdout
        assert not db.exists()
    assert json.loads(scrbot("misses", "--json", db=db).stdout)["groups"] == []


def test_a_malformed_setting_stops_chat_with_a_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env.update(PYTHONPATH=str(ROOT), SCRBOT_DB=str(tmp_path / "x.db"), SCRBOT_LOG_BELOW="lots")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input="hi\n", capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 3 and "SCRBOT_LOG_BELOW" in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_confident_answer_is_not_listed_as_already_answered(engine: Engine, tmp_path: Path) -> None:
    """Teach people.who "show me a chart": the bot then answers it confidently, and wrongly."""
    intents = tmp_path / "intents"
    shutil.copytree(ROOT / "intents", intents)
    people = intents / "people.yaml"
    intent = engine.intents.get("people.who")
    people.write_text(insert_template(people.read_text(encoding="utf-8"), intent.line, "show me a chart"),
                      encoding="utf-8")
    wrong = Engine.load(ROOT / "facts", intents)
    assert wrong.reply("show me a chart")[0].intent == "people.who"
    report = misses_report([miss("show me a chart", "clarify")], wrong, 30, prove=False)
    assert not report.fixed and [g.text for g, _ in report.open] == ["show me a chart"]
    assert "now answered as people.who, whose other templates share no word with it" in report.open[0][1].text
