"""The Jinja2 environment: autoescaped templates a user can override from the theme.

Templates are looked up first in the user's template folders (the theme's `custom_dir`,
then any extra folder), then in the package. To change how one publication looks, copy
`mkdocs_academic/templates/academic/publication.html` to `<custom_dir>/academic/`.

A publication list is one render of `publication-list.html`, which includes `publication.html`
for each entry; the author list, the venue line and the link labels of an entry (and of a
publication's own page) are written by the helpers of `entry_parts`, registered as filters.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from ..data.models import Link, Publication
from ..data.names import MeMatcher
from ..slugs import slugify_key
from .entry_parts import EntryParts
from .format import (
    MARK_MEANINGS,
    AuthorItem,
    author_items,
    format_date,
    format_date_range,
    resolve_near_url,
    resolve_url,
    text_content,
)
from .inline_markdown import InlineMarkdown, relink
from .labels import Labels
from .urls import OutputUrls


class TemplateProblem(Exception):
    """A template could not be rendered (in practice: a user's override); the message names it."""


class CompiledTemplates(BytecodeCache):
    """Compiled templates: in memory for the life of the process, and on disk for the next one.

    Compiling the templates costs more than rendering a homepage with them (about 20 ms for
    `publication.html` alone), and every build makes a new `Renderer` (a `mkdocs serve` rebuild
    reloads mkdocs.yml). So the compiled code is kept in memory, and also in Jinja's own
    per-user cache folder in the system's temporary directory (`_jinja2-cache-<uid>`, created
    by Jinja with owner-only permissions), so that the next `mkdocs build` loads it instead of
    compiling again. Jinja keeps a checksum of each template's source with its code and of the
    Python version, so an edited template (a user's override) is compiled again. When that
    folder cannot be used, the templates are compiled in each process, as without a cache."""

    #: File names of our templates' code in that folder.
    PATTERN = "mkdocs-academic-%s.cache"

    def __init__(self, directory: str | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self._directory = directory
        self._disk: FileSystemBytecodeCache | None = None
        self._disk_tried = False

    def _on_disk(self) -> FileSystemBytecodeCache | None:
        if not self._disk_tried:
            self._disk_tried = True
            try:
                self._disk = FileSystemBytecodeCache(self._directory, self.PATTERN)
            except (OSError, RuntimeError):  # no safe folder: compile in each process
                self._disk = None
        return self._disk

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        """Jinja's bucket, under a key that also names the filters: the compiled code of a
        template depends on them (whether a filter is given the template's context is decided
        when the template is compiled), so code compiled by another version of the package is
        never used with this one's filters."""
        key = self.get_cache_key(name, filename) + "-" + _filters_fingerprint(environment)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        disk = self._on_disk()
        if disk is None:
            return
        try:
            disk.load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged (pickle, marshal): compile again
            bucket.reset()
        if bucket.code is not None:
            self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        disk = self._on_disk()
        if disk is not None:
            with contextlib.suppress(OSError):  # a full or read-only disk: the next process compiles
                disk.dump_bytecode(bucket)

    def clear(self) -> None:
        """Forget the compiled templates of this process (those on disk stay)."""
        self._code.clear()

    def use_directory(self, directory: str | None) -> None:
        """Keep the compiled code in `directory` from now on (None: Jinja's default folder)."""
        self._code.clear()
        self._directory, self._disk, self._disk_tried = directory, None, False


#: Shared by every Renderer of the process.
COMPILED_TEMPLATES = CompiledTemplates()


def _filters_fingerprint(environment: Environment) -> str:
    """A short hash of the filters' names and of what each is passed (`@pass_context`...)."""
    described = sorted(
        f"{name}:{getattr(function, 'jinja_pass_arg', '')}" for name, function in environment.filters.items()
    )
    return hashlib.sha1("\n".join(described).encode(), usedforsecurity=False).hexdigest()[:12]


class EntryContext(NamedTuple):
    """What `publication.html` reads for one entry (besides the list's `style`).

    A named tuple: a list makes one per entry, and `publication-list.html` unpacks it into
    the template's variables in its loop."""

    pub: Publication
    id: str
    authors: list[AuthorItem]
    editors: list[AuthorItem]
    links: list[tuple[Link, str]]
    preview: str
    show_abstract: bool
    show_bibtex: bool
    page_url: str
    bib_url: str


class Renderer:
    """Turns model objects into HTML through the templates."""

    def __init__(
        self,
        *,
        labels: Labels | None = None,
        me: MeMatcher | None = None,
        template_dirs: Sequence[Path] = (),
        allow_html: bool = False,
        max_authors: int | None = None,
    ) -> None:
        self.labels = labels or Labels()
        self.template_dirs = tuple(Path(folder) for folder in template_dirs)
        self.me = me or MeMatcher([])
        self.max_authors = max_authors
        #: A site path as the host writes that page (`publications/` -> `publications.html` in
        #: Sphinx's html builder); the MkDocs hosts keep paths as written.
        self.site_path: Callable[[str], str] = _as_written
        #: The entry of the publication page being rendered: (publication, base URL, entry).
        self._page_entry: tuple[Publication, str, EntryContext] | None = None
        self.markdown = InlineMarkdown(allow_html)
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    FileSystemLoader([str(folder) for folder in self.template_dirs]),
                    PackageLoader("mkdocs_academic", "templates"),
                ]
            ),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            # One Renderer serves one build: templates are read once, not checked on every use.
            auto_reload=False,
            bytecode_cache=COMPILED_TEMPLATES,
        )
        self.env.filters["date"] = lambda date, short=False: format_date(date, self.labels, short)
        self.env.filters["date_range"] = lambda when, short=True: format_date_range(when, self.labels, short)
        self.env.filters["site_url"] = self.link
        self.env.filters["markdown"] = self._markdown_filter(self.markdown.block)
        self.env.filters["inline_markdown"] = self._markdown_filter(self.markdown.inline)
        self.env.filters["text"] = text_content
        self._use_labels(self.labels)

    def _use_labels(self, labels: Labels) -> None:
        """Make `labels` the language of the templates and of the entry helpers."""
        self.labels = labels
        parts = EntryParts(labels)
        self.env.globals["labels"] = labels
        self.env.filters.update(author_list=parts.author_list, venue_line=parts.venue_line, link_label=parts.link_label)

    def render(self, template: str, **context: Any) -> Markup:
        """Render `academic/<template>` with `context`.

        A template that fails (an override with a mistake) raises `TemplateProblem`, whose
        message names the template file and line."""
        try:
            return Markup(self.env.get_template(f"academic/{template}").render(**context).strip())
        except Exception as error:  # noqa: BLE001 - any mistake in a template (a user's) is a message
            raise _problem(template, error) from error

    def _markdown_filter(self, convert: Callable[[str], Markup]) -> Callable[[Context, str], Markup]:
        """A template filter for Markdown in data: its links are site paths too, as in the
        data's other fields, made relative to the page (the template's `base_url`)."""

        @pass_context
        def markdown_filter(context: Context, text: str) -> Markup:
            converted = convert(text)
            base_url = context.get("base_url", "")
            if not base_url and self.site_path is _as_written:
                return converted  # a page at the site root: the paths are right as they are
            return Markup(relink(str(converted), lambda url: self.link(url, base_url)))

        return markdown_filter

    def link(self, url: str, base_url: str) -> str:
        """A link of the data as this page needs it: a page of the site as the host writes it
        (`site_path`), relative to the page (`base_url`); "" for an unsafe one."""
        return resolve_url(self.site_path(url), base_url)

    def set_labels(self, labels: Labels) -> None:
        """Write what follows in another language (pages of a multilingual site)."""
        if labels is not self.labels:
            self._use_labels(labels)
            self._page_entry = None

    def entry_context(
        self,
        pub: Publication,
        *,
        element_id: str,
        base_url: str,
        show_abstract: bool,
        show_bibtex: bool,
        urls: OutputUrls | None = None,
        max_authors: int | None = None,
        page_dir: str = "",
    ) -> EntryContext:
        """What an entry template shows of `pub`: names for display (cut after `max_authors`,
        the site owner kept), URLs made relative to the page (`base_url`; the entry's own page
        and `.bib` file without the detour when they are under the page's folder `page_dir`),
        and whether the abstract and the BibTeX are shown. A list and a publication's page both
        use it."""
        page_url = urls.page(pub.key) if urls else ""
        bib_url = urls.bib(pub.key) if urls else ""
        return EntryContext(
            pub=pub,
            id=element_id,
            authors=author_items(pub.authors, self.me, max_authors, base_url, self.link),
            editors=author_items(pub.editors, self.me, max_authors, base_url, self.link) if not pub.authors else [],
            links=[(link, url) for link in pub.links if (url := self.link(link.url, base_url))],
            preview=resolve_url(pub.preview, base_url) if pub.preview else "",
            show_abstract=show_abstract and bool(pub.abstract),
            show_bibtex=show_bibtex and pub.show_bibtex and bool(pub.bibtex),
            page_url=resolve_near_url(page_url, base_url, page_dir) if page_url else "",
            bib_url=resolve_near_url(bib_url, base_url, page_dir) if bib_url else "",
        )

    def publication_list(
        self,
        publications: Sequence[Publication],
        *,
        make_id: Callable[[str], str],
        style: str = "full",
        base_url: str = "",
        show_abstract: bool = True,
        show_bibtex: bool = True,
        numbered: bool = False,
        urls: OutputUrls | None = None,
        page_dir: str = "",
    ) -> Markup:
        """A list of publication entries (one `<ol>`), in one render of `publication-list.html`.

        Entries are not cached: each rendering has its own element ids and base URL (so a
        cache would hardly ever hit), and keeping every entry's HTML would cost as much memory
        as the page itself."""
        contexts = [
            self.entry_context(
                pub,
                element_id=make_id(slugify_key(pub.key)),
                base_url=base_url,
                show_abstract=show_abstract,
                show_bibtex=show_bibtex,
                urls=urls,
                max_authors=self.max_authors,
                page_dir=page_dir,
            )
            for pub in publications
        ]
        entries = self._render_each("publication.html", contexts, style=style, base_url=base_url)
        return self.render("publication-list.html", entries=entries, contexts=contexts, style=style, numbered=numbered)

    def _render_each(self, template: str, contexts: Sequence[EntryContext], **shared: Any) -> list[Markup]:
        """`template` rendered once per context, as `render` would, but without what `render`
        does again for each call (a new context copied from the globals, Jinja's error
        rewriting): a list renders its entry template a thousand times."""
        try:
            compiled = self.env.get_template(f"academic/{template}")
            base = {**self.env.globals, **shared}
            concat = self.env.concat
            fields = EntryContext._fields
            rendered = []
            for entry in contexts:
                variables = dict(base)
                variables.update(zip(fields, entry, strict=True))
                html = concat(compiled.root_render_func(compiled.new_context(variables, shared=True)))
                rendered.append(Markup(html.strip()))
            return rendered
        except Exception:  # noqa: BLE001 - as in `render`
            try:
                self.env.handle_exception()  # Jinja's traceback: the template's own file and line
            except Exception as error:  # noqa: BLE001
                raise _problem(template, error) from error
            raise

    def publication_page(self, pub: Publication, *, part: str, base_url: str, bib_url: str = "") -> Markup:
        """One part of a publication's own page: "summary" (authors, venue, links), "abstract"
        or "bibtex". The page's headings are real elements added by the `/// publication` block.
        Its author list is never cut."""
        # A page renders its parts one after the other: its entry is worked out once.
        last = self._page_entry
        if last is not None and last[0] is pub and last[1] == base_url:
            entry = last[2]
        else:
            entry = self.entry_context(pub, element_id="", base_url=base_url, show_abstract=True, show_bibtex=True)
            self._page_entry = (pub, base_url, entry)
        return self.render(
            "publication-page.html",
            pub=pub,
            part=part,
            authors=entry.authors,
            editors=entry.editors,
            links=entry.links,
            preview=entry.preview,
            bib_url=resolve_url(bib_url, base_url) if bib_url else "",
            base_url=base_url,
        )

    def marks_legend(self, publications: Sequence[Publication]) -> Markup:
        """The legend for contribution marks used in `publications`, or empty markup."""
        used = {mark for pub in publications for person in pub.authors for mark in person.marks}
        items = [(mark, self.labels[MARK_MEANINGS[mark]]) for mark in MARK_MEANINGS if mark in used]
        return self.render("marks-legend.html", items=items) if items else Markup("")


def _problem(template: str, error: Exception) -> TemplateProblem:
    """The message for a template that failed, with the file and line of the mistake."""
    if isinstance(error, TemplateSyntaxError):
        where = f"{error.filename or error.name or template}:{error.lineno}"
        return TemplateProblem(f"template {where}: {error.message}")
    # Jinja rewrites a render error's traceback to point at the template lines: take the last.
    where = f"academic/{template} (or one it includes)"
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename.endswith(".html"):
            where = f"{trace.tb_frame.f_code.co_filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return TemplateProblem(f"template {where}: {error}")


def _as_written(path: str) -> str:
    """A site path unchanged (the MkDocs hosts: a link names the page as the site serves it)."""
    return path
