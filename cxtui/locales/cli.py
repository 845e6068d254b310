"""cli strings: (English, Japanese) for every key `cli.<area>.<name>`."""

STRINGS = {
    "cli.help.usage": ("Usage:", "使い方:"),
    "cli.help.options": ("Options", "オプション"),
    "cli.help.commands": ("Commands", "コマンド"),
    "cli.help.help_option": ("Show this message and exit.", "このヘルプを表示して終了します。"),
    "cli.help.version_option": ("Show the version and exit.", "バージョンを表示して終了します。"),
    "cli.help.lang": ("UI language (default: from the locale).", "表示言語(既定: ロケールから)。"),
    "cli.help.json": ("Print JSON instead of a table.", "表の代わりに JSON を出力します。"),
    "cli.cmd.root": (
        "Run customer-experience improvement from the keyboard: OKRs, KPIs, NPS, weekly review.\n\nWith no FILE, opens the start screen (recent workspaces, new, demo).",
        "顧客体験の改善をキーボードで: OKR・KPI・NPS・週次レビュー。\n\nFILE を指定しないとスタート画面(最近のワークスペース・新規作成・デモ)を開きます。",
    ),
    "cli.cmd.open": (
        "Open FILE in the TUI (offers to create it if it does not exist).",
        "FILE を TUI で開きます(なければ作成するか尋ねます)。",
    ),
    "cli.cmd.new": (
        "Create an empty workspace FILE without opening it (an existing FILE is refused).",
        "空のワークスペース FILE を作成します(開きません。既存の FILE は拒否します)。",
    ),
    "cli.cmd.demo": (
        "Open your copy of the demo workspace (built on first use; what you change in it is kept).",
        "デモのワークスペース(あなた用のコピー)を開きます(初回に作成。変更は保持されます)。",
    ),
    "cli.cmd.demo_reset": (
        "Rebuild the demo from scratch (asks first; your changes go).",
        "デモを最初から作り直します(先に確認します。変更は失われます)。",
    ),
    "cli.cmd.demo_yes": ("With --reset: do not ask.", "--reset と一緒に: 確認しません。"),
    "cli.cmd.check": (
        "Check FILE's integrity, schema version and rows of every part (exit 0 ok, 2 bad file).\n\nNever changes FILE.",
        "FILE の整合性・スキーマのバージョン・各部の行を検査します(終了コード 0 正常、2 不正なファイル)。\n\nFILE は変更しません。",
    ),
    "cli.cmd.check_json": ("Print the result as JSON.", "結果を JSON で出力します。"),
    "cli.cmd.report": (
        "Write the workspace report: OKRs with progress, bands and confidence, NPS with its interval.",
        "ワークスペースのレポートを書き出します: OKR(進捗・判定・確信度)と NPS(信頼区間つき)。",
    ),
    "cli.cmd.report_format": ("Output format.", "出力形式。"),
    "cli.cmd.report_output": ("Write to PATH.", "PATH に書き出します。"),
    "cli.cmd.report_period": (
        "Period name (default: the one containing today).",
        "期間の名前(既定: 今日を含む期間)。",
    ),
    "cli.msg.demo_written": ("Demo workspace: {path}", "デモのワークスペース: {path}"),
    "cli.msg.report_written": ("Report written to {path}", "レポートを {path} に書き出しました"),
    "cli.msg.cannot_write": ("Cannot write {path}: {reason}", "{path} に書き込めません: {reason}"),
    "cli.msg.disk_full": (
        "Disk full: cannot write {path} (nothing was changed; free some space and try again)",
        "ディスクがいっぱいです: {path} に書き込めません (何も変更していません。空きを作ってからやり直してください)",
    ),
    "cli.msg.created": ("created {path}", "{path} を作成しました"),
    "cli.msg.demo_opened": (
        "Your demo workspace: {path} (cxtui demo --reset starts it afresh)",
        "あなたのデモのワークスペース: {path}(cxtui demo --reset で最初からやり直せます)",
    ),
    "cli.msg.demo_reset_ask": (
        "Rebuild the demo from scratch? What you changed in it will be lost",
        "デモを最初から作り直しますか? デモで変更した内容は失われます",
    ),
    "cli.msg.exists": (
        "{path} already exists: cxtui new only creates a new workspace",
        "{path} はすでにあります。cxtui new は新しいワークスペースだけを作成します",
    ),
    "cli.msg.no_tui": (
        "this command opens the terminal UI: run it as `cxtui`",
        "このコマンドは画面を開きます。`cxtui` として実行してください",
    ),
}
