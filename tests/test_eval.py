"""The labelled evaluation set, scored as `scrbot eval` scores it: the bar the matcher must clear."""

from pathlib import Path

import pytest

from bot.evaluation import evaluate, load_items

EVAL = Path(__file__).parent / "eval" / "questions.yaml"
REQUIRED_ACCURACY = 0.97


@pytest.fixture(scope="module")
def report(engine):
    return evaluate(engine, EVAL)


def test_evaluation_set_is_large_and_varied():
    turns = [t for conversation in load_items(EVAL) for t in conversation]
    assert len(turns) >= 300
    wanted = {"figures", "periods", "reasons", "typos", "followup", "out_of_scope", "no_data"}
    assert {t.category for t in turns} >= wanted


def test_accuracy_meets_the_bar(report):
    misses = "\n".join(f"{o.turn.question!r}: {'; '.join(o.problems)}" for o in report.outcomes if not o.ok)
    assert report.accuracy >= REQUIRED_ACCURACY, f"accuracy {report.accuracy:.1%}; misses:\n{misses}"


def test_no_figure_is_invented_when_declining(report):
    assert report.invented == 0


def test_off_topic_lookalikes_are_declined(report):
    precision, recall = report.out_of_scope()
    assert precision >= 0.95 and recall >= 0.95


@pytest.mark.parametrize(
    ("name", "floor"),
    [("holdout.yaml", 0.92), ("holdout2.yaml", 0.92), ("blind3.yaml", 0.96), ("blind4.yaml", 0.94),
     ("blind5.yaml", 0.92), ("blind6.yaml", 0.9), ("blind7.yaml", 0.91),
     ("blind8.yaml", 0.92),
     ("blind9.yaml", 0.96),
     ("blind10.yaml", 0.94),
     ("blind11.yaml", 0.92),
     ("blind12.yaml", 0.9),
     ("blind13.yaml", 0.92),
     ("blind14.yaml", 0.92),
     ("blind15.yaml", 0.92),
     ("blind16.yaml", 0.91),
     ("blind17.yaml", 0.91),
     ("blind18.yaml", 0.9),
     ("blind19.yaml", 0.9),
     ("blind20.yaml", 0.92),
     ("blind21.yaml", 0.89),
     ("blind22.yaml", 0.89),
     ("blind23.yaml", 0.95),
     ("blind24.yaml", 0.95),
     ("blind25.yaml", 0.9),
     ("blind26.yaml", 0.93),
     ("blind27.yaml", 0.91),
     ("blind28.yaml", 0.89),
     ("blind29.yaml", 0.95),
     ("blind30.yaml", 0.95),
     ("blind31.yaml", 0.94),
     ("blind32.yaml", 0.93),
     ("blind33.yaml", 0.94),
     ("blind34.yaml", 0.96),
     ("blind35.yaml", 0.9),
     ("blind36.yaml", 0.92),
     ("blind37.yaml", 0.9),
     ("blind38.yaml", 0.94),
     ("blind39.yaml", 0.91),
     ("blind40.yaml", 0.86),
     ("blind41.yaml", 0.91),
     ("blind42.yaml", 0.97),
     ("blind43.yaml", 0.95),
     ("blind44.yaml", 0.93),
     ("blind45.yaml", 0.93),
     ("blind46.yaml", 0.97),
     ("blind47.yaml", 0.93),
     ("blind48.yaml", 0.88),
     ("blind49.yaml", 0.96)],
)
def test_the_blind_holdouts_do_not_regress(engine, name, floor):
    """Once tuned against, a holdout is a regression guard: its level when last measured, less a margin."""
    holdout = evaluate(engine, EVAL.with_name(name))
    assert holdout.invented == 0
    misses = "\n".join(f"{o.turn.question!r}: {'; '.join(o.problems)}" for o in holdout.outcomes if not o.ok)
    assert holdout.accuracy >= floor, f"{name}: {holdout.accuracy:.1%}; misses:\n{misses}"


def test_blind_set_3_conversations_pass_whole(engine):
    """Set 3 labels behaviour, not intents; its conversations are scored as whole conversations."""
    report = evaluate(engine, EVAL.with_name("blind3.yaml"))
    passed, total = report.whole_conversations()
    assert total >= 10 and passed >= total - 1, f"{passed}/{total} conversations"
