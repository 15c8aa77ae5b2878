"""mkdocs-academic: an academic homepage inside any MkDocs site.

Blocks (`/// publications`, `/// news`, `/// experience`, `/// profile`) are filled at build
time from the data files a researcher already keeps: BibTeX, YAML and JSON Resume.
"""

__version__ = "0.1.0"
