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

    # Outputs for crawlers, reference managers and feed readers ("Outputs" in README.md).
    #: A page per publication at `<publication_pages_dir>/<slug>/`, with Google Scholar tags.
    publication_pages = c.Type(bool, default=True)
    #: Folder of the publication pages and of each entry's `.bib` file, in the site.
    publication_pages_dir = c.Type(str, default="publications")
    #: OpenGraph and Twitter card tags on publication pages (off if another plugin writes them).
    publication_pages_social = c.Type(bool, default=True)
    #: Write the whole bibliography as BibTeX and CSL-JSON, and each entry as its own `.bib`.
    exports = c.Type(bool, default=True)
    #: Path in the site of the BibTeX file of all publications.
    exports_bibtex = c.Type(str, default="publications.bib")
    #: Path in the site of the CSL-JSON file of all publications (Zotero, Pandoc, citeproc).
    exports_csl_json = c.Type(str, default="publications.json")
    #: An Atom feed of the news items, linked from every page's head. Unset: made when there is
    #: news and a `site_url`; `true`: a warning when `site_url` is missing; `false`: never.
    feed = c.Optional(c.Type(bool))
    #: Path in the site of the Atom feed.
    feed_file = c.Type(str, default="feed.xml")
    #: Title of the feed; default: "<site_name>: News" (in the site's language).
    feed_title = c.Optional(c.Type(str))

    # Site-wide defaults for each block's options (the same names as in the block).
    publications = c.Type(dict, default={})
    publication = c.Type(dict, default={})
    news = c.Type(dict, default={})
    experience = c.Type(dict, default={})
    profile = c.Type(dict, default={})
