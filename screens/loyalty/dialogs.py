"""Record a month of loyalty figures, add or edit a ROX deal: each dialog returns a model, the screen
saves it (one undoable action). What the entry computes (LTV, a favourable start) shows as you type."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from cxtui.errors import InputError
from cxtui.format import number
from cxtui.i18n import t
from cxtui.importing.values import parse_day, parse_month, parse_number
from cxtui.loyalty import metrics
from cxtui.loyalty.models import FIGURES, SIGNALS, Deal, LoyaltyMonth, Outcome, checked
from cxtui.validation import number_text
from screens.shared.choice import ChoiceBar
from screens.shared.form import FieldInput, FormDialog, field_grid


def _error(field: str, key: str) -> InputError:
    return InputError(f"{t(f'loyalty.field.{field}')}: {t(key)}", field=field)


def read_figure(text: str, field: str) -> float | None:
    """A figure typed in a field (`12%`, `12,345円`, full-width digits as in files); None when blank."""
    if not text.strip():
        return None
    value = parse_number(text)
    if value is None:
        raise _error(field, "loyalty.err.not_number")
    return value


def _text(value: float | None) -> str:
    return "" if value is None else number_text(value)


class MonthDialog(FormDialog[LoyaltyMonth]):
    """A month's figures (any may be blank); the LTV it gives is shown live under the fields."""

    CSS_PATH = "loyalty.tcss"

    def __init__(self, month: LoyaltyMonth, *, is_new: bool) -> None:
        super().__init__()
        self.month = month
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Record a month / Edit a month."""
        return t("loyalty.dialog.add_month" if self.is_new else "loyalty.dialog.edit_month")

    def body(self) -> ComposeResult:
        """Month, the five figures, note, and the live LTV line."""
        m = self.month
        hints = {
            "repurchase_rate": "%",
            "churn_rate": "%",
            "months_retained": t("loyalty.dialog.retained_hint"),
        }
        yield field_grid(
            ("loyalty.field.month", FieldInput(m.month, id="month", placeholder="2026-11"), "YYYY-MM"),
            *(
                (f"loyalty.field.{name}", FieldInput(_text(getattr(m, name)), id=name), hints.get(name, ""))
                for name in FIGURES
            ),
            ("loyalty.field.note", FieldInput(m.note, id="note"), ""),
        )
        yield Static(id="ltv-live", classes="loyalty-live")

    def on_mount(self) -> None:
        """Start in the month (a new one) or the first figure (an edit); show the LTV."""
        self.query_one("#month" if self.is_new else "#repurchase_rate", Input).focus()
        self._live()

    @on(Input.Changed)
    def _live(self) -> None:
        """LTV = average spend × months retained (estimated from churn when blank), as typed so far."""
        try:
            month = self._figures()
        except InputError:
            self.query_one("#ltv-live", Static).update("")
            return
        shown = metrics.figures(month)
        if shown.ltv is None or month.average_spend is None or shown.months_retained is None:
            line = t("loyalty.dialog.ltv_unknown")
        else:
            key = "loyalty.dialog.ltv_estimated" if shown.estimated else "loyalty.dialog.ltv"
            line = t(
                key,
                spend=number(month.average_spend),
                months=number(shown.months_retained),
                churn=number(month.churn_rate or 0),
                ltv=number(shown.ltv),
            )
        self.query_one("#ltv-live", Static).update(Content(line))

    def _figures(self) -> LoyaltyMonth:
        values = {name: read_figure(self.value_of(name), name) for name in FIGURES}
        referrals = values["referrals"]
        if referrals is not None and referrals != int(referrals):
            raise _error("referrals", "loyalty.err.not_whole")
        return replace(
            self.month,
            month=self.value_of("month").strip(),
            repurchase_rate=values["repurchase_rate"],
            referrals=None if referrals is None else int(referrals),
            churn_rate=values["churn_rate"],
            months_retained=values["months_retained"],
            average_spend=values["average_spend"],
            note=self.value_of("note"),
        )

    def build(self) -> LoyaltyMonth:
        """The month, checked (`12%` and `12,345円` are read as numbers)."""
        typed = self.value_of("month").strip()
        month = self._figures()
        day = parse_month(typed) if typed else None
        if day is not None:
            month.month = f"{day.year:04d}-{day.month:02d}"
        return checked(month)


_YES_NO = ("no", "yes")


class DealDialog(FormDialog[Deal]):
    """A deal or inquiry: date, name, the three signals (yes/no), outcome, note."""

    CSS_PATH = "loyalty.tcss"

    def __init__(self, deal: Deal, *, is_new: bool) -> None:
        super().__init__()
        self.deal = deal
        self.is_new = is_new

    def dialog_title(self) -> str:
        """Add a deal / Edit a deal."""
        return t("loyalty.dialog.add_deal" if self.is_new else "loyalty.dialog.edit_deal")

    def body(self) -> ComposeResult:
        """The fields, then whether the deal started favourable."""
        d = self.deal
        yes_no = [(t(f"loyalty.dialog.{v}"), v) for v in _YES_NO]
        outcomes = [(t(f"loyalty.outcome.{o.value}"), o.value) for o in Outcome]
        yield field_grid(
            ("loyalty.field.date", FieldInput(d.date.isoformat(), id="date"), "YYYY-MM-DD"),
            ("loyalty.field.name", FieldInput(d.name, id="name"), ""),
            *(
                (
                    f"loyalty.field.{signal}",
                    ChoiceBar(yes_no, "yes" if getattr(d, signal) else "no", id=signal),
                    "",
                )
                for signal in SIGNALS
            ),
            ("loyalty.field.outcome", ChoiceBar(outcomes, d.outcome.value, id="outcome"), ""),
            ("loyalty.field.note", FieldInput(d.note, id="note"), ""),
        )
        yield Static(id="start-live", classes="loyalty-live")

    def on_mount(self) -> None:
        """Start in the name (the date defaults to today)."""
        self.query_one("#name", Input).focus()
        self._live()

    def _signals(self) -> dict[str, bool]:
        return {signal: self.query_one(f"#{signal}", ChoiceBar).value == "yes" for signal in SIGNALS}

    @on(ChoiceBar.Changed)
    def _live(self) -> None:
        """Whether the deal started favourable, and why."""
        chosen = [t(f"loyalty.col.{signal}") for signal, is_set in self._signals().items() if is_set]
        if chosen:
            line = t("loyalty.dialog.favourable", signals=" · ".join(chosen))
        else:
            line = t("loyalty.dialog.not_favourable")
        self.query_one("#start-live", Static).update(Content(line))

    def build(self) -> Deal:
        """The deal, checked."""
        day = _read_date(self.value_of("date"))
        outcome = Outcome(self.query_one("#outcome", ChoiceBar).value)
        signals = self._signals()
        deal = replace(
            self.deal,
            date=day,
            name=self.value_of("name"),
            came_by_name=signals["came_by_name"],
            already_understood=signals["already_understood"],
            no_price_negotiation=signals["no_price_negotiation"],
            outcome=outcome,
            note=self.value_of("note"),
        )
        return checked(deal)


def _read_date(text: str) -> date:
    """A date typed as 2026-11-22, 2026/11/22 or 2026年11月22日."""
    day = parse_day(text) if text.strip() else None
    if day is None:
        raise _error("date", "loyalty.err.not_date")
    return day
