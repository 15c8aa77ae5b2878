"""`mkdocs-academic new` writes what publishing needs (a GitHub Pages workflow, requirements.txt),
and `check` prints paths the way the user can use them."""

from __future__ import annotations

import json
import os
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitebuilder import build

from mkdocs_academic.cli import STARTER_RENAMES, main, starter_files

STARTER = Path(__file__).parent.parent / "mkdocs_academic" / "starter"
BAD_NEWS = "- date: someday\n  text: Hello\n"


def workflow(site: Path) -> dict[str, Any]:
    data = yaml.safe_load((site / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_new_writes_a_pages_workflow(tmp_path: Path) -> None:
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    flow = workflow(site)
    assert "push" in flow["on"] and "workflow_dispatch" in flow["on"]
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    build_steps = flow["jobs"]["build"]["steps"]
    uses = [step["uses"].split("@")[0] for step in build_steps if "uses" in step]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
    ]
    runs = [step["run"] for step in build_steps if "run" in step]
    assert runs == ["pip install -r requirements.txt", "mkdocs build --strict"]
    upload = next(step for step in build_steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == yaml.safe_load((site / "mkdocs.yml").read_text()).get("site_dir", "site")
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    # The file the package ships without a dot is not written under its stored name.
    assert not (site / "github-workflow-publish.yml").exists()


def requirement_names(site: Path) -> set[str]:
    lines = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {
        re.split(r"[<>=!~\[; ]", line.strip())[0].lower() for line in lines if line.strip() and not line.startswith("#")
    }


def test_requirements_match_the_starter_and_it_builds_strict(tmp_path: Path) -> None:
    site = tmp_path / "homepage"
    assert main(["new", str(site)]) == 0
    names = requirement_names(site)
    assert "mkdocs-academic" in names
    config = yaml.load((site / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    theme = config["theme"]["name"] if isinstance(config["theme"], dict) else config["theme"]
    assert ("mkdocs-material" in names) == (theme == "material"), f"theme {theme}, requirements {names}"
    for name in names:
        metadata.version(name)  # what the workflow installs is what this build used
    # What the workflow's build step runs: `mkdocs build --strict` in the site's folder.
    built = build(site)
    assert built.ok, built.output
    assert not built.warnings()


def test_starter_files_reach_the_wheel() -> None:
    # Package-data globs skip dot-folders (`.github`): every starter file must be stored without one.
    for path in STARTER.rglob("*"):
        assert not any(part.startswith(".") for part in path.relative_to(STARTER).parts), path
    assert set(STARTER_RENAMES) <= {path.relative_to(STARTER).as_posix() for path in STARTER.rglob("*")}
    assert ".github/workflows/publish.yml" in starter_files()


# --- check: paths ---------------------------------------------------------------------------------


def test_check_absolute_path_inside_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "site" / "data"
    data.mkdir(parents=True)
    (data / "news.yml").write_text(BAD_NEWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(data.resolve())]) == 1
    out = capsys.readouterr().out
    assert "site/data/news.yml:1" in out
    assert "Read 1 file(s) in site/data: site/data/news.yml" in out
    assert ".." not in out and str(tmp_path) not in out


def test_check_path_outside_the_current_folder_is_absolute(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "elsewhere" / "data"
    data.mkdir(parents=True)
    (data / "news.yml").write_text(BAD_NEWS, encoding="utf-8")
    here = tmp_path / "deep" / "folder"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    for given in (str(data.resolve()), os.path.join("..", "..", "elsewhere", "data")):
        assert main(["check", given, "--format", "json"]) == 1
        payload = json.loads(capsys.readouterr().out)
        absolute = (data / "news.yml").resolve().as_posix()
        assert payload["files"] == [absolute]
        assert [problem["path"] for problem in payload["problems"]] == [absolute]
        assert payload["data_dir"] == data.resolve().as_posix()
