"""review strings: (English, Japanese) for every key `review.<area>.<name>`."""

STRINGS = {
    "review.domain.name": ("Weekly reviews", "週次レビュー"),
    "review.domain.reviews": ("weekly reviews", "週次レビュー"),
    "review.domain.review_items": ("review entries", "レビューの記録"),
    "review.act.start": ("Start weekly review", "週次レビューを開始"),
    "review.act.kr": ("Weekly review: check-in", "週次レビュー: チェックイン"),
    "review.act.kpi": ("Weekly review: KPI value", "週次レビュー: KPIの値"),
    "review.act.voice": ("Weekly review: voice", "週次レビュー: 今週の声"),
    "review.act.cycle": ("Weekly review: cycle", "週次レビュー: サイクル"),
    "review.act.pause": ("Leave weekly review", "週次レビューを中断"),
    "review.act.finish": ("Finish weekly review", "週次レビューを完了"),
    "review.act.delete": ("Delete weekly review", "週次レビューを削除"),
    "review.act.demo": ("build the demo reviews", "デモのレビューの作成"),
    "review.err.bad_step": ("must be a step from 1 to 6", "1〜6のステップにしてください"),
    "review.report.title": ("Weekly review", "週次レビュー"),
    "review.report.none": ("No weekly review yet.", "週次レビューはまだありません。"),
    "review.report.last": ("Last review {date} ({time} min)", "前回のレビュー {date}({time} 分)"),
    "review.report.learning": ("Learned:", "学び:"),
    "review.report.next_step": ("Next step:", "次の一歩:"),
    "review.report.count": (
        "{n} weekly review(s) finished so far.",
        "これまでに完了した週次レビュー: {n} 回。",
    ),
}
