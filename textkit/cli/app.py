"""The click group, the state every command shares, and the one error and output policy.

Commands live in sibling modules; they parse options, call a library function and hand the records
to ``AppState.emit``. Heavy libraries (pandas, nltk, rich) are imported only inside the code that
needs them, so ``textkit --help`` stays instant.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

import click

from textkit.errors import TextkitError
from textkit.output.formats import BIBLIOGRAPHY_FORMATS, FORMATS, Column, Row, TableRenderer, emit, limit_rows
from textkit.output.terminal import Terminal

PROG = "textkit"
# click >= 8.2 signals a bare ``textkit`` with this error; its message is the whole help text.
_NO_ARGS_IS_HELP: type | tuple[()] = getattr(click.exceptions, "NoArgsIsHelpError", ())


def warn(message: str) -> None:
    """One line on stderr, never on stdout, so pipelines see only data."""
    click.echo(f"{PROG}: {message}", err=True)


@dataclass
class AppState:
    """Options of the group plus lazily loaded corpus. ``is_tty`` lets tests fake a terminal."""

    corpus_source: str | None = None
    use_cache: bool = True
    debug: bool = False
    is_tty: bool | None = None
    width: int | None = None
    _corpus: Any = field(default=None, repr=False)
    _terminal: Terminal | None = field(default=None, repr=False)

    @property
    def terminal(self) -> Terminal:
        if self._terminal is None:
            self._terminal = Terminal(stream=sys.stdout, is_tty=self.is_tty, width=self.width)
        return self._terminal

    def progress(self, label: str) -> Any:
        """A progress bar for a long cold stage (drawn on a terminal's stderr only)."""
        from textkit.output.progress import ProgressBar

        return ProgressBar(label, no_color=bool(self.terminal.no_color))

    def corpus(self) -> Any:
        """Load (and cache) the corpus on first use, so that ``--help`` never reads it."""
        if self._corpus is None:
            from textkit.corpus.load import load_corpus

            with self.progress("reading the corpus") as bar:
                self._corpus = load_corpus(
                    self.corpus_source, use_cache=self.use_cache, warn=warn, progress=bar
                )
        return self._corpus

    def limit(self, rows: Sequence[Any], limit: int | None, option: str = "--limit") -> Sequence[Any]:
        """Rows to show: all when piped, the first 50 on a terminal unless ``limit`` says otherwise."""
        shown, message = limit_rows(rows, limit, bool(self.terminal.is_tty), option)
        if message:
            warn(message)
        return shown

    def emit(
        self,
        records: Sequence[Any],
        columns: Sequence[Column],
        fmt: str,
        *,
        title: str | None = None,
        renderer: TableRenderer | None = None,
    ) -> None:
        rows = [as_row(r) for r in records]
        emit(rows, columns, fmt, self.terminal, title=title, renderer=renderer)


def as_row(record: Any) -> Row:
    """A record's fields as a dict: a shallow copy is enough (records hold plain values) and is
    much faster than ``asdict`` on thousands of rows."""
    if is_dataclass(record) and not isinstance(record, type):
        return dict(vars(record)) if hasattr(record, "__dict__") else asdict(record)
    return record


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The output options every command shares."""
    return _format_option(FORMATS)(func)


def bibliography_output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared output options, plus the bibliography formats for commands that list works."""
    return _format_option(
        FORMATS + BIBLIOGRAPHY_FORMATS, " csl-json (Zotero, pandoc) and bibtex: one entry per work."
    )(func)


def _format_option(choices: tuple[str, ...], extra_help: str = "") -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="auto",
        show_default=True,
        help="auto: a table on a terminal, TSV with a header when piped." + extra_help,
    )


class TextkitGroup(click.Group):
    """Turns every failure into one line on stderr and an exit code; ``--debug`` shows tracebacks."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv or bool(os.environ.get("TEXTKIT_DEBUG"))
        code = _run_guarded(
            lambda: super(TextkitGroup, self).main(
                args=argv,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            ),
            debug,
        )
        sys.exit(code)


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run_guarded(run: Callable[[], Any], debug: bool) -> int:
    try:
        result = run()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        warn("aborted")
        return 1
    except click.ClickException as exc:
        if isinstance(exc, _NO_ARGS_IS_HELP):
            exc.show()
            return exc.exit_code
        if debug:
            raise
        where = f" (see '{exc.ctx.command_path} --help')" if getattr(exc, "ctx", None) else ""
        warn(f"error: {' '.join(exc.format_message().split())}{where}")
        return exc.exit_code
    except TextkitError as exc:
        if debug:
            raise
        warn(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if debug:
            raise
        warn(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")
        return 1
    return result if isinstance(result, int) else 0


@click.group(cls=TextkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--corpus",
    "corpus_source",
    envvar="TEXTKIT_CORPUS",
    metavar="PATH",
    help="A .txt file, a folder of .txt files (one document each, in name order) or - for stdin. "
    "Default: the bundled chapter. Env: TEXTKIT_CORPUS.",
)
@click.option("--no-cache", is_flag=True, help="Parse afresh; neither read nor write the cache.")
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.version_option(package_name="textkit", prog_name=PROG)
@click.pass_context
def cli(ctx: click.Context, corpus_source: str | None, no_cache: bool, debug: bool) -> None:
    """Close reading of history books: concordance, quotations, speakers, footnotes.

    Output is a table on a terminal and tab-separated text with a header when piped;
    choose with --format on any command.
    """
    state = ctx.ensure_object(AppState)
    state.corpus_source = corpus_source if corpus_source is not None else state.corpus_source
    state.use_cache = state.use_cache and not no_cache
    state.debug = debug


pass_state = click.make_pass_decorator(AppState)
