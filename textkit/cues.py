"""Verbs that introduce reported speech (``said``, ``retorted``, ``called``…), in all their forms."""

from __future__ import annotations

import re

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
    r"spoke|speaks|confess(?:es|ed)?|predict(?:s|ed)?|promise[sd]|thunder(?:s|ed)?|boast(?:s|ed)?)$"
)


def is_cue_verb(word: str) -> bool:
    return bool(_CUE_VERB.match(word.lower()))
