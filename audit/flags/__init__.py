"""Flag rules: each module is one rule family that *yields* findings as data, never raises.

The contract is ``audit.flags.rule.Rule``; ``audit.flags.registry`` lists the rules in the order they run.
"""
