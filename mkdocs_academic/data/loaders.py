"""Which data files fill which `Dataset` field: the homepage data beside publications.

`DataStore` reads the files of `HOMEPAGE_LOADERS` unless it is given other loaders; nothing is
registered at import time. (`.bib` files and `publications.yml` are read by the store itself:
they are merged into one list of publications.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cv import CV, load_cv
from .jsonresume import Resume, load_resume
from .news import NewsItem, load_news
from .problems import Problem
from .profile import load_profile

#: (path, path as shown in messages) -> (the value, the problems found).
LoadFunction = Callable[[Path, str], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class Loader:
    """How one kind of data file becomes one field of `Dataset`."""

    #: The file names it reads, lower case. When two are present, the last in sorted order
    #: wins (`news.yml` over `news.yaml`); the problems of both are reported.
    file_names: tuple[str, ...]
    #: The name of the `Dataset` field it fills.
    field: str
    load: LoadFunction
    #: The value when `load` fails on a file (see `store.guarded`): the file is still there.
    empty: Any = None


def load_news_items(path: Path, display_path: str) -> tuple[tuple[NewsItem, ...], list[Problem]]:
    """`news.yml` as the tuple `Dataset.news` holds."""
    items, problems = load_news(path, display_path)
    return tuple(items), problems


HOMEPAGE_LOADERS: tuple[Loader, ...] = (
    Loader(("news.yml", "news.yaml"), "news", load_news_items, empty=()),
    Loader(("cv.yml", "cv.yaml"), "cv", load_cv, empty=CV()),
    Loader(("profile.yml", "profile.yaml"), "profile", load_profile),
    Loader(("resume.json",), "resume", load_resume, empty=Resume(CV())),
)
