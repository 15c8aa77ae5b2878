"""The `mkdocs-academic` command line: check, new, import (safety), help and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuilder import build

from mkdocs_academic.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "import"

GOOD_NEWS = "- date: 2025-12-03\n  text: Hello\n"
GOOD_BIB = "@article{a2024,\n  author = {Doe, Jane},\n  title = {A title},\n  journal = {J},\n  year = {2024}\n}\n"
BAD_CV = "education:\n  - title: PhD\n    instituton: Somewhere\n  - location: No title\n"


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_check_clean_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write(tmp_path / "data", {"news.yml": GOOD_NEWS, "papers.bib": GOOD_BIB})
    assert main(["check", str(data)]) == 0
    out = capsys.readouterr().out
    assert "1 publications, 1 news items" in out
    assert "No problems found." in out


def test_check_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    write(tmp_path / "data", {"cv.yml": BAD_CV, "news.yml": GOOD_NEWS})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "data"]) == 1
    out = capsys.readouterr().out
    assert "data/cv.yml:3: " in out and "instituton" in out
    assert "data/cv.yml:4: " in out and "title" in out


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    write(tmp_path / "data", {"cv.yml": BAD_CV, "papers.bib": GOOD_BIB})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "data", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == ["data/cv.yml", "data/papers.bib"]
    assert report["counts"]["publications"] == 1
    assert report["counts"]["cv_entries"] == 1
    problem = report["problems"][0]
    assert set(problem) == {"path", "line", "message", "hint"}
    assert problem["path"] == "data/cv.yml" and problem["line"] == 3


def test_check_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().out


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as error:
        main(["import", str(tmp_path), "--from", "wordpress"])
    assert error.value.code == 2
    with pytest.raises(SystemExit) as error:
        main(["check", "--format", "xml"])
    assert error.value.code == 2


@pytest.mark.parametrize("command", [[], ["check"], ["import"], ["new"]])
def test_help_everywhere(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as error:
        main([*command, "--help"])
    assert error.value.code == 0
    assert "usage: mkdocs-academic" in capsys.readouterr().out


def test_installed_command() -> None:
    """The console script is installed with the package."""
    script = Path(sys.executable).parent / "mkdocs-academic"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "check" in result.stdout and "import" in result.stdout and "new" in result.stdout


def test_new_site_builds_strict(tmp_path: Path) -> None:
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    for name in ("mkdocs.yml", "docs/index.md", "docs/publications.md", "docs/cv.md", "docs/news.md"):
        assert (site / name).is_file()
    for name in ("publications.bib", "publications.yml", "news.yml", "cv.yml", "profile.yml"):
        assert (site / "data" / name).is_file()
    assert main(["check", str(site / "data")]) == 0
    built = build(site)
    assert built.ok, built.output
    assert not built.warnings()
    assert "Sketch of the Analytical Engine" in built.html("publications")
    assert "Independent researcher" in built.html("cv")


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    (site / "data" / "news.yml").write_text(GOOD_NEWS, encoding="utf-8")
    assert main(["new", str(site)]) == 1
    assert "news.yml" in capsys.readouterr().err
    assert (site / "data" / "news.yml").read_text(encoding="utf-8") == GOOD_NEWS
    assert main(["new", str(site), "--force"]) == 0
    assert (site / "data" / "news.yml").read_text(encoding="utf-8") != GOOD_NEWS


def test_import_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write(tmp_path / "data", {"news.yml": GOOD_NEWS})
    source = str(FIXTURES / "al-folio")
    assert main(["import", source, "--from", "al-folio", "--out", str(data)]) == 1
    err = capsys.readouterr().err
    assert "news.yml" in err and "--force" in err
    assert (data / "news.yml").read_text(encoding="utf-8") == GOOD_NEWS
    assert not (data / "papers.bib").exists()  # nothing at all is written
    assert main(["import", source, "--from", "al-folio", "--out", str(data), "--force"]) == 0
    assert (data / "papers.bib").exists()
    assert "A simple inline announcement" in (data / "news.yml").read_text(encoding="utf-8")


def test_import_without_site_writes_data_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    assert main(["import", str(FIXTURES / "al-folio"), "--from", "al-folio", "--out", str(data)]) == 0
    assert not (tmp_path / "mkdocs.yml").exists()
    assert (tmp_path / "docs" / "news" / "announcement-2.md").is_file()  # docs/ next to the data folder
    out = capsys.readouterr().out
    assert "## Not imported" in out and "coauthors.yml" in out
    assert (data / "IMPORT-REPORT.md").read_text(encoding="utf-8").startswith("# Import from al-folio")
    assert main(["check", str(data)]) == 0


def test_starter_shows_every_field() -> None:
    """The starter's data files use (or comment) every field of news.yml, cv.yml and profile.yml."""
    from mkdocs_academic.data.cv import ENTRY_FIELDS
    from mkdocs_academic.data.news import NEWS_FIELDS
    from mkdocs_academic.data.profile import PROFILE_FIELDS

    starter = Path(__file__).parent.parent / "mkdocs_academic" / "starter" / "data"
    for name, fields in (("cv.yml", ENTRY_FIELDS), ("news.yml", NEWS_FIELDS), ("profile.yml", PROFILE_FIELDS)):
        text = (starter / name).read_text(encoding="utf-8")
        missing = sorted(field for field in fields if f"{field}:" not in text and f" {field}," not in text)
        assert not missing, f"{name} lacks {missing}"


def test_unique_key_numbers_in_order() -> None:
    from mkdocs_academic.importers.common import unique_key

    taken: set[str] = set()
    assert [unique_key("paper", taken) for _ in range(3)] == ["paper", "paper-2", "paper-3"]
