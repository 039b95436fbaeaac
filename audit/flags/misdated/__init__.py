"""``misdated`` rules: dates that conflict with the publication date, the calendar, another date in the
same article, or the reference ledger; ``context`` holds what they share.
"""
