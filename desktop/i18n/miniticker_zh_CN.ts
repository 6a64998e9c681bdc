<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertEditor</name>
    <message>
        <source>Edit alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-arm after it fires (otherwise it fires once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After it fires, crosses within this time are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back past the line the value must go before the alert arms again; empty: 0.1 % of the price, or 0.2 percentage points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished">交易对</translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{symbol} is at {price} now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertHistoryModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished">交易对</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crossed while disconnected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertHistoryPanel</name>
    <message>
        <source>History: alerts that fired, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the alert history to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the alert history to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>{symbol} funding alert</source>
        <extracomment>Events whose price lies outside 10^±30 are ignored: no contract trades there, and the bound keeps every product exact in ``EXACT``&apos;s precision.</extracomment>
        <translation>{symbol} 资金费率提醒</translation>
    </message>
    <message>
        <source>{symbol} price alert</source>
        <translation>{symbol} 价格提醒</translation>
    </message>
    <message>
        <source>longs pay shorts</source>
        <translation>多头付给空头</translation>
    </message>
    <message>
        <source>shorts pay longs</source>
        <translation>空头付给多头</translation>
    </message>
    <message>
        <source>{symbol} funding rate passed ±{limit} %: now {rate} ({who}).</source>
        <translation>{symbol} 资金费率超过 ±{limit} %：当前 {rate}（{who}）。</translation>
    </message>
    <message>
        <source>{symbol} crossed above {line}: now {price}.</source>
        <translation>{symbol} 向上穿过 {line}：当前 {price}。</translation>
    </message>
    <message>
        <source>{symbol} crossed below {line}: now {price}.</source>
        <translation>{symbol} 向下穿过 {line}：当前 {price}。</translation>
    </message>
    <message>
        <source>{symbol} 24h change passed ±{limit} %: now {change} at {price}.</source>
        <translation>{symbol} 24小时涨跌幅超过 ±{limit} %：当前 {change}，价格 {price}。</translation>
    </message>
    <message>
        <source>{symbol} rose {size} within {minutes} min: from {start} to {price}.</source>
        <translation>{symbol} 在 {minutes} 分钟内上涨 {size}：从 {start} 到 {price}。</translation>
    </message>
    <message>
        <source>{symbol} fell {size} within {minutes} min: from {start} to {price}.</source>
        <translation>{symbol} 在 {minutes} 分钟内下跌 {size}：从 {start} 到 {price}。</translation>
    </message>
    <message>
        <source>{text} Crossed while disconnected (last price before the gap {before}).</source>
        <translation>{text} 在断线期间穿过（断线前最新价 {before}）。</translation>
    </message>
    <message>
        <source>{arrow} {size} to {price}</source>
        <translation>{arrow} 距 {price} 还有 {size}</translation>
    </message>
    <message>
        <source>waiting for a price</source>
        <translation>等待价格</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>past the line; arms again when back</source>
        <translation>已越过价位；回到价位内后重新启用</translation>
    </message>
    <message>
        <source>snoozed</source>
        <translation>已暂停提醒</translation>
    </message>
    <message>
        <source>fired</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>threshold</source>
        <extracomment>Lines and percentages a person can mean: up to 10^15, at most 18 decimal places. The numbers of a rule, named in messages (English: translated where shown).</extracomment>
        <translation>阈值</translation>
    </message>
    <message>
        <source>hysteresis</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>its id is missing or too long</source>
        <translation>它的 ID 缺失或过长</translation>
    </message>
    <message>
        <source>its id has control characters</source>
        <translation>它的 ID 含有控制字符</translation>
    </message>
    <message>
        <source>“{symbol}” is not written as a symbol</source>
        <translation>“{symbol}”不是交易对的写法</translation>
    </message>
    <message>
        <source>unknown kind {kind}</source>
        <translation>未知类型 {kind}</translation>
    </message>
    <message>
        <source>a move needs a window of 1–{max} minutes</source>
        <translation>波动提醒需要 1–{max} 分钟的时间窗口</translation>
    </message>
    <message>
        <source>only a move has a window</source>
        <translation>只有波动提醒才有时间窗口</translation>
    </message>
    <message>
        <source>the hysteresis must be smaller than the threshold</source>
        <translation>回差必须小于阈值</translation>
    </message>
    <message>
        <source>the cooldown must be 0–{max} seconds</source>
        <translation>冷却时间必须为 0–{max} 秒</translation>
    </message>
    <message>
        <source>the snooze time is not a number</source>
        <translation>暂停提醒的时间不是数字</translation>
    </message>
    <message>
        <source>the time it last fired is not a time</source>
        <translation>上次触发时间不是有效时间</translation>
    </message>
    <message>
        <source>a switch is neither on nor off</source>
        <translation>某个开关既非开也非关</translation>
    </message>
    <message>
        <source>the {name} is not a number</source>
        <translation>{name}不是数字</translation>
    </message>
    <message>
        <source>the {name} must be above zero</source>
        <translation>{name}必须大于零</translation>
    </message>
    <message>
        <source>the {name} must be at least zero</source>
        <translation>{name}不能小于零</translation>
    </message>
    <message>
        <source>the {name} is too large</source>
        <translation>{name}过大</translation>
    </message>
    <message>
        <source>the {name} has more than {places} decimal places</source>
        <translation>{name}的小数位超过 {places} 位</translation>
    </message>
    <message>
        <source>crosses above {price}</source>
        <translation>向上穿过 {price}</translation>
    </message>
    <message>
        <source>crosses below {price}</source>
        <translation>向下穿过 {price}</translation>
    </message>
    <message>
        <source>24h change beyond ±{percent} %</source>
        <translation>24小时涨跌幅超过 ±{percent} %</translation>
    </message>
    <message>
        <source>funding rate beyond ±{percent} %</source>
        <translation>资金费率超过 ±{percent} %</translation>
    </message>
    <message>
        <source>moves {percent} % within {minutes} min</source>
        <translation>{minutes} 分钟内波动 {percent} %</translation>
    </message>
    <message>
        <source>it is not an object</source>
        <translation>它不是一个对象</translation>
    </message>
    <message>
        <source>it names no symbol</source>
        <translation>它没有指定交易对</translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation>它没有 ID</translation>
    </message>
    <message>
        <source>The alerts could not be read (expected a list, found {found}).</source>
        <translation>无法读取提醒（应为列表，实际为{found}）。</translation>
    </message>
    <message>
        <source>only the first {count} are kept</source>
        <translation>只保留前 {count} 条</translation>
    </message>
    <message>
        <source>alert {number}: {reason}</source>
        <translation>第 {number} 条提醒：{reason}</translation>
    </message>
    <message>
        <source>alert {number}: the same id as an earlier one</source>
        <translation>第 {number} 条提醒：ID 与前面的提醒相同</translation>
    </message>
    <message>
        <source>{list}; and {count} more</source>
        <translation>{list}；另有 {count} 条</translation>
    </message>
    <message>
        <source>Some alerts could not be read and were removed: {list}.</source>
        <translation>部分提醒无法读取，已移除：{list}。</translation>
    </message>
    <message>
        <source>the {name} {value} is not a number</source>
        <translation>{name} {value} 不是数字</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts yet. Right-click a row of the watchlist and choose Alert…, or New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep when an alert fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End snooze</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionNotice</name>
    <message>
        <source>Binance at %1</source>
        <extracomment>Seconds after the start without a live connection before the notice shows anyway.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Binance testnet at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exchange at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker cannot reach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your network connection and proxy settings, or start MiniTicker with --demo to try it with simulated prices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Connection: %1</source>
        <extracomment>How many recent problems a report carries.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in simulated exchange (demo mode): no real prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binance USDⓈ-M futures public market data (mini tickers) from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent errors: none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Add symbols…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No symbol on this watchlist matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This watchlist is empty. Add symbols to see their prices here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This watchlist is empty. Add symbols (%1) to see their prices here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Binance USD-M futures has no contract called {symbol}.</source>
        <translation>Binance U本位合约中没有名为 {symbol} 的合约。</translation>
    </message>
    <message>
        <source>{symbol} is listed but not trading (status {status}).</source>
        <translation>{symbol} 已上架但未在交易（状态 {status}）。</translation>
    </message>
    <message>
        <source>“{url}” must start with {secure}:// (or {insecure}:// for a local test server).</source>
        <translation>“{url}”必须以 {secure}:// 开头（本地测试服务器可用 {insecure}://）。</translation>
    </message>
    <message>
        <source>“{url}” has no host name.</source>
        <translation>“{url}”没有主机名。</translation>
    </message>
    <message>
        <source>MiniTicker needs no credentials; remove the user name/password from the URL.</source>
        <translation>MiniTicker 不需要登录凭据；请从地址中删除用户名/密码。</translation>
    </message>
    <message>
        <source>“{url}” must be a base URL, without ?query or #fragment.</source>
        <translation>“{url}”必须是基础地址，不能带 ?查询 或 #片段。</translation>
    </message>
    <message>
        <source>“{url}” is unencrypted ({insecure}://) to a non-local host; use {secure}:// or pass --allow-insecure if you really mean it.</source>
        <translation>“{url}”是连往非本地主机的未加密地址（{insecure}://）；请使用 {secure}://，如确有需要请加上 --allow-insecure。</translation>
    </message>
    <message>
        <source>{failure} No saved contract list to fall back on.</source>
        <translation>{failure} 也没有已保存的合约列表可用。</translation>
    </message>
    <message>
        <source>cached from {time} UTC (exchange unreachable: {failure})</source>
        <translation>使用 {time} UTC 的缓存（无法连接交易所：{failure}）</translation>
    </message>
    <message>
        <source>The answer from {url} was not a contract list.</source>
        <translation>{url} 返回的不是合约列表。</translation>
    </message>
    <message>
        <source>The 24 h ticker answer from {url} was not a list.</source>
        <translation>{url} 返回的24小时行情不是列表。</translation>
    </message>
    <message>
        <source>The candle answer from {url} was not a list.</source>
        <translation>{url} 返回的K线不是列表。</translation>
    </message>
    <message>
        <source>The candle answer from {url} had a malformed row.</source>
        <translation>{url} 返回的K线中有格式错误的行。</translation>
    </message>
    <message>
        <source>The answer from {url} was too large.</source>
        <translation>{url} 返回的内容过大。</translation>
    </message>
    <message>
        <source>The answer from {url} was not JSON (is this a Binance address?).</source>
        <translation>{url} 返回的不是 JSON（这是 Binance 的地址吗？）。</translation>
    </message>
    <message>
        <source>Could not reach {url}: {reason}.</source>
        <translation>无法连接 {url}：{reason}。</translation>
    </message>
    <message>
        <source>Binance answered {answer} — too many requests from this address; wait a few minutes.</source>
        <translation>Binance 返回 {answer} — 此地址的请求过多；请等几分钟。</translation>
    </message>
    <message>
        <source>Binance answered {answer} — Binance refuses requests from this location.</source>
        <translation>Binance 返回 {answer} — Binance 拒绝来自此地区的请求。</translation>
    </message>
    <message>
        <source>Binance answered {answer}.</source>
        <translation>Binance 返回 {answer}。</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>no answer within {seconds} s</source>
        <translation>{seconds} 秒内无响应</translation>
    </message>
    <message>
        <source>host name not found (check the address and your internet connection)</source>
        <translation>找不到主机名（请检查地址和网络连接）</translation>
    </message>
    <message>
        <source>its TLS certificate could not be verified ({reason})</source>
        <translation>无法验证其 TLS 证书（{reason}）</translation>
    </message>
    <message>
        <source>TLS failed ({reason})</source>
        <translation>TLS 失败（{reason}）</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>The symbol is empty.</source>
        <translation>交易对为空。</translation>
    </message>
    <message>
        <source>“{start}…” is {length} characters long; symbols have at most {max}.</source>
        <translation>“{start}…”长 {length} 个字符；交易对最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>“{symbol}” contains characters a symbol never has: {characters}.</source>
        <translation>“{symbol}”含有交易对中不会出现的字符：{characters}。</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions, addresses, connection state and recent errors for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MiniTicker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live Binance USDⓈ-M futures prices in a window and the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MiniTicker — DEMO (simulated prices)</source>
        <extracomment>Rows of the watchlist that stay visible whatever else the window shows (the movers). Closing hides the window (the tray keeps running) instead of closing it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter symbols (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter (in the filter box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract list could not be refreshed, so the copy saved %1 is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contract list could not be loaded, so symbols you type are checked once it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MiniStrip</name>
    <message>
        <source>MiniTicker price strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoversDock</name>
    <message>
        <source>Movers — DEMO (simulated prices)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoversPanel</name>
    <message>
        <source>Movers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO — simulated prices, not from Binance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences…</source>
        <extracomment>Seconds after start-up when what lives for the whole run is moved out of the garbage collector&apos;s way (see ``settle_heap``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash the price on each tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green up, red down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red up, green down (mainland China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue up, orange down (colour-blind safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a notification when an alert fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beep when an alert fires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start MiniTicker in the tray when you log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binance live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binance futures testnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new exchange applies at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a market stream or REST address, or choose live or testnet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingMenu</name>
    <message>
        <source>&amp;Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record every price received to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording prices to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n frame(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Record prices to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker recordings (*.jsonl.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Your settings could not be saved: {reason}</source>
        <translation>无法保存设置：{reason}</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <extracomment>The name of a list that has none, in English (stored as given; ``default_watchlist_name`` is the name new lists get, in the user&apos;s language).</extracomment>
        <translation>自选列表</translation>
    </message>
    <message>
        <source>file version</source>
        <extracomment>Which colour means up: green (default), red (mainland China), or blue / orange (colour-blind safe). Signs and arrows are shown in all of them. &quot;system&quot; follows the desktop&apos;s light or dark scheme, live. &quot;system&quot; is the desktop&apos;s language; applied at start-up. Top-left corner of the mini strip that stands in for a missing system tray. The named watchlists (tabs), in order. ``watchlist`` stays the union of all their symbols, so an older MiniTicker still shows every symbol and keeps every pin. Empty means one list holding all of ``watchlist``. Alerts that fired, oldest first, at most ``MAX_HISTORY``.</extracomment>
        <translation>文件版本</translation>
    </message>
    <message>
        <source>watchlist</source>
        <translation>自选列表</translation>
    </message>
    <message>
        <source>pinned symbols</source>
        <translation>已固定的交易对</translation>
    </message>
    <message>
        <source>table columns</source>
        <translation>表格列</translation>
    </message>
    <message>
        <source>sort column</source>
        <translation>排序列</translation>
    </message>
    <message>
        <source>sort order</source>
        <translation>排序方向</translation>
    </message>
    <message>
        <source>window size and position</source>
        <translation>窗口大小和位置</translation>
    </message>
    <message>
        <source>websocket URL</source>
        <translation>WebSocket 地址</translation>
    </message>
    <message>
        <source>REST URL</source>
        <translation>REST 地址</translation>
    </message>
    <message>
        <source>testnet switch</source>
        <translation>测试网开关</translation>
    </message>
    <message>
        <source>tray rotation interval</source>
        <translation>托盘轮播间隔</translation>
    </message>
    <message>
        <source>tray notice</source>
        <translation>托盘提示</translation>
    </message>
    <message>
        <source>movers panel</source>
        <translation>涨跌榜面板</translation>
    </message>
    <message>
        <source>panel layout</source>
        <translation>面板布局</translation>
    </message>
    <message>
        <source>mini strip position</source>
        <translation>悬浮条位置</translation>
    </message>
    <message>
        <source>named watchlists</source>
        <translation>命名的自选列表</translation>
    </message>
    <message>
        <source>shown watchlist</source>
        <translation>当前显示的列表</translation>
    </message>
    <message>
        <source>price alerts</source>
        <translation>价格提醒</translation>
    </message>
    <message>
        <source>alert sound switch</source>
        <translation>提醒声音开关</translation>
    </message>
    <message>
        <source>alert history</source>
        <translation>提醒记录</translation>
    </message>
    <message>
        <source>colour convention</source>
        <translation>涨跌颜色习惯</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>tick flash switch</source>
        <translation>跳动闪烁开关</translation>
    </message>
    <message>
        <source>notifications switch</source>
        <translation>通知开关</translation>
    </message>
    <message>
        <source>settings from a newer MiniTicker</source>
        <translation>来自较新版本 MiniTicker 的设置</translation>
    </message>
    <message>
        <source>“{symbol}” changes each time it is upper-cased.</source>
        <translation>“{symbol}”每次转为大写都会改变。</translation>
    </message>
    <message>
        <source>Some settings could not be used and were reset to their defaults: {list}.</source>
        <translation>部分设置无法使用，已恢复为默认值：{list}。</translation>
    </message>
    <message>
        <source>{setting} ({reason})</source>
        <translation>{setting}（{reason}）</translation>
    </message>
    <message>
        <source>{setting} (expected a list of symbols, found {found})</source>
        <translation>{setting}（应为交易对列表，实际为{found}）</translation>
    </message>
    <message>
        <source>{setting} (expected a list, found {found})</source>
        <translation>{setting}（应为列表，实际为{found}）</translation>
    </message>
    <message>
        <source>Named watchlists left out (unreadable, or more than {max}): {count}.</source>
        <translation>未载入的命名自选列表（无法读取或超过 {max} 个）：{count} 个。</translation>
    </message>
    <message>
        <source>These named watchlist entries are not valid symbols and were removed: {list}.</source>
        <translation>命名自选列表中的这些条目不是有效的交易对，已移除：{list}。</translation>
    </message>
    <message>
        <source>These watchlist entries are not valid symbols and were removed: {list}.</source>
        <translation>自选列表中的这些条目不是有效的交易对，已移除：{list}。</translation>
    </message>
    <message>
        <source>No valid symbol was left, so the default watchlist is shown.</source>
        <translation>没有剩下有效的交易对，因此显示默认自选列表。</translation>
    </message>
    <message>
        <source>These pins are not valid symbols and were removed: {list}.</source>
        <translation>这些已固定的条目不是有效的交易对，已移除：{list}。</translation>
    </message>
    <message>
        <source>These pins are not in the watchlist and were unpinned: {list}.</source>
        <translation>这些已固定的交易对不在自选列表中，已取消固定：{list}。</translation>
    </message>
    <message>
        <source>The tray rotation interval of {given} s was changed to {used} s (it must be {low}–{high} s).</source>
        <translation>托盘轮播间隔 {given} 秒已改为 {used} 秒（必须为 {low}–{high} 秒）。</translation>
    </message>
    <message>
        <source>{count} entry of the alert history could not be read and were left out.</source>
        <translation>提醒记录中有 {count} 条无法读取，已略去。</translation>
    </message>
    <message>
        <source>{count} entries of the alert history could not be read and were left out.</source>
        <translation>提醒记录中有 {count} 条无法读取，已略去。</translation>
    </message>
    <message>
        <source>{value} is not text</source>
        <translation>{value} 不是文本</translation>
    </message>
    <message>
        <source>expected a list number 0–{max}, found {found}</source>
        <translation>应为列表编号 0–{max}，实际为 {found}</translation>
    </message>
    <message>
        <source>expected a positive whole number, found {found}</source>
        <translation>应为正整数，实际为 {found}</translation>
    </message>
    <message>
        <source>expected a column number 0–{max}, found {found}</source>
        <translation>应为列编号 0–{max}，实际为 {found}</translation>
    </message>
    <message>
        <source>expected true or false, found {found}</source>
        <translation>应为 true 或 false，实际为 {found}</translation>
    </message>
    <message>
        <source>expected two whole numbers [x, y], found {found}</source>
        <translation>应为两个整数 [x, y]，实际为 {found}</translation>
    </message>
    <message>
        <source>the saved layout was damaged</source>
        <translation>保存的布局已损坏</translation>
    </message>
    <message>
        <source>expected a number of seconds, found {found}</source>
        <translation>应为秒数，实际为 {found}</translation>
    </message>
    <message>
        <source>expected a URL, found {found}</source>
        <translation>应为网址，实际为 {found}</translation>
    </message>
    <message>
        <source>expected one of {choices}, found {found}</source>
        <translation>应为 {choices} 之一，实际为 {found}</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a very long number</source>
        <translation>一个很长的数字</translation>
    </message>
    <message>
        <source>{list}; and {count} more</source>
        <translation>{list}；另有 {count} 项</translation>
    </message>
    <message>
        <source>unexpected error: {kind}</source>
        <translation>意外错误：{kind}</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>它是文件夹，不是文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is {size} bytes, far too large for a settings file</source>
        <translation>它有 {size} 字节，对设置文件来说太大了</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>它不是文本</translation>
    </message>
    <message>
        <source>not valid JSON: {reason} at line {line}</source>
        <translation>不是有效的 JSON：第 {line} 行 {reason}</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>it does not hold a settings object</source>
        <translation>其中没有设置对象</translation>
    </message>
    <message>
        <source>the old file could not be moved aside ({reason})</source>
        <translation>无法移开旧文件（{reason}）</translation>
    </message>
    <message>
        <source>the old file was kept as {path}</source>
        <translation>旧文件已保留为 {path}</translation>
    </message>
    <message>
        <source>Your settings file could not be read ({reason}). MiniTicker started with the default watchlist; {what_happened}.</source>
        <translation>无法读取设置文件（{reason}）。MiniTicker 已使用默认自选列表启动；{what_happened}。</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>a file stands where its folder should be</source>
        <translation>应为文件夹的位置是一个文件</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartAtLoginAction</name>
    <message>
        <source>Start at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start MiniTicker in the tray when you log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker could not be set to start at login: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker could not stop starting at login: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stream</name>
    <message>
        <source>Ignored a symbol: {reason}</source>
        <translation>已忽略一个交易对：{reason}</translation>
    </message>
    <message>
        <source>internal error in the stream client ({reason})</source>
        <translation>数据流客户端内部错误（{reason}）</translation>
    </message>
    <message>
        <source>the connection was closed by the client</source>
        <translation>连接已被客户端关闭</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>going away</source>
        <translation>对方离开</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>unsupported data</source>
        <translation>不支持的数据</translation>
    </message>
    <message>
        <source>no status received</source>
        <translation>未收到状态码</translation>
    </message>
    <message>
        <source>abnormal closure</source>
        <translation>异常关闭</translation>
    </message>
    <message>
        <source>invalid frame payload data</source>
        <translation>无效的帧数据</translation>
    </message>
    <message>
        <source>policy violation</source>
        <translation>违反策略</translation>
    </message>
    <message>
        <source>message too big</source>
        <translation>消息过大</translation>
    </message>
    <message>
        <source>mandatory extension</source>
        <translation>缺少必需的扩展</translation>
    </message>
    <message>
        <source>internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <source>service restart</source>
        <translation>服务重启</translation>
    </message>
    <message>
        <source>try again later</source>
        <translation>请稍后重试</translation>
    </message>
    <message>
        <source>bad gateway</source>
        <translation>网关错误</translation>
    </message>
    <message>
        <source>TLS handshake failure</source>
        <translation>TLS 握手失败</translation>
    </message>
    <message>
        <source>no answer to pings for {seconds} s</source>
        <translation>{seconds} 秒内未响应心跳</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>the exchange sent data that could not be read ({code}: {reason})</source>
        <translation>交易所发送了无法读取的数据（{code}：{reason}）</translation>
    </message>
    <message>
        <source>the exchange closed the connection ({code}: {reason})</source>
        <translation>交易所关闭了连接（{code}：{reason}）</translation>
    </message>
    <message>
        <source>the connection was closed without an answer from the exchange ({code}: {reason})</source>
        <translation>连接已关闭，交易所未响应（{code}：{reason}）</translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>unknown status</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>the exchange is limiting connections from this address (HTTP 429: Too Many Requests)</source>
        <translation>交易所正在限制来自此地址的连接（HTTP 429：请求过多）</translation>
    </message>
    <message>
        <source>the exchange has banned this IP address for a while (HTTP 418) after too many requests</source>
        <translation>由于请求过多，交易所已暂时封禁此 IP 地址（HTTP 418）</translation>
    </message>
    <message>
        <source>the exchange refused access (HTTP {code}: {phrase}); it may not serve this region</source>
        <translation>交易所拒绝访问（HTTP {code}：{phrase}）；它可能不向此地区提供服务</translation>
    </message>
    <message>
        <source>the exchange refused the connection (HTTP {code}: {phrase})</source>
        <translation>交易所拒绝了连接（HTTP {code}：{phrase}）</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>the exchange&apos;s address could not be looked up (no network, or DNS trouble)</source>
        <translation>无法解析交易所地址（没有网络或 DNS 故障）</translation>
    </message>
    <message>
        <source>the exchange&apos;s TLS certificate could not be verified</source>
        <translation>无法验证交易所的 TLS 证书</translation>
    </message>
    <message>
        <source>the secure (TLS) connection failed: {reason}</source>
        <translation>安全（TLS）连接失败：{reason}</translation>
    </message>
    <message>
        <source>no answer from the exchange within {seconds} s</source>
        <translation>交易所 {seconds} 秒内无响应</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>network error: {reason}</source>
        <translation>网络错误：{reason}</translation>
    </message>
    <message>
        <source>the stream address is not valid ({reason})</source>
        <translation>数据流地址无效（{reason}）</translation>
    </message>
    <message>
        <source>the exchange&apos;s answer to the connection request was garbled or cut off</source>
        <translation>交易所对连接请求的应答内容错乱或不完整</translation>
    </message>
    <message>
        <source>the connection handshake failed ({reason})</source>
        <translation>连接握手失败（{reason}）</translation>
    </message>
    <message>
        <source>unexpected error ({kind}: {reason})</source>
        <translation>意外错误（{kind}：{reason}）</translation>
    </message>
    <message>
        <source>Replay failed: {reason}</source>
        <translation>回放失败：{reason}</translation>
    </message>
    <message>
        <source>Replay finished (the recording ends early)</source>
        <translation>回放结束（录制提前结束）</translation>
    </message>
    <message>
        <source>Replay finished</source>
        <translation>回放结束</translation>
    </message>
    <message>
        <source>Replay starting…</source>
        <translation>正在开始回放…</translation>
    </message>
    <message>
        <source>Replaying — {time} of the recording ({speed})</source>
        <translation>正在回放 — 录制中的 {time}（{speed}）</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>the exchange reported an error: {reason}</source>
        <translation>交易所报告了错误：{reason}</translation>
    </message>
    <message>
        <source>the exchange did not answer a subscription request within {seconds} s</source>
        <translation>交易所 {seconds} 秒内未响应订阅请求</translation>
    </message>
    <message>
        <source>no market data for {seconds} s</source>
        <translation>{seconds} 秒内没有行情数据</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>{message} (code {code})</source>
        <translation>{message}（代码 {code}）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting in {wait}</source>
        <translation>{wait}后重连</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>{state} (attempt {attempt})</source>
        <translation>{state}（第 {attempt} 次尝试）</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}：{reason}</translation>
    </message>
    <message>
        <source>Offline: {reason}</source>
        <translation>离线：{reason}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>{state} (retrying in {wait})</source>
        <translation>{state}（{wait}后重试）</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>The exchange accepted the subscription it had refused; prices flow again.</source>
        <translation>交易所已接受之前拒绝的订阅；价格恢复更新。</translation>
    </message>
    <message>
        <source>The exchange refused to subscribe to {streams} ({reason}); trying again in {seconds} s.</source>
        <translation>交易所拒绝订阅 {streams}（{reason}）；{seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>The exchange refused to unsubscribe from {streams} ({reason}); trying again in {seconds} s.</source>
        <translation>交易所拒绝取消订阅 {streams}（{reason}）；{seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>{reason}, code {code}</source>
        <translation>{reason}，代码 {code}</translation>
    </message>
    <message>
        <source>No market data for {streams} for {seconds} s, even after reconnecting; the contracts may have stopped trading.</source>
        <translation>{streams} 已 {seconds} 秒没有行情数据，重连后依然如此；这些合约可能已停止交易。</translation>
    </message>
    <message>
        <source>the all-market ticker</source>
        <translation>全市场行情</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} 和 {last}</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 等另外 {count} 个</translation>
    </message>
    <message>
        <source>the system names a SOCKS proxy ({host}); install python-socks to use it</source>
        <translation>系统设置了 SOCKS 代理（{host}）；请安装 python-socks 以使用它</translation>
    </message>
    <message>
        <source>unsupported proxy {proxy} (http:// and socks5:// work)</source>
        <translation>不支持的代理 {proxy}（可用 http:// 和 socks5://）</translation>
    </message>
    <message>
        <source>the proxy {host} has no address</source>
        <translation>代理 {host} 没有地址</translation>
    </message>
    <message>
        <source>the proxy closed the connection instead of opening a tunnel</source>
        <translation>代理关闭了连接，没有建立隧道</translation>
    </message>
    <message>
        <source>the proxy&apos;s answer to CONNECT is too long</source>
        <translation>代理对 CONNECT 的应答过长</translation>
    </message>
    <message>
        <source>the proxy refused the tunnel (HTTP {code})</source>
        <translation>代理拒绝建立隧道（HTTP {code}）</translation>
    </message>
    <message>
        <source>the proxy sent data before the tunnel opened</source>
        <translation>代理在隧道建立前发送了数据</translation>
    </message>
    <message>
        <source>Cannot write the recording {path}: {reason}</source>
        <translation>无法写入录制文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>Cannot read the recording {path}: {reason}</source>
        <translation>无法读取录制文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a MiniTicker recording.</source>
        <translation>{path} 不是 MiniTicker 录制文件。</translation>
    </message>
    <message>
        <source>{path} is a recording of version {version}; this MiniTicker reads version {supported}.</source>
        <translation>{path} 是版本 {version} 的录制文件；此 MiniTicker 只能读取版本 {supported}。</translation>
    </message>
</context>
<context>
    <name>SymbolPicker</name>
    <message>
        <source>Search symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote asset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TickerText</name>
    <message>
        <source>Demo feed running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>off</source>
        <extracomment>Logical sizes trays ask for (Windows 16/32, GNOME/KDE 22/24, macOS menu bar 22). Device pixel ratios drawn for each size, so a 200 % screen gets crisp @2x pixels. Quote assets stripped from a symbol when the catalog does not know its base asset. Room for the symbol&apos;s letters: three Latin letters, or two East Asian wide ones. Device pixels below which the hand-drawn pixel glyphs are used.</extracomment>
        <translation type="unfinished">已关闭</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>MiniTicker tray menu</source>
        <extracomment>Side of the amber swatch next to the demo line, in logical pixels.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices come from a simulated exchange, not from Binance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show/Hide window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit MiniTicker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {symbol} in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert on {symbol}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayTicker</name>
    <message>
        <source>DEMO · {title}</source>
        <extracomment>Staleness is a matter of time, not of ticks: re-check it this often. Icons kept, the least recently shown dropped first: a rotation through 16 pins never redraws (~2 ms an icon), and each holds ~95 kB of pixels (5 sizes × 2 ratios). Keeping 64 and clearing them all when full held up to ~10 MB: most of a full-market soak&apos;s RSS growth. (letters, number, sign, state, demo, colour convention)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPLAY · {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Watchlist</name>
    <message>
        <source>24h Base Vol</source>
        <translation>24小时成交量</translation>
    </message>
    <message>
        <source>24h base volume: how much of the base asset (e.g. BTC) traded</source>
        <translation>24小时成交量：成交的基础资产数量（如 BTC）</translation>
    </message>
    <message>
        <source>24h Quote Vol</source>
        <translation>24小时成交额</translation>
    </message>
    <message>
        <source>24h quote volume: the turnover, in the quote asset (USDT or USDC)</source>
        <translation>24小时成交额：以计价资产（USDT 或 USDC）计的成交额</translation>
    </message>
    <message>
        <source>24h base volume {volume} {asset}</source>
        <translation>24小时成交量 {volume} {asset}</translation>
    </message>
    <message>
        <source>24h quote volume (turnover) {volume} {asset}</source>
        <translation>24小时成交额 {volume} {asset}</translation>
    </message>
    <message>
        <source>waiting for price</source>
        <extracomment>English source; ``waiting_text()`` is what the Last column shows.</extracomment>
        <translation>等待价格</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Contract symbol; a pin mark (and bold) = pinned to the tray</source>
        <translation>合约交易对；图钉标记（及粗体）= 已固定到托盘</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新价</translation>
    </message>
    <message>
        <source>Last price</source>
        <translation>最新价</translation>
    </message>
    <message>
        <source>24h Change</source>
        <translation>24小时涨跌</translation>
    </message>
    <message>
        <source>Change against the price 24 hours ago</source>
        <translation>与24小时前价格相比的涨跌</translation>
    </message>
    <message>
        <source>24h %</source>
        <translation>24小时涨跌幅</translation>
    </message>
    <message>
        <source>Change against the price 24 hours ago, in percent</source>
        <translation>与24小时前价格相比的涨跌，按百分比</translation>
    </message>
    <message>
        <source>24h High</source>
        <translation>24小时最高</translation>
    </message>
    <message>
        <source>Highest price of the last 24 hours</source>
        <translation>过去24小时的最高价</translation>
    </message>
    <message>
        <source>24h Low</source>
        <translation>24小时最低</translation>
    </message>
    <message>
        <source>Lowest price of the last 24 hours</source>
        <translation>过去24小时的最低价</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Local time of the last update</source>
        <translation>最近一次更新的本地时间</translation>
    </message>
    <message>
        <source>1h</source>
        <translation>1小时走势</translation>
    </message>
    <message>
        <source>The last hour of prices, one point a minute</source>
        <translation>过去一小时的价格，每分钟一个点</translation>
    </message>
    <message>
        <source>24h Range</source>
        <translation>24小时区间</translation>
    </message>
    <message>
        <source>Where the last price sits between the 24h low and high; ▲H / ▼L mark a new 24h high or low</source>
        <translation>最新价在24小时最低与最高之间的位置；▲H / ▼L 表示创出新的24小时最高或最低</translation>
    </message>
    <message>
        <source>To alert</source>
        <translation>距提醒</translation>
    </message>
    <message>
        <source>How far the price is from the nearest armed alert; an alert the price is already past waits to re-arm</source>
        <translation>价格距最近的已启用提醒还有多远；价格已越过的提醒等待重新启用</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>标记价格</translation>
    </message>
    <message>
        <source>Mark price: what liquidations and unrealised profit go by</source>
        <translation>标记价格：强平和未实现盈亏依据的价格</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数价格</translation>
    </message>
    <message>
        <source>Index price: the spot price the contract follows</source>
        <translation>指数价格：合约跟随的现货价格</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>资金费率</translation>
    </message>
    <message>
        <source>Funding rate per period; coloured by who pays (up colour: longs pay shorts)</source>
        <translation>每期资金费率；颜色表示由谁支付（上涨色：多头付给空头）</translation>
    </message>
    <message>
        <source>Next funding</source>
        <translation>下次资金费</translation>
    </message>
    <message>
        <source>Time left until the next funding</source>
        <translation>距下次资金费的剩余时间</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>基差</translation>
    </message>
    <message>
        <source>Quarterlies: last price − index price, and in %</source>
        <translation>季度合约：最新价 − 指数价格，及其百分比</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>Price 24 h ago: {price} {asset}</source>
        <extracomment>The sort key (``Cells.sort[col]``) of a quote in each column a quote alone decides, found without building the row&apos;s texts: sorting the whole market by a live column works out hundreds a second. Floats of the exchange&apos;s strings (the same as of their exact ``Decimal``s); the change and change % in floats too (0.6 µs where the exact ``Decimal`` arithmetic took ~8): they can differ from the exact value only in the 16th digit, so rows shown with different values are always in order.</extracomment>
        <translation>24小时前价格：{price} {asset}</translation>
    </message>
    <message>
        <source>24h range {low} – {high} {asset}</source>
        <translation>24小时区间 {low} – {high} {asset}</translation>
    </message>
    <message>
        <source>{range} — last at {position} of it</source>
        <translation>{range} — 最新价位于其 {position} 处</translation>
    </message>
    <message>
        <source>Last price {price} {asset}</source>
        <translation>最新价 {price} {asset}</translation>
    </message>
    <message>
        <source>24h high {price} {asset}</source>
        <translation>24小时最高 {price} {asset}</translation>
    </message>
    <message>
        <source>24h low {price} {asset}</source>
        <translation>24小时最低 {price} {asset}</translation>
    </message>
    <message>
        <source>waiting to re-arm</source>
        <extracomment>A symbol&apos;s alert rules (``AlertCenter.rules_for``).</extracomment>
        <translation>等待重新启用</translation>
    </message>
    <message>
        <source>alerts off</source>
        <translation>提醒已关闭</translation>
    </message>
    <message>
        <source>perpetual</source>
        <extracomment>Binance&apos;s contract types in words (others are shown in lower case as they come).</extracomment>
        <translation>永续</translation>
    </message>
    <message>
        <source>current quarter</source>
        <translation>当季交割合约</translation>
    </message>
    <message>
        <source>next quarter</source>
        <translation>次季交割合约</translation>
    </message>
    <message>
        <source>current month</source>
        <translation>当月交割合约</translation>
    </message>
    <message>
        <source>next month</source>
        <translation>次月交割合约</translation>
    </message>
    <message>
        <source>perpetual, delivering</source>
        <translation>永续（交割中）</translation>
    </message>
    <message>
        <source>TradFi perpetual</source>
        <translation>传统金融永续</translation>
    </message>
    <message>
        <source>Waiting for price from the exchange: none for {symbol} has arrived yet</source>
        <extracomment>None while connected (or not known); else when the connection went down.</extracomment>
        <translation>正在等待交易所的价格：{symbol} 的价格尚未到达</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>{time} 起离线</translation>
    </message>
    <message>
        <source>Offline since {time}: the connection went down before a price for {symbol} arrived</source>
        <translation>{time} 起离线：{symbol} 的价格到达之前连接已断开</translation>
    </message>
    <message>
        <source>Binance USD-M futures does not list {symbol}.</source>
        <translation>Binance U本位合约中没有 {symbol}。</translation>
    </message>
    <message>
        <source>{symbol} is not trading: {status}.</source>
        <translation>{symbol} 未在交易：{status}。</translation>
    </message>
    <message>
        <source>The last hour appears here once prices arrive</source>
        <translation>价格到达后，这里会显示过去一小时的走势</translation>
    </message>
    <message>
        <source>Last hour {percent}
low {low} · high {high}</source>
        <translation>过去一小时 {percent}
最低 {low} · 最高 {high}</translation>
    </message>
    <message>
        <source>Nearest alert: {symbol} {rule}
{level}</source>
        <translation>最近的提醒：{symbol} {rule}
{level}</translation>
    </message>
    <message>
        <source>{symbol}&apos;s alerts are switched off</source>
        <translation>{symbol} 的提醒已关闭</translation>
    </message>
    <message>
        <source>The price is already past: it fires again once it comes back</source>
        <translation>价格已越过：回到价位内后会再次触发</translation>
    </message>
    <message>
        <source>snapshot from {time} — waiting for the live stream</source>
        <translation>{time} 的快照 — 等待实时数据流</translation>
    </message>
    <message>
        <source>stale — no update for {age}</source>
        <translation>数据过时 — 已 {age} 没有更新</translation>
    </message>
    <message>
        <source>Updated {age} ago</source>
        <translation>{age}前更新</translation>
    </message>
    <message>
        <source>Exchange time {time}</source>
        <translation>交易所时间 {time}</translation>
    </message>
    <message>
        <source>Pinned to the tray</source>
        <translation>已固定到托盘</translation>
    </message>
</context>
<context>
    <name>WatchlistFunding</name>
    <message>
        <source>No mark price has arrived yet</source>
        <translation>尚未收到标记价格</translation>
    </message>
    <message>
        <source>stale — no mark price for {age}</source>
        <translation>数据过时 — 已 {age} 没有标记价格</translation>
    </message>
    <message>
        <source>Mark price {price}</source>
        <translation>标记价格 {price}</translation>
    </message>
    <message>
        <source>Index price {price}</source>
        <translation>指数价格 {price}</translation>
    </message>
    <message>
        <source>Basis is shown for quarterlies; perpetuals pay funding</source>
        <translation>基差只对季度合约显示；永续合约支付资金费</translation>
    </message>
    <message>
        <source>Last price − index price, and that in % of the index</source>
        <translation>最新价 − 指数价格，及其占指数价格的百分比</translation>
    </message>
    <message>
        <source>longs pay shorts</source>
        <translation>多头付给空头</translation>
    </message>
    <message>
        <source>shorts pay longs</source>
        <translation>空头付给多头</translation>
    </message>
    <message>
        <source>nobody pays</source>
        <translation>无需支付</translation>
    </message>
    <message>
        <source>No funding: a quarterly contract settles at delivery</source>
        <translation>无资金费：季度合约在交割时结算</translation>
    </message>
    <message>
        <source>Funding rate {percent} % per period: {who}
Next funding at {at}</source>
        <translation>资金费率每期 {percent} %：{who}
下次资金费时间 {at}</translation>
    </message>
    <message>
        <source>funding {rate} in {countdown}</source>
        <translation>资金费率 {rate}，{countdown} 后结算</translation>
    </message>
</context>
<context>
    <name>WatchlistSpeech</name>
    <message>
        <source>{symbol}, {state}</source>
        <extracomment>Columns drawn by a delegate (no display text): their tooltip says what they show.</extracomment>
        <translation>{symbol}，{state}</translation>
    </message>
    <message>
        <source>{symbol}, waiting for price</source>
        <translation>{symbol}，等待价格</translation>
    </message>
    <message>
        <source>{symbol}, last {price}, 24h change not known</source>
        <translation>{symbol}，最新价 {price}，24小时涨跌未知</translation>
    </message>
    <message>
        <source>{symbol}, last {price}, up {percent} percent</source>
        <translation>{symbol}，最新价 {price}，涨 {percent}%</translation>
    </message>
    <message>
        <source>{symbol}, last {price}, down {percent} percent</source>
        <translation>{symbol}，最新价 {price}，跌 {percent}%</translation>
    </message>
    <message>
        <source>{symbol}, last {price}, unchanged</source>
        <translation>{symbol}，最新价 {price}，持平</translation>
    </message>
    <message>
        <source>{row}, stale</source>
        <translation>{row}，数据过时</translation>
    </message>
    <message>
        <source>24h change not known</source>
        <translation>24小时涨跌未知</translation>
    </message>
    <message>
        <source>24h up {percent} percent</source>
        <translation>24小时涨 {percent}%</translation>
    </message>
    <message>
        <source>24h down {percent} percent</source>
        <translation>24小时跌 {percent}%</translation>
    </message>
    <message>
        <source>24h unchanged</source>
        <translation>24小时持平</translation>
    </message>
    <message>
        <source>last {price}</source>
        <translation>最新价 {price}</translation>
    </message>
    <message>
        <source>{column} {value}</source>
        <translation>{column} {value}</translation>
    </message>
</context>
<context>
    <name>WatchlistTabs</name>
    <message>
        <source>New watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 symbol — double-click to rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 symbols — double-click to rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the watchlist “%1” and its 1 symbol?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the watchlist “%1” and its %2 symbols?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbols that are also on other watchlists stay there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistTransfer</name>
    <message>
        <source>&amp;Import watchlists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export this watchlist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;all watchlists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;rows as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows (or all) as tab-separated text for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import watchlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlists (*.txt *.csv *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiniTicker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all watchlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export watchlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the rows as tab-separated text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistView</name>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished">自选列表</translation>
    </message>
    <message>
        <source>Live prices, one row per symbol; the symbol cell reads the whole row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Add symbols…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected symbols in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the last price, exactly as the exchange sent it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to your own order (drag rows to change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flash price ticks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New price alert for the selected symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List and edit every alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin from tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price yet for the selected symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation type="unfinished">自选列表</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices come from the built-in simulated exchange, not from Binance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 stream subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 streams subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag %1 ms (receive time minus the exchange&apos;s event time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag: not measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last price %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
