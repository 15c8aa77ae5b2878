"""Find, by reading the source (AST), every message text mkdocs-academic can print in a build.

A message starts at a *sink*: `Problem(path, line, message, hint)`, `OptionProblem(option,
message)`, `log.warning(format, ...)`, a raised `PluginError`, ... The scan resolves the message
argument of each call into *templates*: its literal text with `{}` where a value goes in
(`"undefined macro '{}' in field '{}' of entry '{}'"`). It follows what a reader would follow:

- f-strings, `+` and `%` of strings, `a if c else b`, `text[:300]`;
- a local variable (every assignment to it in the function, tuple unpacking of a call included);
- a call of a function of the package (its `return` values), outside f-string values;
- a parameter of the enclosing function: that function becomes a sink too (`report(name,
  message, hint)` wraps `Problem`, so the literal of each `report(...)` call is a message),
  repeated until no new sink appears.

Messages of the importers and of the `mkdocs-academic` command line are not build messages:
they are printed by the command itself and are not scanned.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mkdocs_academic"
HOLE = "{}"

#: Where messages start: a callable's name -> the positions of its message arguments.
SINKS: dict[str, set[int]] = {
    "Problem": {2},
    "OptionProblem": {1},
    "OptionError": {0},
    "PluginError": {0},
    "TemplateProblem": {0},
    "warning": {0, 1, 2, 3},  # log.warning("%s/// %s: %s", where, block, message)
    "info": {0, 1, 2, 3},
    "error": {0, 1, 2, 3},  # a host's logger.error(...)
}

#: Functions whose return value is (part of) a message, also inside an f-string value.
MESSAGE_FUNCTIONS = {"name_list_problem", "placeholder_message", "_diagnose_failed"}

#: Lists and dicts that functions fill with messages and hand back to a caller that prints them
#: (`errors.append(f"...")`, `notes[name] = f"..."`): what goes in is a message.
MESSAGE_COLLECTIONS = {"errors", "found", "notes", "messages"}

#: Functions that return messages in a list (`return profile, [f"..."]`).
MESSAGE_RETURNS = {"owner_profile"}

#: Names that the parameter rule would wrongly take for message sinks, each with its reason.
NOT_SINKS = {
    "add": "fields.py's add(name, url, ...) collects links; the link, not a message, is its parameter",
    "__call__": "a callable class's call; its argument is data",
    "record_block": "markdown/context.py records a block's name and line for later messages",
}

#: Folders and modules of the package that print no build message.
NOT_SCANNED = ("importers/", "cli.py")


@dataclass
class Template:
    """One message template and where the scan found it (`file.py:line`)."""

    text: str
    places: list[str] = field(default_factory=list)

    def has_words(self) -> bool:
        """False for a relay such as `"%s"` or `"{}: {}"`, which only passes a message on."""
        return bool(re.search(r"[A-Za-z]{3}", self.text.replace(HOLE, "")))


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _params(func: ast.FunctionDef) -> list[str]:
    names = [arg.arg for arg in func.args.posonlyargs + func.args.args]
    return names[1:] if names and names[0] in ("self", "cls") else names


class _Module:
    def __init__(self, path: Path) -> None:
        self.name = path.relative_to(PACKAGE).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None


def _collected(node: ast.AST) -> list[ast.expr]:
    """What `node` puts into a message collection, or returns as messages."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "append"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in MESSAGE_COLLECTIONS
        and node.args
    ):
        return [node.args[0]]
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in MESSAGE_COLLECTIONS
        for t in node.targets
    ):
        return [node.value]
    if isinstance(node, ast.FunctionDef) and node.name in MESSAGE_RETURNS:
        returns = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and isinstance(n.value, ast.Tuple)]
        return [elt for value in returns for part in value.elts if isinstance(part, ast.List) for elt in part.elts]
    return []


class MessageScan:
    """The scan of the whole package; `templates()` gives its result."""

    def __init__(self) -> None:
        self.modules = [
            _Module(path)
            for path in sorted(PACKAGE.rglob("*.py"))
            if not path.relative_to(PACKAGE).as_posix().startswith(NOT_SCANNED)
        ]
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        for module in self.modules:
            for node in ast.walk(module.tree):
                if isinstance(node, ast.FunctionDef):
                    self.functions.setdefault(node.name, []).append(node)
        self.sinks = {name: set(positions) for name, positions in SINKS.items()}

    def _returns(self, name: str | None, depth: int, element: int | None = None) -> list[str]:
        found: list[str] = []
        for function in self.functions.get(name or "", []):
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    value = node.value
                    if element is not None:
                        if not (isinstance(value, ast.Tuple) and len(value.elts) > element):
                            continue
                        value = value.elts[element]
                    found += self._resolve(value, function, depth + 1)
        return found

    def _resolve(
        self, expr: ast.expr, func: ast.FunctionDef | None, depth: int = 0, in_value: bool = False
    ) -> list[str]:
        """The templates an expression can evaluate to ([HOLE] when it is a value)."""
        if depth > 10:
            return [HOLE]

        def again(node: ast.expr, value: bool = False) -> list[str]:
            return self._resolve(node, func, depth + 1, value)

        if isinstance(expr, ast.Constant):
            return [expr.value] if isinstance(expr.value, str) else [HOLE]
        if isinstance(expr, ast.JoinedStr):
            texts = [""]
            for part in expr.values:
                if isinstance(part, ast.FormattedValue):
                    pieces = again(part.value, True)
                else:
                    pieces = [str(part.value)] if isinstance(part, ast.Constant) else [HOLE]
                texts = [text + piece for text in texts for piece in pieces]
            return texts
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return [a + b for a in again(expr.left, in_value) for b in again(expr.right, in_value)]
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
            return [re.sub(r"%[sr]", HOLE, text) for text in again(expr.left)]
        if isinstance(expr, ast.IfExp):
            return again(expr.body, in_value) + again(expr.orelse, in_value)
        if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Slice):
            return again(expr.value, in_value)  # f"..."[:300]
        if isinstance(expr, ast.Name) and func is not None:
            return self._resolve_name(expr.id, func, depth, in_value)
        if isinstance(expr, ast.Call):
            name = _call_name(expr)
            if name == "str" and expr.args:
                return again(expr.args[0], in_value)
            if not in_value or name in MESSAGE_FUNCTIONS:
                return self._returns(name, depth) or [HOLE]
        return [HOLE]

    def _resolve_name(self, name: str, func: ast.FunctionDef, depth: int, in_value: bool) -> list[str]:
        params = _params(func)
        if name in params:
            # The message comes from the caller: the function is a sink for that parameter.
            if (not in_value or "message" in name) and func.name not in NOT_SINKS:
                self.sinks.setdefault(func.name, set()).add(params.index(name))
            return [HOLE]
        found: list[str] = []
        for node in ast.walk(func):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    found += self._resolve(node.value, func, depth + 1, in_value)
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Call):
                    names = [elt.id if isinstance(elt, ast.Name) else "" for elt in target.elts]
                    if name in names:
                        found += self._returns(_call_name(node.value), depth, names.index(name))
        return found or [HOLE]  # a loop variable or a value: nothing to follow

    def _sink_calls(self) -> Iterator[tuple[_Module, ast.AST, ast.expr]]:
        for module in self.modules:
            for node in ast.walk(module.tree):
                yield from ((module, node, value) for value in _collected(node))
                if isinstance(node, ast.Call) and (_call_name(node) or "") in self.sinks:
                    for position in sorted(self.sinks[_call_name(node) or ""]):
                        if position < len(node.args) and not isinstance(node.args[position], ast.Starred):
                            yield module, node, node.args[position]

    def templates(self) -> dict[str, Template]:
        """Every message template with words in it -> where it is written."""
        found: dict[str, Template] = {}
        known: dict[str, set[int]] = {}
        while known != self.sinks:  # a new sink brings the calls of a wrapper in
            known = {name: set(positions) for name, positions in self.sinks.items()}
            found = {}
            for module, call, argument in list(self._sink_calls()):
                for resolved in self._resolve(argument, module.enclosing_function(call)):
                    text = re.sub(r"%[sdr]", HOLE, resolved)  # log.warning("%s: ...", value)
                    line = getattr(call, "lineno", 0)
                    found.setdefault(text, Template(text)).places.append(f"{module.name}:{line}")
        return {text: template for text, template in found.items() if template.has_words()}
