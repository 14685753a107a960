"""What a run imports before it needs it: an editor's on-save check pays for every module."""

from __future__ import annotations

import subprocess
import sys


def test_loading_the_rules_does_not_import_the_prose_checking() -> None:
    code = (
        "import sys\n"
        "from lint.run import load_rule_classes\n"
        "rules = load_rule_classes()\n"
        "assert {'spelling', 'grammar', 'style'} <= set(rules)\n"
        "print('lint.prose.checking' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
