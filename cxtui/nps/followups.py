"""Comments (with their score, segment and category) and the detractor follow-up queue.

Reads and writes take the `Store`; writes (a category set by hand, a follow-up's owner/status/note) take the
`Store` and are each one undo step.
"""

from __future__ import annotations

from typing import Any

from cxtui.db.search import contains
from cxtui.db.store import Store
from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.ids import new_id, utc_now
from cxtui.nps.categories import CATEGORIES
from cxtui.nps.models import FOLLOWUP_STATUSES, CommentRow, FollowupRow, Target
from cxtui.nps.surveys import resolve, scope


def _comment_filters(
    reader: Store,
    target: Target | None,
    category: str | None,
    search: str | None,
    segment: str | None,
    detractors_only: bool = False,
) -> tuple[str, list[Any]]:
    clauses, params = ["r.comment <> ''"], []
    if target is not None:
        where, scope_params = scope(resolve(reader, target), segment, alias="r")
        clauses.append(where)
        params.extend(scope_params)
    elif segment is not None:
        clauses.append("r.segment = ?")
        params.append(segment)
    if category is not None:
        clauses.append("r.category = ?")
        params.append(category)
    if search:
        where, values = contains(["r.comment"], search)
        clauses.append(where)
        params.extend(values)
    if detractors_only:
        clauses.append("r.score <= 6")
    return " AND ".join(clauses), params


def comments(
    reader: Store,
    target: Target | None = None,
    *,
    category: str | None = None,
    search: str | None = None,
    segment: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[CommentRow]:
    """Comments (newest first), filtered by survey, category, segment and a search text."""
    where, params = _comment_filters(reader, target, category, search, segment)
    found = reader.rows(
        "SELECT r.id AS response_id, s.name AS survey, r.score, r.segment, r.category, r.comment, "
        "r.answered_at FROM responses r JOIN surveys s ON s.id = r.survey_id "
        f"WHERE {where} ORDER BY r.answered_at IS NULL, r.answered_at DESC, r.line, r.id "
        "LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return [CommentRow(**row) for row in found]


def comment_count(
    reader: Store,
    target: Target | None = None,
    *,
    category: str | None = None,
    search: str | None = None,
    segment: str | None = None,
) -> int:
    """How many comments `comments()` would page through with the same filters."""
    where, params = _comment_filters(reader, target, category, search, segment)
    return int(reader.rows(f"SELECT COUNT(*) AS n FROM responses r WHERE {where}", params)[0]["n"])


def category_counts(reader: Store, target: Target | None = None) -> list[tuple[str, int]]:
    """(category, number of comments) for the comment filter, most frequent first."""
    where, params = _comment_filters(reader, target, None, None, None)
    found = reader.rows(
        f"SELECT r.category AS category, COUNT(*) AS n FROM responses r WHERE {where} "
        "GROUP BY r.category ORDER BY n DESC, r.category",
        params,
    )
    return [(row["category"], int(row["n"])) for row in found]


def followups(
    reader: Store, target: Target | None = None, status: str | None = None, segment: str | None = None
) -> list[FollowupRow]:
    """Detractors (0–6) who left a comment: open first, then contacted, then resolved; newest first."""
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise InputError(
            t("nps.repo.bad_status", status=status, choices=", ".join(FOLLOWUP_STATUSES)), field="status"
        )
    where, params = _comment_filters(reader, target, None, None, segment, detractors_only=True)
    if status is not None:
        where += " AND COALESCE(f.status, 'open') = ?"
        params.append(status)
    found = reader.rows(
        "SELECT r.id AS response_id, s.name AS survey, r.score, r.segment, r.category, r.comment, "
        "r.answered_at, COALESCE(f.owner, '') AS owner, COALESCE(f.status, 'open') AS status, "
        "COALESCE(f.note, '') AS note, f.updated AS updated "
        "FROM responses r JOIN surveys s ON s.id = r.survey_id "
        "LEFT JOIN followups f ON f.response_id = r.id "
        f"WHERE {where} "
        "ORDER BY CASE COALESCE(f.status, 'open') WHEN 'open' THEN 0 WHEN 'contacted' THEN 1 ELSE 2 END, "
        "r.answered_at IS NULL, r.answered_at DESC, r.line, r.id",
        params,
    )
    return [FollowupRow(**row) for row in found]


# -- writes -------------------------------------------------------------------------------------


def _response(store: Store, response_id: str) -> dict[str, Any]:
    row = store.get_row("responses", response_id)
    if row is None:
        raise InputError(t("nps.repo.response_missing", id=response_id), field="response")
    return row


def set_category(store: Store, response_id: str, category: str) -> None:
    """Set a comment's category by hand (one undo step)."""
    if category not in CATEGORIES:
        raise InputError(
            t("nps.repo.bad_category", category=category, choices=", ".join(CATEGORIES)), field="category"
        )
    _response(store, response_id)
    with store.action(t("nps.act.category")):
        store.update_row("responses", response_id, {"category": category})


def set_followup(
    store: Store,
    response_id: str,
    owner: str | None = None,
    status: str | None = None,
    note: str | None = None,
) -> None:
    """Create or update the follow-up of an answer (one undo step); None leaves a field as it was."""
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise InputError(
            t("nps.repo.bad_status", status=status, choices=", ".join(FOLLOWUP_STATUSES)), field="status"
        )
    _response(store, response_id)
    found = store.rows("SELECT * FROM followups WHERE response_id = ?", [response_id])
    with store.action(t("nps.act.followup")):
        if found:
            changes = {
                k: v.strip() if k != "status" else v
                for k, v in (("owner", owner), ("status", status), ("note", note))
                if v is not None
            }
            if changes:
                store.update_row("followups", found[0]["id"], changes)
            return
        stamp = utc_now()
        store.insert_row(
            "followups",
            {
                "id": new_id(),
                "response_id": response_id,
                "owner": (owner or "").strip(),
                "status": status or "open",
                "note": (note or "").strip(),
                "created": stamp,
                "updated": stamp,
            },
        )
