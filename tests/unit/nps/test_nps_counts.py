"""nps_counts (the per-survey, per-score counts the NPS screen reads) always equals a GROUP BY over
the answers: after imports (which bypass the per-row trigger), quick entry, deletes, undo and redo."""

from __future__ import annotations

from pathlib import Path

from cxtui.db.store import Store
from cxtui.nps import queries, repo, surveys
from cxtui.nps.importers import parse_file


def _truth(store: Store) -> dict[tuple[str, int], int]:
    rows = store.rows(
        "SELECT survey_id, score, COUNT(*) AS n FROM responses WHERE score IS NOT NULL GROUP BY 1, 2"
    )
    return {(r["survey_id"], r["score"]): r["n"] for r in rows}


def _cached(store: Store) -> dict[tuple[str, int], int]:
    rows = store.rows("SELECT survey_id, score, n FROM nps_counts WHERE n != 0")
    return {(r["survey_id"], r["score"]): r["n"] for r in rows}


def _csv(tmp_path: Path, scores: list[int]) -> Path:
    path = tmp_path / "export.csv"
    lines = ["date,score,comment"] + [f"2026-03-{1 + i % 28:02d},{s},c{i}" for i, s in enumerate(scores)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_counts_follow_every_write_and_undo(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "w.cxtui", create=True)
    scores = [i % 11 for i in range(500)]
    repo.import_parsed(store, "March", parse_file(_csv(tmp_path, scores)))
    assert _cached(store) == _truth(store) and sum(_truth(store).values()) == 500
    # The insert trigger is back after the import's bulk path.
    assert store.rows("SELECT 1 AS x FROM sqlite_master WHERE name = 'nps_counts_insert'")
    repo.add_manual_scores(store, "March", [10, 10, 3])
    repo.add_manual_scores(store, "Paper", [9, 7, 0])
    assert _cached(store) == _truth(store)
    surveys.delete_survey(store, "Paper")
    assert _cached(store) == _truth(store)
    for _ in range(4):  # undo delete, paper, manual, import
        store.undo()
        assert _cached(store) == _truth(store)
    assert _truth(store) == {}
    for _ in range(4):
        store.redo()
        assert _cached(store) == _truth(store)
    summary = queries.summary(store, "March")
    assert summary.n == 503 and summary.counts.promoters == sum(1 for s in scores if s >= 9) + 2
    assert queries.distribution(store, "March")[10] == scores.count(10) + 2
    store.close()


def test_counts_survive_reopen_and_match_slow_path(tmp_path: Path) -> None:
    path = tmp_path / "w.cxtui"
    store = Store.open(path, create=True)
    repo.import_parsed(store, "A", parse_file(_csv(tmp_path, [10, 9, 8, 7, 6, 0])))
    store.close()
    store = Store.open(path)
    fast = queries.summary(store, "A")
    # The same question asked of the answers themselves (one segment = all of them here).
    slow = queries.summary(store, "A", segment="")
    assert (fast.counts, fast.n) == (slow.counts, slow.n) == (fast.counts, 6)
    store.close()
