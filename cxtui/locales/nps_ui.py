"""Texts of the NPS widgets: headline, stacked bar, charts, compare view and tables."""

STRINGS: dict[str, tuple[str, str]] = {
    # -- headline
    "nps_ui.nps": ("NPS", "NPS"),
    "nps_ui.ci": ("95% CI {lo} … {hi}", "95% 信頼区間 {lo} … {hi}"),
    "nps_ui.n": ("n = {n}", "回答数 n = {n}"),
    "nps_ui.rejected": ("{n} rows could not be read at import", "取り込めなかった行 {n} 件"),
    "nps_ui.formula": (
        "NPS = 100·(P − D)/n = 100·({p} − {d})/{n} = {value}",
        "NPS = 100·(P − D)/n = 100·({p} − {d})/{n} = {value}",
    ),
    "nps_ui.formula_empty": ("NPS = 100·(P − D)/n", "NPS = 100·(P − D)/n"),
    "nps_ui.no_answers": ("No answers yet.", "まだ回答がありません。"),
    "nps_ui.small": (
        "n = {n}: the interval is ±{half} points wide — too few answers to conclude.",
        "n = {n}: 区間の幅が ±{half} ポイントあり、結論を出すには回答が少なすぎます。",
    ),
    # -- stacked bar legend
    "nps_ui.promoters": ("Promoters", "推奨者"),
    "nps_ui.passives": ("Passives", "中立者"),
    "nps_ui.detractors": ("Detractors", "批判者"),
    # -- distribution and trend charts
    "nps_ui.trend_legend": (
        "── NPS   •• 95% interval (low and high)",
        "── NPS   •• 95% 信頼区間(下限と上限)",
    ),
    "nps_ui.trend_gaps": ("Periods without answers are left as gaps.", "回答のない期間は空白のままです。"),
    "nps_ui.trend_empty": (
        "No dated answers yet: a trend needs answers with a date.",
        "日付のある回答がまだありません。推移には日付付きの回答が必要です。",
    ),
    "nps_ui.trend_one": (
        "Only one period has answers ({period}: NPS {nps}, 95% CI {lo} … {hi}, n = {n}); a trend needs at least two.",
        "回答のある期間は 1 つだけです({period}: NPS {nps}、95% 信頼区間 {lo} … {hi}、n = {n})。推移には 2 期間以上が必要です。",
    ),
    # -- compare view
    "nps_ui.side": ("{side}: {label}", "{side}: {label}"),
    "nps_ui.side_figures": (
        "NPS {nps}  ·  95% CI {lo} … {hi}  ·  n = {n}",
        "NPS {nps}  ·  95% 信頼区間 {lo} … {hi}  ·  n = {n}",
    ),
    "nps_ui.side_empty": ("no answers", "回答なし"),
    "nps_ui.delta": (
        "Δ {delta} points  ·  95% CI of the change {lo} … {hi}",
        "Δ {delta} ポイント  ·  変化の 95% 信頼区間 {lo} … {hi}",
    ),
    "nps_ui.delta_empty": ("Δ —", "Δ —"),
    "nps_ui.test": ("z = {z}  ·  {p}", "z = {z}  ·  {p}"),
    # -- table columns
    "nps_ui.col_segment": ("Segment", "セグメント"),
    "nps_ui.col_n": ("n", "回答数"),
    "nps_ui.col_nps": ("NPS", "NPS"),
    "nps_ui.col_ci": ("95% CI", "95% 信頼区間"),
    "nps_ui.col_promoters": ("P %", "推奨 %"),
    "nps_ui.col_passives": ("Pa %", "中立 %"),
    "nps_ui.col_detractors": ("D %", "批判 %"),
    "nps_ui.col_flag": ("Sample", "サンプル"),
    "nps_ui.col_score": ("Score", "点数"),
    "nps_ui.col_category": ("Category", "分類"),
    "nps_ui.col_date": ("Date", "日付"),
    "nps_ui.col_comment": ("Comment", "コメント"),
    "nps_ui.col_owner": ("Owner", "担当"),
    "nps_ui.col_status": ("Status", "状態"),
    "nps_ui.col_note": ("Note", "メモ"),
    "nps_ui.small_flag": ("⚠ n<30", "⚠ n<30"),
    "nps_ui.no_segment": ("(no segment)", "(セグメントなし)"),
}
