"""From a file to rows of text: bytes, encoding, delimiter, CSV or XLSX, streamed.

Every failure here becomes an InputError with one line naming the file: a survey export the
user picked by hand must never end in a traceback. Only regular files are read (a FIFO or
/dev/zero would block or never end), within the limits of `cxtui.importing.limits`; rows are
streamed, so memory stays flat however long the file is. Control characters other than tab and
line ends never leave this module (`cxtui.text`).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.importing.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS
from cxtui.text import clean

Row = list[str]

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: Excel 97-2003 .xls
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What is removed from the text stream: C0 controls but tab and line ends, DEL, C1 (CSI, OSC...).
_STREAM_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CHUNK = 1 << 20
_HEAD = 1 << 16

csv.field_size_limit(MAX_CELL_CHARS)


def fail(key: str, path: str, field: str = "file", **values: object) -> InputError:
    """An InputError whose message is the one-line string `key` in the current language."""
    from cxtui.text import clean_line

    message = " ".join(clean_line(t(key, path=path, **values)).split())  # one line, whatever it holds
    return InputError(message, field=field)


def check_file(path: Path) -> int:
    """The size of `path` if it is a regular file within the size limit, else an InputError."""
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("importing.file.missing_file", name) from None
    except OSError as exc:
        raise fail("importing.file.unreadable", name, reason=exc.strerror or type(exc).__name__) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("importing.file.is_dir", name)
    if not stat.S_ISREG(info.st_mode):
        raise fail("importing.file.not_regular", name)
    if info.st_size > MAX_FILE_BYTES:
        raise fail("importing.limit.bytes", name, limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    return info.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes (a regular file within the size limit), or an InputError saying why not."""
    check_file(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(
            "importing.file.unreadable", str(path), reason=exc.strerror or type(exc).__name__
        ) from None


@dataclass
class Scan:
    """What one pass over a file's bytes tells: its hash, its first bytes, whether it is UTF-8."""

    sha256: str
    head: bytes
    size: int
    utf8: bool


def scan_file(path: Path) -> Scan:
    """Hash the file and check it as UTF-8 in one streamed pass (memory stays flat)."""
    size = check_file(path)
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    head = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                if not head:
                    head = chunk[:_HEAD]
                digest.update(chunk)
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
            if utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8 = False
    except OSError as exc:
        raise fail(
            "importing.file.unreadable", str(path), reason=exc.strerror or type(exc).__name__
        ) from None
    return Scan(digest.hexdigest(), head, size, utf8)


def is_xlsx(data: bytes) -> bool:
    """True for a ZIP container, which is what an .xlsx file is."""
    return data.startswith(_XLSX_MAGIC)


def check_not_legacy(data: bytes, name: str) -> None:
    """Refuse an Excel 97-2003 file with a hint instead of decoding it as garbage text."""
    if data.startswith(_XLS_MAGIC):
        raise fail("importing.file.xls_legacy", name)


def _utf16_codec(head: bytes, size: int) -> str | None:
    """UTF-16 text that lost its BOM: every other byte of ASCII-range text is NUL."""
    sample = head[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2 or 1
    for codec, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > half * 0.3 and other < half * 0.05 and size % 2 == 0:
            return codec
    return None


def choose_encoding(path: Path, scan: Scan) -> str:
    """The encoding to read the file with (see `decode` for the order); InputError when none fits,
    or when its lines are in two encodings (UTF-8 and CP932 mixed: either would store mojibake)."""
    name = str(path)
    head = scan.head
    if head.startswith(codecs.BOM_UTF8):
        if not scan.utf8:
            raise fail("importing.file.unknown_encoding", name)
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        codec = _utf16_codec(head, scan.size)
        if codec is None:
            raise fail("importing.file.binary", name)
        return codec
    if scan.utf8:
        return "utf-8"
    utf8_lines, other_lines, cp932_ok = _classify_lines(path)
    if utf8_lines and other_lines:
        raise fail(
            "importing.file.mixed_encoding",
            name,
            utf8=_line_list(utf8_lines),
            other=_line_list(other_lines),
        )
    if cp932_ok:
        return "cp932"
    return _guess(path, head, name)


def _line_list(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:5])
    return shown + (", …" if len(lines) > 5 else "")


def _classify_lines(path: Path) -> tuple[list[int], list[int], bool]:
    """Lines (1-based) that are UTF-8 with non-ASCII text, lines that are not UTF-8, and whether the
    whole file decodes as CP932. At most a few of each are kept: they only go into a message."""
    utf8_lines: list[int] = []
    other_lines: list[int] = []
    decoder = codecs.getincrementaldecoder("cp932")()
    cp932_ok = True
    number = 0
    rest = b""
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(_CHUNK)
            final = not chunk
            data = rest + chunk
            cut = len(data) if final else data.rfind(b"\n") + 1
            rest = data[cut:]
            # Decoded with U+FFFD for what is not UTF-8 (C speed): a line with non-ASCII text and no
            # U+FFFD is UTF-8; a line with U+FFFD is not. "\n" never occurs inside a multi-byte
            # character of UTF-8 or CP932, so the lines are the file's lines.
            text = data[:cut].decode("utf-8", errors="replace")
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            for line in lines:
                number += 1
                if line.isascii():
                    continue
                if "\ufffd" in line:
                    if len(other_lines) < 6:
                        other_lines.append(number)
                elif len(utf8_lines) < 6:
                    utf8_lines.append(number)
            if cp932_ok:
                try:
                    decoder.decode(chunk, final=final)
                except UnicodeDecodeError:
                    cp932_ok = False
            if final:
                break
    return utf8_lines, other_lines, cp932_ok


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of `data` (a whole small file) and the encoding it was read with.

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
        codec = _utf16_codec(data, len(data))
        if codec is None:
            raise fail("importing.file.binary", name)
        try:
            return _checked(data.decode(codec), name), "utf-16"
        except UnicodeDecodeError:
            raise fail("importing.file.binary", name) from None
    for codec in ("utf-8", "cp932"):
        try:
            return _checked(data.decode(codec), name), codec
        except UnicodeDecodeError:
            continue
    codec = _guess_codec(data, name)
    return _checked(data.decode(codec), name), codec


# Among near-equal guesses, these win: cp1252 is what Excel outside Japan saves as "CSV" in the
# West, euc_jp what older Japanese Unix tools write. Short texts leave charset-normalizer torn
# between many single-byte code pages (it picks cp775 for French), and these are the likely ones.
_PREFERRED = ("cp1252", "euc_jp")


def _guess_codec(data: bytes, name: str) -> str:
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
                        data.decode(codec)
                    except UnicodeDecodeError:
                        continue
                    return codec
    return str(best.encoding)


def _guess(path: Path, head: bytes, name: str) -> str:
    """Guess from the first megabyte, then check the whole file decodes that way."""
    with path.open("rb") as handle:
        sample = handle.read(_CHUNK)
    # Do not cut a multi-byte character in two at the end of the sample.
    cut = sample.rfind(b"\n")
    codec = _guess_codec(sample[: cut + 1] if cut > 0 else sample, name)
    try:
        decoder = codecs.getincrementaldecoder(codec)()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError):
        raise fail("importing.file.unknown_encoding", name) from None
    return codec


def _checked(text: str, name: str) -> str:
    """Reject text that is really binary: control characters do not occur in survey exports."""
    head = text[:65536]
    # A few escape sequences in a cell are hostile text, not a binary file: they are removed later.
    if "\x00" in head or len(_CONTROL_RE.findall(head)) > max(16, len(head) // 100):
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


def text_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's text as whole lines (line ends kept, as csv wants them), read a megabyte at a time,
    with control characters removed and every CR (CRLF, or alone) made a newline."""
    name = str(path)
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            pending = ""
            while data := handle.read(_CHUNK):
                chunk = pending + data
                # A CR at the end may be half of a CRLF: keep it with the rest for the next chunk.
                held = "\r" if chunk.endswith("\r") else ""
                chunk = _normalised(chunk[:-1] if held else chunk)
                # Only whole lines go on: csv ends a record at the end of each string it is given.
                cut = chunk.rfind("\n") + 1
                pending = chunk[cut:] + held
                if cut:
                    yield from io.StringIO(chunk[:cut], newline="")
            if pending:
                yield from io.StringIO(_normalised(pending), newline="")
    except UnicodeDecodeError:
        raise fail("importing.file.unknown_encoding", name) from None
    except OSError as exc:
        raise fail("importing.file.unreadable", name, reason=exc.strerror or type(exc).__name__) from None


def _normalised(chunk: str) -> str:
    """Text without control characters; CRLF and a lone CR (old Mac files, or inside a quoted cell)
    become the newline csv reads as a line end or keeps in the cell."""
    if _STREAM_CONTROL.search(chunk):
        chunk = _STREAM_CONTROL.sub("", chunk)
    if "\r" in chunk:
        chunk = chunk.replace("\r\n", "\n").replace("\r", "\n")
    return chunk


def first_text(path: Path, encoding: str) -> str:
    """The first 64 K characters of the file's text (to sniff the delimiter, and to tell binary)."""
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            return handle.read(_HEAD)
    except UnicodeDecodeError:
        raise fail("importing.file.unknown_encoding", str(path)) from None
    except OSError as exc:
        raise fail(
            "importing.file.unreadable", str(path), reason=exc.strerror or type(exc).__name__
        ) from None


def csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    """Records of CSV text (a record may span lines when a quoted cell holds a newline)."""
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def csv_file_rows(path: Path, encoding: str, delimiter: str) -> Iterator[Row]:
    """Records of a CSV file, streamed; a cell over the size limit is an InputError with its line."""
    reader = csv.reader(text_lines(path, encoding), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error:
        raise fail(
            "importing.limit.cell", str(path), line=reader.line_num, limit=f"{MAX_CELL_CHARS:,}"
        ) from None


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV export of it would hold (control characters removed)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


_SHEET_DATA = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheetData"
_ROW = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row"


def _lean_iterparse(original: Any) -> Any:
    """openpyxl's sheet parser clears each <row> it has read but leaves it in <sheetData>: a million
    empty elements (~150 MB). This iterparse drops each row from its parent once it has been read."""

    def iterparse(source: Any, *args: Any, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        if args or kwargs:  # not the sheet parser's plain call: leave it alone
            yield from original(source, *args, **kwargs)
            return
        events = original(source, events=("start", "end"))
        parent = None
        for event, element in events:
            if event == "end":
                yield event, element
            elif element.tag == _SHEET_DATA:
                parent = element
                break
        if parent is None:
            return
        for event, element in events:
            if event == "end":
                yield event, element
                if element.tag == _ROW:
                    del parent[0]  # the row just read: the rows before it are gone already

    iterparse.lean = True  # type: ignore[attr-defined]
    return iterparse


def _use_lean_parser() -> None:
    from openpyxl.worksheet import _reader

    if not getattr(_reader.iterparse, "lean", False):
        _reader.iterparse = _lean_iterparse(_reader.iterparse)


def xlsx_rows(source: bytes | Path, name: str) -> Iterator[Row]:
    """Rows of the first worksheet as text, one per spreadsheet row from row 1 (gaps included).

    The sheet's stated size (`<dimension ref="A1:XFD1048576"/>`) is ignored: openpyxl would pad
    every row to it. Rows are as wide as their last cell, and the row and column limits apply.
    """
    try:
        from openpyxl import load_workbook

        _use_lean_parser()
        workbook = load_workbook(
            io.BytesIO(source) if isinstance(source, bytes) else source, read_only=True, data_only=True
        )
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign ZIP
        raise fail("importing.file.bad_xlsx", name, reason=type(exc).__name__) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise fail("importing.file.bad_xlsx", name, reason="no worksheet")
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            if number > MAX_ROWS:
                raise fail("importing.limit.rows", name, limit=f"{MAX_ROWS:,}")
            if len(values) > MAX_COLUMNS:
                raise fail("importing.limit.columns", name, line=number, limit=f"{MAX_COLUMNS:,}")
            yield [cell_text(v) for v in values]
    except InputError:
        raise
    except Exception as exc:  # damage found while streaming the sheet
        raise fail("importing.file.bad_xlsx", name, reason=type(exc).__name__) from None
    finally:
        workbook.close()
