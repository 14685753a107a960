"""contentlint: lint Markdown-family documents before they are published."""

__version__ = "0.1.0"

#: Where the documentation lives; each rule has an anchor in the README's rule list.
DOCUMENTATION_URL = "https://github.com/contentlint/contentlint#readme"


def rule_help_uri(rule_id: str | None) -> str:
    """The documentation link of a rule (or of the tool, for None)."""
    if rule_id is None:
        return DOCUMENTATION_URL
    return f"https://github.com/contentlint/contentlint/blob/main/README.md#{rule_id}"
