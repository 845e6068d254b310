"""Texts of the TUI: keys, the OKR screen, detail pane, dialogs, start and help screens."""

STRINGS: dict[str, tuple[str, str]] = {
    # key bindings (footer, help, command palette)
    "key.add_objective": ("Add objective", "目標を追加"),
    "key.add_top_objective": ("Add top-level objective", "最上位の目標を追加"),
    "key.add_kr": ("Add KR", "KRを追加"),
    "key.checkin": ("Check-in", "チェックイン"),
    "key.edit": ("Edit", "編集"),
    "key.delete": ("Delete", "削除"),
    "key.move_up": ("Move up", "上へ移動"),
    "key.move_down": ("Move down", "下へ移動"),
    "key.prev_period": ("Prev period", "前の期間"),
    "key.next_period": ("Next period", "次の期間"),
    "key.new_period": ("New period", "新しい期間"),
    "key.undo": ("Undo", "元に戻す"),
    "key.redo": ("Redo", "やり直す"),
    "key.help": ("Help", "ヘルプ"),
    "key.language": ("日本語", "English"),
    "key.quit": ("Quit", "終了"),
    "key.palette": ("Command palette", "コマンドパレット"),
    "key.cancel": ("Cancel", "キャンセル"),
    "key.choice_previous": ("Previous choice", "前の選択肢"),
    "key.choice_next": ("Next choice", "次の選択肢"),
    "key.save": ("Save", "保存"),
    "key.yes": ("Yes", "はい"),
    "key.no": ("No", "いいえ"),
    "key.close": ("Close", "閉じる"),
    "key.create": ("Create", "作成"),
    "key.fold": ("Fold", "折りたたむ"),
    "key.unfold": ("Unfold", "展開する"),
    "key.cursor_parent": ("Cursor to parent", "親へ移動"),
    "key.cursor_next_ancestor": ("Cursor to next ancestor", "次の上位項目へ移動"),
    "key.cursor_prev_sibling": ("Cursor to previous sibling", "前の同階層へ移動"),
    "key.cursor_next_sibling": ("Cursor to next sibling", "次の同階層へ移動"),
    "key.select": ("Fold/unfold · check-in on a KR", "折りたたみ/展開 · KRではチェックイン"),
    "key.toggle": ("Fold/unfold", "折りたたみ/展開"),
    "key.toggle_all": ("Fold/unfold all", "すべて折りたたみ/展開"),
    "key.cursor_up": ("Cursor up", "上へ"),
    "key.cursor_down": ("Cursor down", "下へ"),
    # OKR screen
    "okr.behind": ("behind", "遅れ"),
    "okr.on_pace": ("on pace", "順調"),
    "okr.too_many_krs_short": ("> 5 KRs", "KRが5個超"),
    "okr.too_many_krs": (
        "More than 5 key results: 3–5 keeps the focus.",
        "主要な成果が5個を超えています。3〜5個に絞ると焦点が保てます。",
    ),
    "okr.readonly": ("READ-ONLY", "読み取り専用"),
    "okr.no_period": ("No period yet.", "期間がまだありません。"),
    "okr.no_more_periods": ("No more periods that way.", "その方向に期間はありません。"),
    "okr.select_objective": ("Select an objective first.", "先に目標を選んでください。"),
    "okr.select_kr": ("Select a key result first.", "先に主要な成果(KR)を選んでください。"),
    "confidence.on_track": ("on track", "順調"),
    "confidence.at_risk": ("at risk", "要注意"),
    "confidence.off_track": ("off track", "危険"),
    "kind.increase": ("Increase", "増加"),
    "kind.decrease": ("Decrease", "減少"),
    "kind.stay_above": ("Stay above", "下限を維持"),
    "kind.stay_below": ("Stay below", "上限を維持"),
    "kind.milestone": ("Milestone", "マイルストーン"),
    "kind_help.increase": ("from start up to target", "開始値から目標値まで増やす"),
    "kind_help.decrease": (
        "from start down to target (churn 8 % → 3 %)",
        "開始値から目標値まで減らす(解約率 8% → 3%)",
    ),
    "kind_help.stay_above": ("keep the value at or above the target", "目標値以上を保つ"),
    "kind_help.stay_below": ("keep the value at or below the target", "目標値以下を保つ"),
    "kind_help.milestone": ("done (1) or not (0)", "完了(1)か未完了(0)"),
    # detail pane
    "detail.empty": (
        "No objectives in this period. Press a to add one, n to start a new period.",
        "この期間には目標がありません。a で追加、n で新しい期間を開始します。",
    ),
    "detail.krs": ("Key results ({n})", "主要な成果({n})"),
    "detail.checkins": ("Last check-ins", "最近のチェックイン"),
    "detail.no_checkins": (
        "No check-ins yet. Press c to record one.",
        "チェックインはまだありません。c で記録します。",
    ),
    "detail.formula_linear": (
        "progress = (current − start) / (target − start) = ({current} − {start}) / ({target} − {start}) = {raw}%",
        "進捗 = (現在値 − 開始値) / (目標値 − 開始値) = ({current} − {start}) / ({target} − {start}) = {raw}%",
    ),
    "detail.formula_stay_above": (
        "progress = 100% while the value stays at or above {target}, else 0%",
        "進捗 = 値が {target} 以上なら 100%、下回れば 0%",
    ),
    "detail.formula_stay_below": (
        "progress = 100% while the value stays at or below {target}, else 0%",
        "進捗 = 値が {target} 以下なら 100%、上回れば 0%",
    ),
    "detail.formula_milestone": ("progress = 100% when done, else 0%", "進捗 = 完了なら 100%、未完了なら 0%"),
    "detail.objective_formula": (
        "Objective progress = weighted mean of its KRs (each clamped to 0–100%). "
        "Bands: ≥70% green ●, 40–69% amber ▲, <40% red ■. Expected progress is linear over the period. "
        "(The NexBridge case reports rates that follow no single formula; cxtui uses this one.)",
        "目標の進捗 = 主要な成果の加重平均(各KRは0〜100%に収める)。"
        "判定: 70%以上 緑●、40〜69% 黄▲、40%未満 赤■。想定進捗は期間に比例。"
        "(NexBridge の事例の達成率は一つの式に従っていません。cxtui はこの式を使います。)",
    ),
    "common.yes": ("yes", "はい"),
    "common.no": ("no", "いいえ"),
    "common.done": ("done", "完了"),
    "common.not_done": ("not done", "未完了"),
    # dialogs
    "dialog.add_objective": ("Add objective", "目標を追加"),
    "dialog.edit_objective": ("Edit objective", "目標を編集"),
    "dialog.top_level": ("(top level)", "(最上位)"),
    "dialog.add_kr": ("Add key result", "主要な成果を追加"),
    "dialog.edit_kr": ("Edit key result", "主要な成果を編集"),
    "dialog.start_hint": ("value when the period starts", "期間開始時の値"),
    "dialog.target_hint": ("threshold for stay above/below", "維持型ではしきい値"),
    "dialog.checkin": ("Weekly check-in", "週次チェックイン"),
    "dialog.previous": (
        "Previous: {date}  {value}  ({confidence})",
        "前回: {date}  {value}({confidence})",
    ),
    "dialog.no_previous": (
        "No previous check-in (start value {value})",
        "前回のチェックインなし(開始値 {value})",
    ),
    "dialog.milestone_hint": ("1 = done, 0 = not yet", "1 = 完了、0 = 未完了"),
    "dialog.new_period": ("Start a new period", "新しい期間を開始"),
    "dialog.carry_over": (
        "Objectives to carry over (KRs restart from where they ended; space toggles):",
        "引き継ぐ目標(KRは終了時の値から再開。スペースで切替):",
    ),
    "confirm.delete_title": ("Delete?", "削除しますか?"),
    "confirm.delete_objective": (
        "Delete “{title}” with {children} aligned objective(s), {krs} key result(s) and {checkins} check-in(s)? "
        "ctrl+z undoes it.",
        "「{title}」と、下位の目標 {children} 件・主要な成果 {krs} 件・チェックイン {checkins} 件を削除しますか? "
        "ctrl+z で元に戻せます。",
    ),
    "confirm.delete_kr": (
        "Delete “{title}” and its {checkins} check-in(s)? ctrl+z undoes it.",
        "「{title}」とチェックイン {checkins} 件を削除しますか? ctrl+z で元に戻せます。",
    ),
    # messages
    "msg.undone": ("Undone: {label}", "元に戻しました: {label}"),
    "msg.redone": ("Redone: {label}", "やり直しました: {label}"),
    "msg.nothing_to_undo": ("Nothing to undo.", "元に戻す操作はありません。"),
    "msg.nothing_to_redo": ("Nothing to redo.", "やり直す操作はありません。"),
    "msg.checkin_saved": ("Check-in saved: {title}", "チェックインを保存しました: {title}"),
    "msg.deleted": (
        "Deleted “{title}” (ctrl+z to undo).",
        "「{title}」を削除しました(ctrl+z で元に戻せます)。",
    ),
    "msg.period_started": ("Started {name} with {n} objective(s).", "{name} を目標 {n} 件で開始しました。"),
    "msg.language": ("Language: English", "言語: 日本語"),
    # start screen
    "start.intro": (
        "[b]cxtui[/b] — OKRs, KPIs, NPS and weekly reviews in one local file.\nChoose what to open:",
        "[b]cxtui[/b] — OKR・KPI・NPS・週次レビューを一つのローカルファイルで。\n開くものを選んでください:",
    ),
    "start.new": ("New workspace", "新しいワークスペース"),
    "start.demo": ("Demo", "デモ"),
    "start.new_option": ("New workspace…", "新しいワークスペース…"),
    "start.demo_option": (
        "Open the demo (NexBridge OKRs, café NPS)",
        "デモを開く(NexBridge の OKR、カフェの NPS)",
    ),
    "start.recent": ("Recent:", "最近:"),
    "start.new_title": ("New workspace file", "新しいワークスペースのファイル"),
    "start.exists": ("{path} already exists", "{path} は既に存在します"),
    "start.create_title": ("Create workspace?", "ワークスペースを作成しますか?"),
    "start.create_question": (
        "{path} does not exist. Create a new workspace there?",
        "{path} はありません。新しいワークスペースを作成しますか?",
    ),
    "start.cannot_open": ("Cannot open the workspace", "ワークスペースを開けません"),
    # help and palette
    "help.title": ("Keys", "キー操作"),
    "help.key": ("Key", "キー"),
    "help.action": ("Action", "操作"),
    "help.move": ("Move the cursor", "カーソル移動"),
    "help.fold": ("Fold / unfold a branch", "枝を折りたたむ/展開する"),
    "help.enter": ("Objective: fold/unfold · KR: check-in", "目標: 折りたたみ/展開 · KR: チェックイン"),
    "help.formulas": (
        "KR progress = (current − start) / (target − start): one formula for increasing and decreasing KRs. "
        "Bars are clamped to 0–100%; the raw value is kept. Guardrails (stay above/below) are 100% while kept. "
        "Objective progress = weighted mean of its KRs (optionally with aligned objectives rolled up). "
        "Bands: ≥70% green ●, 40–69% amber ▲, <40% red ■. "
        "Expected progress is linear over the period; 'behind' means progress < expected. "
        "Every change can be undone with ctrl+z and redone with ctrl+y.",
        "KRの進捗 = (現在値 − 開始値) / (目標値 − 開始値): 増加型にも減少型にも同じ式を使います。"
        "バーは0〜100%に収めて表示し、補正前の値も保持します。維持型(下限/上限)は守れていれば100%。"
        "目標の進捗 = 主要な成果の加重平均(下位の目標を集計に含めることも可能)。"
        "判定: 70%以上 緑●、40〜69% 黄▲、40%未満 赤■。想定進捗は期間に比例し、下回ると「遅れ」。"
        "すべての変更は ctrl+z で元に戻し、ctrl+y でやり直せます。",
    ),
    "palette.key": ("key", "キー"),
    "palette.start": ("Start screen", "スタート画面"),
    "palette.start_help": (
        "Open another workspace, a new one, or the demo",
        "別のワークスペース・新規作成・デモを開く",
    ),
}
