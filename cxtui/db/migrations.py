"""THE ordered, append-only list of schema migrations, applied with sqlite-utils `Migrations`.

Each step's SQL lives in its domain (`cxtui/<domain>/schema.py`); this list fixes the order across
domains. Append new steps at the end; never edit, rename or reorder an applied one. The schema
version is the number of steps, stored in `PRAGMA user_version` so a newer file is spotted before
any write.

Only names are listed, so opening an up-to-date workspace imports neither the domains' schema
modules nor sqlite-utils (its import is ~60 ms of a ~150 ms start-up).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# "CXTU" in ASCII, so `check` can tell a cxtui workspace from any other SQLite file.
APPLICATION_ID = 0x43585455

MigrationFn = Callable[["Database"], None]

# (domain, step): the function `step` of `cxtui.<domain>.schema`.
STEPS: tuple[tuple[str, str], ...] = (
    ("okr", "m001_okr"),
    ("nps", "m002_nps"),
    ("nps", "m003_nps_counts"),
    ("kpi", "m004_kpi"),
    ("loyalty", "m005_loyalty"),
    ("cycles", "m006_cycles"),
    ("review", "m007_review"),
    ("nps", "m008_nps_counts_no_zero"),
)


def known_migrations() -> list[str]:
    """Names of every migration this version of cxtui knows, in order."""
    return [name for _, name in STEPS]


def schema_version() -> int:
    """The schema version this cxtui writes: the number of migrations it knows."""
    return len(STEPS)


def step_function(domain: str, name: str) -> MigrationFn:
    """The migration function `name` of `domain`'s schema module."""
    function: MigrationFn = getattr(importlib.import_module(f"cxtui.{domain}.schema"), name)
    return function


def build_migrations() -> Migrations:
    """The sqlite-utils migration set (imports sqlite-utils and every domain's schema)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("cxtui")
    for domain, name in STEPS:
        migrations(name=name)(step_function(domain, name))
    return migrations
