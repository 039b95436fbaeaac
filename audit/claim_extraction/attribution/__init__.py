"""Attribution: who says so, by which words, about what, for every sentence of an article
(``attribute``, the entry point).
"""
