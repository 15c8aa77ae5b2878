"""LaTeX in BibTeX field values to Unicode text.

`latex_to_unicode` is called for every field value of every entry, so it first checks cheaply
whether the text can contain LaTeX at all and returns it unchanged (whitespace normalised)
when it cannot. Only the rest goes through pylatexenc, with a context that keeps the text of
formatting macros (`\\texttt{}`, `\\mbox{}`, `\\href{url}{text}`...), turns accents, dashes,
quotes and ties into Unicode, and leaves math (`$...$`, `$$...$$`, `\\(...\\)`, `\\[...\\]`)
verbatim for MathJax or KaTeX. Malformed input never raises: the result is the best-effort text.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from pylatexenc import latexwalker
from pylatexenc.latex2text import (
    LatexNodes2Text,
    MacroTextSpec,
)
from pylatexenc.latex2text import (
    get_default_latex_context_db as _default_text_context,
)
from pylatexenc.macrospec import MacroSpec

__all__ = ["latex_to_unicode"]

# pylatexenc logs a warning for every oddity it tolerates; the caller reports data problems.
logging.getLogger("pylatexenc").setLevel(logging.CRITICAL)

# Anything that may need decoding. Text without a match is returned as is (the fast path).
_NEEDS_DECODING = re.compile(r"[\\{}~$]|--|``|''")
# Whitespace to collapse. Not `\s`: that would also collapse the no-break spaces we produce.
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_ODD_SPACE = re.compile(r"[\t\r\n\f\v]|  ")
# Math kept verbatim: display first, then inline; `\$` is an escaped dollar, not math.
_MATH = re.compile(
    r"\$\$(?:[^$\\]|\\.)+?\$\$"
    r"|(?<!\\)\$(?:[^$\\]|\\.)+?\$"
    r"|\\\((?:.|\n)+?\\\)"
    r"|\\\[(?:.|\n)+?\\\]"
)
# Characters that are special in LaTeX but are plain text in a field value written by a user:
# `%` would start a comment (dropping the rest), `&` is an alignment tab, `#` a parameter.
_UNESCAPED_SPECIAL = re.compile(r"(?<!\\)([%&#])")
# `M{\\"u}ller`: a doubled backslash before an accent is a typo for a single one.
_DOUBLED_ACCENT_BACKSLASH = re.compile(r"\\\\(?=[\"'`^~=.][A-Za-z{\\])")
# Last resort when pylatexenc fails: keep macro names, drop backslashes and braces.
_CRUDE = re.compile(r"\\([A-Za-z]*)|[{}]")

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
)
# Font switches (`{\\em ...}`): the text after them is kept, the switch itself gives nothing.
_SWITCHES = (
    "em", "bf", "it", "sl", "sc", "sf", "tt", "rm", "upshape", "bfseries", "itshape",
    "relax", "/", "null", "nobreak", "unskip", "ignorespaces",
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
}


def _unknown_macro(node: latexwalker.LatexMacroNode) -> str:
    """Text for a macro pylatexenc does not know: its name, unless an argument follows.

    `\\mnras` becomes `mnras`; for `\\foo{bar}` the group `{bar}` follows as a sibling node and
    gives the text, so the name itself is dropped.
    """
    source = node.parsing_state.s
    end = node.pos + node.len
    if end < len(source) and source[end] in "{[":
        return ""
    name = node.macroname
    return name if name.isalpha() else ""


def _build_contexts() -> tuple[object, object]:
    """The walker context (which macros take arguments) and the text context (their output)."""
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
        MacroTextSpec("-", simplify_repl=""),
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
        MacroTextSpec(name, simplify_repl=value.replace("\ue000", "~")) for name, value in _TEXT_SYMBOLS.items()
    ]
    text_context.add_context_category("mkdocs-academic", prepend=True, macros=text_macros)
    text_context.set_unknown_macro_spec(MacroTextSpec("", simplify_repl=_unknown_macro))
    return walker_context, text_context


_WALKER_CONTEXT, _TEXT_CONTEXT = _build_contexts()
_CONVERTER = LatexNodes2Text(latex_context=_TEXT_CONTEXT, math_mode="verbatim")


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
}
_ACCENT = re.compile(
    r"\\(?:([`'^~=.\"])\s*|([uvHcdbrk])(?:\s+|(?=\{)))"
    r"(?:\{\s*(\\[ij](?![A-Za-z])|[^\W\d_])\s*\}|(\\[ij](?![A-Za-z])|[^\W\d_]))"
)
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
    "$": "$",
    "{": "{",
    "}": "}",
    "-": "",
    "\\": " ",
    " ": " ",
}
# Control words eat one following space or an empty group, as in LaTeX (`\ss{}`, `\aa b`).
_SYMBOL = re.compile(
    r"\\(?:(" + "|".join(name for name in _SYMBOLS if name.isalpha()) + r")(?![A-Za-z])(?:\{\}|[ ]?)"
    r"|([&%_#$\-\\ ,/@;!]|~\{\}))"
)
_FORMATTING = re.compile(
    r"\\(?:" + "|".join(_KEEP_TEXT_MACROS) + r"|url)\s*(?=\{)"
    r"|\\(?:" + "|".join(name for name in _SWITCHES if name.isalpha()) + r")(?![A-Za-z])[ ]?"
)


def _accent(match: re.Match[str]) -> str:
    accent = match.group(1) or match.group(2)
    letter = match.group(3) or match.group(4)
    if letter in ("\\i", "\\j"):
        letter = letter[1]
    return unicodedata.normalize("NFC", letter + _COMBINING[accent])


def _symbol(match: re.Match[str]) -> str:
    return _SYMBOLS[match.group(1) or match.group(2)]


def _decode_common(text: str) -> str | None:
    """Decode text whose LaTeX is only accents, symbols and formatting macros; else None."""
    text = _DOUBLED_ACCENT_BACKSLASH.sub(r"\\", text)
    text = text.replace("\\\\", " ")  # a line break; done first so `\\d` is no accent
    text = _FORMATTING.sub("", text)
    # Twice: a letter with two accents (`{\\`\\^a}`, Vietnamese `Trần`) gets the inner one first.
    text = _ACCENT.sub(_accent, _ACCENT.sub(_accent, text))
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
    """Decode a piece of LaTeX that holds no math."""
    if "\\" not in text:
        return _decode_plain(text)  # the common case, without the cost of pylatexenc
    protected = "\\url" in text
    if protected:
        text = _URL_MACRO.sub(_protect_url, text)
    decoded = _decode_common(text)
    if decoded is None:
        decoded = _decode_with_pylatexenc(text)
    return decoded.replace(_URL_TILDE, "~").replace(_URL_HYPHEN, "-") if protected else decoded


def _decode_with_pylatexenc(text: str) -> str:
    """Decode any LaTeX (without math) with pylatexenc; never raises."""
    prepared = _UNESCAPED_SPECIAL.sub(r"\\\1", text)
    prepared = _DOUBLED_ACCENT_BACKSLASH.sub(r"\\", prepared)
    try:
        walker = latexwalker.LatexWalker(prepared, latex_context=_WALKER_CONTEXT, tolerant_parsing=True)
        nodes, _, _ = walker.get_latex_nodes()
        return _CONVERTER.nodelist_to_text(nodes)
    except Exception:  # noqa: BLE001 - pylatexenc can fail in many ways on odd input
        return _CRUDE.sub(lambda match: match.group(1) or "", text)


@lru_cache(maxsize=32768)
def _decode(text: str) -> str:
    """Decode whitespace-normalised text, keeping math verbatim."""
    if "$" not in text and "\\(" not in text and "\\[" not in text:
        return _normalise_space(_decode_text(text))  # no math: skip the (slow) math search
    parts: list[str] = []
    position = 0
    for match in _MATH.finditer(text):
        parts.append(_decode_text(text[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_decode_text(text[position:]))
    return _normalise_space("".join(parts))


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
    return _decode(normalised)
