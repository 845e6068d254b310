"""KPIs in layers (seed 001's action → intermediate → result, seed 002's behaviour → experience →
psychology → LTV), their dated values, and the field evidence ("the 1-minute record") behind them."""
