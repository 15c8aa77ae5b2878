"""Geometry of the blocks as a visitor sees them, in the `mkdocs` and Material themes, at a phone
(390 px), a tablet (768 px) and a desktop (1280 px) width.

A small site holds what made layouts break (issue 13): entries with and without a badge, a
two-word badge, an entry under review, full, compact and numbered lists, a list without any
badge, news items, CV entries with and without a date, a CV section without dates. Asserted:

- a badge and its title share a row (their boxes overlap vertically) and the badge never covers
  the title; on a desktop a badge is one line;
- in a list, every title starts at the same x (within 1 px), badge or not, except on a phone,
  where the badge stands before the title; a list without badges has no badge column;
- a news date and its text share a row;
- a CV list without dates has no date column; in a list with dates an undated title lines up
  with the others; on narrow screens a date sits right above its title;
- the secondary lines of a CV entry (institution, department, thesis, advisors, note) have one
  muted colour;
- a publication's own page: the authors close under the title, "Download .bib" and the BibTeX
  toggle the same size, apart, left-aligned;
- nothing sticks out of the window (layout_checks.layout_problems).

Screenshots land in tests/.artifacts/layout/<theme>-<page>-<width>.png (git-ignored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from layout_checks import layout_problems
from playwright.sync_api import Browser, Page
from sitebuilder import build, write_site

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "tests" / ".artifacts" / "layout"
THEMES = ["mkdocs", "material"]
WIDTHS = [390, 768, 1280]
PHONE = 480  # at most this wide: a phone

BIB = r"""
@inproceedings{grasp2024,
  title = {Learning to Grasp Transparent Objects from Few Demonstrations in Cluttered Scenes},
  author = {Elena Márquez and John Smith and Ada Lovelace},
  booktitle = {Proceedings of the IEEE International Conference on Automation Science and Engineering},
  year = {2024}, abbr = {IEEE CASE 2024}, pdf = {https://example.org/a.pdf},
  abstract = {We study grasping.}
}
@article{tone2023,
  title = {Tone in Speech Models},
  author = {Elena Márquez and Ana Ruiz},
  journal = {Transactions of the ACL}, year = {2023}, abbr = {TACL},
  abstract = {About tone.}
}
@article{plain2022,
  title = {A Paper Without a Badge That Has Quite a Long Title, Long Enough to Wrap on a Phone},
  author = {Elena Márquez},
  journal = {Journal of Things}, year = {2022}
}
@article{review2025,
  title = {Work Under Review},
  author = {Elena Márquez and Tomás Vidal},
  journal = {Some Journal}, status = {under review}
}
"""
NEWS = """
- date: 2025-12-03
  text: "Our paper on **tone** is out in *TACL*, with a sentence long enough to wrap on a phone"
- date: Jun 2025
  text: I am recruiting **PhD students**.
  pinned: true
- date: 2024
  text: A year-only item.
"""
CV = """
education:
  - title: PhD
    area: Computational Linguistics
    organization: University of Edinburgh
    department: School of Informatics
    location: Edinburgh, UK
    start: 2017-09
    end: 2021-11
    thesis: Statistical Learning of Sound Patterns
    advisors: [Ana Ruiz, Tomás Vidal]
    note: Outstanding thesis award
  - title: Summer school
    organization: University of Somewhere
service:
  - title: Reviewer
    organization: ACL Rolling Review
  - title: Organizer
    organization: Barcelona Speech Day
    note: Program chair
"""
HOME = """# Home

## Full

/// publications
    group_by: none
///

## Compact

/// publications
    group_by: none
    style: compact
///

## Numbered

/// publications
    group_by: none
    style: compact
    numbered: true
///

## No badges

/// publications
    keys: [review2025, plain2022]
    group_by: none
///

## News

/// news
///

## Education

/// experience | education
///

## Service

/// experience | service
///
"""
PAGES = {"home": "", "pub": "publications/grasp2024/"}

# Boxes as [left, top, right, bottom], read in one go per page.
_GEOMETRY = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const firstLine = el => {  // the first line of an element's text, as a box
    const range = document.createRange(); range.selectNodeContents(el);
    const r = [...range.getClientRects()].find(r => r.width > 0);
    return r ? [r.left, r.top, r.right, r.bottom] : box(el);
  };
  const lists = [...document.querySelectorAll('.academic-publications ol.academic-pub-list')].map(ol => ({
    box: box(ol),
    cls: ol.className,
    entries: [...ol.querySelectorAll(':scope > li[data-key]')].map(li => {
      const badge = li.querySelector('.academic-abbr');
      const title = li.querySelector('.academic-pub-title');
      return {key: li.dataset.key, title: box(title), line: firstLine(title),
              aside: !!li.querySelector('.academic-pub-aside'),
              badge: badge && box(badge), badgeLines: badge && badge.getClientRects().length,
              badgeLineHeight: badge && parseFloat(getComputedStyle(badge).lineHeight),
              badgeText: badge && badge.textContent};
    }),
  }));
  const news = [...document.querySelectorAll('.academic-news-item')].map(li => ({
    date: box(li.querySelector('.academic-when')), text: firstLine(li.querySelector('.academic-news-text')),
  }));
  const cv = [...document.querySelectorAll('ul.academic-cv-list')].map(ul => ({
    box: box(ul), cls: ul.className,
    entries: [...ul.querySelectorAll(':scope > li.academic-cv-entry')].map(li => {
      const when = li.querySelector('.academic-when');
      const title = li.querySelector('.academic-cv-title');
      const lines = [...li.querySelectorAll('.academic-cv-body > :not(.academic-cv-title, .academic-cv-summary, ' +
                                            '.academic-cv-highlights, .academic-pub-links), .academic-cv-department')];
      return {title: box(title), titleColor: getComputedStyle(title).color,
              when: when && when.textContent.trim() ? firstLine(when) : null,
              lines: lines.map(l => [l.className, l.textContent.trim().slice(0, 30), getComputedStyle(l).color])};
    }),
  }));
  return {lists, news, cv};
}"""

_PUB_PAGE = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const block = document.querySelector('.academic-publication');
  const heading = block.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)');
  const authors = block.querySelector('.academic-pub-authors');
  const download = block.querySelector('.academic-link-bibtex');
  const links = block.querySelector('.academic-pub-links');
  const summary = block.querySelector(':scope > details.academic-bibtex > summary');
  const style = el => { const s = getComputedStyle(el); return [s.fontSize, s.fontWeight, s.lineHeight]; };
  return {heading: box(heading), authors: box(authors), fontSize: parseFloat(getComputedStyle(authors).fontSize),
          download: box(download), links: box(links), summary: box(summary), downloadStyle: style(download), summaryStyle: style(summary)};
}"""


@pytest.fixture(scope="module")
def layout_sites(tmp_path_factory: pytest.TempPathFactory, served_root: Path, site_origin: str) -> dict[str, str]:
    """Base URL of the layout site, built once per theme."""
    urls = {}
    for theme in THEMES:
        root = tmp_path_factory.mktemp(f"layout-{theme}")
        write_site(
            root,
            pages={"index.md": HOME},
            data={"publications.bib": BIB, "news.yml": NEWS, "cv.yml": CV},
            theme={"name": theme, "highlightjs": False} if theme == "mkdocs" else {"name": theme, "font": False},
            extra_config={"site_url": f"{site_origin}/layout-{theme}/"},
        )
        built = build(root, site_dir=served_root / f"layout-{theme}")
        assert built.ok, f"the {theme} layout site does not build:\n{built.output}"
        urls[theme] = f"{site_origin}/layout-{theme}/"
    return urls


def overlap(a: list[float], b: list[float]) -> float:
    """How many px two boxes [left, top, right, bottom] overlap vertically (negative: apart)."""
    return min(a[3], b[3]) - max(a[1], b[1])


def publication_problems(lists: list[dict], width: int) -> list[str]:
    problems = []
    for ol in lists:
        entries = ol["entries"]
        for e in entries:
            if not e["badge"]:
                continue
            key, badge, line = e["key"], e["badge"], e["line"]
            if overlap(badge, line) < 0.5 * (line[3] - line[1]):
                problems.append(f"{key}: badge {badge} and the title's first line {line} are not on one row")
            if badge[2] > line[0] + 1:
                problems.append(f"{key}: the badge (right edge {badge[2]:.0f}) covers the title (from {line[0]:.0f})")
            if width > PHONE and (e["badgeLines"] != 1 or badge[3] - badge[1] > 1.8 * e["badgeLineHeight"]):
                problems.append(f"{key}: the badge {e['badgeText']!r} wraps at {width} px ({badge})")
        lefts = {e["key"]: round(e["title"][0], 1) for e in entries}
        if width > PHONE and max(lefts.values()) - min(lefts.values()) > 1:
            problems.append(f"{ol['cls']}: titles do not line up: {lefts}")
        unbadged = [e for e in entries if not e["aside"]]
        if width <= PHONE or len(unbadged) == len(entries):  # no badge column: titles at the list's left
            shifted = {e["key"]: e["title"][0] for e in unbadged if abs(e["title"][0] - ol["box"][0]) > 1}
            if shifted:
                problems.append(f"{ol['cls']}: an empty badge column (list at {ol['box'][0]:.0f}): {shifted}")
    return problems


def news_problems(news: list[dict]) -> list[str]:
    return [
        f"news item {i}: date {n['date']} and text {n['text']} are not on one row"
        for i, n in enumerate(news)
        if overlap(n["date"], n["text"]) < 0.5 * (n["text"][3] - n["text"][1])
    ]


def cv_problems(cv: list[dict], width: int) -> list[str]:
    problems = []
    for ul in cv:
        entries = ul["entries"]
        dated = [e for e in entries if e["when"]]
        if not dated or width <= 640:  # no date column
            shifted = [e["title"] for e in entries if abs(e["title"][0] - ul["box"][0]) > 1]
            if shifted:
                problems.append(f"{ul['cls']}: titles indented from {ul['box'][0]:.0f} px: {shifted}")
        else:
            lefts = [round(e["title"][0], 1) for e in entries]
            if max(lefts) - min(lefts) > 1:
                problems.append(f"{ul['cls']}: titles do not line up: {lefts}")
        for e in dated:
            if width > 640 and overlap(e["when"], e["title"]) <= 0:
                problems.append(f"{ul['cls']}: date {e['when']} and title {e['title']} are not on one row")
            gap = e["title"][1] - e["when"][3]  # from the date's text to the title's box
            if width <= 640 and not 0 <= gap <= 0.4 * (e["title"][3] - e["title"][1]):
                problems.append(f"{ul['cls']}: date {e['when']} is not right above its title {e['title']}")
        for e in entries:
            colours = {colour for _, _, colour in e["lines"]}
            if len(colours) > 1 or e["titleColor"] in colours:
                problems.append(
                    f"{ul['cls']}: secondary lines not one muted colour: {e['lines']} (title {e['titleColor']})"
                )
    return problems


def pub_page_problems(g: dict) -> list[str]:
    problems = []
    gap = g["authors"][1] - g["heading"][3]
    if gap > g["fontSize"]:
        problems.append(f"publication page: {gap:.0f} px between the title and the authors")
    if g["downloadStyle"] != g["summaryStyle"]:
        problems.append(f"'Download .bib' {g['downloadStyle']} and the BibTeX toggle {g['summaryStyle']} differ")
    download, summary = g["download"], g["summary"]
    if abs((download[3] - download[1]) - (summary[3] - summary[1])) > 1 or abs(g["links"][0] - summary[0]) > 1:
        problems.append(f"'Download .bib' {g['download']} and the BibTeX toggle {g['summary']} are uneven")
    if g["summary"][1] - g["download"][3] < 0.5 * g["fontSize"]:
        problems.append(f"the BibTeX toggle {g['summary']} sticks to 'Download .bib' {g['download']}")
    return problems


@pytest.mark.parametrize("theme", THEMES)
def test_layout_geometry(layout_sites: dict[str, str], browser: Browser, theme: str) -> None:
    """Each page is loaded once and looked at in a window of each width in turn."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900}, reduced_motion="reduce")
    page: Page = context.new_page()
    problems: list[str] = []
    for name, path in PAGES.items():
        page.goto(layout_sites[theme] + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=SCREENSHOTS / f"{theme}-{name}-{width}.png", full_page=True)
            found = layout_problems(page)
            if name == "home":
                geometry = page.evaluate(_GEOMETRY)
                assert len(geometry["lists"]) == 4 and len(geometry["news"]) == 3 and len(geometry["cv"]) == 2
                found += publication_problems(geometry["lists"], width)
                found += news_problems(geometry["news"])
                found += cv_problems(geometry["cv"], width)
                texts = [text for ul in geometry["cv"] for e in ul["entries"] for _, text, _ in e["lines"]]
                assert any("School of Informatics" in text for text in texts), f"no department line among {texts}"
            else:
                found += pub_page_problems(page.evaluate(_PUB_PAGE))
            problems += [f"{name} at {width} px: {problem}" for problem in found]
    context.close()
    assert not problems, f"{theme}:\n" + "\n".join(problems)
