"""report strings: (English, Japanese) for every key `report.<area>.<name>`."""

STRINGS = {
    "report.page.title": ("Weekly report: {period}", "週次レポート: {period}"),
    "report.page.title_no_period": ("Weekly report", "週次レポート"),
    "report.page.workspace": ("Workspace: {name}", "ワークスペース: {name}"),
    "report.page.period": ("Period: {name} ({start} to {end})", "期間: {name}({start} 〜 {end})"),
    "report.page.week": ("week of {start}", "{start} の週"),
    "report.page.expected_today": ("expected progress today: {expected}", "本日時点の想定進捗: {expected}"),
    "report.page.generated": ("generated {date}", "作成日 {date}"),
    "report.page.numbers": ("Numbers", "数字"),
    "report.page.voices": ("Voices and learning", "声と学び"),
    "report.page.appendix": ("Appendix", "付録"),
    "report.page.no_period": (
        "No period named “{name}” (periods: {known})",
        "「{name}」という期間はありません(期間: {known})",
    ),
    "report.page.bad_format": (
        "Unknown report format “{fmt}” (use {known})",
        "レポートの形式「{fmt}」は使えません({known} のいずれか)",
    ),
    "report.okr.latest_notes": ("Latest check-in notes and blockers", "最新チェックインのメモと障害"),
    "report.okr.note": ("note", "メモ"),
    "report.okr.blocker": ("blocker", "障害"),
    "report.nps.title": ("NPS", "NPS"),
    "report.nps.none": ("No NPS answers yet.", "NPS の回答はまだありません。"),
    "report.nps.col.survey": ("Survey", "アンケート"),
    "report.nps.col.kind": ("Kind", "種類"),
    "report.nps.col.n": ("n", "n"),
    "report.nps.col.nps": ("NPS", "NPS"),
    "report.nps.col.interval": ("95% interval", "95% 区間"),
    "report.nps.kind.import": ("imported", "取り込み"),
    "report.nps.kind.manual": ("typed in", "手入力"),
    "report.nps.kind.range": ("date range", "期間指定"),
    "report.nps.kind.template": ("survey template", "テンプレート"),
    "report.nps.small_note": (
        "* fewer than 30 answers: the interval is wider than ±25 points.",
        "* 回答が30未満: 区間の幅は ±25 ポイントより広くなります。",
    ),
    "report.nps.before_after": ("Last before/after:", "直近の施策前後:"),
    "report.nps.comparison": (
        "“{before}” {nps_before} → “{after}” {nps_after}: change {delta} points ({p}).",
        "「{before}」{nps_before} →「{after}」{nps_after}: 変化 {delta} ポイント({p})。",
    ),
    "report.nps.by_month": ("NPS by month", "月別の NPS"),
    "report.nps.chart_title": ("NPS by month with its 95% interval", "月別の NPS と 95% 区間"),
    "report.nps.formula": (
        "NPS = 100 × (promoters − detractors) / n, promoters 9–10, detractors 0–6. 95% interval: adjusted Wald (add ¾ promoter, 1½ passive, ¾ detractor). Before/after: z-test on the adjusted values; p < 0.05 is a real change.",
        "NPS = 100 ×(推奨者 − 批判者)/ n。推奨者 9〜10、批判者 0〜6。95% 区間: 調整 Wald 法(推奨者 ¾・中立者 1½・批判者 ¾ を加える)。施策前後: 調整後の値で z 検定し、p < 0.05 なら本当の変化。",
    ),
}

# Keys the code builds at run time: family prefix -> the names it adds (tests check each exists).
FAMILIES: dict[str, tuple[str, ...]] = {
    "report.nps.col.": ("survey", "kind", "n", "nps", "interval"),
    "report.nps.kind.": ("import", "manual", "range", "template"),
}
