"""Starter KPI sets from the seeds, inserted in one step and then edited like any other KPI.

- "minimum" (seed 001, 最小セット): cycles run · signs of less hesitation · purchase or closing rate;
- "loyalty4" (seed 002, 4層モデル): participation and repurchase rate · satisfaction and ease of use ·
  NPS and intention to return · referrals, churn, average spend, months retained.

The texts are inserted in the UI language of the moment (they are the user's data from then on).
"""

from __future__ import annotations

from dataclasses import dataclass

from cxtui.db.store import Store
from cxtui.i18n import get_language, t
from cxtui.kpi.models import LAYER_CADENCE, Cadence, Direction, Kpi, Source
from cxtui.kpi.repo import kpis
from cxtui.models import to_row
from cxtui.validation import checked

Pair = tuple[str, str]  # (English, Japanese)


@dataclass(frozen=True)
class Starter:
    """One KPI of a starter set."""

    layer: str
    name: Pair
    unit: Pair
    definition: Pair
    how_measured: Pair
    formula: Pair
    direction: Direction = Direction.HIGHER
    target: float | None = None
    source: Source = Source.typed
    focus: bool = False
    cadence: Cadence | None = None  # None: the layer's cadence (seed 002)


_MINIMUM = (
    Starter(
        "action",
        ("2-week cycles run", "2週間サイクルを回した回数"),
        ("cycles", "回"),
        (
            "Learning cycles taken through to a one-line learning",
            "学びを1行で残すところまで回した学習サイクルの数",
        ),
        ("Counted from the cycle log", "学習サイクルの記録から数える"),
        ("count of reviewed cycles in the month", "月内に振り返りを終えたサイクルの件数"),
        target=2,
        source=Source.cycles,
        focus=True,
    ),
    Starter(
        "intermediate",
        ("Signs of less hesitation", "迷いが減ったサイン"),
        ("signs", "件"),
        (
            "Fewer 'which one is best?', fewer comparison questions, quicker decisions after explaining",
            "「結局どれがいい?」や比較の質問が減る、説明後に決めるまでが短くなる",
        ),
        (
            "1-minute records of conversations, drop-offs and questions",
            "会話・離脱・質問の変化を1分で記録して数える",
        ),
        ("records showing less hesitation in the week", "週内の「迷いが減った」記録の数"),
        focus=True,
    ),
    Starter(
        "result",
        ("Purchase or closing rate", "購入率 or 成約率"),
        ("%", "%"),
        (
            "Share of people who bought or signed, as far as it can be measured",
            "購入・成約に至った割合(取れる範囲で)",
        ),
        ("Till or CRM at month end", "月末にレジまたはCRMで集計"),
        (
            "purchases (or deals won) ÷ visitors (or deals decided) × 100",
            "購入数(成約数) ÷ 来店数(商談数) × 100",
        ),
        cadence=Cadence.monthly,
        focus=True,
    ),
)

_RIGHT_AFTER = ("Right-after 1-minute survey", "直後1分アンケート")
_NEXT_WEEK = ("Next-week 2-minute survey", "翌週2分アンケート")
_MONTHLY = ("Monthly tally", "月次で集計")

_LOYALTY4 = (
    Starter(
        "behaviour",
        ("Participation rate", "参加率"),
        ("%", "%"),
        ("Share of invited customers who took part", "案内したお客さまのうち参加した人の割合"),
        ("Sign-up list against invitations, every week", "毎週、案内数と参加者名簿から数える"),
        ("participants ÷ invited × 100", "参加者数 ÷ 案内数 × 100"),
    ),
    Starter(
        "behaviour",
        ("Repurchase rate", "再購入率"),
        ("%", "%"),
        ("Share of customers who bought again", "繰り返し購入してくれたお客さまの割合"),
        ("Purchase history, every week", "購入履歴を毎週集計"),
        ("repeat buyers ÷ buyers × 100", "再購入した人数 ÷ 購入者数 × 100"),
        focus=True,
    ),
    Starter(
        "experience",
        ("Satisfaction (1-5)", "満足度(1〜5)"),
        ("pts", "点"),
        ("How satisfied the customer was, right after the experience", "体験の直後、どれくらい満足したか"),
        _RIGHT_AFTER,
        ("average of the 1-5 answers", "1〜5の回答の平均"),
        focus=True,
    ),
    Starter(
        "experience",
        ("Ease of use (1-5)", "使いやすさ(1〜5)"),
        ("pts", "点"),
        ("How easy it was to use or to talk to us", "使いやすかったか・話しやすかったか"),
        _RIGHT_AFTER,
        ("average of the 1-5 answers", "1〜5の回答の平均"),
    ),
    Starter(
        "psychology",
        ("NPS", "NPS(推奨度)"),
        ("pts", "ポイント"),
        (
            "How confidently customers would recommend us to a friend",
            "どれくらい自信を持って人にすすめたいか",
        ),
        (
            "Next-week 2-minute survey: 0-10, would you recommend us to a friend?",
            "翌週2分アンケート:0〜10点で、友人にすすめたいと思いますか?",
        ),
        ("% promoters (9-10) − % detractors (0-6)", "推奨者(9〜10)の% − 批判者(0〜6)の%"),
        source=Source.nps,
        focus=True,
    ),
    Starter(
        "psychology",
        ("Intention to return", "再来意向"),
        ("%", "%"),
        ("Share who want to come again", "「また来たい」と答えた人の割合"),
        _NEXT_WEEK,
        ("yes ÷ all answers × 100", "「はい」の数 ÷ 回答数 × 100"),
    ),
    Starter(
        "ltv",
        ("Referrals", "紹介数"),
        ("referrals", "件"),
        ("New customers who came because a customer told them", "お客さまの紹介・口コミで来た新規のお客さま"),
        _MONTHLY,
        ("count in the month", "月内の件数"),
    ),
    Starter(
        "ltv",
        ("Churn rate", "解約率"),
        ("%", "%"),
        ("Share of customers who stopped coming or cancelled", "利用をやめた・解約したお客さまの割合"),
        _MONTHLY,
        (
            "customers lost in the month ÷ customers at its start × 100",
            "月内に離れた人数 ÷ 月初の顧客数 × 100",
        ),
        direction=Direction.LOWER,
        focus=True,
    ),
    Starter(
        "ltv",
        ("Average spend", "客単価"),
        ("yen", "円"),
        ("What a customer spends per month", "お客さま1人あたりの月の購入額"),
        _MONTHLY,
        ("sales ÷ customers", "売上 ÷ 顧客数"),
    ),
    Starter(
        "ltv",
        ("Months retained", "継続月数"),
        ("months", "か月"),
        ("How many months a customer stays", "お客さまが続けてくれる月数"),
        (_MONTHLY[0] + " (100 ÷ churn % when unknown)", _MONTHLY[1] + "(わからないときは 100 ÷ 解約率%)"),
        ("average months from first to last purchase", "初回から最後の購入までの平均月数"),
    ),
)

STARTERS: dict[str, tuple[Starter, ...]] = {"minimum": _MINIMUM, "loyalty4": _LOYALTY4}
# The layer model each set belongs to: applying one shows that model.
STARTER_MODEL = {"minimum": "3", "loyalty4": "4"}


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "ja" else pair[0]


def starter_kpis(key: str, lang: str | None = None) -> list[Kpi]:
    """The KPIs of starter set `key` ("minimum" or "loyalty4") in `lang` (default: the UI's)."""
    lang = lang or get_language()
    found = []
    for spec in STARTERS[key]:
        found.append(
            Kpi(
                name=_pick(spec.name, lang),
                layer=spec.layer,
                unit=_pick(spec.unit, lang),
                direction=spec.direction,
                target=spec.target,
                cadence=spec.cadence or LAYER_CADENCE[spec.layer],
                focus=spec.focus,
                source=spec.source,
                definition=_pick(spec.definition, lang),
                how_measured=_pick(spec.how_measured, lang),
                formula=_pick(spec.formula, lang),
            )
        )
    return found


def add_starter(store: Store, key: str, lang: str | None = None) -> list[Kpi]:
    """Insert starter set `key` in one undoable action; KPIs whose name already exists are left
    out (applying a set twice adds nothing). Returns the KPIs added."""
    existing = {k.name.strip().casefold() for k in kpis(store)}
    positions: dict[str, int] = {}
    for row in store.rows("SELECT layer, max(position) AS top FROM kpis GROUP BY layer"):
        positions[str(row["layer"])] = int(row["top"]) + 1
    added = []
    for kpi in starter_kpis(key, lang):
        if kpi.name.casefold() in existing:
            continue
        kpi.position = positions.get(kpi.layer, 0)
        positions[kpi.layer] = kpi.position + 1
        added.append(checked(kpi))
    if added:
        with store.action(t("kpi.act.starter", name=t(f"kpi.starter.{key}"))):
            for kpi in added:
                store.insert_row("kpis", to_row(kpi))
    return added
