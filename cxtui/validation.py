"""Validate input with pydantic, and turn its errors and bad typed values into one translated line.

`validated()` is the one way input becomes a model: pydantic coerces and type-checks the fields,
then the model's `check()` applies the domain rules, raising `ValueError("field|err.key")` (the
field and an i18n key, so the message can be shown in either language). Any failure is an
`InputError` naming the field. pydantic is imported on the first validation, not at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from cxtui.errors import InputError
from cxtui.i18n import catalog, t
from cxtui.models import R, Record, values_of

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

_PYDANTIC_TYPES = {
    "float_parsing": "common.err.not_number",
    "int_parsing": "common.err.not_number",
    "date_from_datetime_parsing": "common.err.not_date",
    "date_parsing": "common.err.not_date",
    "missing": "common.err.empty",
}


_ADAPTERS: dict[type[Record], TypeAdapter[Any]] = {}


def _adapter(model: type[Record]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        from typing import Annotated

        from pydantic import AfterValidator, TypeAdapter

        # pydantic checks the dataclass's field types, then runs its domain rules.
        form: Any = Annotated[model, AfterValidator(model.check)]
        adapter = _ADAPTERS[model] = TypeAdapter(form)
    return adapter


def warm(*models: type[Record]) -> None:
    """Build the validators of `models` ahead of their first use (pydantic's import included)."""
    for model in models:
        _adapter(model)


def validated(model: type[R], data: Mapping[str, Any]) -> R:
    """`data` as a `model`, validated by pydantic; raises InputError naming the field at fault."""
    from pydantic import ValidationError

    try:
        return cast(R, _adapter(model).validate_python(dict(data)))
    except ValidationError as exc:
        raise explain(exc) from None


def checked(record: R) -> R:
    """A validated copy of `record` (what the core saves, whoever built the record)."""
    return validated(type(record), values_of(record))


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
    label = t(f"common.field.{field}") if field else ""
    return InputError(f"{label}: {text}" if label else text, field=field or None)


def number_text(value: float) -> str:
    """A stored number as a dialog pre-fills it: exact (parse_number reads it back unchanged)."""
    # Not display rounding: saving a dialog untouched must not change 1,234,567 or 0.125.
    return repr(float(value)).removesuffix(".0")


def parse_number(raw: str, field: str) -> float:
    """A number typed by the user (full-width digits and thousands commas accepted)."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{t('common.field.' + field)}: {t('common.err.not_number')}", field=field) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"{t('common.field.' + field)}: {t('common.err.not_number')}", field=field)
    return value


def parse_date(raw: str, field: str, label_key: str | None = None) -> date:
    """A date typed as YYYY-MM-DD (or YYYY/MM/DD, full-width digits accepted)."""
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", raw).strip().replace("/", "-")
    label = t(label_key or f"common.field.{field}")
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise InputError(f"{label}: {t('common.err.not_date')}", field=field) from None
    check_date(day, field, label)
    return day


def check_date(day: date, field: str, label: str = "") -> None:
    """InputError unless `day` lies within the dates cxtui accepts (1900-01-01..2100-12-31): a year
    0001 or 9999 is a typing error, and would overflow week and quarter arithmetic."""
    from cxtui.importing.limits import DATE_MAX, DATE_MIN

    if not DATE_MIN <= day <= DATE_MAX:
        text = t("common.err.date_range", first=DATE_MIN.isoformat(), last=DATE_MAX.isoformat())
        raise InputError(f"{label}: {text}" if label else f"{day.isoformat()}: {text}", field=field)
