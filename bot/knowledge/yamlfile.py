"""Safe YAML loading that remembers where each mapping and key came from.

Validation messages must name the line to edit, so mappings are loaded as `Node` dicts that carry
the line of the mapping and of each key. Only PyYAML's safe loader is ever used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back where libyaml is missing
    _Base = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

from .errors import DataError, Problem


class Node(dict):
    """A mapping from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Node:
    loader.flatten_mapping(node)
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key) if not isinstance(key, str) else key
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Load one YAML file, turning every failure into a `DataError` that names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(
            [Problem(path, None, "file not found", "create it or point the bot at the right folder")]
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DataError(
            [Problem(path, None, f"cannot read the file ({reason})", "check its permissions and that it is UTF-8 text")]
        ) from None
    if not text.strip():
        raise DataError([Problem(path, None, "the file is empty", "restore its content or delete the file")])
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        raise DataError(
            [
                Problem(
                    path,
                    line,
                    f"YAML syntax error: {what}",
                    "fix the YAML at that line (check indentation, colons and quotes)",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(path, None, f"YAML error: {exc}", "fix the YAML syntax")]) from None
