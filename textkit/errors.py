"""Errors a user can cause, each with the exit code the CLI gives it."""


class TextkitError(Exception):
    """A problem reported to the user as one line on stderr."""

    exit_code = 1


class UsageError(TextkitError):
    """The user asked for something that cannot be done as asked (exit 2)."""

    exit_code = 2


class DataError(TextkitError):
    """The input could not be read as text (exit 1)."""

    exit_code = 1
