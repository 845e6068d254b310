"""The 15-minute weekly review (seeds 001, 003): every KR and due KPI with the previous value beside
the new one, this week's voices, cycles due, the NPS change, and one learning and one next step."""
