"""Which survey tool wrote the file, how many header rows it has, and which column plays which role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cxtui.i18n import t
from cxtui.importing.reading import Row, fail
from cxtui.importing.values import norm
from cxtui.nps.importers.values import SCORE_BLANK, looks_like_value, parse_score

GOOGLE_FIRST = {"timestamp", "タイムスタンプ", "marca temporal", "horodateur", "zeitstempel"}
SURVEYMONKEY_LABELS = {"response", "open-ended response", "回答", "自由回答"}
TYPEFORM_MARKS = {"submit date (utc)", "start date (utc)", "network id"}
MSFORMS_MARKS = {"completion time", "完了時刻"}

# Columns the tools add about the respondent or the session, never answers: not candidates for
# score/comment/segment, and not kept as extra answers (they include personal data).
METADATA = {
    # Google Forms
    "timestamp", "タイムスタンプ", "email address", "メールアドレス",
    # Microsoft Forms
    "id", "start time", "completion time", "email", "name", "last modified time",
    "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻",
    # SurveyMonkey
    "respondent id", "collector id", "start date", "end date", "ip address", "first name",
    "last name", "custom data 1", "custom data",
    # Typeform
    "#", "start date (utc)", "submit date (utc)", "stage date (utc)", "network id", "tags", "ending",
    "response type",
    # Qualtrics (short ids and their question-text row)
    "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
    "recordeddate", "recorded date", "responseid", "response id", "recipientlastname",
    "recipientfirstname", "recipientemail", "recipient last name", "recipient first name",
    "recipient email", "externalreference", "externaldatareference", "external data reference",
    "locationlatitude", "locationlongitude", "location latitude", "location longitude",
    "distributionchannel", "distribution channel", "userlanguage", "user language",
    "q_recaptchascore", "q_relevantidduplicate", "q_relevantidduplicatescore",
    "q_relevantidfraudscore", "q_relevantidlaststartdate",
}  # fmt: skip

# A header that speaks of recommending. Tier 1 is specific; "likely" alone also fits
# "how likely are you to come back", so it only counts when nothing specific is found.
SCORE_WORDS_1 = ("recommend", "勧め", "すすめ", "薦め", "推奨", "net promoter", "nps")
SCORE_WORDS_2 = ("likely", "可能性", "紹介")
SCORE_NAMES = {"score", "スコア", "点数", "nps", "推奨度"}
COMMENT_WORDS = (
    "comment", "reason", "why", "feedback", "open-ended", "理由", "コメント", "意見", "感想", "要望",
    "自由",
)  # fmt: skip
SEGMENT_NAMES = {
    "segment", "store", "shop", "branch", "channel", "region", "product", "location", "group",
    "セグメント", "店舗", "店", "支店", "チャネル", "チャンネル", "地域", "商品", "拠点",
}  # fmt: skip
# Words in a question that asks where or through what the customer came (matched inside the header).
SEGMENT_WORDS = (
    "store", "shop", "branch", "location", "channel", "region", "outlet", "which product",
    "店舗", "支店", "チャネル", "チャンネル", "地域", "拠点", "ご利用の店", "利用した店", "どの店",
)  # fmt: skip
DATE_NAMES = {
    "date", "answered_at", "answered at", "timestamp", "time", "datetime", "submitted", "submitted at",
    "created_at", "日付", "日時", "回答日", "回答日時", "タイムスタンプ",
}  # fmt: skip
# Where each tool writes when the answer was submitted, best first.
LAYOUT_DATES = {
    "microsoft_forms": ("completion time", "完了時刻", "start time", "開始時刻"),
    "surveymonkey": ("end date", "start date"),
    "typeform": ("submit date (utc)", "start date (utc)"),
    "qualtrics": ("recordeddate", "enddate", "startdate"),
}


@dataclass
class Layout:
    """The file's shape: tool, header rows, one display header and the matchable names per column."""

    name: str
    header_rows: int
    headers: list[str]
    names: list[set[str]]

    def find(self, candidates: Sequence[str]) -> int | None:
        """The first column (in `candidates` order) one of whose names is a candidate."""
        for wanted in candidates:
            for i, names in enumerate(self.names):
                if wanted in names:
                    return i
        return None

    def is_metadata(self, i: int) -> bool:
        """True for a column the tool adds (ids, times, e-mail...) or Qualtrics' NPS group."""
        return any(n in METADATA or n.endswith("nps_group") for n in self.names[i])

    def text(self, i: int) -> str:
        """Every name of a column in one string, for keyword search."""
        return " ".join(sorted(self.names[i]))


def _cell(row: Row, i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _display(headers: list[str]) -> list[str]:
    return [h or t("nps.import.column_n", n=i + 1) for i, h in enumerate(headers)]


def detect_layout(head: list[Row], width: int) -> Layout:
    """Recognise the export from its first (up to three) non-blank rows."""
    first = head[0]
    second = head[1] if len(head) > 1 else []
    r1 = [norm(c) for c in first]
    r2 = [norm(c) for c in second]

    if len(head) >= 3 and any("importid" in norm(c) for c in head[2]):
        # Qualtrics: short ids, question text, {"ImportId": ...}.
        tops = [_cell(first, i) for i in range(width)]
        texts = [_cell(second, i) for i in range(width)]
        headers = _display([x or y for x, y in zip(texts, tops, strict=True)])
        names = [{norm(x), norm(y), norm(h)} - {""} for x, y, h in zip(tops, texts, headers, strict=True)]
        return Layout("qualtrics", 3, headers, names)

    sm_labels = any(c in SURVEYMONKEY_LABELS for c in r2)
    if second and (
        ("respondent id" in r1 and (sm_labels or not _cell(second, r1.index("respondent id"))))
        or (sm_labels and not any(isinstance(parse_score(c), int) and c.strip() for c in second))
    ):
        # SurveyMonkey: question text (blank over a question's later columns), then sub-labels.
        headers, names = [], []
        carry = ""
        for i in range(width):
            top, sub = _cell(first, i), _cell(second, i)
            carry = top or carry
            if sub and norm(sub) not in SURVEYMONKEY_LABELS:
                shown = f"{carry} - {sub}" if carry else sub  # one option of a multi-column question
            elif sub:
                shown = top or carry  # "Response" / "Open-Ended Response" under the question
            else:
                shown = top  # metadata columns have no sub-label
            headers.append(shown)
            names.append({norm(top), norm(sub), norm(shown)} - {""})
        headers = _display(headers)
        return Layout("surveymonkey", 2, headers, names)

    headers = _display([_cell(first, i) for i in range(width)])
    names = [{norm(h)} for h in headers]
    if r1 and r1[0] == "#" and any(c in TYPEFORM_MARKS for c in r1):
        return Layout("typeform", 1, headers, names)
    if any(c in MSFORMS_MARKS for c in r1):
        return Layout("microsoft_forms", 1, headers, names)
    if r1 and r1[0] in GOOGLE_FIRST:
        return Layout("google_forms", 1, headers, names)
    if all(looks_like_value(c) for c in first):
        # No header at all (e.g. scores typed one per line): the first row is data.
        headers = _display([""] * width)
        return Layout("plain", 0, headers, [{norm(h)} for h in headers])
    return Layout("plain", 1, headers, names)


def resolve(layout: Layout, given: str | int, path: str, field: str) -> int:
    """The column a user named, by header (any header row) or by 1-based position."""
    if isinstance(given, str):
        wanted = norm(given)
        for i, names in enumerate(layout.names):
            if wanted in names:
                return i
        # A column number has a few digits; int() of thousands of them would raise.
        position = int(wanted) if wanted.isdecimal() and len(wanted) <= 6 else 0
    else:
        position = given
    if 1 <= position <= len(layout.headers):
        return position - 1
    raise fail("nps.import.column_not_found", path, field, column=given, columns=column_list(layout))


def column_list(layout: Layout, limit: int = 40) -> str:
    """The headers with their numbers, whole (so one can be pasted into --score-column), for an error
    message: `1 "Timestamp", 2 "How likely are you to recommend us?"`."""
    shown = [f'{i} "{h}"' for i, h in enumerate(layout.headers[:limit], start=1)]
    more = len(layout.headers) - limit
    return ", ".join(shown) + (t("nps.import.more_columns", n=more) if more > 0 else "")


def _score_share(sample: list[Row], i: int) -> tuple[float, set[int]]:
    """Share of the column's non-blank sampled cells that read as 0–10, and the scores seen."""
    seen: set[int] = set()
    filled = good = 0
    for row in sample:
        if i < len(row):
            score = parse_score(row[i])
            if score == SCORE_BLANK:
                continue
            filled += 1
            if isinstance(score, int):
                good += 1
                seen.add(score)
    return (good / filled if filled else 1.0), seen


def find_score(layout: Layout, sample: list[Row]) -> int | None:
    """The score column: a header that speaks of recommending, else a column of 0–10 answers.

    Question-text keywords need the column to hold (mostly) scores, since "Why would you recommend
    us?" is a comment. A column named exactly "score" / "点数" / "NPS" is trusted as it is, so its
    bad cells are rejected row by row rather than hiding the column. By values alone, a column
    whose answers all lie in 1–5 is a satisfaction scale, not NPS.
    """
    columns = [i for i in range(len(layout.headers)) if not layout.is_metadata(i)]

    def by_words(words: tuple[str, ...]) -> int | None:
        best: tuple[float, int] | None = None
        for i in columns:
            text = layout.text(i)
            if any(w in text for w in words):
                share, _ = _score_share(sample, i)
                if share >= 0.5 and (best is None or share > best[0]):
                    best = (share, i)
        return None if best is None else best[1]

    found = by_words(SCORE_WORDS_1)
    if found is None:
        found = next((i for i in columns if layout.names[i] & SCORE_NAMES), None)
    if found is None:
        found = by_words(SCORE_WORDS_2)
    if found is not None:
        return found
    ranked: list[tuple[float, int, int]] = []
    for i in columns:
        share, seen = _score_share(sample, i)
        if seen and share >= 0.8 and not seen <= {1, 2, 3, 4, 5}:
            ranked.append((share, len(seen), -i))
    return -max(ranked)[2] if ranked else None


def find_comment(layout: Layout, score: int, taken: set[int]) -> int | None:
    """The free-text reason column: a header such as comment / reason / 理由, nearest after the score."""
    found = [
        i
        for i in range(len(layout.headers))
        if i not in taken and not layout.is_metadata(i) and any(w in layout.text(i) for w in COMMENT_WORDS)
    ]
    after = [i for i in found if i > score]
    return after[0] if after else found[0] if found else None


def find_segment(layout: Layout, taken: set[int], sample: list[Row] | None = None) -> int | None:
    """A segment column: named like one (store, channel, 店舗...), else a question that asks about one
    ("Which store did you visit?", "ご利用の店舗") whose answers are a few repeated short values."""
    for i, names in enumerate(layout.names):
        if i not in taken and names & SEGMENT_NAMES:
            return i
    for i in range(len(layout.headers)):
        if i in taken or layout.is_metadata(i):
            continue
        if layout.name == "surveymonkey" and " - " in layout.headers[i]:
            continue  # one option of a multi-column question, not the answer itself
        text = layout.text(i)
        if any(word in text for word in SEGMENT_WORDS) and _categorical(sample or [], i):
            return i
    return None


def _categorical(sample: list[Row], i: int) -> bool:
    """Whether a column's sampled answers look like categories: short, not numbers, repeated."""
    values = [row[i].strip() for row in sample if i < len(row) and row[i].strip()]
    if not values:
        return True  # nothing answered yet: trust the question
    if any(len(v) > 40 or looks_like_value(v) for v in values):
        return False
    return len(set(values)) <= max(1, len(values) // 2) or len(set(values)) <= 20


def find_date(layout: Layout, taken: set[int]) -> int | None:
    """When the answer was given: the tool's submit-time column, or a column named like a date."""
    found = 0 if layout.name == "google_forms" else layout.find(LAYOUT_DATES.get(layout.name, ()))
    if found is None:
        found = next((i for i, names in enumerate(layout.names) if names & DATE_NAMES), None)
    return None if found in taken else found
