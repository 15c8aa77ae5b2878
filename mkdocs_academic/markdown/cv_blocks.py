"""The homepage blocks beside publications: `/// news`, `/// experience` and `/// profile`.

Their logic is in `mkdocs_academic.blocks.homepage`; the Blocks are in `markdown/blocks.py`.
"""

from .blocks import ExperienceBlock, NewsBlock, ProfileBlock

__all__ = ["ExperienceBlock", "NewsBlock", "ProfileBlock"]
