"""The Sphinx extension: the academic blocks as directives, in reST and MyST.

    # conf.py
    extensions = ["mkdocs_academic.sphinx"]      # (and "myst_parser" for Markdown pages)
    academic_data_dir = "data"
    academic_me = ["Ada Lovelace"]
    academic_publications = {"group_by": "year"}

    .. publications::
       :selected: true

Thin glue over the same core as the MkDocs plugin (`options`, `blocks`, `data`, `render`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .directives import DIRECTIVES
from .nodes import NestedHeadings, academic_html, resolve_html_nodes
from .outputs import setup_outputs
from .site import add_config_values, on_config_inited, report_data_problems, site_for

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "academic"


def _add_assets(app: Sphinx, config: Any) -> None:
    """Our stylesheet and script in `_static` of every HTML build (epub included, which lists
    what its pages link to) and linked from every page. First in `html_static_path`, so a file
    of yours of the same name wins."""
    site = site_for(app.srcdir)
    if site is not None and site.options.enabled and site.options.assets:
        config.html_static_path = [str(ASSETS), *config.html_static_path]
        app.add_css_file("academic.css")
        app.add_js_file("academic.js", defer="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the options, directives and events of the extension."""
    add_config_values(app)
    app.connect("config-inited", on_config_inited)
    app.connect("config-inited", _add_assets, priority=600)
    app.connect("env-before-read-docs", report_data_problems)
    app.connect("doctree-resolved", resolve_html_nodes)
    app.add_node(academic_html)
    app.add_transform(NestedHeadings)
    setup_outputs(app)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
