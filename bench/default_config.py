"""The plugin with the options a user runs (publication pages and exports on), against MkDocs.

Imported by bench/run.py as `defaults` (`make bench`), whose report puts these rows first. Every figure is a
median of interleaved runs, in one process unless it says "fresh process"; every target is a
ratio of two things measured side by side. What each row means: bench/METHOD.md.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bibtexparser
import yaml
from mkdocs.commands.build import build as mkdocs_build
from static_pages import static_listing, static_publication_pages

from mkdocs_academic.plugin import AcademicPlugin

#: Themes every row is measured in (Material only when it is installed).
THEMES = ("mkdocs", "material")
#: Entry counts of the per-page and exports rows.
SIZES = (10, 100, 1_000)
FIXED_SIZE = 10
#: Pairs of fresh builds for the fixed cost, at least: a fresh process varies by tens of ms on a
#: shared machine, as much as the difference measured.
FIXED_RUNS = 15
SERVE_SIZE = 1_000
MEMORY_SIZE = 10_000
#: Every site lists its two pages in `nav`: with MkDocs' automatic nav a bare site of N pages
#: would put N links on every page (the plugin's pages are not in the nav).
NAV = [{"Home": "index.md"}, {"Publications": "publications.md"}]
INDEX = "# Home\n\nA researcher's homepage.\n"
LISTING = "# Publications\n\n/// publications\n    group_by: year\n///\n"


def installed_themes() -> list[str]:
    """The themes of THEMES that this environment has."""
    themes = ["mkdocs"]
    try:
        import material  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError:
        return themes
    return themes + ["material"]


def write_site(root: Path, theme: str, pages: dict[str, str], plugins: list[Any], bib_text: str) -> Path:
    """A site folder: mkdocs.yml (explicit two-page nav), docs/ with `pages`, data/pubs.bib."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "pubs.bib").write_text(bib_text, encoding="utf-8")
    config = {
        "site_name": "Bench",
        "site_url": "https://example.org/",
        "theme": {"name": theme},
        "plugins": plugins,
        "nav": NAV,
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@dataclass
class DefaultSites:
    """One data set at one size in one theme, built five ways."""

    theme: str
    count: int
    bib: Path
    bare_two: Path  # home + the listing written as Markdown
    bare_pages: Path  # the same, plus a Markdown page per entry
    plugin: Path  # the plugin, default options
    plugin_no_pages: Path  # publication_pages: false (exports on)
    plugin_off: Path  # publication_pages: false, exports: false
    keys: list[str] = field(default_factory=list)


def make_default_sites(base: Path, theme: str, entries: list[str], count: int) -> DefaultSites:
    """Write the five sites of one (theme, size)."""
    bib_text = "\n\n".join(entries[:count]) + "\n"
    root = base / f"defaults-{theme}-{count}"
    listing_md = static_listing(bib_text)
    bare_pages = {"index.md": INDEX, "publications.md": listing_md}
    bare_two = write_site(root / "bare-two", theme, bare_pages, [], bib_text)
    bare_all = write_site(
        root / "bare-pages", theme, {**bare_pages, **static_publication_pages(bib_text)}, [], bib_text
    )
    pages = {"index.md": INDEX, "publications.md": LISTING}

    def plugin_site(name: str, options: dict[str, Any]) -> Path:
        return write_site(root / name, theme, pages, [{"academic": options}], bib_text)

    keys = [entry.key for entry in bibtexparser.parse_string(bib_text).entries]
    return DefaultSites(
        theme,
        count,
        root / "plugin" / "data" / "pubs.bib",
        bare_two,
        bare_all,
        plugin_site("plugin", {}),
        plugin_site("plugin-no-pages", {"publication_pages": False}),
        plugin_site("plugin-off", {"publication_pages": False, "exports": False}),
        keys,
    )


@dataclass
class DefaultRow:
    theme: str
    count: int
    bare_two: float
    bare_pages: float
    plugin: float
    plugin_no_pages: float
    plugin_off: float
    parse: float
    # The differences below are each the median of one run's difference (the builds of a run
    # follow one another, so that a change of the machine's speed between runs cancels out).
    #: What one publication page adds to the plugin's build.
    page_cost: float = 0.0
    #: What one hand-written Markdown page of the same content adds to a bare build.
    bare_page_cost: float = 0.0
    #: What the exports (.bib and CSL-JSON of the site, a .bib per entry) add to the build,
    #: MkDocs' writing of the files included.
    exports_cost: float = 0.0
    #: What the exports add to the plugin's own time (its event handlers and blocks, pages
    #: off): adding their files and making their text (when MkDocs writes them), not MkDocs'
    #: writing of the files.
    exports_own: float = 0.0
    #: The median of each run's `exports_own` / parse.
    exports_per_parse: float = 0.0


def measure_defaults(
    sites: DefaultSites,
    out: Path,
    runs: int,
    timed_build: Callable[..., tuple[float, float]],
    parse_time: Callable[[Path], float],
    timer: Any,
) -> DefaultRow:
    """Interleaved in-process builds of the five sites, and bibtexparser's parse (`timer`
    measures the plugin's own time, see bench/run.py)."""
    names = ("bare_two", "bare_pages", "plugin", "plugin_no_pages", "plugin_off")
    samples: dict[str, list[float]] = {name: [] for name in (*names, "parse", "own_no_pages", "own_off")}
    for _ in range(runs):
        for name in names:
            wall, own = timed_build(getattr(sites, name), out / name, timer)
            samples[name].append(wall)
            if name in ("plugin_no_pages", "plugin_off"):
                samples[name.replace("plugin", "own")].append(own)
        samples["parse"].append(parse_time(sites.bib))
    check_pages(out / "plugin", sites)
    row = DefaultRow(sites.theme, sites.count, *(_median(samples[name]) for name in (*names, "parse")))
    runs_of = list(zip(*(samples[name] for name in (*names, "parse", "own_no_pages", "own_off")), strict=True))
    pages = [(plugin - no_pages) / sites.count for _, _, plugin, no_pages, *_ in runs_of]
    bare_pages = [(bare_pages - bare_two) / sites.count for bare_two, bare_pages, *_ in runs_of]
    exports_own = [own_no_pages - own_off for *_, own_no_pages, own_off in runs_of]
    row.page_cost = _median(pages)
    row.bare_page_cost = _median(bare_pages)
    row.exports_cost = _median([no_pages - off for _, _, _, no_pages, off, *_ in runs_of])
    row.exports_own = _median(exports_own)
    row.exports_per_parse = _median([own / parse for own, (*_, parse, _, _) in zip(exports_own, runs_of, strict=True)])
    return row


def check_pages(out: Path, sites: DefaultSites) -> None:
    """The default build has a page per entry (a benchmark of a broken build is worthless)."""
    pages = list((out / "publications").glob("*/index.html"))
    if len(pages) < len(set(sites.keys)) * 0.9:
        print(
            f"  warning: defaults-{sites.theme}-{sites.count}: {len(pages)} publication pages for {len(sites.keys)} keys"
        )


def fixed_cost(sites: DefaultSites, out: Path, runs: int) -> tuple[float, float, float]:
    """(bare two-page site, the plugin with its defaults, the fixed cost): fresh `mkdocs build`
    processes, as a user runs them, imports included — the fixed cost every build and
    `mkdocs serve` start pays. The first two are medians; the fixed cost is the median of each
    pair's (plugin − bare) / bare, so that a drift of the machine's speed during the run weighs
    on both builds of a pair alike. The pairs alternate which build goes first.

    With bytecode caching on (as after `pip install`) whatever this shell says, and one build of
    each first, so that neither run compiles the package's sources."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

    def build(site: Path) -> float:
        start = time.perf_counter()
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)]
        subprocess.run(command, check=True, capture_output=True, env=env)
        return time.perf_counter() - start

    build(sites.bare_two)
    build(sites.plugin)
    bare: list[float] = []
    plugin: list[float] = []
    for index in range(max(3 * runs, FIXED_RUNS)):
        if index % 2:
            plugin.append(build(sites.plugin))
            bare.append(build(sites.bare_two))
        else:
            bare.append(build(sites.bare_two))
            plugin.append(build(sites.plugin))
    ratios = [(with_plugin - without) / without for without, with_plugin in zip(bare, plugin, strict=True)]
    return _median(bare), _median(plugin), _median(ratios)


@dataclass
class DefaultServe:
    theme: str
    count: int
    unchanged: float
    edited: float
    bare: float  # MkDocs' own rebuild of the bare site with the same pages


def measure_default_serve(
    sites: DefaultSites,
    out: Path,
    runs: int,
    load: Callable[[Path, Path], Any],
    forget_plugins: Callable[[], None],
    edit_title: Callable[[Path, str, str, str], None],
) -> DefaultServe:
    """`mkdocs serve` rebuilds with the defaults: one plugin instance, as under serve;
    unchanged data, one edited title, and MkDocs' rebuild of the bare site of the same pages."""
    forget_plugins()
    config = load(sites.plugin, out / "plugin")
    config.plugins.on_startup(command="serve", dirty=False)
    mkdocs_build(config)
    plugin = config.plugins["academic"]
    assert isinstance(plugin, AcademicPlugin)
    bare_config = load(sites.bare_pages, out / "bare")
    mkdocs_build(bare_config)
    original = sites.bib.read_text(encoding="utf-8")
    target = sites.keys[len(sites.keys) // 2]
    unchanged: list[float] = []
    edited: list[float] = []
    bare: list[float] = []
    for run in range(runs):
        gc.collect()
        start = time.perf_counter()
        mkdocs_build(load(sites.bare_pages, out / "bare"))
        bare.append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        mkdocs_build(load(sites.plugin, out / "plugin"))
        unchanged.append(time.perf_counter() - start)
        edit_title(sites.bib, original, target, f"Edited title {run}")
        gc.collect()
        start = time.perf_counter()
        mkdocs_build(load(sites.plugin, out / "plugin"))
        edited.append(time.perf_counter() - start)
    sites.bib.write_text(original, encoding="utf-8")
    forget_plugins()
    return DefaultServe(sites.theme, sites.count, _median(unchanged), _median(edited), _median(bare))


def peak_memory_pair(sites: DefaultSites, out: Path, peak_memory: Callable[[Path, Path], float]) -> tuple[float, float]:
    """(bare site with the same pages, the plugin with its defaults): peak MB of fresh processes."""
    return peak_memory(sites.bare_pages, out / "bare"), peak_memory(sites.plugin, out / "plugin")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# ------------------------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def report_defaults(
    rows: list[DefaultRow],
    fixed: dict[str, tuple[float, float, float]],
    serve: list[DefaultServe],
    memory: dict[str, tuple[float, float]],
) -> tuple[list[str], list[str]]:
    """(the Markdown lines of the tables, the target lines) for the default configuration."""
    out = ["### With the defaults a user runs (publication pages and exports on)", ""]
    out.append(
        "| theme | entries | bare, 2 pages | bare, + a page per entry | plugin, defaults | plugin, pages off "
        "| plugin, pages and exports off | a publication page | a bare page | page / bare page "
        "| exports, build | exports, plugin's own | parse | own / parse |"
    )
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        out.append(
            f"| {row.theme} | {row.count:,} | {_ms(row.bare_two)} | {_ms(row.bare_pages)} | {_ms(row.plugin)} "
            f"| {_ms(row.plugin_no_pages)} | {_ms(row.plugin_off)} | {_ms(row.page_cost)} | {_ms(row.bare_page_cost)} "
            f"| {row.page_cost / row.bare_page_cost:.2f}x | {_ms(row.exports_cost)} | {_ms(row.exports_own)} "
            f"| {_ms(row.parse)} | {row.exports_per_parse:.2f}x |"
        )
    targets = []
    for row in rows:
        if row.count < 100:
            continue  # at 10 entries a page's share is within the noise of a build
        page = row.page_cost / row.bare_page_cost
        targets.append(
            f"- {row.theme}, {row.count:,} entries: a publication page {page:.2f}x a bare page of the same "
            f"content (target ≤ 1.0x): {_verdict(page <= 1.0)}"
        )
        exports = row.exports_per_parse
        targets.append(
            f"- {row.theme}, {row.count:,} entries: making the exports costs {exports:.2f}x the parse (target ≤ 0.5x): "
            f"{_verdict(exports <= 0.5)}; with MkDocs writing their {row.count:,}+2 files, "
            f"{row.exports_cost / row.parse:.2f}x (file creation: the disk's share)"
        )
    if fixed:
        out += [
            "",
            "| theme | fresh `mkdocs build`, bare two-page site | with the plugin, 10 entries, defaults | fixed cost |",
        ]
        out.append("|---|--:|--:|--:|")
        for theme, (bare, plugin, cost) in fixed.items():
            out.append(f"| {theme} | {_ms(bare)} | {_ms(plugin)} | {cost:.2f}x |")
            targets.append(
                f"- {theme}: fixed cost (plugin, 10 entries, vs bare two-page site, fresh processes) "
                f"{cost:.2f}x the bare build (target ≤ 0.25x): {_verdict(cost <= 0.25)}"
            )
    if serve:
        out += [
            "",
            "| theme | entries | serve rebuild, data unchanged | after editing one title | ratio "
            "| MkDocs' rebuild of the same pages, bare | unchanged / bare |",
        ]
        out.append("|---|--:|--:|--:|--:|--:|--:|")
        for result in serve:
            out.append(
                f"| {result.theme} | {result.count:,} | {_ms(result.unchanged)} | {_ms(result.edited)} "
                f"| {result.edited / result.unchanged:.2f}x | {_ms(result.bare)} | {result.unchanged / result.bare:.2f}x |"
            )
            targets.append(
                f"- {result.theme}, serve with the defaults, {result.count:,} entries: edited / unchanged "
                f"{result.edited / result.unchanged:.2f}x (target ≤ 1.3x): {_verdict(result.edited <= 1.3 * result.unchanged)}; "
                f"an unchanged rebuild is {result.unchanged / result.bare:.2f}x MkDocs' own rebuild of the same pages"
            )
    if memory:
        out += [
            "",
            "| theme | entries | peak memory, bare site of the same pages | with the plugin, defaults | difference |",
        ]
        out.append("|---|--:|--:|--:|--:|")
        for theme, (bare, plugin) in memory.items():
            out.append(f"| {theme} | {MEMORY_SIZE:,} | {bare:.0f} MB | {plugin:.0f} MB | {plugin - bare:+.1f} MB |")
            targets.append(
                f"- {theme}, memory with the defaults, {MEMORY_SIZE:,} entries: {plugin - bare:+.1f} MB "
                f"(target < 50 MB): {_verdict(plugin - bare < 50)}"
            )
    out.append("")
    return out, targets
