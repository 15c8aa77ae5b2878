"""From the bytes of a `.bib` file to the text the split reads.

UTF-8 with or without BOM, UTF-16, else Windows-1252; Windows and old Mac line ends; Jekyll
front matter blanked out (keeping lines); control characters removed. Each guess is a Problem.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lazy_pattern import LazyPattern
from ..problems import Problem

_FRONT_MATTER = LazyPattern(r"---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)[ \t]*(?=\n|$)", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def decode_bytes(data: bytes, display_path: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), else Windows-1252 / Latin-1 with a Problem."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            return text, [Problem(display_path, 0, "the file is UTF-16; it was read as such", "save the file as UTF-8")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    problem = Problem(
        display_path,
        line,
        "the file is not UTF-8; it was read as Windows-1252 (Latin-1), so some characters may be wrong",
        "save the file as UTF-8",
    )
    return text, [problem]


def read_text(path: Path, display_path: str) -> tuple[str, list[Problem]]:
    """The decoded text of the file at `path` ("" with a Problem when it cannot be read)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return "", [Problem(display_path, 0, f"cannot read the file: {reason}")]
    return decode_bytes(data, display_path)


def prepare_text(text: str) -> str:
    """Normalise line ends, drop a BOM and blank out Jekyll front matter (keeping lines)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if match:
            text = "\n" * match.group(0).count("\n") + text[match.end() :]
    return text


def drop_control_characters(text: str, path: str) -> tuple[str, list[Problem]]:
    """Remove control characters (NUL and co.), which no BibTeX value may hold; report them."""
    # Looking for them in the UTF-8 bytes is several times quicker than a regex search of the
    # text (in UTF-8 these characters are single bytes that no other character contains).
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _CONTROL_BYTES)) == len(data):
        return text, []
    found = _CONTROL.search(text)
    if found is None:
        return text, []
    count = len(_CONTROL.findall(text))
    problem = Problem(
        path,
        text.count("\n", 0, found.start()) + 1,
        f"the file contains {count} control character(s) such as U+{ord(found.group(0)):04X}; they are removed",
        "save the file as plain UTF-8 text; a NUL byte often means a UTF-16 or binary file",
    )
    return _CONTROL.sub("", text), [problem]
