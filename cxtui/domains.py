"""The one list of domains. The CLI, the demo, `check`, the report and the locales read it.

A domain is a package `cxtui/<name>/` with, where they apply, the same modules in each:
`models`, `schema` (migration steps, listed in order in `cxtui.db.migrations`), `repo`, `metrics`,
`importers`, `demo` (`add_demo(store, lang, today)`), `report` (`section(store, today)` and its
renderers) and `cli` (`COMMANDS`: click commands or groups). Its strings live in
`cxtui/locales/<name>.py` under keys `<name>.<area>.<item>`. Adding a domain means adding that
package plus one line below (and its migration steps to `cxtui.db.migrations.STEPS`).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Domain:
    """A domain: its package name (also its locale file and key prefix) and its tables."""

    name: str
    # Every table the domain owns, parents before children: `check` counts their rows in this order.
    tables: tuple[str, ...]


DOMAINS: tuple[Domain, ...] = (
    Domain("okr", ("periods", "objectives", "key_results", "checkins")),
    Domain("nps", ("surveys", "imports", "responses", "followups")),
    Domain("kpi", ("kpis", "kpi_imports", "kpi_values", "evidence")),
    Domain("loyalty", ("loyalty_imports", "loyalty_months", "rox_deals")),
    Domain("cycles", ("cycles", "cycle_kpis")),
    Domain("review", ("reviews", "review_items")),
)


def part(domain: Domain, name: str) -> ModuleType | None:
    """The module `cxtui.<domain>.<name>` (e.g. its `demo` or `report`), or None if it has none."""
    qualified = f"cxtui.{domain.name}.{name}"
    if importlib.util.find_spec(qualified) is None:
        return None
    return importlib.import_module(qualified)


def parts(name: str) -> list[tuple[Domain, ModuleType]]:
    """Every domain's module `name`, in the order of DOMAINS (domains without one are left out)."""
    found = []
    for domain in DOMAINS:
        module = part(domain, name)
        if module is not None:
            found.append((domain, module))
    return found


def all_tables() -> list[str]:
    """Every domain table, in the order of DOMAINS."""
    return [table for domain in DOMAINS for table in domain.tables]
