"""The loyalty and ROX sections of the report: monthly figures with LTV, and ROX by month.

JSON (keys are added, never renamed; rates in percent, exact; null where there is nothing to divide)::

    "loyalty": {
      "formula": str,                  # how LTV and the estimate are computed
      "months": [                      # oldest first; `loyalty show --json`'s objects
        {"month": "YYYY-MM", "repurchase_rate", "referrals", "churn_rate",
         "months_retained",            # as entered, or 100 / churn_rate when it was blank
         "months_retained_estimated": bool, "average_spend",
         "ltv",                        # average_spend × months_retained
         "months_retained_entered", "note"}
      ]
    },
    "rox": {
      "formula": str,                  # favourable, ROX rate and the win rates
      "months": [                      # oldest first, months without deals between included
        {"month", "deals", "favourable", "rate",            # rate = 100 × favourable / deals
         "came_by_name", "already_understood", "no_price_negotiation",   # counts of each signal
         "won_favourable", "decided_favourable", "won_other", "decided_other",  # decided = won + lost
         "came_by_name_share", "already_understood_share", "no_price_negotiation_share",
         "open", "win_rate_favourable", "win_rate_other", "win_rate_gap"}
      ],
      "total": {... the same keys, "month": "total"}
    }
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty import repo
from cxtui.loyalty.cells import loyalty_cells, loyalty_headers, rox_cells, rox_headers
from cxtui.loyalty.metrics import total
from cxtui.page import h, html_row, md_escape, md_table

Data = dict[str, Any]


def loyalty_data(store: Store) -> Data:
    """The `loyalty` object: every month with its LTV (`loyalty show --json` plus the formula)."""
    return {"formula": t("loyalty.formula.ltv"), "months": [f.to_json() for f in repo.month_figures(store)]}


def rox_data(store: Store) -> Data:
    """The `rox` object: ROX by month and in total (`rox show --json` plus the formula)."""
    months = loyalty_queries.rox_by_month(store)
    return {
        "formula": t("loyalty.formula.rox"),
        "months": [m.to_json() for m in months],
        "total": total(months).to_json(),
    }


def section(store: Store, today: date, period_name: str | None = None) -> Data:
    """The report's "loyalty" and "rox" keys (every recorded month: they are not tied to a period)."""
    return {"loyalty": loyalty_data(store), "rox": rox_data(store)}


# -- Markdown --------------------------------------------------------------------------------------


def markdown(data: Data) -> list[str]:
    """Both sections in Markdown: a table each, the estimate marked, the formulas under them."""
    loyalty, rox = data["loyalty"], data["rox"]
    out = [f"## {t('loyalty.report.loyalty_title')}", ""]
    if loyalty["months"]:
        rows = [loyalty_cells(m) for m in loyalty["months"]]
        out += md_table(loyalty_headers(), rows, right={1, 2, 3, 4, 5, 6})
    else:
        out.append(t("loyalty.report.no_months"))
    out += ["", md_escape(loyalty["formula"]), "", f"## {t('loyalty.report.rox_title')}", ""]
    if rox["months"]:
        rows = [rox_cells(m) for m in [*rox["months"], rox["total"]]]
        out += md_table(rox_headers(), rows, right=set(range(1, 9)))
    else:
        out.append(t("loyalty.report.no_deals"))
    out += ["", md_escape(rox["formula"]), ""]
    return out


# -- HTML ------------------------------------------------------------------------------------------


def _html_table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    out = ["<table>", html_row([h(c) for c in headers], numeric, "th")]
    out += [html_row([h(c) for c in row], numeric) for row in rows]
    out.append("</table>")
    return out


def html(data: Data) -> list[str]:
    """Both sections in HTML; every text from the workspace is escaped."""
    loyalty, rox = data["loyalty"], data["rox"]
    out = [f"<h2>{h(t('loyalty.report.loyalty_title'))}</h2>"]
    if loyalty["months"]:
        rows = [loyalty_cells(m) for m in loyalty["months"]]
        out += _html_table(loyalty_headers(), rows, {1, 2, 3, 4, 5, 6})
    else:
        out.append(f"<p>{h(t('loyalty.report.no_months'))}</p>")
    out.append(f'<p class="note">{h(loyalty["formula"])}</p>')
    out.append(f"<h2>{h(t('loyalty.report.rox_title'))}</h2>")
    if rox["months"]:
        rows = [rox_cells(m) for m in [*rox["months"], rox["total"]]]
        out += _html_table(rox_headers(), rows, set(range(1, 9)))
    else:
        out.append(f"<p>{h(t('loyalty.report.no_deals'))}</p>")
    out.append(f'<p class="note">{h(rox["formula"])}</p>')
    return out
