"""The catalogue of every message mkdocs-academic prints in a build, and what to do about each.

One `Message` per kind of problem: what is wrong, the message as printed for an example input,
what to do. The documentation's Messages page is rendered from this catalogue
(`catalogue_markdown()`, called by docs/hooks.py), and the tests hold it to the code:
`tests/test_messages.py` reads every message text out of the source and checks that each is
one of the `templates` below; `tests/test_bad_input.py` builds each entry's example input and
checks that the printed message matches `example`. A new message or a changed wording therefore
fails a test until this catalogue says the same.

Templates are the code's message texts with `{}` for a value (`{}` matches any text, so one
template may cover the variants of a message). An example elides with `…`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: Where the docs' Messages page (docs/pages/messages.md) has the catalogue put in at build time:
#: the marker, and everything up to END_MARKER (a note for readers of the bare file), if present.
MARKER = "<!-- messages: the catalogue of mkdocs_academic/messages.py goes here -->"
END_MARKER = "<!-- /messages -->"

#: The sections of the catalogue, in the order of the Messages page: key -> heading.
SECTIONS: dict[str, str] = {
    "bibtex": "BibTeX files",
    "yaml": "YAML and JSON files",
    "links": "Links",
    "blocks": "Blocks on a page",
    "site": "Options and the site",
}


@dataclass(frozen=True)
class Message:
    """One kind of message: its id, what is wrong, what you see, what to do."""

    id: str
    section: str
    problem: str  # Markdown: what is wrong, with a short example of the bad input
    example: str  # the message printed for the example input (without "academic: "), `…` elides
    fix: str  # Markdown: what to do
    templates: tuple[str, ...]  # the message texts in the code, `{}` for a value
    note: str = ""  # Markdown after the example: variants, what is still shown
    level: Literal["warning", "info"] = "warning"


def _m(
    id: str,
    section: str,
    problem: str,
    example: str,
    fix: str,
    *templates: str,
    note: str = "",
    level: Literal["warning", "info"] = "warning",
) -> Message:
    return Message(id, section, problem, example, fix, templates, note, level)


MESSAGES: tuple[Message, ...] = (
    # ------------------------------------------------------------------------------- BibTeX
    _m(
        "unbalanced-braces",
        "bibtex",
        "a `{` without its `}`",
        "data/p.bib:7: could not read entry 'a' starting with '@article{a, title = {X {Y}, …': the '{' of field "
        "'title' on line 8 is never closed, so the entry runs on to line 12; it is ignored (add the missing '}' at "
        "the end of the value of 'title')",
        "close the brace on the line named",
        "could not read {} starting with '{}': the '{' of field '{}' on line {} is never closed, so the entry runs on "
        "to line {}; it is ignored",
        "unbalanced braces or quotes in field '{}' of entry '{}'",
    ),
    _m(
        "entry-not-closed",
        "bibtex",
        "the last entry has no final `}`",
        "data/p.bib:1: could not read entry 'a' …: the entry is not closed before the end of the file; it is ignored "
        "(check that every '{' and '\"' of the entry is closed and the entry ends with '}')",
        "add the `}`",
        "could not read {} starting with '{}': the entry is not closed before the end of the file; it is ignored",
        "could not read {} starting with '{}': the entry is not closed before the next '@' on line {}; it is ignored",
        note="an entry left open before the next `@`: `… is not closed before the next '@' on line 6 …`",
    ),
    _m(
        "no-comma-after-key",
        "bibtex",
        "`@article{a` and no comma after the key",
        "data/p.bib:1: could not read entry 'a' starting with '@article{a title =': no comma after the entry key; it "
        "is ignored (write the entry as `@type{key, field = {value}, ...}`)",
        "add the comma",
        "could not read {} starting with '{}': no comma after the entry key; it is ignored",
    ),
    _m(
        "field-without-equals",
        "bibtex",
        "`title {X},` (no `=`), or other text bibtexparser cannot read",
        "data/p.bib:1: could not read entry 'a' starting with '@article{a, title': a field without '=' (Expected a "
        "`=` after entry key, but found `{`); it is ignored (write each field as `name = {value},`)",
        "write `name = {value},`",
        "could not read {} starting with '{}': a field without '=' ({}); it is ignored",
        "could not read {} starting with '{}': invalid BibTeX ({}); it is ignored",
        note="anything else it cannot read: `… invalid BibTeX (…); it is ignored (check its braces, quotes and commas)`",
    ),
    _m(
        "extra-closing-brace",
        "bibtex",
        "`title = {X}},` ends the entry early",
        "data/p.bib:3: field 'author' comes after the end of entry 'a' and is ignored: an extra '}' closed the entry "
        "early (remove the extra '}' before it)",
        "remove the extra `}`",
        "field '{}' comes after the end of entry '{}' and is ignored: an extra '}' closed the entry early",
    ),
    _m(
        "missing-comma",
        "bibtex",
        "no comma between two fields",
        "data/p.bib:4: missing comma before field 'year' in entry 'a'? (add a comma after the previous field)",
        "add the comma",
        "missing comma before field '{}' in entry '{}'?",
        note="both fields are still read",
    ),
    _m(
        "text-after-value",
        "bibtex",
        "`year = {2020} xyz,`: text after a value",
        "data/p.bib:4: unexpected text 'xyz' after the value of field 'year' in entry 'a'; it is ignored (join the "
        "parts with # or put the whole value in braces)",
        "join the parts with `#` or brace the whole value",
        "unexpected text '{}' after the value of field '{}' in entry '{}'; it is ignored",
    ),
    _m(
        "invalid-field-name",
        "bibtex",
        "`my field = {x},`: a field name BibTeX does not allow",
        "data/p.bib:5: invalid field name 'my field' in entry 'a'; the field is ignored (check the commas and braces "
        "before it)",
        "write one word as the name; check the commas and braces before it",
        "invalid field name '{}' in entry '{}'; the field is ignored",
    ),
    _m(
        "entry-without-key",
        "bibtex",
        "`@article{,` (no citation key)",
        "data/p.bib:1: @article entry without a key; it is shown with the key 'a2020' (add a citation key after "
        "'@article{')",
        "add a key",
        "@{} entry without a key; it is shown with the key '{}'",
    ),
    _m(
        "read-as-comment",
        "bibtex",
        "`@commentary{…}`, a block that bibtexparser reads as a comment",
        "data/p.bib:7: '@commentary' is read as a comment and ignored (fix the entry type, or write @comment{...})",
        "fix the entry type",
        "'@{}' is read as a comment and ignored",
    ),
    _m(
        "not-an-entry",
        "bibtex",
        "a line starting with `@` that starts no entry",
        "data/p.bib:7: '@ not an entry' does not start an entry; it is ignored (write an entry as @type{key, field = "
        "{value}, ...} with '@type{' on one line)",
        "write `@type{key,` on one line, or remove the `@`",
        "'{}' does not start an entry; it is ignored",
    ),
    _m(
        "duplicate-key",
        "bibtex",
        "two entries with one key (any case)",
        "data/p.bib:7: duplicate key 'good' (first at line 1); the second entry is ignored (rename one of them)",
        "rename one",
        "duplicate key '{}' (first at line {}); the second entry is ignored",
        "duplicate key '{}' (first at line {}); this entry is ignored",
    ),
    _m(
        "duplicate-key-across-files",
        "bibtex",
        "one key in two files of `data/` (`.bib` or `publications.yml`)",
        "data/b.bib:1: duplicate key 'good' (first at data/a.bib:1); this entry is ignored (rename one of them)",
        "rename one",
        "duplicate key '{}' (first at {}); this entry is ignored",
        "duplicate key '{}' (also at {}); this entry is ignored",
    ),
    _m(
        "duplicate-field",
        "bibtex",
        "a field written twice in an entry",
        "data/p.bib:5: duplicate field 'title' in entry 'a' (first at line 2); the first value is kept (remove one of "
        "them)",
        "remove one",
        "duplicate field '{}' in entry '{}' (first at line {}); the first value is kept",
    ),
    _m(
        "undefined-macro",
        "bibtex",
        "`journal = jacm` with no `@string{jacm = …}`",
        "data/p.bib:4: undefined macro 'jacm' in field 'journal' of entry 'a' (define it with @string or put the "
        "value in braces)",
        "define it (in any `.bib` of `data/`) or brace the value",
        "undefined macro '{}' in field '{}' of entry '{}'",
        "undefined macro '{}' in @string '{}'",
        note="in a `@string`: `undefined macro 'foo' in @string 'jacm'`",
    ),
    _m(
        "string-used-above-its-definition",
        "bibtex",
        "`journal = jacm` above the `@string{jacm = …}` of the same file",
        "data/p.bib:4: macro 'jacm' in field 'journal' of entry 'a' is used above its @string on line 7; BibTeX and "
        "biber leave it undefined here (move the @string above the entries that use it)",
        "move the `@string` up (or into a file of its own). The value is still shown, expanded",
        "macro '{}' in field '{}' of entry '{}' is used above its @string on line {}; BibTeX and biber leave it "
        "undefined here",
    ),
    _m(
        "preamble-not-quoted",
        "bibtex",
        r"`@preamble{ \newcommand{\mnras}{…} }`, its text not in quotes",
        r"data/p.bib:1: @preamble{\newcommand{\x}{y}} is not quoted; BibTeX and biber cannot read it (write its "
        r'text in quotes: @preamble{"\newcommand{\x}{…}"})',
        "put the text in quotes, so LaTeX gets the definitions too (the plugin reads them either way)",
        "@preamble{{{}}} is not quoted; BibTeX and biber cannot read it",
    ),
    _m(
        "string-read-as-string",
        "bibtex",
        "`@strings{…}`, read as `@string`",
        "data/p.bib:1: '@strings' is read as @string 'jacm' (write @string{name = {value}}, or fix the entry type)",
        "write `@string`",
        "'@{}' is read as @string '{}'",
    ),
    _m(
        "string-redefined",
        "bibtex",
        "one `@string` defined twice with different values",
        "data/p.bib:2: @string 'jacm' is defined again with another value (first at line 1); the last definition is "
        "used (remove one of the definitions)",
        "remove one",
        "@string '{}' is defined again with another value (first at line {}); the last definition is used",
    ),
    _m(
        "dangling-crossref",
        "bibtex",
        "`crossref = {conf}` and no entry `conf`",
        "data/p.bib:5: crossref 'conf' not found (add the parent entry or remove the field)",
        "add the parent",
        "crossref '{}' not found",
    ),
    _m(
        "dangling-xdata",
        "bibtex",
        "`xdata = {acm}` and no entry `acm`",
        "data/p.bib:5: xdata 'acm' not found (add the @xdata entry or remove the key from the field)",
        "add the `@xdata` entry",
        "xdata '{}' not found",
    ),
    _m(
        "dangling-xref",
        "bibtex",
        "`xref = {conf}` or `@set{s, entryset = {a, b}}` naming no entry (nor an `ids` alias), as biber warns",
        "data/p.bib:5: xref 'conf' not found (add the entry it names or remove the field)",
        "add the entry, or remove the key",
        "xref '{}' not found",
        "entryset member '{}' not found",
        note="for a set: `entryset member 'b' not found (add the member entry or remove its key from the field)`",
    ),
    _m(
        "unknown-entry-type",
        "bibtex",
        "`@artcle{…}`",
        "data/p.bib:1: entry 'a': unknown entry type '@artcle'; shown as @misc (use a standard type such as @article, "
        "@inproceedings or @misc)",
        "fix the type",
        "unknown entry type '@{}'; shown as @misc",
    ),
    _m(
        "missing-title",
        "bibtex",
        "no `title`",
        "data/p.bib:1: entry 'a': missing title (add a title field)",
        "add it",
        "missing title",
        note="shown with its key as title",
    ),
    _m(
        "missing-author",
        "bibtex",
        "no `author` (or `editor`), except `@misc`, `@online`, `@manual`, `@booklet`, `@proceedings`",
        "data/p.bib:1: entry 'a': missing author (add an author field: …)",
        "add it",
        "missing author",
    ),
    _m(
        "missing-year",
        "bibtex",
        "no `year`, `date` or status, except `@misc`, `@online`, `@unpublished`, `@manual`, `@booklet`",
        "data/p.bib:1: entry 'a': missing year (add `year = {2024}`, or a `status` such as `submitted`)",
        "add one",
        "missing year",
    ),
    _m(
        "malformed-name-list",
        "bibtex",
        "names separated by commas (or `;`) instead of `and`, more than two commas in a name",
        "data/p.bib:3: entry 'a': malformed name list in field 'author': names separated by commas in 'Ada Lovelace, "
        "Charles Babbage, Mary Somerville' (separate names with ' and ': …)",
        "join names with ` and `",
        "malformed name list in field '{}': names separated by commas in '{}'",
        "malformed name list in field '{}': names separated by ';' in '{}'",
        "malformed name list in field '{}': too many commas in the name '{}'",
        "malformed name list in field '{}': an empty part in the name '{}'",
        "malformed name list in field '{}': {}",
    ),
    _m(
        "suffix-last",
        "bibtex",
        "`author = {Fulton, James E., Jr.}` (EndNote)",
        "data/p.bib:3: entry 'a': malformed name list in field 'author': the suffix 'Jr.' is written last in 'Fulton, "
        "James E., Jr.', where BibTeX reads it as the first name; write `Fulton, Jr., James E.` (von Last, Jr, First) "
        "(…)",
        'write the suffix second. Stricter than BibTeX, which prints "Jr. Fulton, James E." without a word; the name '
        "is shown as meant meanwhile",
        "malformed name list in field '{}': the suffix '{}' is written last in '{}', where BibTeX reads it as the "
        "first name; write `{}, {}, {}` (von Last, Jr, First)",
    ),
    _m(
        "trailing-and",
        "bibtex",
        "`author = {Lovelace, Ada and}` (doubled, leading or trailing `and`)",
        "data/p.bib:3: entry 'a': malformed name list in field 'author': an empty name (a doubled, leading or "
        "trailing 'and') (…)",
        "remove the stray `and`",
        "malformed name list in field '{}': an empty name (a doubled, leading or trailing 'and')",
    ),
    _m(
        "unknown-latex-command",
        "bibtex",
        r"`title = {Software\weirddash Practice}`",
        r"data/p.bib:2: entry 'a': unknown LaTeX command '\weirddash' in field 'title'; it is left out (write the "
        r"character itself (UTF-8), or a standard LaTeX command …)",
        "write the character itself, or a standard command; define a macro of your own without arguments in the "
        "file's `@preamble` (`\\newcommand{\\ATSI}{…}`), braces around it do not help. BibTeX copies any command to "
        "LaTeX, which stops at an undefined one; here it is left out (its argument kept, the words around it apart), "
        "see [LaTeX commands](data/bibtex.md#latex-commands-the-plugin-does-not-know)",
        "unknown LaTeX command '\\{}' in field '{}'; it is left out",
    ),
    _m(
        "bad-year",
        "bibtex",
        "`year = {20x0}` (not `1995--1996`, `199X`, `-380` or `2024b`, which BibTeX prints)",
        "data/p.bib:4: entry 'a': year '20x0' is not a year (write a four-digit year, e.g. `year = {2024}`)",
        "fix it (`in press`, `submitted`… are accepted)",
        "year '{}' is not a year",
    ),
    _m(
        "bad-date",
        "bibtex",
        "`date = {2020-13-45}` (what biber rejects; EDTF seasons, `199X` and open ranges are dates)",
        "data/p.bib:4: entry 'a': date '2020-13-45' is not a date (write it as YYYY, YYYY-MM or YYYY-MM-DD)",
        "fix it",
        "date '{}' is not a date",
    ),
    _m(
        "bad-month",
        "bibtex",
        "`month = {Smarch}`",
        "data/p.bib:5: entry 'a': month 'Smarch' is not a month (write `month = may` or `month = {5}`)",
        "fix it",
        "month '{}' is not a month",
    ),
    _m(
        "doi-not-a-doi",
        "bibtex",
        "`doi` holds another address (a handle `http://hdl.handle.net/…`) or text that is not a DOI",
        "data/p.bib:5: entry 'a': field 'doi' holds the address 'http://hdl.handle.net/1/2', not a DOI; it is shown "
        "as a link of its own (put a DOI (`10.1234/abc`) in `doi` and other addresses in `url`)",
        "move the address to `url`; write the DOI as `10.1234/abc`",
        "field 'doi' holds the address '{}', not a DOI; it is shown as a link of its own",
        "field 'doi' holds '{}', which is not a DOI; it is left out",
        note="text that is no address: `… which is not a DOI; it is left out`",
    ),
    _m(
        "link-field-text",
        "bibtex",
        "a link field (`html`, `pdf`, `code`, …) holds words, not an address or a file",
        "data/p.bib:5: entry 'a': field 'html' holds 'Proceedings of X', which is not an address or a file; it is "
        "left out (give `html` a URL (`https://…`) or a file of the site, or remove it)",
        "put the URL there, or remove the field",
        "field '{}' holds '{}', which is not an address or a file; it is left out",
        note="the venue is still shown",
    ),
    _m(
        "empty-bib",
        "bibtex",
        "an empty `.bib` (or one of `%` comment lines only)",
        "data/p.bib: the file is empty (add entries such as @article{key, title = {...}, ...} or delete the file)",
        "add entries or delete it",
        "the file is empty",
    ),
    _m(
        "no-entries-bib",
        "bibtex",
        "a `.bib` with no entry (and no `@string`)",
        "data/p.bib: the file holds no BibTeX entry (…)",
        "as above",
        "the file holds no BibTeX entry",
    ),
    _m(
        "bib-not-utf8",
        "bibtex",
        "a Latin-1 / Windows-1252 `.bib`",
        "data/p.bib:2: the file is not UTF-8; it was read as Windows-1252 (Latin-1), so some characters may be wrong "
        "(save the file as UTF-8)",
        "save as UTF-8",
        "the file is not UTF-8; it was read as Windows-1252 (Latin-1), so some characters may be wrong",
    ),
    _m(
        "bib-utf16",
        "bibtex",
        "a UTF-16 `.bib` (as Windows tools save it)",
        "data/p.bib: the file is UTF-16; it was read as such (save the file as UTF-8)",
        "save as UTF-8",
        "the file is UTF-16; it was read as such",
    ),
    _m(
        "nul-bytes",
        "bibtex",
        "NUL or other control characters",
        "data/p.bib:2: the file contains 1 control character(s) such as U+0000; they are removed (save the file as "
        "plain UTF-8 text; a NUL byte often means a UTF-16 or binary file)",
        "re-save as text",
        "the file contains {} control character(s) such as U+{}; they are removed",
    ),
    _m(
        "unreadable-file",
        "bibtex",
        "a data file the build may not read (permissions, a broken link)",
        "data/p.bib: cannot read the file: Permission denied",
        "fix the file's permissions",
        "cannot read the file: {}",
    ),
    # --------------------------------------------------------------------------- YAML, JSON
    _m(
        "yaml-syntax",
        "yaml",
        "a colon in unquoted YAML text",
        "data/news.yml:2: YAML syntax error: mapping values are not allowed here (put text that contains ': ' or ends "
        "with ':' (such as an emoji :tada:) in quotes)",
        "quote the text",
        "YAML syntax error: {}",
        "YAML error: {}",
    ),
    _m(
        "yaml-unclosed-bracket",
        "yaml",
        "`[A` never closed",
        "data/publications.yml:3: YAML syntax error: expected ',' or ']', but got ':' (check indentation, colons and "
        "quotes on this line)",
        "close it",
        "YAML syntax error: {}",
    ),
    _m(
        "yaml-bad-character",
        "yaml",
        "an invisible control character in a YAML file",
        "data/news.yml:2: YAML syntax error: the character U+0007 is not allowed (save the file as plain UTF-8 text "
        "and remove the invisible character)",
        "remove it",
        "YAML syntax error: the character U+{} is not allowed",
        "YAML syntax error: invalid character",
    ),
    _m(
        "yaml-wrong-type",
        "yaml",
        "a list where text is expected (or text where a list, `true`/`false` or a mapping is)",
        "data/news.yml:2: news item: field 'text' must be text, not a list (write `text: ...` on one line; put text "
        "with a colon in quotes)",
        "write the value as the field wants it",
        "field '{}' must be text, not {}",
        "field '{}': each item must be text, not {}",
        "field '{}' must be a list of texts, not {}",
        "field '{}' must be true or false, not {}",
        "field '{}' must be a list of topics, not {}",
        "field '{}': an interest is a text or `{name: ..., url: ...}`, not {}",
        "field '{}': a person is a name or `{name: ..., url: ...}`",
        "field '{}': each link is `{label: ..., url: ...}`",
        "link '{}' must be an address, not {}",
        "field '{}' must be a mapping of name: address",
        "field 'items': each item must be text or a sub-group `{title: ..., items: [...]}`",
        "field 'groups' must be a list of sub-groups; it is not shown",
        "{}: a sub-group must be a mapping (`- title: ...` with `items: [...]`); it is not shown",
    ),
    _m(
        "yaml-wrong-type-publication",
        "yaml",
        "the same in publications.yml",
        "data/publications.yml:1: entry '…': field 'title' must be text, not a list; it is left out (…)",
        "as above",
        "field '{}' must be text, not a list; it is left out",
        "field '{}' must be text, not a mapping; it is left out",
    ),
    _m(
        "yaml-top-level-wrong",
        "yaml",
        "a section that is not a list (or a file or entry of the wrong shape)",
        "data/cv.yml:1: section 'education' must be a list of entries (start each entry with `- title: ...` on its "
        "own line)",
        "make it a list",
        "section '{}' must be a list of entries",
        "expected sections: `education:`, `positions:`, ... each with a list of entries",
        "{}: an entry must be a mapping of fields; it is not shown",
        "a news item must be a mapping",
        "expected a mapping: `name: ...`, `position: ...`",
        "expected a list of publications",
        "a publication must be a mapping of fields",
        "expected a list of {}",
        "'{}' must be a list",
        "{}: each entry must be an object",
    ),
    _m(
        "json-resume-not-an-object",
        "yaml",
        "a `resume.json` that is not a JSON object",
        'data/resume.json:1: expected a JSON Resume object `{"basics": ..., "work": ...}`',
        "start from the JSON Resume schema",
        'expected a JSON Resume object `{"basics": ..., "work": ...}`',
    ),
    _m(
        "yaml-unknown-field",
        "yaml",
        "a misspelt field",
        "data/news.yml:2: news item: unknown field 'txt'; it is not shown (did you mean 'text'?)",
        "fix the name",
        "unknown field '{}'; it is not shown",
        "{}: unknown field '{}'; it is not shown",
        "basics: unknown field '{}'; it is not shown",
    ),
    _m(
        "yaml-unknown-publication-field",
        "yaml",
        "the same in publications.yml",
        "data/publications.yml:3: unknown field 'yeer' (did you mean 'year'?)",
        "fix the name",
        "unknown field '{}'",
    ),
    _m(
        "json-resume-unknown-section",
        "yaml",
        "a misspelt section of `resume.json`",
        "data/resume.json:1: unknown JSON Resume section 'wrk' (did you mean 'work'?)",
        "fix the name",
        "unknown JSON Resume section '{}'",
    ),
    _m(
        "yaml-duplicate-field",
        "yaml",
        "a field (or a CV section) written twice",
        "data/news.yml:3: news item: field 'text' is written twice; the last one is used (keep one of them)",
        "keep one",
        "field '{}' is written twice; the last one is used",
        "field '{}' is written twice",
        "section '{}' is written twice; only the last one is used",
    ),
    _m(
        "yaml-missing-field",
        "yaml",
        "a required field left out (`text` of a news item, `name` of the profile, …)",
        "data/news.yml:1: news item: missing required field 'text' (add `text: ...`)",
        "add it",
        "missing required field '{}'",
        "basics: missing 'name'; the profile is not shown",
        "basics.profiles: '{}' has no url; it is not shown",
    ),
    _m(
        "yaml-bad-date",
        "yaml",
        "`date: someday`",
        "data/news.yml:1: news item: field 'date': 'someday' is not a date (write 2024-05-17, 2024-05, May 2024 or "
        "2024)",
        "fix it",
        "field '{}': '{}' is not a date",
        "field '{}': '{}' is not a date or a date range",
        "{}: '{}' '{}' is not a date",
    ),
    _m(
        "yaml-date-range",
        "yaml",
        "an `end` before its `start`, `end: present` with no start, or both `year` and `start`",
        "data/cv.yml:4: education: 'end' (2020) is before 'start' (2022) (swap them)",
        "fix the dates",
        "'{}' ({}) is before '{}' ({})",
        "'{}: present' needs a '{}' date",
        "write either '{}' or '{}'/'{}', not both",
    ),
    _m(
        "cv-section-in-two-files",
        "yaml",
        "a CV section both in `cv.yml` and in `resume.json`",
        "index.md:1: /// experience: section 'education' is in both data/cv.yml and data/resume.json; the one from "
        "data/cv.yml is shown",
        "keep the section in one file",
        "section '{}' is in both {} and {}; the one from {} is shown",
    ),
    _m(
        "profile-in-two-files",
        "yaml",
        "a profile both in `profile.yml` and in `resume.json`'s `basics`",
        "index.md:1: /// profile: data/profile.yml and data/resume.json both hold a profile; data/profile.yml is shown",
        "keep one",
        "{} and {} both hold a profile; {} is shown",
    ),
    _m(
        "cv-too-deep",
        "yaml",
        "CV groups (`items:` inside `items:`) more than three levels deep",
        "data/cv.yml:10: skills: A: B: C: D: groups nest at most 3 levels deep; deeper ones are not shown (move them "
        "up a level)",
        "move them up a level",
        "{}: groups nest at most {} levels deep; deeper ones are not shown",
    ),
    _m(
        "bad-email",
        "yaml",
        "`email: ada-at-example`",
        "data/profile.yml:2: profile: 'ada-at-example' is not an email address (write `email: you@example.org`)",
        "fix it",
        "'{}' is not an email address",
    ),
    _m(
        "news-bad-id",
        "yaml",
        "a news `id:` that cannot be an element id (`id: a b`)",
        "data/news.yml:3: news item: field 'id': 'a b' cannot be an element id; the automatic id is used (…)",
        "use lower-case letters, digits, `-` and `_`",
        "field 'id': '{}' cannot be an element id; the automatic id is used",
    ),
    _m(
        "news-duplicate-id",
        "yaml",
        "two news items with one `id:`",
        "data/news.yml:4: news item: id 'x' is also the id of the item at line 1; this one gets 'x-2' (give each item "
        "its own `id:`)",
        "give each its own id",
        "news item: id '{}' is also the id of the item at line {}; this one gets '{}-{}'",
    ),
    _m(
        "yaml-empty",
        "yaml",
        "an empty YAML file",
        "data/news.yml: the file is empty (add data or delete the file)",
        "add data or delete it",
        "the file is empty",
    ),
    _m(
        "yaml-only-comments",
        "yaml",
        "a YAML file of comments only",
        "data/news.yml: the file holds no data, only comments (add data or delete the file)",
        "as above",
        "the file holds no data, only comments",
    ),
    _m(
        "yaml-not-utf8",
        "yaml",
        "a YAML file that is not UTF-8",
        "data/news.yml:2: the file is not UTF-8 text (save it as UTF-8 in your editor)",
        "save as UTF-8",
        "the file is not UTF-8 text",
    ),
    _m(
        "json-syntax",
        "yaml",
        "invalid `resume.json`",
        "data/resume.json:1: JSON syntax error: Expecting property name enclosed in double quotes (check commas, "
        "quotes and brackets)",
        "fix the JSON",
        "JSON syntax error: {}",
    ),
    # -------------------------------------------------------------------------------- links
    _m(
        "unsafe-link",
        "links",
        "a link that is not http(s), mailto or a relative path (`javascript:`, `data:`, `vbscript:`, also written "
        "`JaVaScRiPt:`, `&#106;avascript:`, `java<TAB>script:`) in a link field or inside Markdown",
        "data/p.bib:5: entry 'a': link 'javascript:alert(1)' in field 'pdf' is not http(s), mailto or a relative "
        "path; it is left out (link to an https:// address or a file of the site)",
        "link to `https://…` or a site file",
        "link '{}' in field '{}' is not http(s), mailto or a relative path; it is left out",
        "field '{}': link '{}' is not http(s), mailto or a relative path; it is left out",
        "{}: link '{}' is not http(s); left out",
    ),
    _m(
        "unsafe-image",
        "links",
        "`preview = {javascript:…}`: an image that is not http(s) or a relative path",
        "data/p.bib:5: entry 'a': image 'javascript:x' in field 'preview' is not http(s) or a relative path; it is "
        "left out (point to an image file of the site or an https:// address)",
        "point to an image file or an `https://` address",
        "image '{}' in field 'preview' is not http(s) or a relative path; it is left out",
    ),
    _m(
        "placeholder-link",
        "links",
        'a placeholder link `#` (`url: "#"`, `pdf = {#}`, `links: {paper: "#"}`) or an empty `links:` address',
        "data/news.yml:3: news item: field 'url': placeholder link '#': give the real URL or remove it (a link to "
        "nowhere is left out)",
        "give the address or remove the line",
        "field '{}': placeholder link '{}': give the real URL or remove it",
        "field '{}' ('{}'): placeholder link '{}': give the real URL or remove it",
        "field '{}': empty link: give the real URL or remove it",
        "field '{}' ('{}'): empty link: give the real URL or remove it",
        note="in publications: `entry 'k': field 'links' ('paper'): placeholder link '#': …`, "
        "`field 'links': empty link: …`",
    ),
    _m(
        "dead-site-link",
        "links",
        "a site path to a file or page the site does not have (MkDocs only: the Markdown extension alone has no list "
        "of the site's files and does not check)",
        "data/p.bib:5: field 'pdf': link 'assets/pdf/x.pdf' is not a file of the site; the link is dead (put the file "
        "at docs/assets/pdf/x.pdf, or correct the path (it starts at the site root); a bare file name in `pdf` is "
        "looked up in `pdf_dir`)",
        "add the file under `docs_dir`, fix the path, or set `pdf_dir` / `preview_dir`; link a page by its URL "
        "(`cv/`), not its source (`cv.md`)",
        "field '{}': link '{}' is not a file of the site; the link is dead",
        "field '{}': link '{}' is not a file or page of the site; the link is dead",
    ),
    # ------------------------------------------------------------------------------- blocks
    _m(
        "missing-news-file",
        "blocks",
        "`/// news` without `news.yml`",
        "index.md:1: /// news: no news file: add news.yml to the data directory (…)",
        "add the file",
        "no news file: add news.yml to the data directory (`- date: 2024-05` / `text: ...`)",
    ),
    _m(
        "no-publications",
        "blocks",
        "`/// publications` and no `.bib` (nor `publications.yml`) in `data/`",
        "index.md:1: /// publications: no publications in the data: add your .bib file (or a publications.yml) to "
        "the data directory",
        "add your `.bib`",
        "no publications in the data: add your .bib file (or a publications.yml) to the data directory",
    ),
    _m(
        "missing-cv-file",
        "blocks",
        "`/// experience` without `cv.yml` / `resume.json`",
        "index.md:1: /// experience: no CV file: add cv.yml (or a JSON Resume resume.json) to the data directory",
        "add the file",
        "no CV file: add cv.yml (or a JSON Resume resume.json) to the data directory",
    ),
    _m(
        "missing-profile-file",
        "blocks",
        "`/// profile` without `profile.yml` (or `basics` in `resume.json`)",
        "index.md:1: /// profile: no profile: add profile.yml (or `basics` in resume.json) to the data directory",
        "add the file",
        "no profile: add profile.yml (or `basics` in resume.json) to the data directory",
    ),
    _m(
        "missing-data-dir",
        "blocks",
        "no `data/` folder",
        "data: the data directory does not exist (create it and put your .bib and .yml files there, or set "
        "`data_dir` in mkdocs.yml)",
        "create it",
        "the data directory does not exist",
    ),
    _m(
        "unknown-key-in-block",
        "blocks",
        "`keys: [godo]` not in the data",
        "index.md:1: /// publications: key 'godo' is not in the data (did you mean 'good'?)",
        "fix the key",
        "key '{}' is not in the data ({})",
    ),
    _m(
        "unknown-citation-key",
        "blocks",
        "a citation `[@godo]` whose key is not in the data",
        "index.md:3: citation [@godo]: key 'godo' is not in the data (did you mean 'good'?); left as written",
        "fix the key, or add the entry to your `.bib`; `@word` in running text is never a warning (it is a "
        "citation only when `word` is a key), so write `[@key]` when a missing key must not go unnoticed",
        "{}citation {}: key '{}' is not in the data ({}); left as written",
        note="the whole bracket stays as written, the other keys in it too",
    ),
    _m(
        "bad-citation-style",
        "blocks",
        "a page's front matter `citation_style: harvard`",
        "index.md:2: front matter citation_style: expected one of numeric, author-year, got 'harvard'",
        "write `numeric` or `author-year` (the page then takes the site's `citation_style`)",
        "{}front matter citation_style: {}",
    ),
    _m(
        "second-bibliography",
        "blocks",
        "a second `/// bibliography` (or `\\bibliography`) on a page",
        "index.md:6: /// bibliography: a page has one bibliography (the first); this one stays empty",
        "keep one: the page's references are all in the first",
        "a page has one bibliography (the first); this one stays empty",
        "{}{}: the page has a bibliography already; this one is left out",
    ),
    _m(
        "bibliography-not-supported",
        "blocks",
        "a `bibliography` block under a host that has no citations in prose",
        "index.rst:4: bibliography: citations and bibliographies are not supported by this host yet; the block "
        "stays empty",
        "use the block with MkDocs or the Markdown extension (Zensical)",
        "citations and bibliographies are not supported by this host yet; the block stays empty",
    ),
    _m(
        "missing-publication-key",
        "blocks",
        "`/// publication` without its `key:`",
        "index.md:1: /// publication: option 'key' is missing (write `    key: yourkey2024` under the header)",
        "add the key",
        "option 'key' is missing (write `    key: yourkey2024` under the header)",
    ),
    _m(
        "unknown-block-option",
        "blocks",
        "`selectd: true`",
        "index.md:1: /// publications: unknown option 'selectd' (did you mean 'selected'?)",
        "fix the option",
        "unknown option '{}' ({})",
    ),
    _m(
        "bad-option-value",
        "blocks",
        "`group_by: decade`",
        "index.md:1: /// publications: option 'group_by': expected one of year, type, none, got 'decade'",
        "use an allowed value",
        "expected one of {}, got {}",
        "expected true or false, got {}",
        "expected a whole number of at least {}, got {}",
        "expected a heading level from 1 to 6 or 'auto', got {}",
        "expected a name or a list of names, got {}",
        "expected a year (2024) or a range (2019-2021, 2019-, -2015), got {}",
        "unknown type {}; use an entry type (article, inproceedings, ...) or a category ({})",
        "expected a date such as 2024, 2024-06 or Jun 2024, got {}",
        "expected one BibTeX key, got {}",
        "expected a path inside the site, got {}",
        "expected a text, got {}",
    ),
    _m(
        "option-given-twice",
        "blocks",
        "one option written twice, under two spellings (`group_by:` and `group:`)",
        "index.md:1: /// publications: option 'group_by' is given twice (as 'group_by' and 'group'); the last one is "
        "used",
        "keep one",
        "option '{}' is given twice (as '{}' and '{}'); the last one is used",
    ),
    _m(
        "bad-block-header",
        "blocks",
        "options that are not valid YAML",
        "index.md:1: /// publications was left as text: its header is not valid. Options go on the lines right under "
        "the header, indented 4 spaces, as YAML …",
        "fix the options",
        "{}/// {} was left as text: its header is not valid. Options go on the lines right under the header, indented "
        "4 spaces, as YAML (`    selected: true`); an argument goes after a bar (`/// experience | education`).",
    ),
    _m(
        "block-takes-no-argument",
        "blocks",
        "`/// news | all`",
        "index.md:1: /// news: takes no argument (got 'all'); use options such as `limit: 5`",
        "use options",
        "takes no argument (got '{}'); use options such as `limit: 5`",
    ),
    _m(
        "unknown-section",
        "blocks",
        "`/// experience | educaton`",
        "index.md:1: /// experience: no CV section 'educaton' (did you mean 'education'?)",
        "fix the name",
        "no CV section '{}' ({})",
    ),
    _m(
        "unknown-tag",
        "blocks",
        "`tag: talk` and no news item has that tag",
        "index.md:1: /// news: no news item has the tag 'talk' (no news item has tags)",
        "fix the tag, or add it to items (`tags: [talk]`)",
        "no news item has the tag '{}' ({})",
    ),
    _m(
        "text-in-block",
        "blocks",
        "Markdown text between a block's header and its closing `///`",
        "index.md:1: /// publications: text inside the block is ignored; put it before or after the block",
        "move the text out",
        "text inside the block is ignored; put it before or after the block",
    ),
    _m(
        "misspelt-block",
        "blocks",
        "`/// publicatons`",
        "index.md:1: /// publicatons is not a block of mkdocs-academic (did you mean 'publications'?)",
        "fix the name",
        "{}/// {} is not a block of mkdocs-academic ({})",
    ),
    # ------------------------------------------------------------------------ options, site
    _m(
        "bad-site-option",
        "site",
        "a bad value of a plugin option (`max_authors: -1`)",
        "Config value 'plugins': Plugin 'academic' option 'max_authors': expected a whole number of at least 0, got -1",
        "use an allowed value ([Plugin options](options.md))",
        "expected a whole number of at least {}, got {}",
        "expected the path of a folder, got {}",
        "expected a list of folder paths, got {}",
        "'{}' is not an existing folder (relative paths start at {})",
        "expected a mapping of label keys to texts (abstract: Summary), got {}",
        "label '{}': expected a text, got {}",
        "expected a mapping of block options (group_by: none), got {}",
        note="an error from MkDocs' own configuration check: the build stops",
    ),
    _m(
        "bad-site-default",
        "site",
        "a bad option in a block's site-wide defaults (`publications: {group_by: decade}` under the plugin)",
        "mkdocs.yml: plugins.academic.publications: option 'group_by': expected one of year, type, none, got 'decade'",
        "fix it as in the block",
        "expected one of {}, got {}",
    ),
    _m(
        "markdown-defaults",
        "site",
        "Python-Markdown only: `defaults:` of the extension that is not a mapping of block names, or names a block "
        "that does not exist, or repeats one given by its name",
        "defaults: unknown block 'publicatons' (did you mean 'publications'?)",
        "fix the block name",
        "defaults: expected a mapping of block names to options, got {}",
        "defaults: unknown block '{}' ({})",
        "defaults.{}: the block's defaults are also given as `{}:`, which is used",
    ),
    _m(
        "unknown-label",
        "site",
        "`labels: {abstrct: Summary}`",
        "mkdocs.yml: plugins.academic.labels: unknown label 'abstrct' (did you mean 'abstract'?)",
        "fix the key ([Languages and labels](languages.md))",
        "unknown label '{}' ({})",
    ),
    _m(
        "language-without-labels",
        "site",
        "`language: xx`, a language without shipped labels",
        "mkdocs.yml: plugins.academic.language: no shipped labels for 'xx' (…); English is used where `labels:` does "
        "not translate",
        "give the labels in `labels:` ([Languages and labels](languages.md))",
        "no shipped labels for '{}' ({}); English is used where `labels:` does not translate",
        level="info",
    ),
    _m(
        "feed-needs-site-url",
        "site",
        "`feed: true` without `site_url`",
        "no news feed: a feed needs absolute URLs, so set `site_url` in mkdocs.yml (for example `site_url: "
        "https://example.org/`), or turn the feed off with `feed: false`",
        "set `site_url`",
        "no news feed: a feed needs absolute URLs, so set `site_url` in mkdocs.yml (for example `site_url: "
        "https://example.org/`){}",
        ", or turn the feed off with `feed: false`",
        # Sphinx (mkdocs_academic/sphinx/outputs.py)
        "no news feed: a feed needs absolute URLs, so set `html_baseurl` in conf.py, or turn the feed off with "
        "`academic_feed = False`",
        note="without `feed: true` the same is a note (INFO), not a warning",
    ),
    _m(
        "feed-links-to-page",
        "site",
        "news shown only with `limit`, `since`, `pinned` or `tag`: the feed has no page to link each item to",
        "feed.xml: no page shows every news item, so the feed's entries link to index.md, not to their item; a "
        "`/// news` block without `limit`, `since`, `pinned` or `tag` (a news page) fixes that",
        "add a news page: a `/// news` block without those options",
        "{}: no page shows every news item, so the feed's entries link to {}, not to their item; a `/// news` block "
        "without `limit`, `since`, `pinned` or `tag` (a news page) fixes that",
        level="info",
    ),
    _m(
        "generated-file-exists",
        "site",
        "a file of yours at the path of a generated one (`publications/index.md`, `publications.bib`…)",
        "publications.bib exists in docs_dir; it is used instead of the generated one",
        "nothing, if that is what you want; else rename your file",
        "{} exists in docs_dir; it is used instead of the generated one",
        "{} is a document of yours; it is used instead of the generated page",  # Sphinx
        level="info",
    ),
    _m(
        "template-error",
        "site",
        "your copy of a template (in the theme's `custom_dir`) has an error",
        "index.md:1: /// news: template …/overrides/academic/news-list.html:1: Expected an expression, got 'end of "
        "statement block'; fix or remove your copy of the template",
        "fix or remove your copy",
        "{}; fix or remove your copy of the template",
        "template {}:{}: {}",
        "template academic/{} (or one it includes): {}",
    ),
    _m(
        "data-dir-unreadable",
        "site",
        "the data directory cannot be listed (permissions)",
        "academic: cannot read the data directory: …",
        "fix its permissions",
        "academic: cannot read the data directory: {}",
    ),
    _m(
        "internal-error",
        "site",
        "a bug in mkdocs-academic, never a mistake of yours: caught per data file and per entry",
        "data/x.bib: internal error while reading data/x.bib: … (this is a bug in mkdocs-academic, not in your file: "
        "please report it with the file attached)",
        "report it, with the file attached",
        "academic: internal error while reading {}: {}: {}; please report it",
        "internal error while reading {}: {}: {}",
    ),
)

#: What some messages start with, before a message of the catalogue: the entry, the file or the
#: option it is about (`entry 'a': missing title`, `mkdocs.yml: plugins.academic.labels: ...`).
PREFIXES: tuple[str, ...] = (
    "entry '{}': {}",
    "option '{}': {}",
    "mkdocs.yml: {}",
    "academic: {}",
    "academic: {}: {}",
    # The Sphinx extension: a block's message at its directive, an option's in conf.py.
    "academic: {} directive: {}",
    "academic: conf.py: {}",
    "line {}: ",
)

BY_ID: dict[str, Message] = {message.id: message for message in MESSAGES}


def _cell(text: str) -> str:
    """Text for a Markdown table cell: `|` escaped, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """Inline code that holds backticks: fenced with more backticks than it contains."""
    longest = 0
    run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def insert_catalogue(markdown: str) -> str:
    """`markdown` with the catalogue in place of its MARKER (to END_MARKER, when there is one)."""
    if MARKER not in markdown:
        return markdown
    before, after = markdown.split(MARKER, 1)
    if END_MARKER in after:
        after = after.split(END_MARKER, 1)[1]
    return before + catalogue_markdown() + after


def catalogue_markdown() -> str:
    """The catalogue as Markdown tables, one per section: id, problem, what you see, what to do."""
    parts: list[str] = []
    for section, heading in SECTIONS.items():
        parts += [f"## {heading}", "", "| Id | Problem | What you see | How to fix |", "|---|---|---|---|"]
        for message in MESSAGES:
            if message.section != section:
                continue
            seen = _code(message.example)
            if message.level == "info":
                seen = f"(INFO, not a warning) {seen}"
            if message.note:
                seen += f" — {message.note}"
            row = [f"`{message.id}`", message.problem, seen, message.fix]
            parts.append("| " + " | ".join(_cell(cell) for cell in row) + " |")
        parts.append("")
    return "\n".join(parts)
