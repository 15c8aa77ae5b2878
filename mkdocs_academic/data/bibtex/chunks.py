"""A text cut into chunks at every block start, each chunk read by the fast reader or by
bibtexparser; an edited text re-reads only the chunks that changed.

The text is cut before every `@` that starts a block at the start of a line. No block spans
such a cut, and how a chunk is split depends only on its own text and on the block start that
follows it; so the records of an unchanged chunk can be kept from the split of an earlier
version of the text (`mkdocs serve`: an edit to one entry of a large file reads about one
entry). bench/bibtex_split.py measures what this saves.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .fast_reader import fast_records
from .records import Record

# A block start, as bibtexparser's splitter finds it. At the start of a line (after blanks) it
# always begins a new block, even inside an unclosed one (see `_is_at_line_start` there).
_BLOCK_START = re.compile(r"@\w*[ \t]*(?=[{(])")


@dataclass
class ParsedChunks:
    """The records of a text, by chunk (see the module's docstring)."""

    chunks: list[str]
    lines: list[int]  # the line each chunk starts on
    records: list[tuple[Record, ...]]
    #: How many chunks this split gave to a reader; the others were kept from the previous split.
    reparsed: int = 0


def cut_into_chunks(text: str) -> tuple[list[str], list[int]]:
    """`text` cut before every block start at the start of a line, and the line of each piece."""
    cuts = [0]
    for match in _BLOCK_START.finditer(text):
        at = match.start()
        line_start = text.rfind("\n", 0, at) + 1
        if at > 0 and (line_start == at or text[line_start:at].isspace()):
            cuts.append(at)
    chunks = [text[start:end] for start, end in zip(cuts, cuts[1:] + [len(text)], strict=True)]
    lines = [1]
    for chunk in chunks[:-1]:
        lines.append(lines[-1] + chunk.count("\n"))
    return chunks, lines


def parse_blocks(text: str, previous: ParsedChunks | None, *, fast: bool) -> tuple[list[Record], ParsedChunks | None]:
    """The blocks of `text` as bibtexparser splits them, with the chunks they were cut into.

    With the `previous` parse of an earlier version of the text, only the chunks that changed
    are parsed again. With `fast`, a chunk the fast reader can read is not given to
    bibtexparser (the result is the same). The chunks are None when the text was parsed whole.
    """
    if "\\\n" in text:  # bibtexparser miscounts lines there; `_LineFinder` needs the whole text
        return _bibtexparser_records(text, 1), None
    chunks, lines = cut_into_chunks(text)
    if previous is None:
        records_by_chunk = _parse_chunks(chunks, lines, 0, len(chunks), fast)
        parsed = ParsedChunks(chunks, lines, records_by_chunk, reparsed=len(chunks))
        return [record for chunk in records_by_chunk for record in chunk], parsed
    old = previous
    shortest = min(len(old.chunks), len(chunks))
    same_start = 0
    while same_start < shortest and old.chunks[same_start] == chunks[same_start]:
        same_start += 1
    same_end = 0
    while same_end < shortest - same_start and old.chunks[-1 - same_end] == chunks[-1 - same_end]:
        same_end += 1
    # A chunk's blocks depend on the block start after it: the last unchanged chunk before the
    # change is parsed again (`_parse_run` gives a run the start of the chunk after it).
    first = max(same_start - 1, 0)
    stop = len(chunks) - same_end
    records_by_chunk = old.records[:first] + _parse_chunks(chunks, lines, first, stop, fast)
    if same_end:
        old_stop = len(old.chunks) - same_end
        shift = lines[stop] - old.lines[old_stop]
        for kept in old.records[old_stop:]:
            records_by_chunk.append(
                tuple((block, line + shift, tuple(at + shift for at in lines)) for block, line, lines in kept)
                if shift
                else kept
            )
    parsed = ParsedChunks(chunks, lines, records_by_chunk, reparsed=stop - first)
    return [record for chunk in records_by_chunk for record in chunk], parsed


def _parse_chunks(chunks: list[str], lines: list[int], first: int, stop: int, fast: bool) -> list[tuple[Record, ...]]:
    """The records of chunks `first` to `stop` (excluded), by chunk: by the fast reader where it
    applies (with `fast`), else by bibtexparser, which gets each run of such chunks at once."""
    result: list[tuple[Record, ...]] = []
    run = first  # the first chunk of the run still to give to bibtexparser
    for index in range(first, stop):
        records = fast_records(chunks[index], lines[index]) if fast else None
        if records is None:
            continue
        if run < index:
            result.extend(_parse_run(chunks, lines, run, index))
        result.append(records)
        run = index + 1
    if run < stop:
        result.extend(_parse_run(chunks, lines, run, stop))
    return result


def _parse_run(chunks: list[str], lines: list[int], first: int, stop: int) -> list[tuple[Record, ...]]:
    """bibtexparser's records of chunks `first` to `stop` (excluded), by chunk.

    An unclosed block ends where the next chunk's block starts ("Unexpected block start"): the
    run is parsed followed by the first line of that chunk (which holds its whole block start),
    whose own records are dropped."""
    text = "".join(chunks[first:stop])
    if stop < len(chunks):
        following = chunks[stop]
        newline = following.find("\n")
        text += following if newline < 0 else following[: newline + 1]
    return _by_chunk(_bibtexparser_records(text, lines[first]), lines, first, stop)


def _by_chunk(records: list[Record], lines: list[int], first: int, stop: int) -> list[tuple[Record, ...]]:
    """`records` of chunks `first` to `stop` (excluded) sorted into their chunks; others dropped."""
    result: list[list[Record]] = [[] for _ in range(first, stop)]
    for record in records:
        index = bisect.bisect_right(lines, record[1]) - 1
        if first <= index < stop:
            result[index - first].append(record)
    return [tuple(chunk_records) for chunk_records in result]


def _bibtexparser_records(text: str, first_line: int) -> list[Record]:
    """bibtexparser's records of `text`. bibtexparser (and pylatexenc, which it imports) is
    imported when a chunk first needs it: a file of well-formed entries never does."""
    from .bibtexparser_reader import bibtexparser_records

    return bibtexparser_records(text, first_line)
