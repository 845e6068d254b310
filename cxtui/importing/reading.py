"""From a file to rows of text: bytes, encoding, delimiter, CSV or XLSX.

Every failure here becomes an InputError with one line naming the file: a survey export the
user picked by hand must never end in a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

from cxtui.errors import InputError
from cxtui.i18n import t

Row = list[str]

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: Excel 97-2003 .xls
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fail(key: str, path: str, field: str = "file", **values: object) -> InputError:
    """An InputError whose message is the one-line string `key` in the current language."""
    message = " ".join(t(key, path=path, **values).split())  # one line, whatever the values hold
    return InputError(message, field=field)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError saying why they cannot be had."""
    name = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise fail("importing.file.missing_file", name) from None
    except IsADirectoryError:
        raise fail("importing.file.is_dir", name) from None
    except OSError as exc:
        raise fail("importing.file.unreadable", name, reason=exc.strerror or type(exc).__name__) from None


def is_xlsx(data: bytes) -> bool:
    """True for a ZIP container, which is what an .xlsx file is."""
    return data.startswith(_XLSX_MAGIC)


def check_not_legacy(data: bytes, name: str) -> None:
    """Refuse an Excel 97-2003 file with a hint instead of decoding it as garbage text."""
    if data.startswith(_XLS_MAGIC):
        raise fail("importing.file.xls_legacy", name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that lost its BOM: every other byte of ASCII-range text is NUL."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2 or 1
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > half * 0.3 and other < half * 0.05 and len(data) % 2 == 0:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with.

    Order matters. A BOM is certain. Then strict UTF-8 before CP932: UTF-8's multi-byte
    sequences are so constrained that CP932 (Shift_JIS) Japanese text almost never passes a
    strict UTF-8 decode, while UTF-8 Japanese often *does* decode as CP932 -- into mojibake.
    CP932 rather than shift_jis, because Japanese Excel writes CP932 (①, ～, NEC specials).
    charset-normalizer is the last resort only: it is slow on big files and guesses poorly on
    short Japanese text, and here the cheap strict decodes settle nearly every real export.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"), name), "utf-8-sig"
        except UnicodeDecodeError:
            raise fail("importing.file.unknown_encoding", name) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), name), "utf-16"
        except UnicodeDecodeError:
            raise fail("importing.file.unknown_encoding", name) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise fail("importing.file.binary", name)
        return _checked(text, name), "utf-16"
    for codec in ("utf-8", "cp932"):
        try:
            return _checked(data.decode(codec), name), codec
        except UnicodeDecodeError:
            continue
    return _guess(data, name)


# Among near-equal guesses, these win: cp1252 is what Excel outside Japan saves as "CSV" in the
# West, euc_jp what older Japanese Unix tools write. Short texts leave charset-normalizer torn
# between many single-byte code pages (it picks cp775 for French), and these are the likely ones.
_PREFERRED = ("cp1252", "euc_jp")


def _guess(data: bytes, name: str) -> tuple[str, str]:
    try:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
    except Exception:  # a third-party guesser: any failure just means "unknown encoding"
        matches = []
    if not matches:
        raise fail("importing.file.unknown_encoding", name)
    best = matches[0]
    for match in matches:
        if match.chaos <= best.chaos + 0.03:
            for codec in _PREFERRED:
                if codec in match.could_be_from_charset:
                    try:
                        return _checked(data.decode(codec), name), codec
                    except UnicodeDecodeError:
                        continue
    return _checked(str(best), name), str(best.encoding)


def _checked(text: str, name: str) -> str:
    """Reject text that is really binary: control characters do not occur in survey exports."""
    head = text[:65536]
    if "\x00" in text or len(_CONTROL_RE.findall(head)) > max(2, len(head) // 200):
        raise fail("importing.file.binary", name)
    return text


def sniff_delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever occurs most outside quotes in the first record."""
    counts = {",": 0, "\t": 0, ";": 0}
    quoted = False
    started = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in "\r\n":
            if started:  # end of the first non-empty record
                break
            continue
        elif ch in counts:
            counts[ch] += 1
        started = True
    # Ties go to the comma (the CSV default), then tab (Excel "Unicode text").
    return max((",", "\t", ";"), key=lambda d: counts[d])


def csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    """Records of CSV text (a record may span lines when a quoted cell holds a newline).

    The bare csv.reader, with no generator around it (one less frame per row); the caller
    turns csv.Error into an InputError.
    """
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def xlsx_rows(data: bytes, name: str) -> Iterator[Row]:
    """Rows of the first worksheet as text, one per spreadsheet row from row 1 (gaps included)."""
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign ZIP
        raise fail("importing.file.bad_xlsx", name, reason=type(exc).__name__) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise fail("importing.file.bad_xlsx", name, reason="no worksheet")
        for values in sheet.iter_rows(min_row=1, values_only=True):
            yield [cell_text(v) for v in values]
    except InputError:
        raise
    except Exception as exc:  # damage found while streaming the sheet
        raise fail("importing.file.bad_xlsx", name, reason=type(exc).__name__) from None
    finally:
        workbook.close()
