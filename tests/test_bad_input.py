"""Bad input gets a clear message; nothing is lost; builds are deterministic; serve survives.

The catalogue below is the error table of docs/pages/messages.md ("Messages"): each bad input
is built with `mkdocs build --strict`, which must fail with a message naming the file and
line (or the page and block), saying what is wrong and what to do, and with no traceback.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from docs_text import docs_section
from sitebuilder import build, write_site

from mkdocs_academic.data.bibtex import read_bib_files, resolve_crossrefs
from mkdocs_academic.data.store import DataStore

GOOD = "@article{good,\n  title = {Good Paper},\n  author = {Lovelace, Ada},\n  journal = {J},\n  year = {2020},\n}\n"
PAGE = "# Home\n\n/// publications\n///\n"
NEWS = "- date: 2024-05-01\n  text: Hello\n"
CV = "education:\n  - title: PhD\n    organization: Uni\n    start: 2020\n"

#: (id, data files, page, regex one warning must match). The message shape is in docs/pages/messages.md.
CATALOGUE: list[tuple[str, dict[str, str | bytes], str, str]] = [
    (
        "unbalanced-braces",
        {"p.bib": GOOD + "@article{a,\n  title = {X {Y},\n  author = {A, B},\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:7: could not read entry 'a' .*: the '\{' of field 'title' on line 8 is never closed.*"
        r"\(add the missing '\}'",
    ),
    (
        "entry-not-closed",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n"},
        PAGE,
        r"data/p\.bib:1: could not read entry 'a' .*not closed before the end of the file",
    ),
    (
        "extra-closing-brace",
        {"p.bib": "@article{a,\n  title = {X}},\n  author = {A, B},\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:3: field 'author' comes after the end of entry 'a' .*extra '\}'",
    ),
    (
        "missing-comma",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B}\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:4: missing comma before field 'year' in entry 'a'\? \(add a comma",
    ),
    (
        "duplicate-key",
        {"p.bib": GOOD + GOOD},
        PAGE,
        r"data/p\.bib:7: duplicate key 'good' \(first at line 1\); .* \(rename one of them\)",
    ),
    (
        "duplicate-field",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  title = {Y},\n}\n"},
        PAGE,
        r"data/p\.bib:5: duplicate field 'title' in entry 'a' \(first at line 2\)",
    ),
    (
        "undefined-macro",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  journal = jacm,\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:4: undefined macro 'jacm' in field 'journal' of entry 'a' \(define it with @string",
    ),
    (
        "dangling-crossref",
        {"p.bib": "@inproceedings{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  crossref = {conf},\n}\n"},
        PAGE,
        r"data/p\.bib:5: crossref 'conf' not found \(add the parent entry",
    ),
    (
        "unknown-entry-type",
        {"p.bib": "@artcle{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:1: entry 'a': unknown entry type '@artcle'; shown as @misc",
    ),
    (
        "missing-title",
        {"p.bib": "@article{a,\n  author = {A, B},\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:1: entry 'a': missing title \(add a title field\)",
    ),
    (
        "missing-author",
        {"p.bib": "@article{a,\n  title = {X},\n  year = {2020},\n}\n"},
        PAGE,
        r"data/p\.bib:1: entry 'a': missing author",
    ),
    (
        "missing-year",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n}\n"},
        PAGE,
        r"data/p\.bib:1: entry 'a': missing year",
    ),
    (
        "malformed-name-list",
        {
            "p.bib": "@article{a,\n  title = {X},\n  author = {Ada Lovelace, Charles Babbage, Mary Somerville},\n  year = 2020,\n}\n"
        },
        PAGE,
        r"data/p\.bib:3: entry 'a': malformed name list in field 'author': names separated by commas.*' and '",
    ),
    (
        "trailing-and",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {Lovelace, Ada and},\n  year = 2020,\n}\n"},
        PAGE,
        r"data/p\.bib:3: entry 'a': malformed name list in field 'author': an empty name",
    ),
    (
        "bad-year",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {20x0},\n}\n"},
        PAGE,
        r"data/p\.bib:4: entry 'a': year '20x0' is not a year",
    ),
    (
        "bad-date",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  date = {2020-13-45},\n}\n"},
        PAGE,
        r"data/p\.bib:4: entry 'a': date '2020-13-45' is not a date \(write it as YYYY",
    ),
    (
        "bad-month",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = 2020,\n  month = {Smarch},\n}\n"},
        PAGE,
        r"data/p\.bib:5: entry 'a': month 'Smarch' is not a month",
    ),
    (
        "unsafe-link",
        {
            "p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = 2020,\n  pdf = {javascript:alert(1)},\n}\n"
        },
        PAGE,
        r"data/p\.bib:5: entry 'a': link 'javascript:alert\(1\)' in field 'pdf' is not http\(s\).*left out",
    ),
    (
        "doi-not-a-doi",
        {
            "p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = 2020,\n  doi = {http://hdl.handle.net/1/2},\n}\n"
        },
        PAGE,
        r"data/p\.bib:5: entry 'a': field 'doi' holds the address 'http://hdl\.handle\.net/1/2', not a DOI",
    ),
    (
        "link-field-text",
        {"p.bib": "@article{a,\n  title = {X},\n  author = {A, B},\n  year = 2020,\n  html = {Proceedings of X},\n}\n"},
        PAGE,
        r"data/p\.bib:5: entry 'a': field 'html' holds 'Proceedings of X', which is not an address or a file",
    ),
    ("empty-bib", {"p.bib": ""}, PAGE, r"data/p\.bib: the file is empty"),
    ("no-entries-bib", {"p.bib": "Just some notes.\n"}, PAGE, r"data/p\.bib: the file holds no BibTeX entry"),
    (
        "bib-not-utf8",
        {"p.bib": "@article{a,\n  title = {Caf\xe9},\n  author = {A, B},\n  year = 2020,\n}\n".encode("latin-1")},
        PAGE,
        r"data/p\.bib:2: the file is not UTF-8; it was read as Windows-1252.* \(save the file as UTF-8\)",
    ),
    (
        "nul-bytes",
        {"p.bib": b"@article{a,\n  title = {X\x00Y},\n  author = {A, B},\n  year = 2020,\n}\n"},
        PAGE,
        r"data/p\.bib:2: the file contains 1 control character\(s\) such as U\+0000; they are removed",
    ),
    (
        "yaml-syntax",
        {"news.yml": "- date: 2024-05-01\n  text: Paper accepted: see below\n"},
        "/// news\n///\n",
        r"data/news\.yml:2: YAML syntax error: mapping values are not allowed here \(put text that contains ': '",
    ),
    (
        "yaml-unclosed-bracket",
        {"publications.yml": "- title: X\n  authors: [A\n  year: 2020\n"},
        PAGE,
        r"data/publications\.yml:3: YAML syntax error: expected ',' or '\]'",
    ),
    (
        "yaml-wrong-type",
        {"news.yml": "- date: 2024-05-01\n  text: [a, b]\n"},
        "/// news\n///\n",
        r"data/news\.yml:2: news item: field 'text' must be text, not a list",
    ),
    (
        "yaml-wrong-type-publication",
        {"publications.yml": "- title: [A, B]\n  authors: Ada Lovelace\n  year: 2020\n"},
        PAGE,
        r"data/publications\.yml:1: entry '.*': field 'title' must be text, not a list",
    ),
    (
        "yaml-top-level-wrong",
        {"cv.yml": "education: PhD in 2020\n"},
        "/// experience\n///\n",
        r"data/cv\.yml:1: section 'education' must be a list of entries",
    ),
    (
        "yaml-unknown-field",
        {"news.yml": "- date: 2024-05-01\n  txt: Hello\n"},
        "/// news\n///\n",
        r"data/news\.yml:2: news item: unknown field 'txt'; it is not shown \(did you mean 'text'\?\)",
    ),
    (
        "yaml-unknown-publication-field",
        {"publications.yml": "- title: X\n  authors: Ada Lovelace\n  yeer: 2020\n"},
        PAGE,
        r"data/publications\.yml:3: unknown field 'yeer' \(did you mean 'year'\?\)",
    ),
    (
        "yaml-bad-date",
        {"news.yml": "- date: someday\n  text: Hello\n"},
        "/// news\n///\n",
        r"data/news\.yml:1: news item: field 'date': 'someday' is not a date",
    ),
    ("yaml-empty", {"news.yml": ""}, "/// news\n///\n", r"data/news\.yml: the file is empty"),
    (
        "yaml-only-comments",
        {"news.yml": "# nothing yet\n"},
        "/// news\n///\n",
        r"data/news\.yml: the file holds no data, only comments",
    ),
    (
        "yaml-not-utf8",
        {"news.yml": "- date: 2024-05-01\n  text: Caf\xe9\n".encode("latin-1")},
        "/// news\n///\n",
        r"data/news\.yml:2: the file is not UTF-8 text \(save it as UTF-8",
    ),
    (
        "json-syntax",
        {"resume.json": '{"basics": {"name": "Ada",}}'},
        "/// experience\n///\n",
        r"data/resume\.json:1: JSON syntax error: .* \(check commas, quotes and brackets\)",
    ),
    (
        "missing-news-file",
        {"p.bib": GOOD},
        "/// news\n///\n",
        r"index\.md:1: /// news: no news file: add news\.yml to the data directory",
    ),
    (
        "no-publications",
        {"news.yml": "- date: 2024-05\n  text: Hello.\n"},
        "/// publications\n///\n",
        r"index\.md:1: /// publications: no publications in the data: add your \.bib file",
    ),
    (
        "missing-cv-file",
        {"p.bib": GOOD},
        "/// experience\n///\n",
        r"index\.md:1: /// experience: no CV file: add cv\.yml",
    ),
    ("missing-data-dir", {}, PAGE, r"data: the data directory does not exist \(create it"),
    (
        "unknown-key-in-block",
        {"p.bib": GOOD},
        "/// publications\n    keys: [godo]\n///\n",
        r"index\.md:1: /// publications: key 'godo' is not in the data \(did you mean 'good'\?\)",
    ),
    (
        "unknown-block-option",
        {"p.bib": GOOD},
        "/// publications\n    selectd: true\n///\n",
        r"index\.md:1: /// publications: unknown option 'selectd' \(did you mean 'selected'\?\)",
    ),
    (
        "bad-option-value",
        {"p.bib": GOOD},
        "/// publications\n    group_by: decade\n///\n",
        r"index\.md:1: /// publications: option 'group_by': expected one of",
    ),
    (
        "bad-block-header",
        {"p.bib": GOOD},
        "/// publications\n    keys: [good\n///\n",
        r"index\.md:1: /// publications was left as text: its header is not valid",
    ),
    (
        "unknown-section",
        {"cv.yml": CV},
        "/// experience | educaton\n///\n",
        r"index\.md:1: /// experience: no CV section 'educaton' \(did you mean 'education'\?\)",
    ),
    (
        "misspelt-block",
        {"p.bib": GOOD},
        "/// publicatons\n///\n",
        r"index\.md:1: /// publicatons is not a block of mkdocs-academic \(did you mean 'publications'\?\)",
    ),
]


@pytest.mark.parametrize(("data", "page", "expected"), [case[1:] for case in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_bad_input_fails_strict_with_a_clear_message(tmp_path: Path, data: dict, page: str, expected: str) -> None:
    root = write_site(tmp_path, pages={"index.md": page}, data=data or None)
    result = build(root)
    assert not result.ok, result.output
    assert "Traceback" not in result.output
    warnings = [w.removeprefix("academic: ") for w in result.warnings()]
    assert any(re.search(expected, w) for w in warnings), "\n".join(warnings) or result.output
    for warning in warnings:
        assert re.match(r"(data/[\w.]+(:\d+)?|data|index\.md(:\d+)?|mkdocs\.yml): ", warning), warning


def test_the_readme_catalogue_lists_every_case() -> None:
    section = docs_section("errors")  # docs/pages/messages.md (or README.md)
    for case_id, *_ in CATALOGUE:
        assert f"`{case_id}`" in section, case_id


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
