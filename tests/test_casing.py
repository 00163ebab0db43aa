"""Casing rules (TQ101-TQ104) and the capitalisation inventory they share: what the
registry examples cannot show (batch evidence, configuration, suggestions, whole articles)."""
from __future__ import annotations

import pytest

from tqcheck.analysis.names import is_title_case, layout, names
from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.evidence import BatchEvidence
from tqcheck.rules import REGISTRY, Context, all_rules

all_rules()
CASING = [REGISTRY[c] for c in ("TQ101", "TQ102", "TQ103", "TQ104")]


def issues(text, codes=None, settings=None, batch=None):
    rules = CASING if codes is None else [REGISTRY[c] for c in codes]
    return find_issues(Document(text), settings or Settings(), batch, rules=rules)


def flagged(text, codes=None, **kw):
    return [(i.rule, i.text) for i in issues(text, codes, **kw)]


# -- the shared analyses -------------------------------------------------------------


def test_inventory_counts_mid_sentence_capitals_only():
    doc = Document(
        "Kyiv Says Talks Resume\n\n"
        "Drones hit Kyiv again. Kyiv said the attack on Kyiv, Odesa and Lviv was repelled.\n\n"
        "The Ayatollah Khamenei speech and Euro 2024 were mentioned, and the Kremlin replied."
    )
    inv = Context(doc, Settings()).get(names)
    assert inv.count("kyiv") == 2  # "hit Kyiv", "on Kyiv": not the headline, not the sentence start
    assert inv.count("odesa") == 1 and inv.count("lviv") == 1
    assert inv.count("kremlin") == 1 and inv.form("kremlin") == "Kremlin"
    # a title before a name, an event before a number: no evidence for the lowercase word
    assert inv.count("ayatollah") == 0 and inv.count("euro") == 0


def test_inventory_is_computed_once_per_document():
    doc = Document("The talks in Geneva ended.")
    ctx = Context(doc, Settings())
    assert ctx.get(names) is ctx.get(names)


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Budgeting App Outage Traced to Faulty Update, Company Says", True),
        ("Ukraine Ships Record Grain Volume as Black Sea Corridor Holds", True),
        ("BREAKING NEWS", True),
        ("Putin strengthens ties with Lukashenko amid concern over another offensive", False),
        ("Putin, Lukashenko, Shoigu and Lavrov met Xi in Minsk on Monday.", False),
        ("offensive from the north", False),
    ],
)
def test_title_case(line, expected):
    assert is_title_case(line) is expected


def test_layout_classifies_paragraphs():
    text = (
        "Ministers Meet in Geneva as Talks Resume\n\n"
        "By Anna Kovalenko\n\n"
        "GENEVA (AP) \u2014 Negotiators met on Monday, officials said in a statement to the press, "
        "and the talks went on until late in the evening.\n\n"
        "- the safety of ships\n\n"
        "# Background\n\n"
        "```\ncode here\n```\n\n"
        "the sea is wide,\nthe ships are few,\nthe grain waits\nfor me and you\n\n"
        "The delegations are due to meet again at the same place on Friday morning, the ministry said."
    )
    doc = Document(text)
    info = {doc.slice(p)[:12]: p for p in Context(doc, Settings()).get(layout)}
    assert info["Ministers Me"].heading
    assert info["By Anna Kova"].byline
    assert info["GENEVA (AP) "].dateline and not info["GENEVA (AP) "].structural
    assert info["- the safety"].list_item
    assert info["# Background"].heading
    assert info["code here"].code
    assert info["the sea is w"].verse and info["for me and y"].verse
    assert not info["The delegati"].structural


def test_layout_detects_hard_wrapped_lines():
    text = (
        "The ministers met in Geneva on Monday to discuss the\n"
        "corridor, and they agreed that the ships leaving the\n"
        "ports of Odesa would be inspected in the Bosphorus by\n"
        "teams from both sides, officials said on Tuesday.\n\n"
        "The next round of talks is due to take place in the\n"
        "spring, when the two sides will review the deal and\n"
        "decide whether to extend it for another year or not.\n"
    )
    doc = Document(text)
    infos = Context(doc, Settings()).get(layout)
    if len(infos) > 2:  # the segmenter kept the lines apart: the layout must know they are wrapped
        assert all(i.wrapped for i in infos)
    assert flagged(text, ["TQ201", "TQ202", "TQ203", "TQ204"]) == []


# -- TQ101 lowercase-proper-noun -------------------------------------------------------


def test_suggestions_use_the_gazetteer_spelling():
    found = issues("Rockets fell on kyiv and tel aviv, and pro-russian groups met in zaporizhzhia.", ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [
        ("kyiv", "Kyiv"),
        ("tel aviv", "Tel Aviv"),
        ("russian", "Russian"),
        ("zaporizhzhia", "Zaporizhzhia"),
    ]
    assert found[0].message == "Place name 'kyiv' should be capitalised"


def test_a_name_capitalised_elsewhere_in_the_article():
    text = "The Kremlin denied it. Aides of the Kremlin said the kremlin had not been told, Kremlin sources added."
    found = issues(text, ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [("kremlin", "Kremlin")]
    assert "elsewhere" in found[0].message


def test_inconsistent_ordinary_words_are_not_names():
    # `euro` lowercase is English even when `Euro 2024` appears; `President Putin` makes no `President`.
    text = "The euro fell after Euro 2024. President Putin spoke, and the president of the bank agreed."
    assert flagged(text, ["TQ101"]) == []


def test_batch_evidence_names_a_word_the_article_never_capitalises():
    other = Document("The singer was born in Madureira, and she returned to Madureira often.")
    another = Document("Fans gathered in Madureira on Saturday for the parade.")
    batch = BatchEvidence()
    for d in (other, another, Document("Nothing to see here.")):
        batch.add(d)
    text = "She grew up in madureira in the north of the city."  # no break after it: the batch decides
    assert flagged(text, ["TQ101"]) == []
    found = issues(text, ["TQ101"], batch=batch)
    assert [(i.text, i.suggestion) for i in found] == [("madureira", "Madureira")]
    assert "batch" in found[0].message


def test_batch_titles_before_names_are_no_evidence():
    batch = BatchEvidence()
    for text in ("Iran's leader, Ayatollah Khamenei, spoke.", "Crowds cheered as Ayatollah Khamenei arrived.",
                 "Officials said Ayatollah Sistani was ill."):
        batch.add(Document(text))
    assert flagged("The ayatollah said the talks would go on.", ["TQ101"], batch=batch) == []


def test_the_fix_capitalises_the_name():
    from tqcheck.fix import apply, plan

    text = "Rockets fell on kyiv and tel aviv on monday."
    assert apply(text, plan(issues(text, ["TQ101"]))) == "Rockets fell on Kyiv and Tel Aviv on Monday."


def test_the_allow_list_silences_a_word():
    text = "Rockets fell on kyiv again."
    assert flagged(text, ["TQ101"]) == [("TQ101", "kyiv")]
    assert flagged(text, ["TQ101"], settings=Settings(allow=frozenset({"kyiv"}))) == []


@pytest.mark.parametrize(
    "text",
    [
        "A nice day in Nice: the turkey was from Turkey, the china from China.",
        "They march in March and may rise in May; an august body met in August.",
        "He went on reading in Reading and took a bath in Bath.",
        "She used nail polish. Polish officials objected to the split in Split.",
        "Ships in Mobile use mobile phones.",
        "The ingredients: french fries, swiss chard and a danish pastry.",
        "Kyiv-based analysts wrote to press@kyiv.ua and https://kyiv.example.com/monday.",
        "The config file reads `timezone = 'paris'` and the key kyiv_office.",
        "Apple sells the iPhone; eBay sells everything.",
        "They drank a glass of madeira at the lido and ate soba in the warren of streets.",
    ],
)
def test_ordinary_english_is_left_alone(text):
    assert flagged(text, ["TQ101"]) == []


@pytest.mark.parametrize(
    "text,word",
    [
        ("The strike began on monday morning.", "monday"),
        ("The law took effect in january 2023.", "january"),
        ("Elections were held on 5 may 2023.", "may"),
        ("The thaw came in mid-march, officials said.", "march"),
        ("Visitors come to Nice every summer. Police in nice, however, were ready.", "nice"),
        ("Istanbul and Ankara were calm, and the turkish lira rose.", "turkish"),
        ("The french Ministry of Culture paid for it.", "french"),
    ],
)
def test_lowercase_names_in_context(text, word):
    assert flagged(text, ["TQ101"]) == [("TQ101", word)]


def test_accented_and_hyphenated_places_use_the_gazetteer_spelling():
    text = "The fair moved from bel\u00e9m to d\u00fcsseldorf, and flights from rostov-on-don resumed."
    found = issues(text, ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [
        ("bel\u00e9m", "Bel\u00e9m"),
        ("d\u00fcsseldorf", "D\u00fcsseldorf"),
        ("rostov-on-don", "Rostov-on-Don"),
    ]


def test_multiword_places_with_an_ordinary_first_word_only_all_in_lowercase():
    assert flagged("Strikes hit s\u00e3o paulo and los angeles.", ["TQ101"]) == [
        ("TQ101", "s\u00e3o paulo"), ("TQ101", "los angeles")]
    # a lowercase ordinary word before a capitalised name is English
    assert flagged("The point Pedro made was that the lake Victoria loved had gone.", ["TQ101"]) == []


def test_acronyms_the_article_writes_in_capitals():
    found = issues("The IAEA sent a team; the iaea team stayed a week.", ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [("iaea", "IAEA")]
    # an all-capitals headline is no evidence, and ordinary words stay ordinary
    assert flagged("GRAIN IAEA TALKS\n\nThe iaea talks and the WHO asked who pays.", ["TQ101"]) == []


def test_institutions_english_always_capitalises():
    found = issues("The decision of the kremlin surprised the knesset and nato.", ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [("kremlin", "Kremlin"), ("knesset", "Knesset"), ("nato", "NATO")]
    assert flagged("Visit https://nato.example.org/kremlin or write to kremlin@example.org.", ["TQ101"]) == []


def test_a_lowercase_name_before_or_after_a_landmark_noun():
    found = issues("Crowds filled tahrir square; the mayor of kharkov and the cemetery of montparnasse.", ["TQ101"])
    assert [(i.text, i.suggestion) for i in found] == [
        ("tahrir", "Tahrir"), ("kharkov", "Kharkov"), ("montparnasse", "Montparnasse")]
    assert "tahrir square" in found[0].message
    # ordinary words and words the gazetteer does not know stay quiet in the same positions
    assert flagged("The town square, the coronavirus state of emergency, the mayor of it all.", ["TQ101"]) == []


# -- TQ102-TQ104 -------------------------------------------------------------------------


def test_lowercase_after_period_question_and_exclamation():
    assert flagged("It ended in October. to act as one force.", ["TQ102"]) == [("TQ102", "to")]
    assert flagged("Will it last? nobody knows.", ["TQ102"]) == [("TQ102", "nobody")]
    assert flagged('"Will it last?" she asked. "Never!" he said. Yahoo! said no.', ["TQ102"]) == []
    assert flagged("At 10 a.m. the U.S. team met vs. the U.K. team, e.g. the coaches.", ["TQ102"]) == []


def test_capital_after_comma_suggests_lowercase():
    found = issues("It kept him in power \u2014, It has remained in balance.", ["TQ103"])
    assert [(i.text, i.suggestion) for i in found] == [("It", "it")]


def test_capital_after_semicolon():
    assert flagged("The talks ended; The ministers left.", ["TQ103"]) == [("TQ103", "The")]
    assert flagged("(Reporting by Ana Ruiz; Editing by Tom Hale; The Hague bureau)", ["TQ103"]) == []


def test_lowercase_quotation_after_a_period():
    assert flagged('The minister said. "the border is closed," he added.', ["TQ102"]) == [("TQ102", "the")]
    assert flagged('He called it "final." "We will see," she said.', ["TQ102"]) == []


def test_missing_period_between_joined_fragments():
    text = "Shelling continued near Avdiivka The army reported two attacks on Friday She said nothing."
    assert flagged(text, ["TQ104"]) == [("TQ104", "The"), ("TQ104", "She")]
    text = "The vote was held on Friday In a statement the party thanked voters for their support"
    assert flagged(text, ["TQ104"]) == [("TQ104", "In")]
    assert flagged("He quoted the novel In Cold Blood and the film In the Mood for Love.", ["TQ104"]) == []


CLEAN_ARTICLE = """\
Ministers Meet in Geneva as Talks on Grain Deal Resume

By Anna Kovalenko and Peter Hall

GENEVA (AP) \u2014 Negotiators from Ukraine, Russia and Turkey met on Monday in Geneva, the first such meeting since March, officials said.

The talks, which the U.N. described as "constructive," covered three issues:

- the safety of ships leaving Odesa;
- insurance for vessels, e.g. the war-risk premium;
- inspections in Istanbul.

"We want to see ships moving again," said Maria Lopez, a spokeswoman for the U.N. "It is not a question of politics.

"It is a question of food."

The delegations are due to meet again at 10 a.m. on Friday. No. 10 Downing Street said the U.K. supported the talks, and St. Petersburg officials were also present.

In a post on X, the foreign ministry wrote: "talks were useful, more work to do." The post was shared widely.

1. Grain exports
2. Fertiliser exports

The minister read a poem at the dinner:

the sea is wide,
the ships are few,
the grain waits
for me and you

Turkey's president will host a summit in May. The turkey farmers of Norfolk, meanwhile, worry about bird flu; one of them said he had never been to Turkey. The march in Paris, on the other hand, went ahead.

Photo: A cargo ship in the Bosphorus strait. (AP Photo/Emrah Gurel)

Shipping rates fell. 2023 had been a record year; rates rose 4.2%. 12 of the 20 largest carriers cut capacity, and caf\u00e9 owners in S\u00e3o Paulo and Bel\u00e9m, where NATO and OPEC delegates met, were pleased; The Hague was not.

The end of the dispute is near

Traders in Rostov-on-Don said the WHO had asked who would pay. The point Pedro made, in his r\u00e9sum\u00e9 of the talks, was na\u00efve.
"""


def test_a_clean_article_full_of_near_misses_has_no_casing_or_segmentation_issue():
    rules = [r for r in all_rules() if r.code.startswith(("TQ1", "TQ2"))]
    found = find_issues(Document(CLEAN_ARTICLE), Settings(), None, rules=rules)
    assert [(i.rule, i.text) for i in found] == []


# -- TQ101: a lowercase compass word before a city names part of it -------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Riots broke out in east London and in west Jerusalem.", []),
        ("Officials met in north Korea on Monday.", [("TQ101", "north Korea")]),  # a country: a name
        ("Shops in east london stayed shut.", [("TQ101", "east london")]),  # the city itself in lowercase
    ],
)
def test_compass_word_before_city(text, expected):
    assert flagged(text, ["TQ101"]) == expected
