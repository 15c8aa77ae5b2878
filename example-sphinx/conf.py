"""The example homepage (example-site/) as a Sphinx project: the same researcher, the same data.

    sphinx-build -W -b html example-sphinx example-sphinx/_build/html
    sphinx-build -W -b html -D html_theme=alabaster example-sphinx /tmp/alabaster

Pages in MyST Markdown (index, news) and reStructuredText (publications, cv), to show both.
"""

project = "Elena Márquez"
author = "Elena Márquez"
copyright = "2025, Elena Márquez"
language = "en"

extensions = ["mkdocs_academic.sphinx", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_extra", "_static"]

# mkdocs-academic: the options of example-site/mkdocs.yml, named academic_<option>.
academic_data_dir = "../example-site/data"
academic_me = ["Elena Márquez", "E. Márquez", "Marquez", "Elena"]
academic_publications = {"group_by": "year"}

# Absolute URLs of the feed and the citation tags (MkDocs' site_url).
html_baseurl = "https://example.org/elena/"

html_theme = "furo"
html_title = "Elena Márquez"
# The photo the data names (assets/elena.svg) is the MkDocs site's; `_extra/assets` links to it.
html_extra_path = ["_extra"]
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_show_sourcelink = False
