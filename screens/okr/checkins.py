"""Check-ins on the OKR screen: record one, see a KR's history, edit or delete one (undoable).

Dates are the core's business (`cxtui.okr.checkin_repo`): what it would ask about (a date after
today or outside the period, a second check-in the same day) is asked here first; "no" goes back to
the dialog with what was typed, so nothing typed is lost.
"""

from __future__ import annotations

from functools import partial

from textual import work

from cxtui.i18n import t
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import repo as okr
from cxtui.okr.checkin_repo import DateQuestion, questions
from cxtui.okr.models import CheckIn, KeyResult
from cxtui.okr.tree import KRView, ObjectiveNode
from screens.okr.periods import PeriodActions
from screens.okr.tree import NodeRef, value_text


class CheckInActions(PeriodActions):
    """OkrScreen's part about check-ins."""

    kr_views: dict[str, tuple[KRView, ObjectiveNode]]

    @property
    def selected(self) -> NodeRef | None:
        """The objective or KR under the cursor (see OkrScreen)."""
        raise NotImplementedError

    def _selected_kr(self) -> KeyResult | None:
        ref = self.selected
        if not self.guarded():
            return None
        if ref is None or ref.kind != "kr" or ref.id not in self.kr_views:
            self.notify(t("okr.screen.select_kr"), severity="warning")
            return None
        return self.kr_views[ref.id][0].kr

    async def write_checkin(
        self, kr: KeyResult, previous: CheckIn | None, draft: CheckIn | None = None
    ) -> CheckIn | None:
        """Open the check-in dialog (a new one, or `draft` to edit) until it is saved or cancelled."""
        from screens.okr.checkin_dialog import CheckInDialog

        editing = draft is not None
        focus = "value"
        while True:
            result = await self.app.push_screen_wait(
                CheckInDialog(kr, previous, self.today, draft=draft, editing=editing, focus=focus)
            )
            if result is None:
                return None
            confirmed: dict[str, bool] = {}
            for question in questions(self.store, result, self.today):
                if isinstance(question, DateQuestion):
                    title = t("okr.confirm.checkin_date_title")
                    message = t("okr.confirm.checkin_date", problem=question.problem)
                    label = t("okr.confirm.save_anyway")
                else:
                    title = t("okr.confirm.replace_title")
                    message = t("okr.confirm.replace", problem=question.problem)
                    label = t("okr.confirm.replace_label")
                if not await self.ask(title, message, label):
                    break
                confirmed[question.confirm] = True
            else:
                saved = self.apply(
                    partial(
                        okr_checkins.record_checkin,
                        self.store,
                        result,
                        today=self.today,
                        date_confirmed=confirmed.get("date_confirmed", False),
                        replace=confirmed.get("replace", False),
                    )
                )
                return result if saved else None
            # "No": back to the dialog with what was typed, in the date field the question was about.
            draft, focus = result, "date"

    @work
    async def action_checkin(self) -> None:
        """Record a check-in on the selected key result."""
        kr = self._selected_kr()
        if kr is None:
            return
        previous = okr_checkins.checkins(self.store, kr.id, limit=1)
        saved = await self.write_checkin(kr, previous[0] if previous else None)
        if saved is not None:
            self.reload(NodeRef("kr", kr.id))
            self.notify(t("okr.msg.checkin_saved", title=kr.title))

    @work
    async def action_history(self) -> None:
        """Every check-in of the selected key result, to edit or delete one."""
        from screens.okr.history import CheckInHistory

        chosen = self._selected_kr()
        if chosen is None:
            return
        ref = NodeRef("kr", chosen.id)
        cursor: str | None = None
        while True:
            kr = okr.find_key_result(self.store, chosen.id)
            if kr is None:  # gone (an undo took it away): nothing left to show
                break
            history = okr_checkins.checkins(self.store, kr.id)
            choice = await self.app.push_screen_wait(CheckInHistory(kr, history, cursor))
            if choice is None:
                break
            cursor = choice.checkin_id
            if choice.verb == "undo":
                # The dialog is closed, so the app's undo (off over a dialog) applies and reloads.
                await self.app.run_action("app.undo")
                continue
            index = next((i for i, c in enumerate(history) if c.id == choice.checkin_id), None)
            if index is None:
                continue
            checkin = history[index]
            if choice.verb == "edit":
                older = history[index + 1] if index + 1 < len(history) else None
                await self.write_checkin(kr, older, checkin)
            elif await self.ask(
                t("app.confirm.delete_title"),
                t(
                    "okr.confirm.delete_checkin",
                    date=checkin.date.isoformat(),
                    value=value_text(kr, checkin.value),
                ),
                t("app.key.delete"),
            ) and self.apply(partial(okr_checkins.delete_checkin, self.store, checkin.id)):
                self.notify(t("okr.msg.checkin_deleted", date=checkin.date.isoformat()))
                # The cursor goes to the next check-in in the list (or the one before the last).
                rest = [c.id for c in history if c.id != checkin.id]
                cursor = rest[min(index, len(rest) - 1)] if rest else None
            self.reload(ref)
        self.reload(ref)
