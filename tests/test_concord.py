"""``textkit concord``: hit counts checked independently, known answers, offsets, output and errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from nltk.text import ConcordanceIndex

from textkit.concordance.index import INDEX, open_index
from textkit.concordance.search import Query, find
from textkit.corpus.load import load_corpus
from textkit.corpus.model import RUNNING_TEXT
from textkit.text.tokens import fold, span_tokenize

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "concord_sample.txt"
WORDS = [
    "bureaucracy",
    "Trotsky",
    "Stalin",
    "party",
    "the",
    "central",
    "committee",
    "congress",
    "of",
    "Lenin",
]


def running_paragraphs() -> list[str]:
    doc = load_corpus(None, use_cache=False).documents[0]
    return [p.text for p in doc.paragraphs if p.kind in RUNNING_TEXT]


def regex_count(word: str, paragraphs: list[str]) -> int:
    """Whole-word count by lookarounds: no letter, digit, hyphen or inner apostrophe joins the word."""
    letter = r"[^\W_]"
    pattern = re.compile(
        rf"(?<!{letter})(?<!{letter}[-'’]){re.escape(word)}(?!{letter})(?!-{letter})(?!['’](?![sS](?!{letter})){letter})",
        re.IGNORECASE,
    )
    return sum(len(pattern.findall(p)) for p in paragraphs)


def nltk_count(word: str, paragraphs: list[str]) -> int:
    tokens = [p[s:e] for p in paragraphs for s, e in span_tokenize(p)]
    return len(ConcordanceIndex(tokens, key=lambda t: t.lower()).offsets(word.lower()))


def count(run_cli, *args: str) -> int:
    result = run_cli(["concord", *args, "--count"])
    assert result.exit_code == 0, result.stderr
    return int(result.stdout)


def test_bureaucracy_has_nine_whole_word_hits(run_cli) -> None:
    result = run_cli(["concord", "bureaucracy"])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and result.stderr == ""
    assert lines[0] == "doc\tparagraph\tleft\tmatch\tright\tsection\tstart\tend\tdoc_id"
    assert [line.split("\t")[3] for line in lines[1:]] == ["bureaucracy"] * 9


@pytest.mark.parametrize("word", WORDS)
def test_counts_agree_with_regex_and_nltk(run_cli, word: str) -> None:
    paragraphs = running_paragraphs()
    expected = regex_count(word, paragraphs)
    assert expected > 0
    assert count(run_cli, word) == expected == nltk_count(word, paragraphs)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["central committee"], 2),  # across a line break, not across "central. Committee"
        (["central committee", "--all"], 3),  # the note too
        (["c?t"], 3),  # Cat, cot, cut, not coat
        (["c*t"], 4),  # and coat
        (["bureaucrat", "--stem"], 3),  # bureaucrat, bureaucrats, bureaucratic (bureaucracy: bureaucraci)
        (["bureaucra\\w+", "--regex"], 4),
        (["Party", "--case-sensitive"], 1),
        (["party"], 2),
        (["Trotsky"], 1),
        (["trotsky's"], 1),  # straight apostrophe finds the curly one
        (["don't"], 1),
        (["don"], 0),
        (["cat", "--all"], 2),
    ],
)
def test_known_answers(run_cli, args: list[str], expected: int) -> None:
    result = run_cli(["--corpus", str(SAMPLE), "concord", *args, "--count"])
    assert result.exit_code == 0, result.stderr
    assert int(result.stdout) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["bureaucracy"],
        ["central committee"],
        ["bureaucra*"],
        ["--regex", r"Trotsky’s\s+\w+"],
        ["--stem", "party"],
    ],
)
def test_offsets_slice_to_the_match(run_cli, chapter_text: str, args: list[str]) -> None:
    rows = json.loads(run_cli(["concord", *args, "--format", "json"]).stdout)
    assert rows
    for row in rows:
        assert " ".join(chapter_text[row["start"] : row["end"]].split()) == row["match"]
        before = re.sub(r"\s+", " ", chapter_text[max(0, row["start"] - 200) : row["start"]])
        assert before.endswith(row["left"])


def test_jsonl_and_csv_carry_the_same_fields(run_cli) -> None:
    row = json.loads(run_cli(["concord", "bureaucracy", "--format", "jsonl"]).stdout.splitlines()[0])
    assert {"doc", "paragraph", "left", "match", "right", "start", "end"} <= set(row)
    header = run_cli(["concord", "bureaucracy", "--format", "csv"]).stdout.splitlines()[0]
    assert set(header.split(",")) == set(row) | {"doc_id"}


def test_width_and_words_set_the_context(run_cli) -> None:
    rows = [
        r.split("\t") for r in run_cli(["concord", "bureaucracy", "--width", "10"]).stdout.splitlines()[1:]
    ]
    assert all(len(r[2]) == 10 and len(r[4]) == 10 for r in rows)
    rows = [
        r.split("\t") for r in run_cli(["concord", "bureaucracy", "--words", "2"]).stdout.splitlines()[1:]
    ]
    assert rows[0][2] == "against the " and rows[0][4] == ", concentrating their"


def test_sort_by_right_then_left_words(run_cli) -> None:
    rows = json.loads(
        run_cli(["concord", "the", "--sort", "R1,L1", "--format", "json", "--words", "1"]).stdout
    )

    def word(text: str, index: int) -> str:
        spans = span_tokenize(text)
        return fold(text[slice(*spans[index])]) if spans else ""

    keys = [(word(r["right"], 0), word(r["left"], -1)) for r in rows]
    assert len(rows) > 100
    assert keys == sorted(keys)


def test_sort_by_match(run_cli) -> None:
    rows = json.loads(run_cli(["concord", "bureaucra*", "--sort", "match", "--format", "json"]).stdout)
    assert [r["match"] for r in rows][-2:] == ["bureaucratic", "bureaucratisation"]


def test_terminal_shows_fifty_and_says_so(run_cli) -> None:
    result = run_cli(["concord", "the"], tty=True)
    assert "showing 50 of" in result.stderr
    assert len(result.stdout.splitlines()) == 50
    assert all("the" in line for line in result.stdout.splitlines())


def test_terminal_keeps_every_match_on_screen(run_cli) -> None:
    result = run_cli(["concord", "bureaucracy", "--width", "500"], tty=True)
    lines = result.stdout.splitlines()
    assert len(lines) == 9 and all("bureaucracy" in line for line in lines)


def test_piped_output_is_never_capped(run_cli) -> None:
    total = count(run_cli, "the")
    assert total > 50
    assert len(run_cli(["concord", "the"]).stdout.splitlines()) == total + 1


def test_limit_caps_explicitly(run_cli) -> None:
    assert len(run_cli(["concord", "the", "--limit", "3"]).stdout.splitlines()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["concord", ""], "empty query"),
        (["concord", "--regex", "(("], "invalid regular expression"),
        (["concord", "the", "--sort", "L4"], "unknown sort key"),
        (["concord", "the", "--width", "0"], "--width"),
        (["concord", "[12]"], "no words"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_no_hits_is_not_an_error(run_cli) -> None:
    result = run_cli(["concord", "zanzibar"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no matches for 'zanzibar'" in result.stderr


def test_index_is_cached_and_rebuilt_when_corrupt(run_cli, cache_root: Path) -> None:
    assert count(run_cli, "bureaucracy") == 9
    (folder,) = [p for p in (cache_root / INDEX).iterdir() if not p.name.startswith(".")]
    (folder / "arrays.bin").write_bytes(b"garbage")
    assert count(run_cli, "bureaucracy") == 9
    assert (folder / "arrays.bin").stat().st_size > 100


def test_no_cache_writes_no_index(run_cli, cache_root: Path) -> None:
    result = run_cli(["--no-cache", "concord", "bureaucracy", "--count"])
    assert result.stdout.strip() == "9"
    assert not (cache_root / INDEX).exists()


def test_folder_corpus_reports_each_document(run_cli, tmp_path: Path, chapter_text: str) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(chapter_text, encoding="utf-8")
    rows = json.loads(
        run_cli(["--corpus", str(tmp_path), "concord", "bureaucracy", "--format", "json"]).stdout
    )
    assert [r["doc"] for r in rows] == ["a.txt"] * 9 + ["b.txt"] * 9


def test_stdin_corpus(run_cli) -> None:
    result = run_cli(["--corpus", "-", "concord", "cat"], input="Title\n\nThe cat sat. A cat ran.\n")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3


def test_library_find_matches_cli(run_cli) -> None:
    hits = find(open_index(), Query("central committee"))
    assert len(hits) == count(run_cli, "central committee") and all(h.ntokens == 2 for h in hits)


def test_warm_query_imports_neither_nltk_nor_numpy(cache_root: Path) -> None:
    code = (
        "import sys; from textkit.concordance.index import open_index;"
        "from textkit.concordance.search import Query, find, kwic;"
        "ix = open_index(); kwic(ix, find(ix, Query('bureaucracy')));"
        "print(sorted(m for m in ('nltk', 'numpy', 'pandas') if m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    warm = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert warm.stdout.strip() == "[]"
