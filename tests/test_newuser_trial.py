"""A new user's trial of the README: what failed and was fixed.

- `import --from al-folio` reported missing `pdf`/`preview` files but not a relative `html`
  (al-folio's own demo has `html = {relativity.html}`): the build then failed `--strict` on a
  dead link the report never named, and a relative `slides`/`poster`/`supp` (which al-folio, like
  `pdf`, finds in `assets/pdf/`) was neither copied nor named. Now every relative link field is
  copied from where al-folio finds it to where our link points, or named under "To do by hand",
  and the `Next:` line says to do those first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuilder import build

from mkdocs_academic.cli import main

TRIAL = Path(__file__).parent / "fixtures" / "trial"


def _import(source: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["import", str(source), "--from", "al-folio", "--out", str(site / "data"), "--site"]) == 0
    return capsys.readouterr().out


def test_relative_link_fields_are_copied_or_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    out = _import(TRIAL / "alfolio-links", site, capsys)
    report = (site / "data" / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    todo = report.split("## To do by hand", 1)[1]
    # The missing page is named, with where to put it.
    assert "`html={relativity.html}` in einstein1920relativity" in todo
    assert "`docs/relativity.html`" in todo
    # The present files are copied to where our links point, not reported; a URL is left alone.
    # al-folio looks up a relative `slides` (like `pdf`, `poster`, `supp`) in `assets/pdf/`; we
    # look up a bare name in `pdf_dir` for `pdf` only, else from the site root.
    for theirs, ours in (("assets/pdf/epr_slides.pdf", "epr_slides.pdf"), ("assets/pdf/example_pdf.pdf",) * 2):
        assert (site / "docs" / ours).read_bytes() == (TRIAL / "alfolio-links" / theirs).read_bytes()
        assert theirs not in todo
    assert "github.com" not in todo
    assert "Next: " in out and "'To do by hand' items above" in out
    built = build(site, strict=False)
    assert [w for w in built.warnings() if "relativity.html" in w], built.warnings()
    assert len(built.warnings()) == 1, built.warnings()
    page = built.html("publications")
    assert 'href="../epr_slides.pdf"' in page
    assert 'href="../assets/pdf/example_pdf.pdf"' in page
    # Once the page named in the report is in place, the site builds with --strict.
    (site / "docs" / "relativity.html").write_text("<p>Relativity</p>\n", encoding="utf-8")
    assert build(site).ok


def test_nothing_to_do_keeps_the_plain_next_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "src"
    (source / "_bibliography").mkdir(parents=True)
    (source / "_bibliography" / "papers.bib").write_text(
        "@article{a, title={T}, author={Einstein, Albert}, journal={J}, year={1905}}\n", encoding="utf-8"
    )
    out = _import(source, tmp_path / "site", capsys)
    assert "To do by hand" not in out
    assert "Next: cd " in out and "items above" not in out


@pytest.mark.corpora
def test_real_alfolio_report_names_every_dead_link(
    corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every link the build warns about in the imported al-folio demo is in the report."""
    site = tmp_path / "site"
    _import(corpora / "al-folio", site, capsys)
    todo = (site / "data" / "IMPORT-REPORT.md").read_text(encoding="utf-8").split("## To do by hand", 1)[1]
    built = build(site, strict=False)
    assert built.warnings()
    for warning in built.warnings():
        link = warning.split("link '", 1)[1].split("'", 1)[0]
        assert f"`{link}`" in todo, (link, todo)


def test_starter_requirements_say_how_to_install_before_pypi(tmp_path: Path) -> None:
    """`pip install mkdocs-academic` finds nothing while the package is not on PyPI: the starter's
    `requirements.txt`, which the publish workflow installs, says what to write instead."""
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    text = (site / "requirements.txt").read_text(encoding="utf-8")
    assert "mkdocs-academic @ git+https://github.com/" in text
    assert "mkdocs-academic" in [line.strip() for line in text.splitlines()]
