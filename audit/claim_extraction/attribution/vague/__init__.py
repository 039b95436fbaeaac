"""Vague sourcing: cues that attribute a statement to nobody in particular."""
