"""Load everything in the data directory into one `Dataset`, re-reading only changed files.

A `DataStore` lives as long as the MkDocs plugin (across `mkdocs serve` rebuilds). Each file's
parse is cached by path, modification time and size; when nothing changed, `load()` returns
the very same `Dataset` object.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .bibtex import BibFile, clean_bibtex, read_bib_files, resolve_crossrefs
from .fields import PRESENTATION_FIELDS, publication_from_fields
from .models import Publication
from .problems import Problem
from .publications_yaml import load_yaml_publications

PUBLICATION_YAML_NAMES = ("publications.yml", "publications.yaml")


@dataclass
class Dataset:
    """Everything read from the data directory, and every problem found on the way."""

    publications: list[Publication] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key: dict[str, Publication] = {pub.key: pub for pub in self.publications}

    def publication(self, key: str) -> Publication | None:
        """The publication with this key (exact, then case-insensitive as BibTeX does)."""
        found = self.by_key.get(key)
        if found is None:
            lowered = key.lower()
            found = next((pub for pub in self.publications if pub.key.lower() == lowered), None)
        return found


#: Extra loaders: file name -> function(path, display_path) -> (value, problems).
#: Each value lands in `Dataset.extra[name]`. Other data kinds (news, CV, ...) register here.
ExtraLoader = Callable[[Path, str], tuple[Any, list[Problem]]]
EXTRA_LOADERS: dict[str, tuple[str, ExtraLoader]] = {}


def register_loader(file_names: tuple[str, ...], name: str, loader: ExtraLoader) -> None:
    """Make `load()` read files called `file_names` with `loader` into `Dataset.extra[name]`."""
    for file_name in file_names:
        EXTRA_LOADERS[file_name] = (name, loader)


class DataStore:
    """The data directory of one site, loaded on demand and cached file by file."""

    def __init__(self, data_dir: Path, display_root: Path | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.display_root = display_root
        self._cache: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self._dataset: Dataset | None = None
        self._bib_cache: tuple[tuple[tuple[str, int, int], ...], list[BibFile]] | None = None
        #: How many files were parsed (not served from the cache) since the store was made.
        self.parse_count = 0

    def display(self, path: Path) -> str:
        """A path as the user knows it: relative to the site's folder when possible."""
        if self.display_root is not None:
            try:
                return os.path.relpath(path, self.display_root).replace(os.sep, "/")
            except ValueError:
                pass
        return str(path)

    def data_files(self) -> list[Path]:
        """The files this store reads, in a stable order."""
        if not self.data_dir.is_dir():
            return []
        names = set(PUBLICATION_YAML_NAMES) | set(EXTRA_LOADERS)
        return sorted(
            path
            for path in self.data_dir.iterdir()
            if path.is_file() and (path.suffix.lower() == ".bib" or path.name.lower() in names)
        )

    def load(self) -> Dataset:
        """The dataset for the files as they are now (the cached one when nothing changed)."""
        files = self.data_files()
        signature = tuple((str(p), *self._stat(p)) for p in files)
        if self._dataset is not None and signature == self._signature:
            return self._dataset
        self._dataset = self._build(files)
        self._signature = signature
        return self._dataset

    @staticmethod
    def _stat(path: Path) -> tuple[int, int]:
        try:
            stat = path.stat()
        except OSError:
            return (0, -1)
        return (stat.st_mtime_ns, stat.st_size)

    def _cached(self, path: Path, parse: Callable[[], Any]) -> Any:
        stamp = self._stat(path)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = parse()
        self.parse_count += 1
        self._cache[path] = (stamp, value)
        return value

    def _build(self, files: list[Path]) -> Dataset:
        problems: list[Problem] = []
        if not self.data_dir.is_dir():
            problems.append(
                Problem(
                    self.display(self.data_dir),
                    0,
                    "the data directory does not exist",
                    "create it and put your .bib and .yml files there, or set `data_dir` in mkdocs.yml",
                )
            )
        bib_paths = [path for path in files if path.suffix.lower() == ".bib"]
        bib_files = self._read_bibtex(bib_paths)
        yaml_publications: list[Publication] = []
        extra: dict[str, Any] = {}
        for path in files:
            display = self.display(path)
            if path.suffix.lower() == ".bib":
                continue
            if path.name.lower() in PUBLICATION_YAML_NAMES:
                pubs, found = self._cached(path, lambda p=path, d=display: load_yaml_publications(p, d, 0))
                yaml_publications.extend(pubs)
                problems.extend(found)
            else:
                name, loader = EXTRA_LOADERS[path.name.lower()]
                value, found = self._cached(path, lambda p=path, d=display, f=loader: f(p, d))
                extra[name] = value
                problems.extend(found)
        publications = self._publications_from_bibtex(bib_files, problems)
        publications = self._merge(publications, yaml_publications, problems)
        problems.sort(key=lambda problem: (problem.path, problem.line, problem.message))
        return Dataset(publications=publications, problems=problems, files=files, extra=extra)

    def _read_bibtex(self, paths: list[Path]) -> list[BibFile]:
        """All .bib files, read together (macros of one file resolve in the others).

        They are cached as one set: a change to any .bib file re-reads all of them.
        """
        stamp = tuple((str(path), *self._stat(path)) for path in paths)
        if self._bib_cache is not None and self._bib_cache[0] == stamp:
            return self._bib_cache[1]
        bib_files = read_bib_files([(path, self.display(path)) for path in paths])
        self.parse_count += len(paths)
        self._bib_cache = (stamp, bib_files)
        return bib_files

    def _publications_from_bibtex(self, bib_files: list[BibFile], problems: list[Problem]) -> list[Publication]:
        for bib in bib_files:
            problems.extend(bib.problems)
        entries, parents, crossref_problems = resolve_crossrefs(bib_files)
        problems.extend(crossref_problems)
        publications: list[Publication] = []
        for order, entry in enumerate(entries):
            if entry.key.lower() in parents:
                continue
            publications.append(
                publication_from_fields(
                    entry.key,
                    entry.entry_type,
                    entry.fields,
                    entry.source,
                    field_lines=entry.field_lines,
                    order=order,
                    bibtex=clean_bibtex(entry, PRESENTATION_FIELDS),
                    problems=problems,
                )
            )
        return publications

    @staticmethod
    def _merge(bibtex: list[Publication], yaml: list[Publication], problems: list[Problem]) -> list[Publication]:
        """BibTeX entries first, then YAML ones; a key used in both keeps the BibTeX entry."""
        keys = {pub.key.lower(): pub for pub in bibtex}
        merged = list(bibtex)
        for offset, pub in enumerate(yaml):
            first = keys.get(pub.key.lower())
            if first is not None:
                problems.append(
                    Problem(
                        pub.source.path,
                        pub.source.line,
                        f"duplicate key '{pub.key}' (also at {first.source}); this entry is ignored",
                        "give each publication its own key",
                    )
                )
                continue
            keys[pub.key.lower()] = pub
            merged.append(replace(pub, order=len(bibtex) + offset))
        return merged
