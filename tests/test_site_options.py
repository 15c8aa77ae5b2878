"""The site-wide options: one table (`options.SITE_OPTIONS`) that every host takes by the same names.

Covered: the MkDocs config and the Markdown extension cannot drift from the table; both hosts
accept the same options and build the same `SiteOptions`; a bad value is a config error of
`mkdocs build` naming the option (a block default's mistake stays a warning); the extension's
`defaults:` spelling; `template_dirs` in the plugin; the one language rule.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config.base import get_schema
from sitebuilder import build, write_site

from mkdocs_academic.config import AcademicConfig
from mkdocs_academic.markdown.extension import AcademicExtension
from mkdocs_academic.options import SITE_OPTIONS, SiteOptions, build_site_options

BIB = "@article{lovelace2024, title = {Engines}, author = {Lovelace, Ada and Babbage, Charles}, journal = {J}, year = 2024}\n"
PAGE = "/// publications\n///\n"

#: A value for every site option, none of them the default.
EVERY_OPTION: dict[str, Any] = {
    "enabled": True,
    "data_dir": "stuff",
    "me": ["Ada Lovelace", "A. Lovelace"],
    "language": "de",
    "labels": {"abstract": "Summary"},
    "allow_html": True,
    "max_authors": 3,
    "template_dirs": ["overrides"],
    "pdf_dir": "files/papers/",
    "preview_dir": ".",
    "assets": False,
    "publication_pages": False,
    "publication_pages_dir": "/papers/",
    "publication_pages_social": False,
    "exports": False,
    "exports_bibtex": "downloads/all.bib",
    "exports_csl_json": "downloads/all.json",
    "feed": False,
    "feed_file": "news.xml",
    "feed_title": "Ada's news",
    "citation_style": "author-year",
    "publications": {"group_by": "none", "keyword": "ml"},
    "publication": {"bibtex": False},
    "news": {"limit": 2},
    "experience": {"sort": "none"},
    "bibliography": {"all": True},
    "profile": {"photo": False},
}


def plugin_options(folder: Path, given: dict[str, Any]) -> tuple[SiteOptions, list[str], list[str]]:
    """What the MkDocs plugin's config makes of `given` (mkdocs.yml in `folder`): the options,
    the config errors and the notes the plugin logs."""
    config = AcademicConfig(config_file_path=str(folder / "mkdocs.yml"))
    config.load_dict(dict(given))
    errors, _ = config.validate()
    return config.site_options, [f"{key}: {error}" for key, error in errors], [str(note) for note in config.notes]


def extension_options(folder: Path, given: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> SiteOptions:
    """What the Markdown extension makes of the same options (run from `folder`)."""
    monkeypatch.chdir(folder)
    return AcademicExtension(**given).options


# ---------------------------------------------------------------------------- one table


def test_every_option_is_in_the_table_the_config_and_the_options_object() -> None:
    table = list(SITE_OPTIONS)
    assert table == list(EVERY_OPTION)
    assert [name for name, _ in get_schema(AcademicConfig)] == table
    assert list(SiteOptions._fields) == table
    assert set(AcademicExtension().config) == {*table, "defaults"}
    assert all(option.doc for option in SITE_OPTIONS.values())


def test_the_defaults_agree_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_config, errors, notes = plugin_options(tmp_path, {})
    assert errors == notes == []
    from_table, problems = build_site_options({}, tmp_path)
    assert problems == []
    assert from_config == from_table == extension_options(tmp_path, {}, monkeypatch)
    assert from_table.data_dir == tmp_path / "data" and from_table.max_authors == 0 and from_table.feed is None
    # The dataclass's own defaults are the table's (paths aside: those resolve against a folder).
    bare = SiteOptions()
    assert from_table._replace(data_dir=bare.data_dir) == bare


def test_plugin_and_extension_take_the_same_names_and_make_the_same_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "overrides").mkdir()
    from_plugin, errors, notes = plugin_options(tmp_path, EVERY_OPTION)
    assert errors == notes == []
    from_extension = extension_options(tmp_path, EVERY_OPTION, monkeypatch)
    assert from_plugin == from_extension
    assert from_plugin.data_dir == tmp_path / "stuff"
    assert from_plugin.template_dirs == (tmp_path / "overrides",)
    assert from_plugin.publication_pages_dir == "papers"
    assert from_plugin.feed_title == "Ada's news" and from_plugin.max_authors == 3


def test_the_extension_accepts_defaults_as_another_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    per_block = {"publications": {"group_by": "type"}, "news": {"limit": 1}}
    spread = extension_options(tmp_path, dict(per_block), monkeypatch)
    folded = extension_options(tmp_path, {"defaults": per_block}, monkeypatch)
    assert spread == folded
    assert spread.publications == {"group_by": "type"} and spread.news == {"limit": 1}


def test_publications_and_defaults_render_alike(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "p.bib").write_text(BIB, encoding="utf-8")

    def render(**config: Any) -> str:
        return markdown.markdown(
            PAGE, extensions=["mkdocs_academic.markdown"], extension_configs={"mkdocs_academic.markdown": config}
        )

    plain = render(data_dir=str(data))
    by_name = render(data_dir=str(data), publications={"group_by": "none"})
    by_defaults = render(data_dir=str(data), defaults={"publications": {"group_by": "none"}})
    assert "<h2" in plain and "<h2" not in by_name
    assert by_name == by_defaults


# ------------------------------------------------------------------------- the checks


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"max_authors": -1}, "max_authors: expected a whole number of at least 0, got -1"),
        ({"max_authors": True}, "max_authors: expected a whole number of at least 0, got True"),
        ({"exports_bibtex": "../x.bib"}, "exports_bibtex: expected a path inside the site, got '../x.bib'"),
        ({"feed_file": "/"}, "feed_file: expected a path inside the site, got '/'"),
        ({"publication_pages_dir": "a/../../b"}, "publication_pages_dir: expected a path inside the site"),
        ({"labels": {"abstract": 1}}, "labels: label 'abstract': expected a text, got 1"),
        ({"me": ["Ada", 3]}, "me: expected a name or a list of names, got ['Ada', 3]"),
        ({"template_dirs": ["nowhere"]}, "template_dirs: 'nowhere' is not an existing folder"),
    ],
)
def test_a_bad_value_names_the_option(tmp_path: Path, given: dict[str, Any], message: str) -> None:
    options, problems = build_site_options(given, tmp_path, name_in_messages=lambda name: f"plugins.academic.{name}")
    assert [problem.level for problem in problems] == ["error"]
    assert str(problems[0]).startswith(f"plugins.academic.{message}")
    assert options == build_site_options({}, tmp_path)[0]  # the default is used instead


def test_a_sphinx_style_host_names_options_its_way(tmp_path: Path) -> None:
    _, problems = build_site_options({"max_authors": -1}, tmp_path, name_in_messages=lambda name: f"academic_{name}")
    assert [str(problem) for problem in problems] == [
        "academic_max_authors: expected a whole number of at least 0, got -1"
    ]


def test_me_may_be_one_name(tmp_path: Path) -> None:
    options, problems = build_site_options({"me": "Lovelace, Ada"}, tmp_path)
    assert problems == [] and options.me == ("Lovelace, Ada",)


def test_block_defaults_and_label_keys_are_warnings(tmp_path: Path) -> None:
    given = {"news": {"limits": 3}, "labels": {"abstrct": "Summary"}, "language": "xx"}
    _, problems = build_site_options(given, tmp_path, name_in_messages=lambda name: f"plugins.academic.{name}")
    assert [(problem.level, str(problem)) for problem in problems] == [
        ("warning", "plugins.academic.news: unknown option 'limits' (did you mean 'limit'?)"),
        ("warning", "plugins.academic.labels: unknown label 'abstrct' (did you mean 'abstract'?)"),
        (
            "info",
            "plugins.academic.language: no shipped labels for 'xx' (en, de, fr, es, zh); English is used where "
            "`labels:` does not translate",
        ),
    ]


def test_one_language_rule() -> None:
    assert SiteOptions().labels_language() == "en"  # the standalone extension
    assert SiteOptions().labels_language("de") == "de"  # MkDocs: the theme's language
    assert SiteOptions(language="fr").labels_language("de") == "fr"


def test_the_extension_warns_and_uses_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.academic"):
        options = extension_options(
            tmp_path, {"max_authors": -1, "defaults": {"publication": {"colour": 1}}}, monkeypatch
        )
    assert options.max_authors == 0
    assert caplog.messages == [
        "academic: mkdocs_academic.markdown: max_authors: expected a whole number of at least 0, got -1",
        "academic: mkdocs_academic.markdown: defaults.publication: unknown option 'colour' (known options: key, abstract, bibtex, heading_level)",
    ]


# -------------------------------------------------------------------- in mkdocs build


@pytest.mark.parametrize(
    ("given", "option"),
    [
        ({"max_authors": -1}, "max_authors"),
        ({"exports_bibtex": "../x.bib"}, "exports_bibtex"),
        ({"template_dirs": ["missing"]}, "template_dirs"),
        ({"labels": {"abstract": ["not", "a", "text"]}}, "labels"),
    ],
)
def test_a_bad_plugin_option_fails_the_build_at_config_time(tmp_path: Path, given: dict[str, Any], option: str) -> None:
    root = write_site(tmp_path, pages={"index.md": PAGE}, data={"p.bib": BIB}, plugin=given)
    result = build(root, strict=False)
    assert not result.ok
    assert re.search(rf"Config value 'plugins': Plugin 'academic' option '{option}': ", result.output), result.output
    assert "configuration error" in result.output
    assert not (tmp_path / "site").exists()  # it failed before building anything


def test_template_dirs_are_searched_after_the_themes_custom_dir(tmp_path: Path) -> None:
    for folder, text in (("overrides", "mine"), ("theme_overrides", "themed")):
        (tmp_path / folder / "academic").mkdir(parents=True)
        (tmp_path / folder / "academic" / "empty.html").write_text(f'<p class="{text}">{{{{ message }}}}</p>')
    page = "/// publications\n    year: 1900\n///\n"
    root = write_site(tmp_path, pages={"index.md": page}, data={"p.bib": BIB}, plugin={"template_dirs": ["overrides"]})
    result = build(root)
    assert result.ok, result.output
    assert '<p class="mine">' in result.html()

    themed = write_site(
        tmp_path,
        pages={"index.md": page},
        data={"p.bib": BIB},
        plugin={"template_dirs": ["overrides"]},
        theme={"name": "mkdocs", "custom_dir": "theme_overrides"},
    )
    result = build(themed)
    assert result.ok, result.output
    assert '<p class="themed">' in result.html() and "mine" not in result.html()


def test_max_authors_and_a_single_me_in_a_build(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"index.md": PAGE}, data={"p.bib": BIB}, plugin={"me": "Ada Lovelace", "max_authors": 1}
    )
    result = build(root)
    assert result.ok, result.output
    html = result.html().split("<details", 1)[0]  # the entry, without its BibTeX
    assert re.search(r"<strong[^>]*>Ada Lovelace</strong>", html) and "et al." in html and "Babbage" not in html


def test_a_bad_block_default_or_label_key_is_a_strict_warning(tmp_path: Path) -> None:
    root = write_site(
        tmp_path, pages={"index.md": PAGE}, data={"p.bib": BIB}, plugin={"labels": {"abstrct": "Summary"}}
    )
    result = build(root)
    assert not result.ok
    assert "academic: mkdocs.yml: plugins.academic.labels: unknown label 'abstrct' (did you mean 'abstract'?)" in (
        result.warnings()
    ), result.output


def test_the_extension_switched_off_leaves_the_blocks_as_text(tmp_path: Path) -> None:
    html = markdown.markdown(
        PAGE,
        extensions=["mkdocs_academic.markdown"],
        extension_configs={"mkdocs_academic.markdown": {"data_dir": str(tmp_path), "enabled": False}},
    )
    assert "academic-publications" not in html and "/// publications" in html


def test_mkdocs_serve_watches_the_template_dirs(tmp_path: Path) -> None:
    """MkDocs watches the theme's folders itself, not `template_dirs`."""
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mine" / "academic").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - academic:\n      template_dirs: [mine]\n", encoding="utf-8"
    )
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    assert str(tmp_path / "mine") in server.watched
    assert str((tmp_path / "data").resolve()) in server.watched
