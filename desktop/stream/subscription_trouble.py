"""What one connection tells the user when the exchange refuses its subscriptions or its
streams go quiet, and how long it waits before asking again.

Kept apart from ``Connection`` (which owns the websocket's life) because it is its own
judgement: refusals back off on a schedule of their own, independent of reconnects, and
silence is first blamed on the connection, then accepted as a quiet market.
"""

from __future__ import annotations

from typing import Protocol

from desktop.exchange.ticker import ErrorReply
from desktop.stream.backoff import Backoff
from desktop.stream.config import StreamConfig
from desktop.wording import translate


class Reporter(Protocol):
    """Where the plain-words messages go (the stream client's error listeners)."""

    def report_problem(self, text: str) -> None: ...
    def report_recovered(self, text: str) -> None: ...


class SubscriptionTrouble:
    """The refusals and silences of one connection's streams, judged and told in plain words."""

    def __init__(self, reporter: Reporter, config: StreamConfig) -> None:
        self._reporter = reporter
        self._config = config
        self._refusals = Backoff(config.backoff_initial, config.backoff_max)
        self._silent_strikes = 0

    def delivered(self) -> None:
        """Market data arrived: whatever silence there was is over."""
        self._silent_strikes = 0

    def accepted(self) -> None:
        """The exchange acknowledged a subscription; say so if it had refused one before."""
        if self._refusals.attempt:
            self._reporter.report_recovered(
                translate(
                    "Stream",
                    "The exchange accepted the subscription it had refused; prices flow again.",
                )
            )
        self._refusals.reset()

    def refused(self, streams: tuple[str, ...], reply: ErrorReply, *, subscribing: bool) -> float:
        """Tell the user about a refused request; returns the delay before asking again."""
        delay = max(self._config.backoff_initial, self._refusals.next_delay())
        if subscribing:
            template = translate(
                "Stream",
                "The exchange refused to subscribe to {streams} ({reason}); "
                "trying again in {seconds} s.",
            )
        else:
            template = translate(
                "Stream",
                "The exchange refused to unsubscribe from {streams} ({reason}); "
                "trying again in {seconds} s.",
            )
        said = reply.msg or translate("Stream", "no reason given")
        if reply.code is not None:
            said = translate("Stream", "{reason}, code {code}").format(reason=said, code=reply.code)
        self._reporter.report_problem(
            template.format(
                streams=streams_words(streams), reason=said, seconds=max(1, round(delay))
            )
        )
        return delay

    def silent(self, streams: set[str], *, delivered_here: bool) -> bool:
        """Streams that delivered before have gone quiet: whether to reconnect.

        The first time, assume the connection is at fault and reconnect. If the fresh
        connection (``delivered_here`` false) brings nothing either, the streams are
        probably quiet for a reason (a contract that stopped trading): say so and stop
        judging by them, instead of reconnecting forever.
        """
        if self._silent_strikes == 0 or delivered_here:
            self._silent_strikes += 1
            return True
        self._silent_strikes = 0
        self._reporter.report_problem(
            translate(
                "Stream",
                "No market data for {streams} for {seconds} s, even after reconnecting; "
                "the contracts may have stopped trading.",
            ).format(
                streams=streams_words(tuple(sorted(streams))),
                seconds=f"{self._config.data_timeout:g}",
            )
        )
        return False


def streams_words(streams: tuple[str, ...]) -> str:
    """Streams named for people: their symbols, the first three and how many more."""
    names = [
        s.partition("@")[0].upper()
        if not s.startswith("!")
        else translate("Stream", "the all-market ticker")
        for s in streams
    ]
    if len(names) == 1:
        return names[0]
    if len(names) <= 3:
        return translate("Stream", "{names} and {last}").format(
            names=", ".join(names[:-1]), last=names[-1]
        )
    return translate("Stream", "{names} and {count} more").format(
        names=", ".join(names[:3]), count=len(names) - 3
    )
