"""Names of undoable actions (shown as "Undid: ...")."""

STRINGS: dict[str, tuple[str, str]] = {
    "act.add_period": ("add period", "期間の追加"),
    "act.add_objective": ("add objective", "目標の追加"),
    "act.save_objective": ("edit objective", "目標の編集"),
    "act.delete_objective": ("delete objective", "目標の削除"),
    "act.add_kr": ("add key result", "主要な成果の追加"),
    "act.save_kr": ("edit key result", "主要な成果の編集"),
    "act.delete_kr": ("delete key result", "主要な成果の削除"),
    "act.move": ("reorder", "並べ替え"),
    "act.checkin": ("check-in", "チェックイン"),
    "act.start_period": ("start new period", "新しい期間の開始"),
}
