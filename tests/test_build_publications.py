"""Full `mkdocs build` of temporary sites: what a user sees, including `--strict` failures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import build, write_site

GOOD_BIB = r"""
@article{lovelace2024engines,
  title = {Analytical Engines},
  author = {Lovelace, Ada and Babbage, Charles},
  journal = {Journal of Engines},
  year = {2024},
  pdf = {papers/engines.pdf},
  selected = {true},
  timestamp = {Tue, 01 Jan 2024 00:00:00 +0100},
  biburl = {https://dblp.org/rec/journals/x/y.bib},
}
@inproceedings{lovelace2023notes,
  title = {Notes},
  author = {Ada Lovelace},
  booktitle = {Proc. of Things},
  year = {2023},
}
"""

PAGE = "# Publications\n\n/// publications\n///\n"
#: The file GOOD_BIB's relative `pdf` link names (a link to a file the site lacks is a warning).
PDF = {"papers/engines.pdf": "%PDF-1.1\n"}


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="([^"]+)"', html)


def test_minimal_site_builds_strict_and_lists_entries(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"index.md": PAGE, **PDF}, data={"papers.bib": GOOD_BIB}, plugin={"me": ["Ada Lovelace"]}
    )
    result = build(root)
    assert result.ok, result.output
    html = result.html()
    assert keys(html) == ["lovelace2024engines", "lovelace2023notes"]
    assert "assets/academic/academic.css" in html
    assert (result.site / "assets/academic/academic.css").is_file()
    assert (result.site / "assets/academic/academic.js").is_file()
    assert "Traceback" not in result.output


def test_material_theme_builds(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE, **PDF}, data={"papers.bib": GOOD_BIB}, theme="material")
    result = build(root)
    assert result.ok, result.output
    assert keys(result.html()) == ["lovelace2024engines", "lovelace2023notes"]


def test_relative_pdf_link_is_relative_to_site_root_from_nested_page(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={"index.md": "# Home\n", "research/papers.md": PAGE, **PDF},
        data={"papers.bib": GOOD_BIB},
    )
    result = build(root)
    assert result.ok, result.output
    assert 'href="../../papers/engines.pdf"' in result.html("research/papers")


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        (
            "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  title = {Y},\n}\n",
            r"data/bad\.bib:5: .*title",
        ),
        (
            "@article{a, title={X}, author={A, B}, year={2020}}\n@article{a, title={Z}, author={C, D}, year={2021}}\n",
            r"data/bad\.bib:2: .*duplicate key 'a'",
        ),
        (
            "@article{a,\n  title = {X},\n  author = {A, B},\n  journal = undefinedmacro,\n  year = {2020},\n}\n",
            r"data/bad\.bib:4: .*undefinedmacro",
        ),
        ("@article{a,\n  title = {X},\n  author = {A, B}\n  year = {2020},\n}\n", r"data/bad\.bib:4: .*comma"),
        ("@article{a,\n  title = {X},\n  author = {A, B},\n}\n", r"data/bad\.bib:1: entry 'a': missing year"),
        ("@article{a,\n  author = {A, B},\n  year = {2020},\n}\n", r"data/bad\.bib:1: entry 'a': missing title"),
        (
            "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  crossref = {nowhere},\n}\n",
            r"data/bad\.bib:5: .*nowhere",
        ),
        (
            "@article{a,\n  title = {X},\n  author = {A, B},\n  year = {2020},\n  pdf = {javascript:alert(1)},\n}\n",
            r"data/bad\.bib:5: .*javascript",
        ),
    ],
    ids=[
        "duplicate-field",
        "duplicate-key",
        "undefined-macro",
        "missing-comma",
        "missing-year",
        "missing-title",
        "dangling-crossref",
        "unsafe-link",
    ],
)
def test_bad_bibtex_fails_strict_with_file_and_line(tmp_path: Path, bib: str, expected: str) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"bad.bib": bib})
    result = build(root)
    assert not result.ok
    assert any(re.search(expected, line) for line in result.warnings()), result.output
    assert "Traceback" not in result.output
    # Without --strict the site still builds, and the entry is still shown.
    relaxed = build(root, strict=False)
    assert relaxed.ok, relaxed.output
    assert "a" in keys(relaxed.html())


def test_unknown_block_option_fails_strict_naming_page_and_block(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"index.md": "/// publications\n    selectd: true\n///\n"}, data={"p.bib": GOOD_BIB}
    )
    result = build(root)
    assert not result.ok
    assert any(
        "index.md:1: /// publications: unknown option 'selectd' (did you mean 'selected'?)" in w
        for w in result.warnings()
    ), result.output


def test_site_wide_defaults_apply_and_bad_defaults_are_reported(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        pages={"index.md": PAGE, **PDF},
        data={"p.bib": GOOD_BIB},
        plugin={"publications": {"group_by": "none", "selected": True}},
    )
    result = build(root)
    assert result.ok, result.output
    assert keys(result.html()) == ["lovelace2024engines"]
    assert '<h2 id="2024"' not in result.html()

    root2 = write_site(
        tmp_path / "b",
        pages={"index.md": PAGE, **PDF},
        data={"p.bib": GOOD_BIB},
        plugin={"publications": {"group_by": "decade"}},
    )
    bad = build(root2)
    assert not bad.ok
    assert any("plugins.academic.publications: option 'group_by'" in w for w in bad.warnings()), bad.output


def test_missing_data_dir_is_reported(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE})
    result = build(root)
    assert not result.ok
    assert any("data: the data directory does not exist" in w for w in result.warnings()), result.output


def test_yaml_publications_with_unknown_field(tmp_path: Path) -> None:
    yaml_text = (
        "- title: A Paper Without BibTeX\n"
        "  authors: [Ada Lovelace, Charles Babbage]\n"
        "  year: 2022\n"
        "  venue: Workshop on Engines\n"
        "  type: inproceedings\n"
        "  links:\n"
        "    - {label: Recording, url: https://example.org/rec}\n"
        "- title: Second\n"
        "  authors: Ada Lovelace and Mary Somerville\n"
        "  yeer: 2021\n"
    )
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"publications.yml": yaml_text})
    result = build(root)
    assert not result.ok
    assert any(
        re.search(r"data/publications\.yml:10: unknown field 'yeer' \(did you mean 'year'\?\)", w)
        for w in result.warnings()
    ), result.output
    relaxed = build(root, strict=False)
    html = relaxed.html()
    assert "A Paper Without BibTeX" in html and "Workshop on Engines" in html
    assert 'href="https://example.org/rec">Recording<' in html
    assert "Mary Somerville" in html


def test_disabled_plugin_leaves_pages_alone(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": GOOD_BIB}, plugin={"enabled": False})
    result = build(root)
    assert result.ok, result.output
    assert "data-key" not in result.html()
    assert not (result.site / "assets/academic/academic.css").exists()


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE, **PDF}, data={"p.bib": GOOD_BIB})
    first = build(root)
    assert first.ok, first.output
    snapshot = {
        p.relative_to(first.site): p.read_bytes() for p in first.site.rglob("*") if p.is_file() and p.suffix != ".gz"
    }
    second = build(root)
    assert second.ok
    again = {
        p.relative_to(second.site): p.read_bytes() for p in second.site.rglob("*") if p.is_file() and p.suffix != ".gz"
    }
    changed = sorted(str(path) for path in snapshot if snapshot[path] != again.get(path))
    assert changed == []


def test_author_links_to_site_pages_work_from_any_depth(tmp_path: Path) -> None:
    yaml_text = (
        "- title: Linked Authors\n"
        "  authors:\n"
        "    - {name: Ada Lovelace, url: people/ada/}\n"
        "    - {name: Charles Babbage, url: https://example.org/cb}\n"
        "  year: 2022\n"
        "  venue: Workshop on Engines\n"
    )
    pages = {"index.md": PAGE, "research/papers.md": PAGE, "people/ada.md": "# Ada\n"}
    root = write_site(tmp_path, pages=pages, data={"publications.yml": yaml_text}, plugin={"publication_pages": False})
    result = build(root)
    assert result.ok, result.output
    assert 'href="people/ada/"' in result.html("index.html")
    deep = result.html("research/papers/index.html")
    assert 'href="../../people/ada/"' in deep and 'href="https://example.org/cb"' in deep


def test_block_messages_give_the_line_of_the_block_header(tmp_path: Path) -> None:
    page = (
        "---\n"  # 1: front matter counts: the line is the one in the file
        "title: Papers\n"
        "---\n"
        "# Papers\n"
        "\n"
        "```markdown\n"  # 6: an example in a code fence is not a block
        "/// publications\n"
        "    selectd: true\n"
        "///\n"
        "```\n"
        "\n"
        "/// publications\n"  # 12
        "    selected: true\n"
        "///\n"
        "\n"
        "/// publications\n"  # 16
        "    keys: [nosuchkey]\n"
        "///\n"
        "\n"
        "/// publicatons\n"  # 20: misspelt, left as text
        "///\n"
    )
    root = write_site(tmp_path, pages={"index.md": page}, data={"p.bib": GOOD_BIB})
    result = build(root)
    assert not result.ok
    warnings = result.warnings()
    assert any(w.startswith("academic: index.md:16: /// publications: key 'nosuchkey'") for w in warnings), warnings
    assert any(w.startswith("academic: index.md:20: /// publicatons is not a block") for w in warnings), warnings
    assert not any("index.md:12:" in w or "index.md:7:" in w for w in warnings), warnings


def test_a_bad_site_wide_default_is_reported_once_for_mkdocs_yml(tmp_path: Path) -> None:
    pages = {"index.md": PAGE, "other.md": "# Other\n\n/// publications\n    group_by: none\n///\n"}
    root = write_site(tmp_path, pages=pages, data={"p.bib": GOOD_BIB}, plugin={"publications": {"group_by": "decade"}})
    result = build(root)
    assert not result.ok
    mentions = [w for w in result.warnings() if "decade" in w]
    assert len(mentions) == 1 and mentions[0].startswith("academic: mkdocs.yml: plugins.academic.publications:"), (
        mentions
    )
