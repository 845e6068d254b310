"""NPS part of the demo workspace: a café chain with three stores and six months of answers.

About 600 answers to seed 002's next-week 2-minute survey. In month 4 the chain starts an
improvement (a greeting at the door and mobile pre-ordering to cut the queue): NPS rises clearly in
the first two stores and not in the third, where it was never rolled out properly. Shares are
fixed per store and month and only the order is random, so "before" vs "after" is a significant
rise in stores A and B and no real change in C whatever the random generator does.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from cxtui.i18n import t
from cxtui.nps.followups import set_followup
from cxtui.nps.models import ManualEntry
from cxtui.nps.repo import add_manual_scores
from cxtui.nps.surveys import create_range_survey, create_survey
from cxtui.nps.templates import TEMPLATES

if TYPE_CHECKING:
    from cxtui.db.store import Store

SEED = 2002
MONTHS = 6
IMPROVEMENT_MONTH = 4
PER_STORE_MONTH = 33  # 3 stores × 6 months × 33 = 594 answers
COMMENT_SHARE = 0.55

# (promoter, detractor) shares by month 1..6; the rest are passives.
_SHARES = {
    "A": [(0.34, 0.30), (0.35, 0.31), (0.33, 0.30), (0.48, 0.18), (0.56, 0.13), (0.60, 0.12)],
    "B": [(0.36, 0.28), (0.33, 0.30), (0.36, 0.30), (0.45, 0.20), (0.52, 0.15), (0.55, 0.13)],
    "C": [(0.36, 0.30), (0.34, 0.30), (0.35, 0.31), (0.36, 0.30), (0.38, 0.28), (0.37, 0.30)],
}

_STORES = {
    "A": ("Station", "駅前店"),
    "B": ("Park Street", "公園通り店"),
    "C": ("Harbour", "港町店"),
}

_TEXT = {
    "survey": ("Café next-week survey", "カフェ 翌週2分アンケート"),
    "before": ("Café before (months 1–3)", "カフェ 施策前(1〜3か月目)"),
    "after": ("Café after (months 4–6)", "カフェ 施策後(4〜6か月目)"),
}

# Comments by group, each (english, japanese); categories come from the keyword rules.
_COMMENTS: dict[str, list[tuple[str, str]]] = {
    "detractor": [
        ("Had to wait 15 minutes for one latte.", "注文から15分も待たされた。ラテ1杯なのに。"),
        ("The queue at lunchtime is far too long.", "昼の行列が長すぎる。"),
        ("Staff seemed annoyed when I asked a question.", "質問したら店員さんが面倒そうだった。"),
        ("Nobody said hello, the staff ignored us.", "スタッフの対応がそっけなく、挨拶もなかった。"),
        ("Too expensive for what you get.", "この内容で価格が高いと思う。"),
        ("The coffee was lukewarm and bitter.", "コーヒーがぬるくて苦かった。"),
        ("Noisy and the seats were dirty.", "店内がうるさく、席も汚れていた。"),
        ("Slow service again, I gave up and left.", "また提供が遅く、待ちきれずに帰った。"),
        ("Prices went up but nothing else changed.", "値上げしたのに何も変わっていない。"),
    ],
    "passive": [
        ("Good coffee, but the wait is a bit long.", "コーヒーは美味しいが、少し待ち時間が長い。"),
        ("Fine. Nothing special about the atmosphere.", "雰囲気は普通。特に印象なし。"),
        ("Decent cake, a little pricey.", "ケーキはまあまあ、値段が少し高め。"),
        ("Staff were OK, a bit busy.", "スタッフは悪くないが忙しそうだった。"),
        ("Comfortable seats, but hard to find one.", "居心地はいいが席が空いていない。"),
    ],
    "promoter": [
        ("The staff greeted me by name, lovely.", "スタッフが名前で挨拶してくれて嬉しかった。"),
        ("Pre-ordered on my phone, no waiting at all.", "スマホで事前注文したら待ち時間ゼロだった。"),
        ("Best coffee in town, the new blend is great.", "コーヒーが美味しい。新しいブレンドが最高。"),
        ("Quiet, cozy atmosphere to work in.", "落ち着いた雰囲気で仕事がはかどる。"),
        ("Friendly barista, remembered my order.", "バリスタが親切で、いつもの注文を覚えていてくれた。"),
        ("Quick service even at lunchtime.", "昼でも提供が早くて助かる。"),
    ],
}

_WHAT_CHANGED = [
    ("Brought a colleague along.", "同僚を連れて行った。"),
    ("Now I come twice a week.", "週2回通うようになった。"),
    ("Bought beans to brew at home.", "豆を買って家でも淹れるようになった。"),
    ("Recommended it in our team chat.", "社内チャットでおすすめした。"),
    ("Started using the mobile pre-order.", "モバイル事前注文を使い始めた。"),
]

_FOLLOWUP_NOTES = {
    "resolved": (
        "Called to apologise; sent a drink voucher. Came back last week.",
        "電話でお詫びし、ドリンク券を送付。先週再来店。",
    ),
    "contacted": ("Emailed an apology; waiting for a reply.", "お詫びのメールを送信。返信待ち。"),
    "open": ("", ""),
}
_OWNERS = {
    "A": ("Sato (Station manager)", "佐藤(駅前店 店長)"),
    "B": ("Suzuki (Park Street manager)", "鈴木(公園通り店 店長)"),
    "C": ("Tanaka (Harbour manager)", "田中(港町店 店長)"),
}


def _months_back(day: date, months: int) -> date:
    month0 = day.month - 1 - months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    # Clamp the day (31 March minus one month is 28/29 February).
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def month_windows(today: date) -> list[tuple[date, date]]:
    """The six month-long windows (inclusive) ending at `today`, oldest first."""
    bounds = [_months_back(today, MONTHS - k) for k in range(MONTHS + 1)]
    return [(bounds[k] + timedelta(days=1), bounds[k + 1]) for k in range(MONTHS)]


def _group_list(rnd: random.Random, n: int, promoters: float, detractors: float) -> list[str]:
    p = round(n * promoters)
    d = round(n * detractors)
    groups = ["promoter"] * p + ["detractor"] * d + ["passive"] * (n - p - d)
    rnd.shuffle(groups)
    return groups


def _score(rnd: random.Random, group: str) -> int:
    if group == "promoter":
        return rnd.choice((9, 10, 10))
    if group == "passive":
        return rnd.choice((7, 8, 8))
    return rnd.choice((2, 3, 4, 5, 5, 6, 6, 6))


def add_demo(store: Store, lang: str, today: date) -> None:
    """Add the café chain's NPS survey (3 stores, ~600 answers, 6 months to `today`) to the demo."""
    rnd = random.Random(SEED)
    j = 1 if lang == "ja" else 0
    template = TEMPLATES["next_week_2min"]
    questions = {q.key: q.text[j] for q in template.questions}
    yes, maybe, no = (("Yes", "Maybe", "No"), ("はい", "検討", "いいえ"))[j]
    windows = month_windows(today)
    entries: list[tuple[str, ManualEntry]] = []
    for store_key, (en_name, ja_name) in _STORES.items():
        segment = (en_name, ja_name)[j]
        for month, (start, end) in enumerate(windows):
            promoters, detractors = _SHARES[store_key][month]
            for group in _group_list(rnd, PER_STORE_MONTH, promoters, detractors):
                day = start + timedelta(days=rnd.randrange((end - start).days + 1))
                when = datetime.combine(day, time(rnd.randrange(8, 20), rnd.randrange(60)))
                comment = ""
                if rnd.random() < COMMENT_SHARE or (group == "detractor" and rnd.random() < 0.6):
                    pool = _COMMENTS[group]
                    if group == "promoter" and month + 1 < IMPROVEMENT_MONTH:
                        # Greetings and pre-ordering only exist once the improvement has started.
                        pool = [c for c in pool if "name" not in c[0] and "phone" not in c[0]]
                    comment = rnd.choice(pool)[j]
                changed = (group == "promoter" and rnd.random() < 0.7) or (
                    group == "passive" and rnd.random() < 0.3
                )
                again = (
                    yes if group == "promoter" else maybe if group == "passive" else rnd.choice((maybe, no))
                )
                extra = {
                    questions["changed"]: yes if changed else no,
                    questions["what"]: rnd.choice(_WHAT_CHANGED)[j] if changed else "",
                    questions["again"]: again,
                }
                score = _score(rnd, group)
                entries.append((store_key, ManualEntry(score, comment, segment, when, extra)))
    entries.sort(key=lambda item: str(item[1].answered_at))
    with store.action(t("nps.act.demo")):
        survey = create_survey(store, _TEXT["survey"][j], "template", source="demo", template=template.key)
        add_manual_scores(store, survey, [entry for _, entry in entries])
        change_day = windows[IMPROVEMENT_MONTH - 1][0]
        create_range_survey(store, _TEXT["before"][j], windows[0][0], change_day - timedelta(days=1))
        create_range_survey(store, _TEXT["after"][j], change_day, today)
        _add_followups(store, survey.id, rnd, j)


def _add_followups(store: Store, survey_id: str, rnd: random.Random, j: int) -> None:
    """Follow-ups on some detractors: older ones resolved, recent ones contacted, the newest open."""
    rows = store.rows(
        "SELECT id, segment, answered_at FROM responses "
        "WHERE survey_id = ? AND score <= 6 AND comment <> '' ORDER BY answered_at",
        [survey_id],
    )
    store_of = {names[j]: key for key, names in _STORES.items()}
    picked = sorted(rnd.sample(rows, min(14, len(rows))), key=lambda r: str(r["answered_at"]))
    for index, row in enumerate(picked):
        status = "resolved" if index < 6 else "contacted" if index < 10 else "open"
        owner = _OWNERS[store_of[row["segment"]]][j] if status != "open" or index % 2 else ""
        set_followup(store, row["id"], owner=owner, status=status, note=_FOLLOWUP_NOTES[status][j])
