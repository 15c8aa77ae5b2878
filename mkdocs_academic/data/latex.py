"""LaTeX in BibTeX field values to Unicode text.

`latex_to_unicode` is called for every field value of every entry, so it first checks cheaply
whether the text can contain LaTeX at all and returns it unchanged (whitespace normalised)
when it cannot. Only the rest goes through pylatexenc, with a context that keeps the text of
formatting macros (`\\texttt{}`, `\\mbox{}`, `\\href{url}{text}`...), turns accents, dashes,
quotes and ties into Unicode, and leaves math (`$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]`)
verbatim for MathJax or KaTeX. An escaped dollar (`\\$`) gives a `DollarText`, a `str` whose HTML
keeps that dollar out of the math renderers' reach. A known command an export glued to its
word (`Fran\\ccois`, `\\textquotedblleftMany`) is read as meant (`_unglue`); any other unknown
command is left out and named by `unknown_latex_commands`. Malformed input never raises: the
result is the best-effort text.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Collection
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import escape

from ..lazy_pattern import LazyPattern

if TYPE_CHECKING:
    from pylatexenc import latexwalker

__all__ = [
    "DOLLAR_HTML",
    "MARKDOWN_DOLLAR",
    "DollarText",
    "latex_to_markdown",
    "latex_to_unicode",
    "unknown_latex_commands",
]

# pylatexenc logs a warning for every oddity it tolerates; the caller reports data problems.
logging.getLogger("pylatexenc").setLevel(logging.CRITICAL)

# Anything that may need decoding. Text without a match is returned as is (the fast path).
_NEEDS_DECODING = re.compile(r"[\\{}~$]|--|``|''")
# Whitespace to collapse. Not `\s`: that would also collapse the no-break spaces we produce.
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_ODD_SPACE = re.compile(r"[\t\r\n\f\v]|  ")
# Math kept verbatim: display first, then inline; `\$` is an escaped dollar, not math.
_MATH = LazyPattern(
    r"\$\$(?:[^$\\]|\\.)+?\$\$"
    r"|(?<!\\)\$(?:[^$\\]|\\.)+?\$"
    r"|\\\((?:.|\n)+?\\\)"
    r"|\\\[(?:.|\n)+?\\\]"
)
# What is kept as written: math, and the text of `\\verb|x[100]|` (code, in a few abstracts).
_VERBATIM = re.compile(_MATH.pattern + r"|\\verb\*?([^A-Za-z\s*])(.*?)\1")
# A literal dollar (`\\$`, `\\textdollar`) while decoding: told apart from the dollars of math,
# it becomes a `DollarText` at the end.
_LITERAL_DOLLAR = "\ue003"
# The dollar of HTML that math renderers leave alone (see `DollarText`).
_DOLLAR_HTML = '<span class="academic-dollar">$</span>'


class DollarText(str):
    """Decoded text that holds literal dollars (`\\$5 to \\$10` in BibTeX), besides any math.

    It is a plain `str` ("$5 to $10") for everything that is not HTML: sorting, meta tags,
    CSL-JSON, the Atom feed. In HTML (`__html__`, which Jinja's autoescaping and markupsafe
    call) each literal dollar is `<span class="academic-dollar">$</span>`, escaped text around
    it: MathJax 3 and KaTeX's auto-render look for math delimiters inside one run of text and
    never across an element, so a dollar in an element of its own neither opens nor closes
    math, while real math (`$x$`) in the same text is still typeset. `literal` holds the
    positions of the literal dollars.
    """

    literal: tuple[int, ...]

    def __new__(cls, text: str, literal: tuple[int, ...] = ()) -> DollarText:
        made = super().__new__(cls, text)
        made.literal = literal
        return made

    @classmethod
    def from_marked(cls, marked: str) -> str:
        """`marked` (literal dollars written `_LITERAL_DOLLAR`) as text; a `DollarText` when
        it holds any."""
        if _LITERAL_DOLLAR not in marked:
            return marked
        literal = tuple(index for index, char in enumerate(marked) if char == _LITERAL_DOLLAR)
        return cls(marked.replace(_LITERAL_DOLLAR, "$"), literal)

    def __html__(self) -> str:
        parts: list[str] = []
        position = 0
        for index in self.literal:
            parts.append(str(escape(self[position:index])))
            parts.append(_DOLLAR_HTML)
            position = index + 1
        parts.append(str(escape(self[position:])))
        return "".join(parts)


# Characters that are special in LaTeX but are plain text in a field value written by a user:
# `%` would start a comment (dropping the rest), `&` is an alignment tab, `#` a parameter.
_UNESCAPED_SPECIAL = re.compile(r"(?<!\\)([%&#])")
# `M{\\"u}ller`: a doubled backslash before an accent is a typo for a single one.
_DOUBLED_ACCENT_BACKSLASH = re.compile(r"\\\\(?=[\"'`^~=.][A-Za-z{\\])")
# Last resort when pylatexenc fails: keep macro names, drop backslashes and braces.
_CRUDE = LazyPattern(r"\\([A-Za-z]*)|[{}]")

_KEEP_TEXT_MACROS = (
    "texttt",
    "mbox",
    "emph",
    "textit",
    "textbf",
    "textsc",
    "textsf",
    "textsl",
    "textrm",
    "textup",
    "textmd",
    "textnormal",
    "text",
    "textsuperscript",
    "textsubscript",
    "hbox",
    "uppercase",
    "lowercase",
    "MakeUppercase",
    "MakeLowercase",
    "ensuremath",
    "protect",
    "noopsort",
    "NoCaseChange",
    "ul",
    "underline",
    "uline",
)
# Font switches (`{\\em ...}`): the text after them is kept, the switch itself gives nothing.
_SWITCHES = (
    "em", "bf", "it", "sl", "sc", "sf", "tt", "rm", "upshape", "bfseries", "itshape",
    "relax", "/", "null", "nobreak", "unskip", "ignorespaces",
    "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
    "normalfont", "scshape", "mdseries", "rmfamily", "sffamily", "ttfamily",
)  # fmt: skip


# Text symbols that reference managers (Zotero, Mendeley) and LaTeX users write, known to both
# decoding paths (the regular expressions and pylatexenc). `\ue000` is a literal tilde.
_TEXT_SYMBOLS = {
    "textless": "<",
    "textgreater": ">",
    "textquotedbl": '"',
    "textbar": "|",
    "textunderscore": "_",
    "textasciitilde": "\ue000",
    "textasciicircum": "^",
    "S": "\N{SECTION SIGN}",
    "textsection": "\N{SECTION SIGN}",
    "P": "\N{PILCROW SIGN}",
    "copyright": "\N{COPYRIGHT SIGN}",
    "pounds": "\N{POUND SIGN}",
    "textsterling": "\N{POUND SIGN}",
    "euro": "\N{EURO SIGN}",
    "texteuro": "\N{EURO SIGN}",
    "textdegree": "\N{DEGREE SIGN}",
    "textbullet": "\N{BULLET}",
    "textperiodcentered": "\N{MIDDLE DOT}",
    "textellipsis": "\N{HORIZONTAL ELLIPSIS}",
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX2\N{GREEK SMALL LETTER EPSILON}",
    "BibTeX": "BibTeX",
    "emdash": "\N{EM DASH}",
    "endash": "\N{EN DASH}",
    "amp": "&",
    "hyphen": "-",
    "textbackslash": "\\",
    "textdollar": _LITERAL_DOLLAR,
    "textpercent": "%",
    "textdagger": "\N{DAGGER}",
    "textdaggerdbl": "\N{DOUBLE DAGGER}",
    "textmu": "\N{MICRO SIGN}",
    "atsign": "@",
    # `{\\I}lhan`: not a LaTeX command, but the capital of `\\i` as Turkish writes it (İ).
    "I": "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}",
    # EPrints repositories (and Mendeley after them) write a line break in an abstract as `\\ud`.
    "ud": " ",
    "thinspace": "\N{THIN SPACE}",
    "enspace": " ",
    "quad": " ",
    "qquad": " ",
}

# The Greek letters of the textgreek package (`\textalpha`, `\textOmega`...).
_GREEK = (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
    "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
)  # fmt: skip
for _letter in _GREEK:
    _unicode_name = "LAMDA" if _letter == "lambda" else _letter.upper()
    _TEXT_SYMBOLS.setdefault("text" + _letter, unicodedata.lookup("GREEK SMALL LETTER " + _unicode_name))
    _TEXT_SYMBOLS["text" + _letter.capitalize()] = unicodedata.lookup("GREEK CAPITAL LETTER " + _unicode_name)
_TEXT_SYMBOLS["textvarsigma"] = "\N{GREEK SMALL LETTER FINAL SIGMA}"


def _load_journals() -> dict[str, str]:
    """The AAS journal macros (`\\apj` -> "ApJ") from `aas_journals.yml`."""
    text = Path(__file__).with_name("aas_journals.yml").read_text(encoding="utf-8")
    # libyaml's loader when PyYAML has it: ten times faster, and this runs on every build's start.
    table = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {str(name): str(value) for name, value in table.items()}


#: NASA ADS writes journals as the AAS macros (`journal = {\\mnras}`): their names.
AAS_JOURNALS = _load_journals()
for _name, _value in AAS_JOURNALS.items():
    _TEXT_SYMBOLS.setdefault(_name, _value)

# Symbols written between words (`Research \\amp Practice`): the space after them is kept.
_SPACED = frozenset({"amp"})


def _spaced_symbol(node: latexwalker.LatexMacroNode) -> str:
    return _TEXT_SYMBOLS[node.macroname] + (" " if node.macro_post_space else "")


# The unknown commands met while decoding one value (see `_unknown_macro`).
_UNKNOWN = threading.local()


def _unknown_macro(node: latexwalker.LatexMacroNode) -> str:
    """Text for a macro pylatexenc does not know: nothing, and its name is recorded.

    LaTeX would stop with an error; the command is dropped, and the space it ate keeps the
    words around it apart (`A\\foo B` is "A B", not "AfooB"). For `\\foo{bar}` the group `{bar}`
    follows as a sibling node and gives the text.
    """
    name = node.macroname
    if name.isalpha():
        found = getattr(_UNKNOWN, "names", None)
        if found is not None:
            found.append(name)
    source = node.parsing_state.s
    end = node.pos + node.len
    if end < len(source) and source[end] in "{[":
        return ""
    return " " if node.macro_post_space else ""  # the space the command ate still parts words


@cache
def _pylatexenc() -> tuple[Any, Any]:
    """The walker context (which macros take arguments) and the converter to text, built on
    first use: most strings never need pylatexenc, and importing it and building its
    contexts costs every build's start some 20 ms."""
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
    from pylatexenc.latex2text import get_default_latex_context_db as _default_text_context
    from pylatexenc.macrospec import MacroSpec

    walker_context = latexwalker.get_default_latex_context_db()
    walker_context.add_context_category(
        "mkdocs-academic",
        prepend=True,
        macros=[
            MacroSpec("href", "{{"),
            MacroSpec("url", "{"),
            MacroSpec("textsuperscript", "{"),
            MacroSpec("textsubscript", "{"),
            MacroSpec("textnormal", "{"),
            MacroSpec("textup", "{"),
            MacroSpec("textmd", "{"),
            MacroSpec("text", "{"),
            MacroSpec("hbox", "{"),
            MacroSpec("uppercase", "{"),
            MacroSpec("lowercase", "{"),
            MacroSpec("MakeUppercase", "{"),
            MacroSpec("MakeLowercase", "{"),
            MacroSpec("ensuremath", "{"),
            MacroSpec("noopsort", "{"),
            MacroSpec("NoCaseChange", "{"),
            MacroSpec("path", "{"),
            MacroSpec("doi", "{"),
            MacroSpec("ul", "{"),
            MacroSpec("uline", "{"),
            MacroSpec("vphantom", "{"),
            MacroSpec("discretionary", "{{{"),
        ],
    )
    text_context = _default_text_context()
    text_macros = [MacroTextSpec(name, discard=False) for name in _KEEP_TEXT_MACROS]
    text_macros += [MacroTextSpec(name, simplify_repl="") for name in _SWITCHES]
    text_macros += [
        MacroTextSpec("url", simplify_repl="%(1)s"),
        MacroTextSpec("path", simplify_repl="%(1)s"),
        MacroTextSpec("doi", simplify_repl="%(1)s"),
        MacroTextSpec("href", simplify_repl="%(2)s"),
        MacroTextSpec("vphantom", simplify_repl=""),
        MacroTextSpec("discretionary", simplify_repl="%(3)s"),
        MacroTextSpec("-", simplify_repl=""),
        MacroTextSpec("$", simplify_repl=_LITERAL_DOLLAR),
        MacroTextSpec("\\", simplify_repl=" "),
        MacroTextSpec("newblock", simplify_repl=" "),
        MacroTextSpec("par", simplify_repl=" "),
        MacroTextSpec("newline", simplify_repl=" "),
        MacroTextSpec("slash", simplify_repl="/"),
        MacroTextSpec("dh", simplify_repl="\N{LATIN SMALL LETTER ETH}"),
        MacroTextSpec("DH", simplify_repl="\N{LATIN CAPITAL LETTER ETH}"),
        MacroTextSpec("th", simplify_repl="\N{LATIN SMALL LETTER THORN}"),
        MacroTextSpec("TH", simplify_repl="\N{LATIN CAPITAL LETTER THORN}"),
        MacroTextSpec("dj", simplify_repl="\N{LATIN SMALL LETTER D WITH STROKE}"),
        MacroTextSpec("DJ", simplify_repl="\N{LATIN CAPITAL LETTER D WITH STROKE}"),
        MacroTextSpec("ng", simplify_repl="\N{LATIN SMALL LETTER ENG}"),
        MacroTextSpec("NG", simplify_repl="\N{LATIN CAPITAL LETTER ENG}"),
    ]
    text_macros += [
        MacroTextSpec(name, simplify_repl=_spaced_symbol if name in _SPACED else value.replace("\ue000", "~"))
        for name, value in _TEXT_SYMBOLS.items()
    ]
    text_context.add_context_category("mkdocs-academic", prepend=True, macros=text_macros)
    text_context.set_unknown_macro_spec(MacroTextSpec("", simplify_repl=_unknown_macro))
    return walker_context, LatexNodes2Text(latex_context=text_context, math_mode="verbatim")


def _normalise_space(text: str) -> str:
    # Most values hold single spaces only: check that cheaply before running the regex.
    if _ODD_SPACE.search(text) is None and not text[:1].isspace() and not text[-1:].isspace():
        return text
    return _WHITESPACE.sub(" ", text).strip()


def _decode_plain(text: str) -> str:
    """Decode text without backslashes: only braces, dashes, ties and quotes to handle."""
    if "{" in text or "}" in text:
        text = text.replace("{", "").replace("}", "")
    if "--" in text:
        text = text.replace("---", "\N{EM DASH}").replace("--", "\N{EN DASH}")
    if "`" in text or "'" in text:
        text = text.replace("``", "\N{LEFT DOUBLE QUOTATION MARK}").replace("''", "\N{RIGHT DOUBLE QUOTATION MARK}")
    return text.replace("~", "\N{NO-BREAK SPACE}")


# The LaTeX found in most BibTeX files is accents, a few symbols and formatting macros. These
# are replaced with regular expressions, which is a hundred times faster than pylatexenc;
# anything else goes through pylatexenc.
_COMBINING = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    "u": "\u0306",
    ".": "\u0307",
    '"': "\u0308",
    "r": "\u030a",
    "H": "\u030b",
    "v": "\u030c",
    "d": "\u0323",
    "c": "\u0327",
    "k": "\u0328",
    "b": "\u0331",
    # Accents pylatexenc drops: double grave, hook above (Vietnamese), inverted breve.
    "G": "\u030f",
    "h": "\u0309",
    "f": "\u0311",
}
_ACCENT = re.compile(
    r"(?<!\\)\\(?:([`'^~=.\"])\s*|([uvHcdbrkGhf])(?:\s+|(?=\{)))"
    r"(?:\{\s*(\\[ij](?![A-Za-z])|[^\W\d_])\s*\}|(\\[ij](?![A-Za-z])|[^\W\d_]))"
)
# The tie accent over two letters: `\\t{oo}` is o͡o.
_TIE = LazyPattern(r"(?<!\\)\\t\s*\{\s*([^\W\d_])\s*([^\W\d_])\s*\}")
_SYMBOLS = {
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "dh": "ð",
    "DH": "Ð",
    "th": "þ",
    "TH": "Þ",
    "ng": "ŋ",
    "NG": "Ŋ",
    "dj": "đ",
    "DJ": "Đ",
    "textendash": "\N{EN DASH}",
    "textemdash": "\N{EM DASH}",
    "ldots": "\N{HORIZONTAL ELLIPSIS}",
    "dots": "\N{HORIZONTAL ELLIPSIS}",
    "textquoteright": "\N{RIGHT SINGLE QUOTATION MARK}",
    "textquoteleft": "\N{LEFT SINGLE QUOTATION MARK}",
    "textquotedblright": "\N{RIGHT DOUBLE QUOTATION MARK}",
    "textquotedblleft": "\N{LEFT DOUBLE QUOTATION MARK}",
    "textregistered": "\N{REGISTERED SIGN}",
    "texttrademark": "\N{TRADE MARK SIGN}",
    "textcopyright": "\N{COPYRIGHT SIGN}",
    "texttimes": "\N{MULTIPLICATION SIGN}",
    **_TEXT_SYMBOLS,
    "slash": "/",
    "par": " ",
    "newline": " ",
    "newblock": " ",
    "relax": "",
    "protect": "",
    ",": "\N{THIN SPACE}",
    "/": "",
    "@": "",
    ";": " ",
    "!": "",
    "~{}": "\ue000",  # a literal tilde, restored after ties became no-break spaces
    "&": "&",
    "%": "%",
    "_": "_",
    "#": "#",
    "$": _LITERAL_DOLLAR,
    "{": "{",
    "}": "}",
    "-": "",
    "\\": " ",
    " ": " ",
}
# Control words eat one following space or an empty group, as in LaTeX (`\ss{}`, `\aa b`).
# Any control word matches (a lookup in `_SYMBOLS` tells the known ones): one short pattern
# compiles in a fraction of the time an alternation of every name takes, on every build's start.
_SYMBOL = re.compile(r"\\(?:([A-Za-z]+)(?:\{\}|[ ]?)|([&%_#$\-\\ ,/@;!]|~\{\}))")
_WORD_SYMBOLS = frozenset(name for name in _SYMBOLS if name.isalpha())
# Formatting macros before their `{` (`\emph {x}` -> `{x}`), and font switches with one space
# after them (`{\em x}` -> `{x}`), dropped; other control words are kept (`_formatting`).
_FORMATTING = re.compile(r"\\([A-Za-z]+)(?![A-Za-z])(\s*)(?=(\{)?)")
_FORMATTING_MACROS = frozenset((*_KEEP_TEXT_MACROS, "url"))
_WORD_SWITCHES = frozenset(name for name in _SWITCHES if name.isalpha())


def _accent(match: re.Match[str]) -> str:
    accent = match.group(1) or match.group(2)
    letter = match.group(3) or match.group(4)
    if letter in ("\\i", "\\j"):
        letter = letter[1]
    return unicodedata.normalize("NFC", letter + _COMBINING[accent])


def _accents(text: str) -> str:
    """Accents and ties to Unicode; twice, as a letter with two accents (`{\\`\\^a}`, Vietnamese
    `Trần`) gets the inner one first."""
    if "\\t" in text:
        text = _TIE.sub(lambda match: match.group(1) + "\u0361" + match.group(2), text)
    return _ACCENT.sub(_accent, _ACCENT.sub(_accent, text))


def _symbol(match: re.Match[str]) -> str:
    name = match.group(1) or match.group(2)
    if match.group(1) and name not in _WORD_SYMBOLS:
        return match.group(0)  # not a symbol: kept (the text then goes to pylatexenc)
    if name in _SPACED and match.group(0).endswith(" "):
        return _SYMBOLS[name] + " "
    return _SYMBOLS[name]


def _formatting(match: re.Match[str]) -> str:
    name, blanks, brace = match.groups()
    if brace and name in _FORMATTING_MACROS:
        return ""
    if name in _WORD_SWITCHES:
        return blanks[1:] if blanks.startswith(" ") else blanks
    return match.group(0)


def _decode_common(text: str) -> str | None:
    """Decode text whose LaTeX is only accents, symbols and formatting macros; else None."""
    text = _DOUBLED_ACCENT_BACKSLASH.sub(r"\\", text)
    text = text.replace("\\\\", " ")  # a line break; done first so `\\d` is no accent
    text = _FORMATTING.sub(_formatting, text)
    text = _accents(text)
    if "{" in text and "\\{" in text or "\\}" in text:
        return None  # escaped braces would be lost with the case-protecting ones
    text = _SYMBOL.sub(_symbol, text)
    if "\\" in text:
        return None
    return _decode_plain(text).replace("\ue000", "~")


# `\url{...}`: its text is a URL, where `~` and `--` are not a no-break space and a dash.
_URL_MACRO = re.compile(r"\\url\s*\{([^{}]*)\}")
_URL_TILDE, _URL_HYPHEN = "\ue002", "\ue001"


def _protect_url(match: re.Match[str]) -> str:
    return "\\url{" + match.group(1).replace("~", _URL_TILDE).replace("-", _URL_HYPHEN) + "}"


def _decode_text(text: str) -> str:
    """Decode a piece of LaTeX that holds no math; a command glued to its word is read as
    meant (`_unglue`)."""
    found = getattr(_UNKNOWN, "names", None)
    before = len(found) if found is not None else 0
    decoded = _decode_text_once(text)
    if found is not None and len(found) > before:
        unglued = _unglue(text, found[before:])
        if unglued != text:
            del found[before:]
            decoded = _decode_text_once(unglued)
    return decoded


def _decode_text_once(text: str) -> str:
    if "\\" not in text:
        return _decode_plain(text)  # the common case, without the cost of pylatexenc
    protected = "\\url" in text
    if protected:
        text = _URL_MACRO.sub(_protect_url, text)
    decoded = _decode_common(text)
    if decoded is None:
        decoded = _decode_with_pylatexenc(text)
    return decoded.replace(_URL_TILDE, "~").replace(_URL_HYPHEN, "-") if protected else decoded


# Exports that lost a brace or a space glue a command to the next letters: `Fran\\ccois`,
# `Str\\omberg`, `D\\'\\iez`, `Bj\\orn`, `\\AArup`, `FOOD\\textgreaterMEAT`, `\\textquotedblleftMany`.
# LaTeX stops at the unknown `\\ccois`, but what was meant is clear: `Fran\\c{c}ois`.
_GLUED = re.compile(r"\\([A-Za-z]+)")
# Long names are never a user's own macro: split wherever they start an unknown word.
_LONG_PREFIXES = sorted(
    {name for name in (*_SYMBOLS, *_KEEP_TEXT_MACROS) if name.startswith("text") and len(name) >= 6},
    key=len,
    reverse=True,
)
# Short ones only inside a word (after a letter or an accent: `Bj\\orn`, `D\\'\\iez`), or at
# its start when they make a capitalised name (`\\Ovrelid`, `\\cCelikkol`): `\\com`, `\\bn`
# or `\\tit` are someone's own macros.
_LETTER_SYMBOLS = ("aa", "AA", "ae", "AE", "oe", "OE", "ss", "o", "O", "l", "L", "i", "j")
_LETTER_ACCENTS = frozenset(name for name in _COMBINING if name.isalpha() and name != "t")
_IN_WORD = re.compile(r"(?:[^\W\d_]|\\[`'^\"~=.])$")


def _unglued_command(name: str, in_word: bool) -> str | None:
    """`\\name` written as meant (`ccois` -> `\\c{c}ois`), or None when it is no glued command."""
    for prefix in _LONG_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return f"\\{prefix}{{}}{name[len(prefix) :]}"
    for symbol in _LETTER_SYMBOLS:
        if name.startswith(symbol) and len(name) > len(symbol):
            rest = name[len(symbol) :]
            if in_word or (symbol[0].isupper() and rest.islower()):
                return f"\\{symbol}{{}}{rest}"
            return None
    accent, letter, rest = name[0], name[1], name[2:]
    composes = accent in _LETTER_ACCENTS and len(unicodedata.normalize("NFC", letter + _COMBINING[accent])) == 1
    if composes and (in_word or (letter.isupper() and rest.islower())):
        return f"\\{accent}{{{letter}}}{rest}"
    return None


def _unglue(text: str, unknown: Collection[str]) -> str:
    """`text` with the `unknown` commands that are known ones glued to letters split off."""

    def split(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in unknown or len(name) < 2:
            return match.group(0)
        in_word = _IN_WORD.search(text, 0, match.start()) is not None
        return _unglued_command(name, in_word) or match.group(0)

    return _GLUED.sub(split, text)


def _decode_with_pylatexenc(text: str) -> str:
    """Decode any LaTeX (without math) with pylatexenc; never raises."""
    prepared = _UNESCAPED_SPECIAL.sub(r"\\\1", text)
    prepared = _accents(_DOUBLED_ACCENT_BACKSLASH.sub(r"\\", prepared))
    try:
        from pylatexenc.latexwalker import LatexWalker

        walker_context, converter = _pylatexenc()
        walker = LatexWalker(prepared, latex_context=walker_context, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        return str(converter.nodelist_to_text(nodes))
    except Exception:  # noqa: BLE001 - pylatexenc can fail in many ways on odd input
        return _CRUDE.sub(lambda match: " " if match.group(1) else "", text)


def _as_dollar_math(math: str) -> str:
    """Math as `$…$` / `$$…$$`, the delimiters the README's MathJax/KaTeX recipe sets: DBLP
    writes `\\(\\lambda\\)` and `5\\({}^{\\mbox{th}}\\)`."""
    if math.startswith("\\("):
        return "$" + math[2:-2] + "$"
    if math.startswith("\\["):
        return "$$" + math[2:-2] + "$$"
    return math


@lru_cache(maxsize=32768)
def _decode(text: str) -> tuple[str, tuple[str, ...]]:
    """Decode whitespace-normalised text, keeping math; also the unknown commands met."""
    found: list[str] = []
    _UNKNOWN.names = found
    try:
        if "$" not in text and "\\(" not in text and "\\[" not in text and "\\verb" not in text:
            decoded = _normalise_space(_decode_text(text))  # no math: skip the math search
        else:
            parts: list[str] = []
            position = 0
            for match in _VERBATIM.finditer(text):
                parts.append(_decode_text(text[position : match.start()]))
                verb = match.group(2)
                parts.append(_as_dollar_math(match.group(0)) if verb is None else verb.replace("$", _LITERAL_DOLLAR))
                position = match.end()
            parts.append(_decode_text(text[position:]))
            decoded = _normalise_space("".join(parts))
        return DollarText.from_marked(decoded), tuple(dict.fromkeys(found))
    finally:
        _UNKNOWN.names = None


def latex_to_unicode(text: str) -> str:
    """Turn a BibTeX field value written in LaTeX into plain Unicode text.

    Whitespace runs (including newlines) become one space and the result is stripped.
    Accents, dashes (`--`, `---`), quotes, ties (`~`, a no-break space) and escaped characters
    become Unicode; case-protecting braces are removed; formatting macros keep their text;
    math between `$` signs (or `\\(`...`\\)`) is kept verbatim. Raw Unicode passes through.
    Never raises: malformed LaTeX gives the best-effort text.
    """
    normalised = _normalise_space(text)
    if not _NEEDS_DECODING.search(normalised):
        return normalised
    return _decode(normalised)[0]


def unknown_latex_commands(text: str) -> tuple[str, ...]:
    """The LaTeX commands in `text` that `latex_to_unicode` does not know (and left out), by
    name without the backslash, in order; empty for most values (checked cheaply)."""
    if "\\" not in text:
        return ()
    normalised = _normalise_space(text)
    return _decode(normalised)[1] if _NEEDS_DECODING.search(normalised) else ()


# What a Markdown field keeps as written: link targets, autolinks, bare URLs and code spans.
_MARKDOWN_VERBATIM = LazyPattern(r"\]\([^)\s]*\)|<[a-z]+:[^>\s]*>|\bhttps?://[^\s<>()\[\]]+|`[^`\n]*`")


#: A literal dollar in the Markdown of a field shown as Markdown (`latex_to_markdown`): the
#: Markdown renderer writes it as the HTML of `DollarText`, plain text writes `$`.
MARKDOWN_DOLLAR = _LITERAL_DOLLAR
#: The HTML of a literal dollar (see `DollarText`).
DOLLAR_HTML = _DOLLAR_HTML


def _decode_piece(piece: str) -> str:
    """`latex_to_unicode` keeping the spaces around `piece` (it sits between verbatim parts);
    a literal dollar as `MARKDOWN_DOLLAR` (Markdown text is no `DollarText`)."""
    decoded = latex_to_unicode(piece)
    literal: tuple[int, ...] = getattr(decoded, "literal", ())
    if literal:
        chars = list(decoded)
        for index in literal:
            chars[index] = MARKDOWN_DOLLAR
        decoded = "".join(chars)
    if not decoded:
        return " " if piece[:1].isspace() or piece[-1:].isspace() else ""
    lead = " " if piece[:1].isspace() else ""
    trail = " " if piece[-1:].isspace() else ""
    return lead + decoded + trail


def latex_to_markdown(text: str) -> str:
    """Decode the LaTeX in a field shown as Markdown (`annotation`, `highlights`...).

    As `latex_to_unicode`, line by line (line breaks and indentation mean something in
    Markdown), leaving link targets, URLs and code spans as written. Text with nothing to
    decode is returned unchanged.
    """
    if not _NEEDS_DECODING.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        parts: list[str] = []
        position = 0
        body = line.strip()
        for match in _MARKDOWN_VERBATIM.finditer(body):
            parts.append(_decode_piece(body[position : match.start()]))
            parts.append(match.group(0))
            position = match.end()
        parts.append(_decode_piece(body[position:]))
        lines.append(indent + "".join(parts).strip() if body else "")
    return "\n".join(lines)
