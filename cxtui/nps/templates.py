"""Light survey templates from seed 002: "right after, 1 minute" and "next week, 2 minutes".

`template_text(key, lang)` gives the questions ready to paste into a form tool (Google Forms,
Microsoft Forms...). `cxtui.nps.template_results` reads the answers back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from cxtui.i18n import get_language, t_in

Kind = Literal["scale5", "text", "yes_no", "yes_maybe_no", "nps"]


@dataclass(frozen=True)
class Question:
    """One question of a template: its kind, its text in (en, ja), and header fragments that find it."""

    key: str
    kind: Kind
    text: tuple[str, str]
    # Lower-case fragments that identify the question in an export's header, whatever the wording.
    match: tuple[str, ...]

    def text_in(self, lang: str) -> str:
        """The question in `lang`."""
        return self.text[1] if lang == "ja" else self.text[0]


@dataclass(frozen=True)
class Template:
    """A light survey: a title, when to send it, and its questions (at most one free-text question)."""

    key: str
    title: tuple[str, str]
    when: tuple[str, str]
    questions: tuple[Question, ...]

    def title_in(self, lang: str) -> str:
        """The title in `lang`."""
        return self.title[1] if lang == "ja" else self.title[0]


_AGAIN = (
    "come again",
    "again",
    "return",
    "next time",
    "次回",
    "また",
    "参加したい",
    "再参加",
    "再来",
    "来店",
)

TEMPLATES: dict[str, Template] = {
    "after_1min": Template(
        "after_1min",
        ("Right after (1 minute)", "直後(1分)"),
        ("Hand out or send right after the event or visit.", "イベントや来店の直後に配布・送信します。"),
        (
            Question(
                "satisfaction",
                "scale5",
                (
                    "How satisfied are you with today? (1 = not at all, 5 = very)",
                    "今日の満足度は?(1=不満 〜 5=とても満足)",
                ),
                ("satisf", "満足"),
            ),
            Question(
                "ease",
                "scale5",
                (
                    "How easy was it to talk with us? (1 = hard, 5 = very easy)",
                    "話しやすさは?(1=話しにくい 〜 5=とても話しやすい)",
                ),
                ("easy", "ease", "talk", "話しやす"),
            ),
            Question(
                "phrase",
                "text",
                ("Which phrase or moment stayed with you?", "印象に残った一言は?(自由記述)"),
                ("phrase", "stayed with you", "memorable", "moment", "印象", "一言"),
            ),
            Question(
                "again",
                "yes_no",
                ("Would you like to come again? (yes / no)", "次回も参加したいですか?(はい/いいえ)"),
                _AGAIN,
            ),
        ),
    ),
    "next_week_2min": Template(
        "next_week_2min",
        ("Next week (2 minutes)", "翌週(2分)"),
        ("Send about a week later.", "1週間ほど後に送信します。"),
        (
            Question(
                "changed",
                "yes_no",
                (
                    "Has anything changed in what you do since then? (yes / no)",
                    "あれから行動に変化はありましたか?(はい/いいえ)",
                ),
                ("change", "変化"),
            ),
            Question(
                "what",
                "text",
                ("What did you do differently?", "具体的にどんな行動をしましたか?(自由記述)"),
                ("what did you do", "what changed", "differently", "具体的", "どんな行動"),
            ),
            Question(
                "nps",
                "nps",
                (
                    "How likely are you to recommend us to a friend or colleague?"
                    " (0 = not at all, 10 = extremely)",
                    "友人や知人にどのくらい勧めたいですか?(0=まったく勧めない 〜 10=強く勧めたい)",
                ),
                ("recommend", "勧め", "すすめ", "nps"),
            ),
            Question(
                "again",
                "yes_maybe_no",
                ("Will you come again? (yes / maybe / no)", "また参加・来店したいですか?(はい/検討/いいえ)"),
                _AGAIN,
            ),
        ),
    ),
}

_CHOICES = {
    "yes_no": (("Yes", "はい"), ("No", "いいえ")),
    "yes_maybe_no": (("Yes", "はい"), ("Maybe", "検討"), ("No", "いいえ")),
}


def template_text(key: str, lang: str | None = None) -> str:
    """The template's questions as plain text, ready to copy into a form tool."""
    lang = lang or get_language()
    template = TEMPLATES[key]
    j = 1 if lang == "ja" else 0
    lines = [template.title[j], template.when[j], ""]
    for number, question in enumerate(template.questions, start=1):
        lines.append(f"{number}. {question.text[j]}")
        if question.kind == "scale5":
            lines.append("   1  2  3  4  5")
        elif question.kind == "nps":
            lines.append("   0  1  2  3  4  5  6  7  8  9  10")
        elif question.kind == "text":
            lines.append("   " + t_in(lang, "nps.repo.tpl_free_text"))
        else:
            lines.append("   " + "  /  ".join(choice[j] for choice in _CHOICES[question.kind]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- reading answers back -----------------------------------------------------------------------

_YES = {"yes", "y", "はい", "有", "あり", "ある", "した", "true", "1"}
_MAYBE = {"maybe", "perhaps", "not sure", "検討", "検討中", "未定", "わからない", "たぶん", "どちらとも"}
_NO = {"no", "n", "いいえ", "無", "なし", "ない", "しない", "false", "0"}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lower()


def answer_choice(raw: str) -> str | None:
    """'yes', 'maybe' or 'no' for an answer as forms write it (はい, Yes, 検討...); None if unreadable."""
    text = _norm(raw).rstrip("。.!")  # NFKC already turned the full-width "!" into "!"
    for choice, words in (("yes", _YES), ("maybe", _MAYBE), ("no", _NO)):
        if text in words:
            return choice
    return None


def answer_scale(raw: str) -> int | None:
    """A 1–5 answer, also from labels like `5 - Very satisfied` or full-width `５`; None if unreadable."""
    found = re.match(r"\s*(\d+)", _norm(raw))
    if found is None:
        return None
    value = int(found.group(1))
    return value if 1 <= value <= 5 else None


def match_question(template: Template, header: str) -> Question | None:
    """The question an export header asks: the one with the longest matching fragment."""
    text = _norm(header)
    best: tuple[int, Question] | None = None
    for question in template.questions:
        exact = (_norm(question.text[0]), _norm(question.text[1]))
        length = 1000 if text in exact else max((len(m) for m in question.match if m in text), default=0)
        if length and (best is None or length > best[0]):
            best = (length, question)
    return None if best is None else best[1]


def detect_template(headers: list[str]) -> Template | None:
    """The template whose questions the given headers ask most of (None when none matches two)."""
    best: tuple[int, Template] | None = None
    for template in TEMPLATES.values():
        hits = len({q.key for h in headers if (q := match_question(template, h)) is not None})
        if hits >= 2 and (best is None or hits > best[0]):
            best = (hits, template)
    return None if best is None else best[1]
