"""report strings: (English, Japanese) for every key `report.<area>.<name>`."""

STRINGS = {
    "report.page.title": ("OKR report: {period}", "OKR レポート: {period}"),
    "report.page.title_no_period": ("OKR report", "OKR レポート"),
    "report.page.workspace": ("Workspace: {name}", "ワークスペース: {name}"),
    "report.page.period": ("Period: {name} ({start} to {end})", "期間: {name}({start} 〜 {end})"),
    "report.page.expected_today": ("expected progress today: {expected}", "本日時点の想定進捗: {expected}"),
    "report.page.generated": ("generated {date}", "作成日 {date}"),
    "report.page.no_period": (
        "No period named “{name}” (periods: {known})",
        "「{name}」という期間はありません(期間: {known})",
    ),
    "report.page.bad_format": (
        "Unknown report format “{fmt}” (use {known})",
        "レポートの形式「{fmt}」は使えません({known} のいずれか)",
    ),
}
