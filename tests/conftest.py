"""Fixtures and hooks shared by every test layer.

Sections: paths, the shared corpora, bibtexparser calls. Sites are built with `sitebuilder.build` (tests/sitebuilder.py);
layer-specific fixtures live next to their tests (for example tests/browser/conftest.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import bibtexparser
import pytest

# ------------------------------------------------------------------------------------ paths

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = REPO_ROOT / "example-site"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def example_site() -> Path:
    """The example MkDocs project (the directory holding mkdocs.yml)."""
    return EXAMPLE_SITE


# ------------------------------------------------------------------------------ shared corpora
#
# Real-world BibTeX, YAML and JSON Resume files that are too large (and not ours) to ship in
# the repository. Tests that read them ask for the `corpora` fixture (or `corpus_bib`, one
# parametrized test per .bib file) or carry the `corpora` marker; without the folder they are
# skipped with a reason that `pytest -ra` prints. `pytest -m "not corpora"` leaves them out.

CORPORA_VARIABLE = "ACADEMIC_CORPORA"


def corpora_dir() -> Path:
    """The shared corpora folder: $ACADEMIC_CORPORA, else `../shared/corpora` beside the repository."""
    given = os.environ.get(CORPORA_VARIABLE)
    return Path(given).expanduser().resolve() if given else REPO_ROOT.parent / "shared" / "corpora"


CORPORA = corpora_dir()
CORPORA_MISSING = f"shared corpora not found at {CORPORA}: set {CORPORA_VARIABLE} to run these"


@pytest.fixture(scope="session")
def corpora() -> Path:
    """The shared corpora folder; the test is skipped when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip(CORPORA_MISSING)
    return CORPORA


@pytest.fixture(scope="session")
def corpus_bib_files() -> list[Path]:
    """Every .bib file of the corpora, or [] without them (for tests that run either way)."""
    return sorted(CORPORA.rglob("*.bib")) if CORPORA.is_dir() else []


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking `corpus_bib` runs once per .bib file of the corpora (id: its relative path)."""
    if "corpus_bib" not in metafunc.fixturenames:
        return
    files = sorted(CORPORA.rglob("*.bib")) if CORPORA.is_dir() else []
    params = [pytest.param(path, id=path.relative_to(CORPORA).as_posix()) for path in files]
    if not params:  # one skipped case with the reason, rather than pytest's "empty parameter set"
        params = [pytest.param(None, id="no-corpora", marks=pytest.mark.skip(reason=CORPORA_MISSING))]
    metafunc.parametrize("corpus_bib", params)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if {"corpora", "corpus_bib"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.corpora)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("corpora") and not CORPORA.is_dir():
        pytest.skip(CORPORA_MISSING)


# ------------------------------------------------------------------------- bibtexparser calls


@pytest.fixture
def bibtexparser_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts given to `bibtexparser.parse_string` during the test, in order (it still
    parses them). Clear the list after a setup step to count only what follows."""
    calls: list[str] = []
    original = bibtexparser.parse_string

    def counting(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(bibtexparser, "parse_string", counting)
    return calls
