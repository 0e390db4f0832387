"""The two errors the CLI turns into exit codes (SPEC: 2 for usage/config, 1 otherwise)."""


class ZwgkError(Exception):
    """An unexpected failure with a one-line Chinese message (exit 1)."""

    exit_code = 1


class ConfigError(ZwgkError):
    """A bad config file or bad usage (exit 2); nothing is crawled."""

    exit_code = 2


def warn(text: str) -> None:
    """A one-line Chinese hint on stderr while a long command goes on."""
    import sys

    print(text, file=sys.stderr, flush=True)
