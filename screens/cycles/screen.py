"""The learning-cycles screen: a board of cycles by state (planned / running / reviewed), the selected
cycle in full below it, and the learning log (every learning, newest first, searchable, with the
cycles run per month). Every edit from the keyboard, each one undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import ContentSwitcher, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from cxtui.cycles import repo
from cxtui.cycles.models import Cycle, CycleState
from cxtui.cycles.text import pair_text
from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.kpi import repo as kpis
from screens.cycles import widgets
from screens.shared.plain import plain_text
from screens.shared.title_bar import TitleBar
from screens.shared.workspace import WorkspaceScreen

STATES = (CycleState.planned, CycleState.running, CycleState.reviewed)


class CyclesScreen(WorkspaceScreen):
    """Learning cycles on a board, and the learning log."""

    HELP_KEY = "cycles.help.text"

    CSS_PATH = "cycles.tcss"

    BINDINGS = [
        Binding("a", "add", "cycles.key.add"),
        Binding("s", "start", "cycles.key.start"),
        Binding("r", "review", "cycles.key.review"),
        Binding("n", "next_cycle", "cycles.key.next", show=False),
        Binding("e", "edit", "app.key.edit", show=False),
        Binding("d,delete", "delete", "app.key.delete", show=False),
        Binding("l", "toggle_log", "cycles.key.log"),
        Binding("slash", "search", "cycles.key.search", key_display="/", show=False),
        Binding("left", "column(-1)", "cycles.key.column_left", show=False),
        Binding("right", "column(1)", "cycles.key.column_right", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.by_id: dict[str, Cycle] = {}
        self.column = 1  # running first: it is what a team looks at
        self.detail_shown = ""
        # The learning log's entries (with their KPIs before → after) for the data they were read
        # from: a search keystroke filters them, it does not read every cycle's KPIs again.
        self._log_entries: dict[str, Text] = {}
        self._log_source: object = None

    def compose(self) -> ComposeResult:
        """Title, the board with its detail pane or the learning log, footer."""
        yield TitleBar()
        with ContentSwitcher(initial="board", id="cycles-views"):
            with Vertical(id="board"):
                with Horizontal(id="board-columns"):
                    for state in STATES:
                        with Vertical(classes="board-column"):
                            yield Static(id=f"head-{state.value}", classes="board-head")
                            yield OptionList(id=f"col-{state.value}", classes="board-list")
                with VerticalScroll(id="cycle-detail-pane"):
                    yield Static(id="cycle-detail")
            with Vertical(id="log"):
                yield Static(id="log-months")
                yield Input(placeholder=t("cycles.log.search"), id="log-search", compact=True)
                yield OptionList(id="log-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Load the board; the running column has the cursor."""
        self.sub_title = str(self.store.path.name if self.store.path else "")
        self.reload()
        self._column_list(self.column).focus()

    # -- loading ----------------------------------------------------------------------------------

    def _column_list(self, index: int) -> OptionList:
        return self.query_one(f"#col-{STATES[index].value}", OptionList)

    def reload(self, keep: str | None = None) -> None:
        """Re-read every cycle and redraw the board (and the log when it is shown)."""
        self.mark_shown()
        if keep is None:
            current = self.selected()
            keep = None if current is None else current.id
        every = repo.cycles(self.store)
        self.by_id = {c.id: c for c in every}
        for index, state in enumerate(STATES):
            mine = [c for c in every if c.state is state]
            if state is CycleState.reviewed:
                mine.sort(key=lambda c: c.end, reverse=True)
            head = Text(
                f"{widgets.STATE_MARK[state]} {t('cycles.state.' + state.value)} ({len(mine)})", style="bold"
            )
            overdue = sum(c.overdue(self.today) for c in mine)
            if overdue:
                head.append(f"  ⚑ {overdue}", style="bold red")
            self.query_one(f"#head-{state.value}", Static).update(head)
            column = self._column_list(index)
            highlighted = column.highlighted
            column.clear_options()
            column.add_options([Option(widgets.card(c, self.today), id=c.id) for c in mine])
            ids = [c.id for c in mine]
            if keep in ids:
                column.highlighted = ids.index(keep)
                self.column = index
            elif mine:
                column.highlighted = min(highlighted or 0, len(mine) - 1)
        self._show_detail()
        if self.query_one(ContentSwitcher).current == "log":
            self._show_log()

    def selected(self) -> Cycle | None:
        """The cycle under the cursor of the current column."""
        try:
            column = self._column_list(self.column)
        except Exception:  # not composed yet
            return None
        option = column.highlighted_option
        return None if option is None or option.id is None else self.by_id.get(option.id)

    def _show_detail(self) -> None:
        cycle = self.selected()
        pane = self.query_one("#cycle-detail", Static)
        if cycle is None:
            pane.update(Text(t("cycles.board.empty"), style="dim"))
            return
        previous = self.by_id.get(cycle.previous_id or "")
        pairs = repo.before_after(self.store, cycle)
        pane.update(widgets.detail(cycle, pairs, repo.evidence(self.store, cycle), self.today, previous))

    def detail_text(self, width: int = 120) -> str:
        """The detail pane as plain text (tests)."""
        return plain_text(self.query_one("#cycle-detail", Static).render(), width)  # type: ignore[arg-type]

    @on(OptionList.OptionHighlighted, ".board-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = next(i for i, s in enumerate(STATES) if event.option_list.id == f"col-{s.value}")
        if event.option_list.has_focus:
            self.column = index
        if index == self.column:
            self._show_detail()

    @on(OptionList.OptionSelected, ".board-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_edit()

    def on_descendant_focus(self) -> None:
        """The focused column is the current one."""
        for index in range(len(STATES)):
            if self._column_list(index).has_focus and index != self.column:
                self.column = index
                self._show_detail()

    def action_column(self, delta: int) -> None:
        """The column to the left (-1) or right (+1)."""
        if self.query_one(ContentSwitcher).current != "board":
            return
        self.column = max(0, min(len(STATES) - 1, self.column + delta))
        column = self._column_list(self.column)
        column.focus()
        if column.highlighted is None and column.option_count:
            column.highlighted = 0
        self._show_detail()

    # -- the learning log ---------------------------------------------------------------------------

    def action_toggle_log(self) -> None:
        """Switch between the board and the learning log."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "board":
            switcher.current = "log"
            self._show_log()
            self.query_one("#log-list", OptionList).focus()
        else:
            switcher.current = "board"
            self._column_list(self.column).focus()

    def action_search(self) -> None:
        """Search the learning log."""
        if self.query_one(ContentSwitcher).current != "log":
            self.action_toggle_log()
        self.query_one("#log-search", Input).focus()

    @on(Input.Changed, "#log-search")
    def _search_changed(self) -> None:
        self._show_log()

    @on(Input.Submitted, "#log-search")
    def _search_done(self) -> None:
        self.query_one("#log-list", OptionList).focus()

    def _show_log(self) -> None:
        search = self.query_one("#log-search", Input).value
        found = repo.learning_log(self.store, search)
        if self._log_source != self.source():
            self._log_entries, self._log_source = {}, self.source()
        entries = self._log_entries
        missing = [c for c in found if c.id not in entries]
        if missing:
            watched = repo.watched_by_cycle(self.store)
            for c in missing:
                entries[c.id] = widgets.log_entry(c, repo.before_after(self.store, c, watched.get(c.id, [])))
        listing = self.query_one("#log-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(entries[c.id], id=c.id) for c in found])
        if not found:
            listing.add_option(
                Option(
                    Text(t("cycles.log.empty" if not search else "cycles.log.no_match"), style="dim"),
                    disabled=True,
                )
            )
        months = widgets.months_text(
            repo.runs_per_month(self.store), [k.name for k in repo.counting_kpis(self.store)]
        )
        self.query_one("#log-months", Static).update(months)

    def log_text(self, width: int = 120) -> str:
        """The learning log as plain text (tests)."""
        listing = self.query_one("#log-list", OptionList)
        prompts = [listing.get_option_at_index(i).prompt for i in range(listing.option_count)]
        head = plain_text(self.query_one("#log-months", Static).render(), width)  # type: ignore[arg-type]
        return head + "\n".join(p.plain if isinstance(p, Text) else str(p) for p in prompts)

    # -- editing ------------------------------------------------------------------------------------

    def _measure(self) -> Callable[[list[str], date, date], list[str]]:
        def measure(kpi_ids: list[str], start: date, end: date) -> list[str]:
            chosen = [k for k in (kpis.find_kpi(self.store, i) for i in kpi_ids) if k is not None]
            probe = Cycle(title="-", start=start, end=end)
            return [f"{p.kpi.name}: {pair_text(p)}" for p in repo.before_after(self.store, probe, chosen)]

        return measure

    def _guarded(self) -> bool:
        return self.writable()

    @work
    async def _edit(self, cycle: Cycle, *, reviewing: bool = False, is_new: bool = False) -> None:
        from screens.cycles.editor import CycleEditor

        watched = [k.id for k in repo.watched(self.store, cycle.id)] if not is_new else []
        evidence = [] if is_new else repo.evidence(self.store, cycle)
        result = await self.app.push_screen_wait(
            CycleEditor(
                cycle,
                kpis.kpis(self.store),
                watched,
                evidence,
                self._measure(),
                reviewing=reviewing,
                is_new=is_new,
            )
        )
        if result is None:
            return
        if not self.apply(lambda: repo.save_cycle(self.store, result.cycle, result.kpi_ids)):
            return
        for hypothesis, change in result.spin_offs:

            def spin(hypothesis: str = hypothesis, change: str = change) -> Cycle:
                return self._spin_off(result.cycle, hypothesis, change)

            self.apply(spin)
        self.reload(result.cycle.id)
        if reviewing:
            self.notify(t("cycles.msg.reviewed", title=result.cycle.title))
        if result.spin_offs:
            self.notify(t("cycles.msg.spun_off", n=len(result.spin_offs)))

    def _spin_off(self, like: Cycle, hypothesis: str, change: str) -> Cycle:
        new = repo.another_cycle(self.store, like, self.today, hypothesis=hypothesis)
        if change:
            from dataclasses import replace

            new = repo.save_cycle(self.store, replace(new, change=change))
        return new

    def action_add(self) -> None:
        """Plan a new cycle (two weeks from today), walking the five steps."""
        if not self._guarded():
            return
        from screens.cycles.editor import new_cycle

        self._edit(new_cycle(self.today), is_new=True)

    def action_edit(self) -> None:
        """Edit the selected cycle (the five steps)."""
        cycle = self.selected()
        if cycle is None or not self._guarded():
            return
        self._edit(cycle)

    def action_start(self) -> None:
        """Start the selected planned cycle."""
        cycle = self.selected()
        if cycle is None or not self._guarded():
            return
        if self.apply(lambda: repo.start_cycle(self.store, cycle.id, self.today)):
            self.reload(cycle.id)
            self.notify(t("cycles.msg.started", title=cycle.title))

    def action_review(self) -> None:
        """Review the selected cycle: its numbers and evidence, one line learned, one next step."""
        cycle = self.selected()
        if cycle is None or not self._guarded():
            return
        if cycle.state is CycleState.planned and not cycle.overdue(self.today):
            self.notify(t("cycles.msg.not_started"), severity="warning")
            return
        self._edit(cycle, reviewing=True)

    @work
    async def action_next_cycle(self) -> None:
        """Start the next cycle from the selected cycle's next step (same KPIs, the next step as its
        hypothesis draft), then refine it in the editor."""
        cycle = self.selected()
        if cycle is None or not self._guarded():
            return
        created: list[Cycle] = []
        if not self.apply(lambda: created.append(repo.next_cycle(self.store, cycle.id, self.today))):
            return
        self.reload(created[0].id)
        self.notify(t("cycles.msg.next_created", title=created[0].title))
        self._edit(created[0])

    @work
    async def action_delete(self) -> None:
        """Delete the selected cycle (asks first; undoable)."""
        cycle = self.selected()
        if cycle is None or not self._guarded():
            return
        from screens.shared.confirm import ConfirmDialog

        confirmed = await self.app.push_screen_wait(
            ConfirmDialog(
                t("app.confirm.delete_title"),
                t("cycles.confirm.delete", title=cycle.title),
                t("app.key.delete"),
            )
        )
        if confirmed and self.apply(lambda: repo.delete_cycle(self.store, cycle.id)):
            self.reload()
            self.notify(t("app.msg.deleted", title=cycle.title))
