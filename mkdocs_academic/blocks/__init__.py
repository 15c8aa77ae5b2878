"""The academic blocks, for every host: the logic of `publications`, `news`, `experience`,
`profile` and `publication`, knowing nothing of Markdown, MkDocs or Sphinx.

A host (the Python-Markdown Blocks in `markdown/`, the Sphinx directives in `sphinx/`) calls
`run_block(name, options, context, page)` and turns the returned parts into its own nodes:
`Heading` into a real heading, `Html` into raw HTML. Problems come back through `page.warn`.
"""

from .context import BuildContext, PageRecord, report_problems
from .parts import BlockPage, Heading, Html, Part, Rendered, claim_id
from .run import BLOCKS, run_block

__all__ = [
    "BLOCKS",
    "BlockPage",
    "BuildContext",
    "Heading",
    "Html",
    "PageRecord",
    "Part",
    "Rendered",
    "claim_id",
    "report_problems",
    "run_block",
]
