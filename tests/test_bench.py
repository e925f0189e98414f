"""`scrbot bench` runs to the end and reports every section; how fast anything is, is not tested here.

Timing never decides CI: the benchmark's targets are printed PASS/FAIL for people to read, and these
tests only check that the harness works (one `--quick` run, about ten seconds).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.data import SYNTHETIC_FILE, make_scaled
from benchmarks.run import SECTIONS, figure, percentile

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SCRBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="module")
def quick(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--quick", "--json", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=180, cwd=ROOT, env=_env(), check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done, json.loads(out.read_text(encoding="utf-8"))


def _is_figure(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and all(isinstance(value.get(k), (int, float)) and math.isfinite(value[k]) for k in ("median", "min", "max"))
        and value["min"] <= value["median"] <= value["max"]
    )


def test_quick_run_reports_every_section(quick) -> None:
    done, results = quick
    assert "Traceback" not in done.stderr
    for name in SECTIONS:
        assert name in results, name
        assert "error" not in results[name], results[name].get("traceback")
    assert results["meta"]["quick"] is True and results["meta"]["repeat"] == 1
    assert results["meta"]["machine"]["nproc"] >= 1
    for name in ("targets (not judged", "engine:", "startup:", "scaling:", "e2e:"):
        assert name in done.stdout


def test_engine_and_startup_figures_are_numbers(quick) -> None:
    _, results = quick
    engine = results["engine"]
    assert engine["questions"] == 20
    for key in ("engine", "engine_warm", "plain"):
        for measure in ("median_us", "p99_us", "qps"):
            assert _is_figure(engine[key][measure]), (key, measure)
            assert engine[key][measure]["median"] > 0
    assert _is_figure(engine["ratio"]["median"]) and _is_figure(engine["ratio"]["p99"])
    startup = results["startup"]
    for key in ("scrbot", "bare"):
        assert _is_figure(startup[key]["wall_ms"]) and _is_figure(startup[key]["peak_rss_mib"])
        assert startup[key]["peak_rss_mib"]["median"] > 1
    assert _is_figure(startup["ratio"]["wall"])


def test_scaling_data_passed_validation(quick) -> None:
    _, results = quick
    rows = results["scaling"]["factors"]
    assert [r["factor"] for r in rows] == [1, 2]
    one, two = rows
    assert two["valid"] is True and two["check"].startswith("ok:")
    assert two["periods"] == 2 * one["periods"]
    assert two["intents"] == 2 * one["intents"]
    assert two["templates"] == 2 * one["templates"]
    for row in rows:
        for key in ("load_ms", "median_us", "p99_us", "qps"):
            assert _is_figure(row[key]), (row["factor"], key)


def test_end_to_end_figures_for_each_bot(quick) -> None:
    _, results = quick
    e2e = results["e2e"]
    assert set(e2e["bots"]) == {"scrbot", "scrbot-nolimiter", "echo", "echo+limiter"}
    for name, bot in e2e["bots"].items():
        assert bot["failed"] == 0, name
        for key in ("updates_per_s", "latency_median_ms", "latency_p95_ms", "idle_latency_median_ms"):
            assert _is_figure(bot[key]), (name, key)
            assert bot[key]["median"] > 0
        assert bot["updates"] in (e2e["updates"], e2e["updates_limited"]), name
        assert _is_figure(bot["cpu_ms_per_update"]), name  # Linux: read from /proc
    ratios = ("throughput", "throughput_alike", "latency_median_alike", "cpu_per_update_alike", "throughput_vs_limited")
    for ratio in ratios:
        assert _is_figure(e2e["ratio"][ratio]), ratio


def test_targets_are_reported_not_enforced(quick) -> None:
    _, results = quick
    targets = results["targets"]
    names = " | ".join(t["target"] for t in targets)
    for wanted in ("engine p99", "ratio of medians", "start-up", "first start", "peak RSS", "100x", "end to end"):
        assert wanted in names, f"no {wanted!r} target in: {names}"
    assert all(isinstance(t["pass"], bool) and isinstance(t["value"], (int, float)) for t in targets)


def test_quick_prints_no_pass_or_fail_from_its_tiny_samples(quick) -> None:
    done, results = quick
    targets = done.stdout.split("targets (", 1)[1]
    assert "FAIL" not in targets and "PASS" not in targets
    assert all(t["judged"] is False for t in results["targets"])


def _bench(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "bench", *args],
        capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=_env(), check=False,
    )  # fmt: skip


def test_help_lists_every_section_including_load() -> None:
    done = _bench("--help")
    assert done.returncode == 0
    assert "engine,startup,scaling,e2e,load" in " ".join(done.stdout.split())


@pytest.mark.parametrize(
    "args, says",
    [
        (["--json", "/no/such/folder/out.json"], "the folder /no/such/folder does not exist"),
        (["--facts", "/no/such/facts"], "the facts folder does not exist"),
        (["--repeat", "0"], "--repeat: 0 must be 1 or more"),
        (["--repeat", "-3"], "--repeat: -3 must be 1 or more"),
    ],
)
def test_bad_options_and_data_are_refused_up_front_without_a_traceback(args, says, tmp_path) -> None:
    import time

    start = time.monotonic()
    done = _bench(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert says in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "engine ..." not in done.stderr  # no section started
    assert time.monotonic() - start < 30


def test_broken_data_folder_is_refused_like_check(tmp_path) -> None:
    import shutil

    facts = tmp_path / "facts"
    shutil.copytree(ROOT / "facts", facts)
    (facts / "figures.yaml").write_text("figures: [\n", encoding="utf-8")
    done = _bench("--quick", "--facts", str(facts))
    assert done.returncode == 2
    assert "figures.yaml" in done.stderr and "Traceback" not in done.stderr


def test_unknown_section_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "bench", "--only", "engine,nope"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=_env(), check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "nope" in done.stderr


def test_synthetic_templates_are_distinct_and_free_of_numbers(tmp_path) -> None:
    data = make_scaled(ROOT / "facts", ROOT / "intents", 3, tmp_path)
    lines = (data.intents / SYNTHETIC_FILE).read_text(encoding="utf-8").splitlines()
    templates = [line.strip()[2:] for line in lines if line.startswith("      - ")]
    assert len(templates) == data.templates * 2 // 3
    assert len({frozenset(t.split()) for t in templates}) == len(templates)
    assert not any(ch.isdigit() for t in templates for ch in t)
    article = (data.facts / "article.txt").read_text(encoding="utf-8")
    assert "Between April 2010 and March 2011 there were" in article
    assert (ROOT / "facts" / "article.txt").read_text(encoding="utf-8") in article


def test_figure_and_percentile() -> None:
    assert figure([3, 1, 2])["median"] == 2 and figure([3, 1, 2])["min"] == 1 and figure([3, 1, 2])["max"] == 3
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1.0], 99) == 1.0
    assert percentile(list(range(101)), 99) == 99


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6, 7, 8])
def test_synthetic_data_passes_check_whatever_the_seed(tmp_path, seed) -> None:
    """Templates differing only in stopwords collide once read; the generator must never make two."""
    from benchmarks.run import run_check

    data = make_scaled(ROOT / "facts", ROOT / "intents", 10, tmp_path, seed=seed)
    code, message = run_check(data.facts, data.intents)
    assert code == 0, message
