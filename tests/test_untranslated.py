"""Untranslated (TQ610-TQ615) and the shared language analysis (tqcheck.analysis.language)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck import lexicon
from tqcheck.analysis import language
from tqcheck.analysis.language import (
    LANGS,
    foreign_text,
    guess_language,
    identify,
    runs_in,
    sentence_words,
    word_scores,
)
from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules
from tqcheck.rules.base import Context

all_rules()
CODES = ["TQ610", "TQ611", "TQ612", "TQ613", "TQ614", "TQ615"]
ES, PT, IT, FR, DE = (LANGS.index(x) for x in ("es", "pt", "it", "fr", "de"))


def found(text: str, codes=CODES, settings: Settings | None = None) -> list[tuple[str, str]]:
    rules = [REGISTRY[c] for c in codes]
    return [(i.rule, i.text) for i in find_issues(Document(text), settings or Settings(), rules=rules)]


# -- word evidence ----------------------------------------------------------------------


def test_function_words_of_the_source_languages_are_evidence_and_english_words_are_not():
    assert word_scores("según")[ES] > 3
    assert word_scores("também")[PT] > 3
    assert word_scores("però")[IT] > 3
    assert word_scores("avec")[FR] > 3
    assert word_scores("nicht")[DE] > 3
    assert word_scores("pero")[ES] > 3
    for w in ("the", "government", "said", "warned"):
        assert max(word_scores(w)) < -2, w
    assert max(word_scores("status")) < 1 and max(word_scores("a")) < 1  # neutral or English


def test_unknown_words_with_source_letters_lean_to_those_languages():
    assert word_scores("mañanerazo")[ES] > 0 and word_scores("mañanerazo")[DE] == 0
    assert word_scores("zzzq") == (0.0,) * len(LANGS)


def test_sentence_words_mark_names_particles_adopted_phrases_and_elisions():
    text = "Ursula von der Leyen said per se that l'État and don't matter in Rio de Janeiro."
    words = {w.text: w for w in sentence_words(text, 0, len(text))}
    assert words["Leyen"].capitalised and words["von"].particle and words["der"].particle
    assert words["per"].allowed and words["se"].allowed
    assert words["l"].key == "l" and "État" in words
    assert "don't" in words and words["de"].particle


def test_codes_and_numbers_block_runs():
    text = "The id was de0c-la-de and el => el in the config, la 15 then."
    assert [text[r.start:r.end] for r in runs_in(text, 0, len(text))] == []


def test_guess_language():
    assert guess_language("según el gobierno, la reforma será aprobada") == "es"
    assert guess_language("Não há consenso sobre a exploração de petróleo") == "pt"
    assert guess_language("The status quo is not sustainable per se") is None


# -- runs and the language identifier --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "run", "lang"),
    [
        ("Sheinbaum said during la mañanera that tankers would be sent.", "la mañanera", "es"),
        ("The new law, según el gobierno, will pass.", "según el gobierno", "es"),
        ("The union was aber nicht ready.", "aber nicht", "de"),
        ("The minister said it was però non basta.", "però non basta", "it"),
        ("The families want justice também para os idosos.", "também para os idosos", "pt"),
        ("Réservation obligatoire sur le site du musée.", "Réservation obligatoire sur le site du musée", "fr"),
        ("The tribunal correctionnel of Bordeaux ruled.", "tribunal correctionnel", "fr"),
    ],
)
def test_runs_are_found(text, run, lang):
    runs = runs_in(text, 0, len(text))
    assert [(text[r.start:r.end], r.lang) for r in runs] == [(run, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "El País and La Liga officials met in Los Angeles, Rio de Janeiro and Ciudad Juárez.",
        "The status quo is not sustainable per se, a bona fide expert said of the de facto coup d'état.",
        "The fiesta in the barrio ended with a siesta, vice versa.",
        "Prices rose 5 per cent a year in the Comunidad de Madrid.",
        "Ursula von der Leyen met Luiz Inácio Lula da Silva and the Corriere della Sera editor.",
        "The war will die down, the son said, as the hat was returned.",
        "The gilets jaunes protests began in 2018.",
    ],
)
def test_english_with_names_and_loanwords_has_no_runs(text):
    assert runs_in(text, 0, len(text)) == []


def test_the_identifier_is_restricted_to_english_and_the_source_languages():
    res = identify("Die Gewerkschaft kündigte Widerstand gegen die Pläne an.")
    assert res is not None and res[0] == "de"
    assert identify("The union announced resistance to the plans.")[0] == "en"
    assert set(language._identifier().nb_classes) == {"en", *LANGS}


def test_long_runs_the_identifier_calls_english_are_dropped(monkeypatch):
    monkeypatch.setattr(language, "identify", lambda text: ("en", 0.99))
    monkeypatch.setattr(language, "certain", lambda r: False)
    text = "Il governo ha annunciato che i centri saranno pronti entro la primavera."
    assert [r.confirmed for r in runs_in(text, 0, len(text))] == [False]
    assert found(text, ["TQ610", "TQ611"]) == []


def test_runs_the_word_evidence_settles_never_ask_the_identifier(monkeypatch):
    def fail(text):
        raise AssertionError(f"identifier asked about {text!r}")

    monkeypatch.setattr(language, "identify", fail)
    text = "Il governo ha annunciato che i centri saranno pronti entro la primavera."
    runs = runs_in(text, 0, len(text))
    assert [r.confirmed for r in runs] == [True] and language.certain(runs[0])
    # English text never loads the model: no run of four words or more to confirm
    text = "The fiesta in the barrio ended with a siesta, vice versa, as the aficionados said per se."
    assert runs_in(text, 0, len(text)) == []


def test_without_an_identifier_the_word_evidence_needs_more(monkeypatch):
    monkeypatch.setattr(language, "_identifier", lambda: None)
    monkeypatch.setattr(language, "identifier_installed", lambda: False)
    text = "Sheinbaum said during la mañanera that tankers would be sent."
    assert runs_in(text, 0, len(text)) == []  # 4.1 points: enough with an identifier, not without
    text = "Il governo ha annunciato che i centri saranno pronti entro la primavera."
    assert [r.lang for r in runs_in(text, 0, len(text))] == ["it"]


def test_the_analysis_only_reads_sentences_with_evidence():
    doc = Document("The talks ended on Friday. Nothing was agreed, the mediators said.\n\n"
                   "Según el gobierno, the talks will resume.")
    runs = Context(doc, Settings()).get(foreign_text)
    assert [doc.text[r.start:r.end] for r in runs] == ["Según el gobierno"]


# -- the rules on whole articles --------------------------------------------------------


def test_a_headline_in_spanish_is_one_finding():
    text = ("El Congreso aprueba la ley de amnistía con los votos del bloque de investidura\n\n"
            "The Congress of Deputies approved the amnesty law on Thursday, officials said.\n")
    assert found(text) == [("TQ610", "El Congreso aprueba la ley de amnistía con los votos del bloque de investidura")]


def test_terms_cited_on_purpose_are_left_alone_everywhere_in_the_article():
    text = ("His morning press conference, known as la mañanera, runs for two hours.\n\n"
            "On Monday la mañanera ran for three hours.\n")
    assert found(text) == []
    assert found("The velório (wake) was held on Saturday. The velório ended at noon.") == []


def test_single_words_capitalised_elsewhere_or_in_place_names_are_names():
    assert found("The bancadas met. Bancadas is also a village.", ["TQ612"]) == []
    assert found("Flights from são paulo were delayed.", ["TQ612"]) == []
    assert found("The leftist bancadas accuse the president.", ["TQ612"]) == [("TQ612", "bancadas")]


def test_allow_configuration_silences_a_finding():
    text = "Indigenous leaders held a mutirão for the forest."
    assert found(text) == [("TQ612", "mutirão")]
    assert found(text, settings=Settings(allow=frozenset({"mutirão"}))) == []


def test_titles_and_abbreviations():
    assert found("The lawyer, Me Sophie Lanusse, appealed.", ["TQ614"]) == [("TQ614", "Me")]
    assert found("The economist Zeynep Hanım said so.", ["TQ614"]) == [("TQ614", "Hanım")]
    assert found("Martin Luther King Sr. preached. Ahmet Bey left.", ["TQ614"]) == [("TQ614", "Bey")]
    assert found("Give Me Liberty played. The Me Too movement grew. Hanım.", ["TQ614"]) == []
    assert found("The ONU and the OTAN met in EE. UU.", ["TQ615"]) == [
        ("TQ615", "ONU"), ("TQ615", "OTAN"), ("TQ615", "EE. UU.")]
    assert found("It was built in 79 d.C. and rebuilt in the 2nd century a. C.", ["TQ615"]) == [
        ("TQ615", "d.C."), ("TQ615", "a. C.")]
    assert found("The UN and NATO met in the US. See www.onu.org and x.ONU for more.", ["TQ615"]) == []


def test_foreign_script():
    assert found("The crew docked with the МКС on Tuesday.", ["TQ613"]) == [("TQ613", "МКС")]
    assert found("Zelensky (Володимир Зеленський) spoke.", ["TQ613"]) == []
    assert found("The word \"חוצפה\" means audacity.", ["TQ613"]) == []


# -- data files ---------------------------------------------------------------------------


def test_data_files_say_where_they_come_from():
    data = Path(lexicon.__file__).parent / "data"
    for name in ("untranslated_words.tsv", "untranslated_neutral.tsv", "untranslated_allow.txt"):
        head = " ".join((data / name).read_text(encoding="utf-8").splitlines()[:3])
        assert head.startswith("#") and ("wordfreq" in head or "tqcheck" in head), name
    for line in lexicon.lines("untranslated_allow.txt"):
        assert line == line.lower() and "  " not in line, line


def test_word_tables_are_up_to_date_with_the_build_script():
    pytest.importorskip("wordfreq")
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_untranslated.py"
    r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout + r.stderr
