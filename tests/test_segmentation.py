"""Segmentation rules (TQ201-TQ207): the merge fix, how the paragraph decisions exclude
each other, and layouts the registry examples cannot show."""
from __future__ import annotations

from tqcheck.api import find_issues
from tqcheck.config import Settings
from tqcheck.document import Document
from tqcheck.fix import apply, plan
from tqcheck.rules import REGISTRY, all_rules

all_rules()
SEGMENTATION = [r for r in all_rules() if r.code.startswith("TQ2")]


def issues(text, rules=None):
    return find_issues(Document(text), Settings(), None, rules=rules or SEGMENTATION)


def found(text, rules=None):
    return [(i.rule, i.text) for i in issues(text, rules)]


ARTICLE = """\
Putin strengthens ties with Lukashenko

Together with him, Lukashenko spoke of the importance of the "support" of the Kremlin and of his "older brother", Putin,

as well as the need to make a common front in the face of Western sanctions.

The meeting came amid growing concerns and warnings. Ukraine that Moscow could be preparing another offensive from Belarus.

Also, in early December,

Lukashenko, who in recent days had been defensive, stressed that Belarus is a sovereign country and that only he makes decisions.

"Today we can unequivocally affirm that together we were able to survive," Lukashenko emphasized.

who has ensured that the greater integration between Russia and Belarus shows that only together is it possible to overcome sanctions.

"Russia can manage without us, but we cannot manage without Russia," he said.

offensive from the north

The Ukrainian government has warned that Russia may be preparing the ground for another major escalation this winter.

Western intelligence sources point out that the Belarusian troops are not of great interest to Moscow, but the territory of Belarus would be useful.

Both as a stage for offensive, launch and withdrawal, and to train their mobilized there.
"""


def test_each_artifact_of_the_article_is_found_once():
    assert found(ARTICLE) == [
        ("TQ201", "as"),
        ("TQ205", "warnings. Ukraine that"),
        ("TQ204", "Also, in early December,"),
        ("TQ202", "who"),
        ("TQ203", "offensive from the north"),
        ("TQ206", "Both"),
    ]


def test_the_split_fix_joins_the_paragraphs_with_one_space():
    text = "He spoke of his older brother, Vladimir Putin, at length in the capital on Monday,\n\n  as well as of the need for a common front.\n"
    edits = plan(issues(text, [REGISTRY["TQ201"]]))
    assert apply(text, edits) == (
        "He spoke of his older brother, Vladimir Putin, at length in the capital on Monday,"
        " as well as of the need for a common front.\n"
    )


def test_the_split_fix_lowercases_a_relative_which():
    text = (
        "The last big crisis, in 1993, was solved with the introduction of the four-day week\n\n"
        "Which saved around 30,000 jobs at the time.\n"
    )
    edits = plan(issues(text, [REGISTRY["TQ201"]]))
    assert apply(text, edits) == (
        "The last big crisis, in 1993, was solved with the introduction of the four-day week"
        " which saved around 30,000 jobs at the time.\n"
    )


def test_the_article_with_single_line_breaks_gives_the_same_findings():
    single = "\n".join(line for line in ARTICLE.splitlines() if line.strip()) + "\n"
    assert found(single) == found(ARTICLE)


def test_a_continuing_paragraph_is_a_split_not_also_a_fragment():
    text = (
        "On the basis of that ruling, the judges in Rome did not validate the detentions of the first groups,\n\n"
        "which were brought back to Italy within a few days.\n"
    )
    assert found(text) == [("TQ201", "which")]


def test_a_dangling_preposition_before_a_capitalised_paragraph():
    text = (
        "The level of the pond has fallen, and it now holds far less water than before the disaster, according to\n\n"
        "The team of experts at the station is rotated every five weeks.\n"
    )
    assert found(text) == [("TQ201", "The")]


def test_quotes_continued_over_paragraphs_the_english_way():
    text = (
        '"People abroad see the numbers and think the crisis is over," he said. "It is not. Half my fields were mined,\n\n'
        '"and the banks will not lend against land that might still have a shell in it."\n'
    )
    assert found(text) == []


def test_lists_after_a_colon_are_not_fragments():
    text = (
        "The company said it would take three steps to restore the service and compensate customers:\n\n"
        "roll back the update for all users by Friday morning;\n\n"
        "refund one month of subscription fees to paying customers;\n\n"
        "publish a full technical report within thirty days.\n"
    )
    assert found(text) == []


def test_a_lowercase_brand_or_name_particle_at_a_paragraph_start():
    text = (
        "The company released its results on Thursday, beating the forecasts of most analysts.\n\n"
        "iPhone sales rose by 3% in the quarter, the company said in a statement.\n\n"
        "de Gaulle's memoirs were quoted by the minister in a speech to parliament on Friday.\n\n"
        "eBay and Etsy sellers were hit hardest by the outage, the report said.\n"
    )
    assert found(text) == []


def test_a_lowercase_name_at_a_paragraph_start_is_casing_not_a_fragment():
    text = (
        "Protecting the border with Russia and Belarus is our constant priority, the president said.\n\n"
        "kyiv receives weapons from its Western allies and is waiting for more shipments.\n"
    )
    assert found(text) == []
    assert [(i.rule, i.text) for i in find_issues(Document(text), Settings())
            if i.rule.startswith(("TQ1", "TQ2"))] == [("TQ101", "kyiv")]


def test_verbless_tail_needs_clear_evidence():
    text = (
        "The interior ministry plans to bring the centres to full capacity by the summer.\n\n"
        "With the aim of speeding up repatriations.\n\n"
        "The opposition, for its part, said the plan would cost too much and do too little.\n\n"
        "For now.\n\n"
        "In the north, troops advanced and the army said it had taken two villages.\n\n"
        "Especially worrying is the fate of the prisoners held in the camps.\n"
    )
    assert found(text, [REGISTRY["TQ206"]]) == [("TQ206", "With")]


def test_a_short_line_cut_before_a_place_is_a_split_but_link_residue_is_not():
    text = ("Forest Fire Contained\n\nThe fire which broke out on Sunday afternoon near\n\n"
            "Aubagne, in the hills, was contained on Tuesday, the prefecture said.")
    assert found(text) == [("TQ201", "Aubagne")]
    for furniture in ("Follow all our stories on the fires at", "Read our coverage of the fires in",
                      "The worst of the fire season is near"):
        assert found(furniture + "\n\nThe prefecture said on Tuesday that the fire was contained.") == []


def test_a_long_paragraph_that_stops_on_a_preposition():
    text = ("The army said it had repelled a dozen attacks overnight and that the heaviest fighting was in\n\n"
            "Chasiv Yar, where the defenders are short of shells.")
    assert found(text) == [("TQ201", "Chasiv")]


def test_agency_metadata_under_a_headline_is_not_a_split():
    text = ("Read also: Pilots call for new strikes at two airports\n\nagency-feed, ref:250101-12-345678/2\n\n"
            "The strike ends on Friday, the union said.")
    assert found(text) == []


def test_spurious_period_before_a_figure():
    found_ = issues("Exports to Asia fell. 8.5% in the year, while imports rose by. 3 billion euros.")
    assert [(i.rule, i.text) for i in found_] == [("TQ207", "fell. 8.5%"), ("TQ207", "by. 3")]
    fixed = apply("Exports fell. 8.5% in the year.", plan(issues("Exports fell. 8.5% in the year.")))
    assert fixed == "Exports fell 8.5% in the year."
    for clean in ("Prices fell. 2024 was a record year.", "Shares rose. 12 of the 30 stocks gained.",
                  "The film runs with subtitles. 1 hour 40 minutes.", "See p. 12, No. 5 and approx. 30 more."):
        assert found(clean) == []


# -- lists whose bullets were lost: runs of indented lines ----------------------------------

_LIST_INTRO = "Most owners gave the same reasons for keeping their workshops in the town where they started:\n\n"


def test_indented_run_is_a_list_not_a_split_sentence():
    text = (_LIST_INTRO + "  the customers who buy handmade chairs expect to visit the place they come from, \n"
            "   they worry about the cost of moving heavy machines to another country, \n"
            "   they fear the brand would suffer if buyers heard the work had moved.")
    assert found(text) == []


def test_one_indented_paragraph_alone_is_still_checked():
    # Indentation alone is no list: the previous paragraph must be indented too.
    text = ("The reasons, the owners said, were the cost of moving heavy machines abroad and\n\n"
            "   the fear that buyers would trust the brand less after the move.")
    assert [r for r, _ in found(text)] == ["TQ201"]
