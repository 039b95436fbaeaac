"""Plain-text captures (a page pasted or saved as text): line classifiers (``furniture``, ``date_lines``),
the header, the body, article boundaries, and the metadata fields read from them (``article``, the entry
point).
"""
