"""Turning the model into HTML: Jinja2 templates, labels and formatting helpers."""
