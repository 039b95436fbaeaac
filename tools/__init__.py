"""Developer tools (not shipped in the wheel): training and evaluating the English parsing pipeline.

Importing the package pins the numeric libraries to one thread before numpy/spaCy load, so that
`python -m tools.train_parser` and `python -m tools.eval_parser` stay single-threaded on shared machines.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
