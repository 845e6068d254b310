"""NPS: statistics, survey-export importers, storage of responses and follow-ups."""
