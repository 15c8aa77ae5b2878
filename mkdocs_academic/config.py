"""The plugin's options in mkdocs.yml (every one documented in README.md)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class AcademicConfig(base.Config):
    """`plugins: - academic: ...`"""

    #: Switch the plugin off without removing it (blocks are then left as text).
    enabled = c.Type(bool, default=True)
    #: Folder of data files, relative to mkdocs.yml.
    data_dir = c.Dir(exists=False, default="data")
    #: Name variants of the site owner, highlighted in author lists.
    me = c.ListOfItems(c.Type(str), default=[])
    #: Language of the labels (en, de, fr, es, zh); default: the theme's language.
    language = c.Optional(c.Type(str))
    #: Labels to override, such as `abstract: Summary`.
    labels = c.Type(dict, default={})
    #: Let raw HTML inside Markdown data values (news, highlights, bios) through.
    allow_html = c.Type(bool, default=False)
    #: Cut author lists after this many names, keeping yours (0: never cut).
    max_authors = c.Type(int, default=0)
    #: Add the plugin's stylesheet and script to every page.
    assets = c.Type(bool, default=True)

    # Site-wide defaults for each block's options (the same names as in the block).
    publications = c.Type(dict, default={})
