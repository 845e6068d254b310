"""cli strings: (English, Japanese) for every key `cli.<area>.<name>`."""

STRINGS = {
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
