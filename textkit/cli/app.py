"""The click group, the state every command shares, and the one error and output policy.

Commands live in sibling modules; they parse options, call a library function and hand the records
to ``AppState.emit``. Heavy libraries (pandas, nltk, rich) are imported only inside the code that
needs them, so ``textkit --help`` stays instant.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
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
    doc_query: str | None = None
    columns: tuple[str, ...] = ()
    _corpus: Any = field(default=None, repr=False)
    _names: list[str] | None = field(default=None, repr=False)
    _ids: dict[str, str] | None = field(default=None, repr=False)
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

    def document_names(self) -> list[str]:
        """The names of the corpus's documents in order, read from the folder listing (no parsing)."""
        if self._names is None:
            if self._corpus is not None:
                self._names = [d.name for d in self._corpus.documents]
            else:
                from textkit.corpus.sources import STDIN_NAME, display_name, resolve_paths

                paths = resolve_paths(self.corpus_source)
                self._names = [display_name(p) for p in paths] if paths is not None else [STDIN_NAME]
        return self._names

    def chosen_document(self) -> str | None:
        """The name ``--doc`` picks, or None for every document."""
        if self.doc_query is None:
            return None
        from textkit.corpus.docs import match_documents

        return match_documents(self.document_names(), self.doc_query)[0]

    def index_source(self) -> Any:
        """What the word index is built over: the one file ``--doc`` picks, or the whole corpus."""
        from textkit.corpus.sources import display_name, resolve_paths

        name = self.chosen_document()
        paths = resolve_paths(self.corpus_source) if name is not None else None
        if not paths:
            return self.corpus_source
        return next(p for p in paths if display_name(p) == name)

    def documents(self) -> Any:
        """The corpus narrowed to the ``--doc`` document (every document without it)."""
        from textkit.corpus.docs import only_document

        return only_document(self.corpus(), self.doc_query)

    def with_doc_ids(self, row: Row) -> Row:
        """A row with ``doc_id``, the short id tables show in place of a long file name."""
        if "doc" not in row or "doc_id" in row:
            return row
        from textkit.corpus.docs import short_ids

        if self._ids is None:
            self._ids = short_ids(self.document_names())
        return {**row, "doc_id": self._ids.get(row["doc"], row["doc"])}

    def terminal_table(self, fmt: str) -> bool:
        """Whether ``fmt`` draws a table (``table``, or ``auto`` on a terminal)."""
        return fmt == "table" or (fmt == "auto" and bool(self.terminal.is_tty))

    def limit(self, rows: Sequence[Any], limit: int | None, option: str = "--limit") -> Sequence[Any]:
        """Rows to show: all when piped, the first 50 on a terminal unless ``limit`` says otherwise."""
        shown, message = limit_rows(rows, limit, bool(self.terminal.is_tty), option)
        if message:
            warn(message)
        return shown

    def emit(
        self,
        records: Iterable[Any],
        columns: Sequence[Column],
        fmt: str,
        *,
        title: str | None = None,
        renderer: TableRenderer | None = None,
    ) -> None:
        """Hand records to output; they are turned into rows one at a time, as they are written."""
        rows = (self.with_doc_ids(as_row(r)) for r in records)
        emit(rows, columns, fmt, self.terminal, title=title, renderer=renderer, chosen=self.columns)


def as_row(record: Any) -> Row:
    """A record's fields as a dict: a shallow copy is enough (records hold plain values) and is
    much faster than ``asdict`` on thousands of rows."""
    if is_dataclass(record) and not isinstance(record, type):
        return dict(vars(record)) if hasattr(record, "__dict__") else asdict(record)
    return record


def _remember_columns(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.ensure_object(AppState).columns = tuple(c.strip() for c in value.split(",") if c.strip())


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The output options every command shares."""
    return _format_option(FORMATS)(_columns_option(func))


def bibliography_output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared output options, plus the bibliography formats for commands that list works."""
    return _format_option(
        FORMATS + BIBLIOGRAPHY_FORMATS, " csl-json (Zotero, pandoc) and bibtex: one entry per work."
    )(_columns_option(func))


def _columns_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--columns",
        metavar="A,B,C",
        expose_value=False,
        callback=_remember_columns,
        help="Only these fields, in this order, in any format (default: every field in the data "
        "formats, a short choice in the table).",
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


GLOBAL_VALUED = ("--corpus", "--max-mb")
GLOBAL_FLAGS = ("--no-cache", "--debug")
_TRUE = ("1", "true", "yes", "on")


def _is_global(token: str) -> bool:
    return (
        token in GLOBAL_FLAGS
        or token in GLOBAL_VALUED
        or token.startswith(tuple(f"{o}=" for o in GLOBAL_VALUED))
    )


def hoist_globals(argv: Sequence[str]) -> list[str]:
    """Global options may come before or after the command: those after it move before it."""
    out = list(argv)
    i = 0
    while i < len(out) and out[i].startswith("-"):  # the group's own options, before the command
        i += 2 if out[i] in GLOBAL_VALUED else 1
    if i >= len(out):
        return out
    before, command, rest = out[:i], out[i], out[i + 1 :]
    moved, kept = [], []
    k = 0
    while k < len(rest):
        token = rest[k]
        if token == "--":
            kept.extend(rest[k:])
            break
        if _is_global(token):
            takes_value = token in GLOBAL_VALUED and k + 1 < len(rest)
            moved.extend(rest[k : k + 1 + takes_value])
            k += 1 + takes_value
            continue
        kept.append(token)
        k += 1
    return [*before, *moved, command, *kept]


def debug_wanted(argv: Sequence[str]) -> bool:
    """``--debug`` anywhere, or ``TEXTKIT_DEBUG`` set to a true value (1, true, yes, on)."""
    return "--debug" in argv or os.environ.get("TEXTKIT_DEBUG", "").strip().lower() in _TRUE


class _PipeClosed(Exception):
    """A closed stdout, raised past click's own broken-pipe handling (which would exit 1)."""


class TextkitGroup(click.Group):
    """Turns every failure into one line on stderr and an exit code; ``--debug`` shows tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PipeClosed() from exc

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = hoist_globals(sys.argv[1:] if args is None else args)
        code = _run_guarded(
            lambda: super(TextkitGroup, self).main(
                args=argv,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            ),
            debug_wanted(argv),
        )
        sys.exit(code)


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at /dev/null so the exit flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run_guarded(run: Callable[[], Any], debug: bool) -> int:
    """Exit codes: 0 done (a closed pipe too, as ``| head`` expects), 1 data error, 2 usage error,
    130 interrupted."""
    if sys.stdout is None:
        warn("error: standard output is closed: nowhere to write")
        return 1
    try:
        result = run()
        sys.stdout.flush()
    except (BrokenPipeError, _PipeClosed):
        _silence_stdout()
        return 0
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            return 130
        warn("aborted: standard input ended")
        return 1
    except KeyboardInterrupt:
        return 130
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
    except OSError as exc:
        if debug:
            raise
        warn(f"error: cannot write output: {exc.strerror or exc}")
        _silence_stdout()
        return 1
    except MemoryError:
        warn("error: out of memory (try a smaller corpus or a narrower query)")
        return 1
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
    help="A .txt, .html/.htm/.xhtml or .epub file, a folder of them (one document each, an EPUB one "
    "per chapter, in name order) or - for stdin (text, HTML or EPUB). "
    "Default: the bundled chapter. Env: TEXTKIT_CORPUS.",
)
@click.option("--no-cache", is_flag=True, help="Parse afresh; neither read nor write the cache.")
@click.option(
    "--max-mb",
    type=click.FloatRange(min=0, min_open=True),
    metavar="N",
    help="Refuse inputs larger than N megabytes [default: 256; env TEXTKIT_MAX_MB].",
)
@click.option("--debug", is_flag=True, help="Show a traceback on errors (or set TEXTKIT_DEBUG=1).")
@click.version_option(package_name="textkit", prog_name=PROG)
@click.pass_context
def cli(
    ctx: click.Context, corpus_source: str | None, no_cache: bool, max_mb: float | None, debug: bool
) -> None:
    """Close reading of history books: concordance, quotations, speakers, footnotes.

    Output is a table on a terminal and tab-separated text with a header when piped;
    choose with --format on any command.
    """
    state = ctx.ensure_object(AppState)
    state.corpus_source = corpus_source if corpus_source is not None else state.corpus_source
    state.use_cache = state.use_cache and not no_cache
    state.debug = debug
    if max_mb is not None:
        os.environ["TEXTKIT_MAX_MB"] = str(max_mb)


pass_state = click.make_pass_decorator(AppState)
