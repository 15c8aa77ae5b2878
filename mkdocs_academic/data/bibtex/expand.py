"""Expanding a split file: macros, `#` concatenation, field names; entries without a key.

Reports what cannot be expanded (undefined macros, unbalanced braces, text after a value, a
field swallowed by a missing comma, duplicate fields) with the line of the field. An edited
file expanded again from its previous expansion redoes only the entries that changed.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping

from ...lazy_pattern import LazyPattern
from ..models import Source
from ..problems import Problem
from .macros import Macros
from .model import BibFile, EntrySignature, ExpansionMemo, RawEntry, RawField
from .preamble import DEFAULT_NOOP_MACROS, drop_noop_macros, expand_text_macros
from .split import RawBlock, SplitBib, SplitFile
from .values import COMMENT_LINES, NAME, parse_value, snippet

_UNDEFINED_HINT = "define it with @string or put the value in braces"
_FIELD_START = LazyPattern(r"([^\s\"#%'(),={}]+)[ \t]*\n?[ \t]*=")


def expand_bib_file(file: SplitBib, shared: Mapping[str, tuple[str, int]], previous: BibFile | None = None) -> BibFile:
    """Expand one split file with its own macros first, then the `shared` ones.

    With `previous`, the expansion of an earlier version of the file, entries that did not
    change are taken from it when no macro changed (the result is the same)."""
    memo = previous.expanded if previous is not None else None
    if memo is not None and (
        memo.own != file.split.strings
        or memo.shared != shared
        or memo.noop_macros != file.split.noop_macros
        or memo.text_macros != file.split.text_macros
    ):
        memo = None
    bib = expand_split(file.split, Macros(file.split.strings, shared), memo)
    bib.problems[:0] = file.read_problems
    return bib


def expand_split(split: SplitFile, macros: Macros, previous: ExpansionMemo | None = None) -> BibFile:
    """Expand the values of a split file with `macros`; report what cannot be expanded.

    `previous` holds the entries expanded from an earlier version of the file with the same
    macros: an entry found there unchanged (its text and lines) is taken from it."""
    bib = BibFile(split.path, problems=list(split.problems))
    for name, (_, line) in split.strings.items():
        value = macros(name)
        bib.macros[name] = value if value is not None else ""
        for macro in macros.undefined.get(name, []):
            bib.problems.append(
                Problem(
                    split.path,
                    line,
                    f"undefined macro '{macro}' in @string '{name}'",
                    _UNDEFINED_HINT,
                )
            )
    taken = set(split.keys)
    noops = DEFAULT_NOOP_MACROS | split.noop_macros
    known = previous.entries if previous is not None else {}
    memo: dict[EntrySignature, tuple[RawEntry, tuple[Problem, ...], tuple[RawField, ...]]] = {}
    for block in split.entries:
        if not block.key:  # its generated key depends on the other entries
            bib.entries.append(_expand_entry(block, split.path, macros, bib.problems, taken, noops, split.text_macros))
            continue
        signature = (id(block.fields), block.line)
        hit = known.get(signature) or memo.get(signature)
        # An entry without fields is never taken from the memo: its empty tuple is Python's
        # one empty tuple, the same object for every such entry.
        if hit is None or hit[2] is not block.fields or not block.fields:
            found: list[Problem] = []
            entry = _expand_entry(block, split.path, macros, found, taken, noops, split.text_macros)
            hit = (entry, tuple(found), block.fields)
        memo[signature] = hit
        bib.entries.append(hit[0])
        bib.problems.extend(hit[1])
    bib.problems.sort(key=lambda problem: problem.line)
    bib.expanded = ExpansionMemo(
        split.strings, macros.shared, memo, frozenset(split.noop_macros), dict(split.text_macros)
    )
    return bib


def _generated_key(fields: Mapping[str, str], taken: set[str]) -> str:
    """A key for an entry written without one (Mendeley does this): `family` + `year`."""
    names = fields.get("author") or fields.get("editor") or ""
    first = re.split(r"\s+and\s+", names, maxsplit=1)[0]
    family = first.split(",")[0] if "," in first else (first.split() or [""])[-1]
    ascii_family = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z]", "", ascii_family.lower()) or "anonymous"
    year = re.search(r"\d{4}", fields.get("year") or fields.get("date") or "")
    base = stem + (year.group(0) if year else "")
    key, number = base, 1
    while key.casefold() in taken:
        number += 1
        key = f"{base}-{number}"
    taken.add(key.casefold())
    return key


def _expand_entry(
    block: RawBlock,
    path: str,
    macros: Macros,
    problems: list[Problem],
    taken: set[str],
    noops: frozenset[str] = DEFAULT_NOOP_MACROS,
    text_macros: Mapping[str, str] | None = None,
) -> RawEntry:
    """One entry with its values expanded, sorting macros `noops` dropped and `text_macros`
    replaced by their text (`preamble`); problems are appended to `problems`."""
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    label = block.key or f"@{block.entry_type} at line {block.line}"
    pending: list[tuple[str, str, int]] = [
        (raw_name, raw_value, line) for (raw_name, raw_value), line in zip(block.fields, block.field_lines, strict=True)
    ]
    index = 0
    while index < len(pending):
        raw_name, raw_value, line = pending[index]
        index += 1
        if raw_name.isalnum():
            # One string object per field name, not one per entry (10,000 entries, 100,000 fields).
            name = raw_name if raw_name.islower() else sys.intern(raw_name.lower())
        else:
            name = _field_name(raw_name)
            if not name:
                continue  # the whole field was commented out with `%`
            if not NAME.fullmatch(name) or name.startswith("@"):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"invalid field name '{snippet(raw_name, 30)}' in entry '{label}'; the field is ignored",
                        "check the commas and braces before it",
                    )
                )
                continue
        # Fast path for the usual `{text}` without inner braces; else the full value parser.
        inner = raw_value[1:-1]
        if raw_value[:1] == "{" and raw_value[-1:] == "}" and "{" not in inner and "}" not in inner:
            text = inner
        else:
            text = _expand_value(raw_value, name, line, label, path, macros, problems, pending, index)
        if "\\" in text:
            text = drop_noop_macros(text, noops)
            if text_macros:
                text = expand_text_macros(text, text_macros)
        if name in fields:
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate field '{name}' in entry '{label}' (first at line {field_lines[name]}); "
                    "the first value is kept",
                    "remove one of them",
                )
            )
            continue
        fields[name] = text
        field_lines[name] = line
    key = block.key
    if not key:
        key = _generated_key(fields, taken)
        problems.append(
            Problem(
                path,
                block.line,
                f"@{block.entry_type} entry without a key; it is shown with the key '{key}'",
                f"add a citation key after '@{block.entry_type}{{'",
            )
        )
    return RawEntry(key, block.entry_type, fields, field_lines, Source(path, block.line))


def _expand_value(
    raw_value: str,
    name: str,
    line: int,
    label: str,
    path: str,
    macros: Macros,
    problems: list[Problem],
    pending: list[tuple[str, str, int]],
    index: int,
) -> str:
    """Parse one value in full; report undefined macros, unbalanced braces and trailing text.

    A field swallowed by a missing comma is inserted into `pending` at `index`.
    """
    if raw_value[:1] in '{"' and "#" not in raw_value:
        value = parse_value(raw_value, macros)
    else:  # macros may be used: note which, to find one used above its @string
        used: list[str] = []

        def lookup(macro: str) -> str | None:
            used.append(macro)
            return macros(macro)

        value = parse_value(raw_value, lookup)
        for macro in used:
            later = macros.defined_later(macro, line)
            if later:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"macro '{macro}' in field '{name}' of entry '{label}' is used above its "
                        f"@string on line {later}; BibTeX and biber leave it undefined here",
                        "move the @string above the entries that use it",
                    )
                )
    for macro in value.undefined:
        problems.append(
            Problem(path, line, f"undefined macro '{macro}' in field '{name}' of entry '{label}'", _UNDEFINED_HINT)
        )
    if value.unbalanced:
        problems.append(
            Problem(
                path,
                line,
                f"unbalanced braces or quotes in field '{name}' of entry '{label}'",
                "close every { with } and every opening quote",
            )
        )
    if value.end < len(raw_value):
        recovered = _after_value(raw_value, value.end, name, line, label, path, problems)
        if recovered is not None:
            pending.insert(index, recovered)
    return value.text


def _after_value(
    raw_value: str,
    end: int,
    name: str,
    line: int,
    label: str,
    path: str,
    problems: list[Problem],
) -> tuple[str, str, int] | None:
    """Handle text after a complete value: a field swallowed for a missing comma, or junk."""
    rest = COMMENT_LINES.sub("", raw_value[end:])
    stripped = rest.lstrip()
    if not stripped:
        return None
    rest_line = line + raw_value.count("\n", 0, end) + rest[: len(rest) - len(stripped)].count("\n")
    swallowed = _FIELD_START.match(stripped)
    if swallowed:
        next_name = swallowed.group(1).lower()
        problems.append(
            Problem(
                path,
                rest_line,
                f"missing comma before field '{next_name}' in entry '{label}'?",
                "add a comma after the previous field",
            )
        )
        return (next_name, stripped[swallowed.end() :].strip(), rest_line)
    problems.append(
        Problem(
            path,
            rest_line,
            f"unexpected text '{snippet(stripped, 30)}' after the value of field '{name}' "
            f"in entry '{label}'; it is ignored",
            "join the parts with # or put the whole value in braces",
        )
    )
    return None


def _field_name(raw_name: str) -> str:
    """Field name without `%` comment lines before it (`% note = ...` lines are comments)."""
    if "%" in raw_name or "\n" in raw_name:
        lines = [line for line in raw_name.split("\n") if not line.lstrip().startswith("%")]
        raw_name = " ".join(lines)
    return raw_name.strip().lower()
