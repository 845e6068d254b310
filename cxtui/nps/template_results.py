"""A template survey's answers summarised: `summarise_template(store, survey)` reads the imported (or
typed-in) answers back from the responses' `extra` JSON: means of the 1–5 items, the share of
"yes", the answers to the free-text question, and the NPS of the 2-minute survey from the 0–10 score.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cxtui.db.store import Store
from cxtui.nps.models import Survey, Target
from cxtui.nps.queries import summary
from cxtui.nps.stats import NpsSummary
from cxtui.nps.surveys import resolve
from cxtui.nps.templates import (
    TEMPLATES,
    Question,
    Template,
    answer_choice,
    answer_scale,
    detect_template,
    match_question,
)


@dataclass(frozen=True)
class QuestionSummary:
    """The answers to one question: how many, and the mean, choice shares or texts as fits its kind."""

    question: Question
    header: str | None  # the export's header it was read from (None: not in the data)
    answered: int
    mean: float | None = None  # 1–5 items
    yes_share: float | None = None  # % of readable yes/no (or yes/maybe/no) answers
    maybe_share: float | None = None
    no_share: float | None = None
    texts: tuple[str, ...] = ()  # free text, newest first


@dataclass(frozen=True)
class TemplateSummary:
    """A template survey's answers summarised question by question."""

    template: Template
    survey: str
    answers: int
    questions: tuple[QuestionSummary, ...]
    nps: NpsSummary | None  # the 2-minute survey's NPS question (from the scores)


def summarise_template(
    reader: Store, target: Target, template: str | None = None, max_texts: int = 50
) -> TemplateSummary | None:
    """Summarise a template survey's answers; None when neither the survey nor its headers say which
    template it is."""
    ref = resolve(reader, target)
    survey: Survey | None = ref.survey
    rows = reader.rows(
        "SELECT extra, comment, score FROM responses WHERE survey_id = ? "
        "ORDER BY answered_at IS NULL, answered_at DESC, line",
        [survey.id if survey is not None else ""],
    )
    answers = [json.loads(r["extra"]) if r["extra"] else {} for r in rows]
    headers = sorted({h for a in answers for h in a})
    key = template or (survey.template if survey is not None else None)
    chosen = TEMPLATES.get(key) if key else detect_template(headers)
    if chosen is None:
        return None
    header_of: dict[str, str] = {}
    for header in headers:
        question = match_question(chosen, header)
        if question is not None and question.key not in header_of:
            header_of[question.key] = header
    results = []
    nps_summary: NpsSummary | None = None
    for question in chosen.questions:
        if question.kind == "nps":
            nps_summary = summary(reader, ref).summary
            results.append(QuestionSummary(question, None, nps_summary.n))
            continue
        header = header_of.get(question.key)
        if header is None and question.kind == "text":
            # The free-text answer may have been imported as the comment column.
            texts = tuple(r["comment"] for r in rows if r["comment"])
            results.append(QuestionSummary(question, None, len(texts), texts=texts[:max_texts]))
            continue
        raw = [a[header] for a in answers if header is not None and a.get(header, "").strip()]
        results.append(_summarise(question, header, raw, max_texts))
    return TemplateSummary(chosen, ref.label, len(rows), tuple(results), nps_summary)


def _summarise(question: Question, header: str | None, raw: list[str], max_texts: int) -> QuestionSummary:
    if question.kind == "scale5":
        values = [v for v in map(answer_scale, raw) if v is not None]
        mean = sum(values) / len(values) if values else None
        return QuestionSummary(question, header, len(values), mean=mean)
    if question.kind == "text":
        return QuestionSummary(question, header, len(raw), texts=tuple(raw[:max_texts]))
    choices = [c for c in map(answer_choice, raw) if c is not None]
    if not choices:
        return QuestionSummary(question, header, 0)
    total = len(choices)

    def share(choice: str) -> float:
        return 100.0 * choices.count(choice) / total

    maybe = share("maybe") if question.kind == "yes_maybe_no" else None
    return QuestionSummary(
        question, header, total, yes_share=share("yes"), maybe_share=maybe, no_share=share("no")
    )
