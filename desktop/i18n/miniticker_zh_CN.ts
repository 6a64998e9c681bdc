<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertEditor</name>
    <message>
        <source>Edit alert</source>
        <translation>编辑提醒</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟内</translation>
    </message>
    <message>
        <source>within </source>
        <translation>在 </translation>
    </message>
    <message>
        <source>Re-arm after it fires (otherwise it fires once)</source>
        <translation>触发后重新启用（否则只触发一次）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>After it fires, crosses within this time are ignored</source>
        <translation>触发后，在此时间内的穿越将被忽略</translation>
    </message>
    <message>
        <source>How far back past the line the value must go before the alert arms again; empty: 0.1 % of the price, or 0.2 percentage points</source>
        <translation>数值需要回到线的另一侧多远，提醒才会重新启用；留空：价格的 0.1 %，或 0.2 个百分点</translation>
    </message>
    <message>
        <source>Alert value</source>
        <translation>提醒数值</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Cooldown</source>
        <translation>冷却时间</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>hysteresis</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>enter a {name}</source>
        <translation>请输入{name}</translation>
    </message>
    <message>
        <source>the {name} “{text}” is not a number</source>
        <translation>{name}“{text}”不是数字</translation>
    </message>
    <message>
        <source>the {name} is not a number</source>
        <translation>{name}不是数字</translation>
    </message>
    <message>
        <source>Hysteresis</source>
        <translation>回差</translation>
    </message>
    <message>
        <source>Price crosses above</source>
        <translation>价格上穿</translation>
    </message>
    <message>
        <source>Price crosses below</source>
        <translation>价格下穿</translation>
    </message>
    <message>
        <source>24h change beyond ±</source>
        <translation>24小时涨跌幅超过 ±</translation>
    </message>
    <message>
        <source>Moves by</source>
        <translation>波动达到</translation>
    </message>
    <message>
        <source>Funding rate beyond ±</source>
        <translation>资金费率超过 ±</translation>
    </message>
    <message>
        <source>% points</source>
        <translation>个百分点</translation>
    </message>
    <message>
        <source>{symbol} is at {price} now</source>
        <translation>{symbol} 当前为 {price}</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}。</translation>
    </message>
    <message>
        <source>default {value}</source>
        <translation>默认 {value}</translation>
    </message>
</context>
<context>
    <name>AlertHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>crossed while disconnected</source>
        <translation>断线期间穿越</translation>
    </message>
</context>
<context>
    <name>AlertHistoryPanel</name>
    <message>
        <source>History: alerts that fired, newest first</source>
        <translation>提醒记录：已触发的提醒，最新的在前</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>提醒记录</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clear history</source>
        <translation>清除记录</translation>
    </message>
    <message>
        <source>Export alert history</source>
        <translation>导出提醒记录</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the alert history to %1: %2.</source>
        <translation>无法将提醒记录导出到 %1：%2。</translation>
    </message>
    <message>
        <source>Exported the alert history to %1.</source>
        <translation>已将提醒记录导出到 %1。</translation>
    </message>
</context>
<context>
    <name>AlertRulesModel</name>
    <message>
        <source>On</source>
        <extracomment>The rule&apos;s id, in every column (``Qt.UserRole``). Column titles and tooltips in English (translated where shown: ``rule_header``).</extracomment>
        <translation>开启</translation>
    </message>
    <message>
        <source>Switched on: the alert is evaluated on every price</source>
        <translation>已开启：每个价格都会检查该提醒</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>The contract the alert watches</source>
        <translation>该提醒监视的合约</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>What makes it fire: a cross, never merely being past</source>
        <translation>触发条件：发生穿越，而不仅仅是处于线的另一侧</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Armed, snoozed, fired, or past the line waiting to re-arm</source>
        <translation>已启用、暂停提醒、已触发，或已越线等待重新启用</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Re-arms after firing, or fires once and switches off</source>
        <translation>触发后重新启用，或只触发一次后关闭</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>上次触发</translation>
    </message>
    <message>
        <source>When it last fired (exchange time)</source>
        <translation>上次触发的时间（交易所时间）</translation>
    </message>
    <message>
        <source>waiting for a price</source>
        <extracomment>The engine&apos;s states (English in the domain layer), worded for the user here.</extracomment>
        <translation>等待价格</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>past the line; arms again when back</source>
        <translation>已越线；回到另一侧后重新启用</translation>
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
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%d %b %H:%M</source>
        <translation>%m月%d日 %H:%M</translation>
    </message>
    <message>
        <source>{value} percentage points</source>
        <translation>{value} 个百分点</translation>
    </message>
    <message>
        <source>Fires when the {condition}; re-arms once back past the line by {back}; at most once every {cooldown} s</source>
        <translation>当 {condition} 时触发；回到线的另一侧 {back} 后重新启用；最多每 {cooldown} 秒触发一次</translation>
    </message>
    <message>
        <source>re-arms</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>once</source>
        <translation>仅一次</translation>
    </message>
    <message>
        <source>snoozed until {time}</source>
        <translation>暂停提醒至 {time}</translation>
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
        <translation>提醒</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>提醒规则</translation>
    </message>
    <message>
        <source>No alerts yet. Right-click a row of the watchlist and choose Alert…, or New…</source>
        <translation>还没有提醒。右键点击自选列表中的一行并选择“提醒…”，或点击“新建…”</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>暂停提醒 1 小时</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <source>Beep when an alert fires</source>
        <translation>提醒触发时发出提示音</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>开启提醒</translation>
    </message>
    <message>
        <source>End snooze</source>
        <translation>结束暂停提醒</translation>
    </message>
</context>
<context>
    <name>ConnectionNotice</name>
    <message>
        <source>Binance at %1</source>
        <extracomment>Seconds after the start without a live connection before the notice shows anyway.</extracomment>
        <translation>Binance（%1）</translation>
    </message>
    <message>
        <source>the Binance testnet at %1</source>
        <translation>Binance 测试网（%1）</translation>
    </message>
    <message>
        <source>the exchange at %1</source>
        <translation>交易所（%1）</translation>
    </message>
    <message>
        <source>MiniTicker cannot reach %1: %2.</source>
        <translation>MiniTicker 无法连接到%1：%2。</translation>
    </message>
    <message>
        <source>MiniTicker cannot reach %1.</source>
        <translation>MiniTicker 无法连接到%1。</translation>
    </message>
    <message>
        <source>Check your network connection and proxy settings, or start MiniTicker with --demo to try it with simulated prices.</source>
        <translation>请检查网络连接和代理设置，或以 --demo 启动 MiniTicker，用模拟价格试用。</translation>
    </message>
</context>
<context>
    <name>ContractsModel</name>
    <message>
        <source>✓ = already on your watchlist</source>
        <extracomment>Column titles and tooltips in English (translated where shown: ``header_title``).</extracomment>
        <translation>✓ = 已在自选列表中</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Contract symbol</source>
        <translation>合约交易对</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基础资产</translation>
    </message>
    <message>
        <source>Base asset</source>
        <translation>基础资产</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>计价资产</translation>
    </message>
    <message>
        <source>Quote (margin) asset</source>
        <translation>计价（保证金）资产</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合约类型</translation>
    </message>
    <message>
        <source>Underlying</source>
        <translation>标的</translation>
    </message>
    <message>
        <source>Underlying type</source>
        <translation>标的类型</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新价</translation>
    </message>
    <message>
        <source>Last price, where known</source>
        <translation>最新价（如已知）</translation>
    </message>
    <message>
        <source>24h Quote Vol</source>
        <translation>24小时成交额</translation>
    </message>
    <message>
        <source>24h quote volume: the turnover, in the quote asset (USDT or USDC), where known</source>
        <translation>24小时成交额：以计价资产（USDT 或 USDC）计的成交额（如已知）</translation>
    </message>
    <message>
        <source>Perpetual</source>
        <extracomment>Binance&apos;s contract and underlying types, worded (others: ``describe_contract_type``).</extracomment>
        <translation>永续</translation>
    </message>
    <message>
        <source>Current quarter</source>
        <translation>当季</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>次季</translation>
    </message>
    <message>
        <source>TradFi perpetual</source>
        <translation>传统金融永续</translation>
    </message>
    <message>
        <source>Perpetual delivering</source>
        <translation>永续（交割中）</translation>
    </message>
    <message>
        <source>Current quarter delivering</source>
        <translation>当季（交割中）</translation>
    </message>
    <message>
        <source>Coin</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Premarket</source>
        <translation>盘前</translation>
    </message>
    <message>
        <source>Prelaunch</source>
        <translation>预上线</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股票</translation>
    </message>
    <message>
        <source>no price yet</source>
        <translation>暂无价格</translation>
    </message>
    <message>
        <source>no volume yet</source>
        <translation>暂无成交额</translation>
    </message>
    <message>
        <source>Last price {price} {asset}</source>
        <translation>最新价 {price} {asset}</translation>
    </message>
    <message>
        <source>not trading: {status}</source>
        <translation>未在交易：{status}</translation>
    </message>
    <message>
        <source>Already on your watchlist</source>
        <translation>已在自选列表中</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <source>Connection: %1</source>
        <extracomment>How many recent problems a report carries.</extracomment>
        <translation>连接：%1</translation>
    </message>
    <message>
        <source>the built-in simulated exchange (demo mode): no real prices</source>
        <translation>内置的模拟交易所（演示模式）：不是真实价格</translation>
    </message>
    <message>
        <source>Binance USDⓈ-M futures public market data (mini tickers) from %1</source>
        <translation>Binance U本位（USDⓈ-M）合约公开行情数据（精简行情），来自 %1</translation>
    </message>
    <message>
        <source>MiniTicker diagnostics</source>
        <translation>MiniTicker 诊断信息</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <source>Endpoints (%1):</source>
        <translation>接口地址（%1）：</translation>
    </message>
    <message>
        <source>Recent errors:</source>
        <translation>最近的错误：</translation>
    </message>
    <message>
        <source>Recent errors: none</source>
        <translation>最近的错误：无</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Add symbols…</source>
        <translation>添加交易对…</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No symbol on this watchlist matches “%1”.</source>
        <translation>此自选列表中没有与“%1”匹配的交易对。</translation>
    </message>
    <message>
        <source>This watchlist is empty. Add symbols to see their prices here.</source>
        <translation>此自选列表是空的。添加交易对后，它们的价格会显示在这里。</translation>
    </message>
    <message>
        <source>This watchlist is empty. Add symbols (%1) to see their prices here.</source>
        <translation>此自选列表是空的。添加交易对（%1）后，它们的价格会显示在这里。</translation>
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
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <source>Copy versions, addresses, connection state and recent errors for a bug report</source>
        <translation>复制版本、地址、连接状态和最近的错误，用于报告问题</translation>
    </message>
    <message>
        <source>About MiniTicker</source>
        <translation>关于 MiniTicker</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Live Binance USDⓈ-M futures prices in a window and the tray.</source>
        <translation>在窗口和托盘中显示 Binance U本位（USDⓈ-M）合约的实时价格。</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>诊断信息已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Import summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Import details</source>
        <translation>导入详情</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MiniTicker — DEMO (simulated prices)</source>
        <extracomment>Rows of the watchlist that stay visible whatever else the window shows (the movers). Closing hides the window (the tray keeps running) instead of closing it.</extracomment>
        <translation>MiniTicker — 演示（模拟价格）</translation>
    </message>
    <message>
        <source>Filter symbols (Ctrl+F)</source>
        <translation>筛选交易对（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter symbols</source>
        <translation>筛选交易对</translation>
    </message>
    <message>
        <source>Clear the filter (in the filter box)</source>
        <translation>清除筛选（在筛选框中）</translation>
    </message>
    <message>
        <source>Contract list: %1</source>
        <translation>合约列表：%1</translation>
    </message>
    <message>
        <source>The contract list could not be refreshed, so the copy saved %1 is used.</source>
        <translation>无法刷新合约列表，正在使用 %1 保存的副本。</translation>
    </message>
    <message>
        <source>The contract list could not be loaded, so symbols you type are checked once it is.</source>
        <translation>无法加载合约列表；你输入的交易对会在列表加载后再核对。</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>关闭此消息</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>MiniStrip</name>
    <message>
        <source>MiniTicker price strip</source>
        <translation>MiniTicker 价格悬浮条</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>MoversDock</name>
    <message>
        <source>Movers</source>
        <translation>涨跌榜</translation>
    </message>
    <message>
        <source>Movers — DEMO (simulated prices)</source>
        <translation>涨跌榜 — 演示（模拟价格）</translation>
    </message>
    <message>
        <source>Top gainers, losers and volume of the whole market</source>
        <translation>全市场的涨幅榜、跌幅榜和成交额榜</translation>
    </message>
    <message>
        <source>Show the market&apos;s movers ({shortcut})</source>
        <translation>显示市场涨跌榜（{shortcut}）</translation>
    </message>
</context>
<context>
    <name>MoversModel</name>
    <message>
        <source>Top gainers</source>
        <translation>涨幅榜</translation>
    </message>
    <message>
        <source>Top losers</source>
        <translation>跌幅榜</translation>
    </message>
    <message>
        <source>Top quote volume</source>
        <translation>成交额榜</translation>
    </message>
    <message>
        <source>Add to the watchlist (✓ = already on it)</source>
        <extracomment>Column titles and tooltips in English (translated where shown: ``header_title``).</extracomment>
        <translation>添加到自选列表（✓ = 已在其中）</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Contract symbol</source>
        <translation>合约交易对</translation>
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
        <source>24h %</source>
        <translation>24h涨跌幅</translation>
    </message>
    <message>
        <source>Change against the price 24 hours ago</source>
        <translation>相对 24 小时前价格的涨跌幅</translation>
    </message>
    <message>
        <source>24h Quote Vol</source>
        <translation>24h成交额</translation>
    </message>
    <message>
        <source>24h quote volume: the turnover, in the quote asset (USDT or USDC)</source>
        <translation>24小时成交额：以计价资产（USDT 或 USDC）计的成交额</translation>
    </message>
    <message>
        <source>{symbol} is on the watchlist</source>
        <extracomment>What a ranking needs of one symbol, computed once per change of its quote: its 24 h change percent (None when the open was zero) and its 24 h quote volume, as floats of the exchange&apos;s strings, as the watchlist sorts (``QUOTE_SORT_KEYS``): ~0.5 µs a symbol where two exact ``Decimal``s took ~8, and a refresh works out hundreds. They differ from the exact values at most in the 16th digit, far below what is shown.</extracomment>
        <translation>{symbol} 已在自选列表中</translation>
    </message>
    <message>
        <source>Add {symbol} to the watchlist</source>
        <translation>将 {symbol} 添加到自选列表</translation>
    </message>
    <message>
        <source>{symbol} — double-click to add it to the watchlist</source>
        <translation>{symbol} — 双击添加到自选列表</translation>
    </message>
</context>
<context>
    <name>MoversPanel</name>
    <message>
        <source>Movers</source>
        <translation>涨跌榜</translation>
    </message>
    <message>
        <source>DEMO — simulated prices, not from Binance</source>
        <translation>演示 — 模拟价格，并非来自 Binance</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Flash the price on each tick</source>
        <translation>每次价格变动时闪烁</translation>
    </message>
    <message>
        <source>Green up, red down</source>
        <translation>绿涨红跌</translation>
    </message>
    <message>
        <source>Red up, green down (mainland China)</source>
        <translation>红涨绿跌（中国大陆习惯）</translation>
    </message>
    <message>
        <source>Blue up, orange down (colour-blind safe)</source>
        <translation>蓝涨橙跌（色盲友好）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Show a notification when an alert fires</source>
        <translation>提醒触发时显示通知</translation>
    </message>
    <message>
        <source>Beep when an alert fires</source>
        <translation>提醒触发时发出提示音</translation>
    </message>
    <message>
        <source>Start MiniTicker in the tray when you log in</source>
        <translation>登录时在托盘中启动 MiniTicker</translation>
    </message>
    <message>
        <source>Tray rotation</source>
        <translation>托盘轮播间隔</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language applies at once: the windows reopen in it.</source>
        <translation>新语言立即生效：窗口将以新语言重新打开。</translation>
    </message>
    <message>
        <source>A new exchange applies at once: MiniTicker reconnects to it (a demo, a replay or an exchange named on the command line stays as it is).</source>
        <translation>新交易所立即生效：MiniTicker 会重新连接到它（演示、回放或命令行指定的交易所保持不变）。</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Binance live</source>
        <translation>Binance 实盘</translation>
    </message>
    <message>
        <source>Binance futures testnet</source>
        <translation>Binance 合约测试网</translation>
    </message>
    <message>
        <source>Custom addresses</source>
        <translation>自定义地址</translation>
    </message>
    <message>
        <source>Market streams</source>
        <translation>行情数据流</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>REST 接口</translation>
    </message>
    <message>
        <source>Enter a market stream or REST address, or choose live or testnet.</source>
        <translation>请输入行情数据流或 REST 地址，或选择实盘或测试网。</translation>
    </message>
</context>
<context>
    <name>RecordingMenu</name>
    <message>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <source>Record every price received to a file</source>
        <translation>将收到的每个价格录制到文件</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>Recording prices to %1</source>
        <translation>正在将价格录制到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n frame(s) to %1</source>
        <translation>
            <numerusform>已将 %n 帧录制到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Record prices to</source>
        <translation>将价格录制到</translation>
    </message>
    <message>
        <source>MiniTicker recordings (*.jsonl.gz);;All files (*)</source>
        <translation>MiniTicker 录制文件 (*.jsonl.gz);;所有文件 (*)</translation>
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
        <extracomment>A mnemonic added after a text with no Latin letter, as Chinese menus do: &quot;退出(&amp;Q)&quot;.</extracomment>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StartAtLoginAction</name>
    <message>
        <source>Start at &amp;login</source>
        <translation>登录时启动(&amp;L)</translation>
    </message>
    <message>
        <source>Start MiniTicker in the tray when you log in</source>
        <translation>登录时在托盘中启动 MiniTicker</translation>
    </message>
    <message>
        <source>MiniTicker could not be set to start at login: {0} ({1}).</source>
        <translation>无法将 MiniTicker 设为登录时启动：{0}（{1}）。</translation>
    </message>
    <message>
        <source>MiniTicker could not stop starting at login: {0} ({1}).</source>
        <translation>无法取消 MiniTicker 的登录时启动：{0}（{1}）。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>DEMO — simulated prices</source>
        <translation>演示 — 模拟价格</translation>
    </message>
    <message>
        <source>Demo feed running</source>
        <translation>演示数据运行中</translation>
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
        <source>Reconnecting in %n s</source>
        <translation>%n 秒后重连</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1（第 %2 次尝试）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 (retrying in %n s)</source>
        <translation>%1（%n 秒后重试）</translation>
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
</context>
<context>
    <name>SymbolPicker</name>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Perpetual</source>
        <translation>永续</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>TradFi</source>
        <translation>传统金融</translation>
    </message>
    <message>
        <source>Contract list unavailable: {reason} — type a symbol and press Enter to add it anyway</source>
        <translation>合约列表不可用：{reason} — 输入交易对并按 Enter 仍可添加</translation>
    </message>
    <message>
        <source>Add symbols</source>
        <translation>添加交易对</translation>
    </message>
    <message>
        <source>Search symbol or asset — e.g. btc, eth/usdc, 币安人生</source>
        <translation>搜索交易对或资产 — 例如 btc、eth/usdc、币安人生</translation>
    </message>
    <message>
        <source>Search symbols</source>
        <translation>搜索交易对</translation>
    </message>
    <message>
        <source>Contract type</source>
        <translation>合约类型</translation>
    </message>
    <message>
        <source>Quote asset</source>
        <translation>计价资产</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the selected symbols (Enter)</source>
        <translation>添加选中的交易对（Enter）</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合约</translation>
    </message>
    <message>
        <source>All quotes</source>
        <translation>所有计价资产</translation>
    </message>
    <message>
        <source>Select one or more contracts, or type a symbol.</source>
        <translation>请选择一个或多个合约，或输入交易对。</translation>
    </message>
    <message>
        <source>{symbol} is already on your watchlist.</source>
        <translation>{symbol} 已在自选列表中。</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n contracts</source>
        <translation>
            <numerusform>显示 {shown} / %n 个合约</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contracts</source>
        <translation>
            <numerusform>%n 个合约</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TickerText</name>
    <message>
        <source>DEMO — simulated prices</source>
        <translation>演示 — 模拟价格</translation>
    </message>
    <message>
        <source>Pin a symbol (Ctrl+P) to show it here</source>
        <translation>固定一个交易对到托盘（Ctrl+P）即可在此显示</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>(since you looked: {change})</source>
        <translation>（自上次查看：{change}）</translation>
    </message>
    <message>
        <source>Demo feed running</source>
        <translation>演示数据流运行中</translation>
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
        <source>waiting for the first price</source>
        <translation>等待第一个价格</translation>
    </message>
    <message>
        <source>snapshot, not live yet</source>
        <translation>快照，尚未实时</translation>
    </message>
    <message>
        <source>stale (no update for {age})</source>
        <translation>数据过时（已 {age} 未更新）</translation>
    </message>
    <message>
        <source>+%n more</source>
        <translation>另有 %n 个</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>off</source>
        <extracomment>Logical sizes trays ask for (Windows 16/32, GNOME/KDE 22/24, macOS menu bar 22). Device pixel ratios drawn for each size, so a 200 % screen gets crisp @2x pixels. Quote assets stripped from a symbol when the catalog does not know its base asset. Room for the symbol&apos;s letters: three Latin letters, or two East Asian wide ones. Device pixels below which the hand-drawn pixel glyphs are used.</extracomment>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>MiniTicker tray menu</source>
        <extracomment>Side of the amber swatch next to the demo line, in logical pixels.</extracomment>
        <translation>MiniTicker 托盘菜单</translation>
    </message>
    <message>
        <source>Prices come from a simulated exchange, not from Binance</source>
        <translation>价格来自模拟交易所，并非来自 Binance</translation>
    </message>
    <message>
        <source>Show/Hide window</source>
        <translation>显示/隐藏窗口</translation>
    </message>
    <message>
        <source>Pause rotation</source>
        <translation>暂停轮播</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source>Quit MiniTicker</source>
        <translation>退出 MiniTicker</translation>
    </message>
    <message>
        <source>Hide window</source>
        <translation>隐藏窗口</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Open {symbol} in the main window</source>
        <translation>在主窗口中打开 {symbol}</translation>
    </message>
    <message>
        <source>Alert on {symbol}…</source>
        <translation>为 {symbol} 设置提醒…</translation>
    </message>
</context>
<context>
    <name>TrayTicker</name>
    <message>
        <source>DEMO · {title}</source>
        <extracomment>Staleness is a matter of time, not of ticks: re-check it this often. Icons kept, the least recently shown dropped first: a rotation through 16 pins never redraws (~2 ms an icon), and each holds ~95 kB of pixels (5 sizes × 2 ratios). Keeping 64 and clearing them all when full held up to ~10 MB: most of a full-market soak&apos;s RSS growth. (letters, number, sign, state, demo, colour convention)</extracomment>
        <translation>演示 · {title}</translation>
    </message>
    <message>
        <source>REPLAY · {title}</source>
        <translation>回放 · {title}</translation>
    </message>
    <message>
        <source>REPLAY — recorded prices, not live</source>
        <extracomment>Windows keeps only 127 characters of a tray tooltip (NOTIFYICONDATA.szTip is 128 WCHARs); elsewhere the whole text is shown.</extracomment>
        <translation>回放 — 录制的价格，并非实时</translation>
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
        <translation>新建列表</translation>
    </message>
    <message>
        <source>1 symbol — double-click to rename</source>
        <translation>1 个交易对 — 双击可重命名</translation>
    </message>
    <message>
        <source>%1 symbols — double-click to rename</source>
        <translation>%1 个交易对 — 双击可重命名</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete watchlist</source>
        <translation>删除自选列表</translation>
    </message>
    <message>
        <source>Delete the watchlist “%1” and its 1 symbol?</source>
        <translation>删除自选列表“%1”及其中的 1 个交易对吗？</translation>
    </message>
    <message>
        <source>Delete the watchlist “%1” and its %2 symbols?</source>
        <translation>删除自选列表“%1”及其中的 %2 个交易对吗？</translation>
    </message>
    <message>
        <source>Symbols that are also on other watchlists stay there.</source>
        <translation>同时在其他自选列表中的交易对会保留在那里。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>WatchlistTransfer</name>
    <message>
        <source>not a symbol name</source>
        <translation>不是交易对名称</translation>
    </message>
    <message>
        <source>not a Binance symbol</source>
        <translation>不是 Binance 的交易对</translation>
    </message>
    <message>
        <source>a COIN-M contract; MiniTicker shows USDⓈ-M futures</source>
        <translation>币本位（COIN-M）合约；MiniTicker 只显示 U本位（USDⓈ-M）合约</translation>
    </message>
    <message>
        <source>Binance USDⓈ-M futures lists no such contract</source>
        <translation>Binance U本位（USDⓈ-M）合约中没有这个合约</translation>
    </message>
    <message>
        <source>listed but not trading (settling or delisted)</source>
        <translation>已上市但未在交易（结算中或已下架）</translation>
    </message>
    <message>
        <source>the file is far larger than a watchlist</source>
        <translation>文件远大于一个自选列表</translation>
    </message>
    <message>
        <source>the file is not text</source>
        <translation>文件不是文本</translation>
    </message>
    <message>
        <source>the JSON in it is broken</source>
        <translation>其中的 JSON 已损坏</translation>
    </message>
    <message>
        <source>the JSON holds no watchlists</source>
        <translation>JSON 中没有自选列表</translation>
    </message>
    <message>
        <source>Imported 1 symbol into 1 watchlist.</source>
        <translation>已将 1 个交易对导入 1 个自选列表。</translation>
    </message>
    <message>
        <source>Imported 1 symbol into %2 watchlists.</source>
        <translation>已将 1 个交易对导入 %2 个自选列表。</translation>
    </message>
    <message>
        <source>Imported %1 symbols into 1 watchlist.</source>
        <translation>已将 %1 个交易对导入 1 个自选列表。</translation>
    </message>
    <message>
        <source>Imported %1 symbols into %2 watchlists.</source>
        <translation>已将 %1 个交易对导入 %2 个自选列表。</translation>
    </message>
    <message>
        <source>%1: %2 added, %3 already there</source>
        <translation>%1：新增 %2 个，%3 个已在列表中</translation>
    </message>
    <message>
        <source>%1: %2 added</source>
        <translation>%1：新增 %2 个</translation>
    </message>
    <message>
        <source>Not imported (%1):</source>
        <translation>未导入（%1 个）：</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Spot entries taken as the futures contract of the same name:</source>
        <translation>以下现货条目按同名合约导入：</translation>
    </message>
    <message>
        <source>Not imported: too many watchlists already for these lists:</source>
        <translation>未导入：自选列表已达上限，以下列表无法添加：</translation>
    </message>
    <message>
        <source>The contract list was not loaded, so symbols were not checked.</source>
        <translation>合约列表未加载，交易对未经核对。</translation>
    </message>
    <message>
        <source>&amp;Import watchlists…</source>
        <translation>导入自选列表(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export this watchlist…</source>
        <translation>导出此自选列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;all watchlists…</source>
        <translation>导出全部自选列表(&amp;A)…</translation>
    </message>
    <message>
        <source>Copy &amp;rows as text</source>
        <translation>以文本复制行(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all) as tab-separated text for a spreadsheet</source>
        <translation>将选中的行（或全部）复制为制表符分隔的文本，可粘贴到电子表格</translation>
    </message>
    <message>
        <source>Import watchlists</source>
        <translation>导入自选列表</translation>
    </message>
    <message>
        <source>Watchlists (*.txt *.csv *.json)</source>
        <translation>自选列表 (*.txt *.csv *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not import %1: %2.</source>
        <translation>无法导入 %1：%2。</translation>
    </message>
    <message>
        <source>MiniTicker</source>
        <translation>MiniTicker</translation>
    </message>
    <message>
        <source>Export all watchlists</source>
        <translation>导出全部自选列表</translation>
    </message>
    <message>
        <source>Export watchlist</source>
        <translation>导出自选列表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>无法导出到 %1：%2。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the rows as tab-separated text.</source>
        <translation>已将这些行复制为制表符分隔的文本。</translation>
    </message>
</context>
<context>
    <name>WatchlistView</name>
    <message>
        <source>Watchlist</source>
        <translation>自选列表</translation>
    </message>
    <message>
        <source>Live prices, one row per symbol; the symbol cell reads the whole row</source>
        <translation>实时价格，每个交易对一行；交易对单元格会朗读整行</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Add symbols…</source>
        <translation>添加交易对…</translation>
    </message>
    <message>
        <source>Add symbols</source>
        <translation>添加交易对</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected symbols</source>
        <translation>移除选中的交易对</translation>
    </message>
    <message>
        <source>Pin to tray</source>
        <translation>固定到托盘</translation>
    </message>
    <message>
        <source>Show the selected symbols in the tray</source>
        <translation>在托盘中显示选中的交易对</translation>
    </message>
    <message>
        <source>Copy symbol</source>
        <translation>复制交易对</translation>
    </message>
    <message>
        <source>Copy the selected symbols</source>
        <translation>复制选中的交易对</translation>
    </message>
    <message>
        <source>Copy price</source>
        <translation>复制价格</translation>
    </message>
    <message>
        <source>Copy the last price, exactly as the exchange sent it</source>
        <translation>复制最新价，与交易所发送的数字完全一致</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Filter the symbols</source>
        <translation>筛选交易对</translation>
    </message>
    <message>
        <source>Manual order</source>
        <translation>手动排序</translation>
    </message>
    <message>
        <source>Back to your own order (drag rows to change it)</source>
        <translation>恢复你自己的排序（拖动行可调整）</translation>
    </message>
    <message>
        <source>Flash price ticks</source>
        <translation>价格跳动时闪烁</translation>
    </message>
    <message>
        <source>Alert…</source>
        <translation>设置提醒…</translation>
    </message>
    <message>
        <source>New price alert for the selected symbol</source>
        <translation>为选中的交易对新建价格提醒</translation>
    </message>
    <message>
        <source>Alerts…</source>
        <translation>全部提醒…</translation>
    </message>
    <message>
        <source>List and edit every alert</source>
        <translation>查看并编辑所有提醒</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Unpin from tray</source>
        <translation>取消固定到托盘</translation>
    </message>
    <message>
        <source>No price yet for the selected symbol.</source>
        <translation>选中的交易对还没有价格。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>提醒(&amp;A)</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>自选列表</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>No price yet</source>
        <translation>尚无价格</translation>
    </message>
    <message>
        <source>Prices come from the built-in simulated exchange, not from Binance.</source>
        <translation>价格来自内置的模拟交易所，而不是 Binance。</translation>
    </message>
    <message>
        <source>1 stream subscribed</source>
        <translation>已订阅 1 个数据流</translation>
    </message>
    <message>
        <source>%1 streams subscribed</source>
        <translation>已订阅 %1 个数据流</translation>
    </message>
    <message>
        <source>%1 messages per second</source>
        <translation>每秒 %1 条消息</translation>
    </message>
    <message>
        <source>Lag %1 ms (receive time minus the exchange&apos;s event time)</source>
        <translation>延迟 %1 ms（接收时间减去交易所的事件时间）</translation>
    </message>
    <message>
        <source>Lag: not measured yet</source>
        <translation>延迟：尚未测得</translation>
    </message>
    <message>
        <source>Last price %1</source>
        <translation>最新价 %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>MiniTicker keeps running in the tray. Click the tray icon to bring the window back; choose Quit from its menu to exit.</source>
        <translation>MiniTicker 会在托盘中继续运行。点击托盘图标可重新打开窗口；在其菜单中选择“退出”即可退出。</translation>
    </message>
    <message>
        <source>The exchange address in your settings was not used: %1 Using Binance live.</source>
        <translation>未使用设置中的交易所地址：%1 改用 Binance 实时行情。</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>自选列表</translation>
    </message>
    <message>
        <source>MiniTicker — REPLAY of a recording (not live)</source>
        <translation>MiniTicker — 回放录制内容（非实时）</translation>
    </message>
    <message>
        <source>Movers — REPLAY of a recording (not live)</source>
        <translation>涨跌榜 — 回放录制内容（非实时）</translation>
    </message>
    <message>
        <source>REPLAY — recorded prices</source>
        <translation>回放 — 录制的价格</translation>
    </message>
    <message>
        <source>Added %1 to “%2”.</source>
        <translation>已将 %1 添加到“%2”。</translation>
    </message>
    <message>
        <source>Binance does not list %1 (any more). They stay in your watchlist, greyed out, until you remove them.</source>
        <translation>Binance 未上市（或已下架）%1。它们会以灰色保留在你的自选列表中，直到你将其移除。</translation>
    </message>
</context>
</TS>
