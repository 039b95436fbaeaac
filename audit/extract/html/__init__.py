"""Saved HTML pages: the DOM read safely, the main text (trafilatura plus our DOM rules) and, in
``metadata/``, the page's title, authors, dates, site and URL with every candidate kept.
"""
