"""contentlint: lint Markdown-family documents before they are published."""

__version__ = "0.1.0"
