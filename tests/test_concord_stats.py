"""collocates, dispersion and freq: scores equal nltk's, counts equal a direct recount."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nltk.metrics import BigramAssocMeasures

from textkit.concordance.collocates import log_likelihood, pmi, t_score
from textkit.concordance.dispersion import juilland_d
from textkit.concordance.wordlist import stopwords
from textkit.text.tokens import fold, span_tokenize

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "concord_sample.txt"


@st.composite
def marginals(draw: st.DrawFn) -> tuple[int, int, int, int]:
    n_ii = draw(st.integers(1, 50))
    n_ix = draw(st.integers(n_ii, 500))
    n_xi = draw(st.integers(n_ii, 500))
    n_xx = draw(st.integers(n_ix + n_xi, 100_000))
    return n_ii, n_ix, n_xi, n_xx


@given(marginals())
def test_scores_equal_nltk(m: tuple[int, int, int, int]) -> None:
    n_ii, n_ix, n_xi, n_xx = m
    assert pmi(*m) == pytest.approx(BigramAssocMeasures.pmi(n_ii, (n_ix, n_xi), n_xx))
    assert log_likelihood(*m) == pytest.approx(BigramAssocMeasures.likelihood_ratio(n_ii, (n_ix, n_xi), n_xx))
    assert t_score(*m) == pytest.approx(BigramAssocMeasures.student_t(n_ii, (n_ix, n_xi), n_xx))


def test_collocate_counts_in_a_window(run_cli) -> None:
    args = ["--corpus", str(SAMPLE), "collocates", "committee", "--window", "1,1", "--min-freq", "1"]
    rows = {r["collocate"]: r for r in json.loads(run_cli([*args, "--format", "json"]).stdout)}
    # "Central Committee met", "central\ncommittee met", "central. Committee work": windows ignore punctuation
    assert (rows["central"]["freq"], rows["central"]["freq_left"], rows["central"]["freq_right"]) == (3, 3, 0)
    assert (rows["met"]["freq"], rows["met"]["freq_right"], rows["met"]["corpus_freq"]) == (2, 2, 2)
    assert (rows["work"]["freq"], rows["work"]["freq_right"]) == (1, 1)


def test_stopwords_are_left_out_unless_kept(run_cli) -> None:
    plain = run_cli(["collocates", "bureaucracy", "--min-freq", "1"]).stdout
    kept = run_cli(["collocates", "bureaucracy", "--keep-stopwords"]).stdout
    assert "\nthe\t" not in plain and "\nthe\t" in kept


def test_bad_window_is_a_usage_error(run_cli) -> None:
    result = run_cli(["collocates", "bureaucracy", "--window", "a,b"])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


def test_juilland_d_bounds() -> None:
    assert juilland_d([3, 3, 3, 3]) == pytest.approx(1.0)
    assert juilland_d([12, 0, 0, 0]) == pytest.approx(0.0)
    assert juilland_d([0, 0]) is None


def test_dispersion_rows_and_summary(run_cli) -> None:
    rows = run_cli(["dispersion", "bureaucracy", "Trotsky"]).stdout.splitlines()
    assert rows[0] == "term\tdoc\tparagraph\ttoken\tposition\tstart\tend\tdoc_id"
    assert sum(r.startswith("bureaucracy\t") for r in rows) == 9
    positions = [float(r.split("\t")[4]) for r in rows[1:]]
    assert all(0 <= p <= 1 for p in positions)
    summary = json.loads(run_cli(["dispersion", "bureaucracy", "--summary", "--format", "json"]).stdout)[0]
    assert summary["hits"] == 9 and 0 < summary["juilland_d"] < 1
    assert summary["per_10k"] == pytest.approx(9 * 10_000 / summary["tokens"], abs=1e-3)


def test_dispersion_terminal_plot(run_cli) -> None:
    result = run_cli(["dispersion", "bureaucracy", "central committee"], tty=True)
    assert "Juilland" in result.stdout and result.stdout.count("│") + result.stdout.count("┃") >= 9


def running_tokens(run_cli) -> list[str]:
    from textkit.corpus.load import load_corpus
    from textkit.corpus.model import RUNNING_TEXT

    doc = load_corpus(None, use_cache=False).documents[0]
    return [
        fold(p.text[s:e]) for p in doc.paragraphs if p.kind in RUNNING_TEXT for s, e in span_tokenize(p.text)
    ]


def test_freq_equals_a_recount(run_cli) -> None:
    counts = Counter(running_tokens(run_cli))
    total = sum(counts.values())
    rows = json.loads(run_cli(["freq", "--format", "json"]).stdout)
    assert {r["word"]: r["count"] for r in rows} == {w: n for w, n in counts.items() if w not in stopwords()}
    top = rows[0]
    assert top["per_10k"] == pytest.approx(top["count"] * 10_000 / total, abs=1e-3)


def test_freq_options(run_cli) -> None:
    kept = json.loads(run_cli(["freq", "--keep-stopwords", "--top", "1", "--format", "json"]).stdout)
    assert kept[0]["word"] == "the"
    assert len(json.loads(run_cli(["freq", "--min-count", "20", "--format", "json"]).stdout)) < 20
    stems = json.loads(run_cli(["freq", "--stem", "--format", "json"]).stdout)
    stalin = next(r for r in stems if r["word"] == "stalin")
    assert set(stalin["forms"]) == {"stalin", "stalinism"}
    cased = run_cli(["freq", "--case-sensitive", "--keep-stopwords", "--format", "json"]).stdout
    words = {r["word"] for r in json.loads(cased)}
    assert {"The", "the"} <= words
