"""The line under the KPI cards: the definition of the card under the cursor, and where a value is
recorded in place (`r`, the number, enter) with the previous value and its date beside it.

The keyboard stays on the cards while a value is typed (the board hands its keys to this line):
saving then redraws one card and this line, not the whole board, as taking the keyboard away and
giving it back would (and a dialog closing over the board would).
"""

from __future__ import annotations

from datetime import date

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.importing.values import parse_number
from cxtui.kpi.models import Kpi, KpiValue
from cxtui.kpi.texts import one_line, value_text
from cxtui.validation import parse_date, validated
from screens.kpi.dialogs import RecordRequest

FIELDS = ("value", "date", "kr")


class RecordLine(Widget):
    """Idle: a hint (the card's definition). Recording: label, value, date and the KR offer, edited
    with the keys the board hands over (`edit_key`)."""

    DEFAULT_CSS = """
    RecordLine { height: 1; }
    """

    class Submitted(Message):
        """Enter: a valid value to save."""

        def __init__(self, request: RecordRequest) -> None:
            super().__init__()
            self.request = request

    class Cancelled(Message):
        """Escape: nothing recorded."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kpi: Kpi | None = None
        self.kr_title: str | None = None
        self.label = ""
        self.texts = {"value": "", "date": ""}
        self.checkin = True
        self.field = "value"
        self.hint_text = ""
        self.error = ""

    @property
    def recording(self) -> bool:
        """Whether a value is being typed."""
        return self.kpi is not None

    def hint(self, text: str) -> None:
        """What the idle line says."""
        self.hint_text = text
        if not self.recording:
            self.refresh()

    def start(self, kpi: Kpi, previous: KpiValue | None, today: date, kr_title: str | None) -> None:
        """Ask for `kpi`'s value: the previous one and its date in the label, the cursor in the number."""
        self.kpi = kpi
        self.kr_title = kr_title
        if previous is None:
            self.label = t("kpi.line.first")
        else:
            # Month and day: the line is short, and the year is this one or the last.
            day = previous.date.strftime("%m-%d" if previous.date.year == today.year else "%Y-%m-%d")
            self.label = t("kpi.line.previous", value=value_text(kpi, previous.value), date=day)
        self.texts = {"value": "", "date": today.isoformat()}
        self.checkin = True
        self.field = "value"
        self.error = ""
        self.refresh()

    def stop(self) -> None:
        """Back to the hint."""
        self.kpi = None
        self.error = ""
        self.refresh()

    def render(self) -> Content:
        """The hint, or the fields with the one being typed in marked (and a cursor)."""
        if self.kpi is None:
            return Content.styled(self.hint_text, "dim")
        parts: list[Content] = []
        parts.append(self._field("value", self.texts["value"], 10))
        if self.kpi.unit:
            parts.append(Content(f" {one_line(self.kpi.unit)}"))
        parts.append(Content("   "))
        parts.append(self._field("date", self.texts["date"], 10))
        if self.kr_title is not None:
            mark = "☑" if self.checkin else "☐"
            parts.append(Content("   "))
            parts.append(self._field("kr", f"{mark} {t('kpi.line.checkin_yes')}", 0))
        if self.error:
            parts.append(Content.styled(f"   {self.error}", "bold red"))
        fields = Content.assemble(*parts)
        # The KPI's name gets what is left of the line (the fields and the previous value first).
        label = Content(f" · {self.label} ")
        room = max(6, self.size.width - fields.cell_length - label.cell_length)
        name = Content.styled(one_line(self.kpi.name), "bold").truncate(room, ellipsis=True)
        return Content.assemble(name, label, fields)

    def _field(self, name: str, text: str, width: int) -> Content:
        active = name == self.field
        shown = text + ("▏" if active and name != "kr" else "")
        shown = shown.ljust(width)
        return Content.styled(shown, "reverse" if active else "underline")

    def edit_key(self, event: events.Key) -> bool:
        """Edit with `event`; True when it was used (the board then stops it)."""
        key = event.key
        if key == "escape":
            self.stop()
            self.post_message(self.Cancelled())
        elif key == "enter":
            self.submit()
        elif key in ("tab", "shift+tab"):
            fields = [f for f in FIELDS if f != "kr" or self.kr_title is not None]
            step = 1 if key == "tab" else -1
            self.field = fields[(fields.index(self.field) + step) % len(fields)]
        elif self.field == "kr":
            if key in ("space", "y", "n", "left", "right"):
                self.checkin = key == "y" or (key != "n" and not self.checkin)
        elif key == "backspace":
            self.texts[self.field] = self.texts[self.field][:-1]
        elif key == "ctrl+u":
            self.texts[self.field] = ""
        elif event.is_printable and event.character:
            self.texts[self.field] += event.character
        else:
            return key not in ("ctrl+q",)  # every other key is ignored while typing, ctrl+q still quits
        self.refresh()
        return True

    def build(self) -> RecordRequest:
        """The typed value, validated; InputError naming the field."""
        assert self.kpi is not None
        number = parse_number(self.texts["value"])
        if number is None:
            raise InputError(f"{t('common.field.value')}: {t('common.err.not_number')}", field="value")
        try:
            day = parse_date(self.texts["date"], "date")
        except InputError as exc:
            raise InputError(exc.message, field="date") from None
        value = validated(KpiValue, {"kpi_id": self.kpi.id, "date": day, "value": number})
        return RecordRequest(value, self.kr_title is not None and self.checkin)

    def submit(self) -> None:
        """Hand a valid value to the screen, or say what is wrong beside the fields and stay."""
        try:
            request = self.build()
        except InputError as exc:
            self.error = exc.message
            self.field = exc.field or self.field
            return
        self.error = ""
        self.post_message(self.Submitted(request))
