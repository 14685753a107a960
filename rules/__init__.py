"""The built-in rules, one module per rule, registered through entry points in pyproject.toml."""
