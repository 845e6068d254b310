"""Strings of the built-in demo workspace that are not its content (the content is cxtui/data/*.json)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.demo_written": ("Demo workspace: {path}", "デモのワークスペース: {path}"),
    "demo.build": ("build the demo workspace", "デモのワークスペースの作成"),
}
