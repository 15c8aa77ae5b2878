"""Load everything in the data directory into one `Dataset`, re-reading only changed files.

The store reads every `.bib` file and `publications.yml` (merged into one list of
publications), and the files of its loaders (`loaders.HOMEPAGE_LOADERS` by default: news, CV,
profile, JSON Resume), each into its own `Dataset` field.

A `DataStore` lives as long as the MkDocs plugin (across `mkdocs serve` rebuilds). Three caches
keep a rebuild cheap:

- each file's parse (for a `.bib` file: its split into blocks, the costly part) is kept by path,
  modification time and size, so only changed files are read again; a `.bib` file is split
  chunk by chunk, most chunks by the fast reader and only the odd ones by bibtexparser, and
  in a changed `.bib` file only the chunks around the change are read again (`split_bib_file`);
- each `.bib` file's expanded entries are kept while neither the file nor the `@string`
  macros of all files changed (in a changed file, the unchanged entries keep theirs);
- each `Publication` (LaTeX decoding, name parsing, the clean BibTeX) is kept with its
  expanded entry and reused while that entry is the same (text and lines), so editing one
  entry of a 5,000-entry file only redoes that entry.

When nothing changed, `load()` returns the very same `Dataset` object.

Under `mkdocs serve` (`keep_last_good`), a YAML or JSON data file that no longer parses (a
syntax error, often a save in the middle of an edit) keeps the data of its last version that
did, with the error still reported and saying so; a one-off build shows no data of that file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from functools import partial
from pathlib import Path
from typing import Any

from .bibtex import (
    PARENT_ONLY_TYPES,
    BibFile,
    RawEntry,
    SplitBib,
    clean_bibtex,
    expand_bib_file,
    resolve_crossrefs,
    shared_macros,
    split_bib_file,
)
from .dataset import Dataset
from .fields import PRESENTATION_FIELDS, publication_from_fields
from .loaders import HOMEPAGE_LOADERS, Loader, LoadFunction
from .models import Publication
from .problems import Problem
from .publications_yaml import load_yaml_publications
from .site_files import with_link_folders

PUBLICATION_YAML_NAMES = ("publications.yml", "publications.yaml")
#: Data files whose last good version `keep_last_good` keeps, and the problems that mean the
#: file as a whole could not be read (`yamlfile.parse_yaml`, `parse_json`, `read_text`).
STRUCTURED_SUFFIXES = (".yml", ".yaml", ".json")
UNREADABLE = ("YAML syntax error", "YAML error", "JSON syntax error", "the file is not UTF-8", "cannot read the file")


def _internal_error(path: str, line: int, what: str, error: Exception) -> Problem:
    """The message for an exception our loaders did not expect (a bug, never a user mistake)."""
    return Problem(
        path,
        line,
        f"internal error while reading {what or path}: {type(error).__name__}: {error}"[:300],
        "this is a bug in mkdocs-academic, not in your file: please report it with the file attached",
    )


def guarded(display_path: str, load: Callable[[], tuple[Any, list[Problem]]], empty: Any) -> tuple[Any, list[Problem]]:
    """`load()`, or (`empty`, [a Problem naming the file]) when it raises: a last resort only.

    The fuzz tests (tests/fuzz) show our loaders never need it; it keeps a bug in one data file
    from becoming a traceback that hides every other message.
    """
    try:
        return load()
    except Exception as error:  # noqa: BLE001 - turned into a message naming the file
        return empty, [_internal_error(display_path, 0, display_path, error)]


def _expand(split: SplitBib, macros: dict[str, tuple[str, int]], last: BibFile | None) -> tuple[BibFile, list[Problem]]:
    """`expand_bib_file` in the shape `guarded` calls (its problems are in the `BibFile`)."""
    return expand_bib_file(split, macros, last), []


class DataStore:
    """The data directory of one site, loaded on demand and cached file by file."""

    def __init__(
        self,
        data_dir: Path,
        display_root: Path | None = None,
        *,
        incremental: bool = True,
        loaders: tuple[Loader, ...] = HOMEPAGE_LOADERS,
        link_folders: tuple[str, str] = ("", ""),
        keep_last_good: bool = False,
    ) -> None:
        """`incremental=False` (a one-off `mkdocs build`) keeps only the loaded `Dataset`, not the
        per-file and per-entry caches that make a `mkdocs serve` rebuild cheap: they would hold
        a second copy of the data in memory for nothing. `loaders` read the files beside the
        publications (news, CV, profile, JSON Resume), each into its `Dataset` field.
        `link_folders` (the `pdf_dir` and `preview_dir` options) hold a publication's bare
        `pdf` and `preview` file names ("": the site root). `keep_last_good` (on under
        `mkdocs serve` only) keeps a YAML/JSON file's last data that could be read while the
        file does not parse: the page keeps its news while you type."""
        unknown = {loader.field for loader in loaders} - {item.name for item in dataclass_fields(Dataset)}
        if unknown:
            raise ValueError(f"loaders for fields Dataset does not have: {', '.join(sorted(unknown))}")
        self.data_dir = Path(data_dir)
        self.link_folders = link_folders
        self._loaders = {name: loader for loader in loaders for name in loader.file_names}
        self.display_root = display_root
        self.incremental = incremental
        self.keep_last_good = keep_last_good
        # YAML/JSON path -> the load result of its last version that parsed (keep_last_good)
        self._last_good: dict[Path, tuple[Any, list[Problem]]] = {}
        self._cache: dict[Path, tuple[tuple[int, int], Any]] = {}
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self._dataset: Dataset | None = None
        # .bib path -> (the split it was expanded from, the shared macros it was expanded with, result)
        self._expanded: dict[Path, tuple[SplitBib, dict[str, tuple[str, int]], BibFile]] = {}
        # entry key -> (the expanded entry, its Publication or None, the problems found); see `_publication`
        self._publications: dict[str, tuple[RawEntry, Publication | None, tuple[Problem, ...]]] = {}
        #: How many files were parsed (not served from the cache) since the store was made.
        self.parse_count = 0

    def display(self, path: Path) -> str:
        """A path as the user knows it: relative to `display_root` (the site's folder, or the
        current folder for `check`) when it is inside it, else absolute — never `../../…`."""
        if self.display_root is None:
            return str(path)
        full = Path(os.path.abspath(path))
        root = Path(os.path.abspath(self.display_root))
        if full == root or root in full.parents:
            return full.relative_to(root).as_posix()
        return str(full)

    def loader_for(self, file_name: str) -> Loader | None:
        """The loader that reads a file of this name (any case), or None."""
        return self._loaders.get(file_name.lower())

    def data_files(self) -> list[Path]:
        """The files this store reads, in a stable order."""
        if not self.data_dir.is_dir():
            return []
        names = set(PUBLICATION_YAML_NAMES) | set(self._loaders)
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
        if not self.incremental:
            self._cache.clear()
            self._expanded.clear()
            self._publications.clear()
        return self._dataset

    @staticmethod
    def _stat(path: Path) -> tuple[int, int]:
        try:
            stat = path.stat()
        except OSError:
            return (0, -1)
        return (stat.st_mtime_ns, stat.st_size)

    def _read(self, path: Path, load: LoadFunction, empty: Any) -> tuple[Any, list[Problem]]:
        """`load(path, display path)`, guarded (`guarded`) and cached by path, mtime and size;
        with `keep_last_good`, a YAML/JSON file that does not parse gives its last good data."""
        display = self.display(path)
        result: tuple[Any, list[Problem]] = self._cached(
            path, lambda: guarded(display, lambda: load(path, display), empty)
        )
        if not self.keep_last_good or path.suffix.lower() not in STRUCTURED_SUFFIXES:
            return result
        value, problems = result
        broken = [problem for problem in problems if problem.message.startswith(UNREADABLE)]
        if not broken:
            self._last_good[path] = result
            return result
        last = self._last_good.get(path)
        if last is None:
            return result
        note = "; the last version that could be read is shown until you fix it"
        return last[0], [problem._replace(message=problem.message + note) for problem in broken]

    def _cached(self, path: Path, parse: Callable[[], Any]) -> Any:
        stamp = self._stat(path)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = parse()
        self.parse_count += 1
        self._cache[path] = (stamp, value)
        return value

    def _last_split(self, path: Path) -> SplitBib | None:
        """The split of the file's previous version, if any: only its changed part is parsed again."""
        hit = self._cache.get(path)
        value = hit[1][0] if hit is not None and isinstance(hit[1], tuple) and hit[1] else None
        return value if isinstance(value, SplitBib) else None

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
        values: dict[str, Any] = {}  # Dataset field -> value
        for path in files:
            if path.suffix.lower() == ".bib":
                continue
            if path.name.lower() in PUBLICATION_YAML_NAMES:
                pubs, found = self._read(path, lambda p, d: load_yaml_publications(p, d, 0), [])
                yaml_publications.extend(pubs)
            else:
                loader = self._loaders[path.name.lower()]  # `data_files` lists only files with a loader
                values[loader.field], found = self._read(path, loader.load, loader.empty())
            problems.extend(found)
        publications, containers, aliases = self._publications_from_bibtex(bib_files, problems)
        publications = self._merge(publications, yaml_publications, problems)
        if any(self.link_folders):
            publications = [with_link_folders(pub, *self.link_folders) for pub in publications]
        problems.sort(key=lambda problem: (problem.path, problem.line, problem.message))
        self._last_good = {path: good for path, good in self._last_good.items() if path in files}
        return Dataset(
            publications=publications,
            problems=problems,
            files=files,
            containers=containers,
            aliases=aliases,
            **values,
        )

    def _read_bibtex(self, paths: list[Path]) -> list[BibFile]:
        """All .bib files, read together (macros of one file resolve in the others).

        Only changed files are split again (`_cached`); a file is expanded again when it
        changed or when the `@string` macros of all files changed (one file's macro may serve
        another). A file our code fails on becomes a Problem naming it (`guarded`).
        """
        splits: list[tuple[Path, str, SplitBib | None, list[Problem]]] = []
        for path in paths:
            split, found = self._read(path, lambda p, d: (split_bib_file(p, d, self._last_split(p)), []), None)
            splits.append((path, self.display(path), split, found))
        macros = shared_macros([split for _, _, split, _ in splits if split is not None])
        expanded: dict[Path, tuple[SplitBib, dict[str, tuple[str, int]], BibFile]] = {}
        bib_files: list[BibFile] = []
        for path, display, split, found in splits:
            if split is None:
                bib_files.append(BibFile(display, problems=list(found)))
                continue
            hit = self._expanded.get(path)
            if hit is None or hit[0] is not split or hit[1] != macros:
                last = hit[2] if hit is not None else None
                bib, errors = guarded(display, partial(_expand, split, macros, last), None)
                hit = (split, macros, bib if bib is not None else BibFile(display, problems=errors))
            expanded[path] = hit
            bib_files.append(hit[2])
        self._expanded = expanded
        return bib_files

    def _publications_from_bibtex(
        self, bib_files: list[BibFile], problems: list[Problem]
    ) -> tuple[list[Publication], list[Publication], dict[str, str]]:
        """The publications of the .bib files, the containers read only as crossref parents
        (not listed, but citable), and the biblatex aliases (`ids`, case-folded) -> keys."""
        for bib in bib_files:
            problems.extend(bib.problems)
        entries, parents, crossref_problems = resolve_crossrefs(bib_files)
        problems.extend(crossref_problems)
        publications: list[Publication] = []
        containers: list[Publication] = []
        aliases: dict[str, str] = {}
        previous, self._publications = self._publications, {}
        for order, entry in enumerate(entries):
            if "ids" in entry.fields:
                for alias in entry.fields["ids"].split(","):
                    if alias.strip():
                        aliases.setdefault(alias.strip().casefold(), entry.key)
            if entry.key in parents:  # the parent keys as written (resolve_crossrefs)
                # A container as a citation shows it: its own problems were never reported
                # (it is no publication of the list), and are not now.
                container = (
                    self._publication(entry, order, previous, []) if entry.entry_type in PARENT_ONLY_TYPES else None
                )
                if container is not None:
                    containers.append(container)
                continue
            publication = self._publication(entry, order, previous, problems)
            if publication is not None:
                publications.append(publication)
        return publications, containers, aliases

    def _publication(
        self,
        entry: RawEntry,
        order: int,
        previous: dict[str, tuple[RawEntry, Publication | None, tuple[Problem, ...]]],
        problems: list[Problem],
    ) -> Publication | None:
        """The `Publication` of an expanded entry, reused from the last load when the entry is
        the same, its lines included (so that its problems keep the right line numbers). An
        unchanged entry is usually the very same object (its expansion is kept), so the test
        is mostly an identity check and no copy of the fields is kept for it."""
        hit = previous.get(entry.key)
        if hit is None or not (hit[0] is entry or hit[0] == entry):
            found: list[Problem] = []
            publication: Publication | None = None
            try:
                publication = publication_from_fields(
                    entry.key,
                    entry.entry_type,
                    entry.fields,
                    entry.source,
                    field_lines=entry.field_lines,
                    order=order,
                    bibtex=clean_bibtex(entry, PRESENTATION_FIELDS),
                    problems=found,
                )
            except Exception as error:  # noqa: BLE001 - last resort: name the entry, keep building
                found.append(_internal_error(entry.source.path, entry.source.line, f"entry '{entry.key}'", error))
            hit = (entry, publication, tuple(found))
        elif hit[1] is not None and hit[1].order != order:
            hit = (entry, hit[1]._replace(order=order), hit[2])
        self._publications[entry.key] = hit
        problems.extend(hit[2])
        return hit[1]

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
            merged.append(pub._replace(order=len(bibtex) + offset))
        return merged
