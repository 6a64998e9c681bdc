"""The runtime-drawn tray icon: every size and pixel ratio; colours say up/down/stale/offline;
from 22 px on it names the symbol; demo and offline are unmistakable."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from desktop.qt.tray_icon import (
    DEMO_COLOR,
    DOWN_COLOR,
    FLAT_COLOR,
    ICON_SIZES,
    IDLE_COLOR,
    OFFLINE_COLOR,
    PIXEL_RATIOS,
    STALE_COLOR,
    UP_COLOR,
    IconState,
    demo_frame_width,
    distinct_labels,
    icon_label,
    make_icon,
    make_idle_icon,
    render_idle_icon,
    render_tray_icon,
    shown_sign,
)
from tests.hidpi_pixels import fine_blocks

pytestmark = pytest.mark.usefixtures("qapp")  # QFont and QPixmap need a QGuiApplication

ALL_SIZES = [(size, ratio) for size in ICON_SIZES for ratio in PIXEL_RATIOS]
WHITE = QColor("#ffffff").rgb()


def rgb(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).rgb()


def tile_pixel(image: QImage) -> int:
    """A pixel of the tile clear of arrow, digits, demo corner and rounded corners."""
    w, h = image.width(), image.height()
    return rgb(image, max(2, w // 8), max(1, h // 10))


def ink_in_row(image: QImage, y: int, ink: int = WHITE) -> int:
    return sum(rgb(image, x, y) == ink for x in range(image.width()))


@pytest.mark.parametrize(("size", "ratio"), ALL_SIZES)
def test_icon_renders_at_every_tray_size_and_pixel_ratio(size: int, ratio: float) -> None:
    image = render_tray_icon(Decimal("2.31"), size_px=size, device_pixel_ratio=ratio)
    assert (image.width(), image.height()) == (round(size * ratio), round(size * ratio))
    assert image.devicePixelRatio() == ratio
    assert image.pixelColor(0, 0).alpha() < 255  # rounded tile: the corner shows the tray
    assert tile_pixel(image) == UP_COLOR.rgb()
    light = sum(
        image.pixelColor(x, y).lightness() > 200
        for x in range(image.width())
        for y in range(image.height())
    )
    assert light >= image.width() * image.height() // 8  # arrow and digits, not a blank tile


@pytest.mark.parametrize(("size", "ratio"), ALL_SIZES)
def test_tile_colour_says_up_down_flat_stale_and_offline(size: int, ratio: float) -> None:
    def colour(change: str | None, state: IconState = IconState.LIVE) -> int:
        value = None if change is None else Decimal(change)
        image = render_tray_icon(value, state, size_px=size, device_pixel_ratio=ratio)
        return tile_pixel(image)

    seen = {
        "up": colour("2.31"),
        "down": colour("-12.7"),
        "flat": colour("0"),
        "unknown": colour(None),
        "stale": colour("2.31", IconState.STALE),
        "offline": colour("-12.7", IconState.OFFLINE),
    }
    assert seen == {
        "up": UP_COLOR.rgb(),
        "down": DOWN_COLOR.rgb(),
        "flat": FLAT_COLOR.rgb(),
        "unknown": FLAT_COLOR.rgb(),
        "stale": STALE_COLOR.rgb(),
        "offline": OFFLINE_COLOR.rgb(),
    }
    up, down = QColor(seen["up"]), QColor(seen["down"])
    assert up.green() > up.red() and down.red() > down.green()
    for grey in (QColor(seen["stale"]), QColor(seen["offline"])):
        assert (
            max(grey.red(), grey.green(), grey.blue()) - min(grey.red(), grey.green(), grey.blue())
            < 16
        )


def test_sixteen_pixel_arrow_points_the_way_the_price_went() -> None:
    up = render_tray_icon(Decimal("2.31"), size_px=16)
    down = render_tray_icon(Decimal("-2.31"), size_px=16)
    # The 4-row arrow sits in rows 1–4: 1 px at its tip, 7 px at its base.
    assert [ink_in_row(up, y) for y in range(1, 5)] == [1, 3, 5, 7]
    assert [ink_in_row(down, y) for y in range(1, 5)] == [7, 5, 3, 1]


def test_sixteen_pixel_digits_are_drawn_pixel_for_pixel() -> None:
    image = render_tray_icon(Decimal("2.31"), size_px=16)
    # "2.3" in the bold 5-wide font, 9 rows from row 6; first row of "2" is ".###."
    assert [rgb(image, x, 6) == WHITE for x in range(1, 6)] == [False, True, True, True, False]
    # the decimal point: a 2×2 dot on the two bottom rows, after "2" and a gap
    assert all(rgb(image, x, y) == WHITE for x in (7, 8) for y in (13, 14))
    assert rgb(image, 7, 12) != WHITE


def test_three_digits_still_fit_sixteen_pixels() -> None:
    image = render_tray_icon(Decimal("145"), size_px=16)
    digit_rows = range(6, 15)
    columns = {x for x in range(16) for y in digit_rows if rgb(image, x, y) == WHITE}
    assert min(columns) >= 1 and max(columns) <= 14  # inside the tile, clear of the edge
    assert len(columns) >= 11  # three glyphs, not one squeezed blob


def test_different_numbers_draw_different_icons() -> None:
    images = {text: render_tray_icon(Decimal(text), size_px=16) for text in ("2.31", "12.7", "0.4")}
    assert len({bytes(image.constBits()) for image in images.values()}) == 3


def image_bytes(image: QImage) -> bytes:
    return bytes(image.constBits())


def band(image: QImage, top: float, bottom: float) -> bytes:
    """The rows between fractions ``top`` and ``bottom`` of the height, as bytes."""
    h = image.height()
    return image_bytes(image.copy(0, round(h * top), image.width(), round(h * (bottom - top))))


def most_common_colour(image: QImage) -> int:
    """The tile's colour: what most pixels are, whatever the letters cover."""
    counts = Counter(rgb(image, x, y) for x in range(image.width()) for y in range(image.height()))
    return counts.most_common(1)[0][0]


#: The sizes the README shows and the issue names: GNOME/KDE 22 and 24, Windows 32.
NAMED_SIZES = [22, 24, 32]


@pytest.mark.parametrize("size", NAMED_SIZES)
def test_two_pins_with_the_same_change_differ_in_the_symbol_part(size: int) -> None:
    btc = render_tray_icon(Decimal("2.31"), label="BTC", size_px=size)
    eth = render_tray_icon(Decimal("2.31"), label="ETH", size_px=size)
    assert band(btc, 0, 0.45) != band(eth, 0, 0.45)  # the letters tell them apart
    assert band(btc, 0.55, 1) == band(eth, 0.55, 1)  # the change part is the same
    unlabelled = render_tray_icon(Decimal("2.31"), size_px=size)
    assert image_bytes(btc) != image_bytes(unlabelled)


@pytest.mark.parametrize("size", [16, *NAMED_SIZES])
@pytest.mark.parametrize("tiny", ["-0.03", "0.049", "-0.0001"])
def test_a_move_that_rounds_to_zero_is_drawn_flat(size: int, tiny: str) -> None:
    drawn = render_tray_icon(Decimal(tiny), label="BTC", size_px=size)
    flat = render_tray_icon(Decimal("0"), label="BTC", size_px=size)
    assert most_common_colour(drawn) == FLAT_COLOR.rgb()  # not the down (or up) colour
    assert image_bytes(drawn) == image_bytes(flat)  # no arrow either: the flat icon itself
    assert shown_sign(Decimal(tiny)) == 0
    assert shown_sign(Decimal("-0.05")) == -1  # "0.1" is shown: a real move keeps its arrow


@pytest.mark.parametrize("size", ICON_SIZES)
def test_demo_icon_is_framed_in_amber_all_round(size: int) -> None:
    image = render_tray_icon(Decimal("2.31"), label="BTC", demo=True, size_px=size)
    plain = render_tray_icon(Decimal("2.31"), label="BTC", size_px=size)
    frame = demo_frame_width(size)
    assert frame >= (2 if size >= 22 else 1)  # not a hairline where it must be seen
    mid, last = size // 2, size - 1
    # From the middle of each edge, ``frame`` pixels inwards are amber.
    for step in range(frame):
        for x, y in ((mid, step), (mid, last - step), (step, mid), (last - step, mid)):
            assert rgb(image, x, y) == DEMO_COLOR.rgb()
            assert rgb(plain, x, y) != DEMO_COLOR.rgb()


@pytest.mark.parametrize("size", [16, *NAMED_SIZES])
def test_offline_shows_off_instead_of_an_old_number(size: int) -> None:
    def offline(change: str) -> QImage:
        return render_tray_icon(Decimal(change), IconState.OFFLINE, label="ETH", size_px=size)

    assert image_bytes(offline("3.4")) == image_bytes(offline("-12.7"))  # no number shown
    live = render_tray_icon(Decimal("3.4"), label="ETH", size_px=size)
    assert band(offline("3.4"), 0.55, 1) != band(live, 0.55, 1)
    # White ink on the tile, not a dimmed grey glyph that cannot be read at 22 px.
    assert sum(ink_in_row(offline("3.4"), y) for y in range(size)) >= size


def test_icon_label_names_the_base_asset() -> None:
    assert icon_label("BTCUSDT", "BTC") == "BTC"
    assert icon_label("1000PEPEUSDT", "1000PEPE") == "PEP"  # the multiplier is not a name
    assert icon_label("DOGEUSDC") == "DOG"  # no catalog yet: the quote asset comes off
    assert icon_label("币安人生USDT", "币安人生") == "币"  # wide characters count two
    assert icon_label("XRPUSDT", "") == "XRP"


def test_pins_that_would_read_the_same_get_one_more_letter() -> None:
    labels = distinct_labels({"ETHUSDT": "ETH", "ETHFIUSDT": "ETHFI", "BTCUSDT": "BTC"})
    assert labels == {"ETHUSDT": "ETH", "ETHFIUSDT": "ETHF", "BTCUSDT": "BTC"}


def test_idle_icon_is_neutral_and_has_no_number() -> None:
    for size, ratio in ALL_SIZES:
        image = render_idle_icon(size_px=size, device_pixel_ratio=ratio)
        assert tile_pixel(image) == IDLE_COLOR.rgb()


@pytest.mark.parametrize(("size", "ratio"), ALL_SIZES)
def test_qicon_hands_out_the_drawn_pixmap_unscaled(size: int, ratio: float) -> None:
    icon = make_icon(Decimal("-12.7"), IconState.STALE)
    pixmap = icon.pixmap(QSize(size, size), ratio)
    assert pixmap.width() == round(size * ratio)
    expected = render_tray_icon(
        Decimal("-12.7"), IconState.STALE, size_px=size, device_pixel_ratio=ratio
    )
    got = pixmap.toImage().convertToFormat(expected.format())
    assert bytes(got.constBits()) == bytes(expected.constBits())


def test_idle_qicon_has_every_size() -> None:
    icon = make_idle_icon()
    for size, ratio in ALL_SIZES:
        assert icon.pixmap(QSize(size, size), ratio).width() == round(size * ratio)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_at_200_percent_the_icon_is_drawn_at_device_pixels_not_blown_up(size: int) -> None:
    """The 2× pixmap a 200 % tray gets from the icon has twice the pixels each way and
    detail finer than a 1× pixel: sharper than the 1× icon scaled up, as Qt would."""
    sharp = make_icon(Decimal("2.31"), label="BTC").pixmap(QSize(size, size), 2.0).toImage()
    one = render_tray_icon(Decimal("2.31"), label="BTC", size_px=size, device_pixel_ratio=1.0)
    assert (sharp.width(), sharp.height(), sharp.devicePixelRatio()) == (2 * size, 2 * size, 2.0)
    blown_up = one.scaled(sharp.size(), mode=Qt.TransformationMode.SmoothTransformation)
    doubled = one.scaled(sharp.size(), mode=Qt.TransformationMode.FastTransformation)
    assert fine_blocks(doubled) == 0  # the measure's own check: whole 1× pixels have none
    assert fine_blocks(sharp) > 4 * fine_blocks(blown_up) + 40


@pytest.mark.parametrize("size", [22, 24, 32, 48])
def test_the_arrow_stays_in_its_room_clear_of_the_tile_edge(size: int) -> None:
    for change in (Decimal("2.31"), Decimal("-1.27")):
        image = render_tray_icon(change, label="BTC", size_px=size, device_pixel_ratio=2.0)
        w, h = image.width(), image.height()
        inked = [
            x
            for y in range(h // 2, h)
            for x in range(w)
            if image.pixelColor(x, y).lightness() > 200  # the white ink
        ]
        assert min(inked) >= 0.05 * w  # a margin, as the letters above have
