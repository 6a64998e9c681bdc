"""The simulated exchange's default listing: about a hundred real USD-M contracts.

Each row is a real Binance USD-M futures contract with a plausible late-2026 price and
its real-world tick and lot sizes, so the app meets the same spread of magnitudes (from
``1000SATSUSDT`` at 0.0000400 to ``BTCUSDT`` above 100 000), quote assets (USDT and USDC),
contract types (perpetual, quarterly, TradFi perpetual), a non-ASCII symbol and
non-trading statuses that the live exchange serves.

``default_contracts()`` expands the rows into ``exchangeInfo``-style ``symbols[]``
entries. The extra key ``simPrice`` (the starting price) is the simulator's own; the
REST server strips it before answering.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final, NamedTuple

SIM_PRICE_KEY: Final = "simPrice"

PERPETUAL: Final = "PERPETUAL"
CURRENT_QUARTER: Final = "CURRENT_QUARTER"
NEXT_QUARTER: Final = "NEXT_QUARTER"
TRADIFI_PERPETUAL: Final = "TRADIFI_PERPETUAL"

# Binance's "perpetual" delivery date: 2100-12-25 08:00 UTC.
_PERPETUAL_DELIVERY: Final = 4133404800000


class _Row(NamedTuple):
    symbol: str
    base: str
    quote: str
    price: str
    tick: str
    step: str
    contract_type: str = PERPETUAL
    underlying_type: str = "COIN"
    sub_type: str = ""
    status: str = "TRADING"
    delivery: str = ""  # YYMMDD for quarterlies


# fmt: off
_ROWS: Final[tuple[_Row, ...]] = (
    # USDT-margined perpetuals
    _Row("BTCUSDT", "BTC", "USDT", "104250.00", "0.10", "0.001", sub_type="PoW"),
    _Row("ETHUSDT", "ETH", "USDT", "3890.00", "0.01", "0.001", sub_type="Layer-1"),
    _Row("BNBUSDT", "BNB", "USDT", "905.000", "0.010", "0.01", sub_type="CEX"),
    _Row("SOLUSDT", "SOL", "USDT", "212.0000", "0.0100", "0.01", sub_type="Layer-1"),
    _Row("XRPUSDT", "XRP", "USDT", "2.4800", "0.0001", "0.1", sub_type="Payment"),
    _Row("DOGEUSDT", "DOGE", "USDT", "0.245000", "0.000010", "1", sub_type="Meme"),
    _Row("ADAUSDT", "ADA", "USDT", "0.81000", "0.00010", "1", sub_type="Layer-1"),
    _Row("TRXUSDT", "TRX", "USDT", "0.31000", "0.00001", "1", sub_type="Layer-1"),
    _Row("AVAXUSDT", "AVAX", "USDT", "31.5000", "0.0010", "1", sub_type="Layer-1"),
    _Row("LINKUSDT", "LINK", "USDT", "22.100", "0.001", "0.01", sub_type="Infrastructure"),
    _Row("DOTUSDT", "DOT", "USDT", "5.200", "0.001", "0.1", sub_type="Layer-0"),
    _Row("LTCUSDT", "LTC", "USDT", "112.00", "0.01", "0.001", sub_type="PoW"),
    _Row("BCHUSDT", "BCH", "USDT", "560.00", "0.01", "0.001", sub_type="PoW"),
    _Row("ETCUSDT", "ETC", "USDT", "21.000", "0.001", "0.01", sub_type="PoW"),
    _Row("XLMUSDT", "XLM", "USDT", "0.40000", "0.00001", "1", sub_type="Payment"),
    _Row("ATOMUSDT", "ATOM", "USDT", "5.100", "0.001", "0.01", sub_type="Layer-0"),
    _Row("NEARUSDT", "NEAR", "USDT", "3.1000", "0.0010", "1", sub_type="Layer-1"),
    _Row("FILUSDT", "FIL", "USDT", "2.700", "0.001", "0.1", sub_type="Storage"),
    _Row("APTUSDT", "APT", "USDT", "5.6000", "0.0001", "0.1", sub_type="Layer-1"),
    _Row("ARBUSDT", "ARB", "USDT", "0.45000", "0.00010", "0.1", sub_type="Layer-2"),
    _Row("OPUSDT", "OP", "USDT", "0.7500", "0.0001", "0.1", sub_type="Layer-2"),
    _Row("SUIUSDT", "SUI", "USDT", "3.600000", "0.000100", "0.1", sub_type="Layer-1"),
    _Row("TONUSDT", "TON", "USDT", "3.0000", "0.0001", "0.1", sub_type="Layer-1"),
    _Row("UNIUSDT", "UNI", "USDT", "9.8000", "0.0010", "1", sub_type="DeFi"),
    _Row("AAVEUSDT", "AAVE", "USDT", "290.000", "0.010", "0.1", sub_type="DeFi"),
    _Row("INJUSDT", "INJ", "USDT", "14.000000", "0.001000", "0.1", sub_type="DeFi"),
    _Row("TIAUSDT", "TIA", "USDT", "1.7000", "0.0001", "1", sub_type="Layer-1"),
    _Row("SEIUSDT", "SEI", "USDT", "0.28000", "0.00001", "1", sub_type="Layer-1"),
    _Row("WLDUSDT", "WLD", "USDT", "1.3000", "0.0001", "1", sub_type="AI"),
    _Row("ENAUSDT", "ENA", "USDT", "0.6200", "0.0001", "1", sub_type="DeFi"),
    _Row("PENDLEUSDT", "PENDLE", "USDT", "4.5000", "0.0001", "1", sub_type="DeFi"),
    _Row("JUPUSDT", "JUP", "USDT", "0.5400", "0.0001", "1", sub_type="DeFi"),
    _Row("PYTHUSDT", "PYTH", "USDT", "0.15000", "0.00010", "1", sub_type="Infrastructure"),
    _Row("WIFUSDT", "WIF", "USDT", "0.8500", "0.0001", "0.1", sub_type="Meme"),
    _Row("ONDOUSDT", "ONDO", "USDT", "0.9500", "0.0001", "0.1", sub_type="RWA"),
    _Row("HBARUSDT", "HBAR", "USDT", "0.23000", "0.00001", "1", sub_type="Layer-1"),
    _Row("ICPUSDT", "ICP", "USDT", "5.200", "0.001", "1", sub_type="Layer-1"),
    _Row("RENDERUSDT", "RENDER", "USDT", "4.200", "0.001", "0.1", sub_type="AI"),
    _Row("FETUSDT", "FET", "USDT", "0.70000", "0.00010", "1", sub_type="AI"),
    _Row("TAOUSDT", "TAO", "USDT", "420.00", "0.01", "0.001", sub_type="AI"),
    _Row("STXUSDT", "STX", "USDT", "0.6800", "0.0001", "1", sub_type="Layer-2"),
    _Row("ALGOUSDT", "ALGO", "USDT", "0.2400", "0.0001", "0.1", sub_type="Layer-1"),
    _Row("VETUSDT", "VET", "USDT", "0.024000", "0.000001", "1", sub_type="Layer-1"),
    _Row("EGLDUSDT", "EGLD", "USDT", "15.000", "0.001", "0.1", sub_type="Layer-1"),
    _Row("SANDUSDT", "SAND", "USDT", "0.30000", "0.00010", "1", sub_type="Metaverse"),
    _Row("MANAUSDT", "MANA", "USDT", "0.3200", "0.0001", "1", sub_type="Metaverse"),
    _Row("AXSUSDT", "AXS", "USDT", "2.60000", "0.00100", "1", sub_type="Gaming"),
    _Row("GALAUSDT", "GALA", "USDT", "0.018000", "0.000010", "1", sub_type="Gaming"),
    _Row("APEUSDT", "APE", "USDT", "0.6000", "0.0001", "1", sub_type="Metaverse"),
    _Row("CRVUSDT", "CRV", "USDT", "0.800", "0.001", "0.1", sub_type="DeFi"),
    _Row("LDOUSDT", "LDO", "USDT", "1.200000", "0.000100", "1", sub_type="DeFi"),
    _Row("DYDXUSDT", "DYDX", "USDT", "0.650", "0.001", "0.1", sub_type="DeFi"),
    _Row("GMXUSDT", "GMX", "USDT", "15.000", "0.001", "0.01", sub_type="DeFi"),
    _Row("RUNEUSDT", "RUNE", "USDT", "1.4000", "0.0010", "1", sub_type="DeFi"),
    _Row("KASUSDT", "KAS", "USDT", "0.080000", "0.000001", "1", sub_type="PoW"),
    _Row("TRUMPUSDT", "TRUMP", "USDT", "8.500", "0.001", "0.1", sub_type="Meme"),
    _Row("HYPEUSDT", "HYPE", "USDT", "45.0000", "0.0010", "0.01", sub_type="DeFi"),
    _Row("BERAUSDT", "BERA", "USDT", "2.8000", "0.0001", "0.1", sub_type="Layer-1"),
    _Row("VIRTUALUSDT", "VIRTUAL", "USDT", "1.4000", "0.0001", "0.1", sub_type="AI"),
    _Row("ZECUSDT", "ZEC", "USDT", "380.00", "0.01", "0.001", sub_type="PoW"),
    _Row("XMRUSDT", "XMR", "USDT", "340.00", "0.01", "0.001", sub_type="PoW"),
    _Row("ETHFIUSDT", "ETHFI", "USDT", "1.300", "0.001", "0.1", sub_type="DeFi"),
    _Row("WLFIUSDT", "WLFI", "USDT", "0.2100", "0.0001", "1", sub_type="DeFi"),
    _Row("ASTERUSDT", "ASTER", "USDT", "1.50000", "0.00010", "0.1", sub_type="DeFi"),
    _Row("PUMPUSDT", "PUMP", "USDT", "0.006000", "0.000001", "1", sub_type="Meme"),
    _Row("FARTCOINUSDT", "FARTCOIN", "USDT", "0.7000", "0.0001", "0.1", sub_type="Meme"),
    _Row("JTOUSDT", "JTO", "USDT", "2.100", "0.001", "1", sub_type="DeFi"),
    _Row("STRKUSDT", "STRK", "USDT", "0.15000", "0.00001", "0.1", sub_type="Layer-2"),
    _Row("ZROUSDT", "ZRO", "USDT", "2.100", "0.001", "0.1", sub_type="Infrastructure"),
    _Row("EIGENUSDT", "EIGEN", "USDT", "1.700", "0.001", "0.1", sub_type="Infrastructure"),
    _Row("POLUSDT", "POL", "USDT", "0.22000", "0.00001", "1", sub_type="Layer-2"),
    _Row("IMXUSDT", "IMX", "USDT", "0.6500", "0.0001", "1", sub_type="Gaming"),
    _Row("GRTUSDT", "GRT", "USDT", "0.09000", "0.00001", "1", sub_type="AI"),
    _Row("SNXUSDT", "SNX", "USDT", "0.750", "0.001", "0.1", sub_type="DeFi"),
    _Row("COMPUSDT", "COMP", "USDT", "48.00", "0.01", "0.001", sub_type="DeFi"),
    _Row("QNTUSDT", "QNT", "USDT", "105.000", "0.010", "0.01", sub_type="Infrastructure"),
    _Row("THETAUSDT", "THETA", "USDT", "0.8000", "0.0010", "0.1", sub_type="Infrastructure"),
    _Row("CHZUSDT", "CHZ", "USDT", "0.04200", "0.00001", "1", sub_type="NFT"),
    _Row("IOTAUSDT", "IOTA", "USDT", "0.20000", "0.00010", "0.1", sub_type="Layer-1"),
    _Row("NEOUSDT", "NEO", "USDT", "6.000", "0.001", "0.01", sub_type="Layer-1"),
    _Row("1000PEPEUSDT", "1000PEPE", "USDT", "0.0108000", "0.0000001", "1", sub_type="Meme"),
    _Row("1000SHIBUSDT", "1000SHIB", "USDT", "0.012500", "0.000001", "1", sub_type="Meme"),
    _Row("1000BONKUSDT", "1000BONK", "USDT", "0.0210000", "0.0000010", "1", sub_type="Meme"),
    _Row("1000FLOKIUSDT", "1000FLOKI", "USDT", "0.09000", "0.00001", "1", sub_type="Meme"),
    _Row("1000SATSUSDT", "1000SATS", "USDT", "0.0000400", "0.0000001", "1", sub_type="BRC-20"),
    _Row("1MBABYDOGEUSDT", "1MBABYDOGE", "USDT", "0.0013000", "0.0000001", "1", sub_type="Meme"),
    _Row("币安人生USDT", "币安人生", "USDT", "0.18000", "0.00001", "1", sub_type="Meme"),
    _Row("BTCDOMUSDT", "BTCDOM", "USDT", "4800.0", "0.1", "0.001", underlying_type="INDEX",
         sub_type="Index"),
    # USDC-margined perpetuals
    _Row("BTCUSDC", "BTC", "USDC", "104260.0", "0.1", "0.001", sub_type="PoW"),
    _Row("ETHUSDC", "ETH", "USDC", "3890.50", "0.01", "0.001", sub_type="Layer-1"),
    _Row("BNBUSDC", "BNB", "USDC", "905.10", "0.01", "0.01", sub_type="CEX"),
    _Row("SOLUSDC", "SOL", "USDC", "212.020", "0.010", "0.01", sub_type="Layer-1"),
    _Row("XRPUSDC", "XRP", "USDC", "2.4805", "0.0001", "0.1", sub_type="Payment"),
    _Row("DOGEUSDC", "DOGE", "USDC", "0.245020", "0.000010", "1", sub_type="Meme"),
    _Row("LINKUSDC", "LINK", "USDC", "22.105", "0.001", "0.01", sub_type="Infrastructure"),
    _Row("SUIUSDC", "SUI", "USDC", "3.600500", "0.000100", "0.1", sub_type="Layer-1"),
    _Row("WIFUSDC", "WIF", "USDC", "0.8502", "0.0001", "0.1", sub_type="Meme"),
    _Row("ENAUSDC", "ENA", "USDC", "0.6201", "0.0001", "1", sub_type="DeFi"),
    _Row("1000PEPEUSDC", "1000PEPE", "USDC", "0.0108010", "0.0000001", "1", sub_type="Meme"),
    # Quarterly delivery contracts
    _Row("BTCUSDT_261225", "BTC", "USDT", "105480.0", "0.1", "0.001", CURRENT_QUARTER,
         sub_type="PoW", delivery="261225"),
    _Row("ETHUSDT_261225", "ETH", "USDT", "3921.50", "0.01", "0.001", CURRENT_QUARTER,
         sub_type="Layer-1", delivery="261225"),
    _Row("BTCUSDT_270326", "BTC", "USDT", "107120.0", "0.1", "0.001", NEXT_QUARTER,
         sub_type="PoW", delivery="270326"),
    _Row("ETHUSDT_270326", "ETH", "USDT", "3968.20", "0.01", "0.001", NEXT_QUARTER,
         sub_type="Layer-1", delivery="270326"),
    # TradFi perpetuals: commodities and US equities
    _Row("XAUUSDT", "XAU", "USDT", "4052.15", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Commodity"),
    _Row("XAGUSDT", "XAG", "USDT", "50.420", "0.001", "0.01", TRADIFI_PERPETUAL, "TRADIFI",
         "Commodity"),
    _Row("TSLAUSDT", "TSLA", "USDT", "441.20", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Equity"),
    _Row("NVDAUSDT", "NVDA", "USDT", "189.75", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Equity"),
    _Row("AAPLUSDT", "AAPL", "USDT", "271.40", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Equity"),
    _Row("MSTRUSDT", "MSTR", "USDT", "331.10", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Equity"),
    _Row("COINUSDT", "COIN", "USDT", "322.60", "0.01", "0.001", TRADIFI_PERPETUAL, "TRADIFI",
         "Equity"),
    # Not trading: one being delisted, one not open yet. They stream nothing.
    _Row("ALPACAUSDT", "ALPACA", "USDT", "0.04120", "0.00001", "1", sub_type="DeFi",
         status="SETTLING"),
    _Row("0GUSDT", "0G", "USDT", "2.4000", "0.0001", "0.1", sub_type="AI",
         status="PENDING_TRADING"),
)
# fmt: on

_ONBOARD: Final = 1569398400000  # 2019-09-25 08:00 UTC, BTCUSDT's listing


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def _delivery_ms(yymmdd: str) -> int:
    day = dt.datetime.strptime(yymmdd, "%y%m%d").replace(hour=8, tzinfo=dt.UTC)
    return int(day.timestamp() * 1000)


def _entry(row: _Row) -> dict[str, object]:
    tick = Decimal(row.tick)
    step = Decimal(row.step)
    pair = row.symbol.partition("_")[0]
    return {
        "symbol": row.symbol,
        "pair": pair,
        "contractType": row.contract_type,
        "deliveryDate": _delivery_ms(row.delivery) if row.delivery else _PERPETUAL_DELIVERY,
        "onboardDate": _ONBOARD,
        "status": row.status,
        "maintMarginPercent": "2.5000",
        "requiredMarginPercent": "5.0000",
        "baseAsset": row.base,
        "quoteAsset": row.quote,
        "marginAsset": row.quote,
        "pricePrecision": _decimals(row.tick),
        "quantityPrecision": _decimals(row.step),
        "baseAssetPrecision": 8,
        "quotePrecision": 8,
        "underlyingType": row.underlying_type,
        "underlyingSubType": [row.sub_type] if row.sub_type else [],
        "triggerProtect": "0.0500",
        "liquidationFee": "0.012500",
        "marketTakeBound": "0.05",
        "maxMoveOrderLimit": 10000,
        "filters": [
            {
                "filterType": "PRICE_FILTER",
                "tickSize": row.tick,
                "minPrice": str(tick),
                "maxPrice": str((Decimal(row.price) * 100).quantize(tick)),
            },
            {
                "filterType": "LOT_SIZE",
                "stepSize": row.step,
                "minQty": row.step,
                "maxQty": str((step * 1_000_000).quantize(step)),
            },
            {
                "filterType": "MARKET_LOT_SIZE",
                "stepSize": row.step,
                "minQty": row.step,
                "maxQty": str((step * 100_000).quantize(step)),
            },
            {"filterType": "MAX_NUM_ORDERS", "limit": 200},
            {"filterType": "MIN_NOTIONAL", "notional": "5"},
            {
                "filterType": "PERCENT_PRICE",
                "multiplierUp": "1.0500",
                "multiplierDown": "0.9500",
                "multiplierDecimal": "4",
            },
        ],
        "orderTypes": [
            "LIMIT",
            "MARKET",
            "STOP",
            "STOP_MARKET",
            "TAKE_PROFIT",
            "TAKE_PROFIT_MARKET",
            "TRAILING_STOP_MARKET",
        ],
        "timeInForce": ["GTC", "IOC", "FOK", "GTX", "GTD"],
        SIM_PRICE_KEY: row.price,
    }


def default_contracts() -> list[dict[str, object]]:
    """Fresh ``symbols[]`` entries for the default listing (callers may mutate them)."""
    return [_entry(row) for row in _ROWS]


# COIN-M (coin-margined) contracts: not in the USDⓈ-M listing, but since mid-2026 their
# rows ride along in ``!miniTicker@arr`` (marked ``"st": 2``). Prices a little off their
# USDⓈ-M namesakes', as on the exchange, so a COIN-M price shown anywhere would stand out.
_COIN_M_ROWS: Final[tuple[_Row, ...]] = (
    _Row("BTCUSD_PERP", "BTC", "USD", "104180.0", "0.1", "1", sub_type="PoW"),
    _Row("ETHUSD_PERP", "ETH", "USD", "3887.20", "0.01", "1", sub_type="Layer-1"),
    _Row("SOLUSD_PERP", "SOL", "USD", "211.870", "0.010", "1", sub_type="Layer-1"),
    _Row("XRPUSD_PERP", "XRP", "USD", "2.4790", "0.0001", "1", sub_type="Payment"),
    _Row(
        "BTCUSD_261225", "BTC", "USD", "105390.0", "0.1", "1", CURRENT_QUARTER,
        sub_type="PoW", delivery="261225",
    ),
)  # fmt: skip


def coin_m_contracts() -> list[dict[str, object]]:
    """Fresh ``symbols[]`` entries of the COIN-M contracts the all-market array carries.

    Shaped like the USDⓈ-M entries (as COIN-M's own listing is), margined in the coin.
    """
    entries = []
    for row in _COIN_M_ROWS:
        entry = _entry(row)
        entry["marginAsset"] = row.base
        entry["contractSize"] = 100 if row.base == "BTC" else 10
        entries.append(entry)
    return entries


# (price, tick, step) of made-up contracts, cycling through the live market's magnitudes.
_SYNTHETIC_MAGNITUDES: Final = (
    ("25000.0", "0.1", "0.001"),
    ("1500.00", "0.01", "0.001"),
    ("85.000", "0.001", "0.01"),
    ("4.2000", "0.0001", "0.1"),
    ("0.52000", "0.00001", "1"),
    ("0.0310000", "0.0000001", "1"),
)


def synthetic_contracts(count: int, prefix: str = "SIM") -> list[dict[str, object]]:
    """``count`` made-up trading USDT perpetuals, ``SIM0000USDT`` onwards.

    With ``default_contracts()`` they make a listing as large as the live one (about 800
    contracts) for benchmarks; each entry has the full ``exchangeInfo`` shape.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    entries = []
    for index in range(count):
        price, tick, step = _SYNTHETIC_MAGNITUDES[index % len(_SYNTHETIC_MAGNITUDES)]
        base = f"{prefix}{index:04d}"
        entries.append(_entry(_Row(f"{base}USDT", base, "USDT", price, tick, step, sub_type="Sim")))
    return entries
