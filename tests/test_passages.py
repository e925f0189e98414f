"""Article-sentence answers and "the article doesn't say", as a reader would meet them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answers.passages import (
    PassageIndex,
    answer_from_passages,
    doesnt_say,
    load_unknowns,
    shipped_unknowns,
)
from bot.conversation import Context
from bot.engine import Engine
from bot.knowledge.errors import DataError

WOOLMORE = "— Sue Woolmore, chair of the Association of Independent Local Safeguarding Children Board Chairs"


@pytest.fixture(scope="module")
def index(engine: Engine) -> PassageIndex:
    return PassageIndex(engine.facts, engine.lexicon)


def ask(engine: Engine, index: PassageIndex, text: str, context: Context | None = None):
    u = engine.understand(text, context or Context())
    return answer_from_passages(engine.facts, index, u), doesnt_say(engine.facts, u)


def lines(answer) -> list[int]:
    return [s.line for s in answer.sources]


# -- quoting the article -------------------------------------------------------------------------


def test_policy_question_quotes_the_cyp_now_sentence_as_the_articles_words(engine, index):
    answer, _ = ask(engine, index, "what did the coalition government's policy lead to?")
    assert lines(answer) == [15]
    assert answer.text.startswith("The article says: “In 2011 an investigation by CYP Now found")
    assert "cyp_now" in answer.topics


def test_old_system_quotes_woolmore_once_for_both_of_her_sentences(engine, index):
    answer, _ = ask(engine, index, "what was the old system like?")
    assert lines(answer) == [11, 12]
    assert "family history, up to 20 years" in answer.text
    assert "wasn’t designed with publication in mind" in answer.text
    assert answer.text.count(WOOLMORE) == 1
    assert answer.people == ["sue_woolmore"]


def test_what_changed_for_lscbs_includes_the_working_together_flexibility(engine, index):
    reply, _ = engine.reply("what changed for LSCBs and how?", Context())
    assert "greater flexibility in how they carry out SCRs" in reply.text
    assert "According to Sue Woolmore" in reply.text


def test_how_far_back_now_quotes_the_now_sentence(engine, index):
    answer, doesnt = ask(engine, index, "what happens now, how far back do they need to go?")
    assert lines(answer) == [12]
    assert "Now, if it was appropriate they need not go back that far." in answer.text
    assert doesnt is None  # "now" with no subject named is the article's own "now"


def test_a_paraphrase_is_attributed_to_the_article_reporting_the_person_not_as_their_words(engine, index):
    answer, _ = ask(engine, index, "what did Munro recommend?")
    assert lines(answer) == [6, 8]
    assert "The article, reporting Professor Eileen Munro" in answer.text
    assert "” — Professor Eileen Munro" not in answer.text  # she is never quoted in the article


def test_every_attribution_names_a_speaker_the_statements_record_for_that_sentence(engine, index):
    facts = engine.facts
    for text in ["what was prescriptive about the process?", "what did the end of Ofsted evaluation enable?"]:
        answer, _ = ask(engine, index, text)
        assert answer is not None, text
        speakers = {s.by for s in facts.statements if s.source in answer.sources}
        for name in re.findall(r"” — ([^,]+),", answer.text):
            assert name in {facts.people[p].name for p in speakers}, (text, name)


@pytest.mark.parametrize(
    "text",
    [
        "what is the weather in paris",
        "who won the world cup",
        "what is the capital of France?",
        "what did the minister say about the economy?",
        "what did the coalition say about schools",
        "what is the government's policy on housing?",
        "what football team does Timpson support?",
        "how many LSCBs are there?",
    ],
)
def test_questions_the_article_does_not_answer_get_no_quote(engine, index, text):
    answer, _ = ask(engine, index, text)
    assert answer is None


# -- the article doesn't say ---------------------------------------------------------------------


def figures_in(engine: Engine) -> set[str]:
    return {str(f.value) for f in engine.facts.figures.values()}


@pytest.mark.parametrize(
    ("text", "opening", "subject"),
    [
        ("how old is Edward Timpson?", "The article doesn't give personal details", "Edward Timpson"),
        ("which party is Timpson in?", "The article doesn't give personal details", "Edward Timpson"),
        ("is Timpson still the children's minister?", "The article doesn't say what is the case today", "Timpson"),
        ("is Ofsted still evaluating SCRs?", "The article doesn't say what is the case today", "Ofsted"),
        ("when was Munro's review published?", "The article doesn't say when.", "Professor Eileen Munro"),
        ("when did Sue Woolmore become chair?", "The article doesn't say when.", "Sue Woolmore"),
        ("what has the panel found?", "The article doesn't say what it found", "Serious Case Review panel"),
        ("where is Ofsted based?", "The article doesn't say where.", "Ofsted"),
        ("how many members does the panel have?", "The article doesn't give that number", "Serious Case Review panel"),
        ("how many LSCBs are there?", "The article doesn't give that number", "LSCBs"),
        ("did more SCRs mean more children were harmed?", "The article doesn't say anything about harm", "SCR"),
    ],
)
def test_doesnt_say_then_gives_what_the_article_does_say_about_the_subject(engine, index, text, opening, subject):
    _, answer = ask(engine, index, text)
    assert answer is not None, text
    first, *rest = answer.text.splitlines()
    assert first.startswith(opening)
    assert rest and rest[0].startswith("What it does say about ") and subject in rest[0]
    assert answer.sources, "the subject's summary is cited"
    assert not figures_in(engine) & set(re.findall(r"\d+", answer.text)), "no figure from figures.yaml"


def test_he_or_she_is_the_person_the_conversation_last_named(engine, index):
    _, answer = ask(engine, index, "is she still chair?", Context(people=["sue_woolmore"]))
    assert answer is not None
    assert "What it does say about Sue Woolmore" in answer.text
    assert answer.people == ["sue_woolmore"]


@pytest.mark.parametrize(
    "text",
    [
        "who is Timpson",
        "what did Woolmore say",
        "when did Ofsted stop evaluating",
        "what is an LSCB",
        "when was the panel set up",
        "when was Working Together revised",
        "what did CYP Now find?",  # "now" is part of the name; its finding is in the article
        "what is the minister's name?",  # the article names every person it mentions
        "what do LSCBs have to do now?",  # the article's "now": after the 2013 revision
        "when did LSCBs get more flexibility?",  # dated by the Working Together event's summary
        "what is the weather in paris",  # no known subject: not this module's decline
    ],
)
def test_doesnt_say_stays_out_of_questions_the_facts_answer(engine, index, text):
    _, answer = ask(engine, index, text)
    assert answer is None, answer.text


# -- the unknowns file ---------------------------------------------------------------------------


def test_the_shipped_unknowns_file_loads(engine):
    unknowns = shipped_unknowns()
    assert unknowns.undated and unknowns.uncounted
    ids = {a.id for a in unknowns.asks}
    assert {"current", "personal", "places", "results", "harm"} <= ids
    known = {
        *engine.facts.people,
        *engine.facts.organisations,
        *engine.facts.terms,
        *(e.id for e in engine.facts.events),
    }
    kinds = {"person", "organisation", "term", "event"}
    for ask_ in unknowns.asks:
        assert ask_.exempt <= known | kinds, f"{ask_.id}: except names {ask_.exempt - known - kinds}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just a list\n", "the file must be a mapping"),
        ('undated: "x"\nuncounted: "y"\nunknowns: []\n', "'unknowns' must be a non-empty list"),
        ('uncounted: "y"\nunknowns:\n  - {id: a, says: b, words: [c]}\n', "'undated' must be a sentence"),
        ('undated: "x"\nuncounted: "y"\nunknowns:\n  - {id: a, says: b, words: c}\n', "'words' must be a list"),
        ('undated: "x"\nuncounted: "y"\nunknowns:\n  - {id: a, says: b, words: [c], colour: red}\n', "unknown key"),
        ('undated: "x"\nuncounted: "y"\nunknowns:\n  - {id: a, says: b\n', "YAML syntax error"),
    ],
)
def test_a_broken_unknowns_file_is_reported_with_file_line_and_fix(tmp_path: Path, text, message):
    path = tmp_path / "unknowns.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_unknowns(path)
    report = caught.value.report()
    assert message in report and str(path) in report and "fix:" in report


def test_a_custom_unknowns_file_decides_what_the_article_does_not_say(engine, index, tmp_path: Path):
    path = tmp_path / "unknowns.yaml"
    path.write_text(
        'undated: "No date."\nuncounted: "No count."\n'
        'unknowns:\n  - {id: shoes, says: "The article says nothing of shoes.", words: [shoe size]}\n',
        encoding="utf-8",
    )
    u = engine.understand("what is Timpson's shoe size?", Context())
    answer = doesnt_say(engine.facts, u, load_unknowns(path))
    assert answer is not None and answer.text.startswith("The article says nothing of shoes.")
    assert doesnt_say(engine.facts, engine.understand("how old is Timpson?", Context()), load_unknowns(path)) is None
