"""The Harper engine's own parts: kinds mapped to rules, long texts checked in pieces."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lint.prose.engines import Part, Unit
from lint.prose.engines.harper_engine import HarperEngine, chunks, rule_of_kind
from lint.prose.settings import ProseSettings


def test_kinds_map_to_the_three_rules() -> None:
    assert rule_of_kind("Spelling") == "spelling"
    assert rule_of_kind("Typo") == "spelling"
    assert rule_of_kind("Agreement") == "grammar"
    assert rule_of_kind("Repetition") == "grammar"
    assert rule_of_kind("Readability") == "style"
    assert rule_of_kind("SomethingNew") == "style"


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=5000), st.integers(50, 1200))
def test_chunks_cover_the_text_in_order(text: str, limit: int) -> None:
    pieces = list(chunks(text, limit))
    assert "".join(piece for _, piece in pieces) == text
    position = 0
    for offset, piece in pieces:
        assert offset == position
        assert len(piece) <= limit or "\n" not in piece[1:]
        position += len(piece)


def test_a_long_text_is_checked_in_pieces_at_the_right_offsets() -> None:
    sentence = "The cache keeps data close to where it is needed.\n"
    text = sentence * 60 + "A recieve at the end.\n"
    engine = HarperEngine(ProseSettings())
    (found,) = engine.check([Unit(text, (Part(text),))])
    spelling = [finding for finding in found if finding.rule == "spelling"]
    assert [text[f.start : f.end] for f in spelling] == ["recieve"]
