"""The one logger of mkdocs-academic: every message starts with "academic: ".

Its name is under `mkdocs.`, so MkDocs (and ProperDocs) count its warnings for `--strict`;
naming it needs no import of MkDocs, so the data, render and Markdown layers can use it too.
Pass data as arguments (`log.warning("%s", problem)`), never inside the message itself.
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any

PREFIX = "academic: "
LOGGER_NAME = "mkdocs.plugins.academic"


class PrefixedLogger(logging.LoggerAdapter):
    """A logger adapter that puts `PREFIX` before every message."""

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        return f"{PREFIX}{msg}", kwargs


log = PrefixedLogger(logging.getLogger(LOGGER_NAME), {})
