"""The weekly review: six steps from one key, with a visible 15-minute timer.

(1) every KR: the previous value and note beside the new check-in, type the number (a note may
follow it), Enter to the next; (2) the focus KPIs due this week; (3) this week's voices, with a
capture line at hand; (4) cycles due for review, reviewed in place; (5) the NPS change since the last
review with its verdict; (6) one learning and one next step, which end the review.

Every entry is saved as it is made (one undoable action each), so leaving with escape keeps it all
and `w` resumes where the review was left. Skipping an item is Enter on an empty line, skipping a
step is PgDn: each one key. Steps with nothing in them are passed over.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, Static

from cxtui.cycles import queries as cycle_queries
from cxtui.cycles import repo as cycles
from cxtui.db.store import Store
from cxtui.errors import CxError, InputError
from cxtui.i18n import t
from cxtui.kpi import repo as kpis
from cxtui.review import queries as review_queries
from cxtui.review import repo
from cxtui.review.flow import CLOSE, CYCLES, KPI, KR, LISTED, NPS, VOICES, Flow, value_and_note
from cxtui.review.models import STEPS, ItemKind, Review
from cxtui.review.plan import Plan, build
from screens.review import views
from screens.shared.plain import plain_text
from screens.shared.title_bar import TitleBar
from screens.shared.workspace import WorkspaceScreen

# The review's clock (tests fix it so the timer and the snapshots are repeatable).
CLOCK: Callable[[], float] = time.monotonic
# "4.2", "-5", "１２", "12%", "1,234.5" then an optional note: "4.2 calls done".


class ReviewScreen(WorkspaceScreen):
    """The guided weekly review (pushed over the workspace; escape leaves it, everything kept)."""

    HELP_KEY = "review.help.text"

    CSS_PATH = "review.tcss"

    # A guided flow: the number keys do not switch screens underneath it (screens.app).
    FLOW = True

    BINDINGS = [
        Binding("escape", "leave", "review.key.leave"),
        # Priority: the input line (a scroll view) would take these keys for scrolling otherwise.
        Binding("pagedown", "skip_step", "review.key.skip_step", key_display="PgDn", priority=True),
        Binding("pageup", "back_step", "review.key.back_step", key_display="PgUp", show=False, priority=True),
        Binding("down", "move(1)", "review.key.next_item", show=False, priority=True),
        Binding("up", "move(-1)", "review.key.previous_item", show=False, priority=True),
        Binding("ctrl+o", "confidence", "review.key.confidence", show=False),
        Binding("f2", "history", "review.key.history", show=False),
    ]

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.review: Review | None = None
        self.flow: Flow | None = None
        self.prefill = ""
        self.closing_learning = ""
        self.base_seconds = 0
        self.session_start = CLOCK()
        self._shown_content: dict[str, Text] = {}

    def compose(self) -> ComposeResult:
        """Title, the step bar with the timer, the items beside the current one, the input line."""
        yield TitleBar()
        yield Static(id="review-steps")
        with Horizontal(id="review-body"):
            yield Static(id="review-list")
            with VerticalScroll(id="review-card-pane"):
                yield Static(id="review-card")
        yield Static(id="review-prompt")
        yield Input(id="review-input", compact=True)
        yield Static(id="review-error", classes="form-error")
        yield Static(t("review.screen.hint"), id="review-hint", classes="dim-line")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Resume this week's review where it was left, or start it."""
        if not self.writable():
            self.app.pop_screen()
            return
        try:
            self.review = review_queries.open_review(self.store, self.today) or repo.start_review(
                self.store, self.today
            )
        except CxError as exc:
            self.notify(exc.message, severity="error")
            self.app.pop_screen()
            return
        self.sub_title = t("review.screen.title", date=self.review.date.isoformat())
        self.base_seconds = self.review.seconds
        self.session_start = CLOCK()
        self.flow = Flow(build(self.store, self.review, self.today), self.review.step)
        self.mark_shown()
        self.set_interval(1.0, self._tick)
        self.query_one("#review-input", Input).focus()
        self._show()
        # While the first value is being typed, load the validation the first entry needs (pydantic
        # and its validators, ~250 ms): the Enter that saves it then answers at once.
        # It starts once the review is painted, so that it does not slow the first frame.
        thread = threading.Thread(target=warm_validation, name="cxtui-warm-validation", daemon=True)
        self.call_after_refresh(thread.start)

    # -- state ----------------------------------------------------------------------------------

    def seconds(self) -> int:
        """Time spent in this review, over every sitting."""
        return self.base_seconds + int(CLOCK() - self.session_start)

    @property
    def plan(self) -> Plan | None:
        """The review's plan (None before it is open)."""
        return None if self.flow is None else self.flow.plan

    @property
    def step(self) -> int:
        """The current step, 0..5."""
        return KR if self.flow is None else self.flow.step

    @property
    def cursor(self) -> int:
        """The current item of the step."""
        return 0 if self.flow is None else self.flow.cursor

    def count(self, step: int) -> int:
        """How many items step `step` has."""
        return 0 if self.flow is None else self.flow.count(step)

    def _flow(self) -> Flow:
        assert self.flow is not None, "the review is not open"
        return self.flow

    def _tick(self) -> None:
        self._show_steps()

    # -- drawing --------------------------------------------------------------------------------

    def _show_steps(self) -> None:
        counts = [self.count(s) for s in range(len(STEPS))]
        flow = self._flow()
        done = [sum(flow.is_done(s, i) for i in range(counts[s])) for s in range(len(STEPS))]
        assert self.plan is not None
        self._put("#review-steps", views.step_bar(self.plan, self.step, counts, done, self.seconds()))

    def _row(self, index: int) -> Text:
        """Item `index` of the current step as a list row (only the rows on screen are built: a
        step may hold a thousand KRs)."""
        plan = self.plan
        assert plan is not None
        if self.step == KR:
            line = plan.krs[index]
            return views.kr_row(line, views.entered_value(plan, ItemKind.kr, line.kr.id))
        if self.step == KPI:
            kpi_line = plan.kpis[index]
            return views.kpi_row(kpi_line, views.entered_value(plan, ItemKind.kpi, kpi_line.kpi.id))
        cycle = plan.cycles[index]
        return views.cycle_row(cycle, cycle.cycle.learning or None, cycle.cycle.state.value == "reviewed")

    def _card(self) -> Text:
        plan = self.plan
        assert plan is not None
        if self.step == KR and plan.krs:
            line = plan.krs[self.cursor]
            return views.kr_card(line, self._flow().confidence_of(line.kr.id))
        if self.step == KPI and plan.kpis:
            return views.kpi_card(plan.kpis[self.cursor])
        if self.step == VOICES:
            return views.voices_card(plan)
        if self.step == CYCLES and plan.cycles:
            return views.cycle_card(plan.cycles[self.cursor])
        if self.step == NPS:
            return views.nps_card(plan)
        if self.step == CLOSE:
            return Text(t("review.card.close", learning=self.closing_learning or "—"))
        return Text("")

    def _prompt(self) -> str:
        key = {
            KR: "review.prompt.kr",
            KPI: "review.prompt.kpi",
            VOICES: "review.prompt.voice",
            CYCLES: "review.prompt.cycle_learning" if self._flow().sub == 0 else "review.prompt.cycle_next",
            NPS: "review.prompt.nps",
            CLOSE: "review.prompt.learning" if self._flow().sub == 0 else "review.prompt.next_step",
        }[self.step]
        return t(key)

    def _show(self, *, keep_input: bool = False) -> None:
        """Draw the step bar, the list, the card and the prompt for the current item."""
        self._show_steps()
        count = self.count(self.step) if self.step in LISTED else 0
        listing = (
            views.window(count, self.cursor, self._row)
            if count
            else Text(t(f"review.step_help.{STEPS[self.step].value}"))
        )
        self._put("#review-list", listing)
        self._put("#review-card", self._card(), layout=True)
        self._put("#review-prompt", Text(self._prompt(), style="bold"))
        if not keep_input:
            self.prefill = self._flow().entered_text()
            field = self.query_one("#review-input", Input)
            field.value = self.prefill
            field.cursor_position = len(self.prefill)

    def _put(self, selector: str, content: Text, *, layout: bool = False) -> None:
        """Show `content` in a Static unless it shows it already. The step bar, the list and the prompt
        have fixed sizes (CSS), so redrawing them needs no layout of the screen (a key in a review of a
        thousand KRs stays well under 50 ms); the card scrolls and is laid out again when it changes."""
        if self._shown_content.get(selector) == content:
            return
        self._shown_content[selector] = content
        self.query_one(selector, Static).update(content, layout=layout)

    def as_text(self, width: int = 120) -> str:
        """The step bar, list, card and prompt as plain text (tests)."""
        parts = [
            self.query_one("#review-steps", Static).render(),
            self.query_one("#review-list", Static).render(),
            self.query_one("#review-card", Static).render(),
            self.query_one("#review-prompt", Static).render(),
        ]
        return "\n".join(plain_text(p, width) for p in parts)  # type: ignore[arg-type]

    # -- moving ---------------------------------------------------------------------------------

    def _next_item(self) -> None:
        assert self.flow is not None
        self.flow.next_item()
        self._error("")
        self._show()

    def action_move(self, delta: int) -> None:
        """Move to the previous (-1) or next (+1) item of the step (to look at or correct it)."""
        if self.flow is not None and self.flow.move(delta):
            self._error("")
            self._show()

    def action_skip_step(self) -> None:
        """Skip the rest of this step (the last step ends the review and cannot be skipped)."""
        if self.flow is None:
            return
        if self.step == CLOSE:
            self._error(t("review.err.end_needs_decision"))
            return
        self.flow.go_to(self.step + 1)
        self._error("")
        self._show()

    def action_back_step(self) -> None:
        """Back to the previous step with items."""
        if self.flow is not None:
            self.flow.go_to(self.step - 1, -1)
            self._error("")
            self._show()

    def action_confidence(self) -> None:
        """The confidence the KR's new check-in carries: on track → at risk → off track."""
        if self.flow is not None and self.flow.next_confidence():
            self._show(keep_input=True)

    # -- entering -------------------------------------------------------------------------------

    def _error(self, message: str) -> None:
        self._put("#review-error", Text(message), layout=True)

    @on(Input.Submitted, "#review-input")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text and text == self.prefill.strip() and self.step in (KR, KPI):
            self._next_item()  # unchanged: nothing to write again
            return
        self._error("")
        try:
            moved = self._enter(text)
        except InputError as exc:
            self._error(exc.message)
            return
        except CxError as exc:
            # The data changed underneath (a row deleted elsewhere): say so and read it again.
            self.notify(exc.message, severity="error")
            self.reload()
            return
        if moved:
            self._next_item()

    def _enter(self, text: str) -> bool:
        """Save what was typed for the current item; True when the flow moves on."""
        plan, review = self.plan, self.review
        assert plan is not None and review is not None
        step, seconds = self.step + 1, self.seconds()
        if self.step == KR:
            if not text:
                return True
            line = plan.krs[self.cursor]
            value, note = value_and_note(text)
            from cxtui.okr.checkin_repo import check_checkin_value

            check_checkin_value(line.kr, value)
            confidence = self._flow().confidence_of(line.kr.id)
            self.review, item = repo.enter_kr(
                self.store, review, line.kr.id, value, note=note, confidence=confidence,
                today=self.today, step=step, seconds=seconds,
            )  # fmt: skip
            plan.entered[(ItemKind.kr, line.kr.id)] = item
            return True
        if self.step == KPI:
            if not text:
                return True
            kpi_line = plan.kpis[self.cursor]
            value, note = value_and_note(text)
            self.review, item = repo.enter_kpi(
                self.store,
                review,
                kpi_line.kpi.id,
                value,
                note=note,
                today=self.today,
                step=step,
                seconds=seconds,
            )
            plan.entered[(ItemKind.kpi, kpi_line.kpi.id)] = item
            return True
        if self.step == VOICES:
            if not text:
                return True
            running = cycle_queries.running(self.store)
            self.review, _item = repo.capture_voice(
                self.store, review, text, today=self.today, cycle_id=running[0].id if running else None,
                step=step, seconds=seconds,
            )  # fmt: skip
            plan.voices = kpis.evidence(self.store, since=plan.since + timedelta(days=1), until=self.today)
            self.notify(t("review.msg.voice_saved"))
            self._show()
            return False
        if self.step == CYCLES:
            return self._enter_cycle(text, step, seconds)
        if self.step == NPS:
            return True
        return self._enter_close(text, seconds)

    def _enter_cycle(self, text: str, step: int, seconds: int) -> bool:
        plan, review = self.plan, self.review
        assert plan is not None and review is not None
        line = plan.cycles[self.cursor]
        flow = self._flow()
        if flow.sub == 0:
            if not text:
                return True  # skip this cycle
            self.review, _item = repo.review_cycle(
                self.store, review, line.cycle.id, text, step=step, seconds=seconds
            )
            line.cycle = cycles.get_cycle(self.store, line.cycle.id)
            flow.sub = 1
            self._show()
            return False
        if not text:
            return True  # the learning is kept; the cycle stays open until it has its next step
        self.review, _item = repo.review_cycle(
            self.store, review, line.cycle.id, line.cycle.learning, text, step=step, seconds=seconds
        )
        line.cycle = cycles.get_cycle(self.store, line.cycle.id)
        return True

    def _enter_close(self, text: str, seconds: int) -> bool:
        review = self.review
        assert review is not None
        if not text:
            self._error(t("review.err.end_needs_decision"))
            return False
        flow = self._flow()
        if flow.sub == 0:
            self.closing_learning = repo.note_learning(self.store, review, text).learning
            self.review = replace(review, learning=self.closing_learning)
            flow.sub = 1
            self._show()
            return False
        self.review = repo.finish(self.store, review, self.closing_learning, text, seconds=seconds)
        done = self.review
        message = t(
            "review.msg.finished",
            time=views.clock_text(done.seconds),
            learning=done.learning,
            next_step=done.next_step,
        )
        self.notify(message, timeout=10)
        self.app.pop_screen()
        return False

    # -- leaving, reloading ---------------------------------------------------------------------

    def action_leave(self) -> None:
        """Leave part-way: everything entered is saved already; `w` resumes here."""
        if self.review is not None and not self.review.done:
            try:
                self.review = repo.pause(self.store, self.review, self.step + 1, self.seconds())
            except CxError as exc:
                self.notify(exc.message, severity="error")
            self.notify(t("review.msg.left", step=self.step + 1))
        self.app.pop_screen()

    def action_history(self) -> None:
        """Read the past reviews."""
        from screens.review.history import ReviewHistory

        self.app.push_screen(ReviewHistory(self.store))

    def relabel(self) -> None:
        """Every text in the current language (after ctrl+l)."""
        if self.review is not None:
            self.sub_title = t("review.screen.title", date=self.review.date.isoformat())
        self.query_one("#review-hint", Static).update(t("review.screen.hint"))
        self.reload()

    def reload(self) -> None:
        """Read the plan again (after undo or a failed write), keeping the step and the cursor."""
        if self.review is None:
            return
        found = repo.find_review(self.store, self.review.id)
        if found is None:
            self.notify(t("review.msg.gone"), severity="warning")
            self.app.pop_screen()
            return
        self.review = found
        flow = self._flow()
        flow.plan = build(self.store, found, self.today)
        self.mark_shown()
        if flow.step != CLOSE and flow.count(flow.step) == 0:
            flow.go_to(flow.step)
        flow.cursor = max(0, min(flow.cursor, flow.count(flow.step) - 1))
        self._show()


def warm_validation() -> None:
    """Build the validators of what a review writes (no database here: safe in a thread)."""
    from cxtui.cycles.models import Cycle
    from cxtui.kpi.models import Evidence, KpiValue
    from cxtui.okr.models import CheckIn
    from cxtui.review.models import Review, ReviewItem
    from cxtui.validation import warm

    warm(CheckIn, KpiValue, Evidence, ReviewItem, Review, Cycle)
