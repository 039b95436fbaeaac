"""Claim extraction: the check-worthy sentences of a source with their figures, dates and attribution, and a
selector that finds each again in its capture (``assemble``, the entry point).

(The stage is not called ``audit.claims``: that name is the API function ``audit.claims(text)``.)
"""
