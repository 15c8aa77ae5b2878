"""The homepage blocks beside publications: `news`, `experience` and `profile`.

news                      latest news (options: limit, since, pinned, tag, group_by)
experience | education    one CV section from cv.yml or resume.json
experience                every CV section, each under its own heading
profile                   the profile card (photo, position, links, interests, notice, bio)

The news and CV readers are imported by the block that needs them: a site without those
blocks does not import them at all (a shorter start for every build).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..data.yamlfile import did_you_mean
from ..render.format import resolve_url
from ..slugs import slugify
from .context import BuildContext
from .parts import BlockPage, Rendered
from .publications import group_heading, heading_level

if TYPE_CHECKING:
    from ..data.news import NewsItem


def news(options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered) -> None:
    """Dated announcements from `news.yml`, newest first (pinned ones on top)."""
    from ..data.news import group_news_by_year, select_news

    dataset = context.dataset()
    renderer = context.renderer
    everything = dataset.news_items()
    if dataset.news is None:
        page.warn("no news file: add news.yml to the data directory (`- date: 2024-05` / `text: ...`)")
    if argument:
        page.warn(f"takes no argument (got '{argument}'); use options such as `limit: 5`")
    known_tags = sorted({tag for item in everything for tag in item.tags})
    for tag in options["tag"]:
        if tag.lower() not in {known.lower() for known in known_tags}:
            hint = did_you_mean(tag, known_tags) or (
                f"tags in news.yml: {', '.join(known_tags)}" if known_tags else "no news item has tags"
            )
            page.warn(f"no news item has the tag '{tag}' ({hint})")
    by_year = options["group_by"] == "year"
    if not (options["limit"] or options["since"] or options["pinned"] is not None or options["tag"]):
        context.record_block("news", complete=True)  # the news archive: the feed links here
    items = select_news(
        everything,
        limit=options["limit"],
        since=options["since"],
        pinned=options["pinned"],
        tags=options["tag"],
        pinned_first=not by_year,
    )
    # Each item's id is the same on every page; on a page that shows an item twice, or
    # where another block took that id, the second one gets `-2`.
    items = [_unique(item, page) for item in items]
    if not items:
        out.add_html(renderer.render("empty.html", message=renderer.labels["no_news"]))
        return
    if not by_year:
        out.add_html(renderer.render("news-list.html", items=items, base_url=context.base_url))
        return
    level = heading_level(page, options["heading_level"])
    for year, group in group_news_by_year(items):
        group_heading(out, page, "news", level, str(year))
        out.add_html(renderer.render("news-list.html", items=group, base_url=context.base_url))


def _unique(item: NewsItem, page: BlockPage) -> NewsItem:
    """The item with an id not used yet on the page (its own id, unless already taken)."""
    if not item.id:
        return item
    unique = page.unique_id(item.id)
    return item if unique == item.id else replace(item, id=unique)


def experience(
    options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered
) -> None:
    """One CV section (education, positions, awards, skills...), several, or all of them."""
    from ..data.cv import sort_entries

    dataset = context.dataset()
    sections, notes = dataset.cv_sections()
    renderer = context.renderer
    if not dataset.has_cv():
        page.warn("no CV file: add cv.yml (or a JSON Resume resume.json) to the data directory")
    wanted = [name.strip() for name in (argument or "").split(",") if name.strip()]
    lookup = {name.lower(): name for name in sections}
    chosen: list[str] = []
    for name in wanted:
        found = lookup.get(name.lower())
        if found is None:
            known = list(sections)
            hint = did_you_mean(name, known) or (
                f"sections in your data: {', '.join(known)}" if known else "add it to cv.yml or resume.json"
            )
            page.warn(f"no CV section '{name}' ({hint})")
        else:
            chosen.append(found)
    with_headings = not wanted or len(chosen) > 1
    if not wanted:
        chosen = list(sections)
    if not chosen:
        out.add_html(renderer.render("empty.html", message=renderer.labels["no_entries"]))
        return
    level = heading_level(page, options["heading_level"]) if with_headings else 0
    for name in chosen:
        if name in notes:
            page.warn(notes[name])
        entries = sort_entries(sections[name], options["sort"])
        if options["limit"]:
            entries = entries[: options["limit"]]
        if with_headings:
            heading = renderer.labels.get(f"section_{name.lower()}") or name.replace("_", " ").capitalize()
            group_heading(out, page, "experience", level, heading)
        if not entries:
            out.add_html(renderer.render("empty.html", message=renderer.labels["no_entries"]))
            continue
        html = renderer.render(
            "cv-section.html",
            section=slugify(name, keep_underscores=True, non_ascii="separate"),
            entries=entries,
            highlights=options["highlights"],
            base_url=context.base_url,
        )
        out.add_html(html)


def profile(
    options: dict[str, Any], context: BuildContext, page: BlockPage, argument: str | None, out: Rendered
) -> None:
    """The card with photo, position, affiliation, contact, links, interests, notice and bio."""
    found, notes = context.dataset().owner_profile()
    for note in notes:
        page.warn(note)
    renderer = context.renderer
    if found is None:
        page.warn("no profile: add profile.yml (or `basics` in resume.json) to the data directory")
        return
    html = renderer.render(
        "profile.html",
        profile=found,
        photo=resolve_url(found.photo, context.base_url) if found.photo and options["photo"] else "",
        show_name=options["name"],
        show_bio=options["bio"],
        show_links=options["links"],
        show_interests=options["interests"],
        show_notice=options["notice"],
        base_url=context.base_url,
    )
    out.add_html(html)
