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


# -- round 2: terms English keeps, more languages, function words, abbreviations, laziness ----------


@pytest.mark.parametrize(
    "text",
    [
        # dishes: a noun phrase holding a food word, whatever the dish
        "The bar serves croquetas de pollo and a plate of jamón ibérico with bread.",
        "The chef's arroz de marisco arrived in a black pan.",
        "She ordered the pulpo a la gallega with a glass of albariño.",
        "The sardinhas assadas are grilled outside on the street.",
        # an English noun heads the term; an apposition glosses it
        "Italy's catenaccio system and the trequartista role are back in fashion.",
        "They ate bacalhau, the salt cod dish that Portugal loves.",
        "He played the guitarra portuguesa, the 12-string Portuguese guitar with its bright tone.",
        "The gruppetto, the bus of non-climbers who ride together, finished late.",
        # titles and institutions continue a capitalised source-language word
        "Benigni's La vita è bella won three Oscars.",
        "The vote in the Assemblée nationale was close.",
        # sport, music and food terms English keeps
        "The team's directeur sportif said the stage would suit the climbers in the peloton.",
        "He took the maillot jaune on the Tourmalet and the maglia rosa a year later.",
        "She sang fado with real saudade, then a chanson and some bel canto.",
        "Italy's catenaccio and Spain's tiki-taka are styles, and the libero swept up.",
        "The Sachertorte at the café came with a pain au chocolat and cacio e pepe.",
    ],
)
def test_terms_english_keeps_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The tribunal correctionnel of Bordeaux sentenced the former director.", "tribunal correctionnel"),
        ("The tribunal correctionnel, the court said, will sit again.", "tribunal correctionnel"),  # a clause, no gloss
        ("President Claudia Sheinbaum said during la mañanera that tankers would be sent.", "la mañanera"),
        ("The new law, según el gobierno, will pass before the summer.", "según el gobierno"),
        ("The velório, the family said, will be held on Friday.", "velório"),
    ],
)
def test_leftovers_that_only_look_like_kept_terms_are_still_found(text, flagged):
    assert [t for _, t in found(text)] == [flagged]


def test_a_lone_food_word_is_a_dish_only_in_an_article_about_food():
    food = ("The bakery's torrada was still warm when the first customers arrived. The pastry chef said "
            "the ovens start at 4am, and the café serves coffee and cake all day.")
    assert found(food) == []
    assert found("The torrada was announced by the ministry on Tuesday.") != []


def test_catalan_romanian_dutch_polish_and_turkish_are_read():
    for text, lang in [
        ("El govern de la Generalitat va aprovar ahir el pressupost.", "ca"),
        ("The minister said that the decision was final, dar nu toată lumea este de acord.", "ro"),
        ("The government said the plan was ready, maar de oppositie is het er niet mee eens.", "nl"),
        ("The minister said the measures, ancak muhalefet buna karşı çıktı, would be enough.", "tr"),
    ]:
        assert [r.lang for r in runs_in(text, 0, len(text))] == [lang], text
    assert found("The belediye announced new measures on Tuesday.") == [("TQ612", "belediye")]
    assert found("The crowd gathered outside the primăria on Tuesday morning.") == [("TQ612", "primăria")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The club's president, según the newspaper, resigned.", "según"),
        ("The talks failed, aber the union said it would return.", "aber"),
        ("The plan was approved, też by the opposition.", "też"),
        ("The president said, según Reuters, that the deal was done.", "según"),  # one neighbour a name
        ("Pero the minister insisted that the deal was done.", "Pero"),  # at the start of a sentence
        ("The team avec the new coach won again.", "avec"),
    ],
)
def test_a_lone_function_word_between_english_words(text, word):
    assert found(text) == [("TQ612", word)]


@pytest.mark.parametrize(
    "text",
    [
        "The Sturm und Drang period shaped German literature.",  # names on both sides
        "A terracotta by Luca della Robbia and the della Robbia workshop were sold.",  # a name's particle
        "The bile duct was blocked, the doctor said, and my gran was worried.",  # English homographs
        "She said it in jest, and the crowd got het up.",
        "They said entre nous that the soup du jour was good.",  # adopted phrases
        'The motto "Ordem e Progresso" is on the flag, and "según" is a preposition.',
    ],
)
def test_function_words_english_also_has_or_that_belong_to_names_are_left_alone(text):
    assert found(text) == []


def test_function_word_list_leaves_out_english_homographs():
    from tqcheck.rules.untranslated import _function_verdict, _function_words

    for w in ("según", "aber", "też", "için", "também", "però", "avec"):
        assert _function_verdict(w) is not None, w
    assert "jest" not in _function_words() and "sin" not in _function_words()
    assert _function_verdict("und") is None  # as frequent in English text as in names (`Sturm und Drang`)


@pytest.mark.parametrize(
    ("text", "abbr"),
    [
        ("The BCE raised interest rates by a quarter point, Lagarde said.", "BCE"),
        ("The PE approved the resolution with 400 votes, the European socialists said.", "PE"),
        ("The CE presented its proposal for the EU budget on Wednesday.", "CE"),
        ("The CPI issued an arrest warrant for the former president, judges in The Hague said.", "CPI"),
        ("Relations between Brazil and the EUA cooled after the summit.", "EUA"),
        ("The OMC ruling went against the United States.", "OMC"),
    ],
)
def test_ambiguous_abbreviations_in_the_institutions_context(text, abbr):
    assert found(text, ["TQ615"]) == [("TQ615", abbr)]


@pytest.mark.parametrize(
    "text",
    [
        "The temple was built in the 5th century BCE and rebuilt around 200 CE.",
        "The CPI rose 3.2% in March, the statistics office said.",
        "The PE teacher led the class, and PE firms in Europe raised record sums.",
        "The CE mark shows compliance with EU rules.",
        "The FDA granted an EUA for the new test.",
        "The IWF removed the images, the Internet Watch Foundation said.",
    ],
)
def test_abbreviations_in_their_english_sense_are_left_alone(text):
    assert found(text, ["TQ615"]) == []


def test_english_articles_never_load_the_language_identifier(monkeypatch):
    def fail():
        raise AssertionError("the identifier was loaded")

    monkeypatch.setattr(language, "_identifier", fail)
    text = ("The fiesta in the barrio ended with a siesta. The status quo, per se, is not sustainable.\n\n"
            "Sheinbaum said during la mañanera that tankers would be sent.\n\n"
            "The museum opens on Saturday. Réservation obligatoire sur le site du musée.\n")
    found(text)  # a short run and a run the word evidence settles: no model needed


# -- issue 5: honorifics, calendar words, capitalised leftovers --------------------------


def test_honorific_suggests_the_english_title():
    (issue,) = find_issues(Document("The minister met señora Gómez."), Settings(), rules=[REGISTRY["TQ614"]])
    assert (issue.text, issue.suggestion) == ("señora", "Ms")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The contract ends on 31 Dezember.", ["Dezember"]),
        ("Elections are due in Oktober 2025.", ["Oktober"]),
        ("The vote is since sabato, and the fair opens on 3 mars.", ["sabato", "mars"]),
        ("He scored for County Mayo and Julio was there in May.", []),  # names, no date around them
        ("The scandal mars the race; the mart is on 3 Main Street.", []),
    ],
)
def test_calendar_words_need_a_date_around_them(text, expected):
    got = [i.text for i in find_issues(Document(text), Settings(), rules=[REGISTRY["TQ616"]])]
    assert got == expected


def test_calendar_word_reported_once_when_tq612_knows_it():
    text = "The harvest ended in março with record yields."
    got = [(i.rule, i.text) for i in find_issues(Document(text), Settings(), rules=[REGISTRY["TQ612"], REGISTRY["TQ616"]])]
    assert got == [("TQ612", "março")]


def test_lowercase_place_names_are_casing_not_untranslated_phrases():
    # the place is TQ101's; a run of foreign words that happen to be English-looking still counts
    assert ("TQ611", "são paulo") not in found("Flights from são paulo to lisbon were cancelled on Tuesday.")
    assert ("TQ611", "sin embargo") in found("The government said, sin embargo, that the plan would go ahead.")


def test_a_quoted_speakers_honorific_is_kept():
    assert found('"Señor Ortega has run out of excuses," the senator told the chamber.', ["TQ614"]) == []
    assert found("The minister met señor Ortega on Tuesday.", ["TQ614"]) == [("TQ614", "señor")]


# -- this round: accented unknown words, translated quotations, name slots, forms of address ----


@pytest.mark.parametrize(
    "text, span",
    [
        ("The brewer, known locally as a sládek, buys hops; the sládek said prices rose.", "sládek"),
        ("The rally at the náměstí drew thousands of people on Sunday.", "náměstí"),
        ('The union called the plan "a hidden privatizació" and said it would appeal.', "privatizació"),
    ],
)
def test_unknown_accented_word_and_a_word_left_in_a_translated_quotation(text, span):
    assert ("TQ612", span) in found(text, ("TQ612",))


@pytest.mark.parametrize(
    "text",
    [
        "The café served a crème brûlée, a naïve choice for the fiancée.",
        "The bakery's béchamel was still warm at dawn; the café serves coffee and cake, and the pastry chef bakes bread.",
        "Residents who work in Bornova said the cuts began on Monday; according to Yaşar, they last hours.",
        'The fans sang "¡Buen provecho!" before the match.',
    ],
)
def test_english_loanwords_dishes_and_names_in_a_name_slot_are_left_alone(text):
    assert [f for f in found(text, ("TQ612",))] == []


@pytest.mark.parametrize(
    "text, span",
    [
        ("The regent visited the camp, and Bu Ratna promised help.", "Bu"),
        ("Khanum Rahimi added that the jury was unanimous.", "Khanum"),
        ("The coach, Yamada-san, said the players were tired.", "-san"),
        ("The singer Lee Ha-neul-nim sent a letter to the fans.", "-nim"),
        ("The volunteers thanked bapak Hartono for the tents.", "bapak"),
    ],
)
def test_forms_of_address_of_more_languages(text, span):
    assert ("TQ614", span) in found(text, ("TQ614",))


@pytest.mark.parametrize(
    "text",
    [
        "Pak Se-ri won the US Open in 1998.",
        "Jackie Chan and the Bu Army.",
        '"Tanaka-san is always late," his colleague joked.',
        "The well-known anti-san campaign was dropped.",
    ],
)
def test_names_words_and_quotations_are_not_forms_of_address(text):
    assert found(text, ("TQ614",)) == []
