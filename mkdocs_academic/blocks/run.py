"""Run one block by name: check its options, fill it, and report every problem to the host."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..options import BLOCK_OPTIONS, parse_options
from ..render.environment import TemplateProblem
from .bibliography import bibliography
from .context import BuildContext
from .homepage import experience, news, profile
from .parts import BlockPage, Rendered
from .publications import publication, publications

#: A block's filler: checked options, the context, the page, the argument, the output to fill.
Filler = Callable[[dict[str, Any], BuildContext, BlockPage, "str | None", Rendered], None]

#: Every block of the core, by name (each has its options in `options.BLOCK_OPTIONS`; a block of
#: the Markdown hosts only, which fills itself from the whole page, is not here).
BLOCKS: dict[str, Filler] = {
    "publications": publications,
    "publication": publication,
    "news": news,
    "experience": experience,
    "profile": profile,
    "bibliography": bibliography,
}
assert set(BLOCKS) <= set(BLOCK_OPTIONS), "every block has its options in options.BLOCK_OPTIONS"


def run_block(
    name: str,
    given: Mapping[str, Any],
    context: BuildContext,
    page: BlockPage,
    argument: str | None = None,
) -> Rendered:
    """The parts of block `name` with the options the user `given` (as written: raw values).

    Each unknown option or bad value, each data lookup that fails, is reported through
    `page.warn` (a bad value takes its default, so the block still renders). A broken
    user template stops the block there: what was rendered so far is returned."""
    values, errors = parse_options(name, given, context.block_defaults(name))
    for error in errors:
        page.warn(error)
    context.record_block(name)
    out = Rendered()
    try:
        BLOCKS[name](values, context, page, argument, out)
    except TemplateProblem as problem:
        page.warn(f"{problem}; fix or remove your copy of the template")
    return out
