"""The message catalogue (mkdocs_academic/messages.py) says what the code prints.

The code's message texts are read out of the source by tests/message_scan.py; each must be a
template of a catalogue entry, and each catalogue template must still be in the code. That each
entry's example is what a build really prints is checked by tests/test_bad_input.py.
"""

from __future__ import annotations

import re

import pytest
from message_scan import HOLE, MessageScan, Template

from mkdocs_academic.messages import BY_ID, MESSAGES, PREFIXES, SECTIONS, catalogue_markdown


def template_pattern(template: str) -> re.Pattern[str]:
    """A catalogue template as a regex: `{}` stands for any text."""
    return re.compile(".*".join(re.escape(part) for part in template.split(HOLE)), re.DOTALL)


@pytest.fixture(scope="module")
def code_templates() -> dict[str, Template]:
    return MessageScan().templates()


def test_the_scan_finds_the_messages_of_every_layer(code_templates: dict[str, Template]) -> None:
    """A guard on the scanner itself: it must see messages of data, blocks, options and hosts."""
    places = {place.split("/")[0].split(":")[0] for t in code_templates.values() for place in t.places}
    assert {"data", "options.py", "outputs.py", "plugin.py"} <= places, places
    assert len(code_templates) > 120
    assert "undefined macro '{}' in field '{}' of entry '{}'" in code_templates  # through a Problem
    assert "missing title" in code_templates  # through fields.py's report()
    assert "text inside the block is ignored; put it before or after the block" in code_templates  # self.warn()


def test_every_message_of_the_code_is_in_the_catalogue(code_templates: dict[str, Template]) -> None:
    listed = [t for message in MESSAGES for t in message.templates]
    patterns = [template_pattern(t) for t in listed] + [re.compile(re.escape(p)) for p in PREFIXES]
    missing = [
        f"    {text!r},  # {', '.join(template.places)}"
        for text, template in sorted(code_templates.items())
        if not any(pattern.fullmatch(text) for pattern in patterns)
    ]
    assert not missing, (
        "messages of the code that mkdocs_academic/messages.py does not list: add each to the `templates` "
        "of an entry (or a new entry, with a case in tests/test_bad_input.py):\n" + "\n".join(missing)
    )


def test_every_template_of_the_catalogue_is_still_in_the_code(code_templates: dict[str, Template]) -> None:
    listed = [(message.id, template) for message in MESSAGES for template in message.templates]
    stale = [
        f"{where}: {template!r}"
        for where, template in [*listed, *(("PREFIXES", prefix) for prefix in PREFIXES)]
        if not any(template_pattern(template).fullmatch(text) for text in code_templates)
    ]
    assert not stale, "catalogue templates that no code prints any more (reworded?):\n" + "\n".join(stale)


def test_templates_have_words_enough_not_to_match_any_message() -> None:
    """`{}` matches any text: a template of a few letters would cover messages it is not about."""
    for message in MESSAGES:
        for template in message.templates:
            letters = re.sub(r"[^A-Za-z]", "", template.replace(HOLE, ""))
            assert HOLE not in template or len(letters) >= 8, (message.id, template)


def test_each_example_is_a_message_of_its_entry() -> None:
    """The example shows one of the entry's templates: its longest run of words is in it."""
    for message in MESSAGES:
        assert message.section in SECTIONS, message.id
        assert message.templates and message.problem and message.fix, message.id
        words = [max(t.split(HOLE), key=len).strip(" '\":;,()")[:40] for t in message.templates]
        assert any(part in message.example for part in words), (message.id, words)


def test_ids_are_unique_and_the_page_lists_them_all() -> None:
    assert len(BY_ID) == len(MESSAGES)
    page = catalogue_markdown()
    for message in MESSAGES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", message.id), message.id
        assert f"| `{message.id}` |" in page, message.id
    for heading in SECTIONS.values():
        assert f"## {heading}" in page
