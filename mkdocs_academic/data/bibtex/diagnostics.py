"""Messages for what bibtexparser tolerates or gives up on, in the user's terms.

Blocks it could not parse (with the field whose brace is never closed), `@name{` blocks read
as comments, lines starting with a stray `@`, fields left after an entry an extra `}` closed
early, and a file with no entry at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lazy_pattern import LazyPattern
from ..problems import Problem
from .records import EntryBlock, FreeText
from .values import BRACE, COMMENT_LINES, snippet

if TYPE_CHECKING:
    from bibtexparser.model import ExplicitComment, ParsingFailedBlock, Preamble

#: `@type{key` or `@type(key` at the start of a block's raw text.
BLOCK_KEY = LazyPattern(r"@\s*(\w*)\s*[{(]\s*([^,\s{}()]*)")
_STRAY_AT = re.compile(r"^[ \t]*@\s*(\w*)", re.MULTILINE)
_IGNORED_BLOCKS = ("comment", "preamble")
_NOT_ENTRIES = ("comment", "preamble", "string")
_FIELD_LINE = re.compile(r"[ \t]*,?[ \t]*([^\s\"#%'(),={}]+)[ \t]*=")


def read_as_comment_problem(path: str, block: ExplicitComment | Preamble, line: int) -> Problem | None:
    """A Problem for a block bibtexparser read as a comment although written `@commentary{`."""
    written = BLOCK_KEY.match(block.raw or "")
    if written and written.group(1).lower() not in _IGNORED_BLOCKS:
        return Problem(
            path,
            line,
            f"'@{written.group(1)}' is read as a comment and ignored",
            "fix the entry type, or write @comment{...}",
        )
    return None


def failed_block_problem(path: str, block: ParsingFailedBlock, line: int) -> Problem | None:
    """A Problem for a block bibtexparser could not parse (None for a `@comment` or `@preamble`)."""
    raw = block.raw or ""
    match = BLOCK_KEY.match(raw)
    block_type = match.group(1).lower() if match else ""
    if block_type in _IGNORED_BLOCKS:
        return None
    reason = getattr(block.error, "abort_reason", str(block.error)).strip()
    what = "@string" if block_type == "string" else "entry"
    if match and match.group(2) and block_type != "string":
        what = f"entry '{match.group(2)}'"
    message, hint = _diagnose_failed(raw, line, reason)
    return Problem(path, line, f"could not read {what} starting with '{snippet(raw)}': {message}; it is ignored", hint)


def _unclosed_field(raw: str, line: int) -> tuple[str, int] | None:
    """The field (name, line) whose `{` is still open when the next field starts, if any."""
    depth = 0
    current: tuple[str, int] | None = None
    for offset, text in enumerate(raw.split("\n")):
        if offset and depth > 1 and current is not None and _FIELD_LINE.match(text):
            return current
        if depth <= 1:
            found = _FIELD_LINE.match(text.split("{", 1)[1] if offset == 0 and "{" in text else text)
            if found:
                current = (found.group(1).lower(), line + offset)
        for brace in BRACE.findall(text):
            depth += 1 if brace == "{" else -1
    return current if depth > 1 else None


def _diagnose_failed(raw: str, line: int, reason: str) -> tuple[str, str]:
    """A message and hint for a block bibtexparser gave up on, in the user's terms."""
    unclosed = _unclosed_field(raw, line)
    end = line + raw.count("\n")
    if unclosed is not None:
        name, field_line = unclosed
        return (
            f"the '{{' of field '{name}' on line {field_line} is never closed, so the entry runs on to line {end}",
            f"add the missing '}}' at the end of the value of '{name}'",
        )
    if reason.startswith("Unexpected block start"):
        return (
            f"the entry is not closed before the next '@' on line {end + 1}",
            "check that every '{' and '\"' of the entry is closed and the entry ends with '}'",
        )
    if reason.startswith("Unexpectedly reached end of file"):
        return (
            "the entry is not closed before the end of the file",
            "check that every '{' and '\"' of the entry is closed and the entry ends with '}'",
        )
    if "Expected a `=`" in reason or "Expected equals sign" in reason:
        return (
            f"a field without '=' ({reason.rstrip('.')})",
            "write each field as `name = {value},`",
        )
    if "Expected comma after entry key" in reason:
        return ("no comma after the entry key", "write the entry as `@type{key, field = {value}, ...}`")
    return (f"invalid BibTeX ({reason.rstrip('.')})", "check its braces, quotes and commas")


def closed_early_problem(path: str, entry: EntryBlock, block: FreeText, line: int) -> Problem | None:
    """A Problem for fields left after an entry that an extra `}` closed too early, if any."""
    comment = COMMENT_LINES.sub("", block.comment)
    stripped = comment.lstrip(" \t\n,")
    found = _FIELD_LINE.match(stripped)
    if not found:
        return None
    field_line = line + comment[: len(comment) - len(stripped)].count("\n")
    return Problem(
        path,
        field_line,
        f"field '{found.group(1).lower()}' comes after the end of entry '{entry.key.strip()}' and is ignored: "
        "an extra '}' closed the entry early",
        "remove the extra '}' before it",
    )


def stray_at_problems(path: str, block: FreeText, line: int) -> list[Problem]:
    """Problems for lines of free text that start with `@` but do not start an entry."""
    comment = block.comment
    if "@" not in comment:
        return []
    problems: list[Problem] = []
    for match in _STRAY_AT.finditer(comment):
        if match.group(1).lower() in _NOT_ENTRIES:
            continue
        at_line = line + comment.count("\n", 0, match.start())
        first_line = comment[match.start() :].split("\n", 1)[0]
        problems.append(
            Problem(
                path,
                at_line,
                f"'{snippet(first_line, 40)}' does not start an entry; it is ignored",
                "write an entry as @type{key, field = {value}, ...} with '@type{' on one line",
            )
        )
    return problems


def empty_file_problem(path: str, text: str) -> Problem:
    """The Problem for a file without entries, macros or other problems."""
    empty = not COMMENT_LINES.sub("", text).strip()
    return Problem(
        path,
        0,
        "the file is empty" if empty else "the file holds no BibTeX entry",
        "add entries such as @article{key, title = {...}, ...} or delete the file",
    )
