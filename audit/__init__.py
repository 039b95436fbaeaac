"""audit: source-credibility and claim-provenance auditing for fact-checkers."""

__version__ = "0.1.0"
