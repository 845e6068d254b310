"""Learning cycles (seed 001): one hypothesis → one change → KPI check (numbers and evidence) →
one-line learning → one next step, two weeks by default; reviewed cycles form the learning log."""
