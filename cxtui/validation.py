"""Turn pydantic validation errors and bad typed values into one translated line naming the field.

Model validators raise `ValueError("field|err.key")` (or `"err.key"` inside a field validator):
the field and an i18n key, so the message can be shown in either language.
"""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from cxtui.errors import InputError
from cxtui.i18n import catalog, t

_PYDANTIC_TYPES = {
    "greater_than": "err.gt",
    "float_parsing": "err.not_number",
    "int_parsing": "err.not_number",
    "date_from_datetime_parsing": "err.not_date",
    "date_parsing": "err.not_date",
    "missing": "err.empty",
}


def explain(exc: ValidationError) -> InputError:
    """The first error of `exc` as an InputError: `field` set, message `Field: what is wrong`."""
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else ""
    message = str(error["msg"]).removeprefix("Value error, ")
    if "|" in message:
        field, key = message.split("|", 1)
        text = t(key)
    elif message in catalog():
        text = t(message)
    elif error["type"] in _PYDANTIC_TYPES:
        text = t(_PYDANTIC_TYPES[error["type"]], **(error.get("ctx") or {}))
    else:
        text = message
    label = t(f"field.{field}") if field else ""
    return InputError(f"{label}: {text}" if label else text, field=field or None)


def parse_number(raw: str, field: str) -> float:
    """A number typed by the user (full-width digits and thousands commas accepted)."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{t('field.' + field)}: {t('err.not_number')}", field=field) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"{t('field.' + field)}: {t('err.not_number')}", field=field)
    return value


def parse_date(raw: str, field: str, label_key: str | None = None) -> date:
    """A date typed as YYYY-MM-DD (or YYYY/MM/DD, full-width digits accepted)."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", raw).strip().replace("/", "-")
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        label = t(label_key or f"field.{field}")
        raise InputError(f"{label}: {t('err.not_date')}", field=field) from None
