"""Fixtures shared by every test layer.

Sections: paths, building MkDocs sites. Layer-specific fixtures live next to their tests
(for example tests/browser/conftest.py).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


# ------------------------------------------------------------------------ building sites

MkdocsBuild = Callable[..., subprocess.CompletedProcess]


def _mkdocs_build(
    project_dir: Path, site_dir: Path, *, strict: bool = True, check: bool = True
) -> subprocess.CompletedProcess:
    # Same interpreter as the tests, so the installed (editable) plugin is the one under test.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)]
    if strict:
        cmd.append("--strict")
    result = subprocess.run(cmd, cwd=project_dir, capture_output=True, text=True)
    if check and result.returncode != 0:
        pytest.fail(
            f"`mkdocs build{' --strict' if strict else ''}` of {project_dir} failed "
            f"(exit {result.returncode}):\n{result.stdout}{result.stderr}",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="session")
def mkdocs_build() -> MkdocsBuild:
    """`mkdocs_build(project_dir, site_dir, strict=True, check=True)` runs `mkdocs build`.

    With check=True a failed build fails the test and shows MkDocs' output; with check=False the
    CompletedProcess is returned (returncode, stdout, stderr) for tests that expect a failure.
    """
    return _mkdocs_build
