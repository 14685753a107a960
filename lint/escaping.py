"""Text from documents and configs made safe to print: a control character is shown as an
escape (``\\x1b``, ``\\n``), never sent, so no document can drive the terminal (colours, OSC 52
clipboard writes) or start a line of its own (a CI workflow command such as ``::error``)."""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}
#: Every C0 control but the tab, DEL, and every C1 control, to its escape.
_VISIBLE = {
    code: _NAMED.get(chr(code), f"\\x{code:02x}")
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
    if code != 0x09
} | {0x2028: "\\u2028", 0x2029: "\\u2029"}


#: Any of those characters (a table lookup per character costs more than one search).
_ESCAPED = re.compile("[" + "".join(re.escape(chr(code)) for code in _VISIBLE) + "]")


def visible(text: str) -> str:
    """``text`` with its control characters (and line and paragraph separators) escaped."""
    return text.translate(_VISIBLE) if _ESCAPED.search(text) else text


#: The same characters, each to one character (a Unicode control picture, or U+FFFD), so
#: that a source line keeps its columns under the carets.
_PICTURES = {
    code: chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"
    for code in _VISIBLE
    if code < 0x2028
} | {0x2028: "\ufffd", 0x2029: "\ufffd"}


def pictured(text: str) -> str:
    """``text`` with each control character replaced by one visible character."""
    return text.translate(_PICTURES) if _ESCAPED.search(text) else text
