"""Stories: which sources report the same event (``audit.corpus.stories.assign``), so that only their claims are
compared with each other."""
