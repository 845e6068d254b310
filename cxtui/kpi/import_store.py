"""Storing a parsed KPI file (`cxtui.kpi.importers` reads it): one transaction and one undo step,
a batch at a time, every value checked against the file's earlier values and the workspace's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.gcpause import gc_paused
from cxtui.i18n import t
from cxtui.ids import new_ids, utc_now
from cxtui.importing.table import RejectedRow, raw_line, shown
from cxtui.importing.values import norm
from cxtui.kpi.importers import Candidate, ParsedKpiFile, parse_file
from cxtui.kpi.models import LAYER_CADENCE, LAYER_MODELS, Kpi, Source
from cxtui.kpi.repo import kpis, layer_model
from cxtui.models import to_row
from cxtui.validation import checked


class AlreadyImportedError(InputError):
    """The same file (same SHA-256) was already imported; nothing was changed."""

    exit_code = 1


@dataclass
class KpiImportResult:
    """What an import stored and what it left out, line by line."""

    source: str
    encoding: str
    layout: str
    imported: int
    kpis: int  # KPIs that received values
    created: list[str]  # names of KPIs created (create_missing)
    skipped: list[int]
    rejected: list[RejectedRow]
    import_id: str | None  # None when nothing was stored


class _NothingStored(Exception):
    """No value of the file could be stored: the import's transaction is rolled back."""


def import_parsed(
    store: Store, parsed: ParsedKpiFile, *, create_missing: bool = False, layer: str | None = None
) -> KpiImportResult:
    """Store the values of a parsed file as ONE transaction and one undo step, BATCH_ROWS at a time.

    AlreadyImportedError when a file with the same SHA-256 was imported before. Unknown KPI names
    are rejected row by row, or created in `layer` (default: the first layer of the workspace's
    model) with `create_missing`. Nothing is recorded when no value could be stored, so the file
    can be imported again once fixed (or with `create_missing`).
    """
    done = store.rows("SELECT source, imported_at FROM kpi_imports WHERE sha256 = ?", [parsed.sha256])
    if done:
        raise AlreadyImportedError(
            t("kpi.import.already", source=parsed.source, when=str(done[0]["imported_at"])[:10],
              first=done[0]["source"]),
            field="source",
        )  # fmt: skip
    model = layer_model(store)
    new_layer = layer or LAYER_MODELS[model][0]
    if new_layer not in LAYER_MODELS["3"] + LAYER_MODELS["4"]:
        raise InputError(t("kpi.err.bad_layer_name", layer=new_layer), field="layer")
    known: dict[str, Kpi] = {}
    for kpi in kpis(store):
        known.setdefault(norm(kpi.name), kpi)
    rejected: list[RejectedRow] = []  # besides the rows the reading rejected (parsed.rejected)
    created: list[Kpi] = []
    used: set[str] = set()
    stamp = utc_now()
    import_id = new_ids(1)[0]
    stored = 0
    keys: dict[str, str] = {}  # a file repeats its KPI names: fold each once
    try:
        with gc_paused(), store.action(t("kpi.act.import", source=parsed.source)):
            store.insert_row(
                "kpi_imports",
                {"id": import_id, "sha256": parsed.sha256, "source": parsed.source,
                 "encoding": parsed.encoding, "layout": parsed.layout, "imported": 0, "rejected": 0,
                 "imported_at": stamp},
            )  # fmt: skip
            seen = _Seen(store, import_id)
            for batch in parsed.batches():
                values: list[tuple[Candidate, Kpi]] = []
                for item in batch:
                    key = keys.get(item.name)
                    if key is None:
                        key = keys[item.name] = norm(item.name)
                    found = known.get(key)
                    if found is None:
                        if not create_missing:
                            reason = t("kpi.import.unknown_kpi", name=shown(item.name))
                            rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                            continue
                        found = checked(
                            Kpi(name=item.name, layer=new_layer, cadence=LAYER_CADENCE[new_layer], position=0)
                        )
                        _insert_created(store, [found])
                        known[key] = found
                        created.append(found)
                    if found.source is not Source.typed:
                        reason = t(
                            "kpi.import.derived",
                            name=shown(found.name),
                            source=t(f"kpi.source.{found.source.value}"),
                        )
                        rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                        continue
                    values.append((item, found))
                rows = []
                for item, kpi in seen.new_values(values, rejected):
                    rows.append(
                        {"id": "", "kpi_id": kpi.id, "date": item.day, "value": item.value,
                         "note": item.note, "import_id": import_id, "created": stamp, "updated": stamp}
                    )  # fmt: skip
                    used.add(kpi.id)
                for pk, row in zip(new_ids(len(rows)), rows, strict=True):
                    row["id"] = pk
                store.insert_rows("kpi_values", rows, bulk=("import_id", import_id))
                stored += len(rows)
            seen.close()
            if not stored:
                raise _NothingStored
            store.update_row(
                "kpi_imports",
                import_id,
                {"imported": stored, "rejected": len(rejected) + len(parsed.rejected)},
            )
    except _NothingStored:
        import_id, created, used = "", [], set()
    every_rejected = sorted([*parsed.rejected, *rejected], key=lambda r: r.line)
    return KpiImportResult(
        parsed.source,
        parsed.encoding,
        parsed.layout,
        stored,
        len(used),
        [kpi.name for kpi in created],
        parsed.skipped,
        every_rejected,
        import_id or None,
    )


class _Seen:
    """The (KPI, date) pairs this import stored, with their lines, kept in a TEMP table: a
    million-row file must not hold a million pairs in memory. Each batch is checked against them
    (a second value in the file) and against the values already in the workspace."""

    def __init__(self, store: Store, import_id: str) -> None:
        self.conn = store.db.conn
        self.import_id = import_id
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS kpi_import_seen "
            "(kpi_id TEXT, date TEXT, line INTEGER, PRIMARY KEY (kpi_id, date)) WITHOUT ROWID"
        )
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS kpi_import_batch (kpi_id TEXT, date TEXT, line INTEGER)"
        )
        self.conn.execute("DELETE FROM temp.kpi_import_seen")

    def new_values(
        self, values: list[tuple[Candidate, Kpi]], rejected: list[RejectedRow]
    ) -> list[tuple[Candidate, Kpi]]:
        """The values of a batch that are a first value for their KPI and date; the others go to
        `rejected` with the line of the first or the value already stored."""
        first_in_batch: dict[tuple[str, str], int] = {}
        unique: list[tuple[Candidate, Kpi]] = []
        for item, kpi in values:
            first = first_in_batch.setdefault((kpi.id, item.day), item.line)
            if first != item.line:
                reason = t("kpi.import.twice", name=shown(kpi.name), date=item.day, first=first)
                rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
                continue
            unique.append((item, kpi))
        conn = self.conn
        conn.execute("DELETE FROM temp.kpi_import_batch")
        conn.executemany(
            "INSERT INTO temp.kpi_import_batch VALUES (?, ?, ?)", [(k.id, i.day, i.line) for i, k in unique]
        )
        earlier = dict(
            conn.execute(
                "SELECT b.line, s.line FROM temp.kpi_import_batch b "
                "JOIN temp.kpi_import_seen s ON s.kpi_id = b.kpi_id AND s.date = b.date"
            ).fetchall()
        )
        stored = dict(
            conn.execute(
                "SELECT b.line, v.value FROM temp.kpi_import_batch b "
                "JOIN main.kpi_values v ON v.kpi_id = b.kpi_id AND v.date = b.date"
            ).fetchall()
        )
        accepted: list[tuple[Candidate, Kpi]] = []
        for item, kpi in unique:
            if item.line in earlier:
                reason = t("kpi.import.twice", name=shown(kpi.name), date=item.day, first=earlier[item.line])
            elif item.line in stored:
                reason = t("kpi.import.exists", name=shown(kpi.name), date=item.day, value=stored[item.line])
            else:
                accepted.append((item, kpi))
                continue
            rejected.append(RejectedRow(item.line, reason, raw_line(item.row)))
        conn.executemany(
            "INSERT INTO temp.kpi_import_seen VALUES (?, ?, ?)", [(k.id, i.day, i.line) for i, k in accepted]
        )
        return accepted

    def close(self) -> None:
        """Empty the TEMP tables (they live as long as the connection)."""
        self.conn.execute("DELETE FROM temp.kpi_import_seen")
        self.conn.execute("DELETE FROM temp.kpi_import_batch")


def _insert_created(store: Store, created: list[Kpi]) -> None:
    positions: dict[str, int] = {}
    for row in store.rows("SELECT layer, max(position) AS top FROM kpis GROUP BY layer"):
        positions[str(row["layer"])] = int(row["top"]) + 1
    for kpi in created:
        kpi.position = positions.get(kpi.layer, 0)
        positions[kpi.layer] = kpi.position + 1
        store.insert_row("kpis", to_row(kpi))


def import_file(
    store: Store,
    path: Path | str,
    *,
    create_missing: bool = False,
    layer: str | None = None,
    source_name: str | None = None,
) -> KpiImportResult:
    """`parse_file` then `import_parsed`."""
    parsed = parse_file(path, source_name=source_name)
    return import_parsed(store, parsed, create_missing=create_missing, layer=layer)
