"""Caller number → patient card: normalization, lookup and pop events."""
