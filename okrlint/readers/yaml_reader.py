"""The canonical YAML format.

A document is a mapping (``period``, ``language``, ``owner``, ``objectives``) or a bare list
of objectives; a file may hold several documents separated by ``---``. An objective is a
string (its title) or a mapping; key results and actions are strings or mappings. Keys are
matched without regard to case, and ``-`` or a space counts as ``_`` ("Key results" is
``key_results``). Unknown keys are kept as ``UnknownField`` (with a did-you-mean suggestion),
not errors; data that cannot be used raises ``OkrlintError`` with the offending line.

Only the composed node graph is read (``yaml.SafeLoader``'s, composed from libyaml's faster
parser when PyYAML has it): nothing is ever constructed from tags, and alias expansion and
nesting depth are bounded before anything is walked.
"""

from __future__ import annotations

import bisect
import difflib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from okrlint import linear, numeric
from okrlint.errors import OkrlintError
from okrlint.i18n import _, pgettext
from okrlint.model import (
    Action,
    Document,
    KeyResult,
    Number,
    Objective,
    Span,
    Suppression,
    UnknownField,
)
from okrlint.readers.columns import parse_trend
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
    "trend": "trend",
    "desired_trend": "trend",
    "ønsket_trend": "trend",  # Oslo kommune's OKR tracker
}
ACTION_KEYS = {"title": "title", "action": "title", "id": "id"}

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"


_BREAKS_ONLY_TO_YAML = {0x85: " ", 0x2028: " ", 0x2029: " "}


def read_yaml(
    path: str, text: str, language: str | None, language_source: str | None
) -> list[Document]:
    suppressions = tuple(hash_suppressions(text.split("\n")))
    lines = functools.cache(lambda: text.split("\n"))  # split once, for block scalars' spans
    documents = []
    # YAML also breaks lines at NEL, LS and PS; okrlint, editors and the findings' lines do
    # not. Read as spaces (one character each), every mark stays on the line a user sees.
    for root in compose_documents(path, text.translate(_BREAKS_ONLY_TO_YAML)):
        reader = _DocumentReader(path, lines)
        documents.append(reader.read(root, language, language_source, suppressions))
    if len(documents) > 1 and suppressions:
        documents = _own_suppressions(documents, suppressions)
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


def _own_suppressions(documents: list[Document], found: tuple[Suppression, ...]) -> list[Document]:
    """Each '---' document with the comments that can apply to it: the file-wide ones, and
    those from the line above its first line to the line above the next document's.

    A comment applies to its own line and the next, and a document's findings stand on its
    own lines, so no finding loses its comment; every comment stays with some document (the
    first takes those above it, the last those below). Giving every document every comment
    of the file made n documents hold n times the file's comments."""
    file_wide = tuple(s for s in found if s.file_wide)
    lines = [s for s in found if not s.file_wide]  # in line order, as found
    starts = [_line_above(doc) for doc in documents]
    own = []
    for index, doc in enumerate(documents):
        low = starts[index] if index else 0
        high = starts[index + 1] if index + 1 < len(documents) else None
        first = bisect.bisect_left(lines, low, key=_line)
        last = len(lines) if high is None else bisect.bisect_right(lines, high, key=_line)
        own.append(replace(doc, suppressions=(*file_wide, *lines[first:last])))
    return own


def _line_above(doc: Document) -> int:
    """The line above the document's first line."""
    return doc.span.line - 1


def _line(suppression: Suppression) -> int:
    return suppression.line


# ---------------------------------------------------------------------------- composing

# libyaml, PyYAML's optional C extension, parses about twenty times faster than PyYAML's
# pure-Python scanner. The pure-Python loader stays the reference: libyaml composes only text
# both read alike, and anything libyaml refuses or might read differently is composed again
# by the pure-Python loader, so nodes, positions and error messages are always PyYAML's.
# A flag, not a fixed choice, so tests can cover the pure-Python path on any machine.
_WITH_LIBYAML: bool = yaml.__with_libyaml__

# Characters outside the set libyaml and PyYAML's reader treat alike: what PyYAML refuses as
# unprintable (its error names the character), tabs (PyYAML refuses one between two words
# or after "key:", libyaml takes both), a byte order mark (PyYAML leaves it out of column
# counts) and line breaks other than LF (decoding makes every break LF; compose_documents'
# other callers may not).
_NOT_FOR_LIBYAML = linear.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)

# A block scalar header both read alike: "|" or ">", the optional chomping and indentation
# indicators, then a comment after a space or nothing (libyaml also takes "|#", PyYAML not).
_BLOCK_SCALAR_HEADER = linear.compile(r"[|>](?:[-+][1-9]?|[1-9][-+]?)?(?: +#.*| *)")


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
                raise _Refused(_("nesting deeper than {n} levels", n=MAX_DEPTH), mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Refused(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Unsure(Exception):
    """libyaml might read this text differently from PyYAML: the pure-Python loader decides."""


def compose_documents(path: str, text: str) -> Iterator[Node]:
    """The root node of each YAML document, after the safety checks."""
    escapes = "\\u" in text or "\\U" in text  # an escape may name no writable character
    try:
        for document in _composed(text):
            if not document.plain:
                _check_expansion(document.root)
                _check_tags(document.root)
            if escapes:
                _check_characters(document.root)
            yield document.root
    except _Refused as exc:
        raise OkrlintError(
            _("refusing YAML: {reason}", reason=exc.message), path, exc.line
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise OkrlintError(_yaml_message(exc), path, _mark_line(exc)) from None
    except ValueError as exc:  # PyYAML's chr() of an escape past U+10FFFF
        beyond = (m for m in _LONG_ESCAPE.finditer(text) if int(m.group(1), 16) > 0x10FFFF)
        match = next(beyond, None)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        message = _(
            "could not parse YAML: an escape names no Unicode character ({error})", error=str(exc)
        )
        raise OkrlintError(message, path, line) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = _(
            "could not parse YAML: {reason} (character #x{code})",
            reason=exc.reason,
            code=format(exc.character, "04x"),
        )
        raise OkrlintError(message, path, line) from None


_LONG_ESCAPE = linear.compile(r"\\U([0-9a-fA-F]{8})")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_characters(root: Node) -> None:
    """Refuse a text with a lone surrogate ("\\uD800"): no output could write it."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if _has_surrogate(node.value):
                raise _Refused(
                    _("an escape names half of a UTF-16 pair (a lone surrogate), not a character"),
                    node.start_mark.line + 1,
                )
        else:
            stack.extend(_children(node))


@dataclass(frozen=True)
class _Composed:
    """One document's root node, before the safety checks."""

    root: Node
    alias_uses: dict[int, int]  # id(parent node) -> aliases among its children
    plain: bool = False  # known to hold no alias and only plain tags: nothing to check


def _composed(text: str) -> Iterator[_Composed]:
    if _WITH_LIBYAML and not _NOT_FOR_LIBYAML.search(text):
        documents = _compose_with_libyaml(text)
        if documents is not None:
            return iter(documents)
    return _compose_with_pyyaml(text)


def _compose_with_pyyaml(text: str) -> Iterator[_Composed]:
    # Lazy, one document at a time: an error in a later document comes after the earlier
    # documents have been read, and the refusals come before anything deeper is parsed.
    loader = _BoundedLoader(text)  # checks for unprintable characters already
    try:
        while loader.check_node():
            root = loader.get_node()
            if root is not None:
                yield _Composed(root, loader.alias_uses)
    finally:
        loader.dispose()


def _compose_with_libyaml(text: str) -> list[_Composed] | None:
    """Every document composed from libyaml's events, or None when PyYAML must decide.

    All documents are composed before the first is returned, so that an error anywhere
    leaves the whole file to the lazy pure-Python loader and its order of errors.
    """
    loader = yaml.CSafeLoader(text)
    try:
        return _EventComposer(loader, text).compose()
    except (yaml.YAMLError, _Unsure):
        return None
    finally:
        loader.dispose()


@dataclass
class _EventComposer:
    """PyYAML's composer, iterative, over libyaml's events.

    It builds the nodes the pure-Python composer builds (same tags, values, styles and
    marks) and records alias uses as _BoundedLoader does. Where PyYAML would raise or refuse
    (an undefined or duplicate anchor, nesting deeper than MAX_DEPTH) or where libyaml reads
    otherwise (see the _Unsure raised below), it gives up: the pure-Python loader then gives
    today's exact result, message and line.
    """

    loader: yaml.CSafeLoader
    text: str
    documents: list[_Composed] = field(default_factory=list)
    alias_uses: dict[int, int] = field(default_factory=dict)  # for the whole stream, as PyYAML
    anchors: dict[str, Node] = field(default_factory=dict)
    root: Node | None = None
    checks: bool = False  # the document has an alias or an unusual tag to check
    open: list[Node] = field(default_factory=list)  # open collections, innermost last
    keys: list[Node | None] = field(default_factory=list)  # per open mapping: its pending key
    flow_level: int = 0  # open flow collections, [...] and {...}
    lines: list[str] | None = None  # the text's lines, split when first needed
    buffer: str | None = None  # the text as PyYAML's reader holds it, made when first needed
    # libyaml ends a text without a final line break on an added one: marks there stand on
    # the line after the last, where PyYAML has them at the end of the last line.
    end_line: int = field(init=False)

    def __post_init__(self) -> None:
        self.end_line = -1 if self.text.endswith("\n") else self.text.count("\n")

    def compose(self) -> list[_Composed]:
        get_event = self.loader.get_event
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                self.collection(event)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                self.end(event)
            elif kind is yaml.AliasEvent:
                self.alias(event)
            elif kind is yaml.DocumentStartEvent:
                if event.version is not None or event.tags:
                    raise _Unsure  # directives: rare, and PyYAML checks them its own way
            elif kind is yaml.DocumentEndEvent:
                # a document always has its root node by now (an empty one a null scalar)
                self.documents.append(_Composed(self.root, self.alias_uses, not self.checks))
                self.anchors, self.root, self.checks = {}, None, False
            elif kind is yaml.StreamEndEvent:
                return self.documents

    def scalar(self, event: yaml.ScalarEvent) -> None:
        self.check_node(event)
        value, style = event.value, event.style
        if self.flow_level and not style and (not value or "?" in value):
            # in [...] and {...}, PyYAML ends a plain scalar at '?' and libyaml does not, and
            # an omitted value ("{a: }") stands right after ':' in PyYAML, before '}' in libyaml
            raise _Unsure
        start, end = self.mark(event.start_mark), self.mark(event.end_mark)
        if style in ("|", ">") and not _BLOCK_SCALAR_HEADER.fullmatch(
            self.line(start.line), start.column
        ):
            raise _Unsure  # e.g. "|#": libyaml reads it, PyYAML refuses it
        tag = self.loader.resolve(ScalarNode, value, event.implicit)
        self.checks = self.checks or tag not in _PLAIN_TAGS  # "=" resolves to !!value
        # libyaml calls the plain style '', PyYAML None
        node = ScalarNode(tag, value, start, end, style=style or None)
        self.fix_start(node)
        self.add(node, event.anchor)

    def collection(self, event: yaml.CollectionStartEvent) -> None:
        self.check_node(event)
        cls = SequenceNode if type(event) is yaml.SequenceStartEvent else MappingNode
        tag = self.loader.resolve(cls, None, event.implicit)
        node = cls(tag, [], self.mark(event.start_mark), None, flow_style=self.flow_style(event))
        self.add(node, event.anchor)
        self.open.append(node)
        self.keys.append(None)
        self.flow_level += node.flow_style is True

    def end(self, event: yaml.CollectionEndEvent) -> None:
        node = self.open.pop()
        self.keys.pop()
        self.flow_level -= node.flow_style is True
        node.end_mark = self.mark(event.end_mark)
        self.fix_start(node)

    def alias(self, event: yaml.AliasEvent) -> None:
        self.check_depth()
        node = self.anchors.get(event.anchor)
        if node is None:
            raise _Unsure  # an undefined alias: PyYAML's error
        if self.open:
            parent = id(self.open[-1])
            self.alias_uses[parent] = self.alias_uses.get(parent, 0) + 1
        self.checks = True
        self.attach(node)

    def check_depth(self) -> None:
        if len(self.open) >= MAX_DEPTH:
            raise _Unsure  # refused by the pure-Python loader, with its line

    def check_node(self, event: yaml.NodeEvent) -> None:
        self.check_depth()
        if event.tag is not None:
            raise _Unsure  # an explicit tag: PyYAML reads some next to ',' '[' ']' otherwise
        if event.anchor is not None and event.anchor in self.anchors:
            raise _Unsure  # a duplicate anchor: PyYAML's error

    def add(self, node: Node, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = node  # before the children: a self-reference is refused later
        self.attach(node)

    def attach(self, node: Node) -> None:
        if not self.open:
            self.root = node
            return
        parent = self.open[-1]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif self.keys[-1] is None:
            self.keys[-1] = node
        else:
            parent.value.append((self.keys[-1], node))
            self.keys[-1] = None

    def flow_style(self, event: yaml.CollectionStartEvent) -> bool | None:
        # PyYAML leaves the style of a block sequence written at its mapping key's indent
        # (an "indentless" sequence: "key:\n- item") unset; libyaml calls it block. Both end
        # the start event of an indentless sequence after its first '-', of others before it.
        if event.flow_style is False and type(event) is yaml.SequenceStartEvent:
            end = event.end_mark
            if self.line(end.line)[end.column : end.column + 1] != "-":
                return None
        return event.flow_style

    def line(self, number: int) -> str:
        if self.lines is None:
            self.lines = self.text.split("\n")
        return self.lines[number] if number < len(self.lines) else ""

    def mark(self, mark: Mark) -> Mark:
        if self.end_line < 0 or mark.line <= self.end_line:
            return mark
        column = len(self.text) - self.text.rfind("\n") - 1
        return Mark(mark.name, len(self.text), self.end_line, column, None, None)

    def fix_start(self, node: Node) -> None:
        """Give the start mark the text where span_of reads it (libyaml's marks have none)."""
        start, end = node.start_mark, node.end_mark
        if end.column == 0 and end.line > start.line:
            if self.buffer is None:
                self.buffer = self.text + "\0"
            node.start_mark = Mark(
                start.name, start.index, start.line, start.column, self.buffer, start.index
            )


def _check_expansion(root: Node) -> None:
    """Refuse recursive aliases and "billion laughs" documents before anything walks them.

    What counts is the size aliases expand a document to, not how often they are used:
    400 uses of an anchor on a list of 5 000 key results made 2 million of them. Each node's
    expanded size is summed once (iteratively, children before parents); the first node
    whose size exceeds the document's own nodes by more than MAX_ALIAS_EXPANSIONS is refused.
    """
    distinct: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) not in distinct:
            distinct.add(id(node))
            pending.extend(_children(node))
    limit = len(distinct) + MAX_ALIAS_EXPANSIONS
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > limit:
                raise _Refused(
                    _("aliases expand to more than {n} nodes", n=MAX_ALIAS_EXPANSIONS),
                    node.start_mark.line + 1,
                )
            continue
        if key in size:
            continue
        on_path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in on_path:
                raise _Refused(
                    _("an alias refers to a node that contains it"), child.start_mark.line + 1
                )
            if id(child) not in size:
                stack.append((child, False))


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
                _(
                    "unsupported tag '{tag}' (okrlint reads plain YAML data and never "
                    "constructs objects from tags)",
                    tag=shown,
                ),
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
    # PyYAML's own words stay English: they name YAML's grammar
    return _("could not parse YAML: {reason}", reason="; ".join(parts) if parts else str(exc))


def _mark_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return None if mark is None else mark.line + 1


# ---------------------------------------------------------------------------- walking


def span_of(node: Node, lines: Callable[[], list[str]] | None = None) -> Span:
    """Where a node stands. ``lines`` gives the text's lines (split once per file by the
    caller), else they come from the node's buffer: splitting the whole text for every
    block scalar made a file of n block scalars cost n times its size."""
    start, end = node.start_mark, node.end_mark
    end_line, end_column = end.line, end.column
    if end_column == 0 and end_line > start.line:
        # a block scalar (| or >) ends at the start of the line after it: end on its last text
        text = lines() if lines else (start.buffer or "").rstrip("\x00").split("\n")
        end_line -= 1
        while end_line > start.line and end_line < len(text) and not text[end_line].strip():
            end_line -= 1
        end_column = len(text[end_line].rstrip()) if end_line < len(text) else 0
    return Span(start.line + 1, start.column + 1, end_line + 1, end_column + 1)


def kind_of(node: Node) -> str:
    """How a node reads to a person: 'a mapping', 'a list', 'a number', …"""
    if isinstance(node, MappingNode):
        return _KINDS["mapping"]
    if isinstance(node, SequenceNode):
        return _KINDS["list"]
    return {
        _INT: _KINDS["number"],
        _FLOAT: _KINDS["number"],
        _BOOL: _KINDS["boolean"],
        _NULL: _KINDS["null"],
    }.get(node.tag, _KINDS["string"])


# Translators: what a YAML value is, at the end of "… must be text, got {kind}"
_KINDS = {
    "mapping": pgettext("yaml value", "a mapping"),
    "list": pgettext("yaml value", "a list"),
    "number": pgettext("yaml value", "a number"),
    "boolean": pgettext("yaml value", "a boolean"),
    "null": pgettext("yaml value", "nothing (null)"),
    "string": pgettext("yaml value", "a string"),
}
# Translators: the part of an OKR file an error is about, with "the": "a key in the {where}"
THE = {
    "document": pgettext("the part", "document"),
    "objective": pgettext("the part", "objective"),
    "key result": pgettext("the part", "key result"),
    "action": pgettext("the part", "action"),
}


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
    lines: Callable[[], list[str]] | None = None  # the text's lines, for span_of
    unknown: list[UnknownField] = field(default_factory=list)

    def span(self, node: Node) -> Span:
        return span_of(node, self.lines)

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
                _(
                    "the document must be a mapping with 'objectives' or a list of objectives, "
                    "got {kind}",
                    kind=kind_of(root),
                ),
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
        if objective:
            message = _(
                "not an OKR document: no 'objectives' key (found {keys}); put an objective in a "
                "list under 'objectives:'",
                keys=shown,
            )
        else:
            message = _(
                "not an OKR document: no 'objectives' key (found {keys}); is this an OKR file?",
                keys=shown,
            )
        return self.error(message, root)

    def fields(self, node: MappingNode, known: dict[str, str], where: str) -> dict[str, Node]:
        """The mapping's known fields by canonical name; unknown keys are recorded."""
        found: dict[str, Node] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in self.pairs(node):
            if not isinstance(key_node, ScalarNode):
                raise self.error(
                    _(
                        "a key in the {where} must be text, got {kind}",
                        where=THE.get(where, where),
                        kind=kind_of(key_node),
                    ),
                    key_node,
                )
            key = _normal_key(key_node.value)
            if key not in known:
                self.unknown.append(self.unknown_field(key_node, known, where))
                continue
            name = known[key]
            if name in seen:
                first = seen[name]
                raise self.error(
                    _(
                        "{where} sets '{name}' twice ('{first}' on line {line} and '{second}')",
                        where=THE.get(where, where),
                        name=name,
                        first=first.value,
                        line=first.start_mark.line + 1,
                        second=key_node.value,
                    ),
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
                    message = _("'<<' must merge a mapping, got {kind}", kind=kind_of(source))
                    raise self.error(message, source)
                merged.extend(self.pairs(source))
        written = {k.value for k, _ in own if isinstance(k, ScalarNode)}
        pairs = list(own)
        for key, value in merged:  # the first merged mapping wins, as in PyYAML
            if not isinstance(key, ScalarNode):  # "<<: {[a]: b}": fields() names it
                pairs.append((key, value))
            elif key.value not in written:
                written.add(key.value)
                pairs.append((key, value))
        return pairs

    def unknown_field(self, key_node: ScalarNode, known: dict[str, str], where: str):
        return UnknownField(
            key=key_node.value,
            span=self.span(key_node),
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
            raise self.error(
                _("{name} must be a list, got {kind}", name=name, kind=kind_of(node)), node
            )
        return node.value

    def objective(self, node: Node) -> Objective:
        if isinstance(node, ScalarNode) and node.tag not in (_NULL, _INT, _FLOAT, _BOOL):
            return Objective(text=self.title(node, "objective"), span=self.span(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                _(
                    "an objective must be a title or a mapping with 'title', got {kind}",
                    kind=kind_of(node),
                ),
                node,
            )
        fields = self.fields(node, OBJECTIVE_KEYS, "objective")
        title = self.require_title(fields, node, "objective")
        key_results = self.sequence(fields.get("key_results"), "key_results")
        actions = self.sequence(fields.get("actions"), "actions")
        return Objective(
            text=self.title(title, "objective"),
            span=self.span(title),
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
            return KeyResult(text=self.title(node, "key result"), span=self.span(node))
        written = self.text_with_colon(node)
        if written is not None:
            return KeyResult(text=written, span=self.span(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                _(
                    "a key result must be a text or a mapping with 'title', got {kind}",
                    kind=kind_of(node),
                ),
                node,
            )
        fields = self.fields(node, KEY_RESULT_KEYS, "key result")
        title = self.require_title(fields, node, "key result")
        baseline = self.number(fields, "baseline")
        current = self.number(fields, "current")
        return KeyResult(
            text=self.title(title, "key result"),
            span=self.span(title),
            id=self.optional_text(fields, "id"),
            # the value today is where the change starts when no baseline is given
            baseline=baseline if baseline is not None else current,
            target=self.number(fields, "target"),
            unit=self.optional_text(fields, "unit"),
            current=current,
            trend=self.trend(fields),
        )

    def action(self, node: Node) -> Action:
        if isinstance(node, ScalarNode) and node.tag not in (_NULL, _INT, _FLOAT, _BOOL):
            return Action(text=self.title(node, "action"), span=self.span(node))
        written = self.text_with_colon(node)
        if written is not None:
            return Action(text=written, span=self.span(node))
        if not isinstance(node, MappingNode):
            raise self.error(
                _(
                    "an action must be a text or a mapping with 'title', got {kind}",
                    kind=kind_of(node),
                ),
                node,
            )
        fields = self.fields(node, ACTION_KEYS, "action")
        title = self.require_title(fields, node, "action")
        return Action(
            text=self.title(title, "action"),
            span=self.span(title),
            id=self.optional_text(fields, "id"),
        )

    # -- values

    def text_with_colon(self, node: Node) -> str | None:
        """An unquoted list item with ": " inside ("- Sell 1 500 cards (2025: 1 120)") is a
        one-key mapping to YAML; it was written as text, so it is read back as written, from
        the line. Only when the key has more than one word (a misspelt field has one) and key
        and value stand on one line."""
        if not isinstance(node, MappingNode) or len(node.value) != 1 or self.lines is None:
            return None
        key, value = node.value[0]
        plain = isinstance(key, ScalarNode) and isinstance(value, ScalarNode)
        if not plain or key.style is not None or value.style is not None or _is_null(value):
            return None
        if len(key.value.split()) < 2 or key.start_mark.line != value.end_mark.line:
            return None
        line = self.lines()[key.start_mark.line]
        return " ".join(line[key.start_mark.column : value.end_mark.column].split()) or None

    def require_title(self, fields: dict[str, Node], node: Node, what: str) -> Node:
        title = fields.get("title")
        if title is None:
            message = _("{what} has no title (add 'title: …')", what=THE.get(what, what))
            raise self.error(message, node)
        return title

    def title(self, node: Node, what: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag in (_NULL, _INT, _FLOAT, _BOOL):
            message = _(
                "the {what} title must be text, got {kind}",
                what=THE.get(what, what),
                kind=kind_of(node),
            )
            raise self.error(message, node)
        text = " ".join(node.value.split())
        if not text:
            raise self.error(_("the {what} title is empty", what=THE.get(what, what)), node)
        return text

    def text(self, node: Node, name: str) -> str | None:
        """A scalar's text as written (``id: 1`` is "1"); None for null."""
        if _is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            raise self.error(
                _("{name} must be text, got {kind}", name=name, kind=kind_of(node)), node
            )
        return node.value.strip() or None

    def optional_text(self, fields: dict[str, Node], name: str) -> str | None:
        node = fields.get(name)
        return None if node is None else self.text(node, name)

    def trend(self, fields: dict[str, Node]) -> str | None:
        node = fields.get("trend")
        value = None if node is None else self.text(node, "trend")
        if value is None:
            return None
        trend = parse_trend(value)
        if trend is None:
            raise self.error(
                _(
                    "trend must be 'increase' or 'decrease' (the direction you want), got {value}",
                    value=repr(value),
                ),
                node,
            )
        return trend

    def number(self, fields: dict[str, Node], name: str) -> Number | None:
        node = fields.get(name)
        if node is None or _is_null(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag == _BOOL:
            message = _(
                "{name} must be a number or a text, got {kind}", name=name, kind=kind_of(node)
            )
            raise self.error(message, node)
        raw = node.value.replace("_", "")
        value: int | float | None = None
        try:
            if node.tag == _INT and len(raw) <= 64:
                value = int(raw, 0) if raw[:2].lower() in ("0x", "0o", "0b") else int(raw)
            elif node.tag == _FLOAT and len(raw) <= 100:
                value = float(raw)
        except ValueError:
            pass  # sexagesimal and other YAML 1.1 oddities stay text
        # a number no OKR could mean (4 000 hex digits, 1e400, .inf) stays text, as written
        usable = numeric.usable(value)
        return node.value.strip() if usable is None else usable
