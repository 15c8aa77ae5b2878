"""Bad input gets a clear message; nothing is lost; builds are deterministic; serve survives.

Each entry of the message catalogue (mkdocs_academic/messages.py, rendered as the docs'
Messages page) has its example input below: built with `mkdocs build --strict`, it must fail
with the very message the catalogue shows (naming the file and line, or the page and block,
saying what is wrong and what to do), and with no traceback.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import pytest
from sitebuilder import build, write_site

from mkdocs_academic.data.bibtex import read_bib_files, resolve_crossrefs
from mkdocs_academic.data.store import DataStore
from mkdocs_academic.log import LOGGER_NAME
from mkdocs_academic.messages import BY_ID

GOOD = "@article{good,\n  title = {Good Paper},\n  author = {Lovelace, Ada},\n  journal = {J},\n  year = {2020},\n}\n"
PAGE = "# Home\n\n/// publications\n///\n"
NEWS = "- date: 2024-05-01\n  text: Hello\n"
CV = "education:\n  - title: PhD\n    organization: Uni\n    start: 2020\n"

E = "@article{a,\n  title = {X},\n  author = {A, B},\n"  # the start of an entry; a case adds fields and "}"
NEWS_PAGE = "/// news\n///\n"
CV_PAGE = "/// experience\n///\n"


@dataclass(frozen=True)
class Case:
    """A bad input: data files, the page that uses them, and the site's settings."""

    data: dict[str, str | bytes]
    page: str = PAGE
    plugin: dict[str, Any] = field(default_factory=dict)
    extra_config: dict[str, Any] = field(default_factory=dict)
    docs: dict[str, str] = field(default_factory=dict)  # more files under docs/
    theme: dict[str, Any] = field(default_factory=lambda: {"name": "mkdocs"})


#: The example input of each entry of the message catalogue (mkdocs_academic/messages.py, the
#: docs' Messages page): its build must print the entry's example, as the catalogue shows it.
CASES: dict[str, Case] = {
    # BibTeX
    "unbalanced-braces": Case(
        {"p.bib": GOOD + "@article{a,\n  title = {X {Y},\n  author = {A, B},\n  year = {2020},\n}\n"}
    ),
    "entry-not-closed": Case({"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n"}),
    "no-comma-after-key": Case({"p.bib": "@article{a\n  title = {X},\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "field-without-equals": Case({"p.bib": "@article{a,\n  title {X},\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "extra-closing-brace": Case({"p.bib": "@article{a,\n  title = {X}},\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "missing-comma": Case({"p.bib": "@article{a,\n  title = {X},\n  author = {A, B}\n  year = {2020},\n}\n"}),
    "text-after-value": Case({"p.bib": E + "  year = {2020} xyz,\n}\n"}),
    "invalid-field-name": Case({"p.bib": E + "  year = 2020,\n  my field = {x},\n}\n"}),
    "entry-without-key": Case({"p.bib": "@article{,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "read-as-comment": Case({"p.bib": GOOD + "@commentary{x,\n  title = {X},\n}\n"}),
    "not-an-entry": Case({"p.bib": GOOD + "@ not an entry\n"}),
    "duplicate-key": Case({"p.bib": GOOD + GOOD}),
    "duplicate-key-across-files": Case({"a.bib": GOOD, "b.bib": GOOD}),
    "duplicate-field": Case({"p.bib": E + "  year = {2020},\n  title = {Y},\n}\n"}),
    "undefined-macro": Case({"p.bib": E + "  journal = jacm,\n  year = {2020},\n}\n"}),
    "string-used-above-its-definition": Case(
        {"p.bib": E + "  journal = jacm,\n  year = {2020},\n}\n@string{jacm = {J. ACM}}\n"}
    ),
    "preamble-not-quoted": Case({"p.bib": "@preamble{\\newcommand{\\x}{y}}\n" + GOOD}),
    "string-read-as-string": Case({"p.bib": "@strings{jacm = {J. ACM}}\n" + GOOD}),
    "string-redefined": Case({"p.bib": "@string{jacm = {J. ACM}}\n@string{jacm = {JACM}}\n" + GOOD}),
    "dangling-crossref": Case(
        {"p.bib": "@inproceedings{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  crossref = {conf},\n}\n"}
    ),
    "dangling-xdata": Case({"p.bib": E + "  year = {2020},\n  xdata = {acm},\n}\n"}),
    "dangling-xref": Case({"p.bib": E + "  year = {2020},\n  xref = {conf},\n}\n"}),
    "unknown-entry-type": Case({"p.bib": "@artcle{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "missing-title": Case({"p.bib": "@article{a,\n  author = {A, B},\n  year = {2020},\n}\n"}),
    "missing-author": Case({"p.bib": "@article{a,\n  title = {X},\n  year = {2020},\n}\n"}),
    "missing-year": Case({"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n}\n"}),
    "malformed-name-list": Case(
        {
            "p.bib": "@article{a,\n  title = {X},\n  author = {Ada Lovelace, Charles Babbage, Mary Somerville},\n  year = 2020,\n}\n"
        }
    ),
    "suffix-last": Case(
        {"p.bib": "@article{a,\n  title = {X},\n  author = {Fulton, James E., Jr.},\n  year = 2020,\n}\n"}
    ),
    "trailing-and": Case(
        {"p.bib": "@article{a,\n  title = {X},\n  author = {Lovelace, Ada and},\n  year = 2020,\n}\n"}
    ),
    "unknown-latex-command": Case(
        {"p.bib": "@article{a,\n  title = {Software\\weirddash Practice},\n  author = {A, B},\n  year = 2020,\n}\n"}
    ),
    "bad-year": Case({"p.bib": E + "  year = {20x0},\n}\n"}),
    "bad-date": Case({"p.bib": E + "  date = {2020-13-45},\n}\n"}),
    "bad-month": Case({"p.bib": E + "  year = 2020,\n  month = {Smarch},\n}\n"}),
    "doi-not-a-doi": Case({"p.bib": E + "  year = 2020,\n  doi = {http://hdl.handle.net/1/2},\n}\n"}),
    "link-field-text": Case({"p.bib": E + "  year = 2020,\n  html = {Proceedings of X},\n}\n"}),
    "empty-bib": Case({"p.bib": ""}),
    "no-entries-bib": Case({"p.bib": "Just some notes.\n"}),
    "bib-not-utf8": Case(
        {"p.bib": "@article{a,\n  title = {Caf\xe9},\n  author = {A, B},\n  year = 2020,\n}\n".encode("latin-1")}
    ),
    "bib-utf16": Case({"p.bib": GOOD.encode("utf-16")}),
    "nul-bytes": Case({"p.bib": b"@article{a,\n  title = {X\x00Y},\n  author = {A, B},\n  year = 2020,\n}\n"}),
    # YAML and JSON
    "yaml-syntax": Case({"news.yml": "- date: 2024-05-01\n  text: Paper accepted: see below\n"}, NEWS_PAGE),
    "yaml-unclosed-bracket": Case({"publications.yml": "- title: X\n  authors: [A\n  year: 2020\n"}),
    "yaml-bad-character": Case({"news.yml": "- date: 2024-05-01\n  text: Hello \x07\n"}, NEWS_PAGE),
    "yaml-wrong-type": Case({"news.yml": "- date: 2024-05-01\n  text: [a, b]\n"}, NEWS_PAGE),
    "yaml-wrong-type-publication": Case(
        {"publications.yml": "- title: [A, B]\n  authors: Ada Lovelace\n  year: 2020\n"}
    ),
    "yaml-top-level-wrong": Case({"cv.yml": "education: PhD in 2020\n"}, CV_PAGE),
    "json-resume-not-an-object": Case({"resume.json": "[1, 2]"}, CV_PAGE),
    "yaml-unknown-field": Case({"news.yml": "- date: 2024-05-01\n  txt: Hello\n"}, NEWS_PAGE),
    "yaml-unknown-publication-field": Case({"publications.yml": "- title: X\n  authors: Ada Lovelace\n  yeer: 2020\n"}),
    "json-resume-unknown-section": Case({"resume.json": '{"basics": {"name": "Ada"}, "wrk": []}'}, CV_PAGE),
    "yaml-duplicate-field": Case({"news.yml": "- date: 2024-05-01\n  text: Hello\n  text: Again\n"}, NEWS_PAGE),
    "yaml-missing-field": Case({"news.yml": "- date: 2024-05-01\n"}, NEWS_PAGE),
    "yaml-bad-date": Case({"news.yml": "- date: someday\n  text: Hello\n"}, NEWS_PAGE),
    "yaml-date-range": Case({"cv.yml": "education:\n  - title: PhD\n    start: 2022\n    end: 2020\n"}, CV_PAGE),
    "cv-section-in-two-files": Case(
        {"cv.yml": CV, "resume.json": '{"education": [{"institution": "Uni", "area": "CS"}]}'}, CV_PAGE
    ),
    "profile-in-two-files": Case(
        {"profile.yml": "name: Ada\n", "resume.json": '{"basics": {"name": "Ada"}}'}, "/// profile\n///\n"
    ),
    "cv-too-deep": Case(
        {
            "cv.yml": "skills:\n  - title: A\n    items:\n      - title: B\n        items:\n          - title: C\n"
            "            items:\n              - title: D\n                items:\n                  - title: E\n"
            "                    items: [x]\n"
        },
        CV_PAGE,
    ),
    "bad-email": Case({"profile.yml": "name: Ada\nemail: ada-at-example\n"}, "/// profile\n///\n"),
    "news-bad-id": Case({"news.yml": "- date: 2024-05-01\n  text: Hello\n  id: 'a b'\n"}, NEWS_PAGE),
    "news-duplicate-id": Case(
        {"news.yml": "- date: 2024-05-01\n  text: Hello\n  id: x\n- date: 2024-05-02\n  text: Two\n  id: x\n"},
        NEWS_PAGE,
    ),
    "yaml-empty": Case({"news.yml": ""}, NEWS_PAGE),
    "yaml-only-comments": Case({"news.yml": "# nothing yet\n"}, NEWS_PAGE),
    "yaml-not-utf8": Case({"news.yml": "- date: 2024-05-01\n  text: Caf\xe9\n".encode("latin-1")}, NEWS_PAGE),
    "json-syntax": Case({"resume.json": '{"basics": {"name": "Ada",}}'}, CV_PAGE),
    # Links
    "unsafe-link": Case({"p.bib": E + "  year = 2020,\n  pdf = {javascript:alert(1)},\n}\n"}),
    "unsafe-image": Case({"p.bib": E + "  year = 2020,\n  preview = {javascript:x},\n}\n"}),
    "placeholder-link": Case({"news.yml": NEWS + '  url: "#"\n'}, NEWS_PAGE),
    "dead-site-link": Case({"p.bib": E + "  year = 2020,\n  pdf = {assets/pdf/x.pdf},\n}\n"}),
    # Blocks
    "missing-news-file": Case({"p.bib": GOOD}, NEWS_PAGE),
    "no-publications": Case({"news.yml": NEWS}, "/// publications\n///\n"),
    "missing-cv-file": Case({"p.bib": GOOD}, CV_PAGE),
    "missing-profile-file": Case({"p.bib": GOOD}, "/// profile\n///\n"),
    "missing-data-dir": Case({}),
    "unknown-key-in-block": Case({"p.bib": GOOD}, "/// publications\n    keys: [godo]\n///\n"),
    "unknown-citation-key": Case({"p.bib": GOOD}, "# Home\n\nSee [@godo].\n"),
    "bad-citation-style": Case({"p.bib": GOOD}, "---\ncitation_style: harvard\n---\n# Home\n\nSee [@good].\n"),
    "second-bibliography": Case({"p.bib": GOOD}, "See [@good].\n\n/// bibliography\n///\n\n/// bibliography\n///\n"),
    "missing-publication-key": Case({"p.bib": GOOD}, "/// publication\n///\n"),
    "unknown-block-option": Case({"p.bib": GOOD}, "/// publications\n    selectd: true\n///\n"),
    "option-given-twice": Case({"p.bib": GOOD}, "/// publications\n    group_by: none\n    group: year\n///\n"),
    "bad-option-value": Case({"p.bib": GOOD}, "/// publications\n    group_by: decade\n///\n"),
    "bad-block-header": Case({"p.bib": GOOD}, "/// publications\n    keys: [good\n///\n"),
    "block-takes-no-argument": Case({"news.yml": NEWS}, "/// news | all\n///\n"),
    "unknown-section": Case({"cv.yml": CV}, "/// experience | educaton\n///\n"),
    "unknown-tag": Case({"news.yml": NEWS}, "/// news\n    tag: talk\n///\n"),
    "text-in-block": Case({"p.bib": GOOD}, "/// publications\n    selected: false\n\nSome text.\n///\n"),
    "misspelt-block": Case({"p.bib": GOOD}, "/// publicatons\n///\n"),
    # Options and the site
    "bad-site-option": Case({"p.bib": GOOD}, plugin={"max_authors": -1}),
    "bad-site-default": Case({"p.bib": GOOD}, plugin={"publications": {"group_by": "decade"}}),
    "unknown-label": Case({"p.bib": GOOD}, plugin={"labels": {"abstrct": "Summary"}}),
    "language-without-labels": Case({"p.bib": GOOD}, plugin={"language": "xx"}),
    "feed-needs-site-url": Case({"news.yml": NEWS}, NEWS_PAGE, plugin={"feed": True}),
    "feed-links-to-page": Case(
        {"news.yml": NEWS}, "/// news\n    limit: 1\n///\n", extra_config={"site_url": "https://example.org/"}
    ),
    "generated-file-exists": Case({"p.bib": GOOD}, docs={"publications.bib": GOOD}),
    "template-error": Case(
        {"news.yml": NEWS},
        NEWS_PAGE,
        theme={"name": "mkdocs", "custom_dir": "overrides"},
        docs={"../overrides/academic/news-list.html": "{% for %}\n"},
    ),
}

#: Entries whose message no small site can bring about; each is checked another way.
NO_CASE: dict[str, str] = {
    "unreadable-file": "needs a file the build may not read; the tests run as root, who reads every file",
    "data-dir-unreadable": "the same, for the data directory",
    "internal-error": "a bug, which no input is known to cause: the fuzz run (tests/test_fuzz.py) looks for one",
    "markdown-defaults": "Python-Markdown only: test_markdown_defaults_are_checked below",
    "bibliography-not-supported": "no host of this package prints it: each one that has the block has citations",
}


def example_pattern(example: str) -> re.Pattern[str]:
    """The catalogue's example as a regex: `…` stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in example.split("…")), re.DOTALL)


def printed_messages(output: str) -> list[str]:
    """The messages of a build's output, without the level and the "academic: " prefix."""
    lines = re.findall(r"^(?:WARNING|ERROR|INFO)\s*-\s*(.*)$", output, re.MULTILINE)
    return [line.removeprefix("academic: ") for line in lines]


@pytest.mark.parametrize("message_id", sorted(CASES))
def test_bad_input_prints_the_documented_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, message_id: str
) -> None:
    message, case = BY_ID[message_id], CASES[message_id]
    root = write_site(
        tmp_path,
        pages={"index.md": case.page, **case.docs},
        data=case.data or None,
        plugin=case.plugin,
        theme=case.theme,
        extra_config=case.extra_config,
    )
    # The in-process build keeps warnings in its output; a note (INFO) is caught from the logger.
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        result = build(root)
    notes = [record.getMessage() for record in caplog.records if record.levelno == logging.INFO]
    assert "Traceback" not in result.output
    if message.level == "warning":
        assert not result.ok, result.output  # `mkdocs build --strict` fails
    else:
        assert result.ok, result.output
    printed = printed_messages(result.output) + [note.removeprefix("academic: ") for note in notes]
    assert any(example_pattern(message.example).fullmatch(line) for line in printed), (
        f"{message_id}: the catalogue's example\n  {message.example}\nis not what the build printed:\n  "
        + "\n  ".join(printed)
    )
    if message.section in ("bibtex", "yaml", "links", "blocks"):  # each names its file (and line)
        for warning in [w.removeprefix("academic: ") for w in result.warnings()]:
            assert re.match(r"(data/[\w.]+(:\d+)?|data|index\.md(:\d+)?|mkdocs\.yml): ", warning), warning


def test_every_catalogue_entry_has_a_case() -> None:
    assert not set(CASES) & set(NO_CASE)
    assert sorted(set(BY_ID) - set(CASES) - set(NO_CASE)) == [], "add a case to CASES for each new catalogue entry"
    assert sorted((set(CASES) | set(NO_CASE)) - set(BY_ID)) == [], "a case for an entry the catalogue does not have"


def test_markdown_defaults_are_checked(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`defaults:` of the Python-Markdown extension (no MkDocs): a misspelt block name is a warning."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "p.bib").write_text(GOOD, encoding="utf-8")
    config = {"data_dir": str(tmp_path / "data"), "defaults": {"publicatons": {}}}
    with caplog.at_level(logging.WARNING):
        markdown.markdown(
            PAGE, extensions=["mkdocs_academic.markdown"], extension_configs={"mkdocs_academic.markdown": config}
        )
    printed = [record.getMessage().removeprefix("academic: ") for record in caplog.records]
    assert any(example_pattern(BY_ID["markdown-defaults"].example).fullmatch(line) for line in printed), printed


# --- nothing lost -----------------------------------------------------------------------------


def test_every_corpus_entry_and_yaml_item_is_rendered_or_named(tmp_path: Path, corpora: Path) -> None:
    """Through the whole data store: every BibTeX entry becomes a publication or is in a problem."""
    data = tmp_path / "data"
    data.mkdir()
    for path in sorted(corpora.rglob("*.bib")):
        if path.stat().st_size < 1_000_000:
            (data / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
    for name in ("news.yml", "cv.yml", "profile.yml", "publications.yml"):
        source = Path(__file__).resolve().parents[1] / "example-site" / "data" / name
        if source.is_file():
            (data / name).write_bytes(source.read_bytes())
    dataset = DataStore(data, tmp_path).load()
    problem_lines = {(p.path, p.line) for p in dataset.problems}
    published = {(pub.source.path, pub.source.line) for pub in dataset.publications}
    # Containers only there as crossref parents (a proceedings volume) are not publications.
    bibs = read_bib_files([(bib, f"data/{bib.name}") for bib in sorted(data.glob("*.bib"))])
    _, parents, _ = resolve_crossrefs(bibs)
    checked = 0
    for raw in bibs:
        for entry in raw.entries:
            where = (raw.path, entry.source.line)
            checked += 1
            assert where in published or where in problem_lines or entry.key in parents, where
    assert checked > 3000
    # YAML: every list item of news.yml became a news item (none was dropped silently).
    news_items = dataset.news_items()
    written = len(re.findall(r"^- ", (data / "news.yml").read_text(encoding="utf-8"), re.MULTILINE))
    news_problems = [p for p in dataset.problems if p.path == "data/news.yml"]
    assert len(news_items) == written or news_problems


# --- deterministic ----------------------------------------------------------------------------


def _build_with_seed(root: Path, site: Path, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file() and p.suffix != ".gz"
    }


def test_builds_are_byte_identical_across_hash_seeds_and_file_order(tmp_path: Path) -> None:
    bib_a = (
        GOOD
        + "@inproceedings{b2021,\n  title = {B},\n  author = {Babbage, Charles and Lovelace, Ada},\n  booktitle = {Conf},\n  year = 2021,\n  keywords = {x, y, z},\n}\n"
    )
    bib_b = "@misc{c2019,\n  title = {C},\n  author = {Somerville, Mary},\n  year = 2019,\n  keywords = {z, y},\n}\n"
    files = {
        "a.bib": bib_a,
        "b.bib": bib_b,
        "news.yml": NEWS + "- date: 2024-06\n  text: Two\n  tags: [b, a]\n",
        "cv.yml": CV,
    }
    pages = {"index.md": PAGE + "\n/// news\n///\n\n/// experience\n///\n"}
    first_root = write_site(
        tmp_path / "one", pages=pages, data=files, extra_config={"site_url": "https://example.org/"}
    )
    # The same files written in the opposite order (directory order differs on most file systems).
    second_root = write_site(
        tmp_path / "two",
        pages=pages,
        data=dict(reversed(list(files.items()))),
        extra_config={"site_url": "https://example.org/"},
    )
    first = _build_with_seed(first_root, tmp_path / "site1", "1")
    second = _build_with_seed(second_root, tmp_path / "site2", "4242")
    third = _build_with_seed(first_root, tmp_path / "site3", "random")
    assert first.keys() == second.keys() == third.keys()
    assert any(name.endswith(".bib") or name.endswith(".json") or name.endswith(".xml") for name in first)
    assert [name for name in first if first[name] != second[name]] == []
    assert [name for name in first if first[name] != third[name]] == []


# --- mkdocs serve survives ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local test server
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(condition, timeout: float = 60.0) -> bool:  # noqa: ANN001 - a small polling helper
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_serve_reports_a_broken_file_and_recovers(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": GOOD})
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}/"

    def output() -> str:
        log.flush()
        return (tmp_path / "serve.log").read_text(encoding="utf-8")

    try:
        assert _wait(lambda: 'data-key="good"' in (_get(url) or ""), 90), output()
        # Break the file: an unclosed brace in the title of the only entry.
        time.sleep(1.1)  # a new modification time, whatever the file system's resolution
        (root / "data" / "p.bib").write_text(GOOD.replace("{Good Paper}", "{Good {Paper}"), encoding="utf-8")
        assert _wait(lambda: "data/p.bib:1: could not read entry 'good'" in output(), 90), output()
        assert _wait(lambda: (_get(url) or "").count('data-key="good"') == 0, 30), output()
        assert process.poll() is None, output()
        assert "Traceback" not in output()
        # Fix it: the entry comes back.
        time.sleep(1.1)
        (root / "data" / "p.bib").write_text(GOOD.replace("Good Paper", "Fixed Paper"), encoding="utf-8")
        assert _wait(lambda: "Fixed Paper" in (_get(url) or ""), 90), output()
        assert process.poll() is None
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
