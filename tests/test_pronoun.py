"""Pronoun rules (TQ301-TQ304) beyond their registry examples: messages, fixes, configuration, near-misses."""
from __future__ import annotations

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules

all_rules()
PRONOUN = [REGISTRY[c] for c in ("TQ301", "TQ302", "TQ303", "TQ304")]


def issues(text: str, settings: Settings | None = None):
    return find_issues(Document(text), settings or Settings(), rules=PRONOUN)


def flagged(text: str, settings: Settings | None = None):
    return [(i.rule, i.text) for i in issues(text, settings)]


DEV_LIKE = (
    "Aleksandr Lukashenko, who has ruled Belarus for decades, met Vladimir Putin in Minsk, "
    "where Lukashenko he has received him with bread and salt.\n\n"
    "\"Today we can affirm it,\" Lukashenko emphasized.\n\n"
    "who has ensured that only together is it possible to overcome sanctions.\n\n"
    "\"Russia can manage without us, but we can't without Russia,\" she said.\n\n"
    "The Institute for the Study of War (ISW), a Washington-based organization, has suggested that Putin may "
    "be preparing an offensive. Although, like other analysts, he is also relatively skeptical: \"An invasion "
    "remains extremely unlikely,\" the ISW report says.\n\n"
    "\"It is not at all clear that Lukashenko would commit forces,\" he adds."
)


def test_the_dev_article_patterns():
    found = issues(DEV_LIKE)
    assert [(i.rule, i.text) for i in found] == [
        ("TQ303", "he"), ("TQ301", "she"), ("TQ302", "he"), ("TQ302", "he"),
    ]
    wrong_gender = found[1]
    assert "Aleksandr Lukashenko" in wrong_gender.message and "first name Aleksandr" in wrong_gender.message
    assert wrong_gender.suggestion == "he" and wrong_gender.severity == "major"
    assert "ISW" in found[3].message and found[3].suggestion == "it"


def test_fixes_replace_the_pronoun_in_its_case():
    (issue,) = issues("The lawyer, Ayşe Korkmaz, spoke. The cuts were clear, Korkmaz said. He added that "
                      "the families would sue.")
    assert issue.suggestion == "She"
    assert [(e.offset, e.length, e.replacement) for e in issue.fix] == [(issue.offset, 2, "She")]
    (dup,) = issues("According to the ministry, Boric he reiterated the condemnation.")
    assert dup.rule == "TQ303" and [(e.length, e.replacement) for e in dup.fix] == [(3, "")]


def test_configured_gender_is_evidence():
    text = "Tamm spoke after the meeting in Tallinn. \"We stand together,\" he said."
    assert flagged(text) == []
    settings = Settings(names={"Kadri Tamm": {"gender": "female", "spellings": []}})
    assert flagged(text, settings) == [("TQ301", "he")]
    assert "configured" in issues(text, settings)[0].message
    neutral = Settings(names={"Andrea Rossi": {"gender": "neutral", "spellings": []}})
    text = "The coach, Andrea Rossi, a businesswoman, spoke. \"We will win,\" he said."
    assert flagged(text) == [("TQ301", "he")]
    assert flagged(text, neutral) == []


@pytest.mark.parametrize("text", [
    # a woman quoted after a man, and the other way round
    "\"Every ship will be inspected,\" said Vladimir Putin. Maria Zakharova, the ministry spokeswoman, agreed. "
    "She added that Russia reserves the right to act.",
    "Sophie Marchetti, the museum's director, said she first saw the collection in March, when Geoffrey "
    "Pannell's daughter sent her photographs. \"It was a nice saucer,\" Pannell said. \"My wife disagreed,\" "
    "he said.",
    # it for a country or company; they for a group
    "Ukraine said it would retaliate. Volkswagen said it would close three plants, and the unions said they "
    "would strike.",
    # generic he or she; reported speech and third persons inside quotes
    "Under the new law, each applicant must prove that he or she lives in the city, Mayor Karen Bass said.",
    "\"My mother said she had never seen anything uglier,\" Geoffrey Pannell said.",
    "\"He told me she was leaving,\" said Olena Kravets. \"I did not believe it.\"",
    # people of unknown gender
    "Tamm met Putin on Monday. \"We disagree,\" she said.",
    "Jean Dupont and Andrea Rossi spoke. \"It was fine,\" she said.",
    # someone unnamed may be meant
    "Olaf Scholz met a plumber who had lost his job. \"I have nothing left,\" she said.",
    "Olaf Scholz met the finance minister. \"The budget is fine,\" she said.",
    # the article keeps calling someone "she" after naming a man
    "Elena Varga was born in Szeged.\n\nHer career began in Budapest, but she left with her first husband, "
    "the violinist Péter Kovács.\n\n\"We walked for two nights,\" she told an interviewer.\n\n"
    "In Vienna she was taken on by the State Opera.",
    "Elena Varga was born in Szeged.\n\nHer career began in Budapest, but she left with her first husband, "
    "the violinist Péter Kovács.\n\nIn Vienna she was taken on by the State Opera.",
    # headlines and bylines
    "Putin He Says Will Not Attend Summit\n\nBy Maria Lopez\n\nThe summit opened on Monday.",
])
def test_near_misses(text):
    assert flagged(text) == []


@pytest.mark.parametrize("text,expected", [
    ("The contractor, Mr Hasan Arslan, rejected the accusations. \"I built it by the book,\" she said.",
     [("TQ301", "she")]),
    ("\"The decision shows resolve,\" said economist Murat Şahin. According to her, more rises may follow.",
     [("TQ301", "her")]),
    ("\"Italy has opened a road,\" he said from Palazzo Chigi Prime Minister Giorgia Meloni, referring to the pact.",
     [("TQ301", "he")]),
    ("The General Council of the Judiciary warned that the law could violate equality. \"The amnesty is "
     "incompatible with the rule of law,\" he said in the text.", [("TQ302", "he")]),
    ("The debate was marked by his absence. Puigdemont It has insisted that he will return.",
     [("TQ303", "It")]),
    ("Moscow It was forced to withdraw its troops.", [("TQ303", "It")]),
])
def test_flags(text, expected):
    assert flagged(text) == expected


def test_second_person_only_in_reported_questions():
    assert flagged("Asked whether you would consider resigning, he replied that he would not.") == [
        ("TQ304", "you")
    ]
    assert flagged("If you have ever asked whether you need a visa, you are not alone.") == []
