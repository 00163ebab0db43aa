"""Punctuation debris (TQ8xx): what the registry examples cannot show."""
from __future__ import annotations

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules

all_rules()


def issues(code: str, text: str, settings: Settings | None = None):
    return find_issues(Document(text), settings or Settings(), rules=[REGISTRY[code]])


def flagged(code: str, text: str) -> list[str]:
    return [i.text for i in issues(code, text)]


# -- TQ801 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Washington, D.C., is the capital; Acme Inc., based in Ohio, agreed.",
        "The meeting ran from 10 a.m., and the vote was 3:2.",
        "See www.example.com/a,.b for more.",
        "He said: “No.”",
    ],
)
def test_collisions_leave_abbreviations_and_urls_alone(text):
    assert flagged("TQ801", text) == []


def test_dash_comma_span_is_the_two_marks():
    assert flagged("TQ801", "instrumental in staying in power —, It has remained") == ["—,"]


# -- TQ802 ---------------------------------------------------------------------------------


def test_space_before_comma_fix_removes_the_space():
    (issue,) = issues("TQ802", "More than 200 works , coming from museums, are here.")
    assert issue.text == " ," and issue.fix[0].replacement == "" and issue.fix[0].length == 1


def test_space_before_closing_quote():
    assert flagged("TQ802", "“We have a plan. ” The minister left.") == [" ”"]
    assert flagged("TQ802", 'He said. "We will win," she replied.') == []


# -- TQ803 ---------------------------------------------------------------------------------


def test_doubled_marks_but_not_ellipses():
    assert flagged("TQ803", "The talks ended.. Then,, nothing.") == ["..", ",,"]
    assert flagged("TQ803", "The talks ended... Then nothing.... Really?!") == []


# -- TQ804 ---------------------------------------------------------------------------------


def test_glued_word_suggestion_adds_the_missing_space_and_comma():
    (issue,) = issues("TQ804", "The ship docked in the port of Shëngjinwhere the migrants landed in Shëngjin.")
    assert issue.text == "Shëngjinwhere"
    assert issue.suggestion == "Shëngjin, where"


def test_glued_word_uses_the_name_from_the_article():
    text = "Boca will host Lanús at the Bombonerawhere the team plays. The Bombonera is full."
    assert flagged("TQ804", text) == ["Bombonerawhere"]


def test_a_repeated_unknown_word_is_a_name():
    text = "Kastelwhere is a village. Kastelwhere has 300 people."
    assert flagged("TQ804", text) == []


def test_allow_list_keeps_a_word():
    text = "The fans stayed in the stadiumwhere the final was played."
    assert flagged("TQ804", text) == ["stadiumwhere"]
    assert issues("TQ804", text, Settings(allow=frozenset({"stadiumwhere"}))) == []


@pytest.mark.parametrize(
    "text",
    [
        "Elsewhere, meanwhile, the order was read herewith and forthwith.",
        "Ferdinand, Rowland, Sutherland, Goethe and Blythe met in Cleveland.",
        "Follow #BarcelonaWhere and visit www.barcelonawhere.com today.",
        "Our CEO uses WhatsApp, iPhone and PowerPoint.",
    ],
)
def test_real_words_names_and_hashtags_are_not_glued(text):
    assert flagged("TQ804", text) == []


# -- TQ805 ---------------------------------------------------------------------------------


def test_mixed_quotes_give_one_issue_per_article():
    text = (
        '"One," he said. "Two," she said. "Three," they said.\n\n'
        "“Four,” he said.\n\n“Five,” she said.\n\n"
        '"Six," he said.'
    )
    found = issues("TQ805", text)
    assert len(found) == 1
    assert found[0].text.startswith("“Four") and found[0].text.endswith("Five,”")


def test_scattered_minority_quotes_flag_the_first_quotation_only():
    paras = [f'"Straight {i}," he said.' for i in range(6)]
    paras.insert(1, "“Curly one,” she said.")
    paras.append("“Curly two,” she said.")
    (issue,) = issues("TQ805", "\n\n".join(paras))
    assert issue.text == "“Curly one,”"


def test_one_style_only_or_inches_are_fine():
    assert issues("TQ805", '"One," he said. "Two," she said. A 15" screen.') == []
    assert issues("TQ805", "“One,” he said. “Two,” she said. A 15\" screen.") == []


# -- round 2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The daily El Universal of Mexicopublished the letter.", ["Mexicopublished"]),
        ("The Commission in Brusselssaid no.", ["Brusselssaid"]),
        ("The ship docked in Pariswhere it stayed.", ["Pariswhere"]),
        ("The talks in Bogotáwhere the rebels met went on.", ["Bogotáwhere"]),  # a non-ASCII tail
        ("The port of Shëngjinwhere migrants landed; Shëngjin is small.", ["Shëngjinwhere"]),
        ("The talks with Kessler ended. Kesslersaid nothing.", ["Kesslersaid"]),  # a name the article writes
    ],
)
def test_glued_names(text, expected):
    assert flagged("TQ804", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Qatargate affair, Kyivstar and Germanwings were discussed at the Berlinale.",
        "Ms Gallagher met Mr Hamilton in Brighton, Sutherland and Memphis.",
        "Wolverhampton and Sandwich and Greenwich and Norwich and Ipswich.",
        "Zorbathe is a name here. Zorbathe came back.",  # an unknown word the article repeats
    ],
)
def test_names_and_brands_are_not_glued(text):
    assert flagged("TQ804", text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The storm reached Mexico.The president spoke.", ["Mexico.The"]),
        ("The fans gathered in Madrid,where the team landed.", ["Madrid,where"]),
        ('"We will win," he said."The army is ready," she added.', ['said."The']),
        ("Stop the process and return an object.The content follows.", ["object.The"]),
    ],
)
def test_missing_space_after_punctuation(text, expected):
    assert flagged("TQ806", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Visit example.com, read the Node.js docs and the U.S. report at 10 a.m.",
        "The mask is array([True,False]) and the entity &lt;b&gt; was shown.",
        'The allowed values are "yes,no" only.',
        "TL;DR: nothing changed, and 3,000 people, 1.5% of them, stayed.",
    ],
)
def test_missing_space_leaves_code_and_abbreviations_alone(text):
    assert flagged("TQ806", text) == []


def test_spaces_inside_brackets_and_quotes_and_split_possessives():
    assert flagged("TQ802", "The agency ( AFP ) said so.") == [" ", " "]
    assert flagged("TQ802", "She said “ We will win” and left.") == [" "]
    assert flagged("TQ802", "It was Putin 's plan.") == [" 's"]
    assert flagged("TQ802", "He smiled :( and the rock 'n' roll band of the '90s played.") == []
    # a writer who spaces brackets as a habit: house style, not debris
    assert flagged("TQ802", "Files: a.py ( fixed ), b.py ( tweaked ), c.py ( removed ).") == []


# -- issue 5: marks moved onto the next word, short glued words --------------------------


def test_a_mark_moved_onto_the_next_word_is_fixed_by_moving_it_back():
    (issue,) = issues("TQ802", "According to the ministry ,the number rose.")
    assert issue.text == " ,"
    assert issue.suggestion == ", "
    assert flagged("TQ802", "The framework .NET and the domain .com were cited.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Police said thatthe suspect had fled.", ["thatthe"]),
        ("The company reported a lossof 3 billion euros.", ["lossof"]),
        ("The summit took place inRome last week.", ["inRome"]),
        ("The delegation arrived in Londonon Monday.", ["Londonon"]),
        ("The Ministry said so, and the Ministryof Defence agreed.", ["Ministryof"]),  # a name of the article
        ("An inauthentic, incontinent, attired witness was yellin' at Dotson and Kashmiris.", []),
        ("Rogerson and Wrighton spoke; Evanson met Normanby.", []),
    ],
)
def test_short_glued_words(text, expected):
    assert flagged("TQ804", text) == expected
