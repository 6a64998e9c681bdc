"""What a connection tells the user about refusals and silence (``subscription_trouble``)."""

from __future__ import annotations

from desktop.exchange.ticker import ErrorReply
from desktop.stream.config import StreamConfig
from desktop.stream.subscription_trouble import SubscriptionTrouble, streams_words

CONFIG = StreamConfig(backoff_initial=0.5, data_timeout=15.0)


class Told:
    """A reporter that keeps what it was told."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.recovered: list[str] = []

    def report_problem(self, text: str) -> None:
        self.problems.append(text)

    def report_recovered(self, text: str) -> None:
        self.recovered.append(text)


def test_a_refusal_is_told_with_the_exchanges_reason_and_the_wait() -> None:
    told = Told()
    trouble = SubscriptionTrouble(told, CONFIG)
    reply = ErrorReply(id=3, code=-1121, msg="Invalid symbol")
    delay = trouble.refused(("btcusdt@miniTicker",), reply, subscribing=True)
    assert delay >= CONFIG.backoff_initial
    assert told.problems == [
        "The exchange refused to subscribe to BTCUSDT (Invalid symbol, code -1121); "
        f"trying again in {max(1, round(delay))} s."
    ]


def test_an_acceptance_after_a_refusal_is_told_once() -> None:
    told = Told()
    trouble = SubscriptionTrouble(told, CONFIG)
    trouble.accepted()
    assert told.recovered == []  # nothing was refused
    trouble.refused(("btcusdt@miniTicker",), ErrorReply(1, None, ""), subscribing=True)
    trouble.accepted()
    trouble.accepted()
    assert len(told.recovered) == 1


def test_silence_reconnects_once_then_is_accepted_as_a_quiet_market() -> None:
    told = Told()
    trouble = SubscriptionTrouble(told, CONFIG)
    streams = {"btcusdt@miniTicker"}
    assert trouble.silent(streams, delivered_here=True)  # blame the connection first
    assert not trouble.silent(streams, delivered_here=False)  # the fresh one brought nothing
    assert told.problems == [
        "No market data for BTCUSDT for 15 s, even after reconnecting; "
        "the contracts may have stopped trading."
    ]


def test_data_between_silences_starts_the_judgement_over() -> None:
    trouble = SubscriptionTrouble(Told(), CONFIG)
    streams = {"btcusdt@miniTicker"}
    assert trouble.silent(streams, delivered_here=True)
    trouble.delivered()
    assert trouble.silent(streams, delivered_here=False)


def test_streams_are_named_by_symbol_three_at_most() -> None:
    assert streams_words(("!miniTicker@arr",)) == "the all-market ticker"
    assert streams_words(("a@x", "b@x")) == "A and B"
    assert streams_words(("a@x", "b@x", "c@x", "d@x", "e@x")) == "A, B, C and 2 more"
