"""`--help` follows `--lang` (wherever it stands on the line) and else the locale."""

from __future__ import annotations

from click.testing import CliRunner

from cxtui.cli import cli


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_help_after_lang_is_japanese() -> None:
    out = _help("nps", "show", "--lang", "ja", "--help")
    assert out.startswith("使い方: cli nps show")
    assert "オプション:" in out and "表示言語" in out and "このヘルプを表示して終了します。" in out
    assert "NPS を 95% 信頼区間つきで表示します" in out and "Show NPS" not in out


def test_help_before_lang_is_japanese_too() -> None:
    out = _help("nps", "compare", "--help", "--lang", "ja")
    assert "施策前" in out and "Compare NPS" not in out
    root = _help("--lang", "ja", "--help")
    assert "コマンド:" in root and "バージョンを表示して終了します。" in root


def test_help_follows_the_locale_and_english_stays_english() -> None:
    out = _help("nps", "--help", env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert "使い方:" in out and "アンケート結果の取り込み" in out
    english = _help("nps", "show", "--help", "--lang", "en")
    assert english.startswith("Usage: cli nps show")
    assert (
        "Show NPS with its 95 % interval" in english and "UI language (default: from the locale)." in english
    )


def test_every_import_states_its_limits() -> None:
    from cxtui.importing.limits import limits_help

    for group in ("nps", "kpi", "loyalty", "rox"):
        shown = " ".join(_help(group, "import", "--help", "--lang", "en").split())
        assert limits_help() in shown, group
