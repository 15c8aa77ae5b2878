"""The build helper of the tests (tests/sitebuilder.py): in process it does what `mkdocs build` does.

Most build tests run MkDocs in the test process; these tests hold that to the real command line
(the same exit code, warnings and pages) and check that nothing of one build leaks into the next.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig
from sitebuilder import SOURCE_DATE_EPOCH, build, write_site

BIB = "@article{ada, author = {Lovelace, Ada}, title = {Notes}, journal = {Memoirs}, year = 1843}\n"
NO_YEAR = "@article{x,\n  title = {No year},\n  author = {A, B},\n}\n"
MISSING_YEAR = (
    "academic: data/p.bib:1: entry 'x': missing year (add `year = {2024}`, or a `status` such as `submitted`)"
)
PAGE = "# Papers\n\n/// publications\n///\n"


def test_a_good_site_is_the_same_in_process_and_through_the_command_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": BIB})
    here = build(root, site_dir=tmp_path / "here")
    there = build(root, site_dir=tmp_path / "there", subprocess=True)
    assert here.ok and there.ok, here.output + there.output
    assert here.warnings() == there.warnings() == []
    assert here.html() == there.html()
    assert 'data-key="ada"' in here.html()


def test_a_strict_failure_is_the_same_in_process_and_through_the_command_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": NO_YEAR})
    here = build(root)
    there = build(root, subprocess=True)
    assert here.returncode == there.returncode == 1
    assert here.warnings() == there.warnings() == [MISSING_YEAR]
    for built in (here, there):
        assert "Aborted with 1 warnings in strict mode!" in built.output
        assert "Traceback" not in built.output
    relaxed = build(root, strict=False)
    assert relaxed.ok and relaxed.warnings() == here.warnings()


def test_a_crash_gives_exit_code_1_and_the_traceback(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": BIB}, extra_config={"hooks": ["crash.py"]})
    (root / "crash.py").write_text(
        "def on_page_markdown(markdown, **kwargs):\n    raise RuntimeError('a bug in a hook')\n", encoding="utf-8"
    )
    built = build(root)
    assert built.returncode == 1
    assert "Traceback" in built.output and "RuntimeError: a bug in a hook" in built.output


def test_the_build_date_is_fixed_and_nothing_leaks_into_the_next_build(tmp_path: Path) -> None:
    mkdocs_logger = logging.getLogger("mkdocs")
    handlers, level, cwd = list(mkdocs_logger.handlers), mkdocs_logger.level, Path.cwd()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    first = build(write_site(tmp_path / "a", pages={"index.md": PAGE}, data={"p.bib": BIB}))
    second = build(write_site(tmp_path / "b", pages={"index.md": PAGE}, data={"p.bib": NO_YEAR}))
    assert first.ok and not second.ok
    # The default theme writes the build date into each page: SOURCE_DATE_EPOCH's, 2023-11-14.
    assert SOURCE_DATE_EPOCH == "1700000000" and "2023-11-14" in first.html()
    assert second.warnings() == [MISSING_YEAR]  # not the first's
    assert (mkdocs_logger.handlers, mkdocs_logger.level, Path.cwd()) == (handlers, level, cwd)
    assert os.environ.get("SOURCE_DATE_EPOCH") == epoch
    # A fresh plugin instance for each build, as in a new process.
    caches = [
        option.plugin_cache for _, option in get_schema(MkDocsConfig) if isinstance(option, config_options.Plugins)
    ]
    assert caches and all(cache == {} for cache in caches)
