from desktop.stream.sharding import ShardMap


def names(n: int, start: int = 0) -> list[str]:
    return [f"s{i:03d}@miniTicker" for i in range(start, start + n)]


def test_streams_fill_shards_up_to_capacity() -> None:
    shards = ShardMap(50)
    gained = shards.assign(names(120))
    assert sorted(len(v) for v in gained.values()) == [20, 50, 50]
    assert shards.shards() == [0, 1, 2]


def test_assignment_is_stable_and_freed_room_is_reused() -> None:
    shards = ShardMap(2)
    shards.assign(["a", "b", "c", "d"])
    before = {s: shards.shard_of(s) for s in "abcd"}
    shards.release(["a"])
    gained = shards.assign(["e"])
    assert gained == {before["a"]: {"e"}}
    assert all(shards.shard_of(s) == before[s] for s in "bcd")


def test_empty_shards_are_dropped_and_their_ids_not_reused() -> None:
    shards = ShardMap(2)
    shards.assign(["a", "b", "c"])
    lost = shards.release(["c"])
    assert lost == {1: {"c"}}
    assert shards.drop_empty() == [1]
    shards.assign(["d", "e"])
    assert shards.shard_of("e") == 2


def test_a_swap_reuses_the_emptied_shard_before_it_is_dropped() -> None:
    shards = ShardMap(10)
    shards.assign(["a", "b"])
    shards.release(["a", "b"])
    assert shards.assign(["c"]) == {0: {"c"}}
    assert shards.drop_empty() == []


def test_a_stream_named_alone_gets_a_shard_no_other_stream_joins() -> None:
    shards = ShardMap(3, alone={"!all"})
    gained = shards.assign(["a", "!all", "b"])
    assert gained == {0: {"!all"}, 1: {"a", "b"}}
    shards.assign(["c", "d"])
    assert shards.members(0) == {"!all"}
    assert shards.members(1) == {"a", "b", "c"} and shards.members(2) == {"d"}
    shards.release(["!all"])
    assert shards.assign(["e"]) == {2: {"e"}}  # the emptied shard stays the full market's
    assert shards.assign(["!all"]) == {0: {"!all"}}  # …and takes it back
    shards.release(["!all"])
    assert shards.drop_empty() == [0]
    assert shards.assign(["!all"]) == {3: {"!all"}}
