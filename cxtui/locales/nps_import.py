"""Messages of the NPS survey-export importers: file errors, column errors, reasons a row is rejected."""

STRINGS: dict[str, tuple[str, str]] = {
    # Whole-file errors (raised as InputError, one line each).
    "nps_import.missing_file": ("File not found: {path}", "ファイルが見つかりません: {path}"),
    "nps_import.is_dir": (
        "{path} is a folder, not a survey export file",
        "{path} はフォルダです。アンケートの書き出しファイルを指定してください",
    ),
    "nps_import.unreadable": ("Cannot read {path}: {reason}", "{path} を読み込めません: {reason}"),
    "nps_import.empty": (
        "{path} is empty: there is nothing to import",
        "{path} は空のファイルです。取り込むものがありません",
    ),
    "nps_import.binary": (
        "{path} is not a CSV, text or Excel (.xlsx) file",
        "{path} は CSV・テキスト・Excel(.xlsx)のいずれでもありません",
    ),
    "nps_import.unknown_encoding": (
        "Cannot tell how {path} is encoded: save it as UTF-8 CSV or .xlsx",
        "{path} の文字コードを判別できません。UTF-8 の CSV か .xlsx で保存し直してください",
    ),
    "nps_import.xls_legacy": (
        "{path} is an old Excel .xls file: save it as .xlsx or CSV first",
        "{path} は旧形式の Excel(.xls)ファイルです。先に .xlsx か CSV で保存してください",
    ),
    "nps_import.bad_xlsx": (
        "{path} is not a readable Excel (.xlsx) file ({reason})",
        "{path} は読み込める Excel(.xlsx)ファイルではありません({reason})",
    ),
    "nps_import.bad_csv": (
        "{path} cannot be read as CSV: {reason}",
        "{path} を CSV として読み込めません: {reason}",
    ),
    "nps_import.no_header": ("{path} has no header row", "{path} に見出し行がありません"),
    "nps_import.no_score_column": (
        "No 0-10 score column found in {path}; name it with --score-column (columns: {columns})",
        "{path} に 0〜10 の点数の列が見つかりません。--score-column で列を指定してください(列: {columns})",
    ),
    "nps_import.column_not_found": (
        "{path} has no column {column} (columns: {columns})",
        "{path} に列 {column} はありません(列: {columns})",
    ),
    "nps_import.column_n": ("Column {n}", "列{n}"),
    # Reasons a row is rejected (one line each, shown beside the row's line number).
    "nps_import.score_not_number": (
        'score "{value}" is not a number from 0 to 10',
        "点数「{value}」が 0〜10 の数字ではありません",
    ),
    "nps_import.score_out_of_range": (
        'score "{value}" is outside 0-10',
        "点数「{value}」が 0〜10 の範囲外です",
    ),
    "nps_import.score_not_whole": (
        'score "{value}" is not a whole number',
        "点数「{value}」が整数ではありません",
    ),
    "nps_import.bad_date": (
        'date "{value}" is not a date that can be read',
        "日付「{value}」を日付として読み取れません",
    ),
    # Names of the detected layouts, for the import preview.
    "nps_import.layout.google_forms": ("Google Forms", "Google フォーム"),
    "nps_import.layout.microsoft_forms": ("Microsoft Forms", "Microsoft Forms"),
    "nps_import.layout.surveymonkey": ("SurveyMonkey", "SurveyMonkey"),
    "nps_import.layout.typeform": ("Typeform", "Typeform"),
    "nps_import.layout.qualtrics": ("Qualtrics", "Qualtrics"),
    "nps_import.layout.plain": ("Plain table (date, score, comment)", "シンプルな表(日付・点数・コメント)"),
}
