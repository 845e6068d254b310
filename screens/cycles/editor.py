"""The cycle editor: seed 001's five steps in order, one at a time.

① one hypothesis → ② one change → ③ KPI check (the KPIs it watches, their numbers before → after
and the evidence captured) → ④ one line learned → ⑤ one next step. Enter on a step's last field
checks the step and goes to the next; a step is reached only once the ones before it hold. "One" is
enforced: a second hypothesis or change is refused, with the offer to start another cycle for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Input, SelectionList, Static

from cxtui.cycles.models import DEFAULT_DAYS, Cycle, CycleState, split_items
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.kpi.models import Evidence, Kpi
from cxtui.validation import parse_date, validated
from screens.shared.form import FieldInput, FormDialog, field_grid

STEP_KEYS = ("hypothesis", "change", "check", "learning", "next_step")
# Measure: (KPI ids, start, end) -> one line per KPI, "name: before → after (…)" (the screen reads it).
Measure = Callable[[list[str], date, date], list[str]]


@dataclass
class CycleEdit:
    """What the editor hands back: the cycle, the KPIs it watches, and other cycles to start for the
    second hypotheses or changes the user chose to split off (hypothesis, change)."""

    cycle: Cycle
    kpi_ids: list[str]
    spin_offs: list[tuple[str, str]] = field(default_factory=list)


class CycleEditor(FormDialog[CycleEdit]):
    """Walks one cycle through the five steps; `reviewing` asks for the learning and the next step and
    closes the cycle (it opens on the KPI check)."""

    title_key = "cycles.editor.title"
    BINDINGS = [
        Binding("pagedown", "step(1)", "cycles.editor.key_next", key_display="PgDn", priority=True),
        Binding("pageup", "step(-1)", "cycles.editor.key_back", key_display="PgUp", priority=True),
    ]

    def __init__(
        self,
        cycle: Cycle,
        kpis: list[Kpi],
        watched: list[str],
        evidence: list[Evidence],
        measure: Measure,
        *,
        reviewing: bool = False,
        is_new: bool = False,
    ) -> None:
        super().__init__()
        self.cycle = cycle
        self.kpis = kpis
        self.watched = watched
        self.evidence = evidence
        self.measure = measure
        self.reviewing = reviewing
        self.is_new = is_new
        self.spin_offs: list[tuple[str, str]] = []
        self.step = 2 if reviewing else 0

    def dialog_title(self) -> str:
        """New, edit or review."""
        key = (
            "cycles.editor.review"
            if self.reviewing
            else "cycles.editor.new"
            if self.is_new
            else "cycles.editor.edit"
        )
        return t(key, title=self.cycle.title)

    def body(self) -> ComposeResult:
        """The step bar, then one pane per step (only the current one is shown)."""
        cycle = self.cycle
        yield Static(id="cycle-steps", classes="cycle-steps")
        with ContentSwitcher(initial="step-hypothesis", id="cycle-step-panes"):
            with Vertical(id="step-hypothesis", classes="cycle-step"):
                yield Static(t("cycles.editor.help.hypothesis"), classes="dialog-context", markup=False)
                yield field_grid(
                    ("common.field.title", FieldInput(cycle.title, id="title"), ""),
                    ("common.field.start_date", FieldInput(cycle.start.isoformat(), id="start"), ""),
                    (
                        "common.field.end",
                        FieldInput(cycle.end.isoformat(), id="end"),
                        t("cycles.editor.days_hint"),
                    ),
                    ("common.field.hypothesis", FieldInput(cycle.hypothesis, id="hypothesis"), ""),
                )
            with Vertical(id="step-change", classes="cycle-step"):
                yield Static(t("cycles.editor.help.change"), classes="dialog-context", markup=False)
                yield Static(id="change-context", classes="dialog-previous")
                yield field_grid(("common.field.change", FieldInput(cycle.change, id="change"), ""))
            with Vertical(id="step-check", classes="cycle-step"):
                yield Static(t("cycles.editor.help.check"), classes="dialog-context", markup=False)
                # Watched KPIs first, marked ✓ in words as well as by the list's colour.
                ordered = sorted(self.kpis, key=lambda k: k.id not in self.watched)
                yield SelectionList[str](
                    *[
                        (self._label(k.name, k.id in self.watched), k.id, k.id in self.watched)
                        for k in ordered
                    ],
                    id="kpis",
                )
                yield Static(id="numbers", classes="dialog-previous")
            with Vertical(id="step-learning", classes="cycle-step"):
                yield Static(t("cycles.editor.help.learning"), classes="dialog-context", markup=False)
                yield Static(id="learning-context", classes="dialog-previous")
                yield field_grid(("common.field.learning", FieldInput(cycle.learning, id="learning"), ""))
            with Vertical(id="step-next_step", classes="cycle-step"):
                yield Static(t("cycles.editor.help.next_step"), classes="dialog-context", markup=False)
                yield field_grid(("cycles.editor.next_step", FieldInput(cycle.next_step, id="next_step"), ""))

    def on_mount(self) -> None:
        """Show the first step (the KPI check when reviewing)."""
        self._show_step()

    # -- steps -----------------------------------------------------------------------------------

    def _show_step(self) -> None:
        bar = Text(no_wrap=True, overflow="ellipsis")
        for index, key in enumerate(STEP_KEYS):
            label = f"{'①②③④⑤'[index]} {t('cycles.editor.step.' + key)}"
            if index == self.step:
                bar.append(f"[{label}]", style="bold reverse")
            else:
                bar.append(f" {label} ", style="dim" if index > self.step else "")
            if index < len(STEP_KEYS) - 1:
                bar.append("→", style="dim")
        self.query_one("#cycle-steps", Static).update(bar)
        self.query_one("#cycle-step-panes", ContentSwitcher).current = f"step-{STEP_KEYS[self.step]}"
        if STEP_KEYS[self.step] == "change":
            self.query_one("#change-context", Static).update(
                Text(f"{t('common.field.hypothesis')}: {self.value_of('hypothesis')}")
            )
        if STEP_KEYS[self.step] == "check":
            self._show_numbers()
        if STEP_KEYS[self.step] == "learning":
            self.query_one("#learning-context", Static).update(Text("\n".join(self._numbers_lines())))
        focus = {"hypothesis": "#title", "change": "#change", "check": "#kpis", "learning": "#learning"}
        target = self.query_one(focus.get(STEP_KEYS[self.step], "#next_step"))
        if STEP_KEYS[self.step] == "hypothesis" and self.value_of("title").strip():
            target = self.query_one("#hypothesis")
        target.focus()
        self.query_one("#form-error", Static).update("")

    def _dates(self) -> tuple[date, date]:
        start = parse_date(self.value_of("start"), "start", "common.field.start_date")
        end = parse_date(self.value_of("end"), "end")
        return start, end

    def _numbers_lines(self) -> list[str]:
        chosen = self._chosen()
        try:
            start, end = self._dates()
        except InputError:
            return []
        lines = self.measure(chosen, start, end) if chosen else [t("cycles.editor.no_kpis")]
        if self.evidence:
            lines.append(t("cycles.editor.evidence", n=len(self.evidence)))
            lines += [f"  “{e.quote}”" for e in self.evidence[:3]]
        return lines

    def _show_numbers(self) -> None:
        self.query_one("#numbers", Static).update(Text("\n".join(self._numbers_lines())))

    @staticmethod
    def _label(name: str, chosen: bool) -> Text:
        return Text(("✓ " if chosen else "  ") + name, style="bold" if chosen else "")

    @on(SelectionList.SelectedChanged, "#kpis")
    def _kpis_changed(self) -> None:
        listing = self.query_one("#kpis", SelectionList)
        chosen = set(listing.selected)
        names = {k.id: k.name for k in self.kpis}
        for index in range(listing.option_count):
            selection = listing.get_option_at_index(index)
            kpi_id = str(selection.value)
            listing.replace_option_prompt_at_index(index, self._label(names[kpi_id], kpi_id in chosen))
        self._show_numbers()

    def _chosen(self) -> list[str]:
        chosen = set(self.query_one("#kpis", SelectionList).selected)
        return [k.id for k in self.kpis if k.id in chosen]

    def check_step(self, step: int) -> None:
        """Raise InputError when step `step` does not hold (one hypothesis, one change, ...)."""
        key = STEP_KEYS[step]
        if key == "hypothesis":
            self._dates()
            self._one("hypothesis", required=True)
            self.build_cycle(state=self.cycle.state)  # title, dates
        elif key == "change":
            self._one("change", required=True)
        elif key in ("learning", "next_step"):
            self._one(key, required=self.reviewing)

    def _one(self, name: str, *, required: bool) -> None:
        items = split_items(self.value_of(name))
        if not items and required:
            raise InputError(f"{t('common.field.' + name)}: {t('common.err.empty')}", field=name)
        if len(items) > 1:
            if name in ("hypothesis", "change"):
                self._offer_split(name, items)
            key = {"hypothesis": "cycles.err.one_hypothesis", "change": "cycles.err.one_change"}.get(name)
            key = key or ("cycles.err.one_line" if name == "learning" else "cycles.err.one_next_step")
            raise InputError(f"{t('common.field.' + name)}: {t(key)}", field=name)

    def _offer_split(self, name: str, items: list[str]) -> None:
        """A second hypothesis (or change): offer to keep the first here and start another cycle for
        each other one."""
        from screens.shared.confirm import ConfirmDialog

        def split(answer: bool | None) -> None:
            if not answer:
                return
            self.query_one(f"#{name}", Input).value = items[0]
            hypothesis = self.value_of("hypothesis")
            for other in items[1:]:
                self.spin_offs.append((other, "") if name == "hypothesis" else (hypothesis, other))
            self.notify(t("cycles.editor.split_done", n=len(items) - 1))
            self.query_one("#form-error", Static).update("")

        others = "\n".join(f"• {item}" for item in items[1:])
        self.app.push_screen(
            ConfirmDialog(
                t("cycles.editor.split_title"),
                t(f"cycles.editor.split_{name}", first=items[0], others=others),
                t("cycles.editor.split_yes"),
            ),
            split,
        )

    def action_step(self, delta: int) -> None:
        """Next step (once this one holds) or the previous one."""
        if delta > 0:
            try:
                self.check_step(self.step)
            except InputError as exc:
                self.show_error(exc)
                return
        self.step = max(0, min(len(STEP_KEYS) - 1, self.step + delta))
        self._show_step()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves through the step's fields; on its last field it goes to the next step (saves
        on the last step)."""
        event.prevent_default()  # not FormDialog's handler as well: it would move (or save) twice
        pane = self.query_one(f"#step-{STEP_KEYS[self.step]}")
        fields = list(pane.query(Input))
        if fields and event.input is not fields[-1]:
            self.focus_next()
        elif self.step == len(STEP_KEYS) - 1:
            self.action_save()
        else:
            self.action_step(1)

    # -- result ----------------------------------------------------------------------------------

    def build_cycle(self, state: CycleState) -> Cycle:
        """The validated cycle from the fields."""
        start, end = self._dates()
        return validated(
            Cycle,
            {
                **{k: getattr(self.cycle, k) for k in ("id", "created", "updated", "previous_id")},
                "title": self.value_of("title"),
                "state": state,
                "start": start,
                "end": end,
                "hypothesis": self.value_of("hypothesis"),
                "change": self.value_of("change"),
                "learning": self.value_of("learning"),
                "next_step": self.value_of("next_step"),
            },
        )

    def build(self) -> CycleEdit:
        """Every step checked in order; a review closes the cycle."""
        for step in range(len(STEP_KEYS)):
            try:
                self.check_step(step)
            except InputError:
                if self.step != step:
                    self.step = step
                    self._show_step()
                raise
        state = CycleState.reviewed if self.reviewing else self.cycle.state
        return CycleEdit(self.build_cycle(state), self._chosen(), self.spin_offs)


def new_cycle(today: date, previous: Cycle | None = None) -> Cycle:
    """A fresh draft: two weeks from today (or from the day after `previous` ends)."""
    start = today if previous is None else max(today, previous.end + timedelta(days=1))
    return Cycle(title="", start=start, end=start + timedelta(days=DEFAULT_DAYS - 1))
