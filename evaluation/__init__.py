"""Quality measurement on public labelled data in ``../shared/eval`` (never copied into the project).

Each task module exposes ``run(root: Path) -> dict[str, float | int | str]`` where ``root`` is the eval folder.
``python -m evaluation`` (``nox -s eval``) runs them all, prints the figures and checks the floors
pinned in ``audit/evaluation/floors.json``.
"""
