"""Dates: date and time expressions resolved to ISO 8601 against the publication date, with the clause's
tense and event; ``calendar`` holds the calendar facts the flag rules share.
"""
