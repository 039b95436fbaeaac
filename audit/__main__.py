"""``python -m audit`` is the ``audit`` command."""

from audit.cli import main

if __name__ == "__main__":
    main()
