"""Texts of the NPS screen itself (its widgets and dialogs have their own catalogs)."""

STRINGS: dict[str, tuple[str, str]] = {
    "key.okr_screen": ("OKRs", "OKR"),
    "key.nps_screen": ("NPS", "NPS"),
    "nps_key.import": ("Import", "取り込み"),
    "nps_key.quick": ("Quick entry", "手入力"),
    "nps_key.compare": ("Compare", "比較"),
    "nps_key.grain": ("Week/month/quarter", "週/月/四半期"),
    "nps_key.search": ("Search comments", "コメント検索"),
    "nps_key.templates": ("Survey templates", "アンケートのひな形"),
    "nps_key.delete_survey": ("Delete survey", "アンケートを削除"),
    "nps_tab.overview": ("Overview", "概要"),
    "nps_tab.trend": ("Trend", "推移"),
    "nps_tab.segments": ("Segments", "セグメント"),
    "nps_tab.compare": ("Compare", "比較"),
    "nps_tab.comments": ("Comments", "コメント"),
    "nps_tab.followups": ("Follow-up", "フォローアップ"),
    "nps_grain.week": ("by week", "週ごと"),
    "nps_grain.month": ("by month", "月ごと"),
    "nps_grain.quarter": ("by quarter", "四半期ごと"),
    "nps_scr.surveys": ("Surveys", "アンケート"),
    "nps_scr.subtitle": ("NPS", "NPS"),
    "nps_scr.all_responses": ("All responses", "すべての回答"),
    "nps_scr.distribution": ("Answers 0–10", "回答の分布(0〜10)"),
    "nps_scr.trend_title": (
        "NPS {grain} with its 95% interval (g changes)",
        "NPS の推移({grain}、95%区間つき。g で切替)",
    ),
    "nps_scr.compare_hint": (
        "Press x to choose “before” and “after” (two surveys or two date ranges, e.g. around the start "
        "of an improvement) and see whether the change is real.",
        "x を押して「施策前」と「施策後」(2つのアンケート、または改善開始前後の2つの期間)を選ぶと、"
        "変化が本物かどうかを確かめられます。",
    ),
    "nps_scr.search": ("Search comments…", "コメントを検索…"),
    "nps_scr.all_categories": ("All categories", "すべての分類"),
    "nps_scr.all_statuses": ("All statuses", "すべての状態"),
    "nps_scr.uncategorised": ("uncategorised", "未分類"),
    "nps_scr.comment_count": ("{shown} of {n} comments", "コメント {n} 件中 {shown} 件を表示"),
    "nps_scr.followup_count": (
        "{n} detractors with comments, {open} still open (enter: owner, status, note)",
        "コメントのある批判者 {n} 件、未対応 {open} 件(enter で担当・状態・メモ)",
    ),
    "nps_scr.quick_default": ("Paper forms", "紙のアンケート"),
    "nps_scr.quick_saved": ("Added {n} answers to {survey}.", "{survey} に {n} 件の回答を追加しました。"),
    "nps_scr.delete_survey": (
        "Delete the survey “{name}” and its {n} answers? ctrl+z undoes it.",
        "アンケート「{name}」と回答 {n} 件を削除しますか? ctrl+z で元に戻せます。",
    ),
}
