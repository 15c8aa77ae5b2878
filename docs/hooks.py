"""MkDocs hooks of the documentation site (registered under `hooks:` in docs/mkdocs.yml).

The Messages page is rendered from the code's own catalogue (mkdocs_academic/messages.py), so
the list of messages cannot drift from what the plugin prints.
"""

from __future__ import annotations

from typing import Any

from mkdocs_academic.messages import insert_catalogue


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Put the message catalogue where a page has its marker."""
    return insert_catalogue(markdown)
