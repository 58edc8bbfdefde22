"""Shared fixtures: the seed corpus is checked once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# No property test may fail for being slow: CI machines and fresh clones (cold caches, slow
# disks) are much slower than a developer's laptop. Explicit @settings keep this default.
hypothesis_settings.register_profile("no-deadline", deadline=None)
hypothesis_settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_result():
    from consistency.pipeline import check

    return check([SEEDS])
