"""`/// publication`: one publication in full, as on its own page.

    /// publication
        key: marquez2025phonotactics
    ///

Its logic is in `mkdocs_academic.blocks.publications`; the Block is in `markdown/blocks.py`.
"""

from .blocks import PublicationBlock

__all__ = ["PublicationBlock"]
