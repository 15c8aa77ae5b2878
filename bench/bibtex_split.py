"""Splitting BibTeX: the fast reader against bibtexparser, and re-splitting an edited file.

Run by `make bench` after bench/run.py (or `python bench/bibtex_split.py` in a venv with this
package installed). Prints, never asserts:

1. the split of the first 1,000 entries of petsc.bib (`split_text`) with the fast reader and
   without it (every chunk to bibtexparser), beside `bibtexparser.parse_string` of the text;
2. for an edited 1,000- and 5,000-entry file (one title changed in the middle, as under
   `mkdocs serve`): `split_bib_file` from scratch against `split_bib_file(..., previous)`,
   which re-parses only the changed chunks, and the expansion that follows each
   (`expand_bib_file`: from scratch, and from the previous expansion, which can keep the
   entries of the chunks the split kept).

Real entries (petsc.bib, then cdl.bib) when the corpora are there, else synthetic ones. Every
figure is the median of several runs; the compared runs are interleaved run by run.
"""

from __future__ import annotations

import argparse
import functools
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bibtexparser
from run import corpora_label, corpus_entries, synthetic_entries

from mkdocs_academic.data.bibtex import expand_bib_file, shared_macros, split_bib_file
from mkdocs_academic.data.bibtex.decoding import prepare_text
from mkdocs_academic.data.bibtex.split import split_text

SIZES = (1_000, 5_000)
_TITLE = re.compile(r"(\btitle\s*=\s*)(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\")", re.IGNORECASE)


def median_ms(durations: list[float]) -> float:
    return statistics.median(durations) * 1000


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def readers(text: str, runs: int) -> str:
    """Part 1: one text split with and without the fast reader, and bibtexparser's parse."""
    fast: list[float] = []
    slow: list[float] = []
    parser: list[float] = []
    for _ in range(runs):
        fast.append(timed(lambda: split_text(text, "refs.bib")))
        slow.append(timed(lambda: split_text(text, "refs.bib", fast=False)))
        parser.append(timed(lambda: bibtexparser.parse_string(text, parse_stack=[])))
    return (
        f"split of {len(text):,} characters (1,000 entries): {median_ms(fast):.1f} ms with the fast reader, "
        f"{median_ms(slow):.1f} ms without it; bibtexparser.parse_string: {median_ms(parser):.1f} ms "
        f"(split / parse = {median_ms(fast) / median_ms(parser):.2f})"
    )


def edited_title(text: str, run: int) -> str:
    """`text` with the title of the entry in its middle changed."""
    found = _TITLE.search(text, text.index("\n@", len(text) // 2))
    assert found is not None
    return text[: found.start(2)] + "{Edited title " + str(run) + "}" + text[found.end(2) :]


def resplit(entries: list[str], size: int, work: Path, runs: int) -> str:
    """Part 2: an edited file of `size` entries split (and expanded) from scratch and from the
    split (and expansion) of the file before the edit."""
    path = work / f"pubs-{size}.bib"
    original = "\n\n".join(entries[:size]) + "\n"
    path.write_text(original, encoding="utf-8")
    before = split_bib_file(path, "pubs.bib")
    before_bib = expand_bib_file(before, shared_macros([before]))
    scratch: list[float] = []
    incremental: list[float] = []
    expand_scratch: list[float] = []
    expand_incremental: list[float] = []
    for run in range(runs):
        path.write_text(edited_title(original, run), encoding="utf-8")
        started = time.perf_counter()
        fresh = split_bib_file(path, "pubs.bib")
        scratch.append(time.perf_counter() - started)
        started = time.perf_counter()
        again = split_bib_file(path, "pubs.bib", before)
        incremental.append(time.perf_counter() - started)
        assert [raw.line for raw in again.split.entries] == [raw.line for raw in fresh.split.entries]
        macros = shared_macros([fresh])
        expand_scratch.append(timed(functools.partial(expand_bib_file, fresh, macros)))
        expand_incremental.append(timed(functools.partial(expand_bib_file, again, macros, before_bib)))
    split_ratio = median_ms(scratch) / median_ms(incremental)
    expand_ratio = median_ms(expand_scratch) / median_ms(expand_incremental)
    return (
        f"{size:>6,} entries, one title edited: split {median_ms(scratch):6.1f} ms from scratch, "
        f"{median_ms(incremental):6.1f} ms re-parsing the changed chunks ({split_ratio:.1f}x); "
        f"then expand {median_ms(expand_scratch):6.1f} ms vs {median_ms(expand_incremental):6.1f} ms "
        f"({expand_ratio:.1f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per measurement (median)")
    args = parser.parse_args()
    real = corpus_entries()
    entries = real if len(real) >= max(SIZES) else synthetic_entries(max(SIZES))
    source = f"the first entries of the corpora in {corpora_label()}" if entries is real else "synthetic entries"
    print(f"BibTeX split ({source}, median of {args.runs} runs)")
    print(readers(prepare_text("\n\n".join(entries[:1_000]) + "\n"), args.runs))
    with tempfile.TemporaryDirectory(prefix="academic-split-") as work:
        for size in SIZES:
            print(resplit(entries, size, Path(work), args.runs), flush=True)


if __name__ == "__main__":
    main()
