"""Past weekly reviews, newest first: when, how long, how far, what was entered, and the learning and
next step each ended with."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.review import repo
from cxtui.review.models import STEPS, Review
from screens.review.views import clock_text
from screens.shared.translate import translate_bindings


def history_text(reviews: list[Review], counts: dict[str, dict[str, int]]) -> Text:
    """Every review as a few lines (user text kept literal)."""
    if not reviews:
        return Text(t("review.history.none"), style="dim")
    blocks = []
    for review in reviews:
        head = Text(review.date.isoformat(), style="bold")
        if review.done:
            head.append(f"  ✓ {t('review.history.done', time=clock_text(review.seconds))}", style="green")
        else:
            step = t("review.step." + STEPS[review.step - 1].value)
            head.append(f"  ○ {t('review.history.left', step=review.step, name=step)}", style="yellow")
        made = counts.get(review.id, {})
        head.append(
            "  " + t("review.history.items", kr=made.get("kr", 0), kpi=made.get("kpi", 0),
                     voice=made.get("voice", 0), cycle=made.get("cycle", 0)),
            style="dim",
        )  # fmt: skip
        lines = [head]
        if review.learning:
            lines.append(Text(f"  {t('review.report.learning')} ", style="dim") + Text(review.learning))
        if review.next_step:
            lines.append(Text(f"  {t('review.report.next_step')} ", style="dim") + Text(review.next_step))
        if review.notes:
            lines.append(Text(f"  {review.notes}", style="dim"))
        blocks.append(Text("\n").join(lines))
    return Text("\n\n").join(blocks)


class ReviewHistory(ModalScreen[None]):
    """The record of every weekly review."""

    CSS_PATH = "review.tcss"

    BINDINGS = [Binding("escape,q,f2", "close", "app.key.close")]

    def __init__(self, store: Store) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store

    def compose(self) -> ComposeResult:
        """A title and the reviews."""
        with VerticalScroll(classes="dialog review-history"):
            yield Label(t("review.history.title"), classes="dialog-title")
            yield Static(history_text(repo.reviews(self.store), repo.item_counts(self.store)), id="history")

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
