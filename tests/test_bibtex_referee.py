"""Real BibTeX and biber as referees of how we read `.bib` files (issue 14).

Each small file in `fixtures/bibtex/referee/`, `fixtures/bibtex/entries_biber.bib` and the
older fixtures of `fixtures/bib/` is read by BibTeX 0.99d (a minimal `.aux`: `\\citation{*}`,
`\\bibstyle{plain}`), by biber (`--tool --validate-datamodel`) and by us (`DataStore`). The rules:

- what both tools read without a word, we read without a warning;
- where both complain about the same entry, we warn about it: reading it (a syntax error, an
  undefined macro, a duplicate key), a crossref to nowhere, or a missing author, title or year
  (a missing journal or publisher makes both warn; we show the entry without a venue);
- every entry both tools keep is one we read (when biber stops at an error and keeps nothing,
  every entry BibTeX keeps is ours unless we warned in that file).

Where only one tool complains we may do either (biber's data model wants a `year` on a
`@misc`, plain.bst does not; BibTeX stops at a `%` remark inside an entry, biber skips it).
The messages we give where both tools are silent, on purpose, are documented in
docs/pages/data/bibtex.md (a name suffix written last, unknown LaTeX commands, link fields
holding words): `stricter.bib` holds one of each, and only those. Skipped, with the reason,
when `bibtex`, `plain.bst` or `biber` is missing (`apt-get install texlive-binaries
texlive-base biber`). About 0.1 s per file for BibTeX and 1.5 s of CPU for biber, run four at
a time: 15-40 s in all on a busy 2-CPU machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from mkdocs_academic.data.bibtex import read_bib_file, resolve_crossrefs
from mkdocs_academic.data.store import DataStore

pytestmark = pytest.mark.referee

FIXTURES = Path(__file__).parent / "fixtures" / "bibtex"
FILES = [
    *sorted((FIXTURES / "referee").glob("*.bib")),
    FIXTURES / "entries_biber.bib",
    *sorted((FIXTURES.parent / "bib").glob("*.bib")),  # the older fixtures, from real files
]

_MISSING = [tool for tool in ("bibtex", "biber", "kpsewhich") if shutil.which(tool) is None]
if not _MISSING and subprocess.run(["kpsewhich", "plain.bst"], capture_output=True).returncode != 0:
    _MISSING.append("plain.bst (texlive-base)")
if _MISSING:
    reason = f"referee tools not installed: {', '.join(_MISSING)} (apt-get install texlive-binaries texlive-base biber)"
    print(f"\n{__name__}: skipped, {reason}")  # noqa: T201 - the reason, also without -rs
    pytestmark = [pytest.mark.referee, pytest.mark.skip(reason=reason)]


@dataclass(frozen=True)
class Complaint:
    """One complaint of a tool: about reading the file (syntax, macros, keys) or about an
    entry's fields (a style's or biber's data model's required fields), and where."""

    kind: str  # "reading", "reference", "fields" or "other"
    key: str  # the entry it names, case-folded, or ""
    line: int  # the line it names, or 0
    text: str


@dataclass
class Verdict:
    """What one reader made of one file: the entry keys it kept and its complaints."""

    keys: set[str]
    complaints: list[Complaint]
    kept_nothing: bool = False  # biber stops at an error and writes no output


_BIBTEX_READING = re.compile(
    r"---line (\d+) of file|^Repeated entry---line (\d+)|^Warning--string name .* is undefined"
)
# Only the fields we require too (title, author or editor, year): a missing journal or
# publisher makes both tools warn, and we show the entry without a venue, on purpose.
_BIBTEX_FIELDS = re.compile(r"^Warning--empty (?:author|title|year) in (\S+)$")
_BIBER_FIELDS = re.compile(r"Missing mandatory field (?:'author'|'title'|- one of 'date, year')")


def _bibtex(bib: Path, work: Path) -> Verdict:
    shutil.copy(bib, work / bib.name)
    (work / "referee.aux").write_text(f"\\citation{{*}}\n\\bibstyle{{plain}}\n\\bibdata{{{bib.stem}}}\n")
    subprocess.run(["bibtex", "-terse", "referee"], cwd=work, capture_output=True, timeout=60)
    lines = (work / "referee.blg").read_text(encoding="utf-8", errors="replace").splitlines()
    complaints = []
    for index, line in enumerate(lines):
        reading = _BIBTEX_READING.search(line)
        fields = _BIBTEX_FIELDS.match(line)
        if reading:
            number = reading.group(1) or reading.group(2)
            if number is None and index + 1 < len(lines):  # "--line 4 of file x.bib" follows
                found = re.search(r"--line (\d+) of file", lines[index + 1])
                number = found.group(1) if found else None
            complaints.append(Complaint("reading", "", int(number or 0), line))
        elif fields:
            complaints.append(Complaint("fields", fields.group(1).casefold(), 0, line))
        elif line.startswith("A bad cross reference"):
            entry = re.search(r'entry "([^"]+)"', line)
            complaints.append(Complaint("reference", entry.group(1).casefold() if entry else "", 0, line))
        elif line.startswith("Warning--"):
            complaints.append(Complaint("other", "", 0, line))
    bbl = (work / "referee.bbl").read_text(encoding="utf-8", errors="replace")
    return Verdict({key.casefold() for key in re.findall(r"\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}", bbl)}, complaints)


def _biber(bib: Path, work: Path) -> Verdict:
    shutil.copy(bib, work / bib.name)
    out = work / "biber-out.bib"
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--nolog", f"--output-file={out}", bib.name],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    complaints = []
    for line in (run.stdout + run.stderr).splitlines():
        if not re.match(r"(WARN|ERROR) - ", line):
            continue
        entry = re.search(r"Entry '([^']+)'|entry key: '([^']+)'|in entry '([^']+)'", line)
        key = next(group for group in entry.groups() if group).casefold() if entry else ""
        number = re.search(r"\.utf8, line (\d+)", line)
        if _BIBER_FIELDS.search(line):
            kind = "fields"
        elif "I didn't find a database entry for crossref" in line:
            kind = "reference"
        elif "BibTeX subsystem" in line or "entry key" in line:
            kind = "reading"
        else:
            kind = "other"
        complaints.append(Complaint(kind, key, int(number.group(1)) if number else 0, line))
    if not out.is_file():
        return Verdict(set(), complaints, kept_nothing=True)
    text = out.read_text(encoding="utf-8")
    keys = {key.casefold() for kind, key in re.findall(r"^@(\w+)\{([^,\s]+),", text, re.M) if kind.lower() != "string"}
    return Verdict(keys, complaints)


def _ours(bib: Path, work: Path) -> Verdict:
    data = work / "data"
    data.mkdir()
    shutil.copy(bib, data / bib.name)
    dataset = DataStore(data, work, incremental=False).load()
    # Entries read but, as documented, not listed (`@set`, `@xdata`, control entries, crossref-
    # only parents) count as kept: the keys compared are all the entries read.
    _, unlisted, _ = resolve_crossrefs([read_bib_file(data / bib.name, bib.name)])
    keys = {pub.key.casefold() for pub in dataset.publications} | {key.casefold() for key in unlisted}
    problems = [
        Complaint("ours", "", problem.line, f"{problem.line}: {problem.message}") for problem in dataset.problems
    ]
    return Verdict(keys, problems)


def _entry_spans(bib: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, case-folded key) of each `@type{key,` block of the fixture:
    a block starts at a line-start `@` or at an `@` ending a line, and ends before the next."""
    lines = bib.read_text(encoding="utf-8").splitlines()
    starts: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if re.match(r"\s*@", line) or (number > 1 and lines[number - 2].rstrip().endswith("@")):
            text = " ".join(lines[number - 1 : number + 1])
            found = re.match(r"\s*@?\s*\w+\s*[{(]\s*([^,\s]*)", text)
            starts.append((number, found.group(1).casefold() if found else ""))
    ends = [number - 1 for number, _ in starts[1:]] + [len(lines)]
    return [(start, end, key) for (start, key), end in zip(starts, ends, strict=True)]


def _entries_of(complaint: Complaint, spans: list[tuple[int, int, str]]) -> set[str]:
    """The keys of the entries a complaint may be about, by its key or its line (a syntax
    error is often noticed at the first line of the next entry, as BibTeX says: "Error may
    have been on previous line"); empty for the file."""
    if complaint.key:
        return {complaint.key}
    for index, (start, end, key) in enumerate(spans):
        if start <= complaint.line <= end:
            return {key, spans[index - 1][2]} if complaint.line == start and index else {key}
    return set()


Judged = tuple[Verdict, Verdict, Verdict, str]


def _judge(bib: Path, work: Path) -> Judged:
    for name in ("bibtex", "biber", "ours"):
        (work / name).mkdir(parents=True)
    bibtex = _bibtex(bib, work / "bibtex")
    biber = _biber(bib, work / "biber")
    ours = _ours(bib, work / "ours")
    report = "".join(
        f"\n{name}: keys {sorted(verdict.keys)}" + "".join(f"\n  {c.kind}: {c.text}" for c in verdict.complaints)
        for name, verdict in (("BibTeX", bibtex), ("biber", biber), ("ours", ours))
    )
    return bibtex, biber, ours, report


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Judged]:
    """Every file judged by the three readers; the tools run side by side (biber takes
    about 1.5 s to start)."""
    root = tmp_path_factory.mktemp("referee")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = pool.map(lambda bib: _judge(bib, root / bib.stem), FILES)
        return {bib.stem: result for bib, result in zip(FILES, results, strict=True)}


@pytest.mark.parametrize("bib", FILES, ids=[path.stem for path in FILES])
def test_we_agree_with_bibtex_and_biber(bib: Path, judged: dict[str, Judged]) -> None:
    bibtex, biber, ours, report = judged[bib.stem]
    spans = _entry_spans(bib)
    if not bibtex.complaints and not biber.complaints and bib.stem != "stricter":
        assert ours.complaints == [], "both tools read the file without a word" + report
    warned = set().union(*(_entries_of(complaint, spans) for complaint in ours.complaints))
    for kind in ("reading", "reference", "fields"):
        for by_bibtex in (_entries_of(c, spans) for c in bibtex.complaints if c.kind == kind):
            for by_biber in (_entries_of(c, spans) for c in biber.complaints if c.kind == kind):
                if by_bibtex & by_biber - _biblatex_only(bib):
                    assert (by_bibtex | by_biber) & warned, f"both tools complain ({kind}), we do not" + report
    if biber.kept_nothing:
        assert bibtex.keys <= ours.keys or ours.complaints, "an entry BibTeX keeps is lost silently" + report
    else:
        assert bibtex.keys & biber.keys <= ours.keys, "an entry both tools keep is lost" + report
        assert ours.keys <= bibtex.keys | biber.keys, "an entry neither tool reads" + report


def _biblatex_only(bib: Path) -> set[str]:
    """Entries whose fields BibTeX and biber's `--tool` mode cannot judge: biblatex types,
    `xdata` and `ids` aliases (plain.bst knows none of them; `--tool` resolves no crossref)."""
    if bib.name != "entries_biber.bib":
        return set()
    return {"ieeeexample:bstcontrol", "the-set", "acm-data", "encyc", "child", "member-a"}


def test_the_good_file_is_read_whole_by_all_three(judged: dict[str, Judged]) -> None:
    """The file without faults: the same eight entries for BibTeX, biber and us, no word."""
    bibtex, biber, ours, report = judged["good"]
    assert bibtex.complaints == [] and biber.complaints == [] and ours.complaints == [], report
    assert bibtex.keys == biber.keys == ours.keys
    assert len(ours.keys) == 8


def test_where_we_are_stricter_than_both_tools(judged: dict[str, Judged]) -> None:
    """The documented cases where we warn and BibTeX and biber do not: one warning each."""
    bibtex, biber, ours, report = judged["stricter"]
    assert bibtex.complaints == [] and biber.complaints == [], report
    messages = [complaint.text for complaint in ours.complaints]
    assert len(messages) == 3, report
    assert "`Fulton, Jr., James E.`" in messages[0]
    assert "unknown LaTeX command '\\weirddash'" in messages[1]
    assert "'url'" in messages[2]
    assert ours.keys == bibtex.keys == biber.keys
