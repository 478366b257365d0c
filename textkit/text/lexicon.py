"""Word lists the rules share, one copy of each: speech verbs, titles, function words, pronouns,
nouns for speaking bodies and for speech, and the stopword list.

Lists of English words only: nothing here names a person, place or work of any book.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_CUE_VERB = re.compile(
    r"^(?:say|says|said|saying|write|writes|wrote|written|writing|declare[sd]?|declaring|argue[sd]?|"
    r"arguing|ask(?:s|ed)?|add(?:s|ed)?|repl(?:y|ies|ied)|answer(?:s|ed)?|retort(?:s|ed)?|"
    r"remark(?:s|ed)?|complain(?:s|ed)?|affirm(?:s|ed)?|paraphrase[sd]?|refer(?:s|red)?|"
    r"call(?:s|ed)?|cite[sd]?|quote[sd]?|state[sd]|insist(?:s|ed)?|conclude[sd]?|explain(?:s|ed)?|"
    r"urge[sd]?|note[sd]|observe[sd]?|stress(?:es|ed)?|charge[sd]|claim(?:s|ed)?|exclaim(?:s|ed)?|"
    r"recall(?:s|ed)?|warn(?:s|ed)?|announce[sd]?|proclaim(?:s|ed)?|accuse[sd]?|accusing|"
    r"describe[sd]?|tell|tells|told|suggest(?:s|ed)?|admit(?:s|ted)?|repeat(?:s|ed)?|hint(?:s|ed)?|"
    r"demand(?:s|ed)?|protest(?:s|ed)?|object(?:s|ed)|comment(?:s|ed)?|concede[sd]?|continue[sd]|"
    r"shout(?:s|ed)?|cr(?:y|ies|ied)|mention(?:s|ed)?|assert(?:s|ed)?|maintain(?:s|ed)?|"
    r"emphasi[sz]e[sd]?|respond(?:s|ed)?|reported|responded|put|telegraph(?:s|ed)?|cable[sd]|"
    r"spoke|speaks|confess(?:es|ed)?|predict(?:s|ed)?|promise[sd]|thunder(?:s|ed)?|boast(?:s|ed)?|"
    r"testif(?:y|ies|ied)|critici[sz](?:e|es|ed|ing)|praise[sd]?|point(?:ed|ing)|advise[sd]?)$"
)


def is_cue_verb(word: str) -> bool:
    """A verb that introduces reported speech (``said``, ``retorted``, ``called``…), in any form."""
    return bool(_CUE_VERB.match(word.lower()))


# Auxiliaries that tell the tense of a clause without a tagger: the narration of a history is told
# in the past, the analyses it quotes often in the present. (A word after white space: the search
# skips ahead by it, twice as fast as ``\b``.)
PRESENT_AUXILIARY = re.compile(
    r"\s(?:is|are|has|have|does|do|can|cannot|must|will|shall|remains?)\b", re.IGNORECASE
)
PAST_AUXILIARY = re.compile(r"\s(?:was|were|had|did|could|would)\b", re.IGNORECASE)

# Words that may stand between a subject and its verb: ``Engels had written``, ``Lenin later said``.
BEFORE_VERB = frozenset(
    """had has have was is would will could should must did does also then later once again too been
    himself herself""".split()
)
TITLES = frozenset(
    "Comrade Comrades Mr Mrs Ms Dr Mr. Mrs. Dr. General Professor President Citizen Tsar Tsarina "
    "Sir Lord Lady Saint St St. Father Madame Monsieur Herr Frau Prince Count Colonel Captain".split()
)
FUNCTION_WORDS = frozenset(
    """a an the and or but nor yet so for if then than as at by in on of off to up with without within
    into onto from over under after before since until while when whenever where wherever why how what
    which who whom whose that this these those there here it its it’s is was were be been being are am
    do does did done had has have having not no yes all any both each every either neither few many
    more most much some such other another own same only also even just still again already always
    never often once twice thus hence however therefore moreover nevertheless nonetheless indeed
    instead meanwhile otherwise finally firstly secondly lastly above below among between against
    around through throughout during despite although though because unless whether let us we you
    he she they i me my mine our ours your yours his her hers their theirs him them one ones
    mr mrs dr chapter part book volume page section note notes introduction conclusion
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
THIRD_PERSON = frozenset({"he", "his", "him", "she", "her"})
FIRST_PERSON = frozenset({"i", "me", "my"})
BODY_NOUNS = frozenset(
    """congress conference committee politburo orgburo secretariat government party soviet commission
    plenum presidium council bureau executive assembly convention parliament court resolution
    declaration decree manifesto programme program newspaper paper journal editorial report
    delegation opposition board ministry department embassy police okhrana""".split()
)
INSTITUTIONS = frozenset(
    """congress conference committee party revolution opposition union council army commission bureau
    republic government international federation policy plenum soviet assembly""".split()
)
PREPOSITIONS = frozenset(
    """of to by with against from for in on at about over under than like into onto towards toward
    between among upon without within after before behind beside besides around through across via
    per despite during near""".split()
)
DETERMINERS = frozenset("the a an this these those every each any some no many few several most".split())
CLAUSE_OPENERS = frozenset(
    """that when while as because since if although though then thus so yet where
    whereas once until unless whether who which now also again finally still only even hence indeed
    moreover however therefore why how what""".split()
)
SPEECH_NOUNS = frozenset(
    """remark remarks comment comments words statement reply answer response retort conclusion verdict
    view opinion judgment judgement advice message letter speech report article declaration slogan
    phrase argument claim promise warning appeal words question formula verdict dictum saying
    proposal order instruction telegram cable""".split()
)
TERM_CUES = frozenset(
    "word words term terms slogan slogans expression phrase label so-called notion concept name title".split()
)


@cache
def stopwords() -> frozenset[str]:
    """nltk's English stoplist, shipped as a file (nltk's own copy needs a download)."""
    from importlib.resources import files

    text = files("textkit").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def place_names() -> frozenset[str]:
    """Countries, capitals, continents and larger cities (GeoNames, shipped as a file): weak evidence
    that a capitalised name is a place, since many towns bear a person's name."""
    # Read beside this module: pip never installs a wheel zipped, and ``importlib.resources`` would
    # add 20 ms to every cold run that types names.
    text = (Path(__file__).resolve().parent.parent / "data" / "places.txt").read_text(encoding="utf-8")
    return frozenset(text.splitlines())  # the header lines start with "#", which no name does
