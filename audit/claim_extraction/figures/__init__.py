"""Figures: the numbers a reader could check, with value, unit, comparator and what they measure."""
