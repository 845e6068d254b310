"""Where a weekly review stands: the step, the item, and which of two questions is asked (a cycle and
the end ask for the learning, then the next step). Pure: the screen draws it and the core saves what
is typed; tests can walk it without a terminal."""

from __future__ import annotations

import re

from cxtui.okr.models import Confidence
from cxtui.review.models import STEPS, ItemKind
from cxtui.review.plan import Plan
from cxtui.validation import number_text, parse_number

KR, KPI, VOICES, CYCLES, NPS, CLOSE = range(len(STEPS))
LISTED = (KR, KPI, CYCLES)  # steps whose items are listed (the others are one page each)
CONFIDENCES = list(Confidence)
# "4.2", "-5", "１２", "12%", "1,234.5", then an optional note: "4.2 calls done".
_VALUE_AND_NOTE = re.compile(r"^\s*(\S+)\s*(.*?)\s*$")


def value_and_note(text: str) -> tuple[float, str]:
    """The number typed first and the note after it; InputError when the first word is no number."""
    found = _VALUE_AND_NOTE.match(text)
    assert found is not None
    return parse_number(found.group(1), "value"), found.group(2)


class Flow:
    """The position in a review's plan; moving on passes over steps with nothing in them."""

    def __init__(self, plan: Plan, reached: int = 1) -> None:
        self.plan = plan
        self.step = KR
        self.cursor = 0
        self.sub = 0
        self.confidence: dict[str, Confidence] = {}  # a KR's new confidence, when changed (ctrl+o)
        self.resume(reached)

    def count(self, step: int) -> int:
        """How many items step `step` has (pages without items count one: voices, NPS, the end)."""
        plan = self.plan
        return {
            KR: len(plan.krs),
            KPI: len(plan.kpis),
            VOICES: 1,
            CYCLES: len(plan.cycles),
            NPS: 1 if plan.nps is not None else 0,
            CLOSE: 1,
        }[step]

    def is_done(self, step: int, index: int) -> bool:
        """Whether item `index` of `step` was entered in this review."""
        plan = self.plan
        if step == KR:
            return (ItemKind.kr, plan.krs[index].kr.id) in plan.entered
        if step == KPI:
            return (ItemKind.kpi, plan.kpis[index].kpi.id) in plan.entered
        if step == CYCLES:
            return plan.cycles[index].cycle.state.value == "reviewed"
        return False

    def first_open(self, step: int) -> int | None:
        """The first item of `step` not entered yet."""
        return next((i for i in range(self.count(step)) if not self.is_done(step, i)), None)

    def resume(self, reached: int) -> None:
        """The first item not entered yet, from the furthest step reached (1-based) on."""
        self.step = max(KR, reached - 1)
        self.sub = 0
        while self.step < CLOSE:
            if self.step in (VOICES, NPS) and self.count(self.step):
                break
            found = self.first_open(self.step)
            if found is not None:
                self.cursor = found
                return
            self.step += 1
        self.cursor = 0

    def go_to(self, step: int, direction: int = 1) -> None:
        """Go to `step`, passing over steps without items in `direction` (the end always has one)."""
        while 0 <= step < CLOSE and self.count(step) == 0:
            step += direction
        self.step = max(KR, min(CLOSE, step))
        self.sub = 0
        found = self.first_open(self.step)
        self.cursor = 0 if found is None else found

    def next_item(self) -> None:
        """The next item of the step, or the next step with items after the last one."""
        self.sub = 0
        if self.step in LISTED and self.cursor + 1 < self.count(self.step):
            self.cursor += 1
        else:
            self.go_to(self.step + 1)

    def move(self, delta: int) -> bool:
        """The previous (-1) or next (+1) item of a listed step; False when there is nothing to move."""
        if self.step not in LISTED or not self.count(self.step):
            return False
        self.cursor = max(0, min(self.count(self.step) - 1, self.cursor + delta))
        self.sub = 0
        return True

    def confidence_of(self, kr_id: str) -> Confidence:
        """The confidence a KR's new check-in carries: as changed here, else its previous one."""
        if kr_id in self.confidence:
            return self.confidence[kr_id]
        line = next(line for line in self.plan.krs if line.kr.id == kr_id)
        return line.previous.confidence if line.previous else Confidence.on_track

    def next_confidence(self) -> bool:
        """On track → at risk → off track for the current KR; False off the KRs."""
        if self.step != KR or not self.plan.krs:
            return False
        kr_id = self.plan.krs[self.cursor].kr.id
        now = self.confidence_of(kr_id)
        self.confidence[kr_id] = CONFIDENCES[(CONFIDENCES.index(now) + 1) % len(CONFIDENCES)]
        return True

    def entered_text(self) -> str:
        """What was entered for the current KR or KPI, to correct it ("" when nothing was)."""
        plan = self.plan
        kind_ref = None
        if self.step == KR and plan.krs:
            kind_ref = (ItemKind.kr, plan.krs[self.cursor].kr.id)
        elif self.step == KPI and plan.kpis:
            kind_ref = (ItemKind.kpi, plan.kpis[self.cursor].kpi.id)
        item = plan.entered.get(kind_ref) if kind_ref else None
        if item is None or item.value is None:
            return ""
        return f"{number_text(item.value)} {item.text}".strip()
