"""The Python-Markdown extension and its Blocks (no MkDocs imports here)."""

from .extension import AcademicExtension, makeExtension

__all__ = ["AcademicExtension", "makeExtension"]
