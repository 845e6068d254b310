"""home strings (the dashboard, the first screen of a workspace): (English, Japanese) for every key
`home.<area>.<name>`."""

STRINGS: dict[str, tuple[str, str]] = {
    "home.panel.okr": ("OKRs (o)", "OKR (o)"),
    "home.panel.kpis": ("Focus KPIs (k)", "重点KPI (k)"),
    "home.panel.nps": ("NPS (n)", "NPS (n)"),
    "home.panel.rox": ("ROX (r)", "ROX (r)"),
    "home.panel.cycle": ("Learning cycle (c)", "学習サイクル (c)"),
    "home.panel.voices": ("This week's voices (v)", "今週の声 (v)"),
    "home.panel.due": ("Due this week (w: weekly review)", "今週やること (w: 週次レビュー)"),
    "home.key.open": ("Open this panel's screen", "このパネルの画面を開く"),
    "home.key.okr": ("OKRs", "OKR"),
    "home.key.kpis": ("Focus KPIs", "重点KPI"),
    "home.key.nps": ("NPS", "NPS"),
    "home.key.rox": ("ROX", "ROX"),
    "home.key.cycle": ("Cycles", "サイクル"),
    "home.key.voices": ("Voices", "今週の声"),
    "home.key.next_panel": ("Next panel", "次のパネル"),
    "home.key.previous_panel": ("Previous panel", "前のパネル"),
    "home.msg.no_screen": (
        "That screen is not part of this version of cxtui.",
        "この画面はこのバージョンの cxtui にはありません。",
    ),
    "home.okr.no_period": (
        "No period yet: press 2 for the OKR screen.",
        "期間がまだありません。2 で OKR 画面へ。",
    ),
    "home.okr.no_objectives": ("No objectives in this period yet.", "この期間の目標はまだありません。"),
    "home.okr.overall": ("overall", "全体"),
    "home.okr.more": ("… and {n} more objective(s)", "…ほか {n} 件の目標"),
    "home.okr.weakest": ("Weakest key results:", "進捗の低い主要な成果:"),
    "home.kpi.none": ("No focus KPIs yet (3 to 5 are enough).", "重点KPIはまだありません(3〜5個で十分)。"),
    "home.kpi.due": ("due", "記録待ち"),
    "home.kpi.few": ("n={n}: few", "n={n}: 少"),
    "home.kpi.so_far": ("so far", "今月途中"),
    "home.kpi.too_many": (
        "{n} focus KPIs: 3 to 5 are enough (seed 001).",
        "重点KPIが{n}個: 3〜5個で十分です。",
    ),
    "home.nps.none": ("No NPS answers in the last 6 months.", "直近6か月の NPS 回答はありません。"),
    "home.nps.trend": ("by month", "月別"),
    "home.nps.vs_before": ("{delta} vs the 30 days before", "その前の30日比 {delta}"),
    "home.panel.window": ("last 30 days", "直近30日"),
    "home.nps.small": (
        "n = {n}: too few answers to conclude (interval wider than ±25).",
        "n = {n}: 結論には少なすぎます(区間が ±25 より広い)。",
    ),
    "home.rox.none": ("No deals in the last 30 days.", "直近30日の商談はありません。"),
    "home.rox.detail": (
        "{favourable} of {deals} deals started favourable",
        "{deals} 件中 {favourable} 件が有利な状態で始まった",
    ),
    "home.cycle.none": (
        "No cycle running: press c, then a to plan one.",
        "実施中のサイクルはありません。c → a で計画します。",
    ),
    "home.cycle.more": ("… and {n} more running", "…ほか {n} 件が実施中"),
    "home.voices.none": ("No voices captured in the last 7 days.", "直近7日の声はまだありません。"),
    "home.due.review": (
        "Weekly review due (last: {last}) — press w",
        "週次レビューの時期です(前回: {last})— w で開始",
    ),
    "home.due.review_open": (
        "Weekly review of {date} left part-way — press w to resume",
        "{date} の週次レビューが途中です — w で再開",
    ),
    "home.due.review_done": ("Weekly review done this week", "今週の週次レビューは完了"),
    "home.due.checkins": (
        "{open} of {total} KRs without a check-in this week",
        "今週チェックインがない主要な成果: {total} 件中 {open} 件",
    ),
    "home.due.kpis": ("KPI values due: {names}", "記録待ちのKPI: {names}"),
    "home.due.cycles": ("Cycles to review: {titles}", "振り返り待ちのサイクル: {titles}"),
    "home.help.text": (
        "↑ ↓ ← → move between panels; enter or a panel's letter opens its screen (o OKRs, k KPIs, n NPS, "
        "r ROX, c cycles, v voices); w starts the weekly review.\n\n"
        "OKR: overall progress = the weighted mean of the top-level objectives; the weakest key results "
        "have the lowest progress.\n"
        "Focus KPIs: the latest value, its change from the previous one (▲ ▼ = and better or worse by the "
        "KPI's direction) and ○ when a value is due in its cadence. An NPS KPI resting on fewer than 30 "
        "answers, or a count of cycles for a month not over yet, says so instead of a verdict. More than 5 focus KPIs gives a warning (3 to 5 are enough).\n"
        "NPS: every answer of the last 30 days, NPS = 100·(P − D)/n with its 95% interval, the change "
        "from the 30 days before, and the trend by month. Fewer than 30 answers: too few to conclude.\n"
        "ROX: the deals of the last 30 days that started favourable (at least one of: came by name, "
        "already understood us, no price negotiation) ÷ all those deals.\n"
        "Due: KRs without a check-in this week, cycles past their end and not reviewed, and the weekly "
        "review when none was finished this week.",
        "↑ ↓ ← → パネル間を移動。enter またはパネルの文字でその画面へ(o OKR、k KPI、n NPS、r ROX、"
        "c サイクル、v 現場の声)。w で週次レビューを始めます。\n\n"
        "OKR: 全体の進捗 = 最上位の目標の加重平均。進捗の低い主要な成果から表示します。\n"
        "重点KPI: 最新値と前回からの変化(▲ ▼ = と、KPI の向きによる改善/悪化)、記録の時期なら ○。"
        "回答30件未満の NPS の KPI と、まだ終わっていない月のサイクル実施数は判定せず、その旨を表示します。重点KPIが5個を超えると注意を出します"
        "(3〜5個で十分)。\n"
        "NPS: 直近30日のすべての回答で NPS = 100·(P − D)/n と95%区間、その前の30日からの変化、月別の"
        "推移。回答30件未満は結論に足りません。\n"
        "ROX: 直近30日の商談のうち有利な状態で始まったもの(指名・説明不要・価格交渉なしのいずれか)÷ "
        "その商談すべて。\n"
        "今週やること: 今週チェックインのない主要な成果、終了日を過ぎて未振り返りのサイクル、今週まだ"
        "終えていない週次レビュー。",
    ),
}
