"""The light survey's answers, question by question (seed 002's 1-minute and 2-minute surveys)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cxtui.format import points, round_half_away
from cxtui.i18n import get_language, t
from cxtui.nps.template_results import QuestionSummary, TemplateSummary
from screens.shared.plain import plain_text


def _share(value: float | None) -> str:
    return "—" if value is None else f"{int(round_half_away(value))}%"


def _answer(item: QuestionSummary, nps_text: str) -> RenderableType:
    kind = item.question.kind
    if kind == "scale5":
        return Text("—" if item.mean is None else f"{item.mean:.2f} / 5", style="bold")
    if kind == "yes_no":
        return Text(
            f"{t('nps.answers.yes')} {_share(item.yes_share)} · {t('nps.answers.no')} {_share(item.no_share)}"
        )
    if kind == "yes_maybe_no":
        return Text(
            f"{t('nps.answers.yes')} {_share(item.yes_share)}"
            f" · {t('nps.answers.maybe')} {_share(item.maybe_share)}"
            f" · {t('nps.answers.no')} {_share(item.no_share)}"
        )
    if kind == "nps":
        return Text(nps_text, style="bold")
    texts = [Text(f"“{text}”", style="italic") for text in item.texts[:5]]
    return Group(*texts) if texts else Text("—", style="dim")


class AnswersView(Static):
    """Shows a TemplateSummary, or says the survey is not one of the light-survey templates."""

    shown: RenderableType = ""

    def _set(self, renderable: RenderableType) -> None:
        self.shown = renderable
        self.update(renderable)

    def as_text(self, width: int = 100) -> str:
        """What the view shows, as plain text (tests, copying)."""
        return plain_text(self.shown, width)

    def show(self, summary: TemplateSummary | None) -> None:
        """Render the summary (None: not a template survey)."""
        if summary is None:
            self._set(Text(t("nps.answers.not_template"), style="dim"))
            return
        lang = get_language()
        nps_text = "—"
        if summary.nps is not None and summary.nps.nps is not None:
            nps_text = f"NPS {points(summary.nps.nps)} (n = {summary.nps.n})"
        table = Table(expand=True, show_edge=False, header_style="bold")
        table.add_column(t("nps.answers.question"), ratio=3)
        table.add_column(t("nps.answers.answered"), justify="right", no_wrap=True)
        table.add_column(t("nps.answers.result"), ratio=3)
        for item in summary.questions:
            table.add_row(item.question.text_in(lang), str(item.answered), _answer(item, nps_text))
        title = Text(f"{summary.template.title_in(lang)} — {summary.survey}", style="bold")
        count = Text(t("nps.answers.count", n=summary.answers), style="dim")
        self._set(Group(title, count, Text(""), table))
