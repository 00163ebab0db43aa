"""Locale conventions (TQ7xx): what the registry examples cannot show."""
from __future__ import annotations

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules
from tqcheck.rules.locale import (
    _continental_typography,
    decimal_commas,
    is_count_plural,
)

all_rules()


def issues(code: str, text: str):
    return find_issues(Document(text), Settings(), rules=[REGISTRY[code]])


def flagged(code: str, text: str) -> list[str]:
    return [i.text for i in issues(code, text)]


# -- TQ701 period-thousands-separator ------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministries must save 9.000 positions.", ["9.000"]),
        ("Nearly 2.000 years after the eruption.", ["2.000"]),  # trailing zeros before a unit
        ("The club sold 100.000 copies of the album.", ["100.000"]),
        ("The group has 3.456 members.", ["3.456"]),  # a countable noun follows
        ("The city has 1.200.000 inhabitants.", ["1.200.000"]),
        ("The wage was raised to TL 17.002 net.", ["17.002"]),
    ],
)
def test_thousands_separators_are_flagged(text, expected):
    assert flagged("TQ701", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ledgerly released version 3.12.1 of its app and v2.000 of the API.",
        "The server at 192.168.100.200 answered.",
        "The shop opens at 10.30 am; the train leaves at 9.15.",
        "The bond yield rose to 4.125% and the index gained 1.500 points.",
        "Bolt ran 9.580 seconds in the final.",
        "The exchange rate was $1.085 on Friday.",
        "Results: 3.000 | 2.875 | 1.250",  # decided: a table of decimals is English
        "He finished with 0.125 of the vote, and No. 1.000 was retired.",
        "The lira traded at 31.850 in the evening.",  # no count, no zeros before a word, no comma decimals
    ],
)
def test_decimals_versions_times_are_left_alone(text):
    assert flagged("TQ701", text) == []


def test_an_article_with_decimal_commas_reads_dotted_numbers_as_thousands():
    text = "The city invests R$ 4,7 billion. In the same period, 9.064 square kilometres were cut down."
    assert flagged("TQ701", text) == ["9.064"]
    assert flagged("TQ701", "In the same period, 9.064 square kilometres were cut down.") == []


def test_thousands_fix_uses_commas():
    (issue,) = issues("TQ701", "More than 600.000 people are affected.")
    assert issue.suggestion == "600,000"
    assert issue.fix[0].replacement == "600,000"


def test_count_plurals():
    assert is_count_plural("soldiers") and is_count_plural("people") and is_count_plural("copies")
    assert not is_count_plural("seconds") and not is_count_plural("points") and not is_count_plural("status")
    assert not is_count_plural("Williams")


# -- TQ702 decimal-comma ------------------------------------------------------------


def test_decimal_commas_skip_lists_years_and_thousands():
    text = "It rose 1,5 percent; 1,000 fans; rounds 1,2,3; in 2022,23 people; 0,5 litres."
    assert [m.group() for m in decimal_commas(text)] == ["1,5", "0,5"]


def test_decimal_comma_suggestion():
    (issue,) = issues("TQ702", "Inflation reached 67,07 percent.")
    assert issue.suggestion == "67.07"


# -- TQ703 foreign-quotation-marks ----------------------------------------------------


def test_guillemets_pair_is_one_finding_with_english_quotes():
    (issue,) = issues("TQ703", "«We will restore everything», he added.")
    assert issue.text == "«We will restore everything»"
    assert issue.suggestion == "“We will restore everything”"


def test_unpaired_opening_guillemet_is_flagged_alone():
    assert flagged("TQ703", "He called it «the new home of cosmonautics") == ["«"]


# -- TQ704 source-language-dash -------------------------------------------------------


def test_quote_dash_fix_keeps_the_comma_inside_the_quote():
    (issue,) = issues("TQ704", "“The enemy is near,” – said the spokesman.")
    assert issue.text == " –" and issue.suggestion == ""
    (issue,) = issues("TQ704", '"Any attack is unacceptable", – stated Grossi.')
    assert issue.text == ", –" and issue.suggestion == ","


def test_hyphen_dashes_allow_inner_compounds():
    text = "The excavations -which began in February and involve well-known experts- are part of it."
    assert flagged("TQ704", text) == ["-which began in February and involve well-known experts-"]


# -- TQ705 currency-percent-format ----------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a fund of US$ 125 billion", ["US$ "]),
        ("works worth R$ 4,7 billion", ["R$ "]),
        ("1€ for the first month", ["€"]),
        ("does not exceed 9 % of", [" %"]),
        ("from percent 45 to percent 50", ["percent", "percent"]),
        ("raised to %50", ["%"]),
    ],
)
def test_currency_and_percent_formats(text, expected):
    assert flagged("TQ705", text) == expected


# -- TQ706 / TQ707 -----------------------------------------------------------------------


def test_day_first_date_suggests_the_month_in_words():
    (issue,) = issues("TQ706", "The first stage begins on 19/01/2025.")
    assert issue.suggestion == "January 19, 2025"


def test_h_time_suggestion():
    (issue,) = issues("TQ707", "Open to the public from 9h, at the City Council.")
    assert issue.suggestion == "9 a.m."
    assert [i.suggestion for i in issues("TQ707", "closing at 21h30.")] == ["9:30 p.m."]


# -- TQ708 capitalised-common-noun -------------------------------------------------------


def test_german_nouns_need_evidence():
    alone = "The Pensioners will receive an increase from July."
    assert flagged("TQ708", alone) == []
    german = "„We have a budget“, he said. The Pensioners will receive an increase from July."
    assert flagged("TQ708", german) == ["Pensioners"]
    lower = "The Pensioners will receive an increase. Most pensioners welcomed it."
    assert flagged("TQ708", lower) == ["Pensioners"]


def test_continental_typography():
    assert _continental_typography(Document("It rose 3,5 percent."))
    assert _continental_typography(Document("„Quote“, he said."))
    assert not _continental_typography(Document("It rose 3.5 percent, to 1,000."))


def test_names_and_teams_are_not_german_nouns():
    text = "„Yes“, he said. The Giants beat the Hostages Families Forum team; the Friends of the Earth came."
    assert flagged("TQ708", text) == []


def test_allow_list_silences_a_finding():
    text = "About 1,5 million people lived there."
    settings = Settings(allow=frozenset({"1,5"}))
    assert find_issues(Document(text), settings, rules=[REGISTRY["TQ702"]]) == []


# -- round 2 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The fire destroyed 1 200 hectares.", ["1 200"]),  # French
        ("The plan will create 4\u00a0500 homes.", ["4\u00a0500"]),  # no-break space
        ("Attendance: 250\u202f000 visitors.", ["250\u202f000"]),  # narrow no-break space (SI)
        ("Tickets cost CHF 1'200.", ["1'200"]),  # Swiss
        ("More than 3 000 000 people voted.", ["3 000 000"]),  # Russian, Polish
        ("It cost €12 000 in all.", ["12 000"]),
    ],
)
def test_space_thousands_separators(text, expected):
    assert flagged("TQ709", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2020 100 people died.",  # a year before a count
        "On May 5 200 more were hurt.",  # a date before a count
        "Call +33 1 234 567 890 today.",  # a phone number
        "The 100 200 and 400 metres finals.",  # a list without commas
        "Flight 370 239 was delayed, see page 3 100 onwards.",
        "The score was 1 000",  # nothing follows: may be a code
    ],
)
def test_spaced_numbers_that_are_not_thousands(text):
    assert flagged("TQ709", text) == []


def test_thousands_with_a_currency_word_or_at_a_sentence_end():
    assert flagged("TQ701", "Tickets cost 2.350 euros.") == ["2.350"]
    assert flagged("TQ701", "The march gathered more than 20.000.") == ["20.000"]
    assert flagged("TQ701", "The rate was 4.000, then it fell.") == []  # one digit: maybe a rate


def test_continental_number_with_both_separators():
    (issue,) = issues("TQ702", "The fine was R$ 1.234,56.")
    assert issue.text == "1.234,56" and issue.suggestion == "1,234.56"


def test_percent_before_the_number_with_a_space_and_french_multipliers():
    assert flagged("TQ705", "Inflation fell by % 40 this year.") == ["%"]
    assert flagged("TQ705", "It was 9 % 40 times.") == [" %"]  # a space before %: a different finding
    assert flagged("TQ705", "The budget was 3 M€ and the bonus 500 k€.") == ["M€", "k€"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The law takes effect on 14. March.", ["14. March"]),  # German, Polish
        ("Friday, 3. June 2025, was chosen.", ["3. June 2025"]),
        ("The strike began on the 3 of May.", ["the 3 of May"]),  # Spanish, Italian
        ("It ended on 14 of June, 2023.", ["14 of June, 2023"]),
    ],
)
def test_source_language_dates(text, expected):
    assert flagged("TQ710", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He scored in the 14th minute. March was cold.",
        "The ages were 12 and 14. May, the eldest, spoke.",
        "The 3rd of May, and two of May's daughters.",
        "Four of March's games were postponed.",
    ],
)
def test_dates_that_are_english(text):
    assert flagged("TQ710", text) == []


def test_fullwidth_punctuation_next_to_english_but_not_in_cjk_quotations():
    assert flagged("TQ711", "The ministry said，the talks would resume。") == ["，", "。"]
    assert flagged("TQ711", "The novel 《The Three-Body Problem》 was cited.") == ["《The Three-Body Problem》"]
    assert flagged("TQ711", "The film 《英雄》 (Hero) and the motto 实事求是。") == []


def test_ordinal_indicators_and_number_signs():
    assert [i.suggestion for i in issues("TQ712", "The 1º of May and the 2ª division.")] == ["1st", "2nd"]
    assert [i.suggestion for i in issues("TQ712", "It reached 30º C.")] == ["30°C"]
    assert flagged("TQ712", "Law Nº 12 and decree N° 45.") == ["Nº ", "N° "]
    assert flagged("TQ712", "It reached 30°C under law No. 12.") == []


def test_plural_multipliers():
    assert [i.suggestion for i in issues("TQ713", "They invested 2 millions of euros.")] == ["2 million"]
    assert flagged("TQ713", "In 2020 millions of people stayed home; tens of millions more.") == []


def test_clock_time_with_hours_word():
    assert [i.suggestion for i in issues("TQ707", "The march starts at 19.30 hours.")] == ["7:30 p.m."]
    assert flagged("TQ707", "The flight lasted 10.30 hours.") == []


def test_russian_dialogue_dash_without_quotation_marks():
    (issue,) = issues("TQ704", "We will restore everything, – said the mayor.")
    assert issue.text == " –" and issue.suggestion == ""


# -- issue 5: misdirected quotes, speaker-dash, spaced hyphen pairs, datelines, multipliers --------


def test_misdirected_quotes_span_the_quotation_and_suggest_english_marks():
    (issue,) = issues("TQ703", "He said ”we will rebuild” and left.")
    assert issue.text == "”we will rebuild”"
    assert issue.suggestion == "“we will rebuild”"


def test_quote_dash_with_the_speaker_before_the_verb_needs_a_comma_inside_the_quote():
    assert flagged("TQ704", "“We hold the line,” – the regional governor wrote.") == [" –"]
    assert flagged("TQ704", "“We hold the line” – a promise, the governor wrote.") == []
    assert flagged("TQ704", "“We hold the line,” – and then, in May, he left.") == []


def test_spaced_hyphen_pairs_need_continental_typography_in_the_article():
    plain = "The protocol - signed in November and ratified in February - provides for two centres."
    assert flagged("TQ704", plain) == []
    continental = plain + " Up to 3.000 people a month can be sent there."
    assert flagged("TQ704", continental) == ["- signed in November and ratified in February -"]


def test_dateline_only_at_the_start_of_an_opening_paragraph():
    story = "Headline here\n\nMunich. The city council approved a new plan for housing on Tuesday after a long debate."
    (issue,) = issues("TQ714", story)
    assert issue.text == "Munich." and issue.suggestion == "MUNICH \u2014"
    late = "\n\n".join(["A paragraph of text."] * 9) + "\n\nMunich. The city council approved a plan for housing on Tuesday."
    assert flagged("TQ714", late) == []
    assert flagged("TQ714", "Headline\n\nMunich. Short one.") == []


def test_capitalised_singular_noun_needs_the_lowercase_noun_and_continental_typography():
    text = "The union called a strike. The cost of the Strike is 1,2 billion euros a day."
    assert flagged("TQ708", text) == ["Strike"]
    assert flagged("TQ708", text.replace("a strike", "a walkout")) == []
    assert flagged("TQ708", "The union called a strike. The Gaza Strip and the Strike Force met, 1,2 million.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Damage reached 2 mlrd rubles and 20 thous. people left.", ["mlrd", "thous."]),
        ("The loss was 1,5 mln euros.", ["mln"]),  # a decimal comma corroborates `mln`
        ("The fund raised $5 mln from investors.", []),  # old English wire style
        ("The film is 5 mil thick and the Mio 3 camera sold.", []),
        ("Each family gets R$ 5 mil a month.", ["mil"]),
    ],
)
def test_source_language_multipliers(text, expected):
    assert flagged("TQ715", text) == expected


# -- TQ709: a tally whose dash was lost is two numbers, not a spaced thousand --------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senators voted 312 208 in favour of the bill.", []),
        ("The visitors won 3 1 at the weekend.", []),
        ("The council voted 120 000 euros for the repairs.", ["120 000"]),  # an amount follows
        ("Lawmakers voted 1 200 300 in favour.", ["1 200 300"]),  # three groups: one number
    ],
)
def test_tally_after_vote_word(text, expected):
    assert flagged("TQ709", text) == expected


# -- this round: currency order, closed-up prefixes, bracketed and non-Gregorian dates ----------


@pytest.mark.parametrize(
    "code, text, span",
    [
        ("TQ705", "A household will pay 80 $ more per year.", "80 $"),
        ("TQ705", "The utility plans to invest 120 billions $ by 2035.", "120 billions $"),
        ("TQ705", "The canton received Fr. 3.1 million from Bern.", "Fr."),
        ("TQ702", "Aid worth Rp2,5 billion was promised.", "2,5"),
        ("TQ706", "The dam overflowed on Monday (4/11/2024) at night.", "4/11/2024"),
        ("TQ710", "The ceremony was held on 3 Esfand 1402 in Tehran.", "3 Esfand 1402"),
        ("TQ710", "Restoration should end in 1447 AH.", "1447 AH"),
    ],
)
def test_new_locale_forms(code, text, span):
    assert span in flagged(code, text)


@pytest.mark.parametrize(
    "code, text",
    [
        ("TQ705", "Tickets cost $80, prices in $ and € rose, and the fee is 5 dollars."),
        ("TQ705", "Fr. Murphy said mass at 9 on Sunday."),
        ("TQ702", "The fee was Rp 2,500 or Rp2,500 a day."),
        ("TQ706", "The dam overflowed on Monday (see 4/11/2024) at night."),
        ("TQ710", "Built in 1446 AH (2024), the shrine opened during Ramadan 2025."),
    ],
)
def test_new_locale_forms_near_misses(code, text):
    assert flagged(code, text) == []
