"""The KPI screen: cards in layers, field evidence, the definitions sheet."""
