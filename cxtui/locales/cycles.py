"""cycles strings: (English, Japanese) for every key `cycles.<area>.<name>`."""

STRINGS = {
    "cycles.domain.name": ("Learning cycles", "学習サイクル"),
    "cycles.domain.cycles": ("learning cycles", "学習サイクル"),
    "cycles.domain.cycle_kpis": ("KPIs watched by cycles", "サイクルで見るKPI"),
    "cycles.act.add": ("Add learning cycle", "学習サイクルを追加"),
    "cycles.act.save": ("Edit learning cycle", "学習サイクルを編集"),
    "cycles.act.start": ("Start learning cycle", "学習サイクルを開始"),
    "cycles.act.learning": ("Write the learning", "学びを記録"),
    "cycles.act.review": ("Review learning cycle", "学習サイクルを振り返り"),
    "cycles.act.delete": ("Delete learning cycle", "学習サイクルを削除"),
    "cycles.act.demo": ("build the demo cycles", "デモのサイクルの作成"),
    "cycles.err.one_hypothesis": (
        "one hypothesis per cycle: start another cycle for the second one",
        "仮説は1サイクルに1つだけです。2つ目は別のサイクルで試しましょう",
    ),
    "cycles.err.one_change": (
        "one change per cycle: start another cycle for the second one",
        "改善は1サイクルに1つだけです。2つ目は別のサイクルで試しましょう",
    ),
    "cycles.err.one_line": ("one line: what was learned, in one sentence", "学びは1行で書きます"),
    "cycles.err.one_next_step": ("one next step only", "次の一歩は1つだけです"),
    "cycles.err.not_planned": (
        "“{title}” is not planned: only a planned cycle can be started",
        "「{title}」は予定中ではありません。開始できるのは予定中のサイクルだけです",
    ),
    "cycles.err.no_next_step": (
        "“{title}” has no next step yet: review it first",
        "「{title}」にはまだ次の一歩がありません。先に振り返りましょう",
    ),
    "cycles.state.planned": ("planned", "予定"),
    "cycles.state.running": ("running", "実施中"),
    "cycles.state.reviewed": ("reviewed", "振り返り済み"),
    "cycles.missing.no_value": ("no value by the end", "終了日までに値なし"),
    "cycles.missing.no_before": ("no value before the start", "開始日までに値なし"),
    "cycles.missing.none_during": ("no value during the cycle", "期間中の値なし"),
    "cycles.verdict.better": ("better", "改善"),
    "cycles.verdict.worse": ("worse", "悪化"),
    "cycles.verdict.same": ("no change", "変化なし"),
    "cycles.text.dates": ("{start} – {end} ({days} days)", "{start} 〜 {end}({days}日間)"),
    "cycles.text.overdue": ("ended {days} day(s) ago, not reviewed", "終了から{days}日、未振り返り"),
    "cycles.text.days_left": ("{days} day(s) left", "残り{days}日"),
    "cycles.report.title": ("Learning cycles", "学習サイクル"),
    "cycles.report.running_head": (
        "Running: {title} (ends {end}, {days} day(s) left)",
        "実施中: {title}({end} まで、残り{days}日)",
    ),
    "cycles.report.none_running": ("No cycle is running.", "実施中のサイクルはありません。"),
    "cycles.report.overdue": ("Ended and not reviewed yet: {titles}", "終了したが未振り返り: {titles}"),
    "cycles.report.learnings": ("Latest learnings", "最近の学び"),
    "cycles.report.next": ("Next step: {step}", "次の一歩: {step}"),
    "cycles.report.per_month": ("Cycles run per month", "月ごとのサイクル実施数"),
    "cycles.report.counted_by": ("(the values of KPI {kpis})", "(KPI「{kpis}」の値)"),
    "cycles.cli.none": ("No learning cycles yet.", "学習サイクルはまだありません。"),
    "cycles.cli.col.title": ("Cycle", "サイクル"),
    "cycles.cli.col.state": ("State", "状態"),
    "cycles.cli.col.start": ("Start", "開始"),
    "cycles.cli.col.end": ("End", "終了"),
    "cycles.cli.col.kpis": ("KPIs before → after", "KPI 開始時 → 終了時"),
    "cycles.cli.col.learning": ("Learning", "学び"),
    "cycles.board.overdue": ("⚑ review due", "⚑ 振り返り待ち"),
    "cycles.board.empty": (
        "No cycle here. Press a to plan one: one hypothesis, one change, two weeks.",
        "ここにサイクルはありません。a で計画します: 仮説1つ、改善1つ、2週間。",
    ),
    "cycles.detail.from": ("Carries on from", "前のサイクル"),
    "cycles.detail.numbers": (
        "KPIs before → after (the latest value on or before the start and the end):",
        "KPI 開始時 → 終了時(開始日・終了日以前の最新値):",
    ),
    "cycles.detail.now": ("now {value} (not started)", "現在 {value}(未開始)"),
    "cycles.detail.no_kpis": (
        "No KPI watched: edit the cycle (e) to choose them.",
        "見るKPIがありません。e で編集して選びます。",
    ),
    "cycles.detail.evidence": ("Evidence captured in it ({n}):", "期間中の証拠({n} 件):"),
    "cycles.log.search": ("Search the learning log (/)", "学びの記録を検索 (/)"),
    "cycles.log.empty": (
        "No reviewed cycle yet: the learning log fills as cycles are reviewed.",
        "振り返り済みのサイクルはまだありません。",
    ),
    "cycles.log.no_match": ("No learning matches.", "一致する学びはありません。"),
    "cycles.log.none_yet": ("none yet", "まだなし"),
    "cycles.log.action_kpi": (
        "(seed 001's action KPI: a KPI whose values come from “cycles” shows it)",
        "(行動KPI: 値の出どころを「サイクル」にしたKPIに表示されます)",
    ),
    "cycles.key.add": ("Plan a cycle", "サイクル計画"),
    "cycles.key.start": ("Start", "開始"),
    "cycles.key.review": ("Review", "振り返り"),
    "cycles.key.next": ("Next cycle", "次のサイクル"),
    "cycles.key.log": ("Learning log", "学びの記録"),
    "cycles.key.search": ("Search the learning log", "学びの記録を検索"),
    "cycles.key.column_left": ("Column to the left", "左の列"),
    "cycles.key.column_right": ("Column to the right", "右の列"),
    "cycles.msg.started": ("Started “{title}”.", "「{title}」を開始しました。"),
    "cycles.msg.not_started": (
        "This cycle has not started yet: press s to start it.",
        "このサイクルはまだ始まっていません。s で開始します。",
    ),
    "cycles.msg.reviewed": (
        "“{title}” reviewed: its learning is in the log (l).",
        "「{title}」を振り返りました。学びは記録(l)にあります。",
    ),
    "cycles.msg.next_created": (
        "Next cycle planned: “{title}”.",
        "次のサイクルを計画しました: 「{title}」。",
    ),
    "cycles.msg.spun_off": (
        "{n} more cycle(s) planned for the other hypotheses or changes.",
        "ほかの仮説・改善のためにサイクルを {n} 件計画しました。",
    ),
    "cycles.confirm.delete": (
        "Delete the cycle “{title}”? Its evidence stays; ctrl+z undoes it.",
        "サイクル「{title}」を削除しますか? 証拠は残ります。ctrl+z で元に戻せます。",
    ),
    "cycles.editor.title": ("Learning cycle", "学習サイクル"),
    "cycles.editor.new": ("Plan a learning cycle", "学習サイクルを計画"),
    "cycles.editor.edit": ("Learning cycle: {title}", "学習サイクル: {title}"),
    "cycles.editor.review": ("Review: {title}", "振り返り: {title}"),
    "cycles.editor.step.hypothesis": ("Hypothesis", "仮説"),
    "cycles.editor.step.change": ("Change", "改善"),
    "cycles.editor.step.check": ("KPI check", "KPI確認"),
    "cycles.editor.step.learning": ("Learning", "学び"),
    "cycles.editor.step.next_step": ("Next step", "次の一歩"),
    "cycles.editor.help.hypothesis": (
        "① Decide ONE hypothesis (e.g. “People hesitate because they can't tell which one suits them”). Two weeks by default.",
        "①仮説を1つだけ決める(例:「迷いは“選び方がわからない”が原因」)。期間は標準で2週間。",
    ),
    "cycles.editor.help.change": (
        "② Make ONE change that tests it (the order of the talk, a POP, the top of the page…).",
        "②改善を1つだけ入れる(説明トークの順番、店頭POP、Web冒頭の順番など)。",
    ),
    "cycles.editor.help.check": (
        "③ Look at the KPIs (numbers) and the evidence (voices). Space chooses the KPIs it watches.",
        "③KPIを見る(数字+証拠)。スペースで見るKPIを選びます。",
    ),
    "cycles.editor.help.learning": (
        "④ Leave what was learned in ONE line (e.g. “Showing the rule of thumb first cut the comparison questions”).",
        "④学びを1行で残す(例:「目安を先に出すと比較の質問が減った」)。",
    ),
    "cycles.editor.help.next_step": (
        "⑤ Decide ONE next step: do not add too much; keep it to one.",
        "⑤次の一歩をまた1つ決める。増やしすぎず、1つに絞る。",
    ),
    "cycles.editor.next_step": ("Next step", "次の一歩"),
    "cycles.editor.days_hint": ("2 weeks by default", "標準は2週間"),
    "cycles.editor.no_kpis": ("No KPI chosen yet.", "KPIはまだ選ばれていません。"),
    "cycles.editor.evidence": ("Evidence captured in it: {n}", "期間中の証拠: {n} 件"),
    "cycles.editor.key_next": ("Next step", "次のステップ"),
    "cycles.editor.key_back": ("Previous step", "前のステップ"),
    "cycles.editor.split_title": ("One at a time", "1つずつ"),
    "cycles.editor.split_hypothesis": (
        "A cycle tests one hypothesis. Keep “{first}” here and start another cycle for:\n{others}",
        "1つのサイクルで試す仮説は1つです。「{first}」をこのサイクルに残し、次の仮説は別のサイクルにしますか:\n{others}",
    ),
    "cycles.editor.split_change": (
        "A cycle makes one change. Keep “{first}” here and start another cycle for:\n{others}",
        "1つのサイクルで入れる改善は1つです。「{first}」をこのサイクルに残し、次の改善は別のサイクルにしますか:\n{others}",
    ),
    "cycles.editor.split_yes": ("Start another cycle", "別のサイクルにする"),
    "cycles.editor.split_done": (
        "Kept the first here; {n} other cycle(s) will be planned when you save.",
        "最初の1つを残しました。保存すると別のサイクルを {n} 件計画します。",
    ),
    "cycles.help.text": (
        "← → move between the columns (planned, running, reviewed); ↑ ↓ between cycles; enter edits "
        "the cycle. l shows the learning log (/ searches it).\n\n"
        "A cycle holds one hypothesis and one change (a second is refused: start another cycle), the "
        "KPIs it watches, the voices captured during it, one learning and one next step. It lasts 2 "
        "weeks unless changed.\n"
        "Before = each watched KPI's latest value on or before the start; after = its latest on or "
        "before the end; a KPI without a value in that time says so.\n"
        "⚑ overdue: past its end and not reviewed. r reviews it: the learning, then the next step, "
        "which closes it; n starts the next cycle with the same KPIs and the next step as its "
        "hypothesis draft. Cycles run per month (reviewed cycles) can be a KPI of their own.",
        "← → 列(計画中・実施中・振り返り済み)を移動、↑ ↓ でサイクルを移動、enter で開いて編集します。"
        "l で学びの記録(/ で検索)。\n\n"
        "サイクルには仮説1つ・変更1つ(2つ目は受け付けず、別のサイクルを勧めます)、見るKPI、期間中の"
        "現場の声、学び1行、次の一歩1つがあります。期間は変えなければ2週間です。\n"
        "前 = 見るKPIの開始日以前の最新値、後 = 終了日以前の最新値。その期間に値のないKPIはその旨を"
        "表示します。\n"
        "⚑ 期限切れ: 終了日を過ぎて未振り返り。r で振り返り(学び、次に次の一歩で完了)。n で同じKPIと"
        "次の一歩を仮説の下書きにして次のサイクルを始めます。月ごとの実施数(振り返り済み)はそのまま"
        "KPIにできます。",
    ),
}

# Keys the code builds at run time: family prefix -> the names it adds (tests check each exists).
FAMILIES: dict[str, tuple[str, ...]] = {
    "cycles.state.": ("planned", "running", "reviewed"),
    "cycles.missing.": ("no_value", "no_before", "none_during"),
    "cycles.verdict.": ("better", "worse", "same"),
    "cycles.cli.col.": ("title", "state", "start", "end", "kpis", "learning"),
    "cycles.editor.step.": ("hypothesis", "change", "check", "learning", "next_step"),
    "cycles.editor.split_": ("hypothesis", "change"),
}
