"""Fuzz the BibTeX and YAML loaders: the only outcomes allowed are a result or our own Problems.

    python tests/fuzz/run_fuzz.py --cases 100000 [--seed 1] [--jobs 2]

It needs the shared corpora: the folder in $ACADEMIC_CORPORA, else `../shared/corpora` beside
the repository (as in tests/conftest.py).

Each case is one input, read through the same path a build takes (bytes on disk ->
decoding -> parsing -> `Publication` / news / CV / profile objects). Kinds of input:

- `bib-mutation`: a window of one to four entries of a real .bib file from the shared
  corpora, with one to three random edits (delete, insert a BibTeX-significant character,
  a random byte, NUL, an invalid UTF-8 byte, duplicate or drop a slice, truncate);
- `bib-random`: random bytes, often starting like an entry;
- `bib-extreme`: deeply nested braces, a huge field (10 MB in a few cases), NUL bytes, a
  file of only `@`, invalid UTF-8 everywhere;
- `yaml-mutation` / `yaml-random`: the same for news.yml, cv.yml, profile.yml,
  publications.yml and resume.json (the example site's and the corpora's YAML/JSON).

Oracles, checked on every case:

1. no exception escapes a loader (only `Problem`s);
2. every line that starts a BibTeX entry (`@type`, not `@string/@comment/@preamble`) is the
   source of a returned entry or the line of a Problem (nothing lost without a word);
3. for BibTeX mutations, every entry of the window that no edit touched is still returned
   (or named in a Problem, for a key an edit made a duplicate of);
4. every Problem has a path, a line >= 0 and a message.

Prints how many cases ran per kind and every failure (with the seed to replay it); exits 1
when any case failed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The same variable and default as tests/conftest.py (this script also runs outside pytest).
CORPORA = Path(os.environ.get("ACADEMIC_CORPORA") or REPO.parent / "shared" / "corpora").expanduser().resolve()

_AT_LINE = re.compile(rb"^[ \t]*@[ \t]*(\w*)", re.MULTILINE)
# A line that starts an entry: `@type{` or `@type(` (a `@word =` line is a mangled field).
_ENTRY_LINE = re.compile(rb"^[ \t]*@[ \t]*(\w*)[ \t]*[{(]", re.MULTILINE)
_NOT_ENTRIES = {b"string", b"comment", b"preamble"}
_SIGNIFICANT = [b"{", b"}", b"@", b",", b"=", b'"', b"\\", b"#", b"%", b"\n", b"(", b")", b"~", b"$", b" and "]
_YAML_SIGNIFICANT = [b":", b"-", b" ", b"\n", b"  ", b"[", b"]", b"{", b"}", b'"', b"'", b"#", b"&", b"*", b"!", b"|"]


@dataclass
class Outcome:
    """What a batch of cases found."""

    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    entries_checked: int = 0


# --- inputs ----------------------------------------------------------------------------------


_WINDOWS_CACHE: list[bytes] = []


def _bib_windows() -> list[bytes]:
    """Windows of one to four consecutive entries from every corpus .bib file."""
    if _WINDOWS_CACHE:
        return _WINDOWS_CACHE
    windows: list[bytes] = _WINDOWS_CACHE
    rng = random.Random(0)
    for path in sorted(CORPORA.rglob("*.bib")):
        data = path.read_bytes()
        starts = [m.start() for m in _AT_LINE.finditer(data)] + [len(data)]
        if len(starts) < 2:
            continue
        for _ in range(min(200, len(starts))):
            first = rng.randrange(len(starts) - 1)
            last = min(len(starts) - 1, first + rng.randint(1, 4))
            chunk = data[starts[first] : starts[last]]
            if len(chunk) < 20_000:
                windows.append(chunk)
    return windows


def _yaml_samples() -> list[tuple[str, bytes]]:
    """(file name the loader expects, content) for every YAML/JSON sample we know."""
    samples: list[tuple[str, bytes]] = []
    example = REPO / "example-site" / "data"
    for name in ("news.yml", "cv.yml", "profile.yml", "publications.yml"):
        if (example / name).is_file():
            samples.append((name, (example / name).read_bytes()))
    for path in sorted(CORPORA.rglob("*")):
        if path.suffix in {".yml", ".yaml"} and path.stat().st_size < 50_000:
            samples.append(("cv.yml" if "cv" in path.name else "publications.yml", path.read_bytes()))
        elif path.name.endswith("resume.json") or path.name == "cv.json":
            samples.append(("resume.json", path.read_bytes()))
    return samples


def _mutate(rng: random.Random, data: bytes, significant: list[bytes]) -> tuple[bytes, list[tuple[int, int]]]:
    """`data` with one to three random edits, and the (start, end) spans of the original they touched."""
    touched: list[tuple[int, int]] = []
    # Edits are applied from the end backwards so earlier offsets stay valid.
    positions = sorted((rng.randrange(len(data) + 1) for _ in range(rng.randint(1, 3))), reverse=True)
    for position in positions:
        kind = rng.randrange(9)
        if kind == 0 and position < len(data):  # delete a few bytes
            end = min(len(data), position + rng.randint(1, 4))
            data = data[:position] + data[end:]
            touched.append((position, end))
        elif kind == 1:  # insert a significant character
            data = data[:position] + rng.choice(significant) + data[position:]
            touched.append((position, position))
        elif kind == 2:  # a random byte
            data = data[:position] + bytes([rng.randrange(256)]) + data[position:]
            touched.append((position, position))
        elif kind == 3:  # NUL
            data = data[:position] + b"\x00" + data[position:]
            touched.append((position, position))
        elif kind == 4:  # an invalid UTF-8 sequence
            data = data[:position] + rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80"]) + data[position:]
            touched.append((position, position))
        elif kind == 5 and position < len(data):  # duplicate a slice
            end = min(len(data), position + rng.randint(1, 200))
            data = data[:end] + data[position:end] + data[end:]
            touched.append((position, end))
        elif kind == 6:  # truncate
            touched.append((position, len(data)))
            data = data[:position]
        elif kind == 7 and position < len(data):  # replace a byte by a significant one
            data = data[:position] + rng.choice(significant) + data[position + 1 :]
            touched.append((position, position + 1))
        else:  # swap two neighbours
            if 0 < position < len(data):
                data = (
                    data[: position - 1]
                    + data[position : position + 1]
                    + data[position - 1 : position]
                    + data[position + 1 :]
                )
                touched.append((position - 1, position + 1))
    return data, touched


def _extreme(rng: random.Random, index: int) -> bytes:
    choice = index % 8
    if choice == 0:
        depth = rng.randint(100, 50_000)
        return b"@article{deep, title = " + b"{" * depth + b"x" + b"}" * rng.choice([depth, depth - 1, 0]) + b"}\n"
    if choice == 1:
        size = 10_000_000 if index % 400 == 1 else rng.randint(10_000, 300_000)
        return b"@article{big, title = {" + b"a" * size + b"}, author = {A, B}, year = 2020}\n"
    if choice == 2:
        return b"@article{nul\x00, title = {\x00\x00}, author = {\x00}, year = {20\x0020}}\n\x00@misc{b, title={x}}"
    if choice == 3:
        return b"@" * rng.randint(1, 5000)
    if choice == 4:
        return bytes(rng.randrange(128, 256) for _ in range(rng.randint(1, 2000)))
    if choice == 5:
        return b"@string{a = a # b}\n@string{b = a}\n@article{x, title = a # b # " + b"a # " * 2000 + b"b}\n"
    if choice == 6:
        return b'@article{q, title = "' + b'{"' * rng.randint(1, 3000) + b'"}\n'
    return b"@article{c, crossref = {d}}\n@article{d, crossref = {c}}\n@book{e, crossref={e}}\n"


# --- checks ----------------------------------------------------------------------------------


def _entry_lines(data: bytes) -> set[int]:
    lines: set[int] = set()
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").encode()
    for match in _ENTRY_LINE.finditer(text):
        if match.group(1).lower() not in _NOT_ENTRIES:
            lines.add(text.count(b"\n", 0, match.start()) + 1)
    return lines


def _load_bib(path: Path, data: bytes) -> tuple[list, list]:
    """What a build does with one .bib file: read, resolve crossrefs, make publications."""
    from mkdocs_academic.data.bibtex import clean_bibtex, read_bib_file, resolve_crossrefs
    from mkdocs_academic.data.fields import PRESENTATION_FIELDS, publication_from_fields

    path.write_bytes(data)
    bib = read_bib_file(path, "data/fuzz.bib")
    entries, _parents, problems = resolve_crossrefs([bib])
    problems = list(bib.problems) + problems
    for entry in entries:
        publication_from_fields(
            entry.key,
            entry.entry_type,
            entry.fields,
            entry.source,
            field_lines=entry.field_lines,
            bibtex=clean_bibtex(entry, PRESENTATION_FIELDS),
            problems=problems,
        )
    return bib.entries, problems


def _check_bib(
    outcome: Outcome, kind: str, seed: int, path: Path, data: bytes, untouched_keys: set[str] | None = None
) -> None:
    outcome.counts[kind] += 1
    try:
        entries, problems = _load_bib(path, data)
    except Exception:  # noqa: BLE001 - the very thing we look for
        outcome.failures.append(f"{kind} seed={seed}: exception\n{traceback.format_exc()}")
        return
    expected = _entry_lines(data)
    read = {entry.source.line for entry in entries}
    reported = {problem.line for problem in problems}
    lost = expected - read - reported
    if lost and not any(problem.line == 0 for problem in problems if "UTF-16" in problem.message):
        outcome.failures.append(f"{kind} seed={seed}: entries at lines {sorted(lost)[:5]} lost without a message")
    for problem in problems:
        if not problem.path or problem.line < 0 or not problem.message:
            outcome.failures.append(f"{kind} seed={seed}: malformed problem {problem!r}")
    if untouched_keys:
        keys = {entry.key.casefold() for entry in entries}
        messages = " ".join(problem.message for problem in problems).casefold()
        for key in untouched_keys:
            outcome.entries_checked += 1
            if key not in keys and f"'{key}'" not in messages:
                outcome.failures.append(f"{kind} seed={seed}: untouched entry '{key}' was not returned")


def _check_yaml(outcome: Outcome, kind: str, seed: int, folder: Path, name: str, data: bytes) -> None:
    from mkdocs_academic.data.publications_yaml import load_yaml_publications
    from mkdocs_academic.data.store import DataStore

    outcome.counts[kind] += 1
    path = folder / name
    path.write_bytes(data)
    try:
        if name == "publications.yml":
            items, problems = load_yaml_publications(path, f"data/{name}", 0)
        else:
            loader = DataStore(folder).loader_for(name)
            assert loader is not None, name
            items, problems = loader.load(path, f"data/{name}")
    except Exception:  # noqa: BLE001 - the very thing we look for
        outcome.failures.append(f"{kind} {name} seed={seed}: exception\n{traceback.format_exc()}")
        return
    for problem in problems:
        if not problem.path or problem.line < 0 or not problem.message:
            outcome.failures.append(f"{kind} seed={seed}: malformed problem {problem!r}")
    if name == "publications.yml" and not problems:
        # Nothing lost: without a problem, every top-level `- ` item became a publication.
        items_written = len(re.findall(rb"^- ", data, re.MULTILINE))
        if b"publications:" not in data and items_written and len(items) != items_written:
            outcome.failures.append(f"{kind} seed={seed}: {items_written} items written, {len(items)} read, no message")


# --- driver ----------------------------------------------------------------------------------


def make_case(
    case_seed: int, windows: list[bytes], yaml_samples: list[tuple[str, bytes]]
) -> tuple[str, str, bytes, int]:
    """(kind, file name, content, window index or -1) of one case, from its seed alone."""
    case = random.Random(case_seed)
    number = case_seed % 10_000_000
    roll = case.random()
    if roll < 0.55:
        index = case.randrange(len(windows))
        mutated, _ = _mutate(case, windows[index], _SIGNIFICANT)
        return "bib-mutation", "fuzz.bib", mutated, index
    if roll < 0.65:
        prefix = case.choice([b"", b"@article{k,", b"@string{", b"@misc{x, title = {"])
        return "bib-random", "fuzz.bib", prefix + bytes(case.randrange(256) for _ in range(case.randint(0, 300))), -1
    if roll < 0.67:
        return "bib-extreme", "fuzz.bib", _extreme(case, number), -1
    if roll < 0.95:
        name, sample = case.choice(yaml_samples)
        mutated, _ = _mutate(case, sample, _YAML_SIGNIFICANT)
        return "yaml-mutation", name, mutated, -1
    name = case.choice(["news.yml", "cv.yml", "profile.yml", "publications.yml", "resume.json"])
    return "yaml-random", name, bytes(case.randrange(256) for _ in range(case.randint(0, 300))), -1


def run_batch(seed: int, cases: int) -> Outcome:
    """Run `cases` cases from `seed` (deterministic for the same arguments)."""
    windows = _bib_windows()
    yaml_samples = _yaml_samples()
    outcome = Outcome()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        bib_path = base / "fuzz.bib"
        baseline_cache: dict[int, set[str]] = {}
        for number in range(cases):
            case_seed = seed * 10_000_000 + number
            kind, name, data, index = make_case(case_seed, windows, yaml_samples)
            if kind == "bib-mutation":
                if index not in baseline_cache:
                    entries, _ = _load_bib(bib_path, windows[index])
                    baseline_cache[index] = {entry.key.casefold() for entry in entries}
                _, touched = _mutate(_case_rng(case_seed), windows[index], _SIGNIFICANT)
                untouched = _untouched(windows[index], touched, baseline_cache[index])
                _check_bib(outcome, kind, case_seed, bib_path, data, untouched)
            elif kind.startswith("bib"):
                _check_bib(outcome, kind, case_seed, bib_path, data)
            else:
                _check_yaml(outcome, kind, case_seed, base, name, data)
    return outcome


def _case_rng(case_seed: int) -> random.Random:
    """The case's random generator, advanced to where `make_case` mutates a BibTeX window."""
    case = random.Random(case_seed)
    case.random()
    case.randrange(len(_WINDOWS_CACHE))
    return case


def replay(case_seed: int) -> None:
    """Print one case's input and what the loader made of it."""
    kind, name, data, _ = make_case(case_seed, _bib_windows(), _yaml_samples())
    print(f"{kind} {name}: {len(data)} bytes")
    print(data[:3000].decode("utf-8", errors="replace"))
    with tempfile.TemporaryDirectory() as folder:
        if kind.startswith("bib"):
            entries, problems = _load_bib(Path(folder) / name, data)
            print("entries:", [(entry.key, entry.source.line) for entry in entries])
        else:
            outcome = Outcome()
            _check_yaml(outcome, kind, case_seed, Path(folder), name, data)
            problems = []
            print(outcome.failures)
    for problem in problems:
        print("  ", problem)


def _untouched(window: bytes, touched: list[tuple[int, int]], baseline: set[str]) -> set[str]:
    """Keys of the window's entries (as read without edits) that lie wholly before every edit.

    An entry after an edit may rightly change (an unclosed brace swallows it, reported as
    such), so only the entries before the first edit must come back untouched.
    """
    starts = [m.start() for m in _AT_LINE.finditer(window)] + [len(window)]
    first_edit = min((start for start, _ in touched), default=len(window))
    keys: set[str] = set()
    for begin, end in zip(starts, starts[1:], strict=False):
        if end < first_edit:
            match = re.match(rb"[ \t]*@[ \t]*\w+[ \t]*[{(][ \t]*([^,\s{}()]+)", window[begin:end])
            if match:
                key = match.group(1).decode("utf-8", errors="replace").casefold()
                if key in baseline:
                    keys.add(key)
    return keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--replay", type=int, help="print one case (its seed from a failure) and its problems")
    args = parser.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"fuzz: shared corpora not found at {CORPORA}: set ACADEMIC_CORPORA", file=sys.stderr)
        return 2
    if args.replay is not None:
        replay(args.replay)
        return 0
    start = time.perf_counter()
    per_job = [args.cases // args.jobs + (1 if job < args.cases % args.jobs else 0) for job in range(args.jobs)]
    total = Outcome()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for outcome in pool.map(run_batch, [args.seed * 100 + job for job in range(args.jobs)], per_job):
            total.counts.update(outcome.counts)
            total.failures.extend(outcome.failures)
            total.entries_checked += outcome.entries_checked
    elapsed = time.perf_counter() - start
    ran = sum(total.counts.values())
    print(
        f"fuzz: {ran} cases in {elapsed:.0f} s (seed {args.seed}): "
        + ", ".join(f"{k} {v}" for k, v in sorted(total.counts.items()))
    )
    print(f"fuzz: {total.entries_checked} untouched entries checked; {len(total.failures)} failures")
    for failure in total.failures[:50]:
        print("FAIL", failure)
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
