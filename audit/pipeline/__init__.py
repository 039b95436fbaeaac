"""The pipeline: the run's configuration, the per-capture stages, worker processes, the result cache and
the whole audit as numbered steps (``audit.pipeline.run.run``).
"""
