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


# ---------------------------------------------------------------- TQ957-TQ961 (articles, amounts, tense, agreement, relatives)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor answered questions at news conference on Friday.", [("TQ957", "at news conference")]),
        ("Fragments were found of painted coffin, the team said.", [("TQ957", "of painted coffin")]),
        ("His cousin worked as taxi driver in the port.", [("TQ957", "worked as taxi driver")]),
        ("She is not member of the committee.", [("TQ957", "member of")]),
        ("The price will rise, said director of company Jan Novak.", [("TQ957", "said director of")]),
        ("Visitors spend in average 40 euros a day.", [("TQ958", "in average")]),
        ("Fares would decrease of about 2% next year.", [("TQ958", "decrease of")]),
        ("Mr Lind, who heads the bureau since 2017, spoke first.", [("TQ959", "heads the bureau since 2017")]),
        ("We work in this hall since last year.", [("TQ959", "work in this hall since last year")]),
        ("Officials said there was no injuries.", [("TQ960", "there was no injuries")]),
        ("The dig revealed much of the treasures of the city.", [("TQ960", "much")]),
        ("The Verdi union, that represents nurses, objected.", [("TQ961", "that")]),
    ],
)
def test_new_grammar_mechanisms_flag_exact_spans(text, expected):
    assert [f for f in _found(text) if f[0] >= "TQ957"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # articles present, bare idioms, compounds, titles before names, headlines, unique posts
        "The mayor answered questions at a news conference on Friday.",
        "He is in hospital, at home, in prison, in office, on call, at short notice and in critical condition.",
        "A conference call with investors followed the press conference room tour.",
        "He worked as head coach, served as captain and was named chairman of the trust.",
        "She is a member of parliament and a member of the committee; he became president of the club.",
        "The price will rise, said head of Apple Tim Cook, according to spokesman Jan Novak.",
        "Mayor answers questions at press conference",
        "He was appointed director of communications, and she remains chair of the board.",
        # amounts
        "The fall in average prices was steep; the increase of 2% was small and prices rose by 5%.",
        "On average, visitors spend 40 euros.",
        # since with a perfect, a past, a superlative or another clause
        "Mr Lind, who has headed the bureau since 2017, spoke first.",
        "Prices are up 30% since January, the highest rise since 1991.",
        "It is the first title since 2005 and the lowest turnout since 1918.",
        "She lives in Leeds and since 2020 has worked in York.",
        "The law, passed in 1990, exists to protect tenants; since then it has changed.",
        # singular nouns in -s, amounts, verbs after `much of the`
        "There is no basis for it, there was no consensus and there is no news.",
        "There are many reasons, and there were no injuries.",
        "Much of the proceeds went to charity; much of the anger stems from rents.",
        "Much of the damage was done, and much of the city's housing is old.",
        # `that` after a comma that is not a relative
        "That is, the plan failed, and the minister said, that is certain, nothing.",
        "The rain was so heavy, that roads flooded.",
        "He said it again, that was all.",
        # British collective nouns stay alone
        "The government are divided and the team have won; the police are investigating.",
    ],
)
def test_new_grammar_mechanisms_leave_english_alone(text):
    assert [f for f in _found(text) if f[0] >= "TQ957"] == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("The regional parliament has passed the law last Thursday.", "has passed the law last Thursday"),
        ("Police have arrested a suspect two days ago in Lyon.", "have arrested a suspect two days ago"),
    ],
)
def test_perfect_with_finished_time_spans(text, span):
    assert [i.text for i in find_issues(Document(text), Settings(), None, rules=[REGISTRY["TQ962"]])] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout has risen since last May and is up on last year.",
        "The club had signed him a week ago, and it has kept the deal quiet.",
        "Rents have doubled in the last year.",
        "The plan might have worked last winter.",
    ],
)
def test_perfect_with_finished_time_leaves_english_alone(text):
    assert find_issues(Document(text), Settings(), None, rules=[REGISTRY["TQ962"]]) == []
