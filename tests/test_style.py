"""Calques: every row of calques.tsv flags its example and leaves its near-miss alone."""
from __future__ import annotations

import re

import pytest

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.rules import REGISTRY, all_rules
from tqcheck.rules.base import unmark
from tqcheck.rules.style import GUARDS, calques

all_rules()
RULES = {r.name: r for r in REGISTRY.values() if r.category == "style"}
ROWS = calques()


def _spans(rule, text):
    return sorted((i.offset, i.end) for i in find_issues(Document(text), Settings(), rules=[rule]))


def _id(row):
    return f"{row.rule}:{row.pattern.pattern[:30]}"


def test_every_row_names_a_style_rule_and_a_known_guard():
    assert len(ROWS) >= 30
    for row in ROWS:
        assert row.rule in RULES, row.rule
        assert row.guard is None or row.guard in GUARDS
        assert row.suggestion and row.explanation


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_row_flags_its_example(row):
    for example in row.flag:
        text, expected = unmark(example)
        assert expected, f"flag example without a [[span]]: {example!r}"
        assert _spans(RULES[row.rule], text) == sorted(expected), example


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_row_leaves_its_near_miss_alone(row):
    for example in row.passes:
        assert _spans(RULES[row.rule], example) == [], example


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_pattern_has_no_nested_quantifier(row):
    # a quantified group that itself contains an unbounded quantifier: (a+)+, (\w+\s?)*
    assert not re.search(r"\((?:[^()]|\([^()]*\))*[+*](?:[^()]|\([^()]*\))*\)[+*]", row.pattern.pattern)


def _suggestion(text):
    issues = find_issues(Document(text), Settings(), rules=list(RULES.values()))
    return [(i.text, i.suggestion) for i in issues]


def test_suggestions_expand_groups_and_keep_the_sentence_capital():
    assert _suggestion("This Sunday, Zelensky stressed that Ukraine is ready.") == [("This Sunday", "On Sunday")]
    assert _suggestion("Peru's Congress rejected this Thursday the motion.") == [("this Thursday", "on Thursday")]
    assert _suggestion("These weeks, the Kremlin is focusing on Donbas.") == [("These weeks", "In recent weeks")]


@pytest.mark.parametrize(
    "text",
    [
        # future-tense sentences about the coming day are English
        "Ledgerly's chief executive is scheduled to answer questions this Monday.",
        "The minister will travel to Brussels this Friday, officials said.",
        "The talks are expected to resume this Tuesday, the spokesman said.",
        "The trial is due to start this Wednesday.",
        "The union plans to strike this Thursday after talks failed.",
        # the day inside a present-tense quotation (the document's quotations: over sentences, in guillemets)
        "“We meet this Monday,” he said.",
        "“The talks collapsed. We meet again this Monday,” the minister said.",
        "The minister said: «We meet this Monday», and left.",
        # passive future
        "The funeral, which was announced yesterday, will be held this Saturday.",
    ],
)
def test_this_weekday_leaves_the_coming_day_alone(text):
    assert _spans(RULES["this-weekday"], text) == []


@pytest.mark.parametrize(
    "text,span",
    [
        ("Putin traveled to Belarus this Monday to meet Lukashenko.", "this Monday"),
        ("The Ministry of Health reported this Wednesday that temperatures will keep rising.", "this Wednesday"),
        ("River Plate beat Boca Juniors 2-1 this Sunday at the Bombonera.", "this Sunday"),
        ("This Monday, in the midst of new attacks, President Zelenski has renewed his requests.", "This Monday"),
        # decided: `except this Monday` in a perfect-tense sentence reports the past meeting: a calque
        ("In three years they have seen each other 12 times, always in Russia except this Monday.", "this Monday"),
    ],
)
def test_this_weekday_flags_the_day_just_past(text, span):
    start = text.index(span)
    assert _spans(RULES["this-weekday"], text) == [(start, start + len(span))]


def test_the_executive_is_quiet_when_the_article_names_an_executive_body():
    text = "The Northern Ireland Executive met on Monday. The Executive has not agreed a budget."
    assert _spans(RULES["government-calque"], text) == []
    text = "The Executive has assured that there is no risk of water shortage."
    assert _spans(RULES["government-calque"], text) == [(0, 13)]


def test_rows_have_needles_that_their_examples_contain():
    # The needle lets a rule skip a pattern when the article cannot match it (speed); it
    # must never hide a real match, so every flagged example holds one needle of each tuple.
    with_needles = [row for row in ROWS if row.needles]
    assert all(row.needles or row.anchors for row in ROWS)  # anchor words do the needles' work
    for row in with_needles:
        for example in row.flag:
            low = unmark(example)[0].lower()
            present = frozenset(n for alts in row.needles for n in alts if n in low)
            assert row.may_match(present), (row.pattern.pattern, example)


# -- round 2: anchors, windows, guards --------------------------------------------------------

from tqcheck.rules.base import Context  # noqa: E402
from tqcheck.rules.style import anchors, word_set  # noqa: E402


def _words(text):
    doc = Document(text)
    return Context(doc, Settings(), None).get(word_set)


def test_every_row_has_anchor_words_that_its_examples_hold():
    # Anchor words let a rule skip a row on an article without them (speed); they must never hide
    # a match, so every flagged example holds one anchor word of each tuple.
    for row in ROWS:
        assert row.anchors, row.pattern.pattern
        for example in row.flag:
            assert row.may_match_words(_words(unmark(example)[0])), (row.pattern.pattern, example)


@pytest.mark.parametrize(
    "pattern,expected",
    [
        (r"\b[Tt]he Executive\b", (("executive",),)),
        (r"\bassur(?:ed|es|ing) that\b", (("assured", "assures", "assuring"),)),
        (r"(?i)\bironi[sz]ed\b", (("ironised", "ironized"),)),
        (r"\bassur(?:ed|es)", ()),  # the word may go on: no whole word is known
        (r"\b[a-z]+ing these\b", (("these",),)),  # a stop word, when it is all that is certain
    ],
)
def test_anchor_words_are_whole_words_every_match_holds(pattern, expected):
    assert anchors(pattern)[:1] == expected


def _all_examples():
    return "\n\n".join(ex for row in ROWS for ex in (*(unmark(f)[0] for f in row.flag), *row.passes))


def test_searching_around_anchor_words_finds_what_a_full_search_finds():
    # Rows search a window around each anchor word; the result must equal a search of the whole text.
    text = _all_examples()
    doc = Document(text)
    ctx = Context(doc, Settings(), None)
    from tqcheck.rules.style import lowered, needle_positions

    low, positions, words = ctx.get(lowered), ctx.get(needle_positions), ctx.get(word_set)
    for row in ROWS:
        windowed = [m.span() for m in row.finditer(text, low, positions, words)]
        full = [m.span() for m in row.pattern.finditer(text) if "\n" not in m.group()]
        assert windowed == full, row.pattern.pattern


@pytest.mark.parametrize(
    "text",
    [
        # the Executive as a defined term or a named body
        'Under his service agreement (the "Executive"), the Executive agreed to a non-compete clause.',
        "The Executive's severance was two years' salary under his employment contract, the tribunal heard.",
        "The Northern Ireland Executive met at Stormont; the Executive has agreed a budget.",
        "Hong Kong's Chief Executive spoke, and the Executive Council met; the Executive has backed the bill.",
        "The company's chief executive and the executive branch met the Executive Committee.",
        "The Executive Director said the Executive board would meet.",
        # Government: British house style, treaties, lowercase
        "The Government has a large majority, and Government House was closed.",
        "The Agreement between the Government of Spain and the Government of Peru on Air Services.",
        "The government of Spain approved the decree.",
    ],
)
def test_government_calques_leave_english_uses_alone(text):
    assert _spans(RULES["government-calque"], text) == []


@pytest.mark.parametrize(
    "text,span",
    [
        ("The Spanish Executive approved the decree on Tuesday.", "The Spanish Executive"),
        ("The Executive's spokeswoman, Pilar Alegría, defended the plan.", "The Executive"),
        ("Sources from the Moncloa said the budget would pass.", "the Moncloa"),
        ("The Government of Spain has approved the decree.", "Government of Spain"),
        ("The President of the Republic, Sergio Mattarella, signed the law.", "President of the Republic"),
        ("The president of the Government defended the reform.", "president of the Government"),
    ],
)
def test_government_calques_in_several_source_styles(text, span):
    start = text.index(span)
    assert _spans(RULES["government-calque"], text) == [(start, start + len(span))]


@pytest.mark.parametrize(
    "text,span",
    [
        ("The minister recalled that the law requires a two-thirds majority.", "recalled"),  # es/it
        ("Meloni recalled that Italy is the first country of arrival.", "recalled"),
        ("Bolaños spoke, recalling that the court will have the last word.", "recalling"),
        ("Sánchez assured in an interview with El País that the law would pass.", "assured"),
        ("The coach assured, however, that Messi would play.", "assured"),
        ("“The situation is under control,” specified the prefect.", "specified"),  # fr
        ("“We will not give up,” she underlined.", "underlined"),  # it
        ("In an interview, Rama has underlined that the deal is a gesture of friendship.", "underlined"),
        ("The minister declared to the press that the plan was ready.", "declared to"),
    ],
)
def test_reporting_verb_calques(text, span):
    start = text.index(span)
    assert _spans(RULES["reporting-verb-calque"], text) == [(start, start + len(span))]


@pytest.mark.parametrize(
    "text",
    [
        "She recalled that her father worked in the mines.",  # a memory, in the past
        "I remember that we were young, and we recalled that the house has a garden.",
        "He recalled that he is tired.",  # a personal pronoun opens the clause
        "She recalled that the village, which is now empty, was full of children.",
        "It is worth remembering that the law is old.",
        "He assured them on Monday that help would come; she was assured in May that it was safe.",
        "Rest assured that we are on it.",
        "“We will win,” said the coach. “It was hard,” recalled his sister. “Yes,” added Ms Rossi.",
        "The crisis has underlined that the system is fragile, and he underlined how much it matters.",
        "He declared to the nation that war had begun.",
    ],
)
def test_reporting_verbs_leave_english_alone(text):
    assert _spans(RULES["reporting-verb-calque"], text) == []


@pytest.mark.parametrize(
    "text,span",
    [
        ("The Senate debates this Tuesday the pension reform.", "this Tuesday"),
        ("The agreement was signed on the past 14 of March in Lisbon.", "on the past 14 of March"),
        ("The vote took place on the day 14 of March in Madrid.", "on the day 14 of March"),
        ("The drought began the past month of March.", "the past month of March"),
    ],
)
def test_day_and_date_calques(text, span):
    start = text.index(span)
    assert _spans(RULES["this-weekday"], text) == [(start, start + len(span))]


@pytest.mark.parametrize(
    "text",
    [
        "The exhibition ends this Sunday the 14th.",
        "This past Sunday, tens of thousands marched.",  # decided: American English, not a calque
        "Over the past 14 days prices rose, and in the past 12 months they fell.",
        "On the day 14 hostages were freed, crowds gathered.",
    ],
)
def test_day_phrases_that_are_english(text):
    assert _spans(RULES["this-weekday"], text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Von der Leyen held a press point in Brussels with the Council president.",  # EU usage
        "Smith, who joined by phone, said so; others joined by phone later.",
        "Within the framework of the treaty the talks went on.",
        "The band has three dates remaining on its tour.",
        "The league leaders won the match 2-1, and the band has three dates left on its tour.",
    ],
)
def test_other_calques_leave_english_alone(text):
    assert _spans(RULES["calque"], text) == []


# ---------------------------------------------------------------- reporting verbs, dates, set phrases


def _style(text):
    return [i.text for i in find_issues(Document(text), Settings(), rules=list(RULES.values()))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # quote inversion with guillemets (comma inside or outside) and a dash
        ("« Nothing is left », testified Sandrine, a neighbour.", ["testified"]),
        ("« The fire is contained, » specified the prefect.", ["specified"]),
        # a perfect closing an attribution
        ('"We will not look away," the head of the government has settled.', ["settled"]),
        # `recalled that` + a quoted present, or a name and a verb in -s
        ('His office recalled that Israel "will not accept dictates".', ["recalled"]),
        ("The minister recalled that Türkiye hosts millions of refugees.", ["recalled"]),
        # `<verb> that` + clause
        ("The minister defended that farming does not need to expand.", ["defended"]),
        # bare day of the month, with months only after it
        ("The department said on the 12th, from January to October, exports rose.", ["on the 12th"]),
        ("On the eve, the river rose by a metre.", ["On the eve"]),
    ],
)
def test_flags_the_calque(text, expected):
    assert _style(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # reporting verbs English uses
        '"We will win," said the coach. "It was hard," added Ms Rossi, and "no," wrote Smith.',
        '"We are happy," she said, as she has indicated before.',
        "She recalled that her father was a miner; he recalled that he had been young.",
        "The lawyer specified the terms and the judge specified that the fee be paid.",
        "He defended that decision and criticised that policy; the team advanced that far.",
        "The most advanced that the company has built was shown. She was informed that it was late.",
        # dates
        "Voting closes on May 10, and results are due on the 12th, officials said.",
        "He made par on the 10th and a birdie on the 12th, then led.",
        "On the eve of the vote, the candidates debated. The eve of the war was quiet.",
        # institutions and set phrases in English
        "In the statement made by the minister on Monday, he said prices would rise.",
        "The relevant departments met, and all relevant authorities agreed.",
        "The channel has 200,000 subscribers and the newsletter 10,000 subscribers.",
        "The military regime of the 1970s imposed martial law.",
        "The lead singer is privileged to work with them.",
        "The fire alarm was fixed and the fire door has been fixed in place.",
        "The government of Benjamin Netanyahu fell; the Government of Israel protested.",
        "He was the victim of a scam, and she fell victim to fraud.",
        "It has been closed since three weeks ago, and since the days of the empire.",
        "In the last years of his life he painted less.",
        "The proposals go before the Executive, the decision-making committee of Reading Borough Council.",
        "Also, Vanoli lamented the episode. Also on Tuesday, police arrested him.",
        '"Our national team fought hard," the coach said.',
        "The influence of the press on the election was small.",
        "He was condemned to death; the public ministry of the church met.",
    ],
)
def test_clean_english_near_misses(text):
    assert _style(text) == []


# -- round 3: broad calque families --------------------------------------------------------------


def test_age_in_brackets_after_a_name():
    text = "Rahmat (47) said the ash fell. Kane (23) and Salah (19) lead. \"Dewi (30) said it,\" he said."
    found = _suggestion(text)
    assert ("Rahmat (47)", "Rahmat, 47,") in found
    assert not any(t.startswith(("Kane", "Dewi")) for t, _ in found)


@pytest.mark.parametrize(
    "text, span",
    [
        ("Critics accuse the government Bourassa of delay.", "the government Bourassa"),
        ("Critics say the government Friday delayed the bill.", None),  # US dateline order
        ("The Consistory voted the budget.", "The Consistory"),
        ("The pope named cardinals at a consistory. The Consistory ended.", None),
        ("The rescue chief said his party has evacuated 40 families.", "his party"),
        ("The rescue chief said his party has evacuated 40 families before the election.", None),
        ("The club will stay open until the three of the morning.", "the three of the morning"),
        ("The ban takes effect in June of 2027.", "June of 2027"),
    ],
)
def test_broad_families_spans(text, span):
    found = [t for t, _ in _suggestion(text)]
    assert (found == [span]) if span else not found, found


def test_anchor_cover_is_unchanged_by_weighing_repeated_skeletons():
    # patterns with many branches repeat word sets; the weighted cover must pick the rarest words
    assert anchors(r"\bin (?:a|an) (?:very )?(?:gradual|sporadic) (?:way|manner)\b")[0] == ("gradual", "sporadic")
