"""``textkit speakers``: the aggregation on hand-made records, then the command."""

from __future__ import annotations

import json

import pytest
from conftest import RunCli

import textkit.quotes.speakers
from textkit.people.mentions import Mention
from textkit.quotes.record import Quote
from textkit.quotes.speakers import sort_speakers, speaker_profile, speaker_table, table_records


def q(
    qid: str, doc: str, paragraph: int, speaker: str | None, text: str, start: int, type: str = "quote"
) -> Quote:
    return Quote(qid, doc, paragraph, "inline", type, speaker, text, start, start + len(text))


def m(person: str, doc: str, paragraph: int, start: int, surface: str | None = None) -> Mention:
    return Mention(person, surface or person, doc, paragraph, start, start + len(surface or person))


QUOTES = [
    q("a1", "a.txt", 1, "Trotsky", "one two three", 10),
    q("a2", "a.txt", 3, "Stalin", "four five", 50),
    q("a3", "a.txt", 4, None, "six seven eight nine", 80),
    q("a4", "a.txt", 5, "Stalin", "smychka", 90, type="term"),
    q("b1", "b.txt", 2, "Trotsky", "ten", 5),
]
MENTIONS = [
    m("Trotsky", "a.txt", 1, 0),
    m("Stalin", "a.txt", 2, 20, "Stalin’s"),
    m("Stalin", "b.txt", 3, 0),
    m("Lenin", "b.txt", 1, 0),
    m("Lenin", "b.txt", 1, 30),
    m("Lenin", "b.txt", 4, 0),
]


def rows(table) -> dict[str, dict]:
    return {r["person"]: r for r in table_records(table)}


def test_counts_share_and_places() -> None:
    table = speaker_table(QUOTES, MENTIONS, doc_order=["a.txt", "b.txt"])
    assert list(table["person"]) == ["Trotsky", "Stalin", "Lenin"]
    got = rows(table)
    assert {k: got["Trotsky"][k] for k in ("quotes", "words", "mentions", "first", "last")} == {
        "quotes": 2, "words": 4, "mentions": 1, "first": "a.txt ¶1", "last": "b.txt ¶2",
    }  # fmt: skip
    # terms do not speak: Stalin's quoted term is neither a quote nor a place seen
    assert (got["Stalin"]["quotes"], got["Stalin"]["words"], got["Stalin"]["mentions"]) == (1, 2, 2)
    assert got["Stalin"]["last"] == "b.txt ¶3"
    # share: of all quoted words, the unattributed four included (3 + 2 + 4 + 1 = 10)
    assert got["Trotsky"]["share"] == pytest.approx(0.4)
    assert got["Stalin"]["share"] == pytest.approx(0.2)
    assert (got["Lenin"]["quotes"], got["Lenin"]["mentions"], got["Lenin"]["share"]) == (0, 3, 0.0)


def test_document_order_not_offsets_decides_first_and_last() -> None:
    table = speaker_table(QUOTES, MENTIONS, doc_order=["b.txt", "a.txt"])
    assert rows(table)["Trotsky"]["first"] == "b.txt ¶2"
    assert rows(table)["Trotsky"]["last"] == "a.txt ¶1"


def test_single_document_places_have_no_document_name() -> None:
    table = speaker_table(QUOTES[:2], MENTIONS[:2], doc_order=["a.txt"])
    assert rows(table)["Trotsky"]["first"] == "¶1"


def test_sorting_top_and_min() -> None:
    table = speaker_table(QUOTES, MENTIONS, doc_order=["a.txt", "b.txt"])
    assert list(sort_speakers(table, "mentions")["person"]) == ["Lenin", "Stalin", "Trotsky"]
    assert list(sort_speakers(table, "words")["person"]) == ["Trotsky", "Stalin", "Lenin"]
    assert list(sort_speakers(table, "name")["person"]) == ["Lenin", "Stalin", "Trotsky"]
    assert list(sort_speakers(table, "quotes", top=1)["person"]) == ["Trotsky"]
    assert list(sort_speakers(table, "quotes", minimum=1)["person"]) == ["Trotsky", "Stalin"]
    assert list(sort_speakers(table, "mentions", minimum=2)["person"]) == ["Lenin", "Stalin"]


def test_ties_on_quotes_are_broken_by_mentions() -> None:
    quotes = [q("1", "a", 0, "X", "a b c d", 0), q("2", "a", 0, "Y", "a", 10)]
    mentions = [m("Y", "a", 1, 0)]
    assert list(speaker_table(quotes, mentions)["person"]) == ["Y", "X"]


def test_by_doc_counts_and_shares_within_each_document() -> None:
    table = speaker_table(QUOTES, MENTIONS, doc_order=["a.txt", "b.txt"], by_doc=True)
    got = {(r["doc"], r["person"]): r for r in table_records(table)}
    assert got[("b.txt", "Trotsky")]["share"] == 1.0
    assert got[("a.txt", "Trotsky")]["share"] == pytest.approx(3 / 9)
    assert got[("b.txt", "Lenin")]["mentions"] == 3
    assert got[("a.txt", "Stalin")]["first"] == "¶2"
    assert list(table["doc"]) == ["a.txt", "a.txt", "b.txt", "b.txt", "b.txt"]
    top = sort_speakers(table, "quotes", top=1)
    assert list(zip(top["doc"], top["person"], strict=True)) == [("a.txt", "Trotsky"), ("b.txt", "Trotsky")]


def test_empty_input_gives_an_empty_table_with_the_columns() -> None:
    table = speaker_table([], [])
    assert table.empty
    assert list(table.columns)[:7] == ["person", "quotes", "words", "share", "mentions", "first", "last"]


def test_profile_lists_quotations_and_most_named_paragraphs() -> None:
    profile = speaker_profile(QUOTES, MENTIONS, "Lenin", doc_order=["a.txt", "b.txt"])
    assert profile.counts["mentions"] == 3 and profile.quotations == []
    assert profile.places[0] == {"doc": "b.txt", "paragraph": 1, "mentions": 2}
    profile = speaker_profile(QUOTES, MENTIONS, "Stalin")
    assert [x.id for x in profile.quotations] == ["a2"]


@pytest.fixture
def fake_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command over known records, whatever state the engines are in."""
    monkeypatch.setattr(textkit.quotes.speakers, "find_quotes", lambda corpus: list(QUOTES))
    monkeypatch.setattr(textkit.quotes.speakers, "find_mentions", lambda corpus, speakers=(): list(MENTIONS))
    monkeypatch.setattr(textkit.quotes.speakers, "canonical_name", lambda corpus, name: None)


def test_command_table_and_stderr_note(run_cli: RunCli, fake_engines: None) -> None:
    result = run_cli(["speakers"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "person\tquotes\twords\tshare\tmentions\tfirst_doc\tfirst_paragraph\tlast_doc\tlast_paragraph"
    )
    assert lines[1] == "Trotsky\t2\t4\t0.4\t1\ta.txt\t1\tb.txt\t2"
    assert "1 quotations have no speaker" in result.stderr


def test_command_options(run_cli: RunCli, fake_engines: None) -> None:
    out = run_cli(["speakers", "--sort", "mentions", "--top", "2", "--format", "json"])
    assert [r["person"] for r in json.loads(out.stdout)] == ["Lenin", "Stalin"]
    out = run_cli(["speakers", "--by-doc", "--min", "1"])
    assert [line.split("\t")[:2] for line in out.stdout.splitlines()] == [
        ["doc", "person"], ["a.txt", "Trotsky"], ["a.txt", "Stalin"], ["b.txt", "Trotsky"],
    ]  # fmt: skip


def test_bars_on_a_terminal(run_cli: RunCli, fake_engines: None) -> None:
    result = run_cli(["speakers"], tty=True)
    assert result.exit_code == 0
    bars = {line.split("│")[1].strip(): line.count("█") for line in result.stdout.splitlines() if "¶" in line}
    assert bars == {"Trotsky": 12, "Stalin": 6, "Lenin": 0}
    assert "40.0%" in result.stdout


def test_one_person(run_cli: RunCli, fake_engines: None) -> None:
    [profile] = json.loads(run_cli(["speakers", "stalin", "--format", "json"]).stdout)
    assert (profile["person"], profile["quotes"], profile["mentions"]) == ("Stalin", 1, 2)
    assert profile["quotations"] == ["a2"]
    assert profile["quotation_rows"][0]["text"] == "four five"
    result = run_cli(["speakers", "Stalin"], tty=True)
    assert "Quotations" in result.stdout and "four five" in result.stdout and "Named most in" in result.stdout


def test_unknown_person_is_an_error_with_suggestions(run_cli: RunCli, fake_engines: None) -> None:
    result = run_cli(["speakers", "Stallin"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == "textkit: error: no person 'Stallin' is quoted or named in the corpus; did you mean Stalin?\n"
    )


def test_nobody_found_gives_an_empty_table_and_a_message(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(textkit.quotes.speakers, "find_quotes", lambda corpus: [])
    monkeypatch.setattr(textkit.quotes.speakers, "find_mentions", lambda corpus, speakers=(): [])
    result = run_cli(["speakers"])
    assert result.exit_code == 0
    assert result.stdout == (
        "person\tquotes\twords\tshare\tmentions\tfirst_doc\tfirst_paragraph\tlast_doc\tlast_paragraph\n"
    )
    assert "no speakers" in result.stderr


def test_trotsky_ranks_first_by_quotes_on_the_chapter(run_cli: RunCli) -> None:
    result = run_cli(["speakers", "--format", "json"])
    table = json.loads(result.stdout)
    assert table[0]["person"] == "Trotsky"
    assert table[0]["quotes"] > table[1]["quotes"]
