"""Metadata of an HTML page: every candidate for title, authors, dates, site and URL, where it was found,
and the choice among them (``fields``, the entry point).
"""
