"""Months and deals saved, refused, deleted and undone; imports meeting what the workspace already holds."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cxtui.db.store import Store
from cxtui.errors import CxError, InputError
from cxtui.i18n import set_language
from cxtui.loyalty import importers, repo
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty.models import Deal, LoyaltyMonth, Outcome
from cxtui.loyalty.report import section
from tests.conftest import TODAY


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# -- months ----------------------------------------------------------------------------------------


def test_record_edit_delete_a_month_each_undoable() -> None:
    store = Store.memory()
    month = repo.save_month(store, LoyaltyMonth(month="2026-11", repurchase_rate=50.7, churn_rate=9.9))
    assert [m.month for m in repo.months(store)] == ["2026-11"]
    month.average_spend = 728
    repo.save_month(store, month)
    assert repo.find_month(store, "2026-11").average_spend == 728  # type: ignore[union-attr]
    repo.delete_month(store, month.id)
    assert repo.months(store) == []
    assert store.undo() == "delete 2026-11"
    assert repo.find_month(store, "2026-11").average_spend == 728  # type: ignore[union-attr]
    assert store.undo() == "edit 2026-11"
    assert repo.find_month(store, "2026-11").average_spend is None  # type: ignore[union-attr]
    assert store.undo() == "record 2026-11"
    assert repo.months(store) == []


def test_a_second_record_of_the_same_month_is_refused() -> None:
    store = Store.memory()
    repo.save_month(store, LoyaltyMonth(month="2026-11", referrals=34))
    with pytest.raises(InputError) as caught:
        repo.save_month(store, LoyaltyMonth(month="2026-11", referrals=40))
    assert caught.value.field == "month"
    assert "2026-11 is already recorded" in caught.value.message
    assert [m.referrals for m in repo.months(store)] == [34]


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"month": "2026-13"}, "month", "Month: must be a month like 2026-11"),
        ({"churn_rate": 120.0}, "churn_rate", "Churn rate: must be a percentage from 0 to 100"),
        ({"repurchase_rate": -1.0}, "repurchase_rate", "Repurchase rate: must be a percentage"),
        ({"referrals": -2}, "referrals", "Referrals: must not be negative"),
        ({"months_retained": 0.0}, "months_retained", "Months retained: must be greater than 0"),
        ({"average_spend": -5.0}, "average_spend", "Average spend: must not be negative"),
        ({"referrals": None}, "repurchase_rate", "enter at least one figure"),
    ],
)
def test_bad_figures_name_their_field(changes: dict[str, object], field: str, text: str) -> None:
    store = Store.memory()
    values: dict[str, object] = {"month": "2026-11", "referrals": 3, **changes}
    with pytest.raises(InputError) as caught:
        repo.save_month(store, LoyaltyMonth(**values))  # type: ignore[arg-type]
    assert caught.value.field == field
    assert text in caught.value.message
    assert repo.months(store) == []


def test_errors_speak_japanese() -> None:
    set_language("ja")
    with pytest.raises(InputError) as caught:
        repo.save_month(Store.memory(), LoyaltyMonth(month="2026-11", churn_rate=101))
    assert caught.value.message == "解約率: 0〜100 の%で入力してください"


# -- deals -----------------------------------------------------------------------------------------


def test_add_edit_delete_a_deal_each_undoable() -> None:
    store = Store.memory()
    deal = repo.save_deal(
        store, Deal(date=date(2026, 11, 20), name="  Kotobuki\tCatering ", came_by_name=True)
    )
    assert deal.name == "Kotobuki Catering"
    deal.outcome = Outcome.won
    repo.save_deal(store, deal)
    assert repo.find_deal(store, deal.id).outcome is Outcome.won  # type: ignore[union-attr]
    repo.delete_deal(store, deal.id)
    assert repo.deal_count(store) == 0
    assert store.undo() == "delete a deal of 2026-11-20"
    assert store.undo() == "edit a deal of 2026-11-20"
    assert repo.find_deal(store, deal.id).outcome is Outcome.open  # type: ignore[union-attr]
    assert store.undo() == "add a deal of 2026-11-20"
    assert repo.deal_count(store) == 0


def test_a_deal_needs_a_name_and_one_per_name_and_day() -> None:
    store = Store.memory()
    with pytest.raises(InputError) as caught:
        repo.save_deal(store, Deal(date=TODAY, name=" \x1b "))
    assert caught.value.field == "name"
    repo.save_deal(store, Deal(date=TODAY, name="Aoba"))
    with pytest.raises(InputError) as caught:
        repo.save_deal(store, Deal(date=TODAY, name="Aoba", outcome=Outcome.won))
    assert caught.value.field == "name" and "already logged on 2026-11-22" in caught.value.message
    repo.save_deal(store, Deal(date=date(2026, 11, 21), name="Aoba"))  # another day is another deal
    assert repo.deal_count(store) == 2


def test_control_characters_never_reach_a_stored_name() -> None:
    store = Store.memory()
    deal = repo.save_deal(store, Deal(date=TODAY, name="Evil\x1b[31m Corp\x07", note="a\nb"))
    assert deal.name == "Evil [31m Corp" and deal.note == "a b"


def test_deals_by_month_and_newest_first() -> None:
    store = Store.memory()
    for day, name in [("2026-10-31", "a"), ("2026-11-01", "b"), ("2026-11-30", "c"), ("2026-12-01", "d")]:
        repo.save_deal(store, Deal(date=date.fromisoformat(day), name=name))
    assert [d.name for d in repo.deals(store)] == ["d", "c", "b", "a"]
    assert [d.name for d in repo.deals(store, month="2026-11")] == ["c", "b"]
    assert [d.name for d in repo.deals(store, limit=2)] == ["d", "c"]
    assert repo.deal_count(store, "2026-11") == 2 and repo.deal_count(store, "2027-01") == 0


# -- imports against the workspace -----------------------------------------------------------------


def test_import_adds_months_fills_blanks_skips_known_and_rejects_conflicts(tmp_path: Path) -> None:
    store = Store.memory()
    repo.save_month(store, LoyaltyMonth(month="2026-09", churn_rate=12.5))
    repo.save_month(store, LoyaltyMonth(month="2026-10", churn_rate=11.3, average_spend=702))
    repo.save_month(store, LoyaltyMonth(month="2026-11", churn_rate=9.9))
    source = write(
        tmp_path / "m.csv",
        "month,churn rate,average spend\n"
        "2026-08,12.9,688\n"  # new
        "2026-09,12.5,684\n"  # same churn, spend was blank: filled
        "2026-10,11.3,702\n"  # nothing new: skipped
        "2026-11,10.5,728\n",  # another churn: rejected
    )
    result = repo.import_months(store, importers.parse_months(source))
    assert result.imported == 2
    assert [(r.line, r.reason) for r in result.skipped] == [
        (4, "2026-10 is already recorded with these figures")
    ]
    assert [r.line for r in result.rejected] == [5]
    assert "2026-11 already has Churn 9.9 in the workspace (this row says 10.5)" in result.rejected[0].reason
    by_month = {m.month: m for m in repo.months(store)}
    assert (by_month["2026-08"].churn_rate, by_month["2026-08"].average_spend) == (12.9, 688)
    assert by_month["2026-09"].average_spend == 684
    assert by_month["2026-11"].churn_rate == 9.9  # kept: one value per figure and month
    assert store.undo() == "import m.csv"
    assert sorted(by_month) == ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert [m.month for m in repo.months(store)] == ["2026-09", "2026-10", "2026-11"]
    assert repo.find_month(store, "2026-09").average_spend is None  # type: ignore[union-attr]


def test_import_deals_skips_the_same_deal_and_rejects_a_changed_one(tmp_path: Path) -> None:
    store = Store.memory()
    repo.save_deal(
        store, Deal(date=date(2026, 10, 1), name="丸山食品", came_by_name=True, outcome=Outcome.won)
    )
    repo.save_deal(store, Deal(date=date(2026, 10, 2), name="北斗建設"))
    source = write(
        tmp_path / "d.csv",
        "日付,案件,指名,説明不要,価格交渉なし,結果\n"
        "2026/10/01,丸山食品,○,×,×,受注\n"
        "2026/10/02,北斗建設,,,,失注\n"
        "2026/10/03,桜井会計,はい,いいえ,1,進行中\n",
    )
    result = repo.import_deals(store, importers.parse_deals(source))
    assert result.imported == 1
    assert [r.line for r in result.skipped] == [2]
    assert [r.line for r in result.rejected] == [3]
    assert "already logged with other signals or outcome" in result.rejected[0].reason
    assert result.rejected[0].raw == "2026/10/02,北斗建設,,,,失注"
    assert repo.deal_count(store) == 3
    hokuto = next(d for d in repo.deals(store) if d.name == "北斗建設")
    assert hokuto.outcome is Outcome.open  # the workspace keeps its one record


def test_the_same_file_is_not_imported_twice(tmp_path: Path) -> None:
    store = Store.memory()
    source = write(tmp_path / "d.csv", "date,name,came by name,outcome\n2026-11-01,Aoba,yes,won\n")
    repo.import_deals(store, importers.parse_deals(source))
    copy = write(tmp_path / "copy.csv", source.read_text())
    with pytest.raises(repo.AlreadyImportedError) as caught:
        repo.import_deals(store, importers.parse_deals(copy))
    assert caught.value.exit_code == 1
    assert "copy.csv was already imported" in caught.value.message and "(as d.csv)" in caught.value.message
    assert repo.deal_count(store) == 1
    assert store.undo() is not None and repo.deal_count(store) == 0


def test_an_import_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ws.cxtui"
    store = Store.open(path, create=True)
    source = write(
        tmp_path / "d.csv", "date,name,came by name\n" + "".join(f"2026-11-01,n{i},yes\n" for i in range(50))
    )
    parsed = importers.parse_deals(source)
    real = store.insert_rows

    def failing(table: str, rows: list[dict[str, object]], **options: object) -> None:
        real(table, rows, **options)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "insert_rows", failing)
    # The store says a failed write in one line (CxError); either way nothing of the import stays.
    with pytest.raises((sqlite3.OperationalError, CxError)):
        repo.import_deals(store, parsed)
    monkeypatch.undo()
    assert repo.deal_count(store) == 0
    assert store.rows("SELECT count(*) AS n FROM loyalty_imports")[0]["n"] == 0
    store.close()


# -- reading an older workspace and the report -----------------------------------------------------


def test_a_workspace_without_the_tables_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "old.cxtui"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    for table in ("rox_deals", "loyalty_months", "loyalty_imports"):
        conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    with Store.snapshot(path) as reader:
        assert (
            repo.months(reader) == []
            and loyalty_queries.rox_by_month(reader) == []
            and repo.deals(reader) == []
        )
        data = section(reader, TODAY)
    assert data["loyalty"]["months"] == [] and data["rox"]["months"] == []
    assert data["rox"]["total"]["deals"] == 0


def test_a_deal_import_in_several_batches_is_one_undo_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repo, "_BATCH_ROWS", 2)
    store = Store.open(tmp_path / "ws.cxtui", create=True)
    source = write(
        tmp_path / "d.csv", "date,name,came by name\n" + "".join(f"2026-11-01,n{i},yes\n" for i in range(7))
    )
    result = repo.import_deals(store, importers.parse_deals(source))
    assert result.imported == repo.deal_count(store) == 7
    assert len(store.journal.undo_stack[-1].changes) <= 3  # the import row, one bulk record, its counts
    store.undo()
    assert repo.deal_count(store) == 0
    store.redo()
    assert repo.deal_count(store) == 7
    store.close()


@pytest.mark.parametrize("batch_rows", [1, 2, 5_000])
def test_a_lazily_read_deal_log_gives_what_an_eager_one_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_rows: int
) -> None:
    # The CLI reads a deal log as it stores it: a second row for a deal (batches apart), a deal
    # already logged the same way (skipped) or differently (rejected) come out as when read whole.
    monkeypatch.setattr(repo, "_BATCH_ROWS", batch_rows)
    logged = write(
        tmp_path / "logged.csv",
        "date,name,came by name,outcome\n2026-11-01,Old,yes,won\n2026-11-02,Other,no,lost\n",
    )
    source = write(
        tmp_path / "d.csv",
        "date,name,came by name,outcome\n"
        "2026-11-03,A,yes,open\n2026-11-01,Old,yes,won\n2026-11-04,B,no,won\n"
        "2026-11-03,A,no,lost\n2026-11-02,Other,yes,lost\nnot a date,C,yes,won\n",
    )
    results = []
    for lazy in (False, True):
        store = Store.open(tmp_path / f"ws-{lazy}.cxtui", create=True)
        repo.import_deals(store, importers.parse_deals(logged))
        result = repo.import_deals(store, importers.parse_deals(source, lazy=lazy))
        results.append(
            (result.imported, [r.line for r in result.skipped], {r.line: r.reason for r in result.rejected},
             repo.deal_count(store))
        )  # fmt: skip
        store.close()
    eager, lazy_result = results
    assert eager == lazy_result
    imported, skipped, rejected, count = lazy_result
    assert (imported, skipped, sorted(rejected), count) == (2, [3], [5, 6, 7], 4)
    assert "line 2" in rejected[5]
