import asyncio

from desktop.stream.pacing import EXCHANGE_LIMIT, Pacer


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def max_in_any_second(stamps: list[float]) -> int:
    return max(sum(1 for t in stamps if s <= t < s + 1.0) for s in stamps)


def test_requests_never_exceed_the_rate_in_any_second() -> None:
    clock = FakeClock()
    pacer = Pacer(4.0, clock=clock)
    sent = []
    for _ in range(40):
        clock.now += pacer.delay()
        pacer.take()
        sent.append(clock.now)
    assert max_in_any_second(sent) <= 5  # burst 1 + 4 per second
    assert sent[-1] - sent[0] >= 39 / 4 - 1e-9


def test_pings_and_pongs_take_room_from_requests() -> None:
    clock = FakeClock()
    pacer = Pacer(5.0, clock=clock)
    all_sends = []
    for i in range(100):
        if i % 3 == 0:  # a ping or pong we cannot delay, arriving every few requests
            pacer.note_unpaced()
            all_sends.append(clock.now)
        clock.now += pacer.delay()
        pacer.take()
        all_sends.append(clock.now)
    assert max_in_any_second(all_sends) < EXCHANGE_LIMIT


def test_window_cap_holds_even_with_a_generous_bucket() -> None:
    clock = FakeClock()
    pacer = Pacer(50.0, burst=20, window_cap=7, clock=clock)
    sent = []
    for _ in range(50):
        clock.now += pacer.delay()
        pacer.take()
        sent.append(clock.now)
    assert max_in_any_second(sent) <= 7


def test_ready_waits_in_real_time() -> None:
    async def main() -> float:
        pacer = Pacer(20.0)
        loop = asyncio.get_running_loop()
        started = loop.time()
        for _ in range(5):
            await pacer.ready()
            pacer.take()
        return loop.time() - started

    assert asyncio.run(main()) >= 4 / 20 - 0.01


def test_pings_and_pongs_at_the_token_rate_do_not_starve_requests() -> None:
    clock = FakeClock()
    pacer = Pacer(4.0, clock=clock)
    all_sends, requests = [], 0
    next_unpaced = clock.now
    while clock.now < 130.0:  # 30 s of a server pinging twice a second, we too
        while next_unpaced <= clock.now:
            pacer.note_unpaced()
            all_sends.append(next_unpaced)
            next_unpaced += 0.25
        wait = pacer.delay()
        if wait > 0:
            clock.now = min(clock.now + wait, next_unpaced)
            continue
        pacer.take()
        all_sends.append(clock.now)
        requests += 1
    assert requests >= 30  # about one a second is left for requests, not none
    assert max_in_any_second(sorted(all_sends)) < EXCHANGE_LIMIT
