"""Load `intents/`: the lexicon (how people word things) and the intents with their templates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import lazyre
from .errors import DataError, Problem, Problems
from .model import Intent, IntentSet, LexiconData, Template
from .schema import Field, RecordReader, did_you_mean
from .yamlfile import Node, load_yaml

LEXICON = "lexicon.yaml"
# Files of intents/ that hold word lists for other readers, not intents.
NOT_INTENTS = frozenset({LEXICON, "frames.yaml", "unknowns.yaml"})
_INTENT_ID = lazyre.compile(r"^[a-z]+(\.[a-z_]+)+$")
_INTENT = [Field("id"), Field("answer"), Field("description"), Field("suggestion"), Field("templates", "strs")]
_OPTIONAL_INTENT_KEYS = ("cues",)


def load_intents(directory: Path, composers: set[str] | None = None, measures: set[str] | None = None) -> IntentSet:
    """Load and validate `intents/`; `composers` and `measures` are the names answers and facts define."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataError(
            [
                Problem(
                    directory,
                    None,
                    "the intents folder does not exist",
                    "point --intents or SCRBOT_INTENTS_DIR at the folder holding lexicon.yaml",
                )
            ]
        )
    problems = Problems()
    lexicon = _load_lexicon(directory / LEXICON, problems, measures)
    intents: list[Intent] = []
    files = sorted(p for p in directory.glob("*.y*ml") if p.name not in NOT_INTENTS)
    if not files:
        problems.add(directory, None, "no intent files found", "add at least one YAML file with 'intents:'")
    for path in files:
        try:
            doc = load_yaml(path)
        except DataError as exc:
            problems.items.extend(exc.problems)
            continue
        intents.extend(_read_intents(path, doc, problems, composers, intents))
    ids = [i.id for i in intents]
    for word, intent_id in lexicon.fallback_words.items():
        if intents and intent_id not in ids:
            problems.add(
                lexicon.path,
                lexicon.lines.get("fallback_words"),
                f"fallback word '{word}' names unknown intent '{intent_id}'{did_you_mean(intent_id, ids)}",
                "use an intent id from intents/",
            )
    if lexicon.slot_only_intent and intents and lexicon.slot_only_intent not in {i.id for i in intents}:
        problems.add(
            lexicon.path,
            lexicon.lines.get("slot_only_intent"),
            f"slot_only_intent names unknown intent '{lexicon.slot_only_intent}'"
            f"{did_you_mean(lexicon.slot_only_intent, [i.id for i in intents])}",
            "use an intent id from intents/",
        )
    problems.raise_if_any()
    return IntentSet(lexicon, intents)


def _load_lexicon(path: Path, problems: Problems, measures: set[str] | None) -> LexiconData:
    data = LexiconData(path)
    try:
        doc = load_yaml(path)
    except DataError as exc:
        problems.items.extend(exc.problems)
        return data
    r = RecordReader(path, None, problems)
    allowed = (
        "synonyms",
        "measures",
        "fillers",
        "stopwords",
        "keep",
        "single_word_ok",
        "not_covered",
        "subject_markers",
        "count_markers",
        "not_counted",
        "framing",
        "fallback_words",
        "spellings",
        "slot_only_intent",
    )
    r.check_top_keys(doc, allowed)
    if not isinstance(doc, Node):
        r.problem(None, "lexicon.yaml must be a mapping", "start it with 'synonyms:'")
        return data
    data.lines = dict(doc.key_lines)
    for key in ("synonyms", "measures"):
        value = doc.get(key) or {}
        if not isinstance(value, dict):
            r.problem(
                doc.line_of(key),
                f"'{key}' must map a word to a list of variants",
                f"write '  word: [\"variant\", ...]' under {key}:",
            )
            continue
        for word, variants in value.items():
            if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
                r.problem(
                    value.line_of(word) if isinstance(value, Node) else None,
                    f"the variants of '{word}' must be a list of texts",
                    f'write {word}: ["variant one", "variant two"]',
                )
                continue
            getattr(data, key)[str(word).lower()] = [" ".join(v.lower().split()) for v in variants]
        if key == "synonyms" and isinstance(value, Node):
            _check_one_meaning(r, value, data.synonyms)
    if doc.get("slot_only_intent") is not None:
        data.slot_only_intent = str(doc["slot_only_intent"])
    data.spellings = _word_map(r, doc, "spellings", "the word it stands for", "{u: you}", lower_values=True)
    data.fallback_words = _word_map(r, doc, "fallback_words", "an intent id", "{hello: meta.greeting}")
    word_lists = ("fillers", "stopwords", "keep", "single_word_ok", "not_covered", "subject_markers")
    for key in (*word_lists, "count_markers", "not_counted", "framing"):
        value = doc.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            r.problem(
                doc.line_of(key),
                f"'{key}' must be a list of words",
                f'write {key}: ["word", "word"] (quote words like yes, no, on and off)',
            )
            continue
        setattr(data, key, [v.lower() for v in value])
    if measures is not None:
        for measure in data.measures:
            if measure not in measures:
                r.problem(
                    doc.line_of("measures"),
                    f"lexicon names unknown measure '{measure}'{did_you_mean(measure, sorted(measures))}",
                    f"use a measure id from facts/figures.yaml ({', '.join(sorted(measures))})",
                )
    return data


def _check_one_meaning(r: RecordReader, node: Node, synonyms: dict[str, list[str]]) -> None:
    """A variant listed under two canonical words: file order would silently decide which wins."""
    owner: dict[str, str] = {}
    for word, variants in synonyms.items():
        for variant in [word, *variants]:
            first = owner.setdefault(variant, word)
            if first != word:
                r.problem(
                    node.line_of(word),
                    f"'{variant}' is a synonym of both '{first}' (line {node.line_of(first)}) and '{word}'",
                    f"keep '{variant}' under one of them only",
                )


def _word_map(
    r: RecordReader, doc: Node, key: str, what: str, example: str, lower_values: bool = False
) -> dict[str, str]:
    """A `{word: value}` mapping of the lexicon, or {} with a problem recorded when it is not one."""
    value = doc.get(key) or {}
    if not isinstance(value, dict):
        r.problem(doc.line_of(key), f"'{key}' must map a word to {what}", f"write {key}: {example}")
        return {}
    return {str(k).lower(): (str(v).lower() if lower_values else str(v)) for k, v in value.items()}


def _read_intents(
    path: Path, doc: Any, problems: Problems, composers: set[str] | None, earlier: list[Intent]
) -> list[Intent]:
    r = RecordReader(path, None, problems)
    r.check_top_keys(doc, ("intents",))
    seen = {i.id: i for i in earlier}
    out: list[Intent] = []
    for item in r.section(doc, "intents"):
        rec = r.record(item, _INTENT, "intent", extra_keys=_OPTIONAL_INTENT_KEYS)
        if rec is None:
            continue
        line = item.line_of("id")
        if not _INTENT_ID.match(rec["id"]):
            r.problem(
                line,
                f"intent id {rec['id']!r} is not like 'area.name'",
                "use lower-case words joined by a dot, e.g. figures.count",
            )
            continue
        if rec["id"] in seen:
            r.problem(line, f"duplicate intent id {rec['id']!r}", "rename one of them or merge their templates")
            continue
        if composers is not None and rec["answer"] not in composers:
            r.problem(
                item.line_of("answer"),
                f"unknown answer '{rec['answer']}'{did_you_mean(rec['answer'], sorted(composers))}",
                f"use one of: {', '.join(sorted(composers))}",
            )
            continue
        first = item.line_of("templates")
        templates = []
        for index, text in enumerate(rec["templates"]):
            tline = first + 1 + index
            if re.search(r"\d", text):
                r.problem(
                    tline,
                    f"template {text!r} contains a number",
                    "remove years and figures from templates: periods are read as slots, not matched",
                )
                continue
            templates.append(Template(text.lower(), path, tline))
        if not templates:
            r.problem(first, f"intent {rec['id']} has no usable templates", "add at least one template")
            continue
        cues = _read_cues(r, item)
        if cues is None:
            continue
        out.append(
            Intent(rec["id"], rec["answer"], rec["description"], rec["suggestion"], tuple(templates), path, line, cues)
        )
        seen[rec["id"]] = out[-1]
    return out


def _read_cues(r: RecordReader, item: Node) -> tuple[tuple[str, float], ...] | None:
    """`cues: {word: bonus}`; None (with a problem recorded) when malformed."""
    cues = item.get("cues")
    if cues is None:
        return ()
    line = item.line_of("cues")
    if not isinstance(cues, dict):
        r.problem(line, "'cues' must map a word to a bonus", "write cues: {word: 0.2, other: 0.1}")
        return None
    out = []
    for word, bonus in cues.items():
        if isinstance(bonus, bool) or not isinstance(bonus, (int, float)) or not 0 < bonus <= 1:
            r.problem(
                cues.line_of(word) if isinstance(cues, Node) else line,
                f"cue '{word}' has bonus {bonus!r}",
                "use a number above 0 and at most 1, e.g. 0.2",
            )
            return None
        out.append((str(word).lower(), float(bonus)))
    return tuple(out)
