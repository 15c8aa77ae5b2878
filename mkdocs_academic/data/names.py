"""BibTeX names: splitting author lists, parsing one name, and recognising the site owner.

Names are split and parsed on the raw LaTeX text, following BibTeX's rules (brace groups are
single tokens, `and` only splits at brace depth 0), and each part is decoded to Unicode only
afterwards: decoding first would break corporate names such as `{Barnes and Noble, Inc.}`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from mkdocs_academic.data.latex import latex_to_unicode
from mkdocs_academic.data.models import Person

from ..lazy_pattern import LazyPattern

__all__ = ["MeMatcher", "parse_name", "parse_names", "split_names", "without_marks"]

# --- splitting ------------------------------------------------------------------------------


def _split_at_depth0(text: str, separator: str) -> list[str]:
    """Split `text` at each `separator` character that is outside braces."""
    if separator not in text:
        return [text]
    if "{" not in text:
        return text.split(separator)
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _words(text: str) -> list[str]:
    """Whitespace-separated words of `text`, a brace group never being split."""
    if "{" not in text:
        return text.split()
    words: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        if depth == 0 and char.isspace():
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(char)
    if current:
        words.append("".join(current))
    return words


def split_names(raw: str) -> list[str]:
    """Split a BibTeX `author` or `editor` field into single names.

    Splits on the word `and` (any case, surrounded by any whitespace including newlines) at
    brace depth 0 only, so `{Barnes and Noble, Inc.}` stays one name. Empty names (from a
    doubled or trailing `and`) are dropped. The names keep their LaTeX.
    """
    if "and" not in raw.lower():
        name = " ".join(_words(raw))
        return [name] if name else []
    return _names_of_words(_words(raw))


def _names_of_words(words: list[str]) -> list[str]:
    """The names in a list of words, split at each word `and`."""
    names: list[str] = []
    current: list[str] = []
    for word in words:
        if word == "and" or (len(word) == 3 and word.lower() == "and"):
            if current:
                names.append(" ".join(current))
            current = []
        else:
            current.append(word)
    if current:
        names.append(" ".join(current))
    return names


# --- contribution marks -----------------------------------------------------------------------

_MARK_TOKENS = {
    "*": "*",
    "\\ast": "*",
    "\\star": "*",
    "†": "†",
    "\\dagger": "†",
    "\\dag": "†",
    "\\textdagger": "†",
    "‡": "‡",
    "\\ddagger": "‡",
    "\\ddag": "‡",
    "\\textdaggerdbl": "‡",
    "§": "§",
    "\\S": "§",
    "\\textsection": "§",
    "#": "#",
    "\\#": "#",
}
_MARK_TOKEN = LazyPattern(r"\\[A-Za-z]+|\\#|[*†‡§#]|[\s,{}]+")
# A trailing mark group, peeled off the end of the name one at a time.
_TRAILING_MARK = re.compile(
    r"(?:\\textsuperscript\{(?P<sup>[^{}]*)\}"
    r"|\$\^\{?(?P<math>[^${}]*)\}?\$"
    r"|\^\{(?P<caret_group>[^{}]*)\}"
    r"|\^(?P<caret>\\[A-Za-z]+|[*†‡§#])"
    r"|(?P<bare>[*†‡§]|\\#|#|\\dag\b|\\ddag\b|\\textdagger\b|\\textdaggerdbl\b))"
    r"\s*$"
)


def _marks_of(text: str) -> str | None:
    """The marks written in `text` (e.g. `*,\\dagger`), or None if it holds anything else."""
    marks: list[str] = []
    position = 0
    while position < len(text):
        match = _MARK_TOKEN.match(text, position)
        if match is None:
            return None
        token = match.group(0)
        if token.strip(" \t\n,{}"):
            if token not in _MARK_TOKENS:
                return None
            marks.append(_MARK_TOKENS[token])
        position = match.end()
    return "".join(marks) if marks else None


def _strip_marks(raw: str) -> tuple[str, str]:
    """Remove trailing contribution marks from a raw name; return (name, marks in order)."""
    groups: list[str] = []
    name = raw.rstrip()
    while True:
        match = _TRAILING_MARK.search(name)
        if match is None or not name[: match.start()].strip():
            break
        content = next(value for value in match.groupdict().values() if value is not None)
        marks = _marks_of(content)
        if marks is None:
            break
        groups.append(marks)
        name = name[: match.start()].rstrip()
    return name, "".join(reversed(groups))


def without_marks(raw: str) -> str:
    """An `author`/`editor` value without contribution marks (`Lovelace*, Ada` -> `Lovelace, Ada`),
    for BibTeX pasted into a paper; the value as written when it has none."""
    if not _MARK_CHARS.search(raw):
        return raw
    names = []
    for name in split_names(raw):
        parts = [_strip_marks(part)[0].strip() for part in _split_at_depth0(name, ",")]
        names.append(", ".join(parts))
    return " and ".join(names)


# What a contribution mark needs (see `_TRAILING_MARK`): a value without it has none.
_MARK_CHARS = re.compile(r"[*†‡§#^$]|\\(?:dag|ddag|textdagger|textsuperscript)")


# --- one name ---------------------------------------------------------------------------------

# Accent commands: the case of a word such as `\v{S}imon` is that of the accented letter.
_ACCENT_COMMANDS = frozenset("cvuHdbrkt") | {"'", '"', "`", "^", "~", "=", "."}


def _starts_lower_case(word: str) -> bool:
    """BibTeX's test for a `von` word: its first letter at brace depth 0 is lower-case.

    A brace group starting with a backslash (`{\\'e}mile`, `{\\ss}`) is a "special character"
    whose case counts; other brace groups are skipped (their case does not count).
    """
    if word[:1].isalpha():
        return word[0].islower()  # the usual case: a plain word
    index = 0
    length = len(word)
    while index < length:
        char = word[index]
        if char == "{":
            if index + 1 < length and word[index + 1] == "\\":
                index += 1  # special character: look inside, at the control sequence
                continue
            depth = 1
            index += 1
            while index < length and depth:
                if word[index] == "{":
                    depth += 1
                elif word[index] == "}":
                    depth -= 1
                index += 1
            continue
        if char == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", word[index:])
            if match is None:
                return False
            command = match.group(1)
            if command in _ACCENT_COMMANDS:
                index += len(match.group(0))
                if index < length and word[index] == "{":
                    index += 1  # `\v{S}`: the accented letter is inside the group
                continue
            return command[0].islower()
        if char.isalpha():
            return char.islower()
        index += 1
    return False


def _decoded(words: Iterable[str]) -> str:
    return latex_to_unicode(" ".join(words))


def _joined(words: Iterable[str]) -> str:
    """`_decoded` for words with nothing to decode (see `_NOT_PLAIN`)."""
    return " ".join(words)


# What makes a name more than plain text: LaTeX to decode (as `latex._NEEDS_DECODING`) or
# contribution marks to strip (as `_TRAILING_MARK`).
_NOT_PLAIN = re.compile(r"[\\{}~$^*†‡§#]|--|``|''")


def _is_fully_braced(text: str) -> bool:
    """True if `text` is one brace group: `{Barnes and Noble, Inc.}`."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False


def _von_last(words: list[str]) -> tuple[list[str], list[str]]:
    """Split "von Last" words: the von part ends at the last lower-case word before the last."""
    von_end = 0
    for index, word in enumerate(words[:-1]):
        if _starts_lower_case(word):
            von_end = index + 1
    return words[:von_end], words[von_end:]


def _usual_name(raw: str) -> Person | None:
    """`First Last` or `Last, First` in plain text, every family word capitalised (so no `von`
    part, no DBLP number, no `others`): the `Person` the full rules give, found with less work;
    None for any other name."""
    family, comma, given = raw.partition(",")
    if "," in given:
        return None
    words = family.split()
    if comma:
        first = given.split()
        if not first:
            return None  # `Lovelace,`: one part, read as `Lovelace`
        capitalised = words
    else:
        first, words = words[:-1], words[-1:]
        capitalised = first + words
    if not words or not all(word[0].isupper() for word in capitalised):
        return None
    return Person(first=" ".join(first), last=" ".join(words))


@lru_cache(maxsize=65536)
def parse_name(raw: str) -> Person:
    """Parse one BibTeX name (LaTeX allowed) into a `Person` with Unicode parts.

    Forms: `First von Last`, `von Last, First`, `von Last, Jr, First`. A name that is one brace
    group (`{Barnes and Noble, Inc.}`) becomes `Person(literal=...)`, as does `others`.
    Contribution marks after the name (`*`, `†`, `‡`, `§`, `#`, also written `^*`, `$^*$`,
    `\\textsuperscript{*}`, `\\dagger`) go to `Person.marks`, in the order written.
    """
    # Most names are plain text (`Ada Lovelace`, `Lovelace, Ada`): no marks to strip, no LaTeX.
    plain = _NOT_PLAIN.search(raw) is None
    if plain:
        usual = _usual_name(raw)
        if usual is not None:
            return usual
    decoded = _joined if plain else _decoded
    # Marks may follow the family name in `Last*, First` as well as the whole name.
    if plain:
        stripped_parts = [(part.rstrip(), "") for part in raw.strip().split(",")]
    else:
        stripped_parts = [_strip_marks(part) for part in _split_at_depth0(raw.strip(), ",")]
    name = ",".join(part for part, _ in stripped_parts).strip()
    marks = "".join(part_marks for _, part_marks in stripped_parts)
    if not name:
        return Person(literal=latex_to_unicode(raw), marks="") if raw.strip() else Person()
    if name.lower() == "others":
        return Person(literal="others", marks=marks)
    if _is_fully_braced(name):
        return Person(literal=latex_to_unicode(name), marks=marks)

    parts = [_words(part) for part in _split_at_depth0(name, ",")]
    parts = [part for part in parts if part] or [[]]
    # DBLP tells namesakes apart with a number: `Wei Wang 0001`. It is not part of the name.
    family = parts[0]
    if len(family) >= (3 if len(parts) == 1 else 2) and len(family[-1]) == 4 and family[-1].isdigit():
        parts[0] = family[:-1]
    first: list[str] = []
    jr: list[str] = []
    if len(parts) == 1:
        words = parts[0]
        von_start = next((i for i, word in enumerate(words[:-1]) if _starts_lower_case(word)), None)
        if von_start is None:
            first, last = words[:-1], words[-1:]
            von: list[str] = []
        else:
            first = words[:von_start]
            von, last = _von_last(words[von_start:])
    else:
        von, last = _von_last(parts[0])
        if len(parts) == 2:
            first = parts[1]
        elif len(parts) == 3 and _is_misplaced_suffix(" ".join(parts[1]), " ".join(parts[2])):
            # EndNote's `Fulton, James E., Jr.`: BibTeX reads "Jr." as the first name, but
            # the suffix is meant (`name_list_problem` warns).
            first, jr = parts[1], parts[2]
        else:
            jr = parts[1]
            first = [word for part in parts[2:] for word in part]
    return Person(
        first=decoded(first),
        von=decoded(von),
        last=decoded(last),
        jr=decoded(jr),
        marks=marks,
    )


def parse_names(raw: str) -> tuple[Person, ...]:
    """Parse a whole BibTeX `author` or `editor` field."""
    return tuple(parse_name(name) for name in split_names(raw))


# --- recognising the site owner ----------------------------------------------------------------

_APOSTROPHES = LazyPattern(r"['’`]")
_NON_WORD = re.compile(r"[\W_]+")


def _tokens(text: str) -> tuple[str, ...]:
    """Accent-free, case-folded name tokens: `Jean-Paul O'Brien` -> (jean, paul, obrien)."""
    if not text:
        return ()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    stripped = _APOSTROPHES.sub("", stripped.casefold())
    return tuple(token for token in _NON_WORD.split(stripped) if token)


def _given_compatible(ours: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Each pair of given-name tokens is equal, or one is the initial of the other."""
    for a, b in zip(ours, theirs, strict=False):
        if a == b:
            continue
        if len(a) == 1 and b.startswith(a):
            continue
        if len(b) == 1 and a.startswith(b):
            continue
        return False
    return True


class MeMatcher:
    """Recognise the site owner among authors, from the name variants of the `me` option.

    A person matches a variant when the family name (last name, without a `von` particle)
    is equal after removing accents, case, dots, hyphens and apostrophes, and the given names
    are compatible token by token (`A.` matches `Ada`; extra middle names are ignored).
    Names written as `First Last` whose family name has several words (`Gabriel García
    Márquez`) also match `García Márquez, Gabriel`. An empty list matches nobody.
    """

    def __init__(self, names: Iterable[str]) -> None:
        # last token of the family name -> [(family tokens, given tokens), ...]
        self._variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        self._literals: set[tuple[str, ...]] = set()
        self._cache: dict[Person, bool] = {}
        for name in names:
            person = parse_name(name)
            if person.literal:
                if not person.is_others:
                    self._literals.add(_tokens(person.literal))
                continue
            family = _tokens(person.last)
            if not family:
                continue
            given = _tokens(person.first)
            self._variants.setdefault(family[-1], []).append((family, given))
            self._literals.add(_tokens(person.full))

    def __bool__(self) -> bool:
        return bool(self._variants or self._literals)

    def matches(self, person: Person) -> bool:
        """True if `person` is one of the site owner's name variants."""
        cached = self._cache.get(person)
        if cached is None:
            cached = self._cache[person] = self._matches(person)
        return cached

    def _matches(self, person: Person) -> bool:
        if person.literal:
            return not person.is_others and _tokens(person.literal) in self._literals
        last = _tokens(person.last)
        if not last:
            return False
        candidates = self._variants.get(last[-1])
        if not candidates:
            return False
        von = set(_tokens(person.von))
        # Reading order without the particle: given names, then the family name.
        words = tuple(token for token in _tokens(person.first) if token not in von)
        words += last
        for family, given in candidates:
            if words[-len(family) :] != family:
                continue
            rest = words[: -len(family)]
            if given and not rest:
                continue
            if _given_compatible(given, rest):
                return True
        return False


# --- checking a name list -----------------------------------------------------------------------

# An HTML entity (`&amp;`, `&#233;`): its `;` does not separate names.
_ENTITY = re.compile(r"\\?&\\?#?\w+;")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "junior", "senior"})
# Suffixes recognised when written last (`Fulton, James E., Jr.`); not `V`, also an initial.
_LAST_SUFFIXES = _SUFFIXES - {"v"}


def _is_misplaced_suffix(middle: str, last: str) -> bool:
    """True for `Last, First, Jr` (EndNote's order): a suffix last, none in the middle."""
    return last.strip().lower() in _LAST_SUFFIXES and middle.strip().lower() not in _SUFFIXES


def name_list_problem(raw: str) -> str | None:
    """What is wrong with an `author` or `editor` field, or None when it reads as names.

    Flags what BibTeX itself chokes on or silently misreads: an empty name from a doubled,
    leading or trailing `and`, a name with more than two commas, and names separated by
    `;` or by commas instead of `and` (`Ada Lovelace, Charles Babbage, Mary Somerville`).
    """
    words = _words(raw)
    if not words:
        return None
    ands = [index for index, word in enumerate(words) if len(word) == 3 and word.lower() == "and"]
    if ands and (
        ands[0] == 0 or ands[-1] == len(words) - 1 or any(b - a == 1 for a, b in zip(ands, ands[1:], strict=False))
    ):
        return "an empty name (a doubled, leading or trailing 'and')"
    if ";" not in raw and "," not in raw:
        return None  # `First Last and First Last`: nothing below can be wrong
    for name in _names_of_words(words):
        if "=" in name:
            continue  # biblatex's extended name format: `family=Wit, given=Cynthia, prefix=de`
        if ";" in name and len(_split_at_depth0(_ENTITY.sub("", name), ";")) > 1:
            return f"names separated by ';' in '{name}'"
        if name.count(",") < 2:  # `First Last` or `Last, First`, the usual forms
            if name.startswith(","):
                return f"an empty part in the name '{name}'"
            continue
        parts = [part.strip() for part in _split_at_depth0(name, ",")]
        if len(parts) > 3:
            return f"too many commas in the name '{name}'"
        if len(parts) > 1 and not parts[0]:
            return f"an empty part in the name '{name}'"
        if len(parts) == 3 and _is_misplaced_suffix(parts[1], parts[2]):
            return (
                f"the suffix '{parts[2]}' is written last in '{name}', where BibTeX reads it as the first name; "
                f"write `{parts[0]}, {parts[2]}, {parts[1]}` (von Last, Jr, First)"
            )
        # `von Last, Jr, First`: a "Jr" part of several words is a list of names separated by
        # commas, unless it has a lower-case word (`Aubignac, abbé d', François Hédelin`).
        middle = _words(parts[1]) if len(parts) == 3 and parts[1].lower() not in _SUFFIXES else []
        if len(middle) > 1 and not any(_starts_lower_case(word) for word in middle):
            return f"names separated by commas in '{name}'"
    return None
