"""Fuzzing the whole pipeline in CI, with a bounded number of examples (fuzz/ runs longer)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.checking import check_everything
from tests.hardening.strategies import documents, raw_bytes

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(raw_bytes, st.sampled_from([".md", ".qmd", ".mdx"]))
def test_any_bytes_through_every_rule(data: bytes, suffix: str) -> None:
    check_everything(data, suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_document_through_the_prose_rules(text: str) -> None:
    check_everything(text.encode("utf-8"), ".md", prose=True)
