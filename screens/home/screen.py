"""The home dashboard, the first screen of a workspace: how the OKRs stand, the focus KPIs, NPS, ROX,
the running cycle, this week's voices and what is due. Every panel jumps to its screen.

It is what `cxtui FILE` paints first, so it loads only its own figures (`cxtui.review.dashboard`) and
composes seven Statics: no tree, table or chart widget before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.review.dashboard import Home, load
from screens.home import panels
from screens.shared.title_bar import TitleBar
from screens.shared.workspace import WorkspaceScreen


class Panel(Widget, can_focus=True):
    """One dashboard panel: a title in its top border, its text, and where Enter (or a click) leads.

    The text is drawn for the panel's width (columns of the KPI panel narrow at 80 columns).
    """

    class Chosen(Message):
        """The user asked to go to this panel's screen."""

        def __init__(self, panel: Panel) -> None:
            super().__init__()
            self.panel = panel

    BINDINGS = [Binding("enter", "choose", "home.key.open", show=False)]

    def __init__(
        self, name: str, title_key: str, target: str, render_text: Callable[[Home, int], Text]
    ) -> None:
        super().__init__(name=name, id=f"panel-{name}", classes="home-panel")
        self.title_key = title_key
        self.target = target
        self.render_text = render_text
        self.home: Home | None = None

    def show(self, home: Home) -> None:
        """Draw the panel from the dashboard's figures."""
        self.border_title = t(self.title_key)
        self.home = home
        self.refresh(layout=True)

    def render(self) -> Text:
        """The panel's text at its current width."""
        if self.home is None:
            return Text("")
        return self.render_text(self.home, self.content_region.width or self.size.width)

    def as_text(self) -> str:
        """What the panel says, as plain text (tests)."""
        return "" if self.home is None else self.render_text(self.home, 200).plain

    def action_choose(self) -> None:
        """Go to this panel's screen."""
        self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        """A click does what Enter does."""
        self.action_choose()


# (name, title key, target: a peer screen or "review", text)
PANELS: tuple[tuple[str, str, str, Callable[[Home, int], Text]], ...] = (
    ("okr", "home.panel.okr", "okr", panels.okr_panel),
    ("kpis", "home.panel.kpis", "kpi", panels.kpi_panel),
    ("nps", "home.panel.nps", "nps", panels.nps_panel),
    ("rox", "home.panel.rox", "loyalty", panels.rox_panel),
    ("cycle", "home.panel.cycle", "cycles", panels.cycle_panel),
    ("voices", "home.panel.voices", "kpi", panels.voices_panel),
    ("due", "home.panel.due", "review", panels.due_panel),
)
# Screens a panel falls back to when its own screen is not part of this cxtui.
FALLBACK = {"kpi": "cycles", "loyalty": "nps"}
# Panels that lead to one view of their screen: the action run there once it is shown.
VIEW_OF = {"voices": "view('voices')"}


class HomeScreen(WorkspaceScreen):
    """The dashboard: seven panels, each leading to its screen."""

    HELP_KEY = "home.help.text"

    BINDINGS = [
        Binding("o", "jump('okr')", "home.key.okr"),
        Binding("k", "jump('kpis')", "home.key.kpis", show=False),
        Binding("n", "jump('nps')", "home.key.nps", show=False),
        Binding("r", "jump('rox')", "home.key.rox", show=False),
        Binding("c", "jump('cycle')", "home.key.cycle"),
        Binding("ctrl+l", "app.toggle_language", "app.key.language"),
        Binding("w", "app.weekly_review", "app.key.weekly_review"),
        Binding("v", "jump('voices')", "home.key.voices", show=False),
        Binding("down,right", "app.focus_next", "home.key.next_panel", show=False),
        Binding("up,left", "app.focus_previous", "home.key.previous_panel", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]

    def __init__(self, store: Store, today: date) -> None:
        super().__init__(store, today)
        self.home: Home | None = None

    def compose(self) -> ComposeResult:
        """Title, the panels in a grid, footer."""
        yield TitleBar()
        with Grid(id="home-grid"):
            for name, title_key, target, render_text in PANELS:
                yield Panel(name, title_key, target, render_text)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Load the figures and draw every panel (the base class's on_mount runs too)."""
        self.sub_title = str(self.store.path.name if self.store.path else "")
        self.reload()
        if self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=8)

    def reload(self) -> None:
        """Re-read the figures and redraw the panels."""
        self.mark_shown()
        self.home = load(self.store, self.today)
        for panel in self.query(Panel):
            panel.show(self.home)

    # -- jumping ------------------------------------------------------------------------------

    async def action_jump(self, name: str) -> None:
        """Go to the screen of panel `name`."""
        panel = self.query_one(f"#panel-{name}", Panel)
        panel.focus()
        await self._go(panel)

    @on(Panel.Chosen)
    async def _chosen(self, event: Panel.Chosen) -> None:
        await self._go(event.panel)

    async def _go(self, panel: Panel) -> None:
        target = panel.target
        if target == "review":
            await self.app.run_action("weekly_review")
            return
        has_peer = getattr(self.app, "has_peer", lambda name: False)
        if not has_peer(target):
            target = FALLBACK.get(target, target)
        if not has_peer(target):
            self.notify(t("home.msg.no_screen"), severity="warning")
            return
        await self.app.run_action(f"show('{target}')")
        view = VIEW_OF.get(panel.name or "")
        if view is not None and target == panel.target:
            # The screen may be composing still (shown for the first time): its queue runs the view
            # after its mount.
            shown = self.app.screen
            shown.call_later(shown.run_action, view)
