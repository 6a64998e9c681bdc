import random

import pytest

from desktop.stream.backoff import Backoff


def test_ceiling_doubles_up_to_the_cap_and_delays_stay_under_it() -> None:
    backoff = Backoff(0.5, 30.0, rng=random.Random(1))
    ceilings = []
    for _ in range(10):
        ceiling = backoff.ceiling()
        delay = backoff.next_delay()
        assert 0 <= delay <= ceiling
        ceilings.append(ceiling)
    assert ceilings == [0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30]
    assert backoff.attempt == 10


def test_full_jitter_spreads_delays_over_the_whole_range() -> None:
    delays = []
    for seed in range(200):
        backoff = Backoff(1.0, 30.0, rng=random.Random(seed))
        backoff.attempt = 3
        delays.append(backoff.next_delay())
    assert min(delays) < 1.0 and max(delays) > 7.0  # uniform over [0, 8]


def test_reset_starts_over_and_huge_attempt_counts_do_not_overflow() -> None:
    backoff = Backoff(0.5, 30.0)
    backoff.attempt = 10_000
    assert backoff.ceiling() == 30.0
    backoff.reset()
    assert backoff.attempt == 0 and backoff.ceiling() == 0.5


def test_nonsense_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Backoff(0, 1)
    with pytest.raises(ValueError):
        Backoff(2, 1)
