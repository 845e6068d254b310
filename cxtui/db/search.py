"""Searching text columns for what the user typed, literally."""

from __future__ import annotations


def contains(columns: list[str], text: str) -> tuple[str, list[str]]:
    """A WHERE clause (and its parameters) true when any of `columns` contains `text` literally.

    LIKE with an escape character: a search for "100%" finds "100%", not every row, and "_" is an
    underscore, not "any character".
    """
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    clause = " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns)
    return f"({clause})", [f"%{escaped}%"] * len(columns)
