"""Compiled templates are kept in memory and on disk, and never stand in for an edited template,
nor for one compiled with other filters (another version of the package)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_academic.render import environment
from mkdocs_academic.render.environment import CompiledTemplates, Renderer


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CompiledTemplates:
    """A cache of its own in a temporary folder, used by every Renderer made in the test."""
    own = CompiledTemplates(str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    monkeypatch.setattr(environment, "COMPILED_TEMPLATES", own)
    return own


def compiled_count(renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates this renderer's environment compiles from source."""
    names: list[str] = []
    original = renderer.env.compile

    def counting(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return original(source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer.env, "compile", counting)
    return names


def make_renderer(cache: CompiledTemplates, template_dirs: list[Path] | None = None) -> Renderer:
    renderer = Renderer(template_dirs=template_dirs or [])
    renderer.env.bytecode_cache = cache
    return renderer


def test_a_template_is_compiled_once_per_process(cache: CompiledTemplates, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_renderer(cache)
    compiled = compiled_count(first, monkeypatch)
    first.render("empty.html", message="x")
    assert compiled == ["academic/empty.html"]
    second = make_renderer(cache)
    compiled_again = compiled_count(second, monkeypatch)
    assert str(second.render("empty.html", message="y")) == '<p class="academic-empty">y</p>'
    assert compiled_again == []


def test_the_next_process_loads_the_code_from_disk(
    cache: CompiledTemplates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_renderer(cache).render("empty.html", message="x")
    assert list((tmp_path / "cache").glob("mkdocs-academic-*.cache"))
    next_process = CompiledTemplates(str(tmp_path / "cache"))  # nothing in memory
    renderer = make_renderer(next_process)
    compiled = compiled_count(renderer, monkeypatch)
    assert str(renderer.render("empty.html", message="y")) == '<p class="academic-empty">y</p>'
    assert compiled == []


def test_an_edited_template_is_compiled_again(
    cache: CompiledTemplates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "overrides"
    (folder / "academic").mkdir(parents=True)
    template = folder / "academic" / "empty.html"
    template.write_text("<p>one {{ message }}</p>", encoding="utf-8")
    assert str(make_renderer(cache, [folder]).render("empty.html", message="x")) == "<p>one x</p>"
    template.write_text("<p>two {{ message }}</p>", encoding="utf-8")
    for fresh in (cache, CompiledTemplates(str(tmp_path / "cache"))):  # this process, and the next
        assert str(make_renderer(fresh, [folder]).render("empty.html", message="x")) == "<p>two x</p>"


def test_a_damaged_cache_file_is_compiled_again(cache: CompiledTemplates, tmp_path: Path) -> None:
    make_renderer(cache).render("empty.html", message="x")
    for path in (tmp_path / "cache").glob("mkdocs-academic-*.cache"):
        path.write_bytes(path.read_bytes()[:40])
    renderer = make_renderer(CompiledTemplates(str(tmp_path / "cache")))
    assert str(renderer.render("empty.html", message="y")) == '<p class="academic-empty">y</p>'


def test_an_unusable_cache_folder_only_costs_compiling(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    renderer = make_renderer(CompiledTemplates(str(not_a_folder)))
    assert str(renderer.render("empty.html", message="y")) == '<p class="academic-empty">y</p>'


def test_code_compiled_with_other_filters_is_not_used(
    cache: CompiledTemplates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Jinja decides when it compiles a template whether a filter is given the context: code
    # from a version whose `inline_markdown` took only the text would call this one wrongly.
    older = make_renderer(cache)
    older.env.filters["inline_markdown"] = lambda text: text
    older.render("empty.html", message="x")
    renderer = make_renderer(CompiledTemplates(str(tmp_path / "cache")))
    compiled = compiled_count(renderer, monkeypatch)
    assert str(renderer.render("empty.html", message="y")) == '<p class="academic-empty">y</p>'
    assert compiled == ["academic/empty.html"]
