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
        <source>Symbol</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
    <name>AlertsDialog</name>
    <message>
        <source>Alerts</source>
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
    <name>MiniStrip</name>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Prices come from a simulated exchange, not from Binance</source>
        <extracomment>Side of the amber swatch next to the demo line, in logical pixels.</extracomment>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
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
