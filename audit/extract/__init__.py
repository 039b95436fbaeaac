"""Extract: each capture cleaned into its article text and metadata, every value with the evidence for it
(``html/`` for saved pages, ``text/`` for pasted or saved-as-text captures), and the credibility signals a
reader can check in the capture.
"""
