"""The `mkdocs-academic` command: `check` your data, `import` another site's data, start a `new` site.

Exit codes: 0 success; 1 the data has problems (`check`) or nothing was written (`import`,
`new`: a file exists, use `--force`); 2 a usage error (argparse).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from .importers.common import ImportResult, place, report_markdown, write_files

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
SOURCES = ("al-folio", "academicpages", "hugo-blox", "jsonresume")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also used as `sys.exit(main())`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    return args.handler(args, parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-academic",
        description="Check the data of an academic homepage, import it from another site, or start a new site.",
        epilog="Exit codes: 0 success, 1 problems found or nothing written, 2 usage error.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="read every data file as the build does and list the problems",
        description="Read every data file of DATA_DIR as `mkdocs build` does, say how many entries of each kind "
        "were read, and print each problem with its file and line. Exit 1 when there is a problem.",
    )
    check.add_argument(
        "data_dir", nargs="?", default="data", metavar="DATA_DIR", help="the data folder (default: data)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.set_defaults(handler=run_check)

    importer = commands.add_parser(
        "import",
        help="convert the data of an al-folio, academicpages, Hugo Blox or JSON Resume site",
        description="Convert an existing site's data into mkdocs-academic data files. Everything that could not "
        "be mapped is listed in the report (printed, and written to IMPORT-REPORT.md in DATA_DIR). "
        "No file is overwritten without --force: when one exists, nothing is written.",
    )
    importer.add_argument("source", metavar="SOURCE_DIR", help="the folder of the site to import from")
    importer.add_argument("--from", dest="kind", required=True, choices=SOURCES, help="what kind of site SOURCE_DIR is")
    importer.add_argument(
        "--out", default="data", metavar="DATA_DIR", help="where to write the data files (default: data)"
    )
    importer.add_argument(
        "--docs",
        metavar="DOCS_DIR",
        help="where to write pages made from long posts (default: docs/ next to DATA_DIR)",
    )
    importer.add_argument(
        "--site",
        action="store_true",
        help="also write mkdocs.yml and pages showing every block next to DATA_DIR: a site that builds as it is",
    )
    importer.add_argument("--force", action="store_true", help="overwrite files that exist")
    importer.set_defaults(handler=run_import)

    new = commands.add_parser(
        "new",
        help="create a ready-to-edit starter site",
        description="Create a starter site in DIR: mkdocs.yml, data/ with a commented example of every file and "
        "field, home, publications, CV and news pages, requirements.txt and a GitHub Actions workflow "
        "(.github/workflows/publish.yml) that publishes it on GitHub Pages. It builds with `mkdocs build --strict`.",
    )
    new.add_argument("directory", metavar="DIR", help="the folder to create (it may exist if it is empty)")
    new.add_argument("--force", action="store_true", help="write into DIR even when files of the starter exist")
    new.set_defaults(handler=run_new)
    return parser


# --- check ----------------------------------------------------------------------------------------


def run_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .data.store import DataStore

    data_dir = Path(args.data_dir)
    store = DataStore(data_dir, display_root=Path.cwd())
    dataset = store.load()
    sections, section_notes = dataset.cv_sections()
    profile, profile_notes = dataset.owner_profile()
    counts = {
        "publications": len(dataset.publications),
        "news": len(dataset.news_items()),
        "cv_sections": len(sections),
        "cv_entries": sum(len(entries) for entries in sections.values()),
        "profile": int(profile is not None),
    }
    files = [store.display(path) for path in dataset.files]
    shown_dir = store.display(data_dir)
    problems = dataset.problems
    notes = [*section_notes.values(), *profile_notes]
    if args.format == "json":
        payload = {
            "data_dir": shown_dir,
            "files": files,
            "counts": counts,
            "problems": [
                {"path": item.path, "line": item.line, "message": item.message, "hint": item.hint} for item in problems
            ],
            "notes": notes,
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(f"Read {len(files)} file(s) in {shown_dir}: {', '.join(files) or 'none'}")
        print(
            f"  {counts['publications']} publications, {counts['news']} news items, "
            f"{counts['cv_entries']} CV entries in {counts['cv_sections']} sections, "
            f"{'a profile' if counts['profile'] else 'no profile'}"
        )
        for note in notes:
            print(f"note: {note}")
        for problem in problems:
            print(str(problem))
        print(f"{len(problems)} problem(s)" if problems else "No problems found.")
    return EXIT_PROBLEMS if problems else EXIT_OK


# --- import ---------------------------------------------------------------------------------------


def importers() -> dict[str, Callable[[Path], ImportResult]]:
    """The importer of each `--from` value."""
    from .importers.academicpages import import_academicpages
    from .importers.alfolio import import_alfolio
    from .importers.hugoblox import import_hugoblox
    from .importers.jsonresume import import_jsonresume

    return {
        "al-folio": import_alfolio,
        "academicpages": import_academicpages,
        "hugo-blox": import_hugoblox,
        "jsonresume": import_jsonresume,
    }


def run_import(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .importers.site import add_site

    source = Path(args.source)
    if not source.exists():
        parser.error(f"{source}: no such folder")
    result = importers()[args.kind](source)
    if not any(name.startswith("data/") for name in result.files):
        print(report_markdown(result, str(source), args.kind))
        print(f"Nothing to import from {source} as {args.kind}: is it the right folder and --from?", file=sys.stderr)
        return EXIT_PROBLEMS
    data_dir = Path(args.out)
    root = data_dir.parent
    docs_dir = Path(args.docs) if args.docs else root / "docs"
    if args.site:
        add_site(result)
    report = report_markdown(result, str(source), args.kind)
    result.files["data/IMPORT-REPORT.md"] = report
    files = place(result, data_dir=data_dir, docs_dir=docs_dir, root=root)
    try:
        written = write_files(files, force=args.force)
    except FileExistsError as error:
        print(f"Nothing written: these files exist already: {error}. Use --force to overwrite them.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(report)
    print("Wrote:")
    for path in written:
        print(f"  {path}")
    hint = f"cd {root} && mkdocs build --strict" if args.site else f"mkdocs-academic check {data_dir}"
    if result.todo:
        hint += "   (first the 'To do by hand' items above: --strict fails on a link to a file the site lacks)"
    print(f"Next: {hint}")
    return EXIT_OK


# --- new ------------------------------------------------------------------------------------------


#: Starter files stored under another name than they get in the new site: package data globs
#: skip dot-folders such as `.github`, so the workflow is shipped without the dot.
STARTER_RENAMES = {"github-workflow-publish.yml": ".github/workflows/publish.yml"}


def starter_files() -> dict[str, bytes]:
    """The starter site shipped with the package: relative path in the new site -> content."""
    folder = Path(str(resources.files("mkdocs_academic") / "starter"))
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = path.relative_to(folder).as_posix()
            files[STARTER_RENAMES.get(name, name)] = path.read_bytes()
    return files


def run_new(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    target = Path(args.directory)
    if target.exists() and not target.is_dir():
        parser.error(f"{target} exists and is not a folder")
    files: dict[Path, str | bytes] = {target / name: content for name, content in starter_files().items()}
    try:
        written = write_files(files, force=args.force)
    except FileExistsError as error:
        print(f"Nothing written: these files exist already: {error}. Use --force to overwrite them.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Created a starter site in {target} ({len(written)} files).")
    print(f"Next: cd {target} && mkdocs serve   (edit data/*.yml and data/publications.bib)")
    print(
        "Publish: push it to a GitHub repository and set Settings > Pages > Source to GitHub Actions; "
        ".github/workflows/publish.yml builds and deploys it at every push to main."
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
