"""Loyalty and ROX reads and edits. Each edit is one user action (one transaction, one undo step).

Reads work on any workspace, one from before these tables existed included (opened read-only, it
simply holds no months and no deals). Counting is done by SQLite; the formulas are in `metrics`.
"""

from __future__ import annotations

from typing import Any

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.format import number
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.ids import new_ids, utc_now
from cxtui.importing.table import RejectedRow, raw_line
from cxtui.loyalty import metrics
from cxtui.loyalty.metrics import MonthFigures
from cxtui.loyalty.models import (
    FIGURES,
    SIGNALS,
    Deal,
    ImportResult,
    LoyaltyMonth,
    Outcome,
    ParsedDeal,
    ParsedFile,
    checked,
)
from cxtui.loyalty.queries import has_tables
from cxtui.models import to_row


class AlreadyImportedError(InputError):
    """The same file (same SHA-256) was already imported; nothing was changed."""

    # Not bad input as such: the command refused for a reason it explains (DESIGN: exit 1).
    exit_code = 1


# -- months ----------------------------------------------------------------------------------------


def months(store: Store) -> list[LoyaltyMonth]:
    """Every recorded month, oldest first."""
    if not has_tables(store):
        return []
    return store.models(LoyaltyMonth, "SELECT * FROM loyalty_months ORDER BY month")


def month_figures(store: Store) -> list[MonthFigures]:
    """Every month with its LTV (months retained estimated from churn where blank), oldest first."""
    return [metrics.figures(m) for m in months(store)]


def find_month(store: Store, month: str) -> LoyaltyMonth | None:
    """The record of a YYYY-MM month, or None."""
    if not has_tables(store):
        return None
    found = store.models(LoyaltyMonth, "SELECT * FROM loyalty_months WHERE month = ?", [month])
    return found[0] if found else None


def save_month(store: Store, month: LoyaltyMonth) -> LoyaltyMonth:
    """Record a new month or save an edited one; InputError when another record has that month."""
    month = checked(month)
    other = find_month(store, month.month)
    if other is not None and other.id != month.id:
        raise InputError(
            f"{t('loyalty.field.month')}: {t('loyalty.err.month_taken', month=month.month)}", field="month"
        )
    existing = store.get_row("loyalty_months", month.id)
    label = t("loyalty.act.edit_month" if existing else "loyalty.act.add_month", month=month.month)
    with store.action(label):
        store.save("loyalty_months", month)
    return month


def delete_month(store: Store, month_id: str) -> None:
    """Delete a month's figures (undoable)."""
    row = store.get_row("loyalty_months", month_id)
    month = row["month"] if row else ""
    with store.action(t("loyalty.act.delete_month", month=month)):
        store.delete_row("loyalty_months", month_id)


# -- deals -----------------------------------------------------------------------------------------


def deals(store: Store, month: str | None = None, limit: int | None = None) -> list[Deal]:
    """Deals newest first: every one, or those of one YYYY-MM month; at most `limit`."""
    if not has_tables(store):
        return []
    sql = "SELECT * FROM rox_deals"
    params: list[Any] = []
    if month is not None:
        sql += " WHERE date >= ? AND date < ?"
        params = _month_bounds(month)
    sql += " ORDER BY date DESC, name DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.models(Deal, sql, params)


def _month_bounds(month: str) -> list[Any]:
    """[first day, first day of the next month] as ISO text: a range the date index can seek."""
    return [metrics.first_day(month).isoformat(), metrics.first_day(metrics.next_month(month)).isoformat()]


def deal_count(store: Store, month: str | None = None) -> int:
    """How many deals there are (in one YYYY-MM month, if given)."""
    if not has_tables(store):
        return 0
    if month is None:
        return int(store.rows("SELECT count(*) AS n FROM rox_deals")[0]["n"])
    where = "date >= ? AND date < ?"
    return int(store.rows(f"SELECT count(*) AS n FROM rox_deals WHERE {where}", _month_bounds(month))[0]["n"])


def find_deal(store: Store, deal_id: str) -> Deal | None:
    """One deal by id."""
    return store.model(Deal, "rox_deals", deal_id) if has_tables(store) else None


def _same_deal(store: Store, deal: Deal) -> Deal | None:
    found = store.models(
        Deal, "SELECT * FROM rox_deals WHERE date = ? AND name = ?", [deal.date.isoformat(), deal.name]
    )
    return found[0] if found else None


def save_deal(store: Store, deal: Deal) -> Deal:
    """Add a new deal or save an edited one; InputError when the same name is already logged that day."""
    deal = checked(deal)
    other = _same_deal(store, deal)
    if other is not None and other.id != deal.id:
        taken = t("loyalty.err.deal_taken", name=deal.name, date=deal.date.isoformat())
        raise InputError(f"{t('loyalty.field.name')}: {taken}", field="name")
    existing = store.get_row("rox_deals", deal.id)
    # Undo labels carry no typed text (the app shows them as a notification, where it would be markup).
    label = t("loyalty.act.edit_deal" if existing else "loyalty.act.add_deal", date=deal.date.isoformat())
    with store.action(label):
        store.save("rox_deals", deal)
    return deal


def delete_deal(store: Store, deal_id: str) -> None:
    """Delete a deal (undoable)."""
    row = store.get_row("rox_deals", deal_id)
    with store.action(t("loyalty.act.delete_deal", date=row["date"] if row else "")):
        store.delete_row("rox_deals", deal_id)


# -- imports ---------------------------------------------------------------------------------------


def _import_row(store: Store, parsed: ParsedFile) -> str:
    """Refuse a file imported before; else record the import and return its id (inside the action)."""
    done = store.rows(
        "SELECT source, imported_at FROM loyalty_imports WHERE kind = ? AND sha256 = ?",
        [parsed.kind, parsed.sha256],
    )
    if done:
        raise AlreadyImportedError(
            t(
                "loyalty.import.already",
                source=parsed.source,
                first=done[0]["source"],
                when=str(done[0]["imported_at"])[:10],
            ),
            field="source",
        )
    import_id = new_ids(1)[0]
    store.insert_row(
        "loyalty_imports",
        {
            "id": import_id,
            "kind": parsed.kind,
            "sha256": parsed.sha256,
            "source": parsed.source,
            "encoding": parsed.encoding,
            "imported": 0,
            "skipped": 0,
            "rejected": 0,
            "imported_at": utc_now(),
        },
    )
    return import_id


def _finish(store: Store, import_id: str, result: ImportResult) -> ImportResult:
    result.skipped.sort(key=lambda r: r.line)
    result.rejected.sort(key=lambda r: r.line)
    store.update_row(
        "loyalty_imports",
        import_id,
        {"imported": result.imported, "skipped": len(result.skipped), "rejected": len(result.rejected)},
    )
    return result


def _result(parsed: ParsedFile) -> ImportResult:
    return ImportResult(
        parsed.kind, parsed.source, parsed.encoding, dict(parsed.columns), 0,
        list(parsed.skipped), list(parsed.rejected), list(parsed.notes),
    )  # fmt: skip


def _same(a: float | int | None, b: float | int | None) -> bool:
    return (
        a is None and b is None or (a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(a)))
    )


def import_months(store: Store, parsed: ParsedFile) -> ImportResult:
    """Store parsed months as ONE transaction and one undo step.

    A month not yet recorded is added; one already recorded gets the figures it lacked. A row that
    gives another value for a figure the month already has is rejected with its line (the workspace
    keeps one value per figure and month); a row that adds nothing is skipped.
    """
    result = _result(parsed)
    with store.action(t("loyalty.act.import", source=parsed.source)):
        import_id = _import_row(store, parsed)
        recorded = {m.month: m for m in months(store)}
        for item in parsed.months:
            new = item.month
            old = recorded.get(new.month)
            if old is None:
                new.import_id = import_id
                store.insert_row("loyalty_months", to_row(new))
                result.imported += 1
                continue
            conflicts = [
                f for f in FIGURES
                if getattr(new, f) is not None and getattr(old, f) is not None
                and not _same(getattr(new, f), getattr(old, f))
            ]  # fmt: skip
            if conflicts:
                first = conflicts[0]
                reason = t(
                    "loyalty.import.month_conflict",
                    month=new.month,
                    column=t(f"loyalty.col.{first}"),
                    old=number(getattr(old, first)),
                    new=number(getattr(new, first)),
                )
                result.rejected.append(RejectedRow(item.line, reason, item.raw))
                continue
            fills = {
                f: getattr(new, f) for f in FIGURES if getattr(new, f) is not None and getattr(old, f) is None
            }
            if not fills:
                result.skipped.append(
                    RejectedRow(item.line, t("loyalty.import.month_known", month=new.month), item.raw)
                )
                continue
            store.update_row("loyalty_months", old.id, fills)
            result.imported += 1
        return _finish(store, import_id, result)


_BATCH_ROWS = 5_000


def import_deals(store: Store, parsed: ParsedFile) -> ImportResult:
    """Store parsed deals as ONE transaction and one undo step, _BATCH_ROWS at a time.

    A deal already logged (same day and name) is skipped when the file says the same about it, and
    rejected with its line when the file says something else (the workspace keeps one record of it).
    A second row of the file for the same day and name is rejected naming the first (found by the
    parser, or, for a lazily parsed file, against this import's own rows in the workspace).
    """
    skipped: list[RejectedRow] = []
    rejected: list[RejectedRow] = []
    imported = 0
    # The GC paused: a batch's rows hold no cycles for it to find.
    with gc_paused(), store.action(t("loyalty.act.import", source=parsed.source)):
        import_id = _import_row(store, parsed)
        stamp = utc_now()
        logged = _Logged(store, import_id)
        batch: list[ParsedDeal] = []
        for deal in parsed.deal_rows():
            batch.append(deal)
            if len(batch) >= _BATCH_ROWS:
                imported += _store_deals(store, logged.new_deals(batch, skipped, rejected), import_id, stamp)
                batch = []
        imported += _store_deals(store, logged.new_deals(batch, skipped, rejected), import_id, stamp)
        logged.close()
        result = _result(parsed)  # read now: a lazily parsed file adds its rejections as it is read
        result.skipped += skipped
        result.rejected += rejected
        result.imported = imported
        return _finish(store, import_id, result)


def _store_deals(store: Store, deals: list[ParsedDeal], import_id: str, stamp: str) -> int:
    """Insert one batch; the undo history records the import in bulk, so memory stays flat."""
    rows = [
        {"id": deal_id, "date": d.date, "name": d.name, "came_by_name": int(d.came_by_name),
         "already_understood": int(d.already_understood), "no_price_negotiation": int(d.no_price_negotiation),
         "outcome": d.outcome, "note": d.note, "import_id": import_id, "line": d.line,
         "created": stamp, "updated": stamp}
        for deal_id, d in zip(new_ids(len(deals)), deals, strict=True)
    ]  # fmt: skip
    store.insert_rows("rox_deals", rows, bulk=("import_id", import_id))
    return len(rows)


class _Logged:
    """Each batch checked against the deals already logged, through a TEMP table of its (day, name)
    pairs joined on the workspace's unique index: no dict of every deal in memory."""

    def __init__(self, store: Store, import_id: str) -> None:
        self.conn = store.db.conn
        self.import_id = import_id
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS rox_import_batch (date TEXT, name TEXT, line INTEGER)"
        )

    def new_deals(
        self, batch: list[ParsedDeal], skipped: list[RejectedRow], rejected: list[RejectedRow]
    ) -> list[ParsedDeal]:
        """The deals of `batch` not logged yet; the others go to `skipped` or `rejected`."""
        first_in_batch: dict[tuple[str, str], int] = {}
        unique: list[ParsedDeal] = []
        for d in batch:
            first = first_in_batch.setdefault((d.date, d.name), d.line)
            if first != d.line:
                reason = t("loyalty.import.deal_twice", first=first)
                rejected.append(RejectedRow(d.line, reason, raw_line(d.row)))
                continue
            unique.append(d)
        conn = self.conn
        conn.execute("DELETE FROM temp.rox_import_batch")
        conn.executemany(
            "INSERT INTO temp.rox_import_batch VALUES (?, ?, ?)", [(d.date, d.name, d.line) for d in unique]
        )
        found = {
            line: rest
            for line, *rest in conn.execute(
                "SELECT b.line, r.import_id, r.line, r.came_by_name, r.already_understood, "
                "r.no_price_negotiation, r.outcome FROM temp.rox_import_batch b "
                "JOIN main.rox_deals r ON r.date = b.date AND r.name = b.name"
            )
        }
        new: list[ParsedDeal] = []
        for d in unique:
            old = found.get(d.line)
            if old is None:
                new.append(d)
                continue
            import_id, first, c, u, p, outcome = old
            if import_id == self.import_id:
                reason = t("loyalty.import.deal_twice", first=first)
                rejected.append(RejectedRow(d.line, reason, raw_line(d.row)))
            elif (bool(c), bool(u), bool(p), outcome) == (
                d.came_by_name,
                d.already_understood,
                d.no_price_negotiation,
                d.outcome,
            ):
                skipped.append(
                    RejectedRow(
                        d.line, t("loyalty.import.deal_known", name=d.name, date=d.date), raw_line(d.row)
                    )
                )
            else:
                reason = t("loyalty.import.deal_conflict", name=d.name, date=d.date)
                rejected.append(RejectedRow(d.line, reason, raw_line(d.row)))
        return new

    def close(self) -> None:
        """Empty the TEMP table (it lives as long as the connection)."""
        self.conn.execute("DELETE FROM temp.rox_import_batch")


def outcome_label(outcome: Outcome | str) -> str:
    """open / won / lost in the UI language."""
    return t(f"loyalty.outcome.{Outcome(outcome).value}")


def signal_labels(deal: Deal) -> list[str]:
    """The labels of the signals a deal has, in the UI language."""
    return [t(f"loyalty.col.{s}") for s in SIGNALS if getattr(deal, s)]
