"""Every write of every domain goes through the store's undoable action: undoing everything a session
did empties every table of every domain, and redoing it all brings back exactly the same rows.

A new domain adds a `fill` below that writes a row into each of its tables through its own repo; the
test fails until it does (every table must hold rows before the undo).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from cxtui.db.store import Store
from cxtui.domains import DOMAINS
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse

DAY = date(2026, 11, 16)


def _fill_okr(store: Store) -> None:
    from cxtui.okr import checkin_repo, periods, quarters, repo
    from cxtui.okr.models import CheckIn, KeyResult, Objective

    period = periods.add_period(store, quarters.quarter_of(DAY))
    objective = repo.save_objective(store, Objective(period_id=period.id, title="Customer success"))
    kr = repo.save_key_result(
        store, KeyResult(objective_id=objective.id, title="Churn", start=8, target=3, kind="decrease")
    )  # type: ignore[arg-type]
    checkin_repo.record_checkin(store, CheckIn(kr_id=kr.id, date=DAY, value=6.5))


def _fill_nps(store: Store) -> None:
    from cxtui.nps import followups, repo

    parsed = ParsedFile(
        source="export.csv", sha256="0" * 64, encoding="utf-8", layout="plain",
        columns=DetectedColumns(score="score"), headers=["score", "comment"],
        responses=[ParsedResponse(line=2, score=3, comment="slow"), ParsedResponse(line=3, score=10)],
    )  # fmt: skip
    result = repo.import_parsed(store, "Spring", parsed)
    detractor = store.rows("SELECT id FROM responses WHERE survey_id = ? AND score = 3", [result.survey.id])
    followups.set_followup(store, detractor[0]["id"], owner="Sato", status="contacted")


def _fill_kpi(store: Store) -> None:
    from cxtui.kpi import repo
    from cxtui.kpi.models import Evidence, Kpi, KpiValue

    kpi = repo.save_kpi(store, Kpi(name="Walk-aways", layer="behaviour"))
    repo.record_value(store, KpiValue(kpi_id=kpi.id, date=DAY, value=42))
    repo.save_evidence(store, Evidence(date=DAY, quote="それなら安心", kpi_id=kpi.id))
    with store.action("import record"):  # the importer's record of a file (its own tests cover it)
        store.insert_row(
            "kpi_imports",
            {
                "id": "i1",
                "sha256": "1" * 64,
                "source": "kpis.csv",
                "imported_at": "2026-11-16T00:00:00+00:00",
            },
        )


def _fill_loyalty(store: Store) -> None:
    from cxtui.loyalty import repo
    from cxtui.loyalty.models import Deal, LoyaltyMonth

    repo.save_month(
        store, LoyaltyMonth(month="2026-10", repurchase_rate=31.5, churn_rate=4.0, average_spend=1200)
    )
    repo.save_deal(store, Deal(date=DAY, name="Aoba Logistics", came_by_name=True, outcome="won"))  # type: ignore[arg-type]
    with store.action("import record"):  # the importer's record of a file (its own tests cover it)
        store.insert_row(
            "loyalty_imports",
            {"id": "l1", "kind": "months", "sha256": "2" * 64, "source": "months.csv",
             "imported_at": "2026-11-16T00:00:00+00:00"},
        )  # fmt: skip


def _fill_cycles(store: Store) -> None:
    from cxtui.cycles import repo
    from cxtui.cycles.models import Cycle

    kpi_id = store.rows("SELECT id FROM kpis LIMIT 1")[0]["id"]
    cycle = repo.save_cycle(
        store,
        Cycle(title="Greeting", start=DAY, end=DAY, hypothesis="Nobody greets", change="Greet at the door"),
        [kpi_id],
    )
    repo.start_cycle(store, cycle.id, DAY)
    repo.review_cycle(store, cycle.id, "The greeting helped", "Try pre-ordering")


def _fill_review(store: Store) -> None:
    from cxtui.review import repo

    kr_id = store.rows("SELECT id FROM key_results LIMIT 1")[0]["id"]
    review = repo.start_review(store, DAY)
    review, _item = repo.enter_kr(store, review, kr_id, 6.0, note="from the review", today=DAY)
    repo.finish(store, review, "Churn falls", "Call at-risk customers", seconds=600)


FILLS: dict[str, Callable[[Store], None]] = {
    "okr": _fill_okr,
    "nps": _fill_nps,
    "kpi": _fill_kpi,
    "loyalty": _fill_loyalty,
    "cycles": _fill_cycles,
    "review": _fill_review,
}


def _contents(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = [table for domain in DOMAINS for table in domain.tables]
    return {
        table: sorted(tuple(row.values()) for row in store.rows(f'SELECT * FROM "{table}"'))
        for table in tables
    }


def test_undo_all_and_redo_all_over_every_table_of_every_domain() -> None:
    store = Store.memory()
    for domain in DOMAINS:
        FILLS[domain.name](store)  # KeyError: the domain has no fill here yet
    filled = _contents(store)
    assert {table for table, rows in filled.items() if not rows} == set()

    while store.undo() is not None:
        pass
    assert all(rows == [] for rows in _contents(store).values())
    assert store.rows("SELECT * FROM nps_counts WHERE n <> 0") == []

    while store.redo() is not None:
        pass
    assert _contents(store) == filled
