"""Strings of `cxtui check`, `cxtui report` and the CLI messages around them."""

STRINGS: dict[str, tuple[str, str]] = {
    # -- check ---------------------------------------------------------------------------------
    "check.ok": ("{path}: ok (schema v{version})", "{path}: 正常(スキーマ v{version})"),
    "check.schema": (
        "schema: v{version} (this cxtui writes v{ours})",
        "スキーマ: v{version}(この cxtui は v{ours} で書き込みます)",
    ),
    "check.integrity": (
        "integrity: {result}; foreign keys: {result}",
        "整合性: {result}、外部キー: {result}",
    ),
    "check.counts": (
        "contents: {periods} periods, {objectives} objectives, {key_results} key results, {checkins} check-ins",
        "内容: 期間 {periods}、目標 {objectives}、主要な成果 {key_results}、チェックイン {checkins}",
    ),
    "check.notice": ("note: {notice}", "注意: {notice}"),
    "check.older": (
        "written by an older cxtui (schema v{version}); opening it for editing upgrades it to v{ours} after saving a backup copy next to it",
        "古い cxtui で作成されています(スキーマ v{version})。編集のために開くと、同じ場所にコピーを保存してから v{ours} に更新します",
    ),
    "check.not_initialised": (
        "{path} is an empty SQLite database, not a cxtui workspace",
        "{path} は空の SQLite データベースで、cxtui のワークスペースではありません",
    ),
    "check.missing_tables": (
        "{path} is damaged: cxtui tables are missing ({tables})",
        "{path} は破損しています: cxtui のテーブルがありません({tables})",
    ),
    "check.integrity_failed": (
        "{path} is damaged: the integrity check found {count} problem(s), first: {first}",
        "{path} は破損しています: 整合性チェックで {count} 件の問題が見つかりました(最初の問題: {first})",
    ),
    "check.foreign_keys_failed": (
        "{path} is damaged: {count} row(s) point to rows that do not exist",
        "{path} は破損しています: 存在しない行を参照している行が {count} 件あります",
    ),
    # -- report ---------------------------------------------------------------------------------
    "report.title": ("OKR report: {period}", "OKR レポート: {period}"),
    "report.title_no_period": ("OKR report", "OKR レポート"),
    "report.workspace": ("Workspace: {name}", "ワークスペース: {name}"),
    "report.period": ("Period: {name} ({start} to {end})", "期間: {name}({start} 〜 {end})"),
    "report.expected_today": ("expected progress today: {expected}", "本日時点の想定進捗: {expected}"),
    "report.generated": ("generated {date}", "作成日 {date}"),
    "report.no_periods": (
        "This workspace has no periods yet.",
        "このワークスペースにはまだ期間がありません。",
    ),
    "report.no_objectives": ("No objectives in this period yet.", "この期間にはまだ目標がありません。"),
    "report.no_krs": ("No key results yet.", "主要な成果はまだありません。"),
    "report.no_period": (
        "No period named “{name}” (periods: {known})",
        "「{name}」という期間はありません(期間: {known})",
    ),
    "report.bad_format": (
        "Unknown report format “{fmt}” (use {known})",
        "レポートの形式「{fmt}」は使えません({known} のいずれか)",
    ),
    "report.objectives": ("Objectives", "目標"),
    "report.objective_heading": ("{n}. {title}: {progress} ({band})", "{n}. {title}: {progress}({band})"),
    "report.owner": ("Owner: {owner}", "担当: {owner}"),
    "report.aligned_to": ("Aligned to: {title}", "上位の目標: {title}"),
    "report.rolls_up": ("includes aligned objectives in its progress", "下位の目標を進捗に含めます"),
    "report.too_many_krs": (
        "{count} key results: 3 to 5 are advised",
        "主要な成果が {count} 件あります: 3〜5 件をおすすめします",
    ),
    "report.progress_raw": ("{progress} (raw {raw})", "{progress}(補正前 {raw})"),
    "report.raw": ("(raw {raw})", "(補正前 {raw})"),
    "report.behind": ("behind", "遅れ"),
    "report.on_pace": ("on pace", "順調"),
    "report.done": ("done", "完了"),
    "report.not_done": ("not done", "未完了"),
    "report.col.objective": ("Objective", "目標"),
    "report.col.key_result": ("Key result", "主要な成果"),
    "report.col.kind": ("Kind", "種類"),
    "report.col.start": ("Start", "開始値"),
    "report.col.target": ("Target", "目標値"),
    "report.col.current": ("Current", "現在値"),
    "report.col.progress": ("Progress", "進捗"),
    "report.col.expected": ("Expected", "想定"),
    "report.col.pace": ("Pace", "ペース"),
    "report.col.confidence": ("Confidence", "確信度"),
    "report.col.band": ("Band", "評価"),
    "report.col.weight": ("Weight", "重み"),
    "report.col.krs": ("KRs", "KR 数"),
    "report.kind.increase": ("increase", "増やす"),
    "report.kind.decrease": ("decrease", "減らす"),
    "report.kind.stay_above": ("stay above", "下回らない"),
    "report.kind.stay_below": ("stay below", "上回らない"),
    "report.kind.milestone": ("milestone", "マイルストーン"),
    "report.band.green": ("green", "緑"),
    "report.band.amber": ("amber", "黄"),
    "report.band.red": ("red", "赤"),
    "report.confidence.on_track": ("on track", "順調"),
    "report.confidence.at_risk": ("at risk", "要注意"),
    "report.confidence.off_track": ("off track", "危険"),
    "report.formula": (
        "Progress = (current − start) / (target − start), one formula for increasing and decreasing key results; "
        "bars, bands and objective progress use it clamped to 0–100 %, and “raw” is the unclamped value. "
        "A guardrail counts 100 % while its threshold is kept (reaching it exactly counts as kept), a milestone 0 or 100 %. "
        "Objective progress is the weighted mean of its key results (and of aligned objectives when it rolls them up). "
        "Bands: ≥ 70 % green, 40–69 % amber, < 40 % red; expected progress is linear over the period. "
        "The NexBridge seed reports achievement rates that do not follow one formula; cxtui uses this one.",
        "進捗 = (現在値 − 開始値) / (目標値 − 開始値)。増やす主要な成果にも減らす主要な成果にも同じ式を使います。"
        "バー・評価・目標の進捗は 0〜100% に収めた値を使い、「補正前」は収める前の値です。"
        "ガードレール型はしきい値を守っている間 100%(ちょうど到達も守ったとみなします)、マイルストーンは 0% か 100% です。"
        "目標の進捗は主要な成果の加重平均です(下位の目標を集計する設定ではそれも含めます)。"
        "評価: 70% 以上は緑、40〜69% は黄、40% 未満は赤。想定進捗は期間に対して直線的に増えます。"
        "NexBridge の事例の達成率は一つの式に従っていませんが、cxtui はこの式を使います。",
    ),
    # -- CLI messages of check/report --------------------------------------------------------------
    "cli.report_written": ("Report written to {path}", "レポートを {path} に書き出しました"),
    "cli.cannot_write": ("Cannot write {path}: {reason}", "{path} に書き込めません: {reason}"),
}
