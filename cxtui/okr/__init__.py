"""OKR: periods, objectives, key results and weekly check-ins."""
