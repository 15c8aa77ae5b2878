"""Which data files fill which `Dataset` field: the homepage data beside publications.

`DataStore` reads the files of `HOMEPAGE_LOADERS` unless it is given other loaders; nothing is
registered at import time. (`.bib` files and `publications.yml` are read by the store itself:
they are merged into one list of publications.)
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any, NamedTuple

from .problems import Problem

#: (path, path as shown in messages) -> (the value, the problems found).
LoadFunction = Callable[[Path, str], tuple[Any, list[Problem]]]


def _nothing() -> None:
    return None


class Loader(NamedTuple):
    """How one kind of data file becomes one field of `Dataset`."""

    #: The file names it reads, lower case. When two are present, the last in sorted order
    #: wins (`news.yml` over `news.yaml`); the problems of both are reported.
    file_names: tuple[str, ...]
    #: The name of the `Dataset` field it fills.
    field: str
    load: LoadFunction
    #: Makes the value when `load` fails on a file (see `store.guarded`): the file is still there.
    empty: Callable[[], Any] = _nothing


def _imported(module: str, name: str) -> Callable[..., Any]:
    """`name` of `module` (of this package), imported at its first call: a site without a news,
    CV, profile or resume file never imports their readers (a shorter start for every build)."""

    def call(*args: Any) -> Any:
        return getattr(import_module(module, __package__), name)(*args)

    return call


HOMEPAGE_LOADERS: tuple[Loader, ...] = (
    Loader(("news.yml", "news.yaml"), "news", _imported(".news", "load_news_items"), empty=tuple),
    Loader(("cv.yml", "cv.yaml"), "cv", _imported(".cv", "load_cv"), empty=_imported(".cv", "CV")),
    Loader(("profile.yml", "profile.yaml"), "profile", _imported(".profile", "load_profile")),
    Loader(
        ("resume.json",),
        "resume",
        _imported(".jsonresume", "load_resume"),
        empty=_imported(".jsonresume", "empty_resume"),
    ),
)
