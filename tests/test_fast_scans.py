"""Whole-text scans written so that ``re`` can skip ahead: each finds exactly what the plain pattern finds."""
from __future__ import annotations

import random
import re

import pytest

from tqcheck.analysis import language, people
from tqcheck.rules import casing, pronoun
from tqcheck.segment import bounded_words, word_trie


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def _random_texts(alphabet, n=3000, length=30, seed=1):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(n)]


@pytest.mark.parametrize("words", [
    ["a", "ab", "abc", "b"],
    ["He", "Her", "Hers", "She", "he", "her"],
    ["x"],
    ["New York", "New", "York-Town"],
    ["-x", "y"],  # a word that starts with a non-word character: the plain pattern is kept
    ["Kiev", "Kyiv", "Kievan"],
])
def test_bounded_words_finds_what_a_leading_boundary_finds(words):
    plain = re.compile(r"\b(?:" + word_trie(sorted(words)) + r")\b")
    fast = re.compile(bounded_words(words))
    for text in _random_texts("abcHeShrsxyNw Yok-_1.Kivn\n\u00e9"):
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text)), text


def test_exonyms_scan_like_the_plain_pattern():
    plain = re.compile(r"\b(?:" + word_trie(sorted(people.exonyms())) + r")\b")
    text = "Kiev, Kyiv and xKiev; Kiev_ and Kiev's, Bombayx, Bombay and KievKiev, Kiev-Kyiv.\nTurkey T\u00fcrkiye"
    assert _spans(people._exonym_re().finditer(text)) == _spans(plain.finditer(text))


def test_resumptive_matches_are_the_patterns_matches():
    words = ["that", "which", "the", "letters", "he", "wrote", "them", "it", "Mahfouz", "by", "hand", "e-bikes",
             "-", "stole", "in", "March", ",", ".", "\n", "\t", " ", "them.", "that  that", "iPads", "co-op"]
    rng = random.Random(2)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 14))) for _ in range(5000)]
    texts += ["He repaired the e-bikes that the thieves stole them last week.", "the iPads that they stole them.",
              "x that that he wrote them.", "the letters\tthat\the wrote them."]
    found = 0
    for text in texts:
        want = _spans(pronoun._RESUMPTIVE.finditer(text))
        assert _spans(pronoun._resumptive_matches(text)) == want, text
        found += len(want)
    assert found > 10


def test_asked_you_scan_like_the_plain_pattern():
    plain = re.compile(r"\b(?P<v>[Aa]sked|[Aa]sking|[Ww]ondered|[Ww]ondering)\s+(?:\w+\s+)?(?:whether|if)\s+"
                       r"(?P<you>you)\s+(?P<w>\w+)")
    words = ["asked", "Asked", "wondering", "Wondered", "if", "whether", "you", "xasked", "_asked", "Wsked",
             "\u00e9asked", "him", "\n", "sked", "asking"]
    rng = random.Random(3)
    for _ in range(5000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 8)))
        assert _spans(pronoun._ASKED_YOU.finditer(text)) == _spans(plain.finditer(text)), text


def test_adopted_phrases_start_on_their_first_words():
    phrases, _ = language._allowed()
    assert all(p[0] in language._allowed_firsts() for p in phrases if p)
    words = language.sentence_words("He said it per se and the status quo held.", 0, 41)
    assert [w.key for w in words if w.allowed] == ["per", "se", "status", "quo"]


# TQ101/TQ104 scans with their look-behind moved after the first letter, against the plain patterns.
_CASING_PLAIN = {
    "_PLACE_SLOT": r"(?<![\w'’-])(?:[Ii]n|[Ff]rom|at|near|outside|via) (?P<w>[a-zà-öø-ÿ]{4,})"
                   r"(?=[.,;:](?:\s|$)| (?:and|or) )",
    "_LIST_SLOT": r"(?<![\w'’-])[A-Z][a-z]+, [A-Z][a-z]+,? and (?P<w>[a-zà-öø-ÿ]{4,})(?=[.,;:](?:\s|$))",
    "_STREET": r"(?<=[^\W\d_] )(?:street|avenue|boulevard|square|lane|embankment)\b(?![-'’])",
    "_THE_NAME": r"(?<=[a-z0-9] )The(?= (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b)",
}


@pytest.mark.parametrize("name", sorted(_CASING_PLAIN))
def test_casing_slots_scan_like_the_plain_patterns(name):
    plain = re.compile(_CASING_PLAIN[name])
    fast = getattr(casing, name)
    words = ("in In from From near at via outside street square lane embankment The the a b Xa, Yb and or zzzz "
             "wxyz . , ; - ' ’ 9 \n é built-in o'near Ab, Cd, Rafina lavrio Road Directorate").split(" ")
    rng = random.Random(3)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(4000)]
    texts += ["Flights from Rafina and lavrio. In zahle, at jeju.", "in 2026 The Road Directorate said",
              "the Rustaveli avenue and a Main street-side cafe"]
    for before in ("", " ", "x", "-", "'", "’", "\n", "9"):  # what the look-behind tests
        texts += [f"{before}Rafina, Athens and lavrio. {before}Rafina, Athens, and lavrio,",
                  f"{before}in zahle. {before}from kavala and more", f"war{before}The Road Directorate"]
    found = 0
    for text in texts:
        want = _spans(plain.finditer(text))
        assert _spans(fast.finditer(text)) == want, text
        found += len(want)
    assert found > 3


def test_bounded_words_refuses_a_custom_test_it_cannot_place():
    with pytest.raises(ValueError):
        bounded_words(["-x", "y"], after_first=r"(?<!\w.)")
