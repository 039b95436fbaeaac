"""The JSON contract: the schemas of ``schemas/`` and ``audit validate``."""
