"""Who said a quotation: a cascade of general rules ordered by precision (after CoreNLP's sieves).

Each sieve reads the narration around the quotation (quoted words masked) and either names a
speaker or passes. Cues after the quotation (``‘…’, X retorted``; ``‘…’ by X``) come first, then a
cue inside the sentence (``…, said X, …``), a reported source (``a remark by X:``), a possessive cue
(``X’s comment was:``), the subject of a cue verb or of a colon lead-in, and last continuation and
salience, which need no cue at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from textkit.people.names import canonical, name_chunks
from textkit.people.narration import Candidate, Salience, candidates, find_subject
from textkit.text.lexicon import (
    BEFORE_VERB,
    BODY_NOUNS,
    CLAUSE_OPENERS,
    DETERMINERS,
    PREPOSITIONS,
    SPEECH_NOUNS,
    TERM_CUES,
    is_cue_verb,
)
from textkit.text.words import Word, words

DOCUMENT_NOUNS = frozenset(
    """report reports memorandum manifesto resolution resolutions declaration appeal proclamation
    statement communique communiqué telegram editorial leaflet circular bulletin minutes""".split()
)
BODY_VERBS = frozenset("resolved decided voted adopted passed ruled ordered decreed instructed".split())
PLAIN_ADJECTIVES = frozenset(
    """secret long short brief full first last new old daily weekly monthly detailed official confidential
    private public further later earlier final special formal famous remarkable""".split()
)
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ful|less|ary|ish|ent|ant|ed|ing|ly|est|er)$")
SHORT_QUOTE_WORDS = 4
_LOOK_BACK = 120  # characters read back for a relative clause before a cue verb


@dataclass(frozen=True)
class Attribution:
    """The verdict of the first sieve that fired; ``cued`` is False for continuation and salience."""

    speaker: str | None
    rule: str | None
    cue: str | None
    confidence: float
    cued: bool


NONE = Attribution(None, None, None, 0.0, False)


@dataclass
class Context:
    """What the sieves may know beyond the sentence: names, aliases, salience, the last speaker."""

    known: frozenset[str]
    aliases: Mapping[str, str]
    salience: Salience
    previous_speaker: str | None = None
    subject_since_previous: str | None = None
    types: Mapping[str, str] = field(default_factory=dict)  # the document's cast: name → its type


def _who(cand: Candidate | None, ctx: Context) -> str | None:
    return ctx.salience.resolve(cand) if cand else None


def _first_candidate(text: str, ctx: Context) -> Candidate | None:
    cands = candidates(text, ctx.known, ctx.aliases, ctx.types)
    return cands[0] if cands else None


_AFTER_VERB_ASIDE = re.compile(r"\s*,(?:[^,;:]{1,80},){1,2}\s*")  # said, at …, on May 26, 1915,
_AUXILIARY = re.compile(rf"(?:\s+(?:{'|'.join(sorted(BEFORE_VERB))}|[a-z]+ly))+\s*")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her)\s[^,;:]{1,60},\s*")


def _resolve(cand: Candidate | None, before: str, ctx: Context) -> str | None:
    """A candidate's person; ``he``/``she`` first takes the person its own sentence is about, in
    the words before it (its subject, else the last plain name: ``To return to Kaiurov: he wrote``),
    and only then the narration's salient person."""
    if cand is None or cand.kind != "pronoun" or cand.value not in ("he", "she"):
        return _who(cand, ctx)
    subject = _subject_named(before, ctx)
    if subject:
        return subject
    earlier = candidates(before, ctx.known, ctx.aliases, ctx.types)
    persons = [c.value for c in earlier if c.kind == "name" and not c.possessive]
    if persons and ctx.types.get(persons[-1]) != "body":
        return persons[-1]
    return _who(cand, ctx)


def _post_cue(post: str, ctx: Context, pre: str = "") -> Attribution | None:
    """``‘…’, X retorted`` / ``‘…’, paraphrased X`` / ``‘…’ by X``."""
    m = re.match(r"^[\s,.;!?’”'\"]*", post)
    rest = post[m.end() :] if m else post
    lead = post[: m.end()] if m else ""
    toks = words(rest)[:4]
    if not toks:
        return None
    cand = _first_candidate(rest[toks[0].end :], ctx) if toks[0].lower == "by" else None
    if cand and cand.start <= 1 and cand.kind == "name":
        return Attribution(cand.value, "passive agent", rest[: toks[0].end + cand.end], 0.85, True)
    if not re.search(r"[,!?]", lead):
        return None
    cue = rest[: toks[min(2, len(toks) - 1)].end]
    cand = _first_candidate(rest, ctx) if is_cue_verb(toks[0].text) and len(toks) > 1 else None
    if cand and cand.start == toks[1].start:
        return Attribution(_who(cand, ctx), "cue after quote", cue, 0.9, True)
    head = _first_candidate(rest, ctx)
    if head and head.start == 0 and head.kind in ("name", "pronoun"):
        aside = _APPOSITIVE.match(rest, head.end)  # X, the minister of war, wrote
        if aside:
            toks = [t for t in words(rest) if t.start < head.end or t.start >= aside.end()][:6]
        after = [t for t in toks if t.start >= head.end]
        verb = next((t for t in after[:2] if is_cue_verb(t.text)), None)
        if verb and (after[0] is verb or after[0].lower.endswith("ly")):
            return Attribution(_resolve(head, pre, ctx), "cue after quote", rest[: verb.end], 0.9, True)
    return None


def _parenthetical(sentence: str, ctx: Context) -> Attribution | None:
    """``The time had come, said X, to …`` / ``Why, he asked, did …``."""
    for m in re.finditer(r",\s*([^,;:]{1,40}?)\s*,", sentence):
        inner = m.group(1)
        toks = words(inner)
        if len(toks) not in (2, 3) or not any(is_cue_verb(t.text) for t in toks):
            continue
        cand = _first_candidate(inner, ctx)
        if cand and cand.kind in ("name", "pronoun"):
            return Attribution(_who(cand, ctx), "cue inside sentence", inner, 0.85, True)
    return None


def _clause_before(pre: str) -> str:
    cut = max(pre.rfind(";"), pre.rfind("—"))
    return pre[cut + 1 :] if cut >= 0 else pre


def _reported_source(pre: str, ctx: Context) -> Attribution | None:
    """``a remark by X:`` → X; ``a remark from a report …:`` → nobody named (never the reporter)."""
    if not pre.rstrip().endswith(":"):
        return None
    clause = _clause_before(pre)
    toks = words(clause)
    if len(toks) >= 2 and is_cue_verb(toks[-1].text) and toks[-2].capitalised:
        return None  # ``Letter from the Central Committee … Lenin wrote:``: the writer is named
    for i in range(len(toks) - 2, -1, -1):
        if toks[i].lower in SPEECH_NOUNS and toks[i + 1].lower in ("by", "of", "from"):
            rest = clause[toks[i + 1].end :]
            cand = _first_candidate(rest, ctx)
            nxt = toks[i + 2] if i + 2 < len(toks) else None
            cue = clause[toks[i].start :].strip()
            if cand and nxt and cand.start == nxt.start - toks[i + 1].end and cand.kind != "pronoun":
                return Attribution(cand.value, "reported source", cue, 0.85, True)
            author = _body_after_the(toks, i + 2) if toks[i].lower in DOCUMENT_NOUNS else None
            if author:
                return Attribution(author, "document of a body", cue, 0.8, True)
            if nxt and nxt.lower in ("a", "an", "one", "some", "the"):
                return Attribution(None, "reported source (unnamed)", cue, 0.7, True)
    return None


def _body_after_the(toks: list[Word], i: int) -> str | None:
    """``… from the okhrana``, ``… of the congress``: the noun a definite article introduces."""
    if i + 1 < len(toks) and toks[i].lower == "the" and not toks[i + 1].capitalised:
        noun = toks[i + 1]
        if noun.lower not in PREPOSITIONS and not _ADJECTIVE.search(noun.lower) and len(noun.lower) > 3:
            return noun.lower
    return None


def _document_of_body(pre: str, ctx: Context) -> Attribution | None:
    """``A secret okhrana report described the events:`` → okhrana: a body's document speaks for
    the body that issued it (the noun right before the document noun, when it is no adjective)."""
    if not pre.rstrip().endswith(":"):
        return None
    clause = _clause_before(pre)
    toks = words(clause)
    for i in range(1, len(toks)):
        if toks[i].lower not in DOCUMENT_NOUNS:
            continue
        issuer = toks[i - 1]
        if issuer.capitalised or issuer.lower in DETERMINERS or issuer.lower in PREPOSITIONS:
            continue
        if _ADJECTIVE.search(issuer.lower) or issuer.lower in PLAIN_ADJECTIVES or len(issuer.lower) < 4:
            continue
        return Attribution(issuer.lower, "document of a body", clause[issuer.start :].strip(" :"), 0.8, True)
    return None


def _possessive_cue(pre: str, ctx: Context) -> Attribution | None:
    """``X’s comment was: ‘…’`` / ``His main conclusion was the ‘…’``."""
    clause = _clause_before(pre)
    for cand in candidates(clause, ctx.known, ctx.aliases, ctx.types):
        if not cand.possessive or cand.kind == "body":
            continue
        following = words(clause[cand.end :])[:4]
        noun = next((i for i, t in enumerate(following[:3]) if t.lower in SPEECH_NOUNS), None)
        if (
            noun is not None
            and noun + 1 < len(following)
            and following[noun + 1].lower in ("was", "were", "is")
        ):
            cue = clause[cand.start : cand.end + following[noun + 1].end]
            return Attribution(_who(cand, ctx), "possessive cue", cue, 0.85, True)
    return None


def _right_before(before: str, ctx: Context) -> Candidate | None:
    """The candidate right before a verb, which is its subject: a name, past auxiliaries, unless a
    preposition governs it (``… Bukharin and Piatakov, Lenin writes``, ``what Engels had written``;
    not ``a letter to X said``), or a pronoun whatever the clause opened with (``As early as the
    Ninth Party Congress he said``)."""
    cands = candidates(before, ctx.known, ctx.aliases, ctx.types)
    last = cands[-1] if cands else None
    if last is None or last.possessive:
        return None
    gap = before[last.end :]
    if last.kind == "pronoun":
        return last if last.value in ("he", "she", "they") and not gap.strip() else None
    if last.kind != "name" or (gap.strip() and not _AUXILIARY.fullmatch(gap)):
        return None
    previous = words(before[: last.start])[-1:]
    if previous and (previous[0].lower in PREPOSITIONS or previous[0].lower in DETERMINERS):
        return None
    return last


def _subject_of(clause: str, verb_start: int, ctx: Context) -> str | None:
    before = clause[:verb_start]
    right_before = _right_before(before, ctx)
    if right_before is not None and right_before.kind == "name":
        return right_before.value
    tail = max(0, len(before) - _LOOK_BACK)
    m = re.search(r",?\s*who\s+(?:\w+\s+)?$", before[tail:])
    if m:
        names = name_chunks(before[: tail + m.start()], ctx.known)
        if names:
            return canonical(names[-1].surface, ctx.aliases)
    m = re.search(r",\s*which\s+(?:\w+\s+)?$", before[tail:])
    if m:  # ``… on the organisation committee of the party, which declared``: the head body
        antecedent = before[: tail + m.start()]
        cands = candidates(antecedent, ctx.known, ctx.aliases, ctx.types)
        bodies = [c for c in cands if c.kind == "body"]
        while len(bodies) > 1 and re.fullmatch(r"\s+of\s+", antecedent[bodies[-2].end : bodies[-1].start]):
            bodies.pop()
        if bodies:
            return bodies[-1].value
    cand = right_before or find_subject(clause, ctx.known, ctx.aliases, before=verb_start, types=ctx.types)
    return _resolve(cand, clause[: cand.start] if cand else "", ctx)


UNNAMED = "cue verb, unnamed subject"
_INDEFINITE = frozenset({"a", "an"})
_IRREGULAR_PAST = frozenset({"said", "wrote", "told", "spoke", "put"})
_SUBJECT_WORDS = 8  # words an unnamed subject may run to (``a former director of the police``)


def _unnamed_subject(before: list[Word], verb: Word, clause: str, ctx: Context) -> bool:
    """``Similarly a former director of the police stated …``: the verb's subject is a new person
    the narration does not name (an indefinite noun phrase opening the clause, with no name or
    pronoun in it and no document), so the previous speaker does not go on. ``before`` holds the
    clause's words before the verb."""
    if not (verb.lower.endswith(("ed", "s")) or verb.lower in _IRREGULAR_PAST):
        return False  # ``a single remark is made``: the cue word is the noun itself
    start = next((j for j, t in enumerate(before) if t.lower in _INDEFINITE), None)
    if start is None or len(before) - start > _SUBJECT_WORDS:
        return False
    if any(t.lower not in CLAUSE_OPENERS and not t.lower.endswith("ly") for t in before[:start]):
        return False
    if any(t.lower in SPEECH_NOUNS or t.lower in DOCUMENT_NOUNS for t in before[start:]):
        return False  # ``a remark of his``, ``a report``: a thing whose author may be known
    subject = clause[before[start].start : verb.start]
    return all(c.kind == "body" for c in candidates(subject, ctx.known, ctx.aliases, ctx.types))


def _cue_verb(pre: str, words_in_quote: int, ctx: Context) -> Attribution | None:
    """The subject of a cue verb before the quotation, or of a lead-in ending with a colon."""
    clause = _clause_before(pre)
    toks = words(clause)
    colon = clause.rstrip().endswith(":")
    reach = 2 if words_in_quote <= SHORT_QUOTE_WORDS else 5
    for i in range(len(toks) - 1, -1, -1):
        if not is_cue_verb(toks[i].text):
            continue
        between = len(toks) - 1 - i
        that = any(t.lower == "that" for t in toks[i + 1 : i + 4])
        aside = _AFTER_VERB_ASIDE.fullmatch(clause, toks[i].end) is not None  # said, at …, ‘…’
        as_quote = toks[-1].lower == "as"  # ``praised Golos, the paper …, as ‘the best …’``
        if not (colon or that or aside or as_quote or between <= reach):
            continue
        after = _first_candidate(clause[toks[i].end :], ctx)
        inverted = (
            after and after.kind == "name" and not clause[toks[i].end : toks[i].end + after.start].strip()
        )
        if inverted and clause[toks[i].end + after.end :].strip() in (":", ","):
            return Attribution(after.value, "cue verb", clause[toks[i].start :].strip(), 0.9, True)
        speaker = _subject_of(clause, toks[i].start, ctx)
        if speaker:
            return Attribution(speaker, "cue verb", clause[toks[i].start :].strip(" :"), 0.85, True)
        if _unnamed_subject(toks[:i], toks[i], clause, ctx):
            return Attribution(None, UNNAMED, clause[toks[i].start :].strip(" :"), 0.7, True)
    if colon:
        subject = find_subject(clause, ctx.known, ctx.aliases, types=ctx.types)
        if subject and (speaker := _who(subject, ctx)):
            # A body that does something before a colon (``The government would go on with the
            # war:``) is seldom the voice that follows: too unsure to name.
            body = subject.kind == "body" or ctx.types.get(speaker) == "body"
            issues = any(
                t.lower in DOCUMENT_NOUNS
                or t.lower in SPEECH_NOUNS
                or t.lower in BODY_VERBS
                or is_cue_verb(t.text)
                for t in toks
            )
            sure = 0.45 if body and not issues else 0.7
            return Attribution(speaker, "colon lead-in", clause.strip(), sure, True)
    return None


def cue_in(sentence: str, ctx: Context) -> Attribution | None:
    """A person who speaks or writes in a sentence of narration (``Next day Trotsky wrote about the
    war.``): the voice of a block whose own lead-in, the sentence after, names no speaker."""
    clause = _clause_before(sentence)
    for tok in reversed(words(clause)):
        if not is_cue_verb(tok.text) or tok.lower.endswith("ing"):
            continue
        speaker = _subject_of(clause, tok.start, ctx)
        if speaker and speaker not in BODY_NOUNS and ctx.types.get(speaker) not in ("other", "body"):
            return Attribution(speaker, "cue in the sentence before", sentence.strip(), 0.7, True)
    return None


def is_term_cue(pre: str) -> bool:
    """``the word ‘bomb’``, ``the term ‘…’``, ``so-called ‘…’``."""
    toks = words(pre)[-2:]
    return any(t.lower in TERM_CUES for t in toks)


_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Ii]n the words of|[Aa]s (?:quoted|reported) by)\s+$")


def _according_to(pre: str, ctx: Context) -> Attribution | None:
    """``According to X, ‘…’`` / ``In the words of X: ‘…’``: the source is named before a comma."""
    clause = _clause_before(pre)
    for cand in candidates(clause, ctx.known, ctx.aliases, ctx.types):
        if cand.kind == "body" or not _ACCORDING.search(clause[: cand.start]):
            continue
        if re.fullmatch(r"[\s,:]*", clause[cand.end :]):
            cue = clause[_ACCORDING.search(clause[: cand.start]).start() : cand.end]
            return Attribution(_who(cand, ctx), "according to", cue, 0.85, True)
    return None


def attribute(pre: str, post: str, sentence: str, words_in_quote: int, ctx: Context) -> Attribution:
    """Run the sieves on the narration before and after one quotation, within its sentence."""
    for sieve in (
        lambda: _post_cue(post, ctx, pre),
        lambda: _parenthetical(sentence, ctx),
        lambda: _reported_source(pre, ctx),
        lambda: _document_of_body(pre, ctx),
        lambda: _according_to(pre, ctx),
        lambda: _possessive_cue(pre, ctx),
        lambda: _cue_verb(pre, words_in_quote, ctx),
    ):
        found = sieve()
        if found is not None:
            return found
    return NONE


def _subject_named(text: str, ctx: Context) -> str | None:
    """The person a stretch of narration has as its subject, when it names one."""
    subject = find_subject(text, ctx.known, ctx.aliases, types=ctx.types)
    if subject is None or subject.kind != "name" or ctx.types.get(subject.value) == "body":
        return None
    return subject.value


_THINGS_LEAD = re.compile(r"\s*Its\s")


def fallback(ctx: Context, lead: str = "") -> Attribution:
    """No cue: the previous quotation's speaker, unless the narration has moved to someone else:
    in the sentences since, or in the narration that leads to this quotation (the subject of its own
    sentence, which is read only after it)."""
    if _THINGS_LEAD.match(_clause_before(lead)):
        return NONE  # ``Its slogans did not say: ‘…’``: the narration has moved to a thing
    moved = ctx.subject_since_previous or _subject_named(lead, ctx)
    if ctx.previous_speaker and (moved is None or moved == ctx.previous_speaker):
        return Attribution(ctx.previous_speaker, "continuation", None, 0.6, False)
    if moved:
        return Attribution(moved, "salience", None, 0.4, False)
    person = ctx.salience.subject or ctx.salience.last_named
    if person:
        return Attribution(person, "salience", None, 0.4, False)
    return NONE
