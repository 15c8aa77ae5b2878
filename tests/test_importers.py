"""`mkdocs-academic import`: each demo site of the corpora becomes a site that builds with `--strict`.

The fixtures are copies of demo sites in the shared corpora (tests/fixtures/import/README.md). For each
source we import with `--site`, build, and look for every publication, news item and CV entry
of the source in the built HTML (titles written out here, so the test does not trust the
importer to say what the source holds). The report must list what was not mapped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from sitebuilder import Built, build

from mkdocs_academic.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def import_and_build(
    tmp_path: Path, kind: str, folder: str | None = None, expected_warnings: list[str] | None = None
) -> tuple[Path, Built]:
    site = tmp_path / "site"
    code = main(["import", str(FIXTURES / (folder or kind)), "--from", kind, "--out", str(site / "data"), "--site"])
    assert code == 0
    built = build(site, strict=not expected_warnings)
    assert built.ok, built.output
    expected = expected_warnings or []
    assert len(built.warnings()) == len(expected), built.warnings()
    assert all(text in warning for text, warning in zip(expected, built.warnings(), strict=True)), built.warnings()
    return site, built


def text_of(built: Built, page: str) -> str:
    """The visible text of a built page, entities decoded, white space collapsed."""
    markup = built.html(page)
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def assert_all_shown(text: str, expected: list[str]) -> None:
    missing = [item for item in expected if " ".join(item.split()) not in text]
    assert not missing, f"not on the page: {missing}"


def report(site: Path) -> str:
    return (site / "data" / "IMPORT-REPORT.md").read_text(encoding="utf-8")


# --- al-folio ----------------------------------------------------------------------------------

ALFOLIO_PUBLICATIONS = [
    "Relativity: the Special and General Theory",
    "Investigations on the Theory of the Brownian Movement",
    "The meaning of relativity",
    "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?",
    "Über die von der molekularkinetischen Theorie der Wärme geforderte Bewegung",
    "Un the movement of small particles suspended in statiunary liquids",
    "On the electrodynamics of moving bodies",
    "Über einen die Erzeugung und Verwandlung des Lichtes betreffenden heuristischen Gesichtspunkt",
    "Letters on wave mechanics",
]
ALFOLIO_NEWS = [
    "A simple inline announcement.",
    "A long announcement with details",
    "A simple inline announcement with Markdown emoji!",
]
ALFOLIO_CV = [
    # _data/cv.yml
    "Albert Einstein",
    "14th March 1879",
    "PhD",
    "Federal teaching diploma",
    "Sub-description 1.",
    "Visiting Professor",
    "Director",
    "Kaiser Wilhelm Institute for Physics, Berlin, Germany.",
    "Karl-Ferdinand University, Prague, Czechoslovakia",
    "Associate Professor of Theoretical Physics",
    "al-folio",
    "Nobel Prize in Physics",
    "Matteucci Medal",
    "Max Planck Medal",
    "Topic 2.",
    "Hobbies: Hobby 1, Hobby 2, etc.",
    # assets/json/resume.json (sections that _data/cv.yml does not have)
    "Lead Organizer",
    "Quantum Teleportation",
    "Zur Elektrody/namik bewegter Körper",
    "Native speaker",
    "Professor John Doe",
]


def test_alfolio(tmp_path: Path) -> None:
    # al-folio's example `html = {relativity.html}` names a page neither site has: a dead link, said so.
    site, built = import_and_build(tmp_path, "al-folio", expected_warnings=["field 'html': link 'relativity.html'"])
    assert (site / "data" / "papers.bib").read_bytes() == (FIXTURES / "al-folio/_bibliography/papers.bib").read_bytes()
    assert_all_shown(text_of(built, "publications"), ALFOLIO_PUBLICATIONS)
    assert_all_shown(text_of(built, "news"), ALFOLIO_NEWS)
    assert_all_shown(text_of(built, "cv"), ALFOLIO_CV)
    home = text_of(built, "")
    assert "Albert Einstein" in home and "Scientist" in home
    long_post = text_of(built, "news/announcement-2")
    assert "Hipster list" in long_post and "Anais Nin" in long_post
    profile = yaml.safe_load((site / "data" / "profile.yml").read_text(encoding="utf-8"))
    assert profile["links"]["scholar"] == "https://scholar.google.com/citations?user=qc6CJjYAAAAJ"
    assert profile["email"] == "albert@einstein.de"
    text = report(site)
    for unmapped in ("coauthors.yml", "venues.yml", "altmetric", "rss_icon", "section `education`", "postalCode"):
        assert unmapped in text
    # Bare `pdf`/`preview` names and `cv_pdf` are copied where al-folio and `pdf_dir`/`preview_dir` look.
    for copied in ("assets/pdf/example_pdf.pdf", "assets/img/publication_preview/wave-mechanics.gif"):
        assert (site / "docs" / copied).read_bytes() == (FIXTURES / "al-folio" / copied).read_bytes()
    assert 'src="../assets/img/publication_preview/wave-mechanics.gif"' in built.html("publications")


# --- academicpages -------------------------------------------------------------------------------

ACADEMICPAGES_PUBLICATIONS = [f"Paper Title Number {number}" for number in range(1, 6)]
ACADEMICPAGES_CV = [
    "Talk 1 on Relevant Topic in Your Field",
    "Tutorial 1 on Relevant Topic in Your Field",
    "Talk 2 on Relevant Topic in Your Field",
    "Conference Proceeding talk 3 on Relevant Topic in Your Field",
    "Teaching experience 1",
    "Teaching experience 2",
    "Ph.D in Version Control Theory",
    "M.S. in Jekyll",
    "B.S. in GitHub",
    "Portfolio item number 1",
]


def test_academicpages(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "academicpages")
    publications = text_of(built, "publications")
    assert_all_shown(publications, ACADEMICPAGES_PUBLICATIONS)
    assert "Your Name" in publications  # the authors, read from the formatted citations
    assert_all_shown(text_of(built, "cv"), ACADEMICPAGES_CV)
    entries = yaml.safe_load((site / "data" / "publications.yml").read_text(encoding="utf-8"))
    assert len(entries) == 5  # the TSV rows are the same papers: not imported twice
    assert entries[0]["pdf"] == "http://academicpages.github.io/files/paper1.pdf"
    assert entries[0]["slides"] == "http://academicpages.github.io/files/slides1.pdf"
    assert "Your Sidebar Name" in text_of(built, "")
    # A teaching page with headings keeps its text as a page of its own.
    assert "Heading 2" in text_of(built, "teaching/2014-spring-teaching-1")
    text = report(site)
    for unmapped in ("navigation.yml", "authors.yml", "`citation`", "publications.tsv", "talks.tsv"):
        assert unmapped in text


# --- Hugo Blox -----------------------------------------------------------------------------------

HUGO_PUBLICATIONS = ["An example conference paper", "An example journal article", "An example preprint / working paper"]
HUGO_CV = [
    "PhD Computer Science",
    "MS Computer Science",
    "BS Computer Science",
    "Senior AI Research Scientist",
    "AI Research Intern",
    "Python",
    "Grant Proposals",
    "Spanish",
    "Best Paper Award",
    "Large Language Models",
    "Create Beautiful Presentations with Markdown",
]


def test_hugoblox(tmp_path: Path) -> None:
    # Hugo serves `/resume.pdf` from `static/`, which the example lacks: a dead link, said so.
    site, built = import_and_build(tmp_path, "hugo-blox", expected_warnings=["field 'links': link 'resume.pdf'"])
    publications = text_of(built, "publications")
    assert_all_shown(publications, HUGO_PUBLICATIONS)
    assert "Alex Johnson" in publications  # the `me` author slug, resolved
    assert "Journal of Source Themes" in publications  # from cite.bib
    assert_all_shown(text_of(built, "cv"), HUGO_CV)
    entries = {entry["key"]: entry for entry in yaml.safe_load((site / "data/publications.yml").read_text("utf-8"))}
    assert entries["example1"]["selected"] is True
    assert entries["example1"]["doi"] == "10.5555/123456"
    assert entries["preprint"]["arxiv"] == "1512.04133v1"
    # The text of a publication page is kept on that publication's own page.
    assert "supplementary notes" in text_of(built, "publications/example1")
    assert "Why Markdown Slides?" in text_of(built, "talks/example")
    text = report(site)
    for unmapped in ("publishDate", "the level of 6 skills", "content/_index.md", "postcode"):
        assert unmapped in text


def test_hugoblox_legacy_profile(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "hugo-blox", "hugo-blox/legacy")
    cv = text_of(built, "cv")
    assert_all_shown(cv, ["PhD Computer Science (AI Focus)", "Hiking in the Rockies", "AI Innovation Grant", "OpenAI"])
    profile = yaml.safe_load((site / "data" / "profile.yml").read_text(encoding="utf-8"))
    assert profile["name"] == "Alex Johnson"
    assert profile["email"] == "alex.johnson@meta.com"
    assert "groundbreaking work on large language models" in profile["bio"]


# --- JSON Resume ---------------------------------------------------------------------------------


def test_jsonresume(tmp_path: Path) -> None:
    site, built = import_and_build(tmp_path, "jsonresume")
    source = yaml.safe_load((FIXTURES / "jsonresume" / "resume.json").read_text(encoding="utf-8"))
    titles = [entry["position"] for entry in source["work"] + source["volunteer"]]
    titles += [
        entry["name"] for section in ("publications", "skills", "interests", "projects") for entry in source[section]
    ]
    titles += [entry["title"] for entry in source["awards"]] + [entry["language"] for entry in source["languages"]]
    titles += [entry["studyType"] for entry in source["education"]]
    assert_all_shown(text_of(built, "cv"), titles)
    assert source["basics"]["name"] in text_of(built, "")
    assert "postalCode" in report(site)
    assert "`meta`" in report(site)


# --- the report and safety --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["al-folio", "academicpages", "hugo-blox", "jsonresume"])
def test_import_is_deterministic(tmp_path: Path, kind: str) -> None:
    for name in ("one", "two"):
        assert (
            main(["import", str(FIXTURES / kind), "--from", kind, "--out", str(tmp_path / name / "data"), "--site"])
            == 0
        )
    one = {
        path.relative_to(tmp_path / "one"): path.read_bytes()
        for path in (tmp_path / "one").rglob("*")
        if path.is_file()
    }
    two = {
        path.relative_to(tmp_path / "two"): path.read_bytes()
        for path in (tmp_path / "two").rglob("*")
        if path.is_file()
    }
    assert one == two


def test_wrong_source_kind_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(FIXTURES / "hugo-blox"), "--from", "al-folio", "--out", str(tmp_path / "data")])
    assert code == 1
    assert not (tmp_path / "data").exists()
    assert "Nothing to import" in capsys.readouterr().err
