"""The canonical YAML format.

A document is a mapping (``period``, ``language``, ``owner``, ``objectives``) or a bare list
of objectives; a file may hold several documents separated by ``---``. An objective is a
string (its title) or a mapping; key results and actions are strings or mappings. Keys are
matched without regard to case, and ``-`` or a space counts as ``_`` ("Key results" is
``key_results``). Unknown keys are kept as ``UnknownField`` (with a did-you-mean suggestion),
not errors; data that cannot be used raises ``OkrlintError`` with the offending line.

Only the composed node graph is read (``yaml.SafeLoader``): nothing is ever constructed from
tags, and alias expansion and nesting depth are bounded before anything is walked.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from okrlint.errors import OkrlintError
from okrlint.model import Action, Document, KeyResult, Number, Objective, Span, UnknownField
from okrlint.readers.common import hash_suppressions, resolve_language
from okrlint.readers.labels import LabelKind, label_kind

MAX_ALIAS_EXPANSIONS = 500
MAX_DEPTH = 50

# known key -> canonical field. Aliases map onto the same field.
DOCUMENT_KEYS = {
    "period": "period",
    "language": "language",
    "owner": "owner",
    "objectives": "objectives",
}
OBJECTIVE_KEYS = {
    "title": "title",
    "objective": "title",
    "id": "id",
    "why": "why",
    "owner": "owner",
    "level": "level",
    "parent": "parent",
    "key_results": "key_results",
    "krs": "key_results",
    "actions": "actions",
}
KEY_RESULT_KEYS = {
    "title": "title",
    "kr": "title",
    "key_result": "title",
    "id": "id",
    "baseline": "baseline",
    "target": "target",
    "unit": "unit",
    "current": "current",
}
ACTION_KEYS = {"title": "title", "action": "title", "id": "id"}

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"


def read_yaml(
    path: str, text: str, language: str | None, language_source: str | None
) -> list[Document]:
    suppressions = tuple(hash_suppressions(text.split("\n")))
    documents = []
    for root in compose_documents(path, text):
        reader = _DocumentReader(path)
        documents.append(reader.read(root, language, language_source, suppressions))
    if not documents:  # empty file or only comments
        language, source = resolve_language(path, language, language_source)
        documents.append(
            Document(
                path=path,
                format="yaml",
                language=language,
                language_source=source,
                suppressions=suppressions,
            )
        )
    return documents


# ---------------------------------------------------------------------------- composing


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses deep nesting and records where aliases are used."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.alias_uses: dict[int, int] = {}  # id(parent node) -> aliases among its children

    def compose_node(self, parent: Node | None, index: object) -> Node:
        if self.check_event(yaml.AliasEvent) and parent is not None:
            self.alias_uses[id(parent)] = self.alias_uses.get(id(parent), 0) + 1
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels", mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Refused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def compose_documents(path: str, text: str) -> Iterator[Node]:
    """The root node of each YAML document, after the safety checks."""
    loader = None
    try:
        loader = _BoundedLoader(text)  # checks for unprintable characters already
        while loader.check_node():
            root = loader.get_node()
            if root is not None:
                _check_expansion(root, loader.alias_uses)
                _check_tags(root)
                yield root
    except _Refused as exc:
        raise OkrlintError(f"refusing YAML: {exc.message}", path, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        raise OkrlintError(_yaml_message(exc), path, _mark_line(exc)) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = f"could not parse YAML: {exc.reason} (character #x{exc.character:04x})"
        raise OkrlintError(message, path, line) from None
    finally:
        if loader is not None:
            loader.dispose()


def _check_expansion(root: Node, alias_uses: dict[int, int]) -> None:
    """Refuse recursive aliases and "billion laughs" documents before anything walks them."""
    expansions: dict[int, int] = {}
    on_path: set[int] = set()

    def count(node: Node) -> int:
        key = id(node)
        if key in expansions:
            return expansions[key]
        if key in on_path:
            raise _Refused("an alias refers to a node that contains it", node.start_mark.line + 1)
        on_path.add(key)
        total = alias_uses.get(key, 0)
        for child in _children(node):
            total += count(child)
            if total > MAX_ALIAS_EXPANSIONS:
                raise _Refused(
                    f"aliases expand to more than {MAX_ALIAS_EXPANSIONS} nodes",
                    node.start_mark.line + 1,
                )
        on_path.discard(key)
        expansions[key] = total
        return total

    count(root)


# Tags plain YAML data uses. Anything else (!!python/object, !!binary, a local !Ref) is
# refused by name: nothing is ever constructed from a tag, and an OKR file has no use for one.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge", "timestamp")
)


def _check_tags(root: Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:  # iterative: aliases make a graph, and depth is bounded already
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _Refused(
                f"unsupported tag '{shown}' (okrlint reads plain YAML data and never "
                "constructs objects from tags)",
                node.start_mark.line + 1,
            )
        stack.extend(_children(node))


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "could not parse YAML: " + ("; ".join(parts) if parts else str(exc))


def _mark_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return None if mark is None else mark.line + 1


# ---------------------------------------------------------------------------- walking


def span_of(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line, end.column
    if end_column == 0 and end_line > start.line:
        # a block scalar (| or >) ends at the start of the line after it: end on its last text
        lines = (start.buffer or "").rstrip("\x00").split("\n")
        end_line -= 1
        while end_line > start.line and end_line < len(lines) and not lines[end_line].strip():
            end_line -= 1
        end_column = len(lines[end_line].rstrip()) if end_line < len(lines) else 0
    return Span(start.line + 1, start.column + 1, end_line + 1, end_column + 1)


def kind_of(node: Node) -> str:
    """How a node reads to a person: 'a mapping', 'a list', 'a number', …"""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return {
        _INT: "a number",
        _FLOAT: "a number",
        _BOOL: "a boolean",
        _NULL: "nothing (null)",
    }.get(node.tag, "a string")


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


# What a label word written as a key means here: "ansvarlig:" is "owner:", "tiltak:" "actions:".
_KEYS_FOR_LABEL = {
    LabelKind.OBJECTIVE: ("objectives", "title"),
    LabelKind.KEY_RESULTS: ("key_results",),
    LabelKind.ACTIONS: ("actions",),
    LabelKind.WHY: ("why",),
    LabelKind.OWNER: ("owner",),
    LabelKind.PERIOD: ("period",),
}


def suggest(key: str, known: dict[str, str]) -> str | None:
    """The known key meant by an unknown one: a near spelling, or the same word in the other
    language ("periode" -> "period", "ansvarlig" -> "owner")."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.8)
    if close:
        return close[0]
    kind = label_kind(key)
    candidates = _KEYS_FOR_LABEL.get(kind, ()) if kind is not None else ()
    return next((c for c in candidates if c in known), None)


def _normal_key(key: str) -> str:
    return "_".join(key.strip().lower().replace("-", " ").split())


@dataclass
class _DocumentReader:
    path: str
    unknown: list[UnknownField] = field(default_factory=list)

    def error(self, message: str, node: Node) -> OkrlintError:
        return OkrlintError(message, self.path, node.start_mark.line + 1)

    # -- document

    def read(self, root, language, language_source, suppressions) -> Document:
        fields: dict[str, Node] = {}
        if isinstance(root, SequenceNode):
            objectives_node: Node | None = root
        elif isinstance(root, MappingNode):
            fields = self.fields(root, DOCUMENT_KEYS, "document")
            objectives_node = fields.get("objectives")
            if root.value and not fields and not any(u.suggestion for u in self.unknown):
                raise self.not_okrs(root)
        elif _is_null(root):
            objectives_node = None
        else:
            raise self.error(
                "the document must be a mapping with 'objectives' or a list of objectives, "
                f"got {kind_of(root)}",
                root,
            )
        language_node = fields.get("language")
        language, source = resolve_language(
            self.path,
            language,
            language_source,
            self.text(language_node, "language") if language_node else None,
            language_node.start_mark.line + 1 if language_node else None,
        )
        return Document(
            path=self.path,
            format="yaml",
            objectives=tuple(self.objectives(objectives_node)),
            language=language,
            language_source=source,
            period=self.optional_text(fields, "period"),
            owner=self.optional_text(fields, "owner"),
            suppressions=suppressions,
            unknown_fields=tuple(self.unknown),
            span=Span.point(root.start_mark.line + 1, root.start_mark.column + 1),
        )

    def not_okrs(self, root: MappingNode) -> OkrlintError:
        """YAML that is valid but not OKRs (a Kubernetes manifest, a config file)."""
        keys = [u.key for u in self.unknown]
        shown = ", ".join(repr(k) for k in keys[:5]) + (", …" if len(keys) > 5 else "")
        objective = {_normal_key(k) for k in keys} & set(OBJECTIVE_KEYS)
        hint = (
            "; put an objective in a list under 'objectives:'"
            if objective
            else "; is this an OKR file?"
        )
        return self.error(f"not an OKR document: no 'objectives' key (found {shown}){hint}", root)

    def fields(self, node: MappingNode, known: dict[str, str], where: str) -> dict[str, Node]:
        """The mapping's known fields by canonical name; unknown keys are recorded."""
        found: dict[str, Node] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in self.pairs(node):
            if not isinstance(key_node, ScalarNode):
                raise self.error(
                    f"a key in the {where} must be text, got {kind_of(key_node)}", key_node
                )
            key = _normal_key(key_node.value)
            if key not in known:
                self.unknown.append(self.unknown_field(key_node, known, where))
                continue
            name = known[key]
            if name in seen:
                first = seen[name]
                raise self.error(
                    f"{where} sets '{name}' twice ('{first.value}' on line "
                    f"{first.start_mark.line + 1} and '{key_node.value}')",
                    key_node,
                )
            seen[name] = key_node
            found[name] = value_node
        return found

    def pairs(self, node: MappingNode) -> list[tuple[Node, Node]]:
        """The mapping's pairs with "<<: *base" merge keys resolved (explicit keys win)."""
        own = [(k, v) for k, v in node.value if k.tag != _MERGE]
        merged: list[tuple[Node, Node]] = []
        for key, value in node.value:
            if key.tag != _MERGE:
                continue
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for source in sources:
                if not isinstance(source, MappingNode):
                    raise self.error(f"'<<' must merge a mapping, got {kind_of(source)}", source)
                merged.extend(self.pairs(source))
        written = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        pairs = list(own)
        for key, value in merged:  # the first merged mapping wins, as in PyYAML
            if key.value not in written:
                written.add(key.value)
                pairs.append((key, value))
        return pairs

    def unknown_field(self, key_node: ScalarNode, known: dict[str, str], where: str):
        return UnknownField(
            key=key_node.value,
            span=span_of(key_node),
            where=where,
            suggestion=suggest(_normal_key(key_node.value), known),
        )

    # -- objectives

    def objectives(self, node: Node | None) -> Iterator[Objective]:
        for item in self.sequence(node, "objectives"):
            yield self.objective(item)

    def sequence(self, node: Node | None, name: str) -> list[Node]:
        if node is None or _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            raise self.error(f"{name} must be a list, got {kind_of(node)}", node)
        return node.value

    def objective(self, node: Node) -> Objective:
        if isinstance(node, ScalarNode) and node.tag not in (_NULL, _INT, _FLOAT, _BOOL):
            return Objective(text=self.title(node, "objective"), span=span_of(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                f"an objective must be a title or a mapping with 'title', got {kind_of(node)}",
                node,
            )
        fields = self.fields(node, OBJECTIVE_KEYS, "objective")
        title = self.require_title(fields, node, "objective")
        key_results = self.sequence(fields.get("key_results"), "key_results")
        actions = self.sequence(fields.get("actions"), "actions")
        return Objective(
            text=self.title(title, "objective"),
            span=span_of(title),
            id=self.optional_text(fields, "id"),
            why=self.optional_text(fields, "why"),
            owner=self.optional_text(fields, "owner"),
            level=self.optional_text(fields, "level"),
            parent=self.optional_text(fields, "parent"),
            key_results=tuple(self.key_result(kr) for kr in key_results),
            actions=tuple(self.action(a) for a in actions),
        )

    def key_result(self, node: Node) -> KeyResult:
        if isinstance(node, ScalarNode) and node.tag not in (_NULL, _INT, _FLOAT, _BOOL):
            return KeyResult(text=self.title(node, "key result"), span=span_of(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                f"a key result must be a text or a mapping with 'title', got {kind_of(node)}",
                node,
            )
        fields = self.fields(node, KEY_RESULT_KEYS, "key result")
        title = self.require_title(fields, node, "key result")
        return KeyResult(
            text=self.title(title, "key result"),
            span=span_of(title),
            id=self.optional_text(fields, "id"),
            baseline=self.number(fields, "baseline"),
            target=self.number(fields, "target"),
            unit=self.optional_text(fields, "unit"),
            current=self.number(fields, "current"),
        )

    def action(self, node: Node) -> Action:
        if isinstance(node, ScalarNode) and node.tag not in (_NULL, _INT, _FLOAT, _BOOL):
            return Action(text=self.title(node, "action"), span=span_of(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                f"an action must be a text or a mapping with 'title', got {kind_of(node)}", node
            )
        fields = self.fields(node, ACTION_KEYS, "action")
        title = self.require_title(fields, node, "action")
        return Action(
            text=self.title(title, "action"),
            span=span_of(title),
            id=self.optional_text(fields, "id"),
        )

    # -- values

    def require_title(self, fields: dict[str, Node], node: Node, what: str) -> Node:
        title = fields.get("title")
        if title is None:
            raise self.error(f"{what} has no title (add 'title: …')", node)
        return title

    def title(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag in (_NULL, _INT, _FLOAT, _BOOL):
            raise self.error(f"the {what} title must be text, got {kind_of(node)}", node)
        text = " ".join(node.value.split())
        if not text:
            raise self.error(f"the {what} title is empty", node)
        return text

    def text(self, node: Node, name: str) -> str | None:
        """A scalar's text as written (``id: 1`` is "1"); None for null."""
        if _is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            raise self.error(f"{name} must be text, got {kind_of(node)}", node)
        return node.value.strip() or None

    def optional_text(self, fields: dict[str, Node], name: str) -> str | None:
        node = fields.get(name)
        return None if node is None else self.text(node, name)

    def number(self, fields: dict[str, Node], name: str) -> Number | None:
        node = fields.get(name)
        if node is None or _is_null(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag == _BOOL:
            raise self.error(f"{name} must be a number or a text, got {kind_of(node)}", node)
        raw = node.value.replace("_", "")
        try:
            if node.tag == _INT:
                return int(raw, 0) if raw[:2].lower() in ("0x", "0o", "0b") else int(raw)
            if node.tag == _FLOAT:
                return float(raw)
        except ValueError:
            pass  # sexagesimal and other YAML 1.1 oddities stay text
        return node.value.strip()
