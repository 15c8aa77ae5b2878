"""The plugin's options in mkdocs.yml: MkDocs' typed view of the core table `options.SITE_OPTIONS`.

Each option is declared here with its MkDocs type (paths through `c.Dir`, resolved against
mkdocs.yml) and takes its default from the core table, where its one-line doc lives too; a
test fails when the two lists differ. After MkDocs' own checks, `validate` runs the core
checks (`build_site_options`): a bad value is a config error naming the option, and the
checked `SiteOptions` is what the plugin reads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .options import SITE_OPTIONS, OptionError, OptionProblem, SiteOptions, build_site_options

#: How messages name a plugin option.
MESSAGE_PREFIX = "plugins.academic."


def _default(name: str) -> Any:
    """The core table's default of an option (MkDocs copies a list or dict for each config)."""
    return SITE_OPTIONS[name].default


class _CheckedByCore(c.BaseConfigOption[Any]):
    """An option no MkDocs type describes (a name or a list of names): the core check alone."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.option = SITE_OPTIONS[name]
        self.default = _default(name)

    def run_validation(self, value: object) -> Any:
        try:
            self.option.check(value, Path.cwd())  # not a path: the folder plays no part
        except OptionError as error:
            raise ValidationError(str(error)) from error
        return value


class AcademicConfig(base.Config):
    """`plugins: - academic: ...` (the docs of each option: `options.SITE_OPTIONS`)."""

    enabled = c.Type(bool, default=_default("enabled"))
    data_dir = c.Dir(exists=False, default=_default("data_dir"))
    # A single name is accepted as one name (`me: Ada Lovelace`).
    me = _CheckedByCore("me")
    language = c.Optional(c.Type(str))
    labels = c.Type(dict, default=_default("labels"))
    allow_html = c.Type(bool, default=_default("allow_html"))
    max_authors = c.Type(int, default=_default("max_authors"))
    # Searched after the theme's `custom_dir`, before the built-in templates.
    template_dirs = c.ListOfItems(c.Dir(exists=True), default=_default("template_dirs"))
    # Where a bare file name in a publication's `pdf` / `preview` is looked up (al-folio's folders).
    pdf_dir = c.Type(str, default=_default("pdf_dir"))
    preview_dir = c.Type(str, default=_default("preview_dir"))
    assets = c.Type(bool, default=_default("assets"))

    # Outputs for crawlers, reference managers and feed readers ("Outputs" in README.md).
    publication_pages = c.Type(bool, default=_default("publication_pages"))
    publication_pages_dir = c.Type(str, default=_default("publication_pages_dir"))
    publication_pages_social = c.Type(bool, default=_default("publication_pages_social"))
    exports = c.Type(bool, default=_default("exports"))
    exports_bibtex = c.Type(str, default=_default("exports_bibtex"))
    exports_csl_json = c.Type(str, default=_default("exports_csl_json"))
    feed = c.Optional(c.Type(bool))
    feed_file = c.Type(str, default=_default("feed_file"))
    feed_title = c.Optional(c.Type(str))
    # Citations in prose (`[@key]`): numeric or author-year; checked by the core.
    citation_style = c.Type(str, default=_default("citation_style"))

    # Site-wide defaults for each block's options (the same names as in the block).
    publications = c.Type(dict, default=_default("publications"))
    publication = c.Type(dict, default=_default("publication"))
    news = c.Type(dict, default=_default("news"))
    experience = c.Type(dict, default=_default("experience"))
    bibliography = c.Type(dict, default=_default("bibliography"))
    profile = c.Type(dict, default=_default("profile"))

    #: The checked options (set by `validate`).
    site_options: SiteOptions = SiteOptions()
    #: Recoverable problems (block defaults, label keys), logged by the plugin in `on_config`.
    notes: tuple[OptionProblem, ...] = ()

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        folder = Path(os.path.dirname(self.config_file_path)) if self.config_file_path else Path.cwd()
        options, problems = build_site_options(
            {name: self[name] for name in SITE_OPTIONS}, folder, name_in_messages=lambda name: MESSAGE_PREFIX + name
        )
        for problem in problems:
            if problem.level == "error":
                failed.append((problem.option.removeprefix(MESSAGE_PREFIX), ValidationError(problem.message)))
        self.site_options = options
        self.notes = tuple(problem for problem in problems if problem.level != "error")
        return failed, warnings
