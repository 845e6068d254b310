"""Fuzz the KPI, monthly-loyalty and ROX importers as the NPS one is fuzzed: any bytes, any text with
markup and control characters, parse or refuse in one line, never a traceback or a raw escape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui.errors import InputError
from cxtui.kpi.importers import parse_file as parse_kpis
from cxtui.loyalty.importers import parse_deals, parse_months

PARSERS: dict[str, Callable[..., Any]] = {"kpi": parse_kpis, "months": parse_months, "deals": parse_deals}
HEADERS = [
    "date,kpi,value\n", "date,Walk-aways,NPS\n", "month,referrals,churn rate\n", "月,紹介数\n",
    "date,name,came by name,outcome\n", "日付,案件,指名,結果\n", "",
]  # fmt: skip
HOSTILE = st.text(
    alphabet='0123456789,;\t\n\r" -/.%円年月[]/@=+\x1b\x9b\x07]0;PWN\\yesno○×受注', max_size=300
)
CONTROL = ("\x1b", "\x9b", "\x07")


def _parse(parser: str, path: Path) -> list[str]:
    """The reasons of every rejected row, or the one-line error."""
    try:
        parsed = PARSERS[parser](path)
        if parser == "kpi":  # the KPI importer reads its rows as the import asks for them
            for _batch in parsed.batches():
                pass
    except InputError as exc:
        assert "\n" not in exc.message
        return [exc.message]
    return [row.reason for row in parsed.rejected]


@pytest.mark.parametrize("parser", sorted(PARSERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".csv", ".xlsx"]), zip_magic=st.booleans())
def test_any_bytes_parse_or_refuse_in_one_line(
    tmp_path: Path, parser: str, data: bytes, suffix: str, zip_magic: bool
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes((b"PK\x03\x04" if zip_magic else b"") + data)
    _parse(parser, path)


@pytest.mark.parametrize("parser", sorted(PARSERS))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.sampled_from(HEADERS), body=HOSTILE, encoding=st.sampled_from(["utf-8", "cp932", "utf-16"]))
def test_hostile_text_never_reaches_a_message_raw(
    tmp_path: Path, parser: str, header: str, body: str, encoding: str
) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes((header + body).encode(encoding, errors="replace"))
    for reason in _parse(parser, path):
        assert not any(c in reason for c in CONTROL), reason
