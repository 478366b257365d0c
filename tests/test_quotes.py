"""The quotation engine on small invented texts (so the rules prove general) and on the bundled chapter.

Names in the fixtures are made up: a rule that passes here cannot be relying on the chapter's people.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS_DIR

from textkit.corpus.load import load_corpus
from textkit.corpus.parse import parse_document
from textkit.quotes.engine import document_quotes
from textkit.quotes.find import find_quotes
from textkit.quotes.record import Quote


def quotes_of(text: str, aliases: dict[str, str] | None = None) -> list[Quote]:
    doc = parse_document(text, "invented.txt")
    found = document_quotes(doc, aliases)
    assert all(doc.text[q.start : q.end] == q.text for q in found)
    return found


def only(text: str, aliases: dict[str, str] | None = None) -> Quote:
    (quote,) = [q for q in quotes_of(text, aliases) if q.kind != "nested"]
    return quote


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The meeting was long. Ivanov said: ‘We shall not retreat one step.’ Nobody answered.", "Ivanov"),
        (
            "The meeting was long. ‘We shall not retreat one step’, Petrov retorted. Nobody answered.",
            "Petrov",
        ),
        (
            "The meeting was long. Orlov’s comment was: ‘It must not be printed. No more.’ Nobody answered.",
            "Orlov",
        ),
        (
            "It was late. Kuznetsov reported a remark by Sidorova: ‘The plan will fail before spring.’",
            "Sidorova",
        ),
        (
            "The meeting was long. As Ivanov wrote in his diary that night: ‘Nothing will come of this.’",
            "Ivanov",
        ),
        (
            "The meeting was long. Ivanov called them: ‘the gravediggers of the revolution’. Nobody spoke.",
            "Ivanov",
        ),
        (
            "It was late. He met ‘a flat refusal to discuss the matter at all’ by Petrov. Nobody spoke.",
            "Petrov",
        ),
        (
            "It was late. Then came the reply, said Petrov, that nobody wanted: ‘We refuse.’ Nobody spoke.",
            "Petrov",
        ),
        # the subject of the previous sentence, not the nearest name, is ``he``
        (
            "Ivanov argued with Petrov for an hour. He said: ‘The grain must reach the towns before winter.’",
            "Ivanov",
        ),
        # straight quotes follow the same rules
        ('The meeting was long. Ivanov said: "We shall win the vote." Nobody answered.', "Ivanov"),
        # an aside between the verb and the quotation, an appositive between the name and the verb
        (
            "Ivanov put it well when he said, at a meeting of the council on 3 May 1915, ‘The grain "
            "will not come.’",
            "Ivanov",
        ),
        ("‘The army has no bread left at all,’ Petrov, the minister of war, wrote to his wife.", "Petrov"),
        ("At the inquiry Orlov, who knew the works, testified that ‘no one expected the strike’.", "Orlov"),
        ("At the inquiry Orlov pointed out that ‘no one expected the strike’.", "Orlov"),
        ("Orlov advised them to wait: ‘No one expects the strike.’", "Orlov"),
        # the name right before the verb, not the first name of the sentence
        ("Then Belova reported that Orlov said: ‘If I were young I would join the army.’", "Orlov"),
        ("Of the two young men, Orlov and Petrov, Ivanov writes: ‘They are able, but vain.’", "Ivanov"),
        # a possessive's noun with a name beside it: the name is the subject
        ("Ivanov was ill. His secretary, Belova, in her diary, wrote: ‘Called me in again.’", "Belova"),
        # a pronoun takes a name earlier in its own sentence, and a passive agent is salient
        ("Ivanov was ill. To return to Orlov: he could write, years later, ‘Nobody led us.’", "Orlov"),
        (
            "Ivanov spoke first. A worse position than Ivanov’s was taken by Orlov. "
            "Early in 1915 he wrote: ‘The defeat of the empire would be a disaster.’",
            "Orlov",
        ),
        # a pronoun right before the verb is the subject, not the body the clause opened with
        (
            "Then Ivanov was alarmed. In March at the Party Congress he said: ‘Scratch some, find a bigot.’",
            "Ivanov",
        ),
        # a pronoun after the quotation takes the subject of the narration before it
        (
            "Ivanov spoke. At the congress the old delegate, N. Orlov, argued that the plan had "
            "failed. ‘The old empire is not our slogan’, he exclaimed.",
            "Orlov",
        ),
        # a name before auxiliaries is the verb's subject, even one a town also bears
        (
            "The leaders only confirmed what Engels had written in a letter to Bebel in 1884 about "
            "the role of democracy: ‘The whole reactionary mass falls in behind it and strengthens it.’",
            "Engels",
        ),
        # ``praised X, …, as ‘…’``: the verb's subject, however far the quotation
        (
            "At the time Ivanov praised Golos, the Paris paper edited by Petrov, as ‘the best "
            "socialist paper in Europe’.",
            "Ivanov",
        ),
        # a name seen only at sentence starts still speaks after an aside
        ("The vote went badly. Merkel, for example, declared: ‘You are not sincere.’", "Merkel"),
    ],
)
def test_cue_patterns_name_the_speaker(text: str, speaker: str) -> None:
    quote = only(text)
    assert (quote.type, quote.speaker) == ("quote", speaker)


def block(
    lead_in: str, quoted: str = "The plan must be carried out in full and without delay, whatever it costs."
) -> Quote:
    """The speaker of a block quotation after a narration paragraph and a lead-in ending with ':'."""
    text = f"The debate went on into the night.\n{lead_in}\n{quoted}\nThe debate ended at dawn."
    (quote,) = [q for q in quotes_of(text) if q.kind == "block"]
    return quote


def test_block_speaker_is_the_subject_of_the_lead_in_not_the_person_cited() -> None:
    assert block("Belov cited Markov in support of his policy:").speaker == "Belov"


def test_block_speaker_of_a_letter_is_its_writer_not_its_addressee() -> None:
    lead_in = (
        "Another explanation was given by his old friend, Semyon Belov. "
        "In a letter written to Markov an hour before Belov left the city, he wrote:"
    )
    assert block(lead_in, "I have never doubted your plan, and I never will.").speaker == "Belov"


def test_a_remark_from_an_unnamed_report_is_unattributed_never_the_reporters() -> None:
    quote = block("Volkov cited a remark from a report on the grain collections:")
    assert quote.speaker is None
    assert quote.rule == "reported source (unnamed)"


def test_a_new_subject_in_the_lead_stops_the_previous_speaker_continuing() -> None:
    """An uncued quotation whose sentence has someone else as its subject is not the previous
    speaker's: that person is only a guess, so the speaker is left unknown."""
    text = (
        "Ivanov said: ‘We shall not retreat one step.’ Petrov, an old enemy of his, agreed with "
        "the generals and added his own warning in the same debate “The army will not hold the line "
        "for a week longer.”"
    )
    first, second = [q for q in quotes_of(text) if q.type == "quote"]
    assert first.speaker == "Ivanov"
    assert second.speaker != "Ivanov"


def test_an_editors_bracket_names_the_voice_of_an_uncued_block() -> None:
    text = (
        "The debate went on into the night. The merchants did not like it.\n"
        "As a matter of fact [writes Belov] the whole of the merchant class was confronted by a "
        "tragic problem ... it had to choose.\n"
        "But what was to be done once the old order had fallen? Nobody knew. [3]\n"
        "The debate ended at dawn.\n"
    )
    quotes = [q for q in quotes_of(text) if q.kind == "block"]
    assert [q.speaker for q in quotes] == ["Belov", "Belov"]
    assert quotes[0].rule == "interpolated cue" and quotes[0].cue == "[writes Belov]"


def test_a_relative_clause_gives_its_body_as_the_speaker() -> None:
    text = (
        "Orlov worked with Petrov on the organisation committee of the party, which declared in late "
        "1915: ‘The workers cannot remain indifferent to the coming defeat of the empire.’"
    )
    assert only(text).speaker == "committee"


def test_an_inverted_cue_names_a_body() -> None:
    text = "‘The strike caught the workers unprepared’, testifies the Moscow police, ‘and nobody knew why.’"
    assert {q.speaker for q in quotes_of(text) if q.type == "quote"} == {"police"}


def test_a_weak_lead_in_takes_the_writer_of_the_sentence_before() -> None:
    """``The government would go on with the war:`` names no voice; the sentence before does."""
    lead_in = (
        "Next day Belov wrote about the war and the revolution. The government would go on with the war:"
    )
    quote = block(lead_in, "Now the interests of naked greed are written on the banners of the state.")
    assert (quote.speaker, quote.rule) == ("Belov", "cue in the sentence before")


def test_a_body_speaks_its_resolution() -> None:
    quote = block("The congress passed a resolution on the work of the committee:")
    assert quote.speaker == "congress"


def test_a_capitalised_institution_is_a_body_not_a_person() -> None:
    assert block("The Central Committee met in March. The Central Committee resolved:").speaker == "committee"
    assert block("A letter from Ivanov reached the Central Committee. He wrote:").speaker == "Ivanov"


def test_first_person_inside_a_block_is_the_blocks_voice_and_a_split_quote_is_one() -> None:
    text = (
        "The memoir is vivid.\nKarpov wrote of the meeting:\n"
        "‘I doubt it’, I answered, ‘that anything will change now.’ We parted late. [1]\n"
        "1. Karpov, Memoirs, p. 4."
    )
    found = quotes_of(text)
    outer = next(q for q in found if q.kind == "block")
    (nested,) = [q for q in found if q.kind == "nested"]
    assert outer.speaker == nested.speaker == "Karpov"
    assert nested.text == "I doubt it’, I answered, ‘that anything will change now."
    assert nested.parent == outer.id


def test_split_quote_in_narration_is_merged_and_cued_by_the_interruption() -> None:
    quote = only("The meeting was long. ‘I doubt it’, Ivanov answered, ‘that anything will change now.’")
    assert quote.speaker == "Ivanov"
    assert quote.text.startswith("I doubt it") and quote.text.endswith("change now.")


def test_a_quoted_word_is_a_term_without_speaker() -> None:
    quote = only("Nobody liked it. The word ‘bomb’ was his, not hers. The reply came quickly.")
    assert (quote.type, quote.text, quote.speaker) == ("term", "bomb", None)


def test_quotation_closed_by_a_marker_carries_that_notes_text() -> None:
    text = (
        "The book is old. Ivanov said: ‘The grain is late.’ [3] Nobody answered.\n"
        "1. First note.\n2. Second note.\n3. Ivanov, Speeches, p. 12."
    )
    quote = only(text)
    assert (quote.note, quote.source) == ("3", "Ivanov, Speeches, p. 12.")


def test_two_paragraph_block_takes_the_marker_closing_its_last_paragraph() -> None:
    text = (
        "The debate went on.\nIvanov said:\n"
        "The grain must reach the towns before the winter, or the towns will starve.\n"
        "... and the villages must send it without delay, whatever the cost. [2]\n"
        "The debate ended.\n1. First note.\n2. Ivanov, Collected Works, vol. 3, p. 45."
    )
    blocks = [q for q in quotes_of(text) if q.kind == "block"]
    assert [q.paragraph for q in blocks] == [2, 3]
    assert {(q.speaker, q.note, q.source) for q in blocks} == {
        ("Ivanov", "2", "Ivanov, Collected Works, vol. 3, p. 45.")
    }


def test_full_name_and_surname_are_one_person() -> None:
    found = quotes_of(
        "The meeting was long. Stepan Ivanov said: ‘We shall win.’ Later Ivanov said: ‘We have won.’"
    )
    assert [q.speaker for q in found] == ["Ivanov", "Ivanov"]


def test_aliases_map_a_name_to_its_person_only_when_given() -> None:
    text = "The meeting was long. Vanya said: ‘We shall win the vote.’ The hall was silent."
    assert only(text).speaker == "Vanya"
    assert only(text, {"Vanya": "Ivanov"}).speaker == "Ivanov"


def test_unclosed_quote_stops_at_its_paragraph_with_a_warning() -> None:
    text = (
        "The meeting was long. Ivanov said: ‘We shall win the vote. [1]\nThe next day was quiet.\n1. A note."
    )
    quote = only(text)
    assert quote.text == "We shall win the vote."
    assert quote.warning == "quotation mark never closed: ends with its paragraph"
    assert quote.speaker == "Ivanov"


def test_missing_opening_mark_is_recovered_after_a_colon_cue() -> None:
    quote = only("The meeting was long. Ivanov said: we shall win the vote’. [1]\n1. A note.")
    assert (quote.text, quote.speaker, quote.note) == ("we shall win the vote", "Ivanov", "1")
    assert quote.warning == "opening quotation mark missing"


def test_no_quotation_marks_no_quotes() -> None:
    assert quotes_of("Only narration here. Ivanov’s workers’ state was strong, and he didn’t doubt it.") == []


def test_unbalanced_marks_give_spans_inside_their_paragraph() -> None:
    text = "Stray ” marks ’ everywhere “ and ‘ here.\nA second paragraph, untouched."
    doc = parse_document(text)
    first = doc.paragraphs[0]
    assert all(first.start <= q.start <= q.end <= first.end for q in document_quotes(doc))


def test_many_unclosed_opening_marks_do_not_crash() -> None:
    found = quotes_of("The chapter opens. " + "‘He said the grain was late " * 600)
    assert len(found) == 600


BIG_SCRIPT = """
import sys
from textkit.corpus.parse import parse_document
from textkit.quotes.engine import document_quotes
doc = parse_document(open(sys.argv[1], encoding="utf-8").read())
found = document_quotes(doc)
assert all(doc.text[q.start:q.end] == q.text for q in found)
print(len(found))
"""


def quotes_in_big_paragraph(tmp_path: Path, unit: str) -> int:
    """Count the quotes of a 1 MB single paragraph in a child process killed after 10 s."""
    path = tmp_path / "big.txt"
    path.write_text("The chapter opens. " + unit * (1_000_000 // len(unit)), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", BIG_SCRIPT, str(path)], capture_output=True, text=True, timeout=10, check=True
    )
    return int(run.stdout)


def test_a_1mb_paragraph_without_quotes_is_quick(tmp_path: Path) -> None:
    assert (
        quotes_in_big_paragraph(tmp_path, "Ivanov said that the grain was late and the towns hungry. ") == 0
    )


def test_a_1mb_paragraph_full_of_quotes_is_quick(tmp_path: Path) -> None:
    unit = "Ivanov said: ‘the grain is late’, and Petrov’s workers’ state replied. "
    assert quotes_in_big_paragraph(tmp_path, unit) == 1_000_000 // len(unit)


@pytest.fixture(scope="module")
def chapter_quotes() -> list[Quote]:
    return find_quotes(load_corpus(CORPUS_DIR))


def at(found: list[Quote], paragraph: int) -> list[Quote]:
    return [q for q in found if q.paragraph == paragraph and q.type == "quote"]


def test_chapter_each_speaker_of_a_debate_in_order(chapter_quotes: list[Quote]) -> None:
    assert [q.speaker for q in at(chapter_quotes, 49)] == ["Stalin", "Kamenev", "Tomsky", "Solts"]


def test_chapter_congress_resolution_is_one_block_with_its_closing_note(chapter_quotes: list[Quote]) -> None:
    resolution = at(chapter_quotes, 45) + at(chapter_quotes, 46)
    assert {(q.kind, q.speaker, q.note) for q in resolution} == {("block", "congress", "19")}


def test_chapter_letter_is_the_writers_not_the_addressees(chapter_quotes: list[Quote]) -> None:
    (letter,) = [q for q in at(chapter_quotes, 81) if q.kind == "block"]
    assert (letter.speaker, letter.note) == ("Ioffe", "34")


def test_chapter_reported_remark_is_the_original_speakers(chapter_quotes: list[Quote]) -> None:
    remark = next(q for q in at(chapter_quotes, 12) if "preparing a bomb" in q.text)
    assert remark.speaker == "Fotieva"
    assert remark.warning == "opening quotation mark missing"


def test_chapter_first_person_in_a_memoir_block(chapter_quotes: list[Quote]) -> None:
    (answer,) = [q for q in at(chapter_quotes, 15) if q.kind == "nested"]
    assert answer.speaker == "Trotsky"
    assert "I answered" in answer.text


def test_a_marker_closes_a_block_run_and_each_run_keeps_its_own_note() -> None:
    text = (
        "The debate went on into the night.\nIvanov wrote to the council:\n"
        "The war is a crime against the working class of every country. [1]\n"
        "Peace is the method of the working class, and it must be won. [2]\n"
        "The council did not answer him.\n1. Ivanov, Letters, p. 1.\n2. Ivanov, Letters, p. 2.\n"
    )
    blocks = [q for q in quotes_of(text) if q.kind == "block"]
    assert [(q.note, q.speaker) for q in blocks] == [("1", "Ivanov"), ("2", "Ivanov")]


def test_he_in_a_biographers_block_is_the_person_the_lead_in_names_besides_the_voice() -> None:
    text = (
        "Orlov had not changed his view.\nBelova, the biographer of Orlov, described his position thus:\n"
        "He opposed the war. At the same time he suggested that ‘a small defeat would help the cause’.\n"
        "The debate went on.\n"
    )
    nested = [q for q in quotes_of(text) if q.kind == "nested"]
    assert [q.speaker for q in nested] == ["Orlov"]
    assert [q.speaker for q in quotes_of(text) if q.kind == "block"] == ["Belova"]


def test_a_lead_about_a_thing_stops_the_previous_speaker_continuing() -> None:
    text = (
        "Ivanov said: ‘We shall strike tomorrow at dawn.’ A manifesto was issued in the name of the "
        "papers. Its slogans did not go far: ‘Down with the war! Down with the credits!’"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ivanov", None]


@pytest.mark.parametrize(
    ("note", "speaker"),
    [("General P.K. Belov, Memoirs, Moscow 1927, p. 98.", "Belov"), ("Memoirs of the police, p. 98.", None)],
)
def test_an_unnamed_subject_speaks_for_the_author_its_note_cites(note: str, speaker: str | None) -> None:
    text = (
        "Ivanov said: ‘We shall strike tomorrow at dawn.’ Similarly a former director of the police stated "
        f"that the strike was ‘a purely spontaneous thing, not the fruit of agitation’. [1]\n1. {note}\n"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ivanov", speaker]


def test_a_cue_noun_after_an_article_is_no_unnamed_subject() -> None:
    text = "Ivanov wrote: ‘We shall win.’ Only a single remark is made about Orlov: ‘He is no fool.’"
    assert [q.speaker for q in quotes_of(text)] == ["Ivanov", "Ivanov"]


def test_a_letter_quoted_as_a_block_keeps_its_address_and_salutation_but_not_its_signature() -> None:
    text = (
        "A long opening paragraph of narrative that is not a heading of any sort at all.\n"
        "On 6 March Ivanov sent a brief message to the leaders of the opposition:\n"
        "To P.K. Orlov and others Top Secret\n"
        "Copy to Comrades Belov and Petrov\n"
        "Dear Comrades:\n"
        "I am following your case with all my heart and I am preparing notes for you.\n"
        "Ivanov [1]\n"
        "This was the last letter he dictated.\n"
        "1. Ivanov, Letters, p. 1.\n"
    )
    doc = parse_document(text, "invented.txt")
    assert [p.kind for p in doc.paragraphs[2:8]] == ["block"] * 5 + ["body"]
    blocks = [q for q in document_quotes(doc) if q.kind == "block"]
    assert [q.text for q in blocks] == [p.text for p in doc.paragraphs[2:6]]
    assert {(q.speaker, q.note) for q in blocks} == {("Ivanov", "1")}


def test_a_slogan_in_capitals_closing_a_block_is_quoted_not_a_signature() -> None:
    text = (
        "The debate went on into the night.\nIvanov wrote to the council:\n"
        "The war must end now for all of us, and every worker knows it.\n"
        "Down With War [1]\nThe council did not answer him.\n1. Ivanov, Letters, p. 1.\n"
    )
    blocks = [q.text for q in quotes_of(text) if q.kind == "block"]
    assert blocks[-1] == "Down With War"
