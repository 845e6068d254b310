"""importing strings: (English, Japanese) for every key `importing.<area>.<name>`."""

STRINGS = {
    "importing.file.missing_file": ("File not found: {path}", "ファイルが見つかりません: {path}"),
    "importing.file.is_dir": (
        "{path} is a folder, not a survey export file",
        "{path} はフォルダです。アンケートの書き出しファイルを指定してください",
    ),
    "importing.file.unreadable": ("Cannot read {path}: {reason}", "{path} を読み込めません: {reason}"),
    "importing.file.binary": (
        "{path} is not a CSV, text or Excel (.xlsx) file",
        "{path} は CSV・テキスト・Excel(.xlsx)のいずれでもありません",
    ),
    "importing.file.unknown_encoding": (
        "Cannot tell how {path} is encoded: save it as UTF-8 CSV or .xlsx",
        "{path} の文字コードを判別できません。UTF-8 の CSV か .xlsx で保存し直してください",
    ),
    "importing.file.xls_legacy": (
        "{path} is an old Excel .xls file: save it as .xlsx or CSV first",
        "{path} は旧形式の Excel(.xls)ファイルです。先に .xlsx か CSV で保存してください",
    ),
    "importing.file.bad_xlsx": (
        "{path} is not a readable Excel (.xlsx) file ({reason})",
        "{path} は読み込める Excel(.xlsx)ファイルではありません({reason})",
    ),
    "importing.rejects.line": ("line", "行"),
    "importing.rejects.reason": ("reason", "理由"),
    "importing.rejects.row": ("row", "行の内容"),
    "importing.rejects.unwritable": (
        "Cannot write the rejected rows to {path}: {reason}",
        "取り込めなかった行を {path} に保存できません: {reason}",
    ),
    "importing.file.empty": (
        "{path} is empty: nothing to import",
        "{path} は空です。取り込むものがありません",
    ),
    "importing.file.not_regular": (
        "{path} is not a regular file (a pipe, device or socket cannot be imported)",
        "{path} は通常のファイルではありません(パイプ・デバイス・ソケットは取り込めません)",
    ),
    "importing.file.mixed_encoding": (
        "{path} mixes encodings: lines {utf8} are UTF-8, lines {other} are not (CP932?): "
        "save the whole file in one encoding (UTF-8 CSV or .xlsx)",
        "{path} は文字コードが混在しています: {utf8} 行目は UTF-8、{other} 行目はそれ以外(CP932?)です。"
        "ファイル全体を一つの文字コード(UTF-8 の CSV か .xlsx)で保存し直してください",
    ),
    "importing.limit.bytes": (
        "{path} is larger than the limit of {limit}",
        "{path} は上限の {limit} を超えています",
    ),
    "importing.limit.rows": (
        "{path} has more than {limit} rows (the limit)",
        "{path} は上限の {limit} 行を超えています",
    ),
    "importing.limit.columns": (
        "{path}, line {line}: more than {limit} columns (the limit)",
        "{path} の {line} 行目: 列数が上限の {limit} を超えています",
    ),
    "importing.limit.cell": (
        "{path}, line {line}: a cell longer than {limit} characters (the limit)",
        "{path} の {line} 行目: 上限の {limit} 文字を超えるセルがあります",
    ),
    "importing.limit.argument": (
        "{option} is longer than {limit} characters (the limit)",
        "{option} が上限の {limit} 文字を超えています",
    ),
}
