"""The doctree nodes of the academic directives, and what each builder gets of them.

A directive puts each piece of rendered HTML in an `academic_html` node that also holds plain
docutils nodes of the same entries (`plain.plain_entries`). Once the builder is known
(`doctree-resolved`), HTML builders get the HTML as a raw node and every other builder (LaTeX,
text, man...) the plain nodes, so a PDF lists the entries too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .plain import plain_entries

#: The class of the sections a directive makes of its headings.
HEADING_CLASS = "academic-heading"


class academic_html(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes in lower case
    """Rendered HTML (`node["html"]`) with plain nodes of its entries as children."""


def html_node(html: str, *, plain: bool = True) -> academic_html:
    """A node for `html`; `plain`: with the plain nodes for other builders."""
    node = academic_html(html=html)
    if plain:
        node += plain_nodes(html)
    return node


def plain_nodes(html: str) -> list[nodes.Node]:
    """The entries of `html` as a bullet list, each its first line in bold, then the others;
    text outside the entries (a bio, a notice) as paragraphs."""
    result: list[nodes.Node] = []
    items: nodes.bullet_list | None = None
    for entry in plain_entries(html):
        if not entry.item:
            result.append(nodes.paragraph(" ".join(entry), " ".join(entry)))
            items = None
            continue
        paragraph = nodes.paragraph()
        paragraph += nodes.strong(entry[0], entry[0])
        if entry[1:]:
            paragraph += nodes.Text(" — " + " — ".join(entry[1:]))
        if items is None:
            items = nodes.bullet_list(classes=["academic-plain"])
            result.append(items)
        items += nodes.list_item("", paragraph)
    return result


#: HTML builders that get the plain nodes: an EPUB's pages are XHTML, which the shared
#: renderer's HTML is not (`&nbsp;`, `<img>`, bare attributes), and e-readers reject them.
PLAIN_HTML_BUILDERS = {"epub"}


def resolve_html_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Raw HTML for HTML builders, the plain nodes for the others."""
    builder = app.builder
    for_html = getattr(builder, "format", "") == "html" and getattr(builder, "name", "") not in PLAIN_HTML_BUILDERS
    for node in list(doctree.findall(academic_html)):
        if for_html:
            node.replace_self(nodes.raw("", node["html"], format="html"))
        elif node.children:
            node.replace_self(node.children)
        else:
            node.parent.remove(node)


class NestedHeadings(SphinxTransform):
    """A heading section of ours inside something other than a section (an admonition, a
    list item...) is not valid docutils: it becomes a rubric (not in the table of contents)
    followed by what the section held."""

    default_priority = 200

    def apply(self, **kwargs: object) -> None:
        for section in list(self.document.findall(nodes.section)):
            if HEADING_CLASS not in section["classes"]:
                continue
            if isinstance(section.parent, (nodes.section, nodes.document)):
                continue
            title = section[0]
            rubric = nodes.rubric(title.astext(), title.astext(), ids=list(section["ids"]))
            for node_id in rubric["ids"]:
                self.document.ids[node_id] = rubric
            section.replace_self([rubric, *section.children[1:]])
