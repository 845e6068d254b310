"""Texts of the NPS screen's Answers tab (light-survey summaries)."""

STRINGS: dict[str, tuple[str, str]] = {
    "nps_tab.answers": ("Answers", "設問別"),
    "nps_ans.not_template": (
        "This survey is not one of the light-survey templates (press l to see them). "
        "Choose a template survey to see its answers question by question.",
        "このアンケートは軽量アンケートのひな形ではありません(l でひな形を表示)。"
        "ひな形のアンケートを選ぶと、設問ごとの回答を表示します。",
    ),
    "nps_ans.question": ("Question", "設問"),
    "nps_ans.answered": ("Answers", "回答数"),
    "nps_ans.result": ("Result", "結果"),
    "nps_ans.yes": ("yes", "はい"),
    "nps_ans.no": ("no", "いいえ"),
    "nps_ans.maybe": ("maybe", "検討"),
    "nps_ans.count": ("{n} responses", "回答 {n} 件"),
}
