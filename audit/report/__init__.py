"""Reports: writers for the output folder, the check gate, and renderers that each read one ``AuditResult``
and return text (JSON, Markdown, HTML, GitHub annotations, SARIF).
"""
