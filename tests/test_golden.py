"""Golden files: each block's default rendering, through the Markdown extension without MkDocs.

Every `tests/golden/<name>.md` is converted with `markdown.markdown` and the extension, reading
the small data in `tests/golden/data/`, and the HTML must equal `tests/golden/<name>.html` byte
for byte. A change of markup is therefore a reviewed diff of these files.

To accept a deliberate change of markup, rewrite the expected files and review the diff:

    ACADEMIC_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden.py
    git diff tests/golden/

The extension's configuration here is kept minimal (`data_dir` and `me`) so that the files
depend on the rendering only, not on how other options are spelt.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
DATA = GOLDEN / "data"
CASES = sorted(path.stem for path in GOLDEN.glob("*.md"))
UPDATE = os.environ.get("ACADEMIC_UPDATE_GOLDEN") == "1"


def convert(text: str) -> str:
    """`text` through the extension (and `toc`, for heading ids), reading the golden data."""
    return markdown.markdown(
        text,
        extensions=["mkdocs_academic.markdown", "toc"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(DATA), "me": ["Ada Lovelace"]}},
    )


def test_every_block_has_a_golden_file() -> None:
    """The cases cover each block; a deleted case would otherwise pass unnoticed."""
    wanted = {
        "publications",
        "publications-compact",
        "publications-numbered",
        "publications-by-type",
        "publication",
        "news",
        "experience-section",
        "experience-all",
        "profile",
        "citations",
    }
    assert wanted <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, caplog: pytest.LogCaptureFixture) -> None:
    source = GOLDEN / f"{name}.md"
    expected_file = GOLDEN / f"{name}.html"
    with caplog.at_level(logging.WARNING):
        html = convert(source.read_text(encoding="utf-8")) + "\n"
    assert not [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert 'class="academic academic-' in html  # the block was expanded, not left as text
    if UPDATE:
        expected_file.write_text(html, encoding="utf-8")
    assert expected_file.is_file(), f"no {expected_file.name}: run with ACADEMIC_UPDATE_GOLDEN=1 and review it"
    expected = expected_file.read_text(encoding="utf-8")
    assert html == expected, f"{name}.html differs (ACADEMIC_UPDATE_GOLDEN=1 rewrites it; review the diff)"
