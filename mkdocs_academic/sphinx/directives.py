"""The directives `publications`, `publication`, `news`, `experience` and `profile`.

Each is a thin adapter over `mkdocs_academic.blocks.run_block`: options by the names of the
MkDocs block options (`options.BLOCK_OPTIONS`, with their other spellings), values read as the
YAML a Markdown block would have; headings become sections (so they reach the page's table of
contents), or rubrics when the directive sits inside another element; problems are warnings
at the document and line of the directive. Works in reST and, through myst-parser, in MyST.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any, ClassVar

import yaml
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..blocks import BLOCKS, Heading, Rendered, claim_id, run_block
from ..options import BLOCK_OPTIONS, OPTION_ALIASES, boolean, optional_boolean
from .nodes import HEADING_CLASS, html_node
from .outputs import note_block_page, note_news_page, note_profile_page
from .site import site_for

logger = logging.getLogger(__name__)


def option_value(text: Any) -> Any:
    """An option's value as YAML reads it (`5`, `true`, `[a, b]`), like a Markdown block's."""
    if not isinstance(text, str):
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def flag_value(text: Any) -> Any:
    """A boolean option: written bare (`:selected:`) it means true."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return True
    return option_value(text)


#: Hints of the core's block messages written for a Markdown block -> the same for a directive.
MARKDOWN_HINTS = {
    "write `    key: yourkey2024` under the header": "write `:key: yourkey2024` under the directive",
    "use options such as `limit: 5`": "use options such as `:limit: 5`",
}


class BlockOptionSpec(dict[str, Callable[[Any], Any]]):
    """A directive's option_spec from the block's options and their other spellings; any
    other name is accepted too, so the core reports it with a "did you mean" hint."""

    def __missing__(self, name: str) -> Callable[[Any], Any]:
        return option_value


def option_spec_for(block: str) -> BlockOptionSpec:
    """The option_spec of the directive of `block`, derived from `options.BLOCK_OPTIONS`."""
    schema = BLOCK_OPTIONS[block]
    names = {name: name for name in schema} | OPTION_ALIASES.get(block, {})
    return BlockOptionSpec(
        {
            written: flag_value if schema[name][1] in (boolean, optional_boolean) else option_value
            for written, name in names.items()
        }
    )


class AcademicDirective(SphinxDirective):
    """Base of the academic directives."""

    NAME: ClassVar[str] = ""
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def run(self) -> list[nodes.Node]:
        site = site_for(self.env.srcdir)
        if site is None or not site.options.enabled:
            return []
        context = site.context
        if self.content and "\n".join(self.content).strip():
            self.warn("text inside the block is ignored; put it before or after the block")
        docname = self.env.docname
        if self.env.temp_data.get("academic_page") != docname:  # the document's first directive
            context.start_page(docname)
            self.env.temp_data["academic_page"] = docname
        context.page = docname
        context.base_url = site.root_prefix(docname)
        # Each data file is a dependency (Sphinx takes files only: a file added to the data
        # folder is caught by `outputs.outdated_block_pages`).
        for path in context.store.data_files():
            self.env.note_dependency(str(path.resolve()))
        note_block_page(self.env, docname)
        argument = self.arguments[0] if self.arguments else None
        rendered = run_block(self.NAME, dict(self.options), context, self, argument)
        if self.NAME == "news":
            note_news_page(self.env, docname, context.page_record(docname).shows_all("news"))
        elif self.NAME == "profile":
            note_profile_page(self.env, docname)
        return self.block_nodes(rendered)

    # What the core asks of the page (`blocks.BlockPage`) ---------------------------------

    def warn(self, message: str) -> None:
        """A warning at the document and line of the directive (`-W` fails on it), its hints
        in directive syntax."""
        for markdown, directive in MARKDOWN_HINTS.items():
            message = message.replace(markdown, directive)
        logger.warning(
            "academic: %s directive: %s",
            self.NAME,
            message,
            location=(self.env.docname, self.lineno),
            type="academic",
            subtype="block",
        )

    def unique_id(self, slug: str) -> str:
        """An id not used yet on this document by our directives (`key`, then `key-2`, ...)."""
        used = self.env.temp_data.setdefault("academic_ids", set())  # the ids of this document
        assert isinstance(used, set)
        return claim_id(slug, used, self.state.document.ids)

    def auto_heading_level(self) -> int:
        """Sections nest by structure in docutils: only the levels' order matters here."""
        return 2

    # Nodes ---------------------------------------------------------------------------------

    def block_nodes(self, rendered: Rendered) -> list[nodes.Node]:
        """The directive's nodes: the block's opening `<div>` (HTML only), its parts, and the
        closing `</div>`. Headings are sections, nested by level, each holding the parts after
        it (`NestedHeadings` makes them rubrics where a section may not be)."""
        attributes = {"class": f"academic academic-{self.NAME}", **rendered.attributes}
        opening = "<div " + " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items()) + ">"
        result: list[nodes.Node] = [html_node(opening, plain=False)]
        open_sections: list[tuple[int, nodes.section]] = []
        for part in rendered.parts:
            parent: list[nodes.Node] | nodes.Element = open_sections[-1][1] if open_sections else result
            if not isinstance(part, Heading):
                parent.append(html_node(part.markup))
                continue
            while open_sections and open_sections[-1][0] >= part.level:
                open_sections.pop()
            section = nodes.section(classes=[HEADING_CLASS])
            section += nodes.title(part.text, part.text)
            if part.id:
                section["ids"].append(part.id)
            section["names"].append(nodes.fully_normalize_name(part.text))
            self.state.document.note_implicit_target(section, section)
            self.set_source_info(section)
            (open_sections[-1][1] if open_sections else result).append(section)
            open_sections.append((part.level, section))
        result.append(html_node("</div>", plain=False))
        return result


def directive_for(block: str) -> type[AcademicDirective]:
    """The directive class of `block`."""
    return type(
        f"{block.capitalize()}Directive",
        (AcademicDirective,),
        {"NAME": block, "option_spec": option_spec_for(block), "__doc__": f"`{block}`: the academic block."},
    )


#: The core blocks that are directives here. Not `bibliography`: in Sphinx, sphinxcontrib-bibtex
#: has `:cite:` and `.. bibliography::`, and both extensions work side by side.
SPHINX_BLOCKS = ("publications", "publication", "news", "experience", "profile")
assert set(SPHINX_BLOCKS) <= set(BLOCKS)

#: Directive name -> class, one per block.
DIRECTIVES: dict[str, type[AcademicDirective]] = {block: directive_for(block) for block in SPHINX_BLOCKS}
