"""Reading BibTeX files as found in the wild.

bibtexparser 2 splits the text into blocks (with `parse_stack=[]`, so values stay raw); this
package does what it does not: `@string` and month macros, `#` concatenation, crossref
inheritance, case-insensitive keys and field names, and it turns every oddity it silently
tolerates (duplicate keys and fields, a missing comma between fields, undefined macros, blocks
it could not parse) into a `Problem` with file and line.
Values keep their LaTeX: decoding is the caller's job (`latex.latex_to_unicode`).

Single file: `parse_bib_text` / `read_bib_file`. Several files whose macros refer to each
other (macros often live in a file of their own): `parse_bib_texts` / `read_bib_files`, which
first collect the `@string` definitions of all files and then expand each file. Then
`resolve_crossrefs` merges crossref parents into their children across all files. A cache
(`data/store.py`) uses the two halves on their own: `split_bib_file`, then `shared_macros`
and `expand_bib_file`.

The modules, in the order a file goes through them:

- `decoding`: bytes to text (encodings, line ends, front matter, control characters);
- `chunks`: the text cut at every line-start `@`, each chunk read by `fast_reader` (well-formed
  entries, without bibtexparser) or `bibtexparser_reader`; an edited text re-reads only the
  changed chunks. Both readers give `records`;
- `split`: records sorted into raw entries, `@string`s and problems (`diagnostics` words the
  messages for what bibtexparser tolerates or gives up on);
- `expand`: values expanded with `macros` (parsed by `values`) into `model.RawEntry`;
- `crossref`: parents merged into children; `writer`: entries written back as clean BibTeX;
- `files`: the entry points for whole files and texts.

Only the names below are the package's interface; the modules' other names are its own.
"""

from .crossref import PARENT_ONLY_TYPES, resolve_crossrefs
from .expand import expand_bib_file
from .files import parse_bib_text, parse_bib_texts, read_bib_file, read_bib_files
from .macros import MONTH_MACROS
from .model import BibFile, RawEntry
from .split import SplitBib, shared_macros, split_bib_file
from .writer import add_bibtex_field, clean_bibtex

__all__ = [
    "MONTH_MACROS",
    "PARENT_ONLY_TYPES",
    "BibFile",
    "RawEntry",
    "SplitBib",
    "add_bibtex_field",
    "clean_bibtex",
    "expand_bib_file",
    "parse_bib_text",
    "parse_bib_texts",
    "read_bib_file",
    "read_bib_files",
    "resolve_crossrefs",
    "shared_macros",
    "split_bib_file",
]
