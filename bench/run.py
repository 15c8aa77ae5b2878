"""Benchmark mkdocs-academic against a bare MkDocs build, raw bibtexparser and mkdocs-bibtex.

Run `make bench` (or `python bench/run.py` in a venv with this package installed; install
`bench/requirements.txt` too for the mkdocs-bibtex column). Prints a table of medians and
ratios and, with `--write FILE`, writes it as Markdown with the machine it ran on.

Everything is measured in one process, the compared builds interleaved run by run, so that
machine noise hits all of them alike. Nothing is timed in the test suite: this only prints.
See bench/RESULTS.md for what each column means.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import logging
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import bibtexparser
import default_config as defaults
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import config_options, load_config
from mkdocs.config.defaults import MkDocsConfig
from static_pages import static_listing

import mkdocs_academic
from mkdocs_academic import outputs as academic_outputs
from mkdocs_academic.data.bibtex import PARENT_ONLY_TYPES
from mkdocs_academic.markdown.blocks import AcademicBlock
from mkdocs_academic.markdown.citations import BARE_KEY, BracketCitation, CitationsTreeprocessor, TextCitation
from mkdocs_academic.markdown.extension import LeftoverBlockWarning
from mkdocs_academic.plugin import ASSETS_DIR, AcademicPlugin
from mkdocs_academic.render.environment import COMPILED_TEMPLATES, Renderer

try:  # optional: only in the bench venv (bench/requirements.txt), never a runtime dependency
    from mkdocs_bibtex.plugin import BibTexPlugin  # type: ignore[import-not-found,import-untyped,unused-ignore]
except ImportError:  # pragma: no cover - depends on the environment
    BibTexPlugin = None

BENCH_DIR = Path(__file__).resolve().parent
#: The shared corpora: $ACADEMIC_CORPORA, else ../shared/corpora beside the repository (as the tests).
CORPORA = Path(os.environ.get("ACADEMIC_CORPORA") or BENCH_DIR.parent.parent / "shared" / "corpora")
#: Real BibTeX files, in the order their entries are taken (first petsc.bib, then cdl.bib).
CORPUS_FILES = ("bibtex-large/petsc.bib", "bibtex-large/cdl.bib")
SIZES = (10, 100, 1_000, 10_000)
#: The site the serve-rebuild and memory measurements use.
SERVE_SIZE = 5_000
MEMORY_SIZE = 10_000
#: Plugin options for the listing benchmark: one page listing every entry, no per-entry pages.
LISTING_OPTIONS = {"publication_pages": False, "exports": False}


def corpora_label() -> str:
    """Where the corpora are, for a report: the variable's name and, when they are beside the
    repository, a path relative to it (never a machine's absolute path)."""
    if not os.environ.get("ACADEMIC_CORPORA"):
        return "`$ACADEMIC_CORPORA` (default ../shared/corpora)"
    repository = BENCH_DIR.parent
    corpora = CORPORA.resolve()
    if corpora.is_relative_to(repository.parent):
        return f"`$ACADEMIC_CORPORA` (= {Path(os.path.relpath(corpora, repository)).as_posix()})"
    return "`$ACADEMIC_CORPORA`"


# ------------------------------------------------------------------------------- data

WORDS = (
    "scalable robust learning graph neural networks solver sparse parallel adaptive mesh "
    "preconditioner stochastic inference language model quantum error correction protein "
    "structure climate simulation efficient distributed consensus verified compiler"
)


def synthetic_entries(count: int, seed: int = 6) -> list[str]:
    """`count` BibTeX entries that look like a real publication list (a few per cent with LaTeX)."""
    rng = random.Random(seed)
    first = [
        "Ada",
        "Alan",
        "Grace",
        "Edsger",
        "Barbara",
        "Donald",
        "Frances",
        "John",
        "Radia",
        "Leslie",
        "Maria",
        "Wei",
    ]
    last = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Perlman", "Lamport"]
    last += ["Garc{\\'\\i}a", 'M{\\"u}ller', "Zhang", "Nakamura", "Okafor", "Svensson", "Dubois", "Novak"]
    words = WORDS.split()
    venues = ["Journal of Computational Physics", "SIAM Journal on Scientific Computing", "Nature", "ACM TOMS"]
    booktitles = ["Proceedings of SC", "NeurIPS", "ICML", "Proceedings of the ACM on Programming Languages"]
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    entries = []
    for index in range(count):
        authors = " and ".join(f"{rng.choice(last)}, {rng.choice(first)}" for _ in range(rng.randint(1, 8)))
        title = " ".join(rng.choice(words) for _ in range(rng.randint(4, 12))).capitalize()
        if rng.random() < 0.1:
            title += " for {GPU}s --- a case study"
        kind = rng.choice(["article", "article", "inproceedings", "misc"])
        lines = [f"@{kind}{{key{index:05d},", f"  author = {{{authors}}},", f"  title = {{{title}}},"]
        if kind == "article":
            lines += [f"  journal = {{{rng.choice(venues)}}},", f"  volume = {{{rng.randint(1, 80)}}},"]
            lines.append(f"  pages = {{{rng.randint(1, 900)}--{rng.randint(901, 999)}}},")
        elif kind == "inproceedings":
            lines.append(f"  booktitle = {{{rng.choice(booktitles)}}},")
        else:
            lines.append(f"  howpublished = {{\\url{{https://example.org/{index}}}}},")
        lines.append(f"  year = {{{rng.randint(1990, 2025)}}},")
        if rng.random() < 0.5:
            lines.append(f"  month = {rng.choice(months)},")
        lines.append(f"  doi = {{10.1000/bench.{index}}},")
        if rng.random() < 0.3:
            abstract = " ".join(rng.choice(words) for _ in range(60)).capitalize() + "."
            lines.append(f"  abstract = {{{abstract}}},")
        lines.append("}")
        entries.append("\n".join(lines))
    return entries


def corpus_entries() -> list[str]:
    """The entries of the real BibTeX files, as text, in file order (empty without corpora)."""
    entries: list[str] = []
    for name in CORPUS_FILES:
        path = CORPORA / name
        if not path.is_file():
            return []
        text = path.read_text(encoding="utf-8", errors="replace")
        for chunk in re.split(r"\n(?=@)", text):
            if chunk.startswith("@") and not re.match(r"@(string|comment|preamble)\b", chunk, re.IGNORECASE):
                entries.append(chunk.rstrip())
    return entries


def entry_keys(bib_text: str) -> list[str]:
    """The citation keys of a BibTeX text, in order (to cite every entry with mkdocs-bibtex)."""
    return re.findall(r"^@\w+\s*\{\s*([^,\s]+)\s*,", bib_text, re.MULTILINE)


# ------------------------------------------------------------------------------- sites


@dataclass
class Sites:
    """The sites of one data set: the same two pages built four ways."""

    name: str
    count: int
    bib: Path
    plugin: Path
    bare: Path
    bibtex: Path | None
    keys: list[str] = field(default_factory=list)
    theme: str = "mkdocs"


def write_site(
    root: Path, pages: dict[str, str], plugins: list[Any], bib_text: str, extensions: list[str], theme: str = "mkdocs"
) -> Path:
    """A site folder with mkdocs.yml, docs/ and data/pubs.bib."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "pubs.bib").write_text(bib_text, encoding="utf-8")
    config = {"site_name": "Bench", "theme": {"name": theme}, "plugins": plugins, "markdown_extensions": extensions}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def make_sites(base: Path, name: str, entries: list[str], count: int, theme: str = "mkdocs") -> Sites:
    """Write the plugin, bare and mkdocs-bibtex sites for the first `count` entries."""
    bib_text = "\n\n".join(entries[:count]) + "\n"
    keys = entry_keys(bib_text)
    index = "# Home\n\nA researcher's homepage.\n"
    listing = "# Publications\n\n/// publications\n    group_by: year\n///\n"
    root = base / f"{name}-{theme}-{count}"
    plugin = write_site(
        root / "plugin",
        {"index.md": index, "publications.md": listing},
        [{"academic": LISTING_OPTIONS}],
        bib_text,
        [],
        theme,
    )
    bare = write_site(
        root / "bare", {"index.md": index, "publications.md": static_listing(bib_text)}, [], bib_text, [], theme
    )
    bibtex_site = None
    if BibTexPlugin is not None:
        cited = "# Publications\n\n" + "\n".join(f"Work [@{key}]." for key in keys) + "\n\n\\bibliography\n"
        bibtex_site = write_site(
            root / "bibtex",
            {"index.md": index, "publications.md": cited},
            [{"bibtex": {"bib_file": "data/pubs.bib"}}],
            bib_text,
            ["footnotes"],
            theme,
        )
    return Sites(name, count, plugin / "data" / "pubs.bib", plugin, bare, bibtex_site, keys, theme)


# ------------------------------------------------------------------------------- timing


class PhaseTimer:
    """Adds up the time spent in wrapped methods (nested calls are counted once)."""

    def __init__(self) -> None:
        self.total = 0.0
        self._depth = 0

    def wrap(self, owner: type | ModuleType, name: str) -> None:
        """Time `owner.name` (a method of a class, or a function of a module)."""
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._depth += 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.total += time.perf_counter() - start

        setattr(owner, name, timed)

    def wrap_events(self, cls: type) -> None:
        """Wrap every MkDocs event handler a plugin class defines."""
        for name in [name for name in vars(cls) if name.startswith("on_") and callable(vars(cls)[name])]:
            self.wrap(cls, name)

    @contextlib.contextmanager
    def measure(self) -> Iterator[list[float]]:
        self.total = 0.0
        result: list[float] = []
        yield result
        result.append(self.total)


ACADEMIC_TIMER = PhaseTimer()
ACADEMIC_TIMER.wrap_events(AcademicPlugin)
ACADEMIC_TIMER.wrap(AcademicBlock, "on_end")
ACADEMIC_TIMER.wrap(LeftoverBlockWarning, "run")
ACADEMIC_TIMER.wrap(BracketCitation, "handleMatch")
ACADEMIC_TIMER.wrap(TextCitation, "handleMatch")
ACADEMIC_TIMER.wrap(CitationsTreeprocessor, "run")
# The downloads' text is made when MkDocs writes their files, outside the plugin's events: it
# is the plugin's work all the same.
for _name in ("bibtex_entry", "bibtex_bibliography", "csl_json"):
    ACADEMIC_TIMER.wrap(academic_outputs, _name)
BIBTEX_TIMER = PhaseTimer()
if BibTexPlugin is not None:
    BIBTEX_TIMER.wrap_events(BibTexPlugin)


def forget_plugins() -> None:
    """Drop MkDocs' cache of plugin instances and every in-process memo of the package (decoded
    LaTeX, parsed names, rendered Markdown, label files, compiled templates), so that a build
    starts cold, as `mkdocs build` in a fresh process does."""
    for key, option in MkDocsConfig._schema:
        if key == "plugins" and isinstance(option, config_options.Plugins):
            option.plugin_cache.clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("mkdocs_academic."):
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                value.cache_clear()
    COMPILED_TEMPLATES.clear()


def load(site: Path, out: Path) -> MkDocsConfig:
    return load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(out))


def build_once(site: Path, out: Path) -> None:
    """Build as `mkdocs build` does: plugins are told the command first (`on_startup`)."""
    config = load(site, out)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def timed_build(site: Path, out: Path, timer: PhaseTimer | None = None, *, cold: bool = True) -> tuple[float, float]:
    """Build `site` in this process: (wall time, time inside the timed plugin)."""
    if cold:
        forget_plugins()
    gc.collect()
    with (timer or PhaseTimer()).measure() as inside:
        start = time.perf_counter()
        build_once(site, out)
        wall = time.perf_counter() - start
    return wall, inside[0]


def template_compile_cost(runs: int) -> tuple[float, float]:
    """(a first build on a machine, a later build): the time to get the templates a listing
    page uses. Later builds load the compiled code from Jinja's cache folder on disk; the
    listing rows measure those (the package's in-memory memos are cleared, the disk is not)."""
    names = ("publication-list.html", "publication.html", "marks-legend.html", "head.html")
    first: list[float] = []
    later: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            COMPILED_TEMPLATES.use_directory(folder)
            for times in (first, later):
                COMPILED_TEMPLATES.clear()
                renderer = Renderer()
                start = time.perf_counter()
                for name in names:
                    renderer.env.get_template(f"academic/{name}")
                times.append(time.perf_counter() - start)
    COMPILED_TEMPLATES.use_directory(None)
    return median(first), median(later)


def parse_time(bib: Path) -> float:
    text = bib.read_text(encoding="utf-8")
    gc.collect()
    start = time.perf_counter()
    bibtexparser.parse_string(text)
    return time.perf_counter() - start


def runs_at(size: int, runs: int) -> int:
    """How many runs a row of `size` entries gets: three times `runs` up to 100 entries (a
    build takes a fraction of a second, and the rows there are differences of a few ms, so
    the machine's noise weighs most), half of it at 10,000 (a build takes many seconds)."""
    if size <= 100:
        return 3 * runs
    return max(runs // 2, 1) if size >= 10_000 else runs


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# ------------------------------------------------------------------------------- measurements


@dataclass
class Row:
    """The medians for one data set."""

    name: str
    count: int
    bare: float
    plugin_build: float
    plugin_own: float
    parse: float
    bibtex_build: float | None = None
    bibtex_own: float | None = None
    bibtex_failed: int | None = None
    theme: str = "mkdocs"
    # the median of each run's own / parse (the two are measured side by side in one run)
    own_per_parse: float = float("nan")


def measure_listing(sites: Sites, out: Path, runs: int) -> Row:
    """Interleaved runs of the bare build, the plugin, bibtexparser and mkdocs-bibtex."""
    samples: dict[str, list[float]] = {k: [] for k in ("bare", "plugin", "own", "parse", "bibtex", "bibtex_own")}
    for _ in range(runs):
        samples["bare"].append(timed_build(sites.bare, out / "bare")[0])
        wall, own = timed_build(sites.plugin, out / "plugin", ACADEMIC_TIMER)
        samples["plugin"].append(wall)
        samples["own"].append(own)
        samples["parse"].append(parse_time(sites.bib))
        if sites.bibtex is not None:
            wall, own = timed_build(sites.bibtex, out / "bibtex", BIBTEX_TIMER)
            samples["bibtex"].append(wall)
            samples["bibtex_own"].append(own)
    row = Row(
        sites.name,
        sites.count,
        median(samples["bare"]),
        median(samples["plugin"]),
        median(samples["own"]),
        median(samples["parse"]),
    )
    check_listing(out / "plugin", sites)
    if sites.bibtex is not None:
        row.bibtex_build = median(samples["bibtex"])
        row.bibtex_own = median(samples["bibtex_own"])
        row.bibtex_failed = bibtex_failures(out / "bibtex", sites.keys)
    row.theme = sites.theme
    row.own_per_parse = median([own / parse for own, parse in zip(samples["own"], samples["parse"], strict=True)])
    return row


# ------------------------------------------------------------------- citations in prose

#: Citations in prose: this many citations of as many entries on one page (issue 17).
CITATIONS = 1_000


def measure_citations(base: Path, name: str, entries: list[str], count: int, runs: int) -> list[str]:
    """One page citing each of `count` entries once (`Work [@key].`) with `\\bibliography`,
    built bare (the same text, no plugin), with the plugin and with mkdocs-bibtex; interleaved
    runs, medians. Returns the report's section."""
    bib_text = "\n\n".join(entries[:count]) + "\n"
    keys = entry_keys(bib_text)
    # Pandoc's syntax: a key with a run of punctuation (`a...b`) is written in braces.
    written = [key if re.fullmatch(BARE_KEY, key) else f"{{{key}}}" for key in keys]
    page = "# Notes\n\n" + "\n".join(f"Work [@{key}]." for key in written) + "\n\n\\bibliography\n"
    pages = {"index.md": "# Home\n", "notes.md": page}
    root = base / f"citations-{name}-{count}"
    sites = {
        "bare": write_site(root / "bare", pages, [], bib_text, ["footnotes"]),
        "plugin": write_site(root / "plugin", pages, [{"academic": LISTING_OPTIONS}], bib_text, ["footnotes"]),
    }
    if BibTexPlugin is not None:
        sites["bibtex"] = write_site(
            root / "bibtex", pages, [{"bibtex": {"bib_file": "data/pubs.bib"}}], bib_text, ["footnotes"]
        )
    timers = {"bare": None, "plugin": ACADEMIC_TIMER, "bibtex": BIBTEX_TIMER}
    walls: dict[str, list[float]] = {kind: [] for kind in sites}
    owns: dict[str, list[float]] = {kind: [] for kind in sites}
    for _ in range(runs):
        for kind, site in sites.items():
            wall, own = timed_build(site, root / f"out-{kind}", timers[kind])
            walls[kind].append(wall)
            owns[kind].append(own)
    html = (root / "out-plugin" / "notes" / "index.html").read_text(encoding="utf-8")
    linked = html.count('class="academic-cite-link"')
    listed = html.count('id="ref-')
    if linked != len(keys) or listed != len(keys):
        raise SystemExit(f"citations: {linked} citations linked and {listed} entries listed of {len(keys)}")
    bibtex_failed = bibtex_failures(root / "out-bibtex", keys, "notes") if "bibtex" in sites else None
    plugin_own = median(owns["plugin"])
    bibtex_own = median(owns["bibtex"]) if "bibtex" in sites else None
    failed = "–" if bibtex_failed is None else f"{bibtex_failed} ({bibtex_failed / len(keys):.0%})"
    print(
        f"{name:>9} citations {len(keys):>6,}: bare {ms(median(walls['bare']))}, plugin own {ms(plugin_own)}, "
        f"mkdocs-bibtex own {ms(bibtex_own)}",
        flush=True,
    )
    return [
        f"### Citations in prose: {len(keys):,} citations of {len(keys):,} entries on one page",
        "",
        "Each entry cited once (`Work [@key].`), then `\\bibliography`; publication pages and exports off. "
        "Ours: every citation a link to its entry, every entry linked back.",
        "",
        "| data | citations | bare MkDocs | with plugin | plugin's own | per citation | mkdocs-bibtex build "
        "| mkdocs-bibtex own | bibtex / ours | mkdocs-bibtex unformatted |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| {name} | {len(keys):,} | {ms(median(walls['bare']))} | {ms(median(walls['plugin']))} | {ms(plugin_own)} "
        f"| {plugin_own / len(keys) * 1e6:.0f} µs | {ms(median(walls['bibtex'])) if 'bibtex' in sites else '–'} "
        f"| {ms(bibtex_own)} | {ratio(bibtex_own, plugin_own)} | {failed} |",
        "",
    ]


def check_listing(out: Path, sites: Sites) -> None:
    """The plugin's page shows every entry (a benchmark of a broken build would be worthless)."""
    page = (out / "publications" / "index.html").read_text(encoding="utf-8")
    shown = page.count('class="academic-pub ')
    # Containers that are only there as crossref parents (proceedings, books) are not listed.
    text = sites.bib.read_text(encoding="utf-8")
    types = {key.casefold(): kind.lower() for kind, key in re.findall(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", text, re.M)}
    targets = {target.strip().casefold() for target in re.findall(r"\bcrossref\s*=\s*[{\"]([^}\"]*)", text, re.I)}
    parents = {key for key in targets if types.get(key) in PARENT_ONLY_TYPES}
    expected = len({key.casefold() for key in sites.keys} - parents)
    if shown < expected:
        print(f"  warning: {sites.name}-{sites.count}: {shown} entries shown, {expected} keys in the file")


def bibtex_failures(out: Path, keys: list[str], page_name: str = "publications") -> int:
    """How many cited entries mkdocs-bibtex left unformatted (a footnote with no text, or the raw key)."""
    page = (out / page_name / "index.html").read_text(encoding="utf-8")
    footnotes = re.findall(r'<li id="fn:[^"]*">(.*?)</li>', page, re.DOTALL)
    empty = sum(1 for text in footnotes if not re.sub(r"<[^>]+>|&#8617;|\s", "", text))
    missing = max(len(set(keys)) - len(footnotes), 0)
    return empty + missing


@dataclass
class ServeResult:
    name: str
    count: int
    unchanged: float
    edited: float
    parsed_when_unchanged: int


def measure_serve(sites: Sites, out: Path, runs: int) -> ServeResult:
    """`mkdocs serve`-like rebuilds with one plugin instance: unchanged data vs one edited title."""
    forget_plugins()
    config = load(sites.plugin, out)
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    plugin = config.plugins["academic"]
    assert isinstance(plugin, AcademicPlugin) and plugin.store is not None
    original = sites.bib.read_text(encoding="utf-8")
    target = sites.keys[len(sites.keys) // 2]
    unchanged: list[float] = []
    edited: list[float] = []
    parsed_when_unchanged = 0
    for run in range(runs):
        before = plugin.store.parse_count
        gc.collect()
        start = time.perf_counter()
        mkdocs_build(load(sites.plugin, out))  # the same plugin instance (MkDocs keeps it)
        unchanged.append(time.perf_counter() - start)
        parsed_when_unchanged += plugin.store.parse_count - before
        edit_title(sites.bib, original, target, f"Edited title {run}")
        gc.collect()
        start = time.perf_counter()
        mkdocs_build(load(sites.plugin, out))
        edited.append(time.perf_counter() - start)
        page = (out / "publications" / "index.html").read_text(encoding="utf-8")
        if f"Edited title {run}" not in page:
            print(f"  warning: the edited title of {target} is not on the rebuilt page")
    sites.bib.write_text(original, encoding="utf-8")
    forget_plugins()
    return ServeResult(sites.name, sites.count, median(unchanged), median(edited), parsed_when_unchanged)


def edit_title(bib: Path, original: str, key: str, title: str) -> None:
    """Replace the title of entry `key` (the file keeps its size class; the mtime moves on)."""
    found = re.search(r"\{\s*" + re.escape(key) + r"\s*,", original)
    assert found is not None, key
    start = found.end()
    match = re.compile(r"(\btitle\s*=\s*)(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\")", re.IGNORECASE).search(original, start)
    assert match is not None, key
    text = original[: match.start(2)] + "{" + title + "}" + original[match.end(2) :]
    stat = bib.stat()
    bib.write_text(text, encoding="utf-8")
    os.utime(bib, ns=(stat.st_atime_ns, max(stat.st_mtime_ns + 1_000_000, time.time_ns())))


def memory_child(site: str, out: str) -> None:
    """(In a child process) build `site` once and print the peak resident memory in KiB."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    build_once(Path(site), Path(out))
    print(json.dumps({"maxrss_kib": peak_rss_kib()}))


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB. On Linux VmHWM, not `ru_maxrss`: Linux keeps
    `ru_maxrss` across execve, so a child started from this (large) benchmark process would
    report the parent's peak whenever its own is lower."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_memory(site: Path, out: Path) -> float:
    """Peak RSS in MB of a fresh process that builds `site` (imports included)."""
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(site), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])["maxrss_kib"] / 1024


def page_weight(entries: list[str], base: Path) -> tuple[int, int, int, list[str]]:
    """(CSS+JS bytes, HTML bytes of a 100-entry page with default options, entries shown, far hosts)."""
    bib_text = "\n\n".join(entries[:100]) + "\n"
    site = write_site(
        base / "weight",
        {"index.md": "# Home\n", "publications.md": "# Publications\n\n/// publications\n///\n"},
        ["academic"],
        bib_text,
        [],
    )
    out = base / "weight-out"
    forget_plugins()
    mkdocs_build(load(site, out))
    assets = [ASSETS_DIR / "academic" / "academic.css", ASSETS_DIR / "academic" / "academic.js"]
    asset_bytes = sum(path.stat().st_size for path in assets)
    page = (out / "publications" / "index.html").read_text(encoding="utf-8")
    shown = page.count('class="academic-pub ')
    far = []
    for path in assets:
        text = path.read_text(encoding="utf-8")
        far += re.findall(r"(?:url\(|@import|fetch\(|import\()\s*['\"]?(?:https?:)?//[^'\")]+", text)
    blocks = re.findall(r'<div class="academic academic-publications.*?</ol>', page, re.DOTALL)
    for block in blocks:
        far += re.findall(r"<(?:img|script|link|iframe)\b[^>]*(?:src|href)=\"(?:https?:)?//[^\"]+", block)
    return asset_bytes, len(page.encode("utf-8")), shown, far


# ------------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    load = ""
    with contextlib.suppress(OSError):
        load = f", load average {os.getloadavg()[0]:.1f} at the start"
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs{memory}{load}; "
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, bibtexparser {version('bibtexparser')}, "
        f"mkdocs-academic {getattr(mkdocs_academic, '__version__', version('mkdocs-academic'))}, "
        f"mkdocs-bibtex {version('mkdocs-bibtex') or 'not installed'}"
    )


def version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as get

    try:
        return get(dist)
    except PackageNotFoundError:
        return ""


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b <= 0 else f"{a / b:.2f}x"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report(
    rows: list[Row],
    serve: list[ServeResult],
    memory: list[tuple[str, float, float]],
    weight: tuple[int, int, int, list[str]] | None,
    notes: list[str],
    runs: int,
    defaults: tuple[list[str], list[str]] = ([], []),
    citations: list[str] | None = None,
) -> str:
    out: list[str] = []
    out.append(f"Machine: {machine()}.  ")
    out.append(
        f"Medians of {runs} interleaved runs per row ({runs_at(100, runs)} up to 100 entries,"
        f" {runs_at(10_000, runs)} at 10,000)."
    )
    out += [f"Note: {note}" for note in notes]
    out.append("")
    out += defaults[0]
    out.append("### Listing page: one page showing every entry (publication pages and exports off)")
    out.append("")
    out.append(
        "| data | theme | entries | bare MkDocs | with plugin | plugin's own | bibtexparser | own / parse "
        "| mkdocs-bibtex own | bibtex / ours | mkdocs-bibtex unformatted |"
    )
    out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        failed = "–" if row.bibtex_failed is None else f"{row.bibtex_failed} ({row.bibtex_failed / row.count:.0%})"
        out.append(
            f"| {row.name} | {row.theme} | {row.count:,} | {ms(row.bare)} | {ms(row.plugin_build)} | {ms(row.plugin_own)} "
            f"| {ms(row.parse)} | {row.own_per_parse:.2f}x | {ms(row.bibtex_own)} "
            f"| {ratio(row.bibtex_own, row.plugin_own)} | {failed} |"
        )
    out.append("")
    out += citations or []
    out.append("### Growth of the plugin's own cost per 10x entries (1.00x = linear)")
    out.append("")
    out.append("| data | theme | step | cost ratio | vs linear |")
    out.append("|---|---|---|--:|--:|")
    growth_ok = True
    for name, theme in dict.fromkeys((row.name, row.theme) for row in rows):
        series = [row for row in rows if (row.name, row.theme) == (name, theme) and row.count >= 100]
        for small, large in zip(series, series[1:], strict=False):
            factor = large.plugin_own / small.plugin_own
            linear = factor / (large.count / small.count)
            growth_ok &= linear <= 1.2
            out.append(f"| {name} | {theme} | {small.count:,} → {large.count:,} | {factor:.1f}x | {linear:.2f}x |")
    out.append("")
    if serve:
        out.append("### `mkdocs serve` rebuilds (one plugin instance, in process)")
        out.append("")
        out.append(
            "| data | entries | rebuild, data unchanged | rebuild after editing one title | ratio | files parsed when unchanged |"
        )
        out.append("|---|--:|--:|--:|--:|--:|")
        for result in serve:
            out.append(
                f"| {result.name} | {result.count:,} | {ms(result.unchanged)} | {ms(result.edited)} "
                f"| {ratio(result.edited, result.unchanged)} | {result.parsed_when_unchanged} |"
            )
        out.append("")
    if memory:
        out.append("### Peak memory of a `mkdocs build` process")
        out.append("")
        out.append("| data | entries | bare MkDocs | with plugin | difference |")
        out.append("|---|--:|--:|--:|--:|")
        for name, bare, plugin in memory:
            out.append(f"| {name} | {MEMORY_SIZE:,} | {bare:.0f} MB | {plugin:.0f} MB | {plugin - bare:+.1f} MB |")
        out.append("")
    if weight:
        asset_bytes, html_bytes, shown, far = weight
        out.append("### Page weight")
        out.append("")
        out.append(f"- academic.css + academic.js: {asset_bytes:,} bytes (uncompressed)")
        out.append(f"- a {shown}-entry publications page (default options, mkdocs theme): {html_bytes:,} bytes of HTML")
        out.append(
            f"- requests to another host from the plugin's assets or entries: {len(far)} {far[:3] if far else ''}"
        )
        out.append("")
    # Targets -------------------------------------------------------------------------
    out.append("### Targets")
    out.append("")
    out += defaults[1]
    thousand = [row for row in rows if row.count == 1_000]
    real = [row for row in thousand if row.name == "petsc"] or thousand
    for row in real:
        out.append(
            f"- {row.name}, {row.theme}, 1,000 entries: plugin's own cost {row.own_per_parse:.2f}x bibtexparser's parse "
            f"(target ≤ 2x): {verdict(row.own_per_parse <= 2)}"
        )
        if row.bibtex_own is not None:
            out.append(
                f"- {row.name}, {row.theme}, 1,000 entries: mkdocs-bibtex costs {ratio(row.bibtex_own, row.plugin_own)} ours "
                f"(target ≥ 8x): {verdict(row.bibtex_own >= 8 * row.plugin_own)}"
            )
        else:
            out.append("- mkdocs-bibtex comparison: not run (install bench/requirements.txt; `make bench` does)")
    if any(row.count >= 1_000 for row in rows):
        out.append(f"- growth 100 → 10,000 no worse than 1.2x linear per 10x: {verdict(growth_ok)}")
    for result in serve:
        out.append(
            f"- serve, {result.name} {result.count:,}: edited / unchanged {ratio(result.edited, result.unchanged)} "
            f"(target ≤ 1.3x), unchanged data parsed again: {result.parsed_when_unchanged} files: "
            f"{verdict(result.edited <= 1.3 * result.unchanged and result.parsed_when_unchanged == 0)}"
        )
    for name, bare, plugin in memory:
        out.append(
            f"- memory, {name} {MEMORY_SIZE:,}: {plugin - bare:+.1f} MB (target < 50 MB): {verdict(plugin - bare < 50)}"
        )
    if weight:
        asset_bytes, html_bytes, _, far = weight
        out.append(f"- CSS + JS {asset_bytes:,} bytes (target < 10,240): {verdict(asset_bytes < 10_240)}")
        out.append(f"- 100-entry page {html_bytes / 1024:.0f} KB (target < 150 KB): {verdict(html_bytes < 150 * 1024)}")
        out.append(f"- no request to another host: {verdict(not far)}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------- main


def measure_default_configuration(
    work: Path, entries: list[str], themes: list[str], args: argparse.Namespace
) -> tuple[list[str], list[str]]:
    """The rows of bench/defaults.py: per page, exports, fixed cost, serve and memory, each theme."""
    rows: list[defaults.DefaultRow] = []
    fixed: dict[str, tuple[float, float, float]] = {}
    serve_rows: list[defaults.DefaultServe] = []
    memory_rows: dict[str, tuple[float, float]] = {}
    sizes = [size for size in defaults.SIZES if size <= len(entries) and (not args.quick or size <= 100)]
    for theme in themes:
        for size in sizes:
            sites = defaults.make_default_sites(work, theme, entries, size)
            row = defaults.measure_defaults(
                sites,
                work / f"defaults-out-{theme}-{size}",
                runs_at(size, args.runs),
                timed_build,
                parse_time,
                ACADEMIC_TIMER,
            )
            rows.append(row)
            print(
                f" defaults {theme:>8} {size:>6,}: page {ms(row.page_cost)} vs bare page {ms(row.bare_page_cost)}, "
                f"exports {ms(row.exports_cost)} vs parse {ms(row.parse)}",
                flush=True,
            )
        small = defaults.make_default_sites(work, theme, entries, defaults.FIXED_SIZE)
        fixed[theme] = defaults.fixed_cost(small, work / f"fixed-out-{theme}", args.runs)
        bare, plugin, cost = fixed[theme]
        print(f" defaults {theme:>8} fixed: bare {ms(bare)}, plugin {ms(plugin)}, fixed cost {cost:.2f}x", flush=True)
        if args.quick:
            continue
        sites = defaults.make_default_sites(work, theme, entries, defaults.SERVE_SIZE)
        result = defaults.measure_default_serve(
            sites, work / f"defaults-serve-{theme}", args.runs, load, forget_plugins, edit_title
        )
        serve_rows.append(result)
        print(f" defaults {theme:>8} serve: unchanged {ms(result.unchanged)}, edited {ms(result.edited)}", flush=True)
        if len(entries) >= defaults.MEMORY_SIZE:
            sites = defaults.make_default_sites(work, theme, entries, defaults.MEMORY_SIZE)
            memory_rows[theme] = defaults.peak_memory_pair(sites, work / f"defaults-memory-{theme}", peak_memory)
            print(f" defaults {theme:>8} memory: {memory_rows[theme]}", flush=True)
    return defaults.report_defaults(rows, fixed, serve_rows, memory_rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median); fewer at 10,000")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entry counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="sizes up to 1,000 and no memory / serve runs")
    parser.add_argument("--no-listing", action="store_true", help="only the serve, memory and weight parts")
    parser.add_argument("--no-defaults", action="store_true", help="leave out the default-configuration rows")
    parser.add_argument("--write", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--citations", type=int, default=CITATIONS, help="citations (of as many entries) on one page")
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.quick:
        sizes = [size for size in sizes if size <= 1_000]
    notes: list[str] = []
    datasets: list[tuple[str, list[str]]] = [("synthetic", synthetic_entries(max(sizes + [SERVE_SIZE, MEMORY_SIZE])))]
    real = corpus_entries()
    if real:
        datasets.insert(0, ("petsc", real))
        notes.append(
            f"real data: the first N entries of {' then '.join(CORPUS_FILES)} from {corpora_label()} "
            f"({len(real):,} entries in all)."
        )
    else:
        notes.append(f"the corpora ({corpora_label()}) are not on this machine: synthetic data only.")
    if BibTexPlugin is None:
        notes.append("mkdocs-bibtex is not installed (pip install -r bench/requirements.txt): its columns are empty.")
    first, later = template_compile_cost(args.runs)
    notes.append(
        f"compiled templates: a first build on a machine compiles the templates of a listing page in "
        f"{ms(first)}; later builds load them from Jinja's cache folder in {ms(later)} (the rows below are "
        "later builds)."
    )
    work = Path(tempfile.mkdtemp(prefix="academic-bench-"))
    rows: list[Row] = []
    serve: list[ServeResult] = []
    memory: list[tuple[str, float, float]] = []
    themes = defaults.installed_themes()
    if "material" not in themes:
        notes.append("mkdocs-material is not installed (pip install -r bench/requirements.txt): mkdocs theme only.")
    defaults_report: tuple[list[str], list[str]] = ([], [])
    try:
        if not args.no_defaults:
            defaults_report = measure_default_configuration(work, datasets[0][1], themes, args)
        for theme in themes:
            # The mkdocs theme for every data set; Material for the first (the real data when present).
            for name, entries in datasets if theme == "mkdocs" else datasets[:1]:
                for size in [] if args.no_listing else sizes:
                    if size > len(entries):
                        continue
                    sites = make_sites(work, name, entries, size, theme)
                    row = measure_listing(sites, work / f"out-{name}-{theme}-{size}", runs_at(size, args.runs))
                    rows.append(row)
                    print(
                        f"{name:>9} {theme:>8} {size:>6,}: bare {ms(row.bare)}, plugin build {ms(row.plugin_build)}, "
                        f"own {ms(row.plugin_own)}, parse {ms(row.parse)}, mkdocs-bibtex own {ms(row.bibtex_own)}",
                        flush=True,
                    )
        if not args.quick:
            for name, entries in datasets:
                if len(entries) >= SERVE_SIZE:
                    sites = make_sites(work, f"serve-{name}", entries, SERVE_SIZE)
                    result = measure_serve(sites, work / f"serve-out-{name}", args.runs)
                    result.name = name
                    serve.append(result)
                    print(f"{name:>9} serve: unchanged {ms(result.unchanged)}, edited {ms(result.edited)}", flush=True)
            for name, entries in datasets:
                if len(entries) >= MEMORY_SIZE:
                    sites = make_sites(work, f"memory-{name}", entries, MEMORY_SIZE)
                    bare = peak_memory(sites.bare, work / "memory-bare")
                    plugin = peak_memory(sites.plugin, work / "memory-plugin")
                    memory.append((name, bare, plugin))
                    print(f"{name:>9} memory: bare {bare:.0f} MB, plugin {plugin:.0f} MB", flush=True)
        citations: list[str] = []
        if args.citations:
            name, entries = datasets[0]
            citations = measure_citations(work, name, entries, min(args.citations, len(entries)), args.runs)
        weight = page_weight(datasets[0][1], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(rows, serve, memory, weight, notes, args.runs, defaults_report, citations)
    print()
    print(text)
    if args.write:
        header = (
            "# Benchmark results\n\n"
            "The latest output of `make bench` (bench/run.py). How it measures: see the end of this file.\n\n"
        )
        method = (BENCH_DIR / "METHOD.md").read_text(encoding="utf-8") if (BENCH_DIR / "METHOD.md").is_file() else ""
        args.write.write_text(header + text + ("\n" + method if method else ""), encoding="utf-8")
        print(f"written to {args.write}")


if __name__ == "__main__":
    main()
