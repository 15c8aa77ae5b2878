"""Compare the build time of two revisions of mkdocs-academic side by side, in one run.

    python bench/compare.py d12e241 HEAD            # the listing site, 1,000 and 10,000 entries
    python bench/compare.py main WORKTREE --sizes 1000 --defaults

Each revision is checked out with `git worktree` into a temporary folder (`WORKTREE` means the
files as they are now, uncommitted changes included) and put first on `PYTHONPATH`; the same
sites (those of bench/run.py: one page listing every entry, or with `--defaults` the plugin's
default options) are built by fresh `python -m mkdocs build` processes, the two revisions
interleaved run by run so that machine noise hits both alike. Prints the medians and the
ratio B / A. Bytecode is cached (as after `pip install`), and each revision builds once first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run  # bench/run.py: the same sites and data

REPOSITORY = Path(__file__).resolve().parent.parent


def checkout(revision: str, into: Path) -> Path:
    """A folder holding `revision` of the repository (`WORKTREE`: the repository itself)."""
    if revision == "WORKTREE":
        return REPOSITORY
    subprocess.run(
        ["git", "-C", str(REPOSITORY), "worktree", "add", "--detach", "--force", str(into), revision],
        check=True,
        capture_output=True,
    )
    return into


def build_time(source: Path, site: Path, out: Path) -> float:
    """Wall time of a fresh `mkdocs build` of `site` with the package from `source`."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source) + os.pathsep + env.get("PYTHONPATH", "")
    env["NO_MKDOCS_2_WARNING"] = "1"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        check=True,
        capture_output=True,
        env=env,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", help="the revision to compare against (a commit, branch or tag)")
    parser.add_argument("b", help="the revision to measure (or WORKTREE: the files as they are now)")
    parser.add_argument("--sizes", default="1000,10000", help="entry counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs per size (median)")
    parser.add_argument("--defaults", action="store_true", help="the plugin's default options, not the listing only")
    args = parser.parse_args()
    entries = run.corpus_entries() or run.synthetic_entries(max(int(size) for size in args.sizes.split(",")))
    data = "petsc" if run.corpus_entries() else "synthetic"
    work = Path(tempfile.mkdtemp(prefix="academic-compare-"))
    try:
        sources = {label: checkout(revision, work / label) for label, revision in (("a", args.a), ("b", args.b))}
        print(f"A = {args.a}, B = {args.b}; {data} data; fresh `mkdocs build` processes, medians of {args.runs}")
        for size in (int(size) for size in args.sizes.split(",")):
            if size > len(entries):
                continue
            sites = run.make_sites(work / "sites", data, entries, size)
            site = sites.plugin
            if args.defaults:
                config = (site / "mkdocs.yml").read_text(encoding="utf-8")
                (site / "mkdocs.yml").write_text(
                    config.replace("exports: false", "exports: true").replace(
                        "publication_pages: false", "publication_pages: true"
                    ),
                    encoding="utf-8",
                )
            times: dict[str, list[float]] = {"a": [], "b": []}
            for label, source in sources.items():  # a first build of each: bytecode, caches
                build_time(source, site, work / f"out-{label}")
            for _ in range(args.runs):
                for label, source in sources.items():
                    times[label].append(build_time(source, site, work / f"out-{label}"))
            a, b = (statistics.median(times[label]) for label in ("a", "b"))
            print(f"{size:>7,} entries: A {a * 1000:,.0f} ms, B {b * 1000:,.0f} ms, B / A {b / a:.2f}x", flush=True)
    finally:
        for label in ("a", "b"):
            if (work / label).exists():
                subprocess.run(
                    ["git", "-C", str(REPOSITORY), "worktree", "remove", "--force", str(work / label)],
                    capture_output=True,
                )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
