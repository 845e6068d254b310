"""Messages about workspace files and the store."""

STRINGS: dict[str, tuple[str, str]] = {
    "ws.no_permission": (
        "Permission denied: cannot read {path}",
        "アクセス権がありません: {path} を読み込めません",
    ),
    "ws.unreadable": ("Cannot read {path}: {reason}", "{path} を読み込めません: {reason}"),
    "ws.empty": (
        "{path} is an empty file, not a cxtui workspace",
        "{path} は空のファイルで、cxtui のワークスペースではありません",
    ),
    "ws.not_sqlite": (
        "{path} is not a cxtui workspace (not a SQLite database)",
        "{path} は cxtui のワークスペースではありません(SQLite データベースではありません)",
    ),
    "ws.truncated": (
        "{path} is damaged: the file is truncated",
        "{path} は破損しています: ファイルが途中で切れています",
    ),
    "ws.damaged": (
        "{path} is damaged and cannot be read ({reason})",
        "{path} は破損していて読み込めません({reason})",
    ),
    "ws.foreign": (
        "{path} is a SQLite database of another program, not a cxtui workspace",
        "{path} は他のプログラムの SQLite データベースで、cxtui のワークスペースではありません",
    ),
    "ws.is_dir": (
        "{path} is a folder, not a workspace file",
        "{path} はフォルダーです。ワークスペースのファイルを指定してください",
    ),
    "ws.missing": ("No such file: {path}", "ファイルがありません: {path}"),
    "ws.no_folder": ("No such folder: {path}", "フォルダーがありません: {path}"),
    "ws.busy": (
        "{path} is busy: another program is writing to it. Close it and try again",
        "{path} は使用中です: 他のプログラムが書き込んでいます。閉じてからやり直してください",
    ),
    "ws.readonly_perm": (
        "Read-only: you have no permission to write to this file",
        "読み取り専用: このファイルへの書き込み権限がありません",
    ),
    "ws.newer": (
        "Read-only: written by a newer cxtui (schema v{version}; this one knows v{ours})",
        "読み取り専用: 新しい cxtui で作成されています(スキーマ v{version}、このバージョンは v{ours} まで)",
    ),
    "ws.migrated": (
        "Upgraded from schema v{version} to v{ours}; a backup copy was saved next to the file",
        "スキーマを v{version} から v{ours} に更新しました。元のファイルのコピーを同じ場所に保存しました",
    ),
    "ws.readonly_write": (
        "This workspace is read-only: nothing can be changed",
        "このワークスペースは読み取り専用です: 変更できません",
    ),
    "ws.not_found_row": ("{what} not found: {id}", "{what} が見つかりません: {id}"),
    "ws.integrity_ok": ("ok", "正常"),
}
