"""contentlint: lint Markdown-family documents before they are published."""

__version__ = "0.1.0"

#: Where the documentation lives. Each built-in rule (and ``internal-error``) has a heading
#: ``### `rule-id` `` in the README's rule list, whose GitHub anchor is the rule id itself
#: (tests/unit/test_rule_help_links.py checks every one).
DOCUMENTATION_URL = "https://github.com/contentlint/contentlint#readme"


def rule_help_uri(rule_id: str | None) -> str:
    """The documentation link of a rule (or of the tool, for None): the README heading of the
    rule, ``#`` and the rule id being GitHub's slug of a heading that is the id in backticks."""
    if rule_id is None:
        return DOCUMENTATION_URL
    return f"https://github.com/contentlint/contentlint/blob/main/README.md#{rule_id}"
