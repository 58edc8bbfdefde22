"""Shared fixtures: the seed corpus is checked once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_result():
    from consistency.pipeline import check

    return check([SEEDS])
