"""Shared analyses: functions (doc, ctx) -> value, computed once per document via ctx.get."""
