"""db strings: (English, Japanese) for every key `db.<area>.<name>`."""

STRINGS = {
    "db.check.ok": ("{path}: ok (schema v{version})", "{path}: 正常(スキーマ v{version})"),
    "db.check.schema": (
        "schema: v{version} (this cxtui writes v{ours})",
        "スキーマ: v{version}(この cxtui は v{ours} で書き込みます)",
    ),
    "db.check.integrity": (
        "integrity: {result}; foreign keys: {result}",
        "整合性: {result}、外部キー: {result}",
    ),
    "db.check.notice": ("note: {notice}", "注意: {notice}"),
    "db.check.older": (
        "written by an older cxtui (schema v{version}); opening it for editing upgrades it to v{ours} after saving a backup copy next to it",
        "古い cxtui で作成されています(スキーマ v{version})。編集のために開くと、同じ場所にコピーを保存してから v{ours} に更新します",
    ),
    "db.check.not_initialised": (
        "{path} is an empty SQLite database, not a cxtui workspace",
        "{path} は空の SQLite データベースで、cxtui のワークスペースではありません",
    ),
    "db.check.missing_tables": (
        "{path} is damaged: cxtui tables are missing ({tables})",
        "{path} は破損しています: cxtui のテーブルがありません({tables})",
    ),
    "db.check.integrity_failed": (
        "{path} is damaged: the integrity check found {count} problem(s), first: {first}",
        "{path} は破損しています: 整合性チェックで {count} 件の問題が見つかりました(最初の問題: {first})",
    ),
    "db.check.foreign_keys_failed": (
        "{path} is damaged: {count} row(s) point to rows that do not exist",
        "{path} は破損しています: 存在しない行を参照している行が {count} 件あります",
    ),
    "db.ws.no_permission": (
        "Permission denied: cannot read {path}",
        "アクセス権がありません: {path} を読み込めません",
    ),
    "db.ws.unreadable": ("Cannot read {path}: {reason}", "{path} を読み込めません: {reason}"),
    "db.ws.disk_full": (
        "Disk full: cannot write {path} (nothing was changed; free some space and try again)",
        "ディスクがいっぱいです: {path} に書き込めません(何も変更していません。空きを作ってからやり直してください)",
    ),
    "db.ws.orphan_side_file": (
        "{side} is left from a deleted workspace {path}: move it away (or delete it) before creating {path}",
        "{side} は削除されたワークスペース {path} の残りです。{path} を作る前に移動(または削除)してください",
    ),
    "db.undo.conflict": (
        'Cannot undo "{label}": another program changed the same data since (its change is kept)',
        "「{label}」は元に戻せません: その後ほかのプログラムが同じデータを変更しました(その変更を残します)",
    ),
    "db.redo.conflict": (
        'Cannot redo "{label}": another program changed the same data since (its change is kept)',
        "「{label}」はやり直せません: その後ほかのプログラムが同じデータを変更しました(その変更を残します)",
    ),
    "db.save.conflict": (
        "Not saved: another program changed this item since you opened it; it is shown again with "
        "that change, so you can edit it again",
        "保存していません: 開いた後にほかのプログラムがこの項目を変更しました。変更後の内容を表示しますので、もう一度編集してください",
    ),
    "db.ws.waiting": (
        "Waiting for {path}: another program is writing to it…",
        "{path} を待っています: ほかのプログラムが書き込み中です…",
    ),
    "db.ws.empty": (
        "{path} is an empty file, not a cxtui workspace",
        "{path} は空のファイルで、cxtui のワークスペースではありません",
    ),
    "db.ws.not_sqlite": (
        "{path} is not a cxtui workspace (not a SQLite database)",
        "{path} は cxtui のワークスペースではありません(SQLite データベースではありません)",
    ),
    "db.ws.truncated": (
        "{path} is damaged: the file is truncated",
        "{path} は破損しています: ファイルが途中で切れています",
    ),
    "db.ws.damaged": (
        "{path} is damaged and cannot be read ({reason})",
        "{path} は破損していて読み込めません({reason})",
    ),
    "db.ws.foreign": (
        "{path} is a SQLite database of another program, not a cxtui workspace",
        "{path} は他のプログラムの SQLite データベースで、cxtui のワークスペースではありません",
    ),
    "db.ws.not_regular": (
        "{path} is not a regular file (a pipe, device or socket cannot be a workspace)",
        "{path} は通常のファイルではありません(パイプ・デバイス・ソケットはワークスペースにできません)",
    ),
    "db.ws.is_dir": (
        "{path} is a folder, not a workspace file",
        "{path} はフォルダーです。ワークスペースのファイルを指定してください",
    ),
    "db.ws.missing": ("No such file: {path}", "ファイルがありません: {path}"),
    "db.ws.no_folder": ("No such folder: {path}", "フォルダーがありません: {path}"),
    "db.ws.busy": (
        "{path} is busy: another program is writing to it. Close it and try again",
        "{path} は使用中です: 他のプログラムが書き込んでいます。閉じてからやり直してください",
    ),
    "db.ws.readonly_perm": (
        "Read-only: you have no permission to write to this file",
        "読み取り専用: このファイルへの書き込み権限がありません",
    ),
    "db.ws.newer": (
        "Read-only: written by a newer cxtui (schema v{version}; this one knows v{ours})",
        "読み取り専用: 新しい cxtui で作成されています(スキーマ v{version}、このバージョンは v{ours} まで)",
    ),
    "db.ws.migrated": (
        "Upgraded from schema v{version} to v{ours}; a backup copy was saved next to the file",
        "スキーマを v{version} から v{ours} に更新しました。元のファイルのコピーを同じ場所に保存しました",
    ),
    "db.ws.readonly_write": (
        "This workspace is read-only: nothing can be changed",
        "このワークスペースは読み取り専用です: 変更できません",
    ),
    "db.ws.not_found_row": ("{what} not found: {id}", "{what} が見つかりません: {id}"),
    "db.ws.integrity_ok": ("ok", "正常"),
    "db.check.table_rows": ("{table} {n}", "{table} {n}"),
    "db.check.domain_rows": ("{domain}: {rows}", "{domain}: {rows}"),
}
