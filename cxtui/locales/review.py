"""review strings: (English, Japanese) for every key `review.<area>.<name>`."""

STRINGS = {
    "review.domain.name": ("Weekly reviews", "週次レビュー"),
    "review.domain.reviews": ("weekly reviews", "週次レビュー"),
    "review.domain.review_items": ("review entries", "レビューの記録"),
    "review.act.start": ("Start weekly review", "週次レビューを開始"),
    "review.act.kr": ("Weekly review: check-in", "週次レビュー: チェックイン"),
    "review.act.kpi": ("Weekly review: KPI value", "週次レビュー: KPIの値"),
    "review.act.voice": ("Weekly review: voice", "週次レビュー: 今週の声"),
    "review.act.cycle": ("Weekly review: cycle", "週次レビュー: サイクル"),
    "review.act.pause": ("Leave weekly review", "週次レビューを中断"),
    "review.act.finish": ("Finish weekly review", "週次レビューを完了"),
    "review.act.delete": ("Delete weekly review", "週次レビューを削除"),
    "review.act.demo": ("build the demo reviews", "デモのレビューの作成"),
    "review.err.bad_step": ("must be a step from 1 to 6", "1〜6のステップにしてください"),
    "review.report.title": ("Weekly review", "週次レビュー"),
    "review.report.none": ("No weekly review yet.", "週次レビューはまだありません。"),
    "review.report.last": ("Last review {date} ({time} min)", "前回のレビュー {date}({time} 分)"),
    "review.report.learning": ("Learned:", "学び:"),
    "review.report.next_step": ("Next step:", "次の一歩:"),
    "review.report.count": (
        "{n} weekly review(s) finished so far.",
        "これまでに完了した週次レビュー: {n} 回。",
    ),
    "review.act.learning": ("Weekly review: learning", "週次レビュー: 学び"),
    "review.step.krs": ("KRs", "KR"),
    "review.step.kpis": ("KPIs", "KPI"),
    "review.step.voices": ("Voices", "今週の声"),
    "review.step.cycles": ("Cycles", "サイクル"),
    "review.step.nps": ("NPS", "NPS"),
    "review.step.close": ("Learning", "学び"),
    "review.step_help.krs": ("No key results in the current period.", "今の期間に主要な成果はありません。"),
    "review.step_help.kpis": ("No focus KPI is due this week.", "今週記録する重点KPIはありません。"),
    "review.step_help.voices": (
        "This week's voices are on the right. Type a phrase you heard to capture it; Enter on an empty line goes on.",
        "今週の声は右側です。聞いた一言を入力すると記録します。空のまま Enter で次へ。",
    ),
    "review.step_help.cycles": ("No cycle is due for review.", "振り返り待ちのサイクルはありません。"),
    "review.step_help.nps": (
        "The NPS since the last review, beside the same span before it.",
        "前回のレビュー以降の NPS と、その前の同じ期間の比較です。",
    ),
    "review.step_help.close": (
        "End with one learning and one next step (seed 001: 15 minutes, the learning and the next step only).",
        "学びを1つ、次の一歩を1つ決めて終わります(15分で「学び」と「次の一歩」だけ決める)。",
    ),
    "review.screen.title": ("Weekly review {date}", "週次レビュー {date}"),
    "review.screen.over": ("(over by {over})", "({over} 超過)"),
    "review.screen.hint": (
        "Enter saves and goes on · empty Enter skips · ↑↓ items · PgDn skips the step · ctrl+o confidence · Esc leaves (all kept)",
        "Enter で保存して次へ · 空の Enter で飛ばす · ↑↓ 項目 · PgDn でステップを飛ばす · ctrl+o 確信度 · Esc で中断(すべて保存済み)",
    ),
    "review.prompt.kr": (
        "New value for this KR (a note may follow it):",
        "この主要な成果の新しい値(後ろにメモを書けます):",
    ),
    "review.prompt.kpi": ("This week's value (a note may follow it):", "今週の値(後ろにメモを書けます):"),
    "review.prompt.voice": (
        "A phrase heard this week (Enter on an empty line goes on):",
        "今週聞いた一言(空のまま Enter で次へ):",
    ),
    "review.prompt.cycle_learning": (
        "One line learned from this cycle (empty skips it):",
        "このサイクルの学びを1行で(空なら飛ばす):",
    ),
    "review.prompt.cycle_next": (
        "One next step (it closes the cycle):",
        "次の一歩を1つ(サイクルを締めます):",
    ),
    "review.prompt.nps": ("Enter goes on.", "Enter で次へ。"),
    "review.prompt.learning": ("This week's one learning:", "今週の学びを1つ:"),
    "review.prompt.next_step": ("One next step (it ends the review):", "次の一歩を1つ(レビューを終えます):"),
    "review.card.previous": ("Previous", "前回"),
    "review.card.no_previous": ("no check-in yet (start value {value})", "チェックインなし(開始値 {value})"),
    "review.card.confidence": ("Confidence", "確信度"),
    "review.card.confidence_key": ("ctrl+o changes it", "ctrl+o で変更"),
    "review.card.voices_since": ("Voices since {since}: {n}", "{since} 以降の声: {n} 件"),
    "review.card.no_voices": (
        "No voices captured since the last review.",
        "前回のレビュー以降の声はありません。",
    ),
    "review.card.evidence": ("Evidence captured in it: {n}", "期間中の証拠: {n} 件"),
    "review.card.no_nps": (
        "No NPS answers in this workspace.",
        "このワークスペースには NPS の回答がありません。",
    ),
    "review.card.nps_title": ("NPS since the last review ({since})", "前回のレビュー({since})以降の NPS"),
    "review.card.change": ("Change", "変化"),
    "review.card.close": ("Learning: {learning}", "学び: {learning}"),
    "review.err.end_needs_decision": (
        "The review ends with one learning and one next step (Esc leaves it for later).",
        "レビューは学び1つと次の一歩1つで終わります(Esc で中断できます)。",
    ),
    "review.key.leave": ("Leave (kept)", "中断(保存済み)"),
    "review.key.skip_step": ("Skip step", "ステップを飛ばす"),
    "review.key.back_step": ("Previous step", "前のステップ"),
    "review.key.next_item": ("Next item", "次の項目"),
    "review.key.previous_item": ("Previous item", "前の項目"),
    "review.key.confidence": ("Change the confidence", "確信度を変える"),
    "review.key.history": ("Past reviews", "過去のレビュー"),
    "review.msg.voice_saved": ("Voice captured.", "声を記録しました。"),
    "review.msg.finished": (
        "Weekly review saved ({time}). Learned: {learning} · Next: {next_step}",
        "週次レビューを保存しました({time})。学び: {learning} · 次の一歩: {next_step}",
    ),
    "review.msg.left": (
        "Review left at step {step}: everything entered is saved; w resumes.",
        "ステップ {step} で中断しました。入力はすべて保存済みです。w で再開します。",
    ),
    "review.msg.gone": (
        "This review is no longer in the workspace.",
        "このレビューはもうワークスペースにありません。",
    ),
    "review.history.title": ("Past weekly reviews", "過去の週次レビュー"),
    "review.history.none": ("No weekly review yet.", "週次レビューはまだありません。"),
    "review.history.done": ("finished in {time}", "{time} で完了"),
    "review.history.left": ("left at step {step} ({name})", "ステップ {step}({name})で中断"),
    "review.history.items": (
        "check-ins {kr} · KPI values {kpi} · voices {voice} · cycles {cycle}",
        "チェックイン {kr} · KPI値 {kpi} · 声 {voice} · サイクル {cycle}",
    ),
    "review.screen.timer": ("time {time} / {budget}", "時間 {time} / {budget}"),
    "review.help.text": (
        "Six steps in 15 minutes: 1 each KR (type the new value, a note may follow; ctrl+o changes the "
        "confidence), 2 the focus KPIs due this week, 3 this week's voices (ctrl+n captures one), "
        "4 cycles due for review (learning, then next step), 5 the NPS change since the last review, "
        "6 one learning and one next step.\n\n"
        "Enter saves and moves to the next item; an empty Enter skips it; PgDn skips the step; esc "
        "leaves with everything kept (w resumes). Each saved value is a check-in or KPI value of today "
        "(one on the same day is replaced), undoable with ctrl+z.\n"
        "NPS change: the answers since the last finished review against the same number of days "
        "before it; the verdict comes from the two-sample test (p < 0.05).\n"
        "The timer counts from the start; past 15:00 it says by how much, in words.",
        "15分で6ステップ: 1 主要な成果ごと(新しい値を入力、後ろにメモ可。ctrl+o で確信度を変更)、"
        "2 今週記録する重点KPI、3 今週の現場の声(ctrl+n で記録)、4 振り返りの時期のサイクル(学び、"
        "次に次の一歩)、5 前回のレビュー以降の NPS の変化、6 学び1つと次の一歩1つ。\n\n"
        "Enter で保存して次へ、空の Enter で飛ばし、PgDn でステップを飛ばします。esc で中断しても"
        "入力は保存済み(w で再開)。保存した値は今日のチェックインまたはKPIの値になり(同じ日のものは"
        "置き換え)、ctrl+z で元に戻せます。\n"
        "NPS の変化: 前回完了したレビュー以降の回答と、その前の同じ日数の回答を比べ、2標本の検定"
        "(p < 0.05)で判定します。\n"
        "タイマーは開始からの時間。15:00 を過ぎると超過時間を言葉で示します。",
    ),
}

# Keys the code builds at run time: family prefix -> the names it adds (tests check each exists).
FAMILIES: dict[str, tuple[str, ...]] = {
    "review.step.": ("krs", "kpis", "voices", "cycles", "nps", "close"),
    "review.step_help.": ("krs", "kpis", "voices", "cycles", "nps", "close"),
}
