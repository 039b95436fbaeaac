"""Corpus stages: every audited source and claim (``index``), independence groups of copies, same-story
tests, and matching claims and dated events across sources.
"""
