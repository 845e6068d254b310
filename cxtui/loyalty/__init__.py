"""Loyalty and ROX: monthly loyalty figures with a simple LTV (seed 002) and the ROX log (seed 000)."""
