"""Our own grammar rules (TQ950-TQ999): exact spans, and clean English that must stay quiet."""
from __future__ import annotations

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules

all_rules()
GRAMMAR = [r for r in REGISTRY.values() if r.category == "grammar"]


def _found(text):
    return [(i.rule, i.text) for i in find_issues(Document(text), Settings(), rules=GRAMMAR)]


def test_grammar_rules_use_their_own_codes():
    assert GRAMMAR
    assert all("TQ950" <= r.code <= "TQ999" for r in GRAMMAR)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Floods continue.\n\nMayor of the city Ihor Terekhov said that crews are working.",
         [("TQ950", "Mayor of the city Ihor Terekhov")]),
        ("Deputy head of the regional administration Ivan Petrov said so.",
         [("TQ950", "Deputy head of the regional administration Ivan Petrov")]),
        ("It arrives with the dignity of who knows the work.", [("TQ951", "of who")]),
        ("The reform enables to cut waiting times.", [("TQ952", "enables to")]),
        ("The agency suggests to avoid the area.", [("TQ952", "suggests to")]),
        ("The unemployment fell to 6%.", [("TQ953", "The")]),
        ("The Juventus lost at home.", [("TQ954", "The Juventus")]),
        ("Two were injured and was destroyed a school.", [("TQ955", "destroyed a school")]),
        ("The arrested were taken to court.", [("TQ956", "The arrested")]),
    ],
)
def test_flags_the_mt_construction(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # titles of English style, and apposition with commas
        "Secretary of State Antony Blinken said the talks would resume.",
        "Mayor of London Sadiq Khan said the city was ready.",
        "The head of the regional administration, Oleh Syniehubov, said two people were hurt.",
        "Chairman of the board Warren Buffett said the company is strong.",
        # indirect questions after `of who`
        "It is a question of who pays, and a matter of who wins; regardless of who did it, the list of who attended grew.",
        "She has a clear sense of who she is.",
        # allow / recommend with an object, passive or a clause
        "The law allows companies to hire, and workers are allowed to strike; it was not allowed to stand.",
        "Prisoners allowed to vote were few. Vehicles permitted to pass were checked.",
        "Doctors recommended to the minister that schools close. It is suggested to arrive early.",
        "The board recommended to shareholders the sale of the unit.",
        # indicators with a noun after them, or a specific one
        "The inflation rate rose to 4%. The unemployment benefit fell. The inflation of the 1970s was severe.",
        "Inflation rose and unemployment fell.",
        # clubs as adjectives
        "The Barcelona players and the Juventus coach met the Napoli fans.",
        # passive with a time phrase or a degree after it
        "He was killed the following day and she was injured a week later; the town was hit the hardest.",
        "The injured were taken to hospital, and those arrested were released.",
    ],
)
def test_clean_english_is_left_alone(text):
    assert _found(text) == []
