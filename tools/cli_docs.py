"""The CLI reference (docs/cli.md), generated from the commands' own ``--help`` so it cannot drift.

``python -m tools.cli_docs > docs/cli.md`` regenerates it; ``tests/test_docs.py`` fails when it is stale.
"""

from __future__ import annotations

import click

from audit.cli import main


def render() -> str:
    lines = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python -m tools.cli_docs > docs/cli.md`; a test fails when it is stale.",
        "",
    ]
    context = click.Context(main, info_name="audit", terminal_width=100, max_content_width=100)
    lines += ["## audit", "", "```", main.get_help(context), "```", ""]
    for name in sorted(main.list_commands(context)):
        command = main.get_command(context, name)
        assert command is not None
        sub = click.Context(
            command, info_name=name, parent=context, terminal_width=100, max_content_width=100
        )
        lines += [f"## audit {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(), end="")
