"""Questions read for their meaning: figures computed from a frame, verdicts, the article's own sentences,
"the article doesn't say", and follow-ups that change what is computed. Written as transcripts.

Every expected figure below is worked out here from the article's six numbers (55/12, 81/31, 114/71),
not read from the bot.
"""

from __future__ import annotations

import pytest
from test_followups import say

from bot.conversation import Context


def ask(engine, question: str):
    reply, _ = engine.reply(question, Context(), now=0.0)
    return reply


def one(engine, question: str) -> str:
    return ask(engine, question).text


def reply_says(text: str, needles: list[str], unwanted: list[str]) -> None:
    """The reply has every needle and none of the unwanted words (shown whole when it does not)."""
    assert all(n in text for n in needles) and not any(n in text for n in unwanted), text


# -- operations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("How much did commissioned SCRs rise since 2011/12?", ["55", "114", "up 59"]),
        ("how many more were commissioned than published in 2013/14?", ["43 more commissioned than published"]),
        ("how many fewer SCRs were published than commissioned in 2012/13", ["50 more commissioned"]),
        ("what percentage of SCRs were published overall?", ["45.6%"]),
        ("on average how many SCRs were commissioned per year?", ["83.3"]),
        ("average yearly gap between commissioned and published SCRs?", ["45.3"]),
        ("what was the average annual increase in commissioned SCRs from 2011/12 to 2013/14?", ["29.5"]),
        ("ratio of commissioned to published SCRs in 2013/14?", ["1.61 to 1"]),
        ("ratio of published to commissioned in 2013/14?", ["0.62 to 1"]),
        ("by how many percentage points did the share published change between 2011/12 and 2013/14?",
         ["21.8%", "62.3%", "up 40.5 percentage points"]),
        ("which grew faster, commissioned or published?", ["published grew faster", "+491.7%", "+107.3%"]),
        ("in raw numbers which went up more since 2011/12, commissioned or published?", ["same amount: 59"]),
        ("which year had the biggest gap between commissioned and published?", ["50 in 2012/13"]),
        ("how many times more SCRs were published in 2013/14 than in 2011/12?", ["5.9 times"]),
        ("what share of SCRs went unpublished overall?", ["54.4%"]),
        ("how many scrs were published in 2011/12 and 2012/13 added together", ["43"]),
        ("what's the sum of published in 11/12 and 13/14", ["83"]),
        ("what's the compound annual growth rate of commissioned SCRs", ["44% a year"]),
        ("what's the median number commissioned", ["81"]),
        ("what share of all commissioned SCRs were commissioned in 2013/14", ["114 of the 250", "45.6%"]),
        ("what's the average publication rate across the three years", ["40.8%", "45.6%"]),
        ("increase in published 11/12 to 12/13 in %", ["+158.3%"]),
        ("what was the increase in the publication rate from 2011/12 to 2012/13", ["16.5 percentage points"]),
        ("by how much did the gap between commissioned and published change from 2012/13 to 2013/14", ["down 7"]),
        ("81 - is that commissioned or published and which year?", ["commissioned in 2012/13"]),
    ],
)
def test_each_operation_is_computed_from_the_figures(engine, question, needles):
    text = one(engine, question)
    for needle in needles:
        assert needle in text, f"{question!r} -> {text!r}"


def test_not_published_is_commissioned_minus_published_and_says_what_it_is(engine):
    reply = ask(engine, "how many SCRs were not published in 2013/14?")
    assert reply.kind == "answer"
    assert "43" in reply.text and "71 SCRs were published." not in reply.text
    assert "doesn't say how many of a year's reviews were never published" in reply.text


# -- yes/no and claims ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "needle"),
    [
        ("did published SCRs double between 2012/13 and 2013/14?", "Yes", "2.3 times"),
        ("did commissioned SCRs double between 2012/13 and 2013/14?", "No", "1.4 times"),
        ("were more SCRs published in 2012/13 than in 2011/12?", "Yes", "31"),
        ("were more SCRs published in 2012/13 than in 2013/14?", "No", "71"),
        ("did commissioned SCRs fall in 2013/14?", "No", "114"),
        ("were more than half of the SCRs commissioned in 2013/14 published?", "Yes", "62.3%"),
        ("were over half of commissioned SCRs published in 2012/13?", "No", "38.3%"),
        ("is the gap between commissioned and published the same in 2011/12 and 2013/14?", "Yes", "43"),
        ("was the share published higher in 2012/13 than in 2011/12?", "Yes", "38.3%"),
        ("did the ratio of commissioned to published fall between 2011/12 and 2013/14?", "Yes", "4.58"),
        ("did published SCRs rise by more than commissioned ones from 2012/13 to 2013/14?", "Yes", "up 40"),
        ("From 2011/12 to 2012/13, did commissioned SCRs rise by more than published ones?", "Yes", "up 26"),
        ("were more SCRs published in 2013/14 than were commissioned in 2011/12?", "Yes", "55"),
        ("were more than 100 SCRs published in total over the three years?", "Yes", "114"),
    ],
)
def test_yes_no_questions_open_with_the_verdict_and_show_the_figures(engine, question, verdict, needle):
    text = one(engine, question)
    assert text.startswith(f"{verdict}."), f"{question!r} -> {text!r}"
    assert needle in text


@pytest.mark.parametrize(
    ("claim", "verdict", "right"),
    [
        ("I read 71 were published in 2013/14, right?", "Yes", "71"),
        ("so 90 were commissioned in 2012/13?", "No", "81"),
        ("Someone in the group said 13 SCRs were published in 2011/12. True?", "No", "12"),
        ("just checking: 114 commissioned in 2013-14?", "Yes", "114"),
        ("Around 62% of SCRs commissioned in 2013/14 were published - is that correct?", "Yes", "62.3%"),
        ("I worked out 250 SCRs were commissioned across the three years, is that right?", "Yes", "250"),
        ("Published SCRs went up almost six-fold from 2011/12 to 2013/14. Is that accurate?", "Yes", "5.9"),
    ],
)
def test_a_stated_figure_is_confirmed_or_corrected_never_repeated(engine, claim, verdict, right):
    text = one(engine, claim)
    assert text.startswith(f"{verdict}."), f"{claim!r} -> {text!r}"
    assert right in text


@pytest.mark.parametrize(
    ("question", "verdict", "needle"),
    [
        ("Did Ofsted stop evaluating SCRs before the revised Working Together guidance came out?", "Yes", "March 2013"),
        ("So Ofsted stopped evaluating SCRs in July 2013?", "No", "July 2012"),
        ("The Working Together revisions came out in March 2013, yes?", "Yes", "March 2013"),
        ("Was relaxing SCR procedures one of Munro's recommendations?", "Yes", "Relaxing SCR procedures"),
        ("Is Sue Woolmore from Ofsted?", "No", "chair of the Association"),
        ("Does Woolmore think the Serious Case Review panel contributed significantly to the spike?", "No", "panel"),
        ("It's Eileen Munro who chairs the association of independent LSCB chairs, correct?", "No", "Woolmore"),
    ],
)
def test_yes_no_questions_about_the_prose_are_checked_against_the_facts(engine, question, verdict, needle):
    text = one(engine, question)
    assert text.startswith(verdict), f"{question!r} -> {text!r}"
    assert needle in text


def test_before_or_after_names_which_came_first(engine):
    text = one(engine, "did Ofsted stop evaluating SCRs before or after the Working Together revisions?")
    assert text.index("July 2012") < text.index("March 2013") and "came before" in text


# -- the article's own sentences, and what it doesn't say -----------------------------------------------


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("what did the coalition government do?", "dropped sharply"),
        ("What does the article say the Ofsted evaluations did to LSCBs' focus?", "fully focus on the review itself"),
        ("what exactly did she say about going back that far now?", "need not go back that far"),
        ("What is the article about in a nutshell?", "Edward Timpson"),
        ("Can I get the exact quote about family history under the old system?", "up to 20 years"),
    ],
)
def test_prose_questions_are_answered_from_the_article_sentences(engine, question, needle):
    reply = ask(engine, question)
    assert reply.kind == "answer" and needle in reply.text, f"{question!r} -> {reply.text!r}"
    assert reply.sources, "the sentence behind the answer can be shown"


def test_a_quoted_sentence_is_attributed_to_its_speaker(engine):
    reply = ask(engine, "What does the article say the Ofsted evaluations did to LSCBs' focus?")
    assert "“" in reply.text and "— Sue Woolmore" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Is Edward Timpson still children's minister?",
        "Which party is Timpson in?",
        "Is the rise in SCRs because more children are being harmed?",
        "Who chairs the SCR panel?",
        "What's the monthly breakdown of SCRs commissioned in 2013/14?",
        "What does Timpson himself think caused the rise?",
        "How many SCRs did Haringey publish?",
        "Who asked the parliamentary question that Timpson answered?",
        "What grades did Ofsted give SCRs when it was evaluating them?",
    ],
)
def test_what_the_article_does_not_hold_is_said_plainly_with_no_figure(engine, question):
    reply = ask(engine, question)
    assert reply.kind == "decline" and reply.intent is None, f"{question!r} -> {reply.text!r}"
    assert "doesn't" in reply.text
    for figure in ("55", "81", "114", "12", "31", "71"):
        assert figure not in reply.text.split(), f"{question!r} states {figure}"


def test_doesnt_say_gives_what_the_article_does_say_about_the_subject(engine):
    reply = ask(engine, "Is Edward Timpson still children's minister?")
    assert reply.entities["declined"] == "doesnt_say"
    assert "What it does say about Edward Timpson" in reply.text and reply.sources


# -- long questions and questions in parts -------------------------------------------------------------


def test_a_preamble_does_not_weaken_the_question(engine):
    reply = ask(
        engine,
        "Hi all, I'm a reporter at a regional paper writing up the SCR figures for tomorrow's edition. "
        "Could someone tell me how many serious case reviews were published in 2013/14?",
    )
    assert reply.kind == "answer" and "71" in reply.text


def test_a_question_in_two_parts_gets_both_answers(engine):
    text = one(engine, "How many SCRs were commissioned in 2013/14 and why did the numbers rise?")
    assert "114" in text and "Ofsted" in text
    text = one(engine, "When did Ofsted stop evaluating SCRs, and whose idea was it?")
    assert "July 2012" in text and "Munro" in text


def test_a_year_named_once_serves_both_parts(engine):
    text = one(engine, "How many SCRs were commissioned and how many published in 2013/14?")
    assert "114" in text and "71" in text and "55" not in text


# -- follow-ups ----------------------------------------------------------------------------------------


def test_a_complete_new_question_does_not_inherit_the_last_answers_kind(engine):
    for opener in ("which year had the most SCRs published?", "what is the trend?",
                   "what was the publication rate in 2012/13?", "how many SCRs in total?",
                   "how much did published SCRs rise in 2013/14?"):
        _, reply = say(engine, opener, "how many SCRs were published in 2012/13?")
        assert reply.text.startswith("In 2012/13, 31 SCRs were published"), (opener, reply.text)


def test_follow_ups_change_the_operation_over_the_same_figures(engine):
    replies = say(engine, "How many SCRs were published in 2013/14?", "and the year before?", "what's the difference?",
                  "as a percentage?")
    assert "31" in replies[1].text and "up 40" in replies[2].text and "129%" in replies[3].text
    replies = say(engine, "How many were commissioned in 2012/13?", "and the other measure?",
                  "what's the gap between them?")
    assert "31 SCRs were published" in replies[1].text and "50" in replies[2].text
    replies = say(engine, "Total SCRs commissioned over the three years?", "and published?",
                  "what's that per year on average?")
    assert "114" in replies[1].text and "38" in replies[2].text
    replies = say(engine, "what's the published figure for 2012/13", "how many times bigger was it the following year?",
                  "and commissioned, same comparison?", "which grew faster then?")
    assert "2.3 times" in replies[1].text and "1.4 times" in replies[2].text and "grew faster" in replies[3].text
    replies = say(engine, "how many SCRs were published in 2012/13?", "and 2013/14?", "over those two years?")
    assert "102" in replies[2].text


def test_follow_ups_about_the_last_answers_subject(engine):
    replies = say(engine, "what drove the rise?", "who said that?", "whose recommendation was it?",
                  "give me an example")
    assert replies[1].text.startswith("That was Sue Woolmore")
    assert "Munro" in replies[2].text and "recommended" in replies[2].text
    assert "20 years" in replies[3].text
    replies = say(engine, "what was the key factor behind the rise?", "who said that?", "give me an example")
    assert "Ofsted" in replies[0].text and "Working Together" not in replies[0].text  # the key factor, only
    assert replies[2].kind == "decline" and "no example" in replies[2].text
    replies = say(engine, "Did the SCR panel cause the spike in SCRs?", "so what did cause it then?")
    assert replies[0].text.startswith("No") and "Working Together" in replies[1].text
    replies = say(engine, "Who revealed the SCR figures?", "in what context?")
    assert "parliamentary question" in replies[1].text


def test_is_that_still_so_today_about_the_last_topic_is_not_answered_from_the_article(engine):
    replies = say(engine, "What did CYP Now find in 2011?", "is that still government policy today?")
    assert "dropped sharply" in replies[0].text
    assert replies[1].kind == "decline" and "doesn't say" in replies[1].text


def test_a_broken_frames_file_is_reported_with_file_line_and_fix(tmp_path):
    import shutil
    from pathlib import Path

    from bot.engine import Engine
    from bot.knowledge.errors import DataError

    root = Path(__file__).resolve().parent.parent
    for folder in ("facts", "intents"):
        shutil.copytree(root / folder, tmp_path / folder)
    frames = tmp_path / "intents" / "frames.yaml"
    text = frames.read_text(encoding="utf-8")
    frames.write_text(text.replace("    of: commissioned", "    of: ordered", 1), encoding="utf-8")
    line = text.splitlines().index("    of: commissioned") + 1
    with pytest.raises(DataError) as caught:
        Engine.load(tmp_path / "facts", tmp_path / "intents")
    report = caught.value.report()
    assert f"frames.yaml:{line}" in report and "'ordered' is not a measure" in report and "fix: use one of" in report


# -- exclusions, filters, drafts and quotes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("How many SCRs were commissioned in years other than 2012/13?", ["169"]),
        ("Apart from 2012/13, how many SCRs were published?", ["83"]),
        ("Excluding 2013/14, what was the total number of SCRs commissioned?", ["136"]),
        ("What's the average number published per year excluding 2011/12?", ["51"]),
        ("Other than 2013/14, which year had the highest publication rate?", ["Highest: 2012/13"]),
        ("In which years were fewer than 50 SCRs published?", ["2011/12 (12) and 2012/13 (31)"]),
        ("Which year did not see fewer than 100 SCRs commissioned?", ["2013/14 (114)"]),
        ("What is the range of published SCRs?", ["range of 59"]),
        ("How many SCRs were commissioned per month in 2013/14?", ["9.5 a month"]),
        ("How many months were there between Ofsted stopping evaluations and the Working Together revision?",
         ["8 months"]),
        ("In which financial year did Ofsted stop evaluating SCRs?", ["2012/13 financial year"]),
        ("Tell me about the Serious Case Review panel.", ["lessons are learned"]),
    ],
)
def test_exclusions_filters_and_derived_answers(engine, question, needles):
    text = one(engine, question)
    for needle in needles:
        assert needle in text, f"{question!r} -> {text!r}"


@pytest.mark.parametrize(
    ("question", "verdict", "needle"),
    [
        ("Were there no years with over 100 SCRs commissioned?", "No", "114"),
        ("Is it false that 31 SCRs were published in 2012/13?", "No", "31 is right"),
        ("Check this: 81 commissioned and 31 published in 2012/13.", "Yes", "81 and 31 are right"),
        ("Is it accurate to say commissioned SCRs rose by 40% in 2013/14?", "Yes", "40.7%"),
        ("Did commissioned SCRs grow faster than published SCRs?", "No", "published grew faster"),
        ("Eileen Munro is a minister?", "No", "Edward Timpson is the children's minister"),
        ("CYP Now found SCRs rose sharply in 2011?", "No", "dropped sharply"),
        ("Did Timpson say the Ofsted change was a key factor?", "No", "it was Sue Woolmore"),
        ('My draft says: "Ofsted stopped evaluating SCRs in July 2013, a move recommended by Professor Eileen '
         'Munro." Anything wrong?', "No", "July 2012"),
    ],
)
def test_negations_drafts_and_attributions_get_the_right_verdict(engine, question, verdict, needle):
    text = one(engine, question)
    assert text.startswith(verdict), f"{question!r} -> {text!r}"
    assert needle in text


def test_a_quote_from_the_article_is_attributed_not_checked_as_a_claim(engine):
    who = one(engine, 'Who said "the previous system also really wasn\'t designed with publication in mind"?')
    assert who.startswith("Sue Woolmore")
    wrong = one(engine, 'Did Timpson say "When it ended it enabled LSCBs to fully focus on the review itself"?')
    assert wrong.startswith("No: it was Sue Woolmore")
    share = one(engine, '"Between 2011 and 2012, just 12 were published out of only 55 commissioned SCRs." '
                        "What proportion is that?")
    assert "21.8%" in share and not share.startswith("No")


def test_follow_ups_step_years_and_ask_where_it_comes_from(engine):
    replies = say(engine, "How many SCRs were published in 2011/12?", "what about commissioned?",
                  "and two years later?", "says who?")
    assert "55" in replies[1].text and "114" in replies[2].text
    assert "Edward Timpson revealed the figures" in replies[3].text
    replies = say(engine, "How many SCRs were published between 2011 and 2012?", "And commissioned?",
                  "So what share was published?", "What about the next year?", "And the one after?")
    assert "21.8%" in replies[2].text and "38.3%" in replies[3].text and "62.3%" in replies[4].text
    replies = say(engine, "How many SCRs were published in 2012/13?", "Sorry, I meant commissioned.")
    assert "81" in replies[1].text


# -- found in review -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "followup", "missing"),
    [
        ("How many SCRs were published in 2013/14?", "and two years later?", "2015/16"),
        ("How many SCRs were published in 2011/12?", "and three years before that?", "2008/09"),
    ],
)
def test_a_step_of_several_years_past_the_data_names_the_year_asked_for(engine, anchor, followup, missing):
    _, reply = say(engine, anchor, followup)
    assert f"I don't have figures for {missing}." in reply.text, reply.text


def test_a_part_read_as_a_repeat_of_another_is_not_answered_twice(engine):
    text = one(engine, "how many commissioned and how many published in 2013/14? and who said it?")
    assert text.count("In 2013/14, 71 SCRs were published.") == 1, text
    assert "114" in text


# -- found by blind set 7, after its first contact ---------------------------------------------------


def test_the_year_before_is_relative_to_the_year_the_question_names(engine):
    text = one(engine, "how many more SCRs were published in 2013/14 than the year before")
    assert "up 40" in text and "no figures" not in text, text


def test_a_percentage_increase_after_two_years_is_the_change_not_the_share(engine):
    replies = say(engine, "How many SCRs were published in 2012/13?", "and the year after?",
                  "as a percentage increase?")
    assert "129" in replies[-1].text and "share" not in replies[-1].text, replies[-1].text


def test_and_how_much_higher_than_a_year_is_a_comparison_not_that_years_figure(engine):
    replies = say(engine, "how many commissioned SCRs in 2012/13?", "and how much higher was that than 2011/12?",
                  "in percent?")
    assert "up 26" in replies[1].text, replies[1].text
    assert "47" in replies[2].text, replies[2].text


# -- from blind set 8, after its first contact --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        # the year of a figure the question states; 50 is no year's published figure (12, 31, 71)
        ("In which year were 81 serious case reviews commissioned?", ["81", "commissioned in 2012/13"], ["Most"]),
        ("which year saw 12 SCRs published?", ["published in 2011/12"], ["Most"]),
        ("In which year were 50 published?", ["In no year were 50 SCRs published"], ["not published in"]),
        ("62%: which year was that?", ["share of SCRs published in 2013/14"], ["None of"]),  # 71/114 = 62.3%
        ("which year had the most published?", ["Most SCRs published: 71 in 2013/14"], []),
        # a ratio of one measure between two years: 71 / 31 = 2.29, 81 / 55 = 1.47
        ("Ratio of published SCRs in 2013/14 to 2012/13, to 1 d.p.?", ["2.29 to 1", "2.3 times"], ["0.62"]),
        ("ratio of commissioned in 2012/13 to 2011/12", ["1.47 to 1"], []),
        # "the last year in the article" is its latest year, 2013/14: 114 commissioned
        ("How many SCRs were commissioned last year in the article?", ["114"], ["don't have"]),
        # a wrong figure that is the other measure's is said to be so
        ("I read that 114 SCRs were published in 2013/14. Is that correct?",
         ["No", "71", "114 is the number of SCRs commissioned in 2013/14"], []),
        ("What does the article tell us about the 2011/12 figures?", ["55", "12"], ["It begins"]),
        # "response" meets the article's "Responding to a parliamentary question" (line 1)
        ("Were these figures revealed in response to a parliamentary question?", ["Yes", "parliamentary question"],
         ["Did you mean"]),
        # "describe" asks about the wording: the sentence is found by the rest of the question
        ("How exactly did Woolmore describe commissioning and publishing an SCR? I need the quote.",
         ["big challenge", "Woolmore"], ["Did you mean"]),
        # "can you quote ..." is a request, not a yes/no question
        ("can you quote what Woolmore said about Ofsted evaluation", ["Woolmore"], ["Yes."]),
    ],
)
def test_blind8_readings(engine, question, needles, absent):
    text = one(engine, question)
    for needle in needles:
        assert needle in text, text
    for word in absent:
        assert word not in text, text


def test_a_request_to_work_out_what_was_just_said_answers_that_sentence(engine):
    """A preamble, the ask as a statement ("I need to tell colleagues how much ..."), then "Could you work that
    out?": 31 -> 71 is +129%."""
    text = one(engine, "Hello there, I'm a board member and not a numbers person. I need to tell colleagues how "
                       "much the number of published SCRs increased from 2012/13 to 2013/14, as a percentage. "
                       "Could you work that out from the article?")
    assert "129%" in text and "It begins" not in text, text


def test_she_after_a_person_is_that_person_even_when_the_question_names_a_topic(engine):
    """"What does she think caused the rise in SCRs?" after Woolmore: her reasons, not "the article doesn't say"."""
    said = say(engine, "Who is Sue Woolmore?", "What does she think caused the rise in SCRs?")
    assert "Ofsted ceased evaluating" in said[-1].text and "doesn't report" not in said[-1].text, said[-1].text


def test_reasons_asked_of_someone_who_gave_none_are_declined_with_the_ones_given(engine):
    reply = ask(engine, "What reasons did Timpson himself give for the rise in SCRs?")
    assert reply.kind == "decline" and "no reasons from Edward Timpson" in reply.text and "Woolmore" in reply.text
    assert ask(engine, "How did the Munro review feed into the rise?").kind == "answer"  # what she recommended


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("On what date did Edward Timpson give these figures?", "doesn't say when Edward Timpson gave the figures"),
        ("When exactly did the coalition government bring in its policy of publishing SCRs?",
         "doesn't say when the coalition government's policy"),
        ("When was the previous edition of Working Together published, before the March 2013 revision?",
         "only in its revised edition"),
        ("Since the Working Together changes, how many years of family history do LSCBs now have to look back over?",
         "doesn't say how far back LSCBs must go now"),
        ("Why does Woolmore think the SCR panel hasn't contributed much to the spike?",
         "doesn't give her reasons for that"),
        ("Which local safeguarding board commissioned the most SCRs in 2013/14?", "doesn't break the figures down"),
        ("Of the 71 SCRs published in 2013/14, how many had been commissioned in that same year?",
         "not which reviews were published or when"),
    ],
)
def test_what_the_article_does_not_say_is_said_plainly(engine, question, says):
    """From blind set 9: each asks for a date, an edition, a number or a reason the article never gives."""
    reply = ask(engine, question)
    assert reply.kind == "decline" and says in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("why was the SCR panel set up?", "lessons are learned"),  # the panel's purpose is in the article
        ("how many years of family history did LSCBs have to look at under the old system?", "20 years"),
    ],
)
def test_near_those_the_article_does_answer(engine, question, needle):
    reply = ask(engine, question)
    assert reply.kind == "answer" and needle in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        # from blind set 10, after its first contact
        ("What does the article say about the Ofsted change?", ["July 2012"], ["Terms I can explain"]),
        ("What were the published SCR totals for each year mentioned in the piece?", ["12", "31", "71"], ["114"]),
        ("What's the total number commissioned across all three years?", ["250"], []),
        ("What were the commissioned totals for each of the three years?", ["55", "81", "114"], ["250"]),
        # "mean" is an average here, not "what does it mean": 114 published over three years is 38 a year
        ("What's the mean annual number of SCRs published across 2011/12, 2012/13 and 2013/14?", ["38"],
         ["stands for"]),
        ("when was this article published?", ["not recorded"], []),
        ("What key factor does the chair of the independent LSCB chairs' association point to for the increase?",
         ["Ofsted ceased evaluating", "key factor"], []),
        ("was working together a key factor?", ["Yes", "pivotal"], []),
        # a figure stated to be checked is checked, not called a judgement: 81 -> 114 is 1.4 times
        ("A councillor told me the number of commissioned SCRs doubled from 2012/13 to 2013/14. Is he right?",
         ["No", "1.4"], ["doesn't judge"]),
        ("Woolmore says the panel didn't contribute. Is she right?", ["doesn't judge"], []),
        ("I heard Woolmore chairs Ofsted, is that right?", ["No", "Association of Independent"], []),
        ("Did the Department for Education respond to Woolmore's comments?", ["no response to those comments"], []),
    ],
)
def test_blind10_readings(engine, question, needles, absent):
    text = one(engine, question)
    for needle in needles:
        assert needle in text, text
    for word in absent:
        assert word not in text, text


@pytest.mark.parametrize(
    ("question", "opens", "needle"),
    [
        # the article: "set up by the government in 2013"; "wasn't designed with publication in mind"
        ("Was the Serious Case Review panel set up by Ofsted?", "No: it was the government",
         "set up by the government"),
        ("was the panel set up by the government?", "Yes.", "set up by the government"),
        ("Was the previous SCR system designed with publication in mind?", "No.", "wasn’t designed with publication"),
        ("Did Ofsted cease evaluating SCRs from July 2012?", "Yes.", "July 2012"),
        # a comparison of the figures is the algebra's, not a sentence's: 12 < 55, 31 < 81, 71 < 114
        ("did more SCRs get published than commissioned?", "No.", "12 published, 55 commissioned"),
    ],
)
def test_a_yes_no_question_one_sentence_settles(engine, question, opens, needle):
    text = one(engine, question)
    assert text.startswith(opens) and needle in text, text


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # from blind set 11, after its first contact
        ("Which outlet carried out the 2011 investigation into falling SCR numbers?", "CYP Now"),
        ("In what setting did Timpson disclose the SCR figures?", "parliamentary question"),
        ("What happened in July 2012 that's relevant here?", "Ofsted ceased evaluating"),
        ("Besides the new guidance, what else was created in 2013?", "Serious Case Review panel"),
        # "based on the article's numbers" asks for no place: 31 -> 71 is +129%
        ("Evening. I'm a masters student trying to sanity-check my spreadsheet. What is the percentage increase in "
         "published SCRs between 2012/13 and 2013/14 based on the article's numbers?", "+129%"),
    ],
)
def test_blind11_readings(engine, question, needle):
    text = one(engine, question)
    assert needle in text, text


@pytest.mark.parametrize(
    ("question", "opens", "needle"),
    [
        # one measure against the other in every year: 12 < 55, 31 < 81, 71 < 114
        ("were fewer published than commissioned?", "Yes.", "12 published, 55 commissioned"),
        ("were more commissioned than published in 2013/14?", "Yes.", "114 commissioned, 71 published"),
        ("did the gap between commissioned and published grow?", "Partly.", "50 in 2012/13 against 43"),
    ],
)
def test_fewer_one_than_the_other_compares_the_measures_not_the_gaps_change(engine, question, opens, needle):
    text = one(engine, question)
    assert text.startswith(opens) and needle in text, text


def test_out_of_how_many_then_the_difference_between_the_two(engine):
    """12 published in 2011/12, out of 55 commissioned: the difference between the two is 43, that year."""
    said = say(engine, "How many SCRs were published in 2011-12?", "out of how many commissioned?",
               "What's the difference between the two?")
    assert "55" in said[1].text and "2011/12" in said[1].text and "81" not in said[1].text, said[1].text
    assert "43 more commissioned than published" in said[2].text, said[2].text


def test_a_single_years_difference_is_still_the_change_into_it(engine):
    said = say(engine, "How many were published in 2013/14?", "what is the difference?")
    assert "31 in 2012/13 to 71 in 2013/14" in said[1].text, said[1].text


def test_what_did_it_change_after_the_guidance_is_about_the_guidance(engine):
    said = say(engine, "When was the revised Working Together released?", "What did it change?")
    assert "greater flexibility" in said[1].text and "rose from" not in said[1].text, said[1].text
    after_reasons = say(engine, "why did SCRs rise?", "how many flights were delayed that year?")
    assert after_reasons[1].kind == "decline", after_reasons[1].text


# -- blind set 14 (after its first contact) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # a plain figure under noise: the year, the measure and "how many" are enough
        ("For 2012-2013, how many of the reviews ended up being published?", "31 SCRs were published"),
        ("Sorry if someone already asked this, but what was the published total for FY13/14?", "71"),
        # who is asking and why is no part of the question
        ("ok so I'm trying to work out a publication rate for a seminar presentation, basically published divided "
         "by commissioned, for 2012/13 and then for 2013/14. Can someone do the sums?", "62.3%"),
        # "can someone explain ..." asks for an explanation, not for a yes or no
        ("Can someone explain in simple terms what the article says about why the end of Ofsted evaluation made "
         "a difference?", "focus"),
        # paraphrases of the article's words: "brought in" is "introduced", "leeway" is "flexibility"
        ("Which government brought in the policy of publishing serious case reviews?", "coalition"),
        ("When did LSCBs get more leeway in how they carry out serious case reviews?", "March 2013"),
        ("give me a summary", "Woolmore"),
    ],
)
def test_blind14_readings(engine, question, needle):
    text = one(engine, question)
    assert needle in text and "Did you mean" not in text, text


def test_a_year_without_figures_is_said_plainly_in_a_long_message(engine):
    text = one(engine, "Hi all, hoping someone can help before my deadline tonight. I'm updating a piece and I need "
                       "the most up to date figures, specifically how many serious case reviews were commissioned "
                       "and published in 2014/15. Cheers")
    assert "2014/15" in text and "2011/12, 2012/13 and 2013/14" in text and "114" not in text, text


@pytest.mark.parametrize(
    ("question", "opens", "needle"),
    [
        ("Is Timpson quoted directly anywhere in the piece?", "No.", "not as a quote"),
        ("Does the article include any direct quote from Eileen Munro?", "No.", "Munro"),
        ("Is Sue Woolmore quoted directly?", "Yes.", "“"),
        ("Who is the only person quoted directly in the article?", "Quoted directly", "Sue Woolmore"),
        ("Woolmore is the head of Ofsted, isn't she?", "No.", "Association"),
    ],
)
def test_who_is_quoted_directly_and_who_holds_which_role(engine, question, opens, needle):
    text = one(engine, question)
    assert text.startswith(opens) and needle in text, text


def test_a_request_for_a_direct_quote_gets_the_quote_not_a_verdict(engine):
    text = one(engine, "give me a direct quote from Woolmore about flexibility")
    assert not text.startswith(("Yes", "No", "Quoted directly")), text


def test_does_the_article_back_that_up_checks_the_sentence_before(engine):
    text = one(engine, "My colleague says Ofsted stopped evaluating SCRs in July 2013. Does the article back that up?")
    assert text.startswith("No.") and "July 2012" in text, text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        # figures stated only to compute from are the article's own: given, not claims to check
        ("So commissioned went from 55 to 114. How many times over is that?", ["2.1 times"], ["Yes.", "No."]),
        ("Published went from 31 to 71. Is that more than double?", ["Yes.", "2012/13", "2.3 times"], ["Not 31"]),
        # ... unless one is not the article's: that is corrected first
        ("So commissioned went from 55 to 120. How many times over is that?", ["No. Not 120", "114"], ["Not 55"]),
        # a leading "when" clause asks no date
        ("When Woolmore talks about 'the old system', what does she mean?", [], ["doesn't say when"]),
        # a figure's cause is in the prose
        ("what caused the fall in SCR numbers that CYP Now found in 2011?", ["coalition"], ["Did you mean"]),
        # a change asked of a body is about the body, not the figures' change
        ("what changed about Ofsted's role with SCRs", ["ceased"], ["up 59"]),
        # "every year" is a period, and still asks about each step
        ("did commissioned SCRs rise every year?", ["Yes.", "81 in 2012/13 against 55", "114 in 2013/14 against 81"],
         []),
        # "... and the difference between them?" is about the parts before it
        ("published in 12/13? published in 13/14? and the difference between them?", ["31", "71", "up 40"], []),
        ("What's a PQ?", ["parliamentary question", "Timpson"], []),
        ("In one line, what's Woolmore's argument?", ["Ofsted"], ["Did you mean"]),
        ("sorry, total newbie here, what's an SCR?", ["serious case review"], ["250"]),
        ("Under the old system could an LSCB be required to look up to 20 years into a family's history?",
         ["Yes", "20 years"], []),
    ],
)
def test_blind14_readings_after_fixes(engine, question, needles, absent):
    text = one(engine, question)
    assert all(n in text for n in needles) and not any(a in text for a in absent), text


@pytest.mark.parametrize(
    "question",
    [
        "Were the published SCRs full reports or just executive summaries?",
        "How many SCRs has the national panel looked at since it was set up?",
        "What was Ofsted's own explanation for ceasing SCR evaluations?",
    ],
)
def test_blind14_doesnt_say(engine, question):
    reply = ask(engine, question)
    assert reply.kind != "answer" and "doesn't" in reply.text and "114" not in reply.text, reply.text


def test_followups_from_blind14(engine):
    replies = say(engine, "What share of SCRs commissioned in 2013/14 were published that year?", "what about 12/13?",
                  "so what's the change in percentage points?")
    assert "38.3%" in replies[-1].text and "62.3%" in replies[-1].text and "24 percentage points" in replies[-1].text
    replies = say(engine, "who revealed the SCR numbers in the first place?", "what's his job?",
                  "was he responding to something specific?")
    assert "parliamentary question" in replies[-1].text, replies[-1].text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        # what an editor "wants" is the question; a plea for help asks nothing; "a line on why" is the reasons
        ("Hi everyone, I'm a reporter on a regional daily. My news editor wants the commissioned numbers year on "
         "year, plus a line on why the numbers have gone up. Could someone from the group or the bot help me out? "
         "Thanks so much in advance", ["114", "81", "Ofsted"], ["I can't answer that"]),
        # "that year" is the year an earlier sentence of the message named
        ("The article says 'between 2011 and 2012'. I've been told to treat that as 2011/12. On that basis, what "
         "were the commissioned and published figures for that year?", ["55", "12"], ["114"]),
        ("Which minister put out the figures, and what was he responding to?", ["Timpson", "parliamentary question"],
         ["I can't answer that"]),
        ("give me a brief summary of Munro's part in all this", ["Munro", "Ofsted"], ["Timpson"]),
        ("Can you summarise the article in three sentences?", ["Woolmore", "114"], ["Did you mean"]),
        # words the article never uses describe the quote wanted, not its subject
        ("I need one short punchy quote from the article for a pull-out box, something on flexibility for LSCBs",
         ["flexibility", "Woolmore"], ["Did you mean"]),
        ("What are the main takeaways here for LSCB members?", [], ["doesn't give that number"]),
    ],
)
def test_blind14_long_and_prose_requests(engine, question, needles, absent):
    text = one(engine, question)
    assert all(n in text for n in needles) and not any(a in text for a in absent), text


def test_a_quote_about_something_the_article_never_mentions_is_declined(engine):
    reply = ask(engine, "give me a quote about the economy")
    assert reply.kind != "answer" and "“" not in reply.text, reply.text


# -- blind set 15 (after its first contact) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        # a share stated as a fraction is checked against the share, never against the counts (12/55 = 21.8%)
        ("Was the 2011/12 published figure more than a quarter of the commissioned figure that year?", "No.",
         ["21.8%"]),
        ("were fewer than a quarter of commissioned SCRs published in 2011/12?", "Yes.", ["21.8%"]),
        # "according to Woolmore, ...": the question comes first; her quoted lines are about her
        ("According to Woolmore, was the previous SCR system designed with publication in mind?", "No.",
         ["publication in mind"]),
        # a title in a name is a role ("Professor" Eileen Munro), and "a senior Ofsted official" an affiliation
        ("Does the article describe Sue Woolmore as a professor?", "No.", ["chair"]),
        ("Sue Woolmore is a senior Ofsted official, isn't she?", "No.", ["Association"]),
        # an amount of time stated, against the article's
        ("I read that under the old system LSCBs had to look up to 10 years into family history. that correct?",
         "No: the article says 20 years", ["Woolmore"]),
        ("Am I right that the old system meant looking back up to 20 years of family history?", "Yes.", ["20 years"]),
    ],
)
def test_blind15_verdicts(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


def test_still_twenty_years_asks_about_now_not_the_old_system(engine):
    text = one(engine, "Under the revised guidance, do LSCBs still have to go back 20 years into family history?")
    assert not text.startswith("Yes"), text


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("can someone add up all the published SCRs across the three years in the article", ["114"]),
        ("so what was the problem with Ofsted evaluating SCRs, per woolmore", ["focus"]),
    ],
)
def test_blind15_requests(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles) and not text.startswith(("Yes", "No")), text


def test_and_now_after_how_things_were_quotes_how_they_are_now(engine):
    replies = say(engine, "What did Woolmore say about looking into family history under the old system?", "and now?")
    assert "need not go back that far" in replies[-1].text, replies[-1].text
    replies = say(engine, "how many SCRs were published in 2013/14?", "and now?")
    # figures: none for today, so the latest year's, said to be so
    assert "no figures for today" in replies[-1].text and "2013/14" in replies[-1].text, replies[-1].text


def test_exact_quote_and_anything_else_follow_the_last_answer(engine):
    replies = say(engine, "what did woolmore say about the old SCR system", "exact quote pls")
    assert "prescriptive" in replies[-1].text and "“" in replies[-1].text, replies[-1].text
    replies = say(engine, "what's the key factor woolmore gives for the SCR rise", "anything else?")
    assert "Working Together" in replies[-1].text, replies[-1].text


def test_the_minister_conversation_from_blind15(engine):
    replies = say(engine, "who was the minister who gave out the SCR figures?", "what prompted him to release them",
                  "did he say why the numbers went up?")
    assert "Timpson" in replies[0].text and "parliamentary question" in replies[1].text
    assert replies[2].kind != "answer" and "Ofsted" not in replies[2].text, replies[2].text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        ("how many have been published since 2011/12?", ["114"], []),
        ("Did Ofsted stop evaluating serious case reviews at some point?", ["Yes.", "July 2012"], []),
        ("percentage-point change in the publication rate (published/commissioned) from 2011/12 to 2013/14?",
         ["40.5 percentage points"], []),
        ("what's the lowest number of published SCRs for any year the article mentions?", ["12 in 2011/12"], []),
        ("of the 114 commissioned in 2013/14, how many have been published since?", ["doesn't say"], ["71 were"]),
        ("write me a tweet-length summary of the story", ["114", "Woolmore"], ["Did you mean"]),
    ],
)
def test_blind15_more_readings(engine, question, needles, absent):
    text = one(engine, question)
    assert all(n in text for n in needles) and not any(a in text for a in absent), text


def test_why_she_doubts_the_panel_is_not_in_the_article(engine):
    replies = say(engine, "did the serious case review panel help drive the spike in SCRs?",
                  "why does she think it didn't matter much?")
    assert replies[-1].kind != "answer" and "doesn't say why" in replies[-1].text, replies[-1].text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        # who did something: the body the sentence names after "by"
        ("who did the 2011 investigation into SCR numbers?", ["CYP Now", "dropped sharply"], []),
        # not a guess: a question the sentences do not settle gets no doer
        ("who evaluated SCRs before 2012?", [], ["Timpson"]),
        ("who waved away the panel?", [], ["The government"]),  # the panel was set up by it, not waved away
        # only terms are spelled out; what an organisation's name stands for is not in the article
        ("what does CYP Now stand for", ["doesn't say what that name stands for"], []),
        ("what does LSCB stand for?", ["Local Safeguarding Children Board"], ["doesn't say"]),
        ("what did Ofsted say about the rise in SCRs?", ["doesn't report anything Ofsted said"], []),
        ("does anyone in the article disagree with her?", ["no one disagreeing"], []),
    ],
)
def test_blind15_who_and_absent(engine, question, needles, absent):
    text = one(engine, question)
    assert all(n in text for n in needles) and not any(a in text for a in absent), text


def test_years_placed_by_other_years_and_by_figures(engine):
    assert "81 SCRs were commissioned" in one(engine, "how many were commissioned the year before 2013/14?")
    assert "81 SCRs were commissioned" in one(
        engine, "how many serious case reviews were being commissioned the year before the 114 figure?")
    assert "55 SCRs were commissioned" in one(
        engine, "In the year with only 12 SCRs published, how many had been commissioned?")  # and the 12
    text = one(engine, "were more published in 2013/14 than the year before?")  # both years, as before
    assert text.startswith("Yes.") and "31 in 2012/13" in text, text


def test_followups_that_compute_afresh_from_blind15(engine):
    replies = say(engine, "what did the SCR numbers look like in 2011/12",
                  "ok so how many times more were published two years later", "and for commissioned, same comparison?")
    assert "5.9 times" in replies[1].text and "2.1 times" in replies[2].text, [r.text for r in replies]
    replies = say(engine, "how many SCRs were published in 2011/12", "as a share of commissioned?",
                  "and how many percentage points higher was that share in 2013/14")
    assert "21.8%" in replies[-1].text and "40.5 percentage points" in replies[-1].text, replies[-1].text
    replies = say(engine, "is it true that 71 SCRs were commissioned in 2013/14?", "ok so what's the 71 then")
    assert "71 is the number of SCRs published in 2013/14" in replies[-1].text, replies[-1].text
    assert "81 is the number of SCRs commissioned in 2012/13" in one(engine, "what is the 81?")


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("can someone summarise this SCR article in 2-3 sentences", ["114", "Woolmore"]),  # "2-3" is no year
        ("can you pull the key dates out into a quick timeline", ["July 2012", "March 2013"]),
        ("main takeaways for someone who sits on a safeguarding children board?", ["Ofsted", "Working Together"]),
    ],
)
def test_blind15_prose_requests(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


def test_a_bad_year_is_still_refused(engine):
    assert "couldn't read “2013/15”" in one(engine, "how many were published in 2013/15?")


# -- blind set 16 (after its first contact) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        # asking whether something went on is the opposite of the article's "ceased" (these had said "Yes")
        ("did Ofsted keep evaluating SCRs after July 2012?", "No.", ["July 2012"]),
        ("Did Ofsted carry on evaluating serious case reviews after July 2012?", "No.", ["July 2012"]),
        ("did Ofsted stop evaluating SCRs in July 2012?", "Yes.", ["July 2012"]),
        # a part in the rise is a cause, not an affiliation ("part of")
        ("Does Woolmore reckon the new SCR panel was a big part of the spike?", "No", ["significantly"]),
        # who said it: the speaker of the sentence the question describes
        ("Was it Timpson who said the old system meant looking back up to 20 years?", "No: it was Sue Woolmore",
         ["20 years"]),
        # someone never quoted directly has no exact words to give
        ("what are Timpson's exact words?", "The article doesn't quote Edward Timpson directly", ["dramatic"]),
    ],
)
def test_blind16_verdicts(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


def test_a_claim_with_wrong_details_is_not_confirmed_by_its_speaker(engine):
    text = one(engine, "Timpson revealed the figures in a speech at a conference, is that right?")
    assert not text.startswith("Yes"), text


@pytest.mark.parametrize(
    ("question", "needles", "absent"),
    [
        ("difference between SCRs commissioned and published in 2013/14?", ["43 more commissioned"], ["rose"]),
        ("in 2011/12, how many were commissioned per one published? (ratio, 1 dp)", ["4.6"], []),
        ("mean published per year across those 3 yrs", ["38", "published"], ["commissioned a year"]),
        ("LSCB = ?", ["Local Safeguarding Children Board"], []),
        ("what changed in March 2013?", ["Working Together"], ["rose from"]),
        ("how many were published in March 2013?", ["2012/13", "31"], []),
        ("She says something ended and 'enabled LSCBs to fully focus on the review itself' - what ended?",
         ["Ofsted"], []),
        ("the 31 number in the piece, what does it refer to exactly?", ["published in 2012/13"], []),
        ("Which professor is mentioned in the article?", ["Eileen Munro"], []),
        ("What's the Munro review the article refers to?", ["Munro", "child protection"], []),
        ("Our copy says the Working Together revisions came out in March 2012. OK to run?", ["No", "March 2013"], []),
    ],
)
def test_blind16_readings(engine, question, needles, absent):
    text = one(engine, question)
    assert all(n in text for n in needles) and not any(a in text for a in absent), text


def test_followups_from_blind16(engine):
    replies = say(engine, "who said Ofsted stopping its evaluations was a key factor?", "what's her role?",
                  "when did Ofsted stop exactly", "whose idea was that originally?",
                  "what kind of review was she doing")
    assert "Munro" in replies[3].text and "child protection" in replies[4].text, [r.text for r in replies]
    replies = say(engine, "published SCRs in 2011/12?", "and the next year?", "what's the % increase between those two",
                  "and from there to 2013/14?")
    assert "+158.3%" in replies[2].text and "+129%" in replies[3].text, [r.text for r in replies]
    replies = say(engine, "commissioned SCRs in 2012/13?", "change to 2013/14 in absolute terms?", "as a percentage?",
                  "and the same two numbers (absolute and %) for published?")
    assert "up 33" in replies[1].text and "40.7%" in replies[2].text, [r.text for r in replies]
    assert "up 40" in replies[3].text and "+129%" in replies[3].text, replies[3].text


def test_who_recommended_it_asked_outright_is_still_answered_as_before(engine):
    text = one(engine, "Was it Eileen Munro who recommended that Ofsted stop evaluating SCRs?")
    assert text.startswith("Yes"), text


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        ("over the whole period, 2011/12 to 2013/14, did commissioned SCRs at least double?", "Yes.", ["114"]),
        ("In 2013/14, were more published than in 2012/13?", "Yes.", ["71", "31"]),  # the years keep their order
        ("is Munro the person quoted in the article?", "No.", ["Sue Woolmore"]),
    ],
)
def test_blind16_more_verdicts(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


def test_more_blind16_followups(engine):
    replies = say(engine, "how far back into family history did LSCBs have to look under the old system?",
                  "is that still the case?")
    assert "need not go back that far" in replies[-1].text, replies[-1].text
    replies = say(engine, "is the SCR panel behind the spike in numbers?", "who set it up and when",
                  "what's it meant to do?")
    assert "lessons are learned" in replies[-1].text, replies[-1].text
    assert "114" in one(engine, "Write a two-sentence news brief on this for our website")


# -- a review of this session's reading rules: wrong answers they gave, now right --------------------------


@pytest.mark.parametrize(
    ("question", "good", "bad"),
    [
        # a Yes to "does anything contradict that?" would mean No
        ("Ofsted stopped evaluating SCRs in July 2012. Does anything in the article contradict that?", [], ["Yes."]),
        ("Did Woolmore recommend that Ofsted stop evaluating SCRs?", ["No: it was Professor Eileen Munro"], []),
        ("Did Ofsted continue evaluating SCRs until July 2012?", ["Yes."], []),
        ("Did Ofsted carry on evaluating SCRs in 2011?", ["Yes."], []),
        ("did Ofsted keep evaluating SCRs after July 2012?", ["No."], []),
        ("Who was investigated?", [], ["CYP Now."]),
        ("Who did Ofsted evaluate?", [], ["Ofsted."]),
        ("Did Woolmore directly say the panel contributed?", ["not according to Sue Woolmore"], ["quoted directly"]),
        ("Was the old system 20 years old?", [], ["Yes."]),
        ("Under the new system can LSCBs look back 5 years?", [], ["No: the article says 20 years"]),
        ("Published went from 12 to 31, that's a rise of 19, right?", ["Yes.", "up 19"], ["Not 19"]),
        ("Published went from 12 to 31, that's a rise of 25, right?", ["No. Not 25", "19"], []),
        ("So 71 were published in 2012/13. How many times over is that?", ["Not 71", "31"], ["2.3"]),
        ("what's the 71 then?", ["71 is the number of SCRs published in 2013/14"], ["Yes."]),
        ("How many were commissioned in the year with 81 published?", [], ["In 2012/13, 81 SCRs were commissioned"]),
        ("How many more SCRs have been published since 2011/12?", ["up 59"], ["In total"]),
        ("Is Munro the Ofsted chief?", ["No."], ["Yes"]),
        ("Is Munro an Ofsted inspector?", ["No."], ["Yes"]),
        ("Is Woolmore part of Ofsted?", ["No. Sue Woolmore is the chair"], ["key factor"]),
        ("what is the 20?", ["not a count of SCRs", "20 years"], ["None of the article's figures"]),
    ],
)
def test_reviewed_answers(engine, question, good, bad):
    text = one(engine, question)
    assert all(g in text for g in good) and not any(b in text for b in bad), text


def test_and_now_stays_with_the_last_answers_subject(engine):
    replies = say(engine, "Who set up the Serious Case Review panel?", "and now?")
    assert "dropped sharply" not in replies[-1].text, replies[-1].text  # "CYP Now" is a name, not a time
    replies = say(engine, "What did Woolmore say about Ofsted?", "and now?")
    assert "need not go back" not in replies[-1].text, replies[-1].text  # another subject's "now"


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        ("Did SCR numbers stop rising?", "No.", ["114"]),
        ("Commissioned went from 55 to 81 to 114, did it rise every year?", "Yes.", ["81", "114"]),
        ("Is Woolmore the one who said the number of SCRs dropped sharply in 2011?", "No", ["CYP Now"]),
        ("Was it Munro who said the Ofsted change was important?", "No: it was Sue Woolmore", []),
    ],
)
def test_reviewed_verdicts_about_rises_and_speakers(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


def test_who_revealed_the_increase_is_not_answered_with_another_quote(engine):
    assert "20 years" not in one(engine, "Who revealed the increase?")


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # wrong verdicts a probe of the bot found (some older than this session)
        ("Did Eileen Munro recommend that Ofsted keep evaluating SCRs?", "No."),
        ("Did Munro recommend tightening SCR procedures?", "No."),
        ("Did Munro recommend relaxing SCR procedures?", "Yes."),
        ("Did Sue Woolmore say the Ofsted change was a minor factor?", "No"),
        ("Did Eileen Munro say the Ofsted change was a key factor?", "No: it was Sue Woolmore"),
        ("Did Ofsted's change cause the rise, according to Timpson?", "No: it was Sue Woolmore"),
        ("was the Ofsted change a key factor?", "Yes"),
        ("Did published SCRs rise by 50 in 2013/14?", "No. Not 50: the figure is 40"),
        ("Did published SCRs rise by 40 in 2013/14?", "Yes."),
        ("Is it true that 12 out of 55 were published in 2011/12?", "Yes."),
        ("Were 12 out of 81 published in 2012/13?", "No."),
        ("Did Ofsted start evaluating SCRs in July 2012?", "No."),
        # no year named: the step where the stated rise holds, else the whole period
        ("Published SCRs rose by 40, right?", "Yes. 40 is right.\nSCRs published rose from 31 in 2012/13"),
        ("Published SCRs rose by 45, right?", "No. Not 45"),
        ("Is it true that commissioned SCRs rose from 81 to 141?", "No. Not 141: the figures are 55, 81, 114"),
        ("Is it true that commissioned SCRs rose from 81 to 114?", "Yes."),
        # "by more than commissioned in 2013/14": the rises into that year, not the year's totals
        ("Did published SCRs increase by more than commissioned in 2013/14?", "Yes. SCRs published: 31 in 2012/13"),
    ],
)
def test_probed_verdicts(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


# -- blind set 17's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # "CYP Now" with its year between the words is still a name, not "now"
        ("What did CYP Now's 2011 investigation find?", ["dropped sharply"]),
        # "can't find it in my notes" is about the asker, not the article's findings
        ("sorry cant find it in my notes - how many reviews were published in 13/14?", ["71"]),
        # a range written with a dash between two financial years
        ("On average how many SCRs were commissioned per year over 2011/12-2013/14?", ["83.3"]),
        # "the difference between the number commissioned and the number published": the two measures
        ("In 2013/14, what's the difference between the number of SCRs commissioned and the number published?",
         ["43 more commissioned than published"]),
        # the year placed by its figure
        ("the year that 114 got commissioned - how many were published?", ["71"]),
        # a label before a colon asks nothing; the claim after it is checked
        ("headline draft: 'SCR commissioning almost TRIPLES in two years'. does that hold up against 2011/12 vs "
         "2013/14?", ["No.", "2.1 times"]),
        ("just checking: 114 commissioned in 2013-14?", ["Yes."]),
        # "who called it ..." asks who said it; "called" is how it was put, not an unknown subject
        ("who called the old process very prescriptive?", ["Woolmore"]),
        # someone's "line" about a subject is their sentence about it; "any more" asks how it is now
        ("Is there a line from Woolmore saying boards don't have to go back as far any more?", ["need not go back"]),
        ("what was Woolmore's line about publication?", ["publication in mind"]),
        # why the minister gave the figures: he was answering a parliamentary question
        ("What was the occasion for the minister revealing the numbers?", ["parliamentary question"]),
    ],
)
def test_blind17_questions(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # a share stated as "six in ten" is about 60%, checked against the share
        ("Roughly six in ten of the SCRs commissioned in 2013/14 were published - fair summary?", "Yes. About 60%"),
        ("did about one in two get published in 2011/12?", "No."),
        # a claim, then "is that what the article says?": the claim is checked, not the article summarised
        ("I read that 81 SCRs were published in 2012/13. Is that what the article says?", "No. Not 81"),
        ('My draft says: "Ofsted stopped evaluating SCRs in July 2013, a move recommended by Professor Eileen '
         'Munro." Anything wrong?', "No."),
        # how it is now, against the old amount: the sentence that says so
        ("do LSCBs still have to go back 20 years?", "No. “Now, if it was appropriate they need not go back"),
        ("so LSCBs no longer have to go back 20 years?", "Yes."),
    ],
)
def test_blind17_verdicts(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


def test_same_calculation_follow_up_repeats_the_gap(engine):
    replies = say(engine, "gap between SCRs commissioned and published in 13/14?", "same calc for 2011/12?")
    assert "43 more commissioned than published" in replies[-1].text and "2011/12" in replies[-1].text


def test_a_year_after_an_event_is_counted_from_the_events_financial_year(engine):
    replies = say(engine, "Why did Ofsted's evaluation of SCRs matter so much?", "when did it end?",
                  "how many SCRs were published in the first full financial year after that?")
    assert "July 2012" in replies[1].text, replies[1].text
    assert "In 2013/14, 71 SCRs were published" in replies[2].text, replies[2].text


@pytest.mark.parametrize(
    ("message", "needles"),
    [
        # the question points back ("those", "about that") to a sentence set aside before it in the same message
        ("Morning all. I'm putting together a short paper for our board. I'd like to express it as a publication "
         "rate, so published as a percentage of commissioned, for 2012/13 and for 2013/14. Can you work those out "
         "from the article for me? Rounded is fine.", ["38.3%", "62.3%"]),
        ("Hi, I write for a trade title. I want a paragraph explaining what the revised Working Together guidance "
         "changed for boards doing SCRs. What does the article give me?", ["flexibility"]),
        ("Hiya, quick context: I run a small charity newsletter. Someone told me that publishing SCRs actually made "
         "them less common at one point, which sounds backwards to me. Does the article say anything about that, "
         "and if so, who found it and when?", ["CYP Now", "2011"]),
        # a question with a subject of its own is not merged with the sentence before it
        ("Hi, I research child protection policy at a university. From this article, could you give me the "
         "commissioned and published SCR numbers for each financial year it covers?", ["55", "81", "114"]),
        # the exact words are asked for, even when the rest matches a template word for word
        ("What's the exact quote about what happened when Ofsted evaluation ended?", ["fully focus"]),
    ],
)
def test_long_messages_pointing_back(engine, message, needles):
    text = one(engine, message)
    assert all(n in text for n in needles), text


# -- blind set 18's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # a statement put to the bot, with no question mark, is a claim to check
        ("55 SCRs were published in 2011/12.", "No. Not 55"),
        # "still" about a named year asks about that year, not about today
        ("was ofsted still evaluating SCRs in 2013?", "No."),
        ("was ofsted still evaluating SCRs in 2011?", "Yes."),
        # "yrs" is years
        ("under the old system could an LSCB really have to dig through up to 20 yrs of family history?", "Yes."),
        # two names asked to be one thing
        ("is 'SCR' the same thing as a serious case review?", "Yes"),
        ("is the SCR panel the same thing as an LSCB?", "No"),
        ("is the LSCB different from the SCR panel?", "Yes"),
    ],
)
def test_blind18_verdicts(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # every sentence naming the subject, and the sentence "This had been ..." points back to
        ("what does the article say about the SCR panel", ["lessons are learned", "does not believe"], []),
        ("What does the piece say about Professor Munro?", ["Ofsted ceased", "Relaxation of SCR procedures"], []),
        # a clause before a colon that asks nothing is set aside ("I don't need every year" is no period)
        ("I don't need every year, just the headline: how much did commissioned SCRs grow from the earliest year "
         "in the article to the latest, in raw numbers and in percent?", ["up 59", "107.3%"], ["2012/13"]),
        # the rest of a quote that trails off
        ("finish the quote: 'Now, if it was appropriate...'", ["need not go back that far"], []),
        # "the quote about ..." prefers someone's own words; "hard" is how the article's "big challenge" is asked
        ("whats the quote about publication", ["publication in mind"], []),
        ("is there a quotable line about how hard SCRs used to be?", ["big challenge"], []),
        ("wtf is an lscb", ["Local Safeguarding Children Board"], []),
        ("name everyone in the piece", ["Timpson", "Woolmore", "Munro"], []),
    ],
)
def test_blind18_answers(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_a_question_about_something_unknown_gets_no_weak_did_you_mean(engine):
    assert ask(engine, "Which named cases led to SCRs in 2013/14?").kind == "decline"


def test_numbers_for_that_year_gives_both_measures(engine):
    replies = say(engine, "How many SCRs were commissioned in 2012/13?", "and in 2013/14?", "numbers for that year?")
    assert "114" in replies[-1].text and "71" in replies[-1].text, replies[-1].text


def test_total_over_those_years_after_an_average_is_the_total_over_them(engine):
    replies = say(engine, "average number of SCRs commissioned per year across the 3 years?", "and published?",
                  "total published over those years then?")
    assert "114 SCRs were published" in replies[-1].text, replies[-1].text


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # "what does the article say about" only frames the question; the rest finds the sentence
        ("what does the article say about publication under the old system?", ["publication in mind"]),
        # what Ofsted did, and which bodies carry out SCRs
        ("In the article, what did Ofsted use to do with SCRs?", ["Ofsted ceased evaluating SCRs"]),
        ("In the piece, which bodies actually carry out SCRs?", ["Local Safeguarding Children Boards"]),
        # a claim followed by "Fair?"; "a fifth" and "three fifths" are shares
        ("Commissioned SCRs rose by a third, from 81 to 114. Fair?", ["No.", "40.7%"]),
        ("My take: publication went from about a fifth of commissioned numbers to about three fifths over the "
         "period. Does that hold up?", ["21.8%", "62.3%"]),
        # "- whose idea?" names its own subject
        ("Why did Ofsted stop evaluating SCRs in the first place - whose idea?", ["Munro"]),
    ],
)
def test_blind18_more(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


# -- the order of the readers ----------------------------------------------------------------------------


def test_every_reader_exists_and_the_composer_answers_last(engine):
    names = engine.READERS
    assert all(callable(getattr(engine, n, None)) for n in names)
    assert names[0] == "_unreadable" and names[-1] == "_compose" and len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("earlier", "later", "question", "needle"),
    [
        # what the article does not hold is said before any quote could be passed off as the answer
        ("_not_in_article", "_quoted_words", "what is Sue Woolmore's exact salary?", "doesn't"),
        # an unreadable year is refused before anything else reads the question
        ("_unreadable", "_rank", "how many SCRs were published in 2013/14/15?", "couldn't read"),
        # the last answer's sentences are shown before "is that right?" is checked as a claim
        ("_source_followup", "_prose_check", None, None),
    ],
)
def test_the_reader_order_is_the_policy(engine, earlier, later, question, needle):
    assert engine.READERS.index(earlier) < engine.READERS.index(later)
    if question:
        assert needle in one(engine, question)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # two or more events named and their dates asked: each with its date, in order
        ("Can you put the Ofsted change and the Working Together revision in order with dates?",
         ["In date order:", "July 2012", "March 2013"]),
        ("Journalism student here. I want to check I have the dates right from this article: the CYP Now "
         "investigation, Ofsted ending its evaluations of SCRs, the revised Working Together, and the setting up of "
         "the SCR panel. Can you give me the date for each?", ["2011", "July 2012", "March 2013", "2013"]),
        # one date said of the first of two events named: checked against that event
        ("ofsted stopped evaluating scrs in march 2013 when working together came out yeah",
         ["No. Ofsted ceased evaluating SCRs from July 2012"]),
        # a calendar year in a question about what was done is no figures question; the article's own words
        # ("lessons", "learned") give it substance
        ("What did the government do in 2013 to make sure lessons were learned from SCRs?", ["panel"]),
        ("what made the old SCR process so rigid, per the article?", ["prescriptive"]),
    ],
)
def test_blind17_events_and_prose(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


# -- what a fresh-eyes review of this session's rules found ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # a claim that denies agrees with "does not believe"; a negative question asks the same as a positive
        ("Woolmore said the panel was not a significant factor?", "Yes, according to Sue Woolmore"),
        ("Does Woolmore believe the Ofsted change didn't matter?", "No: according to Sue Woolmore"),
        ("Did Woolmore say the panel was a significant factor?", "No, not according to Sue Woolmore"),
        # "still" in a year after the article's is about today, which the article cannot say
        ("Is Ofsted still evaluating SCRs in 2024?", "The article doesn't say what is the case today"),
        ("Was Ofsted still evaluating SCRs in 2012?", "Yes, until July 2012"),
        # the gap stated as a share is checked against the gap's share, never against the count
        ("did around four in ten SCRs commissioned in 2013/14 go unpublished?", "Yes. About 40%: the figure is 37.7%"),
        # an amount that is not the article's, asked of now
        ("Do LSCBs now have to go back 10 years?", "The article's amount is 20 years"),
        ("Did boards have to look back 10 years under the old system?", "No: the article says 20 years"),
    ],
)
def test_reviewed_this_session(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # a label that names the subject is kept
        ("the share published: what was it in 2013/14?", ["62.3%"], []),
        ("the panel: when was it set up?", ["2013"], ["Key events"]),
        ("commissioned ones only: how many in 2013/14?", ["114"], ["71"]),
        # someone's quote about a subject they never spoke of is not another of their sentences
        ("What's Munro's quote about flexibility?", ["reports nothing"], ["This had been"]),
        ("Give me Woolmore's quote on why SCRs rose.", ["two reasons"], []),
        ("How exactly did Woolmore describe commissioning and publishing an SCR? I need the quote.",
         ["big challenge"], []),
        # "what does the article say about X's figures" is about the figures, not every sentence naming X
        ("What does the article say about Timpson's figures for 2013/14?", ["114", "71"], []),
        # two names the check cannot settle get no verdict from a sentence that mentions both
        ("Is an SCR the same thing as a child protection review?", [], ["Yes."]),
        ("Are the LSCB chairs the same as the LSCBs?", [], ["Yes"]),
        # "which came first" gets the order, not a Yes or No
        ("I know the Working Together guidance was revised and I know Ofsted stopped evaluating. Which came "
         "first of those?", ["came after"], ["No:", "Yes:"]),
        # the asker's "today" in a sentence a question borrows from is not a question about today
        ("My manager mentioned the SCR panel at our meeting today. Did it contribute to the spike?",
         ["does not believe"], ["case today"]),
        # "total" alone is no total: the total change is a change
        ("What was the total change in published SCRs between 2012/13 and 2013/14?", ["up 40"], ["102"]),
    ],
)
def test_reviewed_answers_this_session(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


# -- blind set 19's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("How many years after the CYP Now investigation was the SCR panel set up?", ["2 years apart"]),
        ("work out the 2011/12 publication rate (published ÷ commissioned) to 1 decimal place", ["21.8%"]),
        ("commissioned 13/14 divided by commissioned 12/13, one decimal", ["1.4 times"]),
        ("Eileen Munro is chair of the Association of Independent LSCB Chairs, isnt she", ["No", "Woolmore"]),
        ("who downplayed the panel's role in the spike?", ["Woolmore"]),
        ("highest and lowest year for published SCRs? with the numbers", ["Most SCRs published: 71",
                                                                          "Fewest SCRs published: 12"]),
        ("what got revised in March 2013 and what happened in July 2012?", ["Working Together", "Ofsted ceased"]),
        ("How many SCRs were commissioned in 2013/14 and how many published? Also, who released these figures?",
         ["114", "71", "Timpson"]),
        ("What does the article say about family history in SCRs?", ["up to 20 years"]),
    ],
)
def test_blind19_questions(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # "difference?" after two measures of one year: the gap between them
        (("how many scr publish in 2012/13 ?", "and commission?", "difference?"), ["50 more commissioned"], []),
        # "change it to published" swaps the measure; it asks for no change
        (("commissioned in 2011/12?", "change it to published", "as a percent of commissioned, one decimal?"),
         ["21.8% published"], ["not published"]),
        # "how much higher ..., in %" is a change, not a share
        (("how many were commissioned in 2012/13?", "how much higher is 2013/14 than that, in % to one decimal"),
         ["+40.7%"], []),
        # "the first year to the last": the two ends
        (("published number for 2013/14?", "what about before that?", "and the year before that?",
          "so overall change from the first year to the last?"), ["12 in 2011/12 to 71 in 2013/14"], []),
        # "do the same comparison" is done, not answered Yes or No
        (("which year had the most SCRs published?", "fewest?", "how many times more in the top year than the bottom "
          "one?", "do the same comparison for commissioned"), ["2.1 times"], ["No."]),
        # "which of those came first?" after the reasons: their events in order
        (("sum up what woolmore thinks caused the rise", "which of those came first?"), ["came before"], []),
        # "by whom?" after an answer: who its sentence says did it
        (("was the SCR panel set up in 2012?", "by whom?"), ["By the government"], []),
        # "what's the position now?" after how it was
        (("What does the article say about family history in SCRs?", "what's the position now?"),
         ["need not go back"], []),
    ],
)
def test_blind19_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # a sentence of the article by its place
        ("what does the final paragraph say", ["CYP Now"], []),
        ("what's the first line of the article", ["parliamentary question"], []),
        ("Write a news intro (first par) based on the figures", [], ["The article says: “In 2011"]),
        # a short phrase of the article in quotes points to its sentence and speaker
        ("Did Woolmore call something 'a big challenge'? what was it?", ["Yes.", "Commissioning and publishing"], []),
        ("who called the process 'very prescriptive'?", ["Sue Woolmore"], ["people named"]),
        # a name in quotes is still a name
        ("what is 'Working Together'?", ["Working Together to Safeguard Children"], []),
        # figures stated in a sentence set aside are what "explain it" is about
        ("In the article I read the number 114 and the number 71 but i dont understand what is the difference "
         "between these two numbers. Can you explain to me?", ["114 commissioned", "71 published"], []),
        # "family background" is no one's personal details; "heavy" is the article's "prescriptive"
        ("why did the old rules make boards dig so deep into family background", ["20 years"], ["personal"]),
        ("in what way was the old approach so heavy?", ["prescriptive"], []),
        ("how do you say good morning in spanish", ["doesn't cover"], []),
    ],
)
def test_blind19_more(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


# -- blind set 20's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # every year in order of its figure, and the two measures of one year summed
        ("Rank the three years by number of SCRs published, lowest first.", ["2011/12 12; 2012/13 31; 2013/14 71"],
         []),
        ("add together commissioned and published for 2013/14", ["= 185"], []),
        ("How many SCRs were commissioned in the two most recent years combined?", ["195"], ["250"]),
        ("the latest year's figures?", ["114", "71"], []),
        # an interval in months counts no SCRs, whoever is named
        ("How many months were there between Ofsted ceasing to evaluate SCRs and the revised Working Together "
         "guidance coming out?", ["8 months apart"], ["no figures from Ofsted"]),
        # how the figures were made public, against the article's
        ("Timpson put the figures out in a press release, didn't he?", ["No:", "parliamentary question"], []),
        ("Did Timpson give the figures in response to a parliamentary question?", ["Yes:"], []),
        # "which sentence says ...": that sentence, found by what it says
        ("Which sentence says Ofsted stopped evaluating SCRs?", ["Ofsted"], ["outside"]),
        # the article's example, found by what it is about
        ("What was her example about family history - exact quote", ["For example", "20 years"], []),
        ("How many SCRs were commissioned in 2013/14 and how many published? And who gave these figures?",
         ["114", "71", "Edward Timpson"], ["people named"]),
        ("Sorry, long one. I'm getting confused about the sequence. Ofsted stopped evaluating SCRs, the Working "
         "Together guidance was revised, and a national panel was set up. Could you give me the month and/or year "
         "for each of those three things as the article states them?", ["July 2012", "March 2013", "2013"], []),
    ],
)
def test_blind20_questions(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles"),
    [
        # "per year?" after a total is its average; "same calc" repeats it for the other measure
        (("Total SCRs published over the three years?", "per year?"), ["On average 38"]),
        (("Total SCRs published over the three years?", "per year?", "and commissioned, same calc"),
         ["On average 83.3"]),
        # "which year was biggest" after gaps: the biggest gap
        (("gap between commissioned and published 2013/14?", "and 2012/13?", "and 2011/12?",
          "so which year was biggest"), ["50 in 2012/13"]),
        (("What is the Working Together guidance?", "when was it revised", "who called it pivotal",
          "which sentence says so?"), ["pivotal"]),
    ],
)
def test_blind20_followups(engine, turns, needles):
    text = say(engine, *turns)[-1].text
    assert all(n in text for n in needles), text


# -- what a second fresh-eyes review found ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # a tag question ("wasnt it") asks; it denies nothing
        ("the Ofsted change was a key factor, wasnt it", "Yes"),
        ("the panel contributed to the rise, didn't it", "No, not according to Sue Woolmore"),
        # a short phrase said of something else is no quote to credit
        ("did Woolmore call the panel 'a key factor'?", "No"),
        # the article says "responding to a parliamentary question", no more
        ("Did Timpson announce the figures in a written answer to a parliamentary question?", "Yes"),
    ],
)
def test_second_review_verdicts(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("who gave the figure of 20 years?", [], ["Edward Timpson: Children's minister"]),
        ("how many SCRs did Ofsted evaluate in the years before July 2012?", ["no figures from Ofsted"], []),
        ("rank the years by publication rate", ["2013/14 62.3%; 2012/13 38.3%; 2011/12 21.8%"], []),
        ("rank 2012/13 and 2013/14 by published", ["2013/14 71; 2012/13 31"], ["2011/12"]),
        ("commissioned and published combined in 2013/14?", ["= 185"], ["2011/12"]),
        ("which year had the smallest gap between commissioned and published?", ["43 in 2011/12 and 2013/14"], []),
        ("what does the last line of Woolmore's quote say?", [], ["CYP Now"]),
        ("can you give an example of an SCR?", ["no example"], []),
        ("what is Woolmore's background?", ["personal details"], []),
    ],
)
def test_second_review_answers(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("why did the number of SCRs rise?", "by whom?"), [], ["By Professor Eileen Munro"]),
        (("total commissioned in 2012/13 and 2013/14?", "per year?"), ["97.5"], []),
        (("what was the publication rate in 2012/13?", "how much higher was it in 2013/14, in %?"),
         ["38.3% in 2012/13 to 62.3%"], ["+129%"]),
        (("what were the figures for 2013/14?", "difference?"), ["43 more commissioned"], []),
        (("How many SCRs were published in 2013/14?", "did Ofsted's change make it easier to publish?"), [],
         ["In 2013/14, 71 SCRs were published."]),
    ],
)
def test_second_review_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


def test_a_present_tense_question_about_what_ceased_is_no(engine):
    """"Does Ofsted evaluate SCRs?" is No as the article tells it (it ceased in July 2012), never a bare Yes."""
    assert one(engine, "does Ofsted evaluate SCRs?").startswith("No: as the article tells it, Ofsted ceased")


# -- wrong answers left from the last probe, fixed -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        # a rise by a percentage is a percentage change, checked as one (31 to 71 is +129%)
        ("Published SCRs rose by 40% in 2013/14?", "No. Not 40%: the figure is 129%", []),
        # the rate tripling is the share's ratio (21.8% to 62.3%: 2.9 times), not the counts'
        ("Did the publication rate triple?", "No. The share of SCRs published", ["2.9 times as high"]),
        ("did the publication rate double between 2011/12 and 2013/14?", "Yes.", ["more than double"]),
        # the biggest percentage rise is the step with the biggest relative change
        ("biggest percentage rise in published SCRs, which year?", "The biggest percentage", ["2012/13", "+158.3%"]),
        # who answered the parliamentary question: the minister the figures came from
        ("who answered the parliamentary question?", "Edward Timpson", []),
    ],
)
def test_probe_leftovers(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


def test_asking_for_a_sum_over_some_years_is_no_claim(engine):
    assert not one(engine, "add up the published SCRs over the 3 years for me").startswith(("Yes", "No"))


# -- blind set 21's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("What's the combined total of SCRs commissioned and published in 2013/14?", ["= 185"], ["250"]),
        ("Were these figures released in a press release?", ["No:", "parliamentary question"], []),
        ("What is CYP Now in this article?", ["2011 investigation"], []),
        ("Does the article mention the Munro review?", ["Munro"], []),
        ("What is Ofsted's full name according to the article?", ["doesn't say what it is called"], []),
        ("what does LSCB stand for?", ["Local Safeguarding Children Board"], ["doesn't say"]),
    ],
)
def test_blind21_questions(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_the_one_before_a_share_is_the_year_before(engine):
    replies = say(engine, "what share of SCRs commissioned in 2013/14 were published", "and the one before?")
    assert "38.3%" in replies[-1].text, replies[-1].text


def test_what_munros_review_was_called_is_not_in_the_article(engine):
    """One of issue 10's examples: the review has no title in the article, and a part of a message the
    article cannot answer says why, not only that it can't."""
    text = one(engine, "what was munro's review called and when was it published?")
    assert "doesn't give the review a title" in text and "doesn't say when it came out" in text, text


# -- blind set 22's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # two shares stated "from ... to ..." are the ends, checked as shares, not against the change in points
        ("Publication rate rose from about 38% in 2012/13 to about 62% in 2013/14. Check this for me", "Yes."),
        ("Were the figures given in answer to a parliamentary question?", "Yes:"),
    ],
)
def test_blind22_verdicts(engine, question, opens):
    text = one(engine, question)
    assert text.startswith(opens), text


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("what's this story about", ["parliamentary question"]),
        ("Which two changes does Woolmore tie the rise to?", ["Ofsted", "Working Together"]),
        ("what does it say about publishing SCRs under the previous system", ["publication in mind"]),
    ],
)
def test_blind22_answers(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


# -- blind set 23's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        # a post said of a person: theirs ("childrens minister" without the apostrophe), another's, or none's
        ("is edward timpson the childrens minister", "Yes", ["children's minister"]),
        ("Is it correct that Sue Woolmore is the chair of Ofsted?", "No", ["Association"]),
        ("Is it right that Edward Timpson is the education secretary?", "No", ["children's minister"]),
        # a yes/no question after a phrase that sets the scene
        ("Under the new rules, must LSCBs always go back 20 years in family history?", "No", ["need not"]),
    ],
)
def test_blind23_verdicts(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # "what happened when X ended": what followed, not only when; "exact words please" asks for her words
        ("What did Woolmore say happened when Ofsted evaluations ended? Exact words please", ["fully focus", "“"],
         []),
        ("what happened when ofsted stopped evaluating SCRs?", ["July 2012", "fully focus"], []),
        # "the figures" with no measure: asked about, not for
        ("What was Timpson responding to when he revealed the figures?", ["parliamentary question"], ["114"]),
        ("What does 'SCRs' refer to in this article?", ["serious case review"], []),
        # the article's words inside a name ("dramatic increase") are found by their meaning ("increase")
        ("How does the article describe the increase in SCRs?", ["dramatic increase"], []),
        ("who is quoted in the article on why SCRs rose", ["Woolmore", "Ofsted"], ["parliamentary"]),
        # background first, then two asks in one run-on sentence with no question mark
        ("hi im a parent and honestly all this is new to me, my friend said there was a story about child reviews "
         "going up a lot, can you explain simply what an SCR is and how many were published in the latest year "
         "in the article thanks", ["serious case review", "71"], []),
        # the old half answered, with what the article says of now
        ("How many years they must look back in old system, and now is it the same?", ["20 years", "need not"], []),
        # a numbered list: each item is a question
        ("1) year the SCR panel was set up 2) who set it up 3) what for", ["2013", "government", "lessons"], []),
        # a word of the article none of its terms names: not defined, shown where it is used and what it is about
        ("What does 'prescriptive' mean in this context?", ["doesn't define “prescriptive”", "very prescriptive",
                                                           "flexibility"], []),
        ("What does the article mean by the relaxation of SCR procedures?",
         ["“Relaxation of SCR procedures”", "Munro", "flexibility"], []),
        # a measure is the terms' to explain, not a word to look up
        ("what does 'commissioned' mean for an SCR?", [], ["doesn't define"]),
    ],
)
def test_blind23_answers(engine, question, needles, unwanted):
    reply = ask(engine, question)
    assert reply.kind == "answer", reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


@pytest.mark.parametrize(
    ("turns", "kind", "needles", "unwanted"),
    [
        # "what for?" asks the last subject's purpose
        (("Did the Serious Case Review panel drive the spike in SCRs?", "when was it set up?", "what for?"),
         "answer", ["lessons"], []),
        # "by how many?" after an answer in words: the article gives no number, and no table is offered
        (("What did CYP Now find in 2011?", "by how many?"), "decline", ["doesn't give a number", "dropped"],
         ["114"]),
        # "n 13 14" is "and 2013/14"; "between those 2" is the last two answers' years, not a claim of 2
        (("scr numbrs 2011 12", "n 13 14"), "answer", ["114", "71"], []),
        (("scr numbrs 2011 12", "n 13 14", "increase in published between those 2"), "answer", ["59"], ["Not 2"]),
        # the subjects of the last two answers: which came first, and how far apart
        (("What did Woolmore say about Ofsted?", "and about Working Together?", "which came first?"), "answer",
         ["July 2012", "before"], []),
        (("What did Woolmore say about Ofsted?", "and about Working Together?", "which came first?",
          "how many months apart?"), "answer", ["8 months"], []),
        # a reason asked after a rise is the reasons, not the rise again
        (("Which year had the fewest SCRs commissioned?", "and the most?", "what caused that jump?"), "answer",
         ["Ofsted"], ["up 59"]),
    ],
)
def test_blind23_followups(engine, turns, kind, needles, unwanted):
    reply = say(engine, *turns)[-1]
    assert reply.kind == kind, reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


# -- the tuned sets' leftovers, as general rules --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # a person named by a long description of their post is that person, with the subject still asked about
        ("What does the chair of the independent LSCB chairs' association actually think about the panel's role?",
         ["Woolmore", "does not believe"], []),
        ("Is Edward Timpson the chair of the LSCB chairs' association?", ["No.", "children's minister"], []),
        # a check sentence after a short aside is about the claim before the aside
        ("As a lay member of our LSCB I sat through a long meeting today where someone insisted the national panel "
         "set up in 2013 is the reason everyone is doing more SCRs. I was sceptical. Does the article back that "
         "up or not?", ["Woolmore", "does not believe"], ["Yes"]),
        ("Our chair keeps saying the rise in SCRs is all down to the new national SCR panel. Is that what the "
         "independent LSCB chairs' association head thinks?", ["No", "Woolmore"], []),
        # how the figures were made public, asked with "how"
        ("how did Timpson reveal the figures?", ["parliamentary question"], []),
        # why a fall, not how many
        ("What caused the sharp drop in SCR numbers that CYP Now reported in 2011?", ["coalition"], ["rose from"]),
        ("whose policy was blamed?", ["coalition government"], []),
        ("Summarise the article in a couple of sentences", ["Timpson", "rise"], []),
        ("Bullet points of all the figures in the article, by year", ["55", "12", "81", "31", "114", "71"], ["%"]),
        ("what are the totals themselves?", ["250", "114"], []),
    ],
)
def test_tuned_leftovers_answers(engine, question, needles, unwanted):
    reply = ask(engine, question)
    assert reply.kind == "answer", reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


@pytest.mark.parametrize(
    ("turns", "kind", "needles"),
    [
        (("who revealed the figures?", "How did he reveal it?"), "answer", ["parliamentary question"]),
        (("who revealed the figures?", "was that in a speech or what?"), "answer", ["parliamentary question"]),
        # the size of a fall the article gives in words only
        (("What did CYP Now's 2011 investigation find?", "By how many did the numbers drop?"), "decline",
         ["doesn't give a number"]),
        (("What did CYP Now's 2011 investigation find?", "Does it say how big the fall was?"), "decline",
         ["doesn't give a number"]),
        # a correction mid-message replaces what came before it
        (("how many SCRs were commissioned in 2012/13?", "and how many of those... sorry, how many were published "
          "that year"), "answer", ["31 SCRs were published"]),
    ],
)
def test_tuned_leftovers_followups(engine, turns, kind, needles):
    reply = say(engine, *turns)[-1]
    assert reply.kind == kind and all(n in reply.text for n in needles), reply.text


# -- blind set 24's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "opens", "needles"),
    [
        ("Did the SCRs published in 2013/14 outnumber the SCRs commissioned in 2011/12?", "Yes", ["71", "55"]),
        # a claim marker ("Accurate?") states nothing the sentence must hold
        ("Woolmore said the previous system wasn't designed with publication in mind. Accurate?", "Yes",
         ["publication in mind"]),
        ("Is there a quote from Edward Timpson in the article?", "No", []),
        ("Under the old rules LSCBs had to look back up to 10 years into family history - correct?", "No",
         ["20 years"]),
    ],
)
def test_blind24_verdicts(engine, question, opens, needles):
    text = one(engine, question)
    assert text.startswith(opens) and all(n in text for n in needles), text


@pytest.mark.parametrize(
    ("question", "kind", "needles", "unwanted"),
    [
        ("wt2013 - what's that", "answer", ["Working Together", "March 2013"], []),
        # "in relation to" is not a misspelt "relaxation"
        ("According to the article, what did Munro recommend in relation to SCRs?", "answer", ["Ofsted", "relaxation"],
         []),
        ("How is Professor Munro connected to the rise in SCRs?", "answer", ["recommended by Professor Eileen Munro",
                                                                            "Ofsted", "Working Together"], []),
        ("Can you give me Professor Munro's own quote on SCRs from the article?", "decline",
         ["doesn't quote Professor Eileen Munro", "relaxation"], []),
        # a label about the asker before a complete question is set aside
        ("Good afternoon. I work in the council press office and we've had an enquiry from a local paper about "
         "national trends. Before I respond I'd like to check the numbers: what was the percentage increase in "
         "commissioned SCRs from 2012/13 to 2013/14?", "answer", ["40.7%"], []),
        ("Hello everyone, just back from leave and catching up on the news. I saw something about a minister "
         "answering a question in Parliament about serious case reviews. Which minister was it?", "answer",
         ["Edward Timpson"], []),
        ("Could you list commissioned and published for each year?", "answer", ["55", "12", "81", "31", "114", "71"],
         []),
        # parts naming different years: "the difference" is between them, not within the first
        ("How many SCRs were commissioned in 2011/12? How many in 2012/13? And what's the difference?", "answer",
         ["55", "81", "up 26"], []),
        # an item asking for a year is not narrowed by a year another item named
        ("1) what did CYP Now find in 2011 2) what year had the most SCRs published", "answer", ["71 in 2013/14"],
         ["12 in 2011/12"]),
        ("What does the article say about how far back LSCBs must now look into family history?", "answer",
         ["20 years", "need not go back"], []),
    ],
)
def test_blind24_answers(engine, question, kind, needles, unwanted):
    reply = ask(engine, question)
    assert reply.kind == kind, reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # "who said that?" names the speaker, not a person the last answer's topics carried
        (("What was the biggest reason for the rise in SCRs?", "who said that?", "and what's her role?"),
         ["Sue Woolmore: Chair"], ["Munro"]),
        (("Who revealed the SCR figures?", "what's his job?", "why did he release them?"),
         ["parliamentary question"], ["two reasons"]),
        # "the quote on that": the words the last answer's sentences quote
        (("What happened in March 2013?", "why did it matter?", "can you give me the quote on that?"),
         ["much more flexibility", "— Sue Woolmore"], ["Munro"]),
        # a measure alone, right after a year's figure, is that year's
        (("how many SCRs were published in the year to March 2014?", "how many commissioned?"),
         ["114"], ["55"]),
        (("how many SCRs were published in the year to March 2014?", "how many commissioned?",
          "ratio of the two, 1 decimal?"), ["1.6"], []),
    ],
)
def test_blind24_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


# -- blind set 25's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "needles"),
    [
        # someone's view of the rise the article never reports
        ("What does Eileen Munro think about the rise in SCRs?", "decline", ["doesn't report"]),
        ("how many published in 2012/13 and 2013/14 together", "answer", ["102"]),
        ("According to Woolmore, what are the two key factors behind the rise?", "answer",
         ["Ofsted", "Working Together"]),
        ("whats munro's first name", "answer", ["Eileen"]),
        # figures stated of the wrong measures are corrected, not confirmed
        ("so 2011/12 was 55 published and 12 commissioned?", "answer", ["No.", "other way round"]),
        ("I half remember 2011/12 being 55 published and 12 commissioned?", "answer", ["No.", "other way round"]),
        ("so 2011/12 was 55 commissioned and 12 published?", "answer", ["Yes."]),
        ("12 out of 55 were published in 2011/12?", "answer", ["Yes."]),
        # "every year" not held is a No, not a Partly
        ("The gap between commissioned and published SCRs narrowed every year, didn't it?", "answer", ["No."]),
        ("Was every SCR commissioned in 2013/14 published?", "answer", ["No.", "62.3%"]),
        ("Did the 2011 CYP Now investigation find that SCR numbers went up after the publication policy came in?",
         "answer", ["No.", "dropped sharply"]),
        # a word the article says the opposite of ("less" against "greater flexibility")
        ("did the revised guidance give LSCBs less flexibility", "answer", ["No."]),
        ("did the revised guidance give LSCBs more flexibility?", "answer", ["Yes."]),
    ],
)
def test_blind25_answers(engine, question, kind, needles):
    reply = ask(engine, question)
    assert reply.kind == kind and all(n in reply.text for n in needles), reply.text


@pytest.mark.parametrize(
    ("turns", "kind", "needles"),
    [
        (("Who is Edward Timpson?", "what did he reveal?", "ok and who gives the reasons for it then?"), "answer",
         ["Woolmore"]),
        (("what's the gap between commissioned and published SCRs in 2012/13?", "and in 2013/14?",
          "so did the gap narrow?"), "answer", ["Yes", "43", "50"]),
        (("Who's Eileen Munro?", "and what does she make of the rise in SCRs?"), "decline", ["doesn't report"]),
        # another quote by the same speaker, on a new subject: her own words, not the sentence reporting her
        (("Give me Woolmore's quote on the Ofsted change.", "and the one on Working Together?"), "answer",
         ["much more flexibility"]),
        (("Give me Woolmore's quote on the Ofsted change.", "on what date did she say all this?"), "decline",
         ["doesn't say when"]),
    ],
)
def test_blind25_followups(engine, turns, kind, needles):
    reply = say(engine, *turns)[-1]
    assert reply.kind == kind and all(n in reply.text for n in needles), reply.text


# -- what a third fresh-eyes review found in this session's rules ----------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # what Ofsted does today is not the article's to say; who evaluated after it stopped is not either
        ("Is Ofsted evaluating SCRs today?", ["doesn't say what is the case today"], ["Yes"]),
        ("Who evaluated SCRs after July 2012?", [], ["Ofsted."]),
        ("Who investigated the number of SCRs in 2013?", [], ["CYP Now."]),
        # "must" asks of the rule now, unless the old system is named
        ("Must LSCBs look back up to 20 years into family history?", ["No.", "need not go back"], []),
        ("under the old system must LSCBs look back 20 years?", ["Yes.", "up to 20 years"], []),
        ("Must Ofsted evaluate SCRs?", [], ["Yes"]),
        ("Did CYP Now find the number of SCRs rose sharply?", ["No.", "dropped sharply"], []),
        ("Did Woolmore say the Working Together revisions reduced LSCBs' flexibility?", ["No."], []),
        # a claim nobody made is nobody's, not Woolmore's, who said the opposite
        ("The panel drove the rise. Is that what Timpson said?", ["doesn't report Edward Timpson saying"],
         ["it was Sue Woolmore who said that"]),
        ("How did Timpson explain the rise in the figures?", ["no reasons from Edward Timpson"], []),
        ("Is Munro linked to the rise?", ["recommended by Professor Eileen Munro"], ["No."]),
        ("Was Timpson the minister who set up the panel?", [], ["No. Edward Timpson"]),
        ("Is Timpson a shadow minister?", ["No."], []),
        # an item joined to the one before is part of one question, not a list
        ("What's the ratio of 1) commissioned to 2) published in 2013/14?", ["1.61"], []),
        ("How many SCRs were commissioned in 2012/13, sorry, how many were published?", ["31"], ["71"]),
        ("I think the panel caused the rise in SCRs: was that Woolmore's view?", ["No", "Woolmore"], []),
        ("I want the latest year only: how many SCRs were published?", ["71"], ["12 published"]),
        ("What's the view of the rise from the LSCB chairs?", ["Association"], ["doesn't report"]),
    ],
)
def test_third_review(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # the gap's direction after two gaps, not the counts'
        (("what was the gap in 2012/13?", "and in 2013/14?", "did it widen?"), ["No", "50", "43"], []),
        # "by how much?" after the rise: the figures hold it
        (("What did Timpson reveal?", "by how much?"), ["114"], ["doesn't give a number"]),
        (("Give me Woolmore's quote on the Ofsted change.", "and the one on Munro's recommendations?"), [],
         ["Munro (author of a child protection review) said it"]),
    ],
)
def test_third_review_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


# -- blind set 26's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "needles", "unwanted"),
    [
        # one measure in one year against the other measure in another
        ("How many more SCRs were published in 2013/14 than were commissioned in 2011/12?", "answer", ["16 more"],
         ["unchanged"]),
        # a factor of the publication rate is of the shares, not the counts
        ("By roughly what factor did the publication rate grow from 2011/12 to 2013/14?", "answer", ["2.9 times"],
         ["5.9"]),
        ("sue woolmore chairs the NSPCC, right?", "answer", ["No.", "Association"], []),
        ("What did the NSPCC say about the rise in SCRs?", "decline", ["doesn't mention NSPCC"], ["by area"]),
        ("what percentage of SCRs were in the north east", "decline", ["doesn't cover north east"], ["%"]),
        ("How many SCRs did the CYP Now investigation count in 2011?", "decline", ["no figures from CYP Now"], []),
        # a second part pointing back at the first part's measure, in another year
        ("What was the publication rate in 2011/12 and what was it in 2013/14?", "answer", ["21.8%", "62.3%"], []),
        ("What was the gap between commissioned and published in 2013/14, and what was the publication rate that "
         "year?", "answer", ["43 more", "62.3% published"], []),
    ],
)
def test_blind26_answers(engine, question, kind, needles, unwanted):
    reply = ask(engine, question)
    assert reply.kind == kind, reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("How many SCRs were published in 2011/12?", "and two years later?", "is that more than five times as many?"),
         ["Yes", "5.9 times"], []),
        (("who revealed the figures", "what's his job", "and in response to what?"), ["parliamentary question"], []),
        # a comparison's years, kept by the follow-ups on it
        (("Between 2012/13 and 2013/14, which rose faster in % terms, commissioned or published SCRs?",
          "by what % did published rise?"), ["+129%"], ["491"]),
        (("Were more SCRs published in 2013/14 than in 2012/13?", "is that more than double?"),
         ["Yes", "31 in 2012/13", "2.3 times"], ["12 in 2011/12"]),
        (("When was Working Together revised?", "what did it give LSCBs?",
          "how many months after Ofsted stopped evaluating SCRs was that?"), ["8 months"], []),
    ],
)
def test_blind26_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


# -- blind set 27's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "needles"),
    [
        ("According to CYP Now, did the coalition's publishing policy lead to fewer SCRs?", "answer",
         ["Yes.", "dropped sharply"]),
        ("Was the gap between commissioned and published smaller in 2013/14 than in 2012/13?", "answer",
         ["Yes.", "43", "50"]),
        ("Is it true Woolmore credits the SCR panel with the spike in numbers?", "answer", ["No, not according"]),
        ("Which two policy changes does the article link to the increase?", "answer", ["Ofsted", "Working Together"]),
        ("How many of the 114 SCRs commissioned in 2013/14 have since been published?", "decline",
         ["doesn't say how many of a year's reviews were published later"]),
        ("Did Woolmore describe the old process as 'very bureaucratic'?", "answer",
         ["No: the article doesn't quote Sue Woolmore using the words “very bureaucratic”", "prescriptive"]),
        ("Quote the line that starts 'Now, if it was appropriate...'", "answer", ["go back that far"]),
        ("What does SCR stand for, how many were published in 2013-14, and what is Munro's job?", "answer",
         ["serious case review", "71", "child protection review"]),
    ],
)
def test_blind27_answers(engine, question, kind, needles):
    reply = ask(engine, question)
    assert reply.kind == kind and all(n in reply.text for n in needles), reply.text


@pytest.mark.parametrize(
    ("turns", "kind", "needles"),
    [
        (("What did CYP Now find in 2011?", "How many SCRs did they count?"), "decline", ["no figures from CYP Now"]),
        (("Which year had the highest publication rate?", "and the lowest?"), "answer", ["21.8%", "Lowest: 2011/12"]),
        (("How many SCRs were commissioned in 2013/14?", "And how many were published that year?", "what's the gap",
          "was it bigger or smaller than the year before?"), "answer", ["50", "43", "fell"]),
        (("What does Woolmore say caused the rise?", "Does she credit the SCR panel too?"), "answer",
         ["No, not according"]),
    ],
)
def test_blind27_followups(engine, turns, kind, needles):
    reply = say(engine, *turns)[-1]
    assert reply.kind == kind and all(n in reply.text for n in needles), reply.text


# -- blind set 28's misses, as general rules -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # summaries asked in new shapes, with the asker's persona set aside ("school" here is no subject)
        ("Hi, I'm a school governor. What's the main finding of this article?", ["Timpson"], ["doesn't cover"]),
        ("What's the news angle here for a radio bulletin?", ["Timpson"], []),
        ("One-sentence summary please", ["Timpson"], []),
        ("Draft a headline for this story", ["Timpson"], []),
        # an average per month is the year spread over months
        ("On average how many SCRs were commissioned per month in 2013/14?", ["9.5 a month"], []),
        ("monthly average of published SCRs in 2013/14?", ["5.9 a month"], []),
        # a label naming the operation is kept
        ("multiple: published 2013/14 vs 2012/13", ["2.3 times"], []),
        ("Table please: year | commissioned | published.", ["55", "12", "81", "31", "114", "71"], []),
        # a stated share compares no measures; "in both years" is each year's figure; "Claim:" marks a claim
        ("fact check - fewer than a quarter of SCRs commissioned in 2011/12 were published", ["Yes.", "21.8%"],
         ["No."]),
        ("Check: the gap between commissioned and published was 43 in both 2011/12 and 2013/14.", ["Yes."],
         ["the figure is 0"]),
        ("Claim: commissioned SCRs doubled between 2011/12 and 2013/14.", ["Yes."], []),
        ("Do LSCBs still always have to go back 20 years into family history?", ["No", "20 years", "need not"], []),
    ],
)
def test_blind28_answers(engine, question, needles, unwanted):
    reply = ask(engine, question)
    assert reply.kind == "answer", reply.text
    assert all(n in reply.text for n in needles) and not any(n in reply.text for n in unwanted), reply.text


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # a what-if the figures give: one year's commissioned count at another year's (or a stated) rate
        ("If the 2013/14 commissions had been published at the 2012/13 rate, how many would have been published?",
         ["about 43.6 would have been published", "71 were"]),
        ("what if 2013/14 had the same publication rate as 2011/12 - how many would've been published",
         ["about 24.9"]),
        ("What would a 50% publication rate have meant in 2013/14, in numbers?", ["about 57"]),
    ],
)
def test_what_if_rates(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


# -- what a fourth fresh-eyes review found in the late rules ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # "43 in both years" must hold in each year
        ("The gap was 43 in both 2012/13 and 2013/14, right?", ["No."], ["Yes"]),
        ("Did Ofsted ending its evaluations lead to fewer SCRs?", ["No", "behind the rise"], []),
        # a what-if applies the rate of the year named with "rate"/"as" to the other year's count
        ("At the same rate as 2013/14, how many would have been published in 2011/12?", ["about 34.3"], ["24.9"]),
        # growth rates and counterfactuals the article can't give are no publication-rate what-ifs
        ("If commissions in 2013/14 had grown at the same rate as in 2012/13, how many?", [], ["would have been"]),
        ("How many times higher was the rate of commissioning in 2013/14 than in 2011/12?", ["2.1 times"], ["2.9"]),
        ("Commissioned SCRs have since doubled, haven't they?", ["Yes"], ["published later"]),
        ("Who, when asked in parliament, revealed the figures?", ["Edward Timpson"], []),
        ("What did EILEEN recommend?", ["Ofsted"], ["doesn't mention"]),
        # her own words, near enough, are no words she never used; a sentence about her is not her saying
        ("Did Woolmore say Ofsted evaluation created 'a greater focus on evaluation'?", ["greater focus"],
         ["doesn't quote"]),
        ("Did Woolmore say the process was 'very prescriptive for LSCBs'?", ["Yes"], ["is the chair"]),
        ("Quote me the line that starts 'This had been a recommendation...'", ["article's own words"],
         ["Munro (author of a child protection review) said it"]),
        ("Can LSCBs still go back 20 years if they want?", ["need not go back"], ["No."]),
    ],
)
def test_fourth_review(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("What was the publication rate in 2013/14 compared with 2012/13?", "is that more than double?"),
         ["No.", "1.6 times"], []),
        (("What did CYP Now find in 2011?", "count them for 2013/14"), ["114", "71"], ["no figures from CYP Now"]),
        (("When was Working Together revised?", "what did Woolmore say about Ofsted?",
          "how many months after the CYP Now investigation was that?"), ["CYP Now investigation: 2011"],
         ["8 months"]),
    ],
)
def test_fourth_review_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # "credit ... for the rise" asks for the reasons, not the source of the figures or a change in them
        ("What two changes does Woolmore credit for the increase?", ["Ofsted", "Working Together"], ["up 59"]),
        # a greeting before the question, with or without a comma, does not weaken it
        ("hi, what's the Munro review?", ["child protection review"], ["not sure"]),
        ("hi what's the Munro review?", ["child protection review"], ["not sure"]),
        ("What's the Munro review, as the article describes it?", ["child protection review"], ["comes from one"]),
        # a quote looked for by a word of the article the bot's word lists never needed ("focus")
        ("What's the quote about LSCBs being able to fully focus?", ["fully focus"], ["big challenge"]),
        ("Which change did Woolmore describe as pivotal?", ["Working Together"], ["greater focus"]),
        # "true or false?" checks the sentence before it
        ("claim - 55 SCRs commissioned in 2011/12. true or false?", ["Yes", "55"], []),
        ("Claim: 31 SCRs commissioned in 2011/12. True or false?", ["No", "55"], []),
        # "credits Munro with recommending ..." is about her recommendation, not her job nor the cause
        ("The article credits Professor Eileen Munro with recommending that Ofsted stop evaluating SCRs — true?",
         ["Yes. Professor Eileen Munro recommended"], ["No", "key factor"]),
        # "more prescriptive" is the opposite of the "much more flexibility" the revisions gave
        ("Claim: Woolmore says the Working Together revisions made SCRs more prescriptive for LSCBs. Correct?",
         ["No.", "flexibility"], []),
        ("did woolmore say the old process was very prescriptive?", ["Yes."], []),
        ("Did Woolmore actually say the SCR panel had transformed the figures?", ["No", "significantly"], []),
        # two events in the same year (or month): compared, not ordered
        ("Were the Working Together revision and the creation of the SCR panel in the same year?",
         ["Yes: the same year", "March 2013"], []),
        ("Did Ofsted stop evaluating in the same year as the panel was set up?", ["No: not the same year"], []),
        ("did the panel and the WT revision happen in the same month?", ["doesn't say", "no month"], ["Yes", "No:"]),
    ],
)
def test_fifth_round(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # "that" is the last answer's year; "the year before" is the one it is compared with
        (("How many SCRs were commissioned in 2013/14?", "and how many of those were published?", "what's the gap?",
          "is that bigger than the gap the year before?"), ["No.", "43 in 2013/14 against 50 in 2012/13"], []),
        (("How many SCRs were published in 2012/13?", "was that fewer than the year after?"),
         ["Yes.", "31 in 2012/13 against 71 in 2013/14"], []),
    ],
)
def test_fifth_round_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # one year's figure against the sum of others' (12 + 31 = 43; 55 + 81 = 136; 81 + 114 = 195)
        ("How many more SCRs were published in 2013/14 than in the previous two years combined?",
         ["43 (12 + 31)", "71 is 28 more than 43"], ["114 SCRs were published"]),
        ("Were more SCRs commissioned in 2013/14 than in 2011/12 and 2012/13 combined?",
         ["No.", "114 is 22 fewer than 136"], []),
        ("Is 2013/14's commissioned figure bigger than the previous two years combined?", ["No.", "136"], []),
        ("Is 114 more than 55 plus 81?", ["No.", "136 (55 + 81)"], ["Not 114"]),
        ("How many more SCRs were commissioned in the two later years combined than in 2011/12?",
         ["195 (81 + 114)", "140"], ["250"]),
        ("Is the number commissioned in 2013/14 the same as the total published over three years?",
         ["Yes.", "114 (12 + 31 + 71)"], []),
        ("So 30 more were published in 2013/14 than the two previous years combined, right?",
         ["No. Not 30: the figure is 28."], []),
    ],
)
def test_a_year_against_the_sum_of_others(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_a_sum_comparison_is_asked_again_for_the_other_measure(engine):
    text = say(engine, "Were more SCRs published in 2013/14 than in 2011/12 and 2012/13 combined?",
               "and commissioned?")[-1].text
    assert "136 (55 + 81)" in text and "114 is 22 fewer" in text, text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # who made figures public, asked of them
        (("What is the rise being talked about?", "who revealed it?"), ["Edward Timpson", "parliamentary question"],
         ["The people named"]),
        # a quote's subject carries to "whose idea was ending it?"; a question naming nothing is about the last
        (('"When it ended it enabled LSCBs to fully focus on the review itself" - who said that?',
          "whose idea was ending it?"), ["Munro"], ["The people named"]),
        (("Who said Ofsted stopping evaluations was a key factor?", "did she say why?",
          "who recommended the change in the first place?"), ["Munro"], ["not sure"]),
        # the direction of the gap after two years' gaps, asked without "it"
        (("How many SCRs were commissioned in 2012/13?", "what's the gap?", "and in 2013/14?",
          "has the gap grown or shrunk?"), ["fell from 50 in 2012/13 to 43 in 2013/14"], []),
        # after a share, a comparison with another year is of the shares (in points), not the counts
        (("What share of commissioned SCRs was published in 2012/13?", "is that more or less than 2011/12?"),
         ["21.8% in 2011/12 to 38.3% in 2012/13", "16.5 percentage points"], ["up 26"]),
        (("What was the publication rate in 2011/12?", "and in 2013/14?", "what's the change in percentage points?",
          "which year was it highest?"), ["62.3%", "Highest: 2013/14"], ["Most SCRs published"]),
        # "which is bigger?" after each measure's change compares the two changes
        (("What's the percentage increase in commissioned SCRs from 2012/13 to 2013/14?", "and for published?",
          "which is bigger?"), ["SCRs published grew faster", "+129%", "+40.7%"], []),
        (("How many SCRs were commissioned in 2011/12?", "how about 2012/13?", "percentage change?",
          "and for the next year?", "and overall?"), ["55 in 2011/12 to 114 in 2013/14", "+107.3%"], ["250"]),
        # a figure stated in a follow-up is checked, and "what's 81 then?" is not limited to the last measure
        (("Is it true 114 SCRs were commissioned in 2013/14?", "and 81 published in 2012/13?"),
         ["No. Not 81: the figure is 31."], []),
        (("Is it true 114 SCRs were commissioned in 2013/14?", "and 81 published in 2012/13?", "what's 81 then?"),
         ["81 is the number of SCRs commissioned in 2012/13"], ["In no year"]),
        # those not published stay the measure through "as a percentage?" and the years after
        (("Tell me the number of SCRs commissioned in 2012/13", "how many weren't published?", "as a percentage?",
          "and for 2011/12?"), ["78.2% not published"], ["21.8% published"]),
        (("Tell me the number of SCRs commissioned in 2012/13", "how many weren't published?"), ["50 more"], ["43"]),
        (("what share of SCRs commissioned in 2012/13 were not published?", "what was it in 2013/14?"),
         ["37.7% not published"], ["62.3%"]),
        # "the combined total" after a year's two figures adds the two
        (("how many published 2012/13", "and commissioned that year", "what's the combined total"), ["= 112"],
         ["single year"]),
    ],
)
def test_review_five_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Did the Working Together revisions make SCRs easier?", ["Yes.", "flexibility"], []),
        # two opposites are what the article says: "less prescriptive" against "more flexibility"
        ("Did the Working Together revisions make SCRs less prescriptive?", ["Yes."], []),
        ("Did the guidance give LSCBs less flexibility?", ["No."], []),
    ],
)
def test_review_five_checks(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # "it" is the last answer's subject, asked again by name
        (("Tell me about the CYP Now investigation", "what did it find?"), ["dropped sharply"], ["say a bit more"]),
        (("Hi, I'm a student. Why did SCRs go up?", "who is she?", "what was the second reason?"),
         ["Working Together"], ["outside what I know"]),
        # a short question in the words of the last answer's sentences, then how it is now
        (("What did Woolmore say about family history?", "how far back?"), ["up to 20 years"], ["financial years"]),
        (("What did Woolmore say about family history?", "how far back?", "and now?"), ["need not go back"],
         ["figures for now"]),
        (("what did woolmore say the old system wasnt designed for",
          "and how far back into family history did it make boards look?",
          "do they still always have to go back that far?"), ["No.", "need not go back"], []),
        # what the article doesn't give about the last person named
        (("What did the minister say?", "what party?"), ["doesn't give personal details"], ["Key events"]),
        # a figure put forward after a check is checked too
        (("Is it true 141 SCRs were commissioned in 2013/14?", "what about published that year — 17?"),
         ["No. Not 17: the figure is 71."], []),
        (("how many published in 2012/13?", "what about 2013/14 — 71?"), ["Yes. 71 is right."], ["About 71"]),
        # "he" who gave no reasons: No, and whose they are
        (("Who revealed the SCR figures?", "did he say what caused the rise?"),
         ["No. The article reports no reasons from Edward Timpson"], []),
        (("Who revealed the SCR figures?", "did he say what caused the rise?", "did he give reasons?"),
         ["No. The article reports no reasons from Edward Timpson"], []),
        # "those two years" after one year's figures and then another's: those two, added
        (("give me the numbers for FY13/14", "and the same for 2011/12",
          "what's the total published across those two years"), ["83"], ["114 SCRs"]),
    ],
)
def test_review_five_followups_about_the_last_answer(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


def test_still_obliged_to_an_amount_is_about_the_rule_now(engine):
    text = one(engine, "do they still have to go back 20 years?")
    assert text.startswith("No.") and "need not go back" in text, text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # one year's rise against another's (12 -> 31 is +158.3%, 31 -> 71 is +129%; 55 -> 81 +26, 81 -> 114 +33)
        ("Is the growth in published SCRs from 2011/12 to 2012/13 bigger than from 2012/13 to 2013/14 in percentage "
         "terms?", ["Yes.", "+158.3%", "+129%"], []),
        ("Did commissioned rise more in 2013/14 than in 2012/13?", ["Yes.", "up 33", "up 26"], []),
        ("Was the rise in published smaller in 2013/14 than in 2012/13?", ["No."], []),
        ("Which year had the bigger percentage rise in published SCRs?", ["2012/13", "+158.3%"], ["commissioned"]),
        ("In which year did published SCRs grow the most in absolute terms?", ["2013/14", "up 40"], ["Most SCRs"]),
        # what-ifs on a rise: the same number (31 + 19 = 50) or the same percentage (31 x 31/12 = 80.1)
        ("If publications had risen by the same number in 2013/14 as they did in 2012/13, how many would have been "
         "published in 2013/14?", ["about 50", "71 actually"], []),
        ("If 2013/14 published had grown at the same rate as 2012/13, how many would there have been?",
         ["about 80.1"], []),
        # the rate's year is the one "at the ... level"
        ("If the publication rate in 2013/14 had stayed at the 2012/13 level, how many would have been published?",
         ["114 SCRs were commissioned", "about 43.6"], ["50.4"]),
        # what the figures don't break down or follow
        ("How many SCRs were published per LSCB on average?", ["doesn't break the figures down"], ["38"]),
        ("How many SCRs were published in the first half of 2013/14?", ["doesn't break the figures down"], ["71"]),
        ("How many SCRs were started but never finished in 2013/14?", ["doesn't say how far"], ["114"]),
        ("What was the parliamentary question asked?", ["doesn't say what the parliamentary question was"], []),
        ("Does the article say the rise is because more children are being harmed?", ["harm to children"], []),
        # checks against what the article says instead
        ("Was Eileen Munro the one who answered the parliamentary question?", ["No: it was Edward Timpson"], []),
        ("Did Woolmore say the Ofsted change was unimportant?", ["No", "key factor"], []),
        ("Did Timpson say there was a dramatic decrease?", ["No."], []),
        ("Was Timpson responding to a freedom of information request?", ["No:", "parliamentary question"], []),
        ('What was "a big challenge" according to Woolmore?', ["Commissioning and publishing"], ["Yes"]),
        # names the article never has, whole, and no talk of areas unless figures are asked
        ("What did the Department for Education say?", ["doesn't mention Department for Education."], ["area"]),
        ("How many SRCs were published in 2013/14?", ["71"], []),
    ],
)
def test_review_five_singles(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # one year's part of the three-year total (114 of 250; 12 of 114)
        ("What proportion of the three-year commissioned total came in 2013/14?", ["114 of the 250", "45.6%"],
         ["62.3%"]),
        ("What percentage of the 3-year published total came from 2011/12?", ["12 of the 114", "10.5%"], []),
        # the financial year of an event named, or those before or after it
        ("How many were published in the year Ofsted stopped evaluating?", ["July 2012", "2012/13", "31"], ["71"]),
        ("How many SCRs were published in the year the Working Together guidance came out?", ["March 2013", "31"],
         ["71"]),
        ("How many SCRs were published after the Working Together revision?", ["2013/14", "71"], []),
        ("How many SCRs were commissioned in the year the SCR panel was set up?", ["no month", "81", "114"], []),
        # a share claimed as a fraction is checked as a share, not against the counts' rise
        ("Did more than a third get published in 2012/13?", ["Yes.", "38.3%"], ["rose"]),
        ("Was there ever a year when more SCRs were published than commissioned?", ["No."], ["not sure"]),
    ],
)
def test_review_five_figures(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # a range named once serves every part of a list, as a range (250, 114 and 45.6% over the three years)
        ("Hi, I'm a data analyst at a council. For our report I need: (a) total commissioned 2011/12-2013/14, "
         "(b) total published, (c) overall publication rate.", ["250", "114 SCRs were published", "45.6%"], ["83"]),
        ("published SCRs went up nearly 500% over the period, is that fair?", ["Yes.", "491.7%"], []),
        ("how many scrs altogether, commissioned and published, in 2013/14", ["185"], ["250"]),
        ("how many were commissioned in the year the revised Working Together guidance came out", ["81"], ["112"]),
        ("what percentage of commissioned reviews over three years were in 2011/12", ["55 of the 250", "22%"], []),
        ("what share of three-year publications were in 2012/13", ["31 of the 114", "27.2%"], ["38.3%"]),
        ("what share of all the published reviews came in the last year", ["71 of the 114", "62.3%"], []),
        ("how many fewer were published in 2011/12 than in 2013/14", ["up 59"], ["Fewest"]),
        # one measure in one year against the other in another, said without "than"
        ("how does 2013/14 published compare to 2012/13 commissioned", ["71", "81", "10 fewer"], []),
        ("commissioned in 2013/14 minus published in 2011/12", ["102 more"], []),
        ("compare the 2013/14 commissioned figure to the sum of the two earlier years", ["136 (55 + 81)", "22 fewer"],
         []),
        ("how much bigger was the 2013/14 rise in published than the 2012/13 rise", ["(40 against 19), 21 more"], []),
        ("was the percentage rise in published bigger in 2012/13 or 2013/14", ["+158.3%", "+129%"], []),
        # the year of an event, the year before or after it
        ("published in the year ofsted stopped evaluating?", ["2012/13", "31"], []),
        ("in the year of the CYP Now investigation how many SCRs were published", ["2011/12", "12"], []),
        ("how many SCRs were published in the year before the ofsted change", ["The year before: 2011/12", "12"],
         ["don't have figures"]),
        ("how many SCRs were commissioned in the year after working together was revised", ["2013/14", "114"], []),
        ("what happened to SCR numbers after the coalition's publishing policy came in?", ["dropped sharply"], []),
        # persona words and sign-offs are no subject
        ("hi im a trainee social worker and my tutor asked me why there were more serious case reviews after 2012, "
         "can you explain in simple terms?", ["Ofsted", "Working Together"], ["doesn't report"]),
        ("how many SCRs did each LSCB commission on average", ["doesn't break the figures down"], ["83.3"]),
    ],
)
def test_review_six_singles(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_that_year_after_an_event_is_its_financial_year(engine):
    assert "In 2012/13, 31 SCRs were published." in say(
        engine, "when did ofsted stop evaluating scrs", "how many were published that year?")[-1].text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # after shares, "more than the year before?" compares shares (61.7% not published against 78.2%)
        (("how many more were commissioned than published in 2013/14?", "as a percentage", "and the year before?",
          "is that more than the year before?"), ["No.", "61.7%", "78.2%"], ["50 in 2012/13"]),
        (("publication rate 2012/13?", "is that higher than the year before?"), ["Yes.", "38.3%", "21.8%"], []),
        # after a rise, its size against the rise before, in numbers and in percentage terms
        (("how many SCRs were commissioned in 2013/14?", "and the year before?", "by how much?", "as a percentage",
          "is that more than the year before?"), ["Yes.", "bigger in numbers (33 against 26)",
                                                  "smaller in percentage terms"], []),
        (("percentage increase in commissioned between 2011/12 and 2012/13", "and the next year?", "which was bigger?",
          "and for published?"), ["19 against 40", "+158.3% against +129.0%"], []),
    ],
)
def test_review_six_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # a year's part of the three-year total, asked after the total or after that year's figure
        (("how many SCRs were commissioned in total 2011/12 to 2013/14?", "what percentage of those were in the "
          "latest year?"), ["114 of the 250", "45.6%"], ["62.3%"]),
        (("how many were commissioned in 2013/14", "what share of the three-year total is that", "and for published?"),
         ["71 of the 114", "62.3%"], []),
        (("total commissioned over the three years?", "and published?", "what share of that was 2013/14?",
          "and the other measure?"), ["114 of the 250", "45.6%"], []),
        # the last count against the other measure in another year, and against a sum of years, and by how much
        (("how many scrs were commissioned in 2011/12", "was that more or less than published in 2013/14?"),
         ["55 SCRs commissioned in 2011/12 against 71 published in 2013/14: 16 fewer"], []),
        (("how many were published in 2013/14", "is that more than commissioned in 2011/12?",
          "and more than both earlier years' publications put together?"), ["43 (12 + 31)", "28 more"], ["83"]),
        (("how many were published in 2013/14", "is that more than commissioned in 2011/12?",
          "and more than both earlier years' publications put together?", "by how much?"), ["28 more"], ["up 19"]),
    ],
)
def test_review_six_more_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("what did woolmore say about family history", "how far back did they have to look?"), ["up to 20 years"],
         ["financial years"]),
        (("who said ofsted stopping evaluation was key?", "is she the minister?"),
         ["No. Sue Woolmore is the chair", "Edward Timpson is the children's minister"], []),
        (("what did munro recommend", "and who said these changes mattered?", "which change did she call a key factor?",
          "and the other one?"), ["Working Together"], ["Ofsted: Evaluated"]),
        (("did woolmore blame the coalition government?",), ["No: the causes Sue Woolmore gives"], []),
        (("Did Woolmore say 'Ofsted was holding LSCBs back'?",), ["No: the article doesn't quote Sue Woolmore"], []),
        (("Morning. On deadline here. Need the percentage rise in published serious case reviews from 2012/13 to "
          "2013/14, and who explained it.",), ["+129%", "Sue Woolmore"], ["The people named"]),
    ],
)
def test_review_six_people_and_words(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("who are you", ["I answer questions about the rise"], ["not sure"]),
        ("how many SCRs were published in April 2013", ["no monthly figures", "whole year's figure", "71"], []),
        ("is July 2012 in the 2012/13 year?", ["July 2012 falls in the 2012/13 financial year",
                                                "April 2012 to March 2013"], []),
        ("which financial year does March 2013 fall in", ["March 2013 falls in the 2012/13 financial year"], []),
        ("does the article give figures for 2010/11?", ["no figures for 2010/11"], ["comes from one news"]),
        # a year's rise against a year's figure (40 against 31; 33 against 12)
        ("is the increase in published between 2012/13 and 2013/14 more than the 2012/13 published figure?",
         ["Yes.", "The rise of 40 is 9 more than 31"], []),
        ("is the rise in commissioned from 2012/13 to 2013/14 bigger than the whole of 2011/12's published figure?",
         ["Yes.", "The rise of 33 is 21 more than 12"], []),
    ],
)
def test_review_six_dates_and_rises(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize("first", [
    "Were more SCRs published in 2013/14 than in 2011/12 and 2012/13 combined?",
    "Did published grow faster in 2012/13 than in 2013/14 in percentage terms?",
    "If publications had risen by the same number in 2013/14 as they did in 2012/13, how many would have been "
    "published in 2013/14?",
    "is the increase in published between 2012/13 and 2013/14 more than the 2012/13 published figure?",
    "What proportion of the three-year commissioned total came in 2013/14?",
    "How many SCRs were published in 2013/14?",
])
@pytest.mark.parametrize("then", ["by how many?", "and published?", "and commissioned?", "and 2011/12?",
                                  "as a percentage?", "which is bigger?", "is that more than the year before?",
                                  "and the other measure?", "why?", "who said that?"])
def test_follow_ups_after_the_new_comparisons_never_fail(engine, first, then):
    """Every follow-up to a comparison with a sum, of two rises, a what-if or a part of the total gets a reply,
    never the internal-error apology (a missing measure once raised IndexError)."""
    reply = say(engine, first, then)[-1]
    assert "internal error" not in reply.text and reply.text.strip(), reply.text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("What's the total number commissioned?", "and published?", "difference?"), ["136 in all"], ["up 40"]),
        (("How many SCRs were commissioned over the three years?", "what share of that was 2011/12?", "and 2012/13?"),
         ["81 of the 250", "32.4%"], ["38.3%"]),
        (("How many SCRs were commissioned over the three years?", "what share of that was 2011/12?", "and 2012/13?",
          "and what's the per-year average?"), ["83.3"], ["81 over one"]),
        (("How many SCRs were commissioned in 2013/14?", "as a share of the total?"), ["114 of the 250", "45.6%"], []),
        (("how many commissioned in 2012/13", "and the year after?", "growth?",
          "faster or slower than the year before?"),
         ["smaller in percentage terms (+40.7% against +47.3%)"], ["Published and commissioned compared"]),
        (("gap in 2013/14?", "and 2012/13?", "so did it narrow?", "by how much?"), ["50", "43", "7"], ["up 33"]),
        (("Which year had the biggest gap between commissioned and published?", "and the smallest?"),
         ["43 in 2011/12 and 2013/14"], ["Fewest SCRs commissioned"]),
        (("How many SCRs were published in 2011/12?", "out of how many?"), ["55", "12"], []),
        (("what's the 2012/13 publication rate?", "who said that?"), ["worked out from those figures"], []),
    ],
)
def test_review_seven_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles"),
    [("What's 114 minus 71?", ["43 more commissioned than published"]),
     ("what's 55 divided by 12?", ["4.58 to 1"])],
)
def test_figures_named_by_value_are_their_years_counts(engine, question, needles):
    text = one(engine, question)
    assert all(n in text for n in needles), text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        # "when?" right after an answer: the date of what it was about
        (("What did the Working Together revisions do?", "according to who?", "when?"), ["March 2013"],
         ["CYP Now investigation: 2011"]),
        (("What did Woolmore say about the 20 years?", "is that still required?"), ["need not go back"],
         ["doesn't say what is the case today"]),
        (("Is \"pivotal\" a direct quote from Woolmore?",), ["No: “pivotal” is the article's report"], []),
        (("Did anyone else besides Woolmore explain the rise?",), ["No: Sue Woolmore", "only person"], []),
        (("Did anyone criticise the rise in SCRs?",), ["no criticism"], ["Yes"]),
        (("Who is Sue Woolmore?", "what's her organisation?"), ["Association of Independent"], ["Terms I can"]),
    ],
)
def test_review_seven_when_who_and_quotes(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Board chair here. When did Ofsted stop evaluating SCRs, why did that matter, and whose recommendation "
          "was it?",), ["July 2012", "key factor", "Munro"], ["Yes, according"]),
        (("what's the year-on-year change in commissioned?",), ["+47.3%", "+40.7%"], []),
        (("What did Munro recommend?", "were those recommendations implemented?"),
         ["Yes.", "July 2012", "March 2013"], ["The people named"]),
        (("What did Munro recommend?", "were those recommendations implemented?", "when?"),
         ["July 2012", "March 2013"], ["CYP Now"]),
    ],
)
def test_review_seven_long_and_done(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("What did Woolmore say about the 20 years?",), ["up to 20 years"], ["reports nothing"]),
        (("What's the publication rate across all three years?", "and excluding 2011/12?"),
         ["Leaving out 2011/12", "102 of 195 (52.3%)"], ["outside what I know"]),
        (("what's the publication rate if you pool 2012/13 and 2013/14 together?",), ["102 of 195 (52.3%)"], []),
        (("Who said the Working Together guidance was pivotal?", "what did she actually say in quotes about it?"),
         ["Sue Woolmore"], ["reports nothing"]),
    ],
)
def test_review_seven_words_and_pools(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Who is Sue Woolmore?", "what did she say about Ofsted?", "and about the panel?"),
         ["does not believe", "panel"], ["Set up by the government in 2013 to ensure"]),
        (("What did Timpson reveal?", "did he say why?", "who did?"), ["Sue Woolmore", "two reasons"], ["I answer"]),
        (("How many SCRs were published in 2013/14?", "Who is Eileen Munro?",
          "back to the numbers - and commissioned that year?"), ["In 2013/14, 114"], ["2011/12: 55"]),
    ],
)
def test_review_seven_back_and_forth(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Did commissioned and published SCRs both rise by the same number between 2011/12 and 2013/14?",
         ["Yes.", "up 59"], []),
        ("Was the Serious Case Review panel that the government set up in 2013 a major factor in the increase, "
         "according to the chair of the Association of Independent LSCB Chairs?", ["No", "significantly"], ["Yes"]),
        ("Good afternoon. I read somewhere that the government's Serious Case Review panel was behind the jump in "
         "reviews. Does the chair of the independent LSCB chairs' association agree with that?", ["No"], []),
    ],
)
def test_blind_29_30_last_fixes(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_did_it_narrow_says_by_how_much(engine):
    text = say(engine, "gap between commissioned and published in 2012/13?", "and 2013/14?",
               "so did it narrow?")[-1].text
    assert text.startswith("Yes.") and "down 7" in text, text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("SCRs published in 2013/14 as a percentage of those commissioned in 2012/13?", ["87.7%"], ["62.3%"]),
        ("In 2012/13, how many commissioned SCRs were not published (commissioned minus published)?", ["50 more"],
         ["61.7%"]),
        ("Who is on the Serious Case Review panel?", ["doesn't say who its members are"], ["does not believe"]),
    ],
)
def test_cells_and_members(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # a press release is no publication; the doubling claim is of the measure named (81 to 114 is 1.4 times)
        ("A press release claims commissioned SCRs doubled between 2012/13 and 2013/14. Does that hold up?",
         ["No.", "1.4"], ["Yes"]),
        # two counts claimed as a start and an end
        ("Publications went from 12 to 71 in two years - correct?", ["Yes.", "12 in 2011/12 to 71 in 2013/14"],
         ["Not 12"]),
        ("published went from 31 to 12, right?", ["No. The other way round"], []),
        ("Were as many SCRs published as commissioned in 2013/14?", ["No.", "71", "114"], []),
        ("Is it correct that the total published over the three years (114) equals the number commissioned in "
         "2013/14?", ["Yes.", "114 each"], []),
        ("My manager said it was Eileen Munro who recommended Ofsted stop evaluating SCRs. Right?",
         ["Yes. Professor Eileen Munro recommended"], ["No"]),
    ],
)
def test_blind_31_32_verdicts(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("If commissions went up by the same number in 2014/15 as they did in 2013/14, how many would there be?",
         ["about 147", "not a forecast"], ["no figures for 2014/15"]),
        ("If published SCRs grew by the same percentage again after 2013/14, how many would be published?",
         ["about 162.6", "not a forecast"], []),
        ("How many SCRs will be published next year?", ["no forecast"], ["147"]),
    ],
)
def test_the_same_rise_again_is_arithmetic_not_a_forecast(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_times_bigger_then_in_percent_after_two_years(engine):
    replies = say(engine, "How many SCRs were published in 2013/14?", "what about 2011/12?",
                  "how many times bigger is the later figure?", "and in percentage terms?")
    assert "5.9 times" in replies[2].text and "+491.7%" in replies[3].text, [r.text for r in replies]


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Is 'a key factor behind the rise' a direct quote from Woolmore?",), ["No:", "report"], ["Yes"]),
        (("Is it true that Ofsted stopping evaluations was the key factor according to the children's minister?",),
         ["No", "Woolmore"], ["Yes"]),
        (("Which people are named in the article?",), ["Timpson", "Woolmore", "Munro"], []),
        (("Good afternoon. Could you confirm the number of SCRs commissioned in 2012/13 and 2013/14, and the "
          "percentage increase between them?",), ["81", "114", "+40.7%"], []),
        (("how much did published SCRs rise from 2011/12 to 2012/13?", "and the next year?",
          "so which rise was bigger?", "and in percentage terms?"), ["+158.3%", "+129"], ["38.3%"]),
        (("difference in commissioned SCRs between 2012/13 and 2013/14?",
          "if it rose by the same number again the next year, what would that give?"), ["147", "not a forecast"], []),
    ],
)
def test_blind_33_fixes(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


def test_compared_to_another_year_keeps_the_later_one(engine):
    text = say(engine, "were more SCRs commissioned in 2013/14 than in 2012/13?", "by how much?",
               "is that more than double?", "what about compared to 2011/12?")[-1].text
    assert "55 in 2011/12 to 114 in 2013/14" in text and "more than doubled" in text, text


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Highest annual publication figure mentioned?",), ["71", "2013/14"], ["not sure"]),
        (("How much bigger was the increase in published SCRs in 2013/14 than the increase the year before?",),
         ["40 against 19", "21 more"], []),
        (("If every SCR commissioned in 2013/14 had been published that year, how many more publications would "
          "there have been?",), ["43"], []),
        (("if commissions doubled from the 2013/14 level, how many would that be?",), ["228", "not a forecast"],
         ["No."]),
        (("if published fell by 20 percent next year, how many would be published?",), ["56.8"], []),
        (("Does the total published across the three years equal the number commissioned in 2013/14?",),
         ["Yes.", "114 (12 + 31 + 71)"], []),
        (("Total commissioned across all three years?", "and published?",
          "hang on, isn't that the same as the 2013/14 commissioned figure?"), ["Yes.", "114"], []),
        (("Did Ofsted stop evaluating SCRs during the 2012/13 financial year?",), ["Yes.", "July 2012"], []),
        (("Did Ofsted stop evaluating SCRs in 2013/14?",), ["No.", "July 2012 falls in the 2012/13"], []),
        (("was the panel set up in 2013/14?",), ["doesn't say", "2012/13 and 2013/14"], ["Yes", "No."]),
        (("True or false: the Working Together revisions made the SCR process more prescriptive. Answer yes if "
          "true, no if false.",), ["No.", "flexibility"], ["Yes"]),
        (("Ofsted stopped evaluating in 2013. Answer yes or no.",), ["No.", "July 2012"], []),
        (("How did the previous system get in the way of publication?",), ["designed with publication"],
         ["2011/12: 12"]),
        (("Was the Ofsted change the only factor Woolmore mentioned?",), ["No:", "Working Together"], []),
        (("What did the greater flexibility mean in practice?",), ["flexibility", "family history"], []),
        (("Is the line about the SCR panel not contributing significantly a direct quote?",), ["No:", "reports"],
         []),
        (("Under the new guidance, do boards still have to go back 20 years?",), ["No.", "need not go back"],
         ["I have figures"]),
        (("Please can you confirm (a) how many SCRs were published in 2013/14 and (b) what Sue Woolmore "
          "identified as the key factor behind the rise.",), ["71", "Ofsted"], []),
        (("Who said the old SCR process was very prescriptive?", "was that a direct quote?"), ["Yes:", "own words"],
         []),
        (("Which year had the biggest gap between commissioned and published SCRs?",
          "what was the gap in the other two years?"), ["2011/12: 55 − 12 = 43", "2013/14: 114 − 71 = 43",
                                                         "Over 2011/12 and 2013/14"], ["2012/13: 81"]),
        (("Is it right that 114 SCRs were published in 2013/14?", "what's the 114 then?", "and in 2012/13?"),
         ["81", "commissioned"], []),
        (("Quote me Woolmore on the Ofsted change", "when did the evaluations end?",
          "how many SCRs were commissioned in that financial year?", "and the year after?"), ["114"], []),
        (("If commissions rose by the same number again in 2014/15 as they did in 2013/14, what would we get?",
          "and publications, same logic?"), ["111"], []),
        (("If commissions rose by the same number again in 2014/15 as they did in 2013/14, what would we get?",
          "are those actual figures in the article?"), ["No.", "arithmetic"], []),
        (("Who chairs the Association of Independent Local Safeguarding Children Board Chairs?",
          "what did she call pivotal?"), ["Working Together"], []),
        (("what did Woolmore call pivotal?", "what was the other reason?"), ["Ofsted"], ["pivotal"]),
        (("ratio of commissioned to published in 2013/14?", "and 2011/12?",
          "so which year came closer to publishing everything it commissioned?"), ["Highest: 2013/14"], []),
    ],
)
def test_blind_34_fixes(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Which year saw the larger percentage increase in commissioned SCRs?",), ["2012/13", "+47.3%"],
         ["+107.3%"]),
        (("What was the biggest single-year rise in published SCRs, in absolute terms?",), ["2013/14", "up 40"], []),
        (("Does the article say whether the 71 published in 2013/14 were commissioned that year?",),
         ["doesn't say"], ["Yes"]),
        (("Our LSCB commissioned 4 SCRs in 2013/14. What share of the national total is that?",),
         ["4 of the 114", "3.5%", "not one the article gives"], ["No."]),
        (("Our LSCB published 2 SCRs in 2012/13. What share of the national published figure is that?",),
         ["2 of the 31", "6.5%"], []),
        (("We published 3 SCRs last year. How does that compare to the national number published in 2013/14, "
          "as a share?",), ["3 of the 71", "4.2%"], ["no figures for last year"]),
        (("Did Munro set up the SCR panel?",), ["No: it was the government, not Professor Eileen Munro"], []),
        (("If commissioned SCRs kept growing at the 2012/13-to-2013/14 rate, how many would there be in 2014/15?",),
         ["+40.7%", "about 160.4", "not a forecast"], []),
        (("Was flexibility given to LSCBs in 2012?",), ["No.", "March 2013"], []),
        (("Does the article say the old system was designed with publication in mind?",),
         ["No.", "wasn’t designed with publication in mind"], []),
        (("What's the main point of the article?",), ["dramatic increase", "Woolmore"], ["Everything I say"]),
        (("What organisations are mentioned?",), ["Ofsted", "CYP Now", "Serious Case Review panel"], []),
        (("What's the average time to complete an SCR?",), ["doesn't say"], []),
        (("Why did Munro recommend Ofsted stop evaluating SCRs?",), ["doesn't say"], []),
        (("Are SCRs now better quality?",), ["doesn't say anything about the quality"], ["2013/14: 114"]),
        (("What drove the rise?", "who said so?"), ["Sue Woolmore (chair"], ["Munro (author"]),
        (("How many SCRs were published in 2011/12?", "out of how many?", "what share is that?", "and now?"),
         ["no figures for today", "62.3%"], []),
        (("What happened in 2011?", "who found that?"), ["By CYP Now"], []),
        (("commissioned 2011/12?", "and published?", "the gap?", "and in 2013/14?", "so did it change?"),
         ["stayed at 43", "unchanged"], []),
        (("Published in 2013/14?", "compared with the two years before combined?"), ["43 (12 + 31)", "28 more"],
         []),
        (("Published in 2013/14?", "compared with the two years before combined?", "by how much?", "in percent?"),
         ["+65.1%"], ["+491.7%"]),
        (("Which year had the lowest publication rate?", "what was it?"), ["21.8%"], ["Terms I can explain"]),
        (("Which year had the lowest publication rate?", "and the highest?", "how many times higher?"),
         ["2.9 times as high"], ["5.9 times"]),
        (("What did Munro recommend?", "which one came first?"), ["July 2012", "came before"], []),
        (("What did Munro recommend?", "how many months between them?"), ["8 months"], []),
        (("What did Woolmore say about Ofsted?", "and about the panel?", "is that quoted?"), ["No:", "reports"],
         []),
        (("published in 2013/14?", "and commissioned in 2011/12?", "which is bigger?"),
         ["71 published in 2013/14 is bigger, by 16"], []),
        (("what was the gap in 2012/13?", "and in 2013/14?", "which is bigger?"),
         ["The gap in 2012/13 is bigger, by 7"], []),
    ],
)
def test_review_eight_fixes(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("commissioned in 2013/14?", "in percent of the total over three years?", "and 2012/13?"),
         ["81 of the 250", "32.4%"], ["38.3%"]),
        (("How many SCRs were published in 2013/14?", "and how does that compare with 2012/13 in percent?"),
         ["+129%"], []),
        (("commissioned in 2012/13?", "is that more than double 2011/12?", "what would double have been?"),
         ["55", "Doubled, that would be 110"], []),
        (("What does LSCB stand for?", "what did they have to do before?", "how far back?"), ["up to 20 years"], []),
        (("What's the difference between the increase in commissioned reviews in 2012/13 and in 2013/14?",),
         ["26 against 33", "7 fewer"], []),
        (("Which year added more commissioned reviews?",), ["2013/14", "up 33"], ["Most SCRs commissioned"]),
        (("For a press release: summarise the reasons for the rise, who gave them, and whether anyone "
          "disagreed.",), ["Woolmore", "no one disagreeing"], ["not sure what you mean"]),
        (("Did anyone in the article say the rise reflects more children being harmed? If not, what does the "
          "article attribute it to?",), ["harm to children", "Ofsted"], []),
        (("What did the article say about whether the previous system was designed for publication, and who "
          "said it?",), ["No.", "That was Sue Woolmore"], []),
    ],
)
def test_review_eight_conversations_and_long_asks(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("Does the article explain why SCRs dropped after the coalition policy?",), ["doesn't say why"], ["Yes"]),
        (("Does the article say SCRs improved child safety?",), ["doesn't say anything about harm"], ["Yes"]),
        (("Should my board publish all our SCRs?",), ["doesn't judge"], ["2013/14: 71"]),
        (("How many people are named in the article?",), ["Three people", "Timpson", "Munro"], ["doesn't give"]),
        (("is 114 a lot more than 55?",), ["Yes.", "up 59"], ["Not 114"]),
        (("is 31 bigger than 55?",), ["No."], []),
        (("Our LSCB commissioned 6 SCRs in 2013/14.",), ["6 of the 114", "5.3%"], ["Not 6"]),
        (("my notes say 71 were published in 2013/14",), ["Yes. 71 is right"], ["71 of the 71"]),
        (("What share of the increase in published SCRs between 2011/12 and 2013/14 came in the final year?",),
         ["40 of that came in 2013/14", "67.8%"], []),
        (("What percentage of the growth in commissioned SCRs over the whole period happened in the last year?",),
         ["33 of that", "55.9%"], []),
        (("If 2013/14 commissioning had risen at 2012/13's percentage rate, how many would have been "
          "commissioned?",), ["+47.3%", "about 119.3", "114 actually"], []),
        (("How many weren't published in 2012/13, i.e. commissioned minus published?", "And in 2013/14?",
          "Did the gap shrink or grow?", "By what percent?"), ["50 in 2012/13 to 43 in 2013/14", "-14%"], []),
        (("published in 2012/13?", "What share of the three-year published total is that?", "And 2011/12's share?"),
         ["12 of the 114", "10.5%"], ["21.8%"]),
        (("Published in 2011/12?", "Double it"), ["Doubled, that would be 24"], []),
        (("Give me the figures for 2013/14", "What period does that cover?"), ["April 2013 to March 2014"], []),
        (("Did Munro set up the SCR panel?", "Who did?"), ["By the government"], ["two reasons"]),
    ],
)
def test_review_nine_fixes(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("hw many scr's wer comissioned in 2012-13??",), ["81"], []),
        (("who r the munro guy?",), ["Eileen Munro"], ["outside what I know"]),
        (("diff btwn comm and pub 2013 14",), ["43"], []),
        (("My essay says Ofsted ceased evaluating SCRs on Munro's recommendation. Does the article support that?",),
         ["Yes.", "Munro"], ["view of the causes"]),
        (("How many of the SCRs commissioned in 2011/12 were published in 2012/13?",), ["doesn't say"], []),
        (("Do we still have to go back 20 years?",), ["No.", "need not go back"], ["I have figures"]),
        (("Tell me about the old system",), ["prescriptive", "20 years"], ["Terms I can explain"]),
        (("Which financial year is 'between 2011 and 2012'?",), ["2011/12", "April 2011 to March 2012"], []),
        (("Who used the word 'spike'?",), ["“spike” is in this sentence", "Woolmore"], []),
        (("I'm told the rise was 'dramatic'. Who said that?",), ["Timpson"], ["The people named"]),
    ],
)
def test_review_nine_words_and_spellings(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("If half of the 2013/14 commissioned SCRs had been published, how many would that be?",),
         ["114", "Halved, that would be 57"], []),
        (("How many more would have needed to be published in 2013/14 for every commissioned SCR to be published?",),
         ["43 more commissioned than published"], ["ratio"]),
        (("did the rise begin in 2013?",), ["No.", "from 2012"], ["Yes"]),
        (("Timpson attributed the rise to the end of Ofsted evaluation in July 2012 and to the revised Working "
          "Together guidance in March 2013. What's wrong with this?",),
         ["No: it was Sue Woolmore who gave those reasons, not Edward Timpson"], []),
        (("someone said the numbers went up because Ofsted started checking reviews more strictly. Is that right?",),
         ["No: the opposite", "ceased evaluating"], ["Yes"]),
    ],
)
def test_review_nine_verdicts(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Is it true that Woolmore said the previous SCR system wasn't really designed with publication in mind?",
         ["Yes.", "designed with publication"], []),
        ("Which government's policy of publishing SCRs is mentioned at the end?", ["coalition"], ["outside"]),
        ("From when did Timpson say the dramatic increase started?", ["2012"], ["doesn't say"]),
        ("What period does the 2013/14 figure cover?", ["April 2013 to March 2014"], []),
        ("Why weren't all the SCRs commissioned in 2013/14 published?", ["doesn't say why"], ["two reasons"]),
        ("What happened to the SCR figures after 2013/14 - did they keep going up?", ["no forecast"], []),
    ],
)
def test_set_32_misses(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("What are LSCBs in the context of this article?", ["Local Safeguarding Children Board"], []),
        ("How does the new system differ from the old one?", ["flexibility"], ["not sure"]),
        ("is it true these serious case review things have been going down in number??", ["No.", "up 40"], []),
        ("Did the number of SCRs ever fall, according to the article?", ["Yes", "dropped sharply"], ["No."]),
        ("from what year did SCR numbers start rising dramatically?", ["from 2012"], ["Most SCRs"]),
        ("Give me the published figures for each of the three years and the overall total", ["Together: 114"], []),
    ],
)
def test_set_31_misses(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("What did Munro recommend?", "when?"), ["doesn't say when"], ["Key events"]),
        (("What does Woolmore say is the key factor behind the rise in SCRs?", "whose idea was that?",
          "when did it happen?"), ["July 2012"], []),
        (("did the SCR panel drive the rise?", "why not?"), ["doesn't give her reasons"], ["two reasons"]),
        (("what was the gap in 2013/14?", "why?"), ["doesn't say why"], ["two reasons"]),
        (("How many SCRs were published in 2012?", "I mean 2012/13", "and commissioned that year?"), ["81"], []),
        (("How many SCRs were there in 2013/14?", "I mean commissioned"), ["114 SCRs were commissioned"],
         ["average"]),
        (("How many SCRs were there in 2013/14?", "I mean commissioned", "and how does that compare with 2011/12?"),
         ["55 in 2011/12 to 114 in 2013/14"], []),
        (("how much did commissioned rise from 2011/12 to 2012/13?", "and published?",
          "which increased more in absolute terms?", "in relative terms?"), ["+158.3%", "+47.3%"], ["21.8%"]),
        (("share published in 2012/13?", "and 2013/14?", "which is lower?"), ["2012/13: 38.3%", "lower"], []),
        (("published in 2013/14?", "and commissioned in 2011/12?", "which is smaller?"),
         ["55 commissioned in 2011/12 is smaller, by 16"], []),
        (("commissioned in 2013/14?", "and 2012/13?", "what's the average of those two?", "and for published?"),
         ["51"], ["38"]),
    ],
)
def test_review_ten_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("did Timpson promise anything?",), ["no promise"], []),
        (("does the article say it will continue?",), ["no forecast"], []),
        (("what's the last thing the article mentions?",), ["CYP Now"], []),
        (("Who said it was pivotal?", "is 'pivotal' her exact word?"), ["No:", "report"], []),
        (("What did Munro recommend?", "is she quoted?"), ["No."], []),
        (("Is Sue Woolmore a government official?",), ["No.", "chair"], ["Everything I say"]),
        (("is Woolmore an MP?",), ["No."], []),
        (("What's the date of the article?", "who wrote it?"), ["not recorded"], ["The people named"]),
        (("What does LSCB stand for?", "how many are there in England?"), ["doesn't give that number"], ["114"]),
    ],
)
def test_review_ten_people_and_unknowns(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("The 2011/12 commissioned figure is what percentage of the 2013/14 one?",), ["55", "48.2%", "114"], []),
        (("published in 2011/12 as a percentage of published in 2013/14?",), ["16.9%"], ["21.8%"]),
        (("published in 2011/12?", "and what percentage of the 2013/14 figure is that?"), ["16.9%"], ["62.3%"]),
        (("percentage point change in the share of SCRs published, 2011/12 vs 2013/14?",), ["40.5"], ["591"]),
        (("publication rate in 2011/12?", "and 2012/13?", "and 2013/14?", "so how many percentage points overall?"),
         ["21.8% in 2011/12 to 62.3% in 2013/14", "40.5 percentage points"], []),
        (("what share of the three-year published total came in 2013/14?", "and commissioned share for the same year?"),
         ["114 of the 250", "45.6%"], ["62.3%"]),
    ],
)
def test_review_ten_computed(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Sanity check: published SCRs went from 31 to 71, a rise of 40, about 130%", ["Yes.", "+129%"], ["Not 40"]),
        ("published scrs up 129 per cent in 2013/14 - correct?", ["Yes.", "+129%"], ["Not 129"]),
        ("did the number of published SCRs more than quintuple from 2011/12 to 2013/14", ["Yes.", "up 59"],
         ["down 59"]),
        ("was the CYP Now investigation before the rise?", ["Yes", "2011", "2012"], []),
        ('is "spike in the figures" woolmore\'s quote?', ["No:", "report"], ["Yes"]),
        ('did woolmore actually say "a key factor" in quotes or is that paraphrased', ["No:", "report"], ["Yes"]),
        ("how many people are quoted directly", ["Quoted directly in the article: Sue Woolmore"], ["Three people"]),
        ("who is quoted in the article", ["Quoted directly in the article: Sue Woolmore"], []),
        ("how many scrs were commsd in 13-14", ["114"], []),
    ],
)
def test_review_eleven_verdicts(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("I think published went from 12 to 71",), ["Yes.", "+491.7%"], ["doesn't define"]),
        (("total commissioned?", "and published?", "so what % overall"), ["114 of 250 (45.6%)"], []),
        (("commissioned 11/12?", "and published", "so how many weren't"), ["43 more commissioned than published"],
         []),
        (("who is woolmore", "what org"), ["Association of Independent Local Safeguarding Children Board Chairs"],
         ["outside"]),
        (("publication rate 2012/13?", "compared with the next year?"), ["2013/14"], ["no forecast"]),
    ],
)
def test_review_eleven_followups(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("what is a parliamentary question", ["PQ stands for parliamentary question"], ["The people named"]),
        ("what if Ofsted had kept evaluating SCRs - would numbers have still risen?",
         ["doesn't say what would have happened otherwise"], ["what is the case today"]),
        ("what replaced serious case reviews", ["doesn't say"], ["personal details"]),
        ("Did Labour introduce SCR publication?", ["coalition government"], ["personal details"]),
        ("why are SCRs published at all", ["doesn't say why SCRs are published"], ["two reasons"]),
        ("what did ofsted think about stopping evaluations", ["doesn't report anything Ofsted said"], []),
        ("what happened to SCRs after 2014", ["no forecast"], []),
        ("how many months between july 2012 and march 2013", ["8 months", "Ofsted", "Working Together"], []),
        ("How many SCRs were published in the twelve months from April 2012 to March 2013?", ["31"], ["months."]),
    ],
)
def test_review_eleven_words(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("give me the figures for all three years and the publication rate for each",),
         ["21.8% (12 of 55)", "62.3% (71 of 114)"], []),
        (("Our team is debating whether the 2013 guidance or the end of Ofsted evaluation mattered more. What does "
          "the article actually say about which was more important?",),
         ["doesn't rank them", "key factor", "pivotal"], ["“a key factor”"]),
        (("What drove the rise?", "which was more important?"), ["doesn't rank them"], []),
    ],
)
def test_review_eleven_long(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


def test_a_figure_asked_again_after_one_is_checked(engine):
    text = say(engine, "how many were commissioned in 2013/14?", "was it 140?")[-1].text
    assert text.startswith("No. Not 140") and "114" in text, text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("how did commissioned change year on year?", ["growth slowed (+47.3% then +40.7%)", "larger in numbers"], []),
        ("published went from 31 to 71 - what's that in %?", ["31 in 2012/13 to 71 in 2013/14", "+129%"], []),
        ("what share of the 3-yr commissioned total came in 2013/14?", ["114 of the 250", "45.6%"], []),
        ("Hi, I'm fact-checking a piece that says: 'In 2013/14, 114 serious case reviews were commissioned, up from "
         "81, and 71 were published, up from 31 the year before.' Is every figure there correct?",
         [], ["internal error"]),
    ],
)
def test_set_37_first_misses(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_a_list_ends_with_its_own_question_not_the_thanks_after_it(engine):
    text = one(engine, "Could someone tell me (1) how many SCRs were commissioned and published in 2013/14, and (2) "
                       "what the equivalent figures were for the year before? Thanks so much, really appreciated.")
    assert "114" in text and "81" in text and "31" in text, text


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Was it the Working Together revision that Woolmore called a key factor behind the rise?",
         ["No:", "Ofsted ending its evaluation of SCRs was a key factor"], ["Yes"]),
        ("Was it Woolmore who revealed the figures in answer to a parliamentary question?",
         ["No: it was Edward Timpson, not Sue Woolmore"], ["Yes"]),
        ("How many commissioned SCRs have never been published?", ["doesn't say"], ["2013/14: 114"]),
        ("How many recommendations did Munro's review make in total?", ["doesn't say"], ["250"]),
        ("How many SCRs were commissioned in the three months after Ofsted stopped evaluating them?",
         ["doesn't break the figures down"], ["114"]),
    ],
)
def test_set_35_verdicts_and_unknowns(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("is the 3-year total of published SCRs the same as the number commissioned in 13/14?", ["Yes.", "114"], []),
        ("'Published SCRs rose nearly sixfold between 2011/12 and 2013/14' - defensible?", ["Yes."], []),
        ("what kind of review did munro do", ["child protection review"], ["not sure"]),
        ("what's Woolmore's overall argument in this article?", ["Ofsted", "Working Together"], ["250"]),
        ("someone here said woolmore chairs ofsted. is that right?", ["No.", "Association"], ["Yes"]),
    ],
)
def test_set_37_claims_and_words(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Was the 2013 review panel set up by Ofsted?", ["No: it was the government, not Ofsted"], []),
        ("What is the name of the child in the most recently published SCR?", ["doesn't say"], ["71"]),
    ],
)
def test_set_36_after_scoring(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


# -- lists: numbered, lettered or roman items, each answered; their labels are never figures -----------
@pytest.mark.parametrize(
    ("message", "needles", "unwanted"),
    [
        ("Deadline in 20 mins!! need: 1) 13/14 commissioned 2) 13/14 published 3) % published. go",
         ["114 SCRs were commissioned", "71 SCRs were published", "62.3%"], ["Not 20", "No."]),
        ("I'm preparing a briefing note. Please give (a) the rise in commissioned SCRs between 2011/12 and 2013/14"
         " as a number and percentage, (b) the same for published, and (c) which grew faster.",
         ["+107.3%", "+491.7%", "published grew faster"], ["outside what I know"]),
        ("Is it true that (1) 55 SCRs were commissioned in 2011/12 and (2) 12 were published that year?",
         ["55 is right", "12 is right"], ["Not 1", "No."]),
        ("Journalist fact-check, three claims: a) Timpson is children's minister b) Woolmore chairs the "
         "Association of Independent LSCB Chairs c) Munro led the SCR panel",
         ["Yes. Edward Timpson: children's minister", "Yes. Sue Woolmore"], ["can't answer"]),
        ("Check: (i) Ofsted stopped July 2012 (ii) Working Together March 2013",
         ["Yes. Ofsted ceased evaluating SCRs from July 2012", "March 2013"], ["not sure what you mean"]),
        ("Please check three claims for me: (1) 114 SCRs were commissioned in 2013/14; (2) 31 were published "
         "in 2013/14; (3) Ofsted stopped evaluating SCRs in July 2012.",
         ["Yes. 114 is right", "Not 31: the figure is 71", "Yes. Ofsted ceased"], []),
        ("Hi bot, I'm a family court adviser.\n1. How many SCRs were commissioned in 2011/12?\n"
         "2. And in 2013/14?\n3. Is that a doubling?", ["55 SCRs were commissioned", "114"], ["Not 3"]),
    ],
)
def test_listed_items_are_each_answered_and_their_labels_are_not_claims(engine, message, needles, unwanted):
    text = one(engine, message)
    reply_says(text, needles, unwanted)
    assert text.count("I read that as the financial year 2011/12") <= 1  # a shared note, said once


# -- claims: the figures a claim works from, "agree?", a count's change in %, "in any year" ---------------
@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ('Draft line: "Between 2012/13 and 2013/14, published SCRs rose by 40, from 31 to 71." Accurate?',
         ["Yes.", "up 40"], ["Not 31"]),
        ("In 2011/12 just 12 of 55 were published - about one in five. Fair summary?", ["Yes.", "21.8%"], ["No."]),
        ("Right or wrong: published went from 12 to 31 to 74?", ["No.", "74", "71"], ["Yes"]),
        ("Commissioned SCRs doubled between 2012/13 and 2013/14 - agree?", ["No.", "1.4"], ["view"]),
        ("Do you agree that published SCRs more than doubled in 2013/14?", ["Yes.", "31", "71"], ["view"]),
        ("Published SCRs grew faster than commissioned ones over the period - agree?",
         ["published grew faster", "+491.7%"], ["view"]),
        ("is 158% right for published 2011/12 to 2012/13?", ["Yes.", "158.3%"], ["21.8%"]),
        ("Commissioned rose by about half between 2011/12 and 2012/13 - fair?", ["Yes.", "47.3%"], ["points"]),
        ("Did commissioned SCRs rise by more than 50% in any year?", ["No.", "+47.3%", "+40.7%"], ["+107.3%"]),
        ("Did commissioned SCRs grow by at least 50% in any single year?", ["No.", "+47.3%"], ["Yes"]),
        ("was there any year when published rose by over 150%?", ["Yes.", "+158.3%"], ["+491.7%"]),
        ("Did more than 100 get commissioned in any year?", ["Yes."], []),
    ],
)
def test_claims_read_as_their_sayer_means_them(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


# -- two cells, each measure with its own year ----------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Difference between commissioned in 2011/12 and published in 2013/14?", ["55", "71", "16 fewer"], ["43"]),
        ("What's the difference between the number published in 2013/14 and the number commissioned in 2011/12?",
         ["16 more"], ["stayed at 43"]),
        ("How many times bigger was the 2013/14 commissioned number than the 2012/13 published number?",
         ["114", "31", "3.7 times"], ["1.4 times"]),
        ("How much bigger was the 2013/14 commissioned figure than the 2011/12 published figure, as a multiple?",
         ["9.5 times"], ["2.1 times"]),
        ("What's the combined total of SCRs commissioned in 2011/12 and published in 2013/14?", ["126"], ["169"]),
        ("Compare published in 2013/14 with commissioned in 2012/13 - which is bigger?", ["10 fewer"], []),
        ("Commissioned 2012/13 is what percentage of commissioned 2013/14?", ["81", "114", "71.1%"], ["38.3%"]),
        ("Published 2011/12 as a percentage of published 2013/14?", ["16.9%"], ["21.8%"]),
    ],
)
def test_two_cells_each_with_its_own_year(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


def test_that_year_after_a_question_about_a_person_is_the_year_asked_before(engine):
    """Review 13: a who-is answer's sentence is dated, but its date is no year the asker has asked about."""
    replies = say(engine, "how many SCRs were commissioned in 2013/14?", "who is Sue Woolmore?",
                  "how many were published that year?")
    reply_says(replies[-1].text, ["71", "2013/14"], ["31"])
    replies = say(engine, "when did Ofsted stop evaluating SCRs?", "how many were published that year?")
    reply_says(replies[-1].text, ["31", "2012/13"], [])  # an event's answer still dates the year after it


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Is it a direct quote that Ofsted ceasing evaluations was a key factor?", ["No:", "reported speech"],
         ["Yes"]),
        ("Is the statement that the SCR panel didn't contribute significantly a direct quote or reported speech?",
         ["reported speech", "does not believe"], []),
        ("Did Woolmore say in her own words that Working Together was pivotal?", ["No:", "pivotal"], ["Yes"]),
        ("Is the bit about family history going back 20 years a direct quote?", ["Yes:", "20 years"], ["No"]),
        ("Is Timpson quoted directly?", ["No.", "Edward Timpson"], ["Yes"]),
    ],
)
def test_a_statement_described_in_other_words_is_told_quoted_or_reported(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("whats the % jump in pubs 12/13 to 13/14", ["+129%"], ["outside what I know"]),
        ("did published SCRs treble between 2012/13 and 2013/14", ["No.", "2.3 times"], []),
        ("My draft says the publication rate nearly tripled from 2011/12 to 2013/14. OK?", ["Yes.", "2.9"],
         ["not sure what you mean"]),
        ("Which measure had the bigger percentage growth between 2011/12 and 2012/13?",
         ["published grew faster", "+158.3%", "+47.3%"], []),
        ("What's 114 minus 81?", ["up 33"], ["• 2012/13: 81"]),
        ("were almost two thirds of commissioned SCRs published in 2013/14?", ["Yes.", "62.3%"], []),
    ],
)
def test_words_a_busy_asker_uses(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "unwanted"),
    [
        ("What date was this article published and who wrote it?", ["not sure what you mean"]),
        ("Were any SCRs commissioned but never published because of legal proceedings?", ["55 − 12"]),
        ("Is Sue Woolmore a social worker by background?", ["No."]),
        ("How many SCRs involved babies under one?", ["114"]),
        ("What was the average time between commissioning and publication?", ["45.3"]),
        ("How far did SCR numbers drop after the coalition policy was introduced - give me the percentage.", ["81"]),
        ("What was the title of Munro's review?", []),
        ("How many SCRs led to prosecutions?", ["not sure what you mean"]),
        ("Which government department set up the SCR panel?", ["outside what I know"]),
        ("How many reviews did the SCR panel consider in 2013/14?", ["114"]),
        ("Is publication of SCRs mandatory?", ["• 2011/12: 12"]),
        ("How many SCRs per 100,000 children were commissioned in 2013/14?", ["114 SCRs"]),
        ("What proportion of LSCBs published at least one SCR in 2013/14?", ["62.3%"]),
        ("How many SCRs were published within six months of completion?", ["• 2011/12: 12"]),
        ("What is the Working Together guidance's full publication date (day)?", []),
        ("How many SCRs are published within a year of being commissioned?", ["55 commissioned"]),
        ("Did the government set up the SCR panel to cut costs?", ["doesn't give that number"]),
        ("Did Ofsted stop evaluating SCRs because of budget cuts?", ["doesn't give that number"]),
        ("Who replaced SCRs?", ["personal details"]),
        ("Did the Munro review come out in 2011?", ["who holds each post"]),
        ("How many SCRs did Woolmore's own board commission?", ["• 2011/12: 55"]),
        ("Which SCR prompted the parliamentary question?", ["The people named"]),
        ("Is there a link to the parliamentary answer?", ["not sure what you mean"]),
    ],
)
def test_review_14_unknowns_say_the_article_does_not_say(engine, question, unwanted):
    reply = ask(engine, question)
    assert reply.kind == "decline" and reply.entities.get("declined") == "doesnt_say", reply.text
    reply_says(reply.text, [], unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Who is the minister for children?", ["Edward Timpson"], ["outside what I know"]),
        ("Where in the article does it say 20 years?", ["here:", "up to 20 years", "Woolmore"], ["It begins"]),
        ("Where does the article mention the SCR panel?", ["does not believe the creation"], ["It begins"]),
        ("which sentence mentions Munro?", ["2 places", "Professor Eileen Munro"], []),
        ("what's the latest figure?", ["114", "71", "2013/14"], ["runs from 1 April"]),
    ],
)
def test_review_13_lookups(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Did the number of SCRs fall in 2011?", ["Yes", "CYP Now", "no figures for that drop"], ["No."]),
        ("Was there ever a fall in SCR numbers?", ["Yes, before these figures", "CYP Now", "rose every year"],
         ["No."]),
        ("was there a decrease in SCRs at some point?", ["Yes", "CYP Now"], ["No."]),
        ("did SCRs fall?", ["No.", "Before these figures, though"], []),
    ],
)
def test_a_fall_the_article_reports_before_its_figures(engine, question, needles, unwanted):
    text = one(engine, question)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("how many SCRs were commissioned in 2012/13?", "are you sure?", "that's wrong, it was 31"),
         ["No.", "Not 31", "81", "31 is the number of SCRs published in 2012/13"], ["Yes"]),
        (("How many SCRs were published in 2013/14?", "that's wrong, it was 81"), ["No.", "Not 81", "71"], []),
        (("How many SCRs were published in 2012/13?", "and commissioned?", "sure it wasn't 71?"),
         ["No.", "Not 71", "81"], ["panel"]),
        (("In 2012/13 how many SCRs were published?", "is that right? I read 81"),
         ["No.", "Not 81", "31", "commissioned in 2012/13"], []),
        (("how many SCRs were commissioned in 2013/14?", "I think you're wrong, the article says 104"),
         ["No.", "Not 104", "114"], []),
        (("how many SCRs were published in 2013/14?", "no it was 71 right?"), ["Yes.", "71 is right"], []),
    ],
)
def test_a_figure_put_against_the_last_answer_is_checked(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("How many serious case reviews were commissioned in 2013-14?", "And in 2012-13?", "And in 2011-12?",
          "add them up"), ["250", "2011/12 to 2013/14"], ["up 26"]),
        (("How many SCRs were published in 2011/12?", "what was it two years later?", "what explains the change?"),
         ["Woolmore", "Ofsted"], ["up 59"]),
        (("What was the parliamentary question about?", "who answered it?"), ["Edward Timpson"], ["people named"]),
        (("who is the children's minister?", "what did he reveal?", "is that his exact words?"),
         ["No:", "doesn't quote him directly"], []),
    ],
)
def test_review_13_conversations(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


def test_why_asks_for_the_reasons_when_they_match_as_well_as_the_figures(engine):
    reply_says(one(engine, "why did the publication rate go up?"), ["Woolmore", "Ofsted"], ["• 2011/12: 21.8%"])


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("how many scrs published 13/14", "thx and commissioned"), ["114 SCRs were commissioned"], ["not sure"]),
        (("how many scrs published 13/14", "thanks, and commissioned?"), ["114"], ["not sure"]),
        (("how many scrs published 13/14", "thanks"), ["welcome"], []),
        (("How many SCRs were commissioned in 2011/12?", "And how many in 2013/14?", "Is it fair to say they doubled?"),
         ["Yes.", "2.1"], ["not sure"]),
        (("How many SCRs were published in 2013/14?", "OK, how many were commissioned that year?",
          "And the percentage published?"), ["62.3%"], []),
        (("Is it true 71 SCRs were published in 2013/14?", "And 114 commissioned?",
          "What about 81 published in 2012/13?"),
         ["No.", "Not 81", "31", "81 is the number of SCRs commissioned in 2012/13"], ["about 81"]),
    ],
)
def test_review_12_conversations(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("message", "needles", "unwanted"),
    [
        ("Please confirm: Ofsted stopped evaluating in July 2012, Working Together revised March 2013, SCR panel "
         "set up 2014.", ["Yes. Ofsted ceased", "Yes. In March 2013", "No. In 2013"], ["not sure"]),
        ("Team - prepping a briefing. • What's the published figure for 2013/14? • What % of commissioned is that? "
         "• Who explained the rise and what was her main reason?", ["71 SCRs were published", "62.3%", "Woolmore"],
         []),
        ("Two things please. First, how many SCRs were published across 2012/13 and 2013/14 together. Second, did "
         "Woolmore say anything about family history?", ["102", "family history"], []),
        ("Please give me the number published in 2012/13; the number published in 2013/14; and tell me whether "
         "that's more than double?", ["31", "71", "Yes.", "more than double"], ["can't answer"]),
        ("Can you give me the published figures for all three years, plus the percentage change from the first to "
         "the last year?", ["• 2012/13: 31", "+491.7%"], ["no change to compare"]),
        ("Published figure for 2011/12 please, and the quote about the old system being prescriptive.",
         ["12 SCRs were published", "very prescriptive"], ["can't answer"]),
        ("is it true that SCR panel set up 2014", ["No.", "2013"], []),
    ],
)
def test_review_14_long_messages(engine, message, needles, unwanted):
    text = one(engine, message)
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("How many were published in 2012/13?", "What about commissioned in 2011/12?", "Which is larger?"),
         ["55 commissioned in 2011/12 is bigger, by 24"], ["That comes from"]),
        (("Published SCRs in 2011/12?", "Is that right, only 12?"), ["Yes.", "12 is right"], ["say a bit more"]),
        (("What's the trend in commissioned SCRs?", "Is it accelerating?"),
         ["Partly.", "up 26 then up 33", "+47.3% then +40.7%"], ["outside what I know"]),
        (("is growth in published SCRs accelerating?",), ["Partly.", "up 19 then up 40", "+158.3% then +129%"], []),
    ],
)
def test_review_14_conversations(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("By what percentage did the publication rate increase from 2012/13 to 2013/14?",
         ["up 24 percentage points", "+62.7% in relative terms"], ["+129%"]),
        ("What percentage of total SCRs commissioned came in 2013/14?", ["114 of the 250", "45.6%"], ["62.3%"]),
    ],
)
def test_review_12_shares(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("how many scrs published 2012/13", "r u sure? i read 81"), ["No.", "Not 81", "commissioned in 2012/13"],
         ["say a bit more"]),
        (("how many SCRs were commissioned in 2013/14?", "and published?", "thats not what i read"),
         ["That comes from", "71 published"], ["panel"]),
    ],
)
def test_review_15_doubts(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("was the ratio of commissioned to published 1.6 in 2013/14?", ["Yes.", "1.6 is right"], ["No."]),
        ("is the average number commissioned per year 83?", ["Yes. About 83", "83.3"], []),
        ("is the average number commissioned per year 84?", ["No.", "83.3"], ["Yes"]),
        ("so a fifth were published in 2011/12?", ["Yes. About 20%", "21.8%"], []),
        ("was the 2013/14 publication rate higher than 60%?", ["Yes."], ["Not 60%"]),
        ("is it right that 81 SCRs were commissioned in 2013/14 and 114 in 2012/13?",
         ["No.", "not 81 in 2013/14 but 114"], ["Yes"]),
        ("published went 12 then 31 then 74?", ["No.", "not 74 in 2013/14 but 71"], []),
        ("commissioned went 55 → 81 → 114, right?", ["Yes.", "right"], ["No."]),
        ("by how much did published in 2013/14 exceed commissioned in 2011/12?", ["16 more"], ["stayed at 43"]),
        ("by what percentage did 2013/14 published exceed 2011/12 commissioned?", ["16 more", "+29.1%"], []),
        ("did published in 2013/14 exceed commissioned in 2011/12?", ["Yes.", "71", "55"], []),
        ("in 2011/12 one in how many commissioned SCRs was published?", ["about 1 in 4.6"], []),
        ("How many SCRs were published for every 10 commissioned in 2013/14?", ["about 6.2 per 10"], []),
        ("what does 31 refer to?", ["31 is the number of SCRs published in 2012/13"], []),
    ],
)
def test_review_16_figures(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("the publication rate rose by 24 percentage points in 2013/14, right?",
         ["Yes. 24 percentage points is right"], ["24% is right"]),
        ("Quick check for my slides: 2011/12 had 55 commissioned and 12 published, 2012/13 had 81 and 31, and "
         "2013/14 had 114 and 71. Anything wrong there?", ["No, nothing is wrong"], ["Yes"]),
        ("Quick check for my slides: 2011/12 had 55 commissioned and 12 published, 2012/13 had 81 and 31, and "
         "2013/14 had 114 and 77. Anything wrong there?", ["Yes, something is wrong", "Not 77"], []),
        ("did published SCRs ever fall?", ["No.", "Before these figures, though"], ["Yes"]),
    ],
)
def test_review_16_verdict_wording(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Did Ofsted stop evaluating before or after the start of 2012/13?", ["After:", "1 April 2012"]),
        ("was the revised working together out before the end of 2012/13?", ["Yes:", "31 March 2013"]),
        ("did ofsted stop after the start of 2013/14?", ["No:", "July 2012"]),
    ],
)
def test_an_event_against_the_start_or_end_of_a_financial_year(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("How many were published in 2011/12?", "and commissioned?", "what % is that", "and in 2013/14?",
          "so how much did that rate go up?"), ["21.8%", "62.3%", "up 40.5 percentage points"], []),
        (("How many SCRs were published in 2013/14?", "That's wrong, I read 114.", "What's 114 then?",
          "ok and the percentage published that year"), ["62.3%"], []),
        (("How many SCRs were published in 2012/13?", "compared to commissioned?"), ["81", "31", "50 more"], []),
        (("how many scrs were published in 2012/13", "and what about in 2013/14", "how many more is that",
          "is that more or less than the increase in commissioned"), ["up 40", "up 33"], []),
        (("what's the rise in published from 11/12 to 12/13", "and commissioned same years", "which is bigger in %"),
         ["published grew faster", "+158.3%", "+47.3%"], []),
    ],
)
def test_review_15_conversations(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("did the publication rate nearly triple between 2011/12 and 2013/14?", ["Yes.", "2.9", "nearly triple"],
         ["No."]),
        ("did the publication rate triple between 2011/12 and 2013/14?", ["No.", "less than triple"], []),
        ("was 2013/14 the year with the biggest percentage rise in commissioned SCRs?",
         ["No.", "into 2012/13, +47.3%", "+40.7%"], []),
        ("was 2013/14 the year with the biggest rise in commissioned SCRs?", ["Yes.", "up 33"], []),
        ("did both commissioned and published rise by the same number over the whole period?", ["Yes.", "up 59"],
         ["No."]),
    ],
)
def test_review_16_verdicts_on_rises(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Is there a quote from Ofsted in the article?", ["doesn't report anything Ofsted said"], ["Yes"]),
        ('Is "key factor" Woolmore\'s own phrase?', ["No:", "report of what Sue Woolmore said"], ["Yes"]),
        ("What if the Working Together guidance hadn't been revised?", ["what would have happened otherwise"], []),
        ("Would the rise have happened without Munro's review?", ["what would have happened otherwise"], []),
        ("What does Ofsted say about all this?", ["doesn't report anything Ofsted said"], []),
        ("What did the parliamentary question ask exactly?", ["doesn't say what the parliamentary question was"],
         ["not sure"]),
    ],
)
def test_review_15_what_the_article_does_not_say(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


def test_a_recommendation_the_article_does_not_credit_is_not_said(engine):
    """Set 37 and review 15: the panel is no recommendation of Munro's the article names: it doesn't say so."""
    reply = ask(engine, "Was the creation of the SCR panel one of Munro's recommendations?")
    assert reply.kind == "decline" and reply.entities.get("declined") == "doesnt_say", reply.text
    reply_says(reply.text, ["doesn't say", "Ofsted ending its evaluation of SCRs and relaxing SCR procedures"],
               [".;"])


def test_the_financial_year_of_an_event_named_as_a_change(engine):
    reply_says(one(engine, "which financial year did the Ofsted change fall in?"),
               ["July 2012 falls in the 2012/13 financial year"], [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Difference, in percentage points, between the 2011/12-to-2012/13 growth rate of published SCRs and that "
         "of commissioned SCRs?", ["111.1 percentage points"]),
        ("Percentage change in published SCRs from 2012/13 to 2013/14 minus the percentage change in commissioned "
         "over the same period, in points?", ["88.3 percentage points"]),
        ("how many percentage points faster did published grow than commissioned from 2012/13 to 2013/14?",
         ["88.3 percentage points"]),
        ("which grew faster, commissioned or published?", ["384.4 percentage points", "4.6 times as fast"]),
    ],
)
def test_the_gap_between_two_growth_rates(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Did Munro's review recommend publishing SCRs?", ["doesn't say", "relaxing SCR procedures"], ["Yes"]),
        ("Did Munro recommend relaxing SCR procedures?", ["Yes."], []),
        ("Did Ofsted recommend that it stop evaluating SCRs?", ["No: it was Professor Eileen Munro", "not Ofsted"],
         ["Yes"]),
        ("True or false: commissioned SCRs rose by 114 between 2011/12 and 2013/14.", ["No.", "Not 114", "59"],
         ["Yes"]),
    ],
)
def test_review_17_verdicts(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("How many more were commissioned than published across all three years?", ["136 in all"], ["stayed at 43"]),
        ("What's the difference between total commissioned and total published over 2011/12-2013/14?",
         ["• 2012/13: 81 − 31 = 50", "136 in all"], []),
        ("how many more commissioned than published in 2011/12 and 2013/14?", ["• 2011/12: 55 − 12 = 43",
                                                                              "• 2013/14: 114 − 71 = 43"], []),
    ],
)
def test_review_17_gaps_over_years(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("I'm a data journalist. Give me commissioned SCRs for 2013/14.", "And the change on the year before?"),
         ["81 in 2012/13 to 114 in 2013/14", "up 33"], []),
        (("Published SCRs 2012/13?", "and 2011/12?", "what's the ratio between them?"), ["2.6 times"], ["4.58"]),
        (("Please give me: (a) published 2012/13, (b) commissioned 2012/13, (c) the publication rate, (d) the "
          "change in published from the year before.",), ["31 SCRs were published", "81 SCRs were commissioned",
                                                          "38.3% published"], ["outside what I know"]),
    ],
)
def test_review_17_conversations(engine, turns, needles, unwanted):
    text = say(engine, *turns)[-1].text
    reply_says(text, needles, unwanted)


@pytest.mark.parametrize(
    "question",
    ["What's the Ofsted chief inspector's view on this?", "Which newspaper published it?",
     "What was Woolmore's job before?", "Why did the coalition introduce a policy of publishing SCRs?",
     "How did Ofsted evaluate SCRs?"],
)
def test_review_17_unknowns(engine, question):
    reply = ask(engine, question)
    assert reply.kind == "decline" and reply.entities.get("declined") == "doesnt_say", reply.text


def test_a_list_led_by_the_things_wanted(engine):
    """Review 17: 'I need three things: A, B, and C' answers all three (not 'In what order did things happen:
    A, B, C?', one question)."""
    text = one(engine, "I need three things: the total commissioned, the total published, and the difference "
                       "between them across all three years.")
    reply_says(text, ["250 SCRs were commissioned", "114 SCRs were published", "136 in all"], [])


def test_the_2011_12_reading_is_noted_only_where_the_answer_names_that_year(engine):
    reply_says(one(engine, "how many published in 2011/12?"), ["I read that as the financial year 2011/12"], [])
    reply_says(one(engine, "how many were published in 2013/14?"), ["71"], ["I read that as"])


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ('Was the increase "dramatic" according to Timpson?', ["Yes.", "dramatic increase"], ["No"]),
        ('Is "pivotal" a direct quote?', ["No:", "report of what Sue Woolmore said"], []),
        ("I heard Woolmore called the SCR panel 'pivotal' - is that right?",
         ["No, not according to Sue Woolmore", "What she called pivotal was the revised Working Together"], []),
    ],
)
def test_review_18_words_in_quotes(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles", "unwanted"),
    [
        (("What was the publication rate in 2013/14?", "That seems wrong, isn't it 71%?"),
         ["No.", "Not 71%", "62.3%"], ["71 is right"]),
        (("What's the publication rate in 2012/13?", "No, I think it's 31%"), ["No.", "38.3%"], ["31 is right"]),
        (("How many SCRs were commissioned in 2013/14?", "And in 2011/12?", "What's the difference?",
          "And as a ratio?"), ["114 to 55", "2.07 to 1"], ["0.48"]),
    ],
)
def test_review_18_conversations(engine, turns, needles, unwanted):
    reply_says(say(engine, *turns)[-1].text, needles, unwanted)


@pytest.mark.parametrize(
    ("turns", "needles"),
    [
        (("Did Ofsted stop evaluating SCRs in 2013?", "When then?", "And was the Working Together guidance in 2012?",
          "When then?", "So how far apart?"), ["8 months apart"]),
        (("How many SCRs were commissioned in 2013/14?", "That's up from what?"), ["81 in 2012/13", "up 33"]),
    ],
)
def test_review_18_more_follow_ups(engine, turns, needles):
    reply_says(say(engine, *turns)[-1].text, needles, [])


def test_parts_say_a_line_once_and_rounded_figures_each(engine):
    """Review 18: a part repeating an earlier part's line is not said twice; 'about 22% and 62%' names both."""
    text = say(engine, "How many serious case reviews were commissioned in 2013/14?", "Are you sure it's not 141?",
               "OK and published? Not 17?")[-1].text
    assert text.count("In 2013/14, 71 SCRs were published.") == 1, text
    reply_says(one(engine, "Publication rate went from 22% to 62% — correct?"),
               ["About 22% and 62%: the figures are 21.8% and 62.3%"], [])


@pytest.mark.parametrize(
    ("message", "needles"),
    [
        ("What's the percentage increase in commissioned SCRs from 2012/13 to 2013/14, and in published SCRs for the "
         "same period, and which was bigger?", ["+40.7%", "+129%", "published grew faster"]),
        ("Tell me the commissioned figure for 2013/14, the published figure for 2013/14, the publication rate, and "
         "whether Woolmore thinks the panel mattered.", ["62.3%", "does not believe"]),
    ],
)
def test_review_18_long_messages(engine, message, needles):
    reply_says(one(engine, message), needles, ["That comes from"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("average yearly % growth in published SCRs 2011/12 to 2013/14?", ["143.2% a year"]),
        ("average annual percentage increase in published SCRs", ["143.2% a year"]),
        ("Who was answering a parliamentary question?", ["Edward Timpson"]),
        ("Is Woolmore's view on the SCR panel given as a direct quote or as reported speech?",
         ["No: that is reported speech"]),
    ],
)
def test_set_35_leftovers(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("Is Ofsted still evaluating SCRs, according to the article?", ["No: as the article tells it", "July 2012"],
         ["case today"]),
        ("is ofsted still evaluating scrs now?", ["doesn't say what is the case today"], []),
        ("How many people are directly quoted in the article?", ["the only person quoted directly",
                                                                 "Sue Woolmore"], ["doesn't give that number"]),
    ],
)
def test_set_40_after_scoring(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("In 2011/12, 55 SCRs were published out of 12 commissioned?", ["No.", "other way round"], ["Yes"]),
        ("In 2011/12, 12 SCRs were published out of 55 commissioned?", ["Yes."], []),
        ("Revised Working Together came out in March 2013?", ["Yes.", "March 2013"], []),
        ("Revised Working Together came out in April 2013?", ["No.", "March 2013"], []),
    ],
)
def test_set_40_claims(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


def test_a_share_said_to_rise_by_a_percentage_is_told_it_rose_in_points(engine):
    """Sets 41 and review 16: 'went up by 24%' for 38.3% to 62.3% is 24 points, not a 24% rise."""
    reply_says(one(engine, "A report says the share of SCRs published went up by 24% in 2013/14. Is that the "
                           "right way to put it?"), ["Partly.", "24 percentage points", "+62.7% in relative terms"],
               ["Yes"])


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        # dates before or after: the event's date against the one stated
        ("Had Ofsted already stopped evaluating SCRs before the 2013/14 year began?", ["Yes:", "1 April 2013"],
         ["20 years"]),
        ("did Ofsted stop evaluating after 2012/13?", ["No:", "31 March 2013"], []),
        ("did Ofsted stop evaluating before April 2013?", ["Yes.", "July 2012"], []),
        ("did Ofsted stop evaluating SCRs after 2011?", ["Yes.", "July 2012"], []),
        ("did Ofsted stop evaluating SCRs before 2012?", ["No.", "July 2012"], []),
        ("was Working Together revised before July 2012?", ["No.", "March 2013"], []),
        # an event put to the wrong body: whose it was
        ("Was the 2011 investigation into SCR numbers carried out by Ofsted?", ["No.", "CYP Now"], []),
        ("did Ofsted carry out the 2011 investigation?", ["No.", "CYP Now"], ["Yes"]),
        ("was the 2011 investigation by CYP Now?", ["Yes.", "CYP Now"], []),
        # whether someone gave reasons
        ("Did Woolmore explain why the numbers went up?", ["Yes. Sue Woolmore", "two reasons"], []),
    ],
)
def test_set_43_after_scoring(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    "question",
    ["Did Timpson say what caused the rise?", "Did Timpson explain why the numbers went up?",
     "Did Timpson give any reasons?"],
)
def test_a_person_who_gave_no_reasons_is_what_the_article_doesnt_say(engine, question):
    """Set 43: he gave none, so the article doesn't say his reasons; said plainly, with whose reasons it gives."""
    reply = ask(engine, question)
    assert reply.kind == "decline" and reply.entities.get("declined") == "doesnt_say", reply.text
    reply_says(reply.text, ["no reasons from Edward Timpson", "Woolmore"], ["not Edward Timpson"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("What was the problem with the old SCR process?", ["prescriptive"]),
        ("How did the old system affect publication of SCRs?", ["publication in mind"]),
        ("how did the family history requirement change", ["up to 20 years", "need not go back that far"]),
        ("what was the old system like?", ["prescriptive", "20 years"]),
    ],
)
def test_what_a_reasons_explanation_tells_of_is_asked_of_that_reason(engine, question, needles):
    """Set 43: the old system is what the Working Together reason's explanation tells of (reasons.yaml `about`)."""
    reply = ask(engine, question)
    assert reply.kind == "answer", reply.text
    reply_says(reply.text, needles, ["I'm not sure"])


def test_a_figure_under_the_old_system_is_still_a_figure(engine):
    reply_says(one(engine, "how many SCRs were published under the old system?"), ["12", "31", "71"],
               ["prescriptive"])


def test_what_else_was_wrong_with_it_stays_on_the_old_system(engine):
    replies = say(engine, "Who said the old process was very prescriptive?", "what does she chair again",
                  "what else did she say was wrong with the previous system?")
    reply_says(replies[-1].text, ["publication in mind"], ["Ofsted ceased"])


@pytest.mark.parametrize(
    "question",
    ["The minister who gave the figures was Michael Gove, wasn't it?", "did Michael Gove reveal the SCR figures?",
     "Was it Michael Gove who revealed the figures?"],
)
def test_a_stranger_put_forward_as_who_revealed_the_figures(engine, question):
    """Set 43: a name the article never mentions, as who made the figures public: No, it was Edward Timpson."""
    reply_says(one(engine, question), ["No: it was Edward Timpson", "doesn't mention Michael Gove"], [])


def test_a_proposal_is_a_recommendation(engine):
    reply_says(one(engine, "I heard that Ofsted ceasing to evaluate SCRs was Woolmore's own proposal. Is that what "
                           "the article says?"), ["No.", "Professor Eileen Munro", "who recommended it"], [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("What's Apple's share price?", ["doesn't cover share price"]),
        ("write a tweet about this article", ["Edward Timpson", "55 to 114"]),
        ("What policy was the 2011 drop in SCRs linked to?", ["coalition government's policy of publishing"]),
        ("what kind of document is working together", ["It is guidance"]),
        ("Full name of the Working Together guidance?", ["Working Together to Safeguard Children"]),
        ("what's the full name of an LSCB?", ["Local Safeguarding Children Board"]),
        ("what are LSCBs called in full?", ["Local Safeguarding Children Board"]),
        ("full name of SCR?", ["serious case review"]),
    ],
)
def test_set_43_prose_and_terms(engine, question, needles):
    reply_says(one(engine, question), needles, ["I'm not sure"])


@pytest.mark.parametrize(
    "question",
    ["How many SCRs were published in the calendar year 2013?",
     "How many serious case reviews were commissioned in calendar year 2013 (January to December)?"],
)
def test_a_calendar_years_own_figures_are_what_the_article_doesnt_give(engine, question):
    """Five blind sets agree: named as a calendar year, it has no figures in the article (none are offered)."""
    reply = ask(engine, question)
    assert reply.kind == "decline" and "doesn't give figures by calendar year" in reply.text, reply.text
    assert not any(n in reply.text for n in ("31", "71", "81", "114")), reply.text


@pytest.mark.parametrize(
    ("question", "needles"),
    [("how many SCRs were published in 2013?", ["falls in 2012/13 and 2013/14", "31", "71"]),
     ("When the article says 2012/13, does it mean calendar years?", ["financial year", "1 April 2012"])],
)
def test_a_year_that_may_be_either_is_still_answered(engine, question, needles):
    reply_says(one(engine, question), needles, ["doesn't give figures by calendar year"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Who issued the revised Working Together guidance?", ["doesn't say who issued or wrote it", "March 2013"]),
        ("What did the CYP Now investigation recommend?", ["doesn't report any recommendation from it",
                                                            "Professor Eileen Munro's"]),
        ("what did the panel recommend?", ["doesn't report any recommendation from it"]),
    ],
)
def test_set_43_what_the_article_doesnt_say(engine, question, needles):
    reply = ask(engine, question)
    assert reply.kind == "decline" and reply.entities.get("declined") == "doesnt_say", reply.text
    reply_says(reply.text, needles, [])


def test_munros_recommendations_are_still_hers(engine):
    reply_says(one(engine, "what did munro recommend?"), ["Ofsted stop evaluating SCRs", "relaxation of SCR"], [])


def test_sixty_something_percent_is_from_60_up_to_70(engine):
    """Set 43: 'so like 60 something percent?' after 71 of 114 published (62.3%) is right."""
    replies = say(engine, "wait so how many scrs got commissioned in 13/14", "lol and published",
                  "so like 60 something percent?")
    reply_says(replies[-1].text, ["Yes. 60-something percent: the figure is 62.3%."], ["Not 60"])
    reply_says(one(engine, "were 60-odd SCRs published in 2013/14?"), ["No. Not 60-something: the figure is 71."],
               [])


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("How many SCRs were published in the latest year in the article?", "is that a lot?"),
         ["doesn't judge it", "2011/12: 12", "2012/13: 31", "2013/14: 71"]),
        (("how many were commissioned in 2012/13?", "is that high?"), ["doesn't judge it", "2013/14: 114"]),
    ],
)
def test_is_that_a_lot_sets_the_figure_against_the_other_years(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, [])


def test_is_that_a_lot_with_nothing_before_is_still_not_judged(engine):
    reply = ask(engine, "is that a lot?")
    assert reply.kind == "decline" and "doesn't judge that" in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Is there a quote in the article calling commissioning and publishing an SCR 'a big challenge'?",
         ["Yes. Sue Woolmore", "a big challenge"]),
        ("did someone say 'a big challenge'?", ["Yes. Sue Woolmore"]),
        ("Whose review recommended the changes that Woolmore links to the rise?",
         ["Both were recommended by Professor Eileen Munro", "Ofsted ending its evaluation of SCRs",
          "relaxing SCR procedures"]),
    ],
)
def test_set_43_quotes_and_recommendations(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Give me the published figure for 2013/14 and the increase on the previous year.",
         ["71 SCRs were published", "up 40"]),
        ("In 2011/12: how many commissioned, how many published, and what's the difference?",
         ["55", "12", "43 more commissioned than published"]),
    ],
)
def test_a_second_thing_asked_as_a_noun_is_answered_too(engine, question, needles):
    reply_says(one(engine, question), needles, [])


def test_the_difference_after_both_measures_of_one_year_is_between_them(engine):
    replies = say(engine, "how many were commissioned and published in 2011/12?", "what's the difference?")
    reply_says(replies[-1].text, ["43 more commissioned than published"], ["2012/13"])


@pytest.mark.parametrize(
    ("question", "needles", "unwanted"),
    [
        ("How did the minister describe the increase in SCRs?", ["Edward Timpson", "dramatic increase"], []),
        ("what did the minister say about the increase?", ["dramatic increase"], ["reports nothing"]),
        ("Who found in 2011 that SCR numbers had dropped sharply?", ["CYP Now"], ["2010/11"]),
        ("What do LSCBs do with serious case reviews, according to the article?", ["LSCBs carry out SCRs"], []),
        ("I'm new to safeguarding so sorry if this is basic, but the article keeps talking about LSCBs and SCRs and "
         "I honestly don't know what either abbreviation stands for. Can you spell them out?",
         ["Local Safeguarding Children Board", "serious case review"], []),
        ("How many pages is a typical published SCR?", ["doesn't say that"], ["I'm not sure"]),
    ],
)
def test_set_42_after_scoring(engine, question, needles, unwanted):
    reply_says(one(engine, question), needles, unwanted)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("For 2012/13, (commissioned - published) / commissioned as a %?", ["61.7% not published"]),
        ("What percentage of the three-year total of commissioned SCRs was not matched by a publication (total "
         "commissioned minus total published, over total commissioned)?", ["136 of 250 (54.4%)"]),
        ("Is it true that the number of SCRs not matched by publications was the same (43) in 2011/12 and 2013/14?",
         ["Yes.", "55 − 12 = 43", "114 − 71 = 43"]),
        ("The figures came from an Ofsted report, didn't they?", ["No:", "parliamentary question"]),
    ],
)
def test_set_42_formulas_and_sources(engine, question, needles):
    reply_says(one(engine, question), needles, [])


def test_a_dash_in_brackets_is_no_minus_unless_it_is_a_formula():
    from bot.understanding.normalise import normalise

    assert "minus" not in normalise("Hi - quick question (sorry - new here)")
    assert "commissioned minus published over commissioned" in normalise("(commissioned - published) / commissioned")


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("Published SCRs rose almost sixfold between 2011/12 and 2013/14?",), ["Yes.", "5.9"]),
        (("commissioned SCRs tripled between 2011/12 and 2013/14?",), ["No.", "2.1"]),
        (("Published SCRs rose from 31 to 71, yes?", "that's more than double right?"), ["Yes.", "2.3 times"]),
        (("The gap between commissioned and published was the same, 43, in 2011/12 and 2013/14?",),
         ["Yes. 43 is right.", "55 − 12 = 43", "114 − 71 = 43"]),
    ],
)
def test_set_40_claims_stated_without_asking(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, ["Not 43"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("How many months after the Working Together release did the 2013/14 period begin?",
         ["1 month.", "began on 1 April 2013"]),
        ("how many months after Ofsted stopped evaluating SCRs did the 2013/14 year start?", ["9 months."]),
        ("how many months before the end of 2012/13 did Ofsted stop evaluating?", ["8 months.", "31 March 2013"]),
    ],
)
def test_months_from_an_event_to_a_years_start_or_end(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Did the Ofsted change and the Working Together revision fall in the same financial year?",
         ["Yes: both in the 2012/13 financial year"]),
        ("were the panel and the WT revision in the same financial year?", ["doesn't say", "no month"]),
    ],
)
def test_two_events_in_the_same_financial_year(engine, question, needles):
    reply_says(one(engine, question), needles, [])


def test_the_change_over_the_whole_period_after_each_year_in_turn(engine):
    """Set 39: after each year's figure in turn, 'over the whole period' runs from the first to the last."""
    replies = say(engine, "How many SCRs were published in 2011/12?", "2012/13?", "2013/14?",
                  "percentage change over the whole period?", "and commissioned, over the same period?")
    reply_says(replies[-2].text, ["12 in 2011/12 to 71 in 2013/14", "+491.7%"], [])
    reply_says(replies[-1].text, ["55 in 2011/12 to 114 in 2013/14", "+107.3%"], [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("71 SCRs were published in which year?", ["2013/14 (April 2013 to March 2014)"]),
        ("Which minister responded to the parliamentary question?", ["Edward Timpson"]),
        ("Describe the trend in commissioned SCRs over the three years covered.", ["55 → 81 → 114"]),
        ("What are the best mortgage rates at the moment?", ["doesn't cover mortgage"]),
    ],
)
def test_set_39_after_scoring(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("Which financial year did Ofsted's withdrawal from evaluating SCRs fall in?",),
         ["July 2012 falls in the 2012/13 financial year"]),
        (("what financial year was the panel set up in?",), ["no month, so not the financial year",
                                                              "2012/13 and 2013/14"]),
        (("which increased by more, commissioned or published, from 2011/12 to 2013/14?",), ["same amount: 59"]),
        (("SCRs commissioned in 2012/13?", "published?", "same two figures for 2011/12"), ["55", "12"]),
    ],
)
def test_set_41_after_scoring(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Increase in published SCRs between 2011/12 and 2012/13, as a number?", ["up 19"]),
        ("what explains the jump from 2012 onwards?", ["two reasons for the rise"]),
        ("commissioned for all three years + total?", ["250 SCRs were commissioned (55 + 81 + 114)"]),
        ("Can you write me a python script to scrape Ofsted reports?", ["doesn't cover python"]),
        ("Give me a one-line headline for this", ["Edward Timpson", "55 to 114"]),
        ("What were the headline SCR numbers for 2013/14?", ["114 SCRs were commissioned and 71 were published"]),
    ],
)
def test_set_38_after_scoring(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("lines", "needles", "unwanted"),
    [
        (("What were the figures in 2012/13?", "what share published?"), ["In 2012/13", "38.3% published"],
         ["2011/12: 21.8%"]),
        (("What were the figures in 2012/13?", "what share published?", "and the year after?"),
         ["In 2013/14", "62.3% published"], ["2014/15"]),
        (("What's the gap between commissioned and published in 2011/12?", "and 2012/13?", "and 2013/14?",
          "total gap?"), ["136 in all"], []),
        (("Were 114 SCRs commissioned in 2013/14?", "And 71 published?", "So the publication rate was 71%?",
          "What is it then?"), ["62.3% published"], ["Terms I can explain"]),
        (("Was there a drop in SCRs before the rise?",), ["Yes, as the article reports", "CYP Now"], ["No."]),
    ],
)
def test_review_19_follow_ups(engine, lines, needles, unwanted):
    reply_says(say(engine, *lines)[-1].text, needles, unwanted)


def test_what_else_did_she_recommend_is_the_other_recommendation(engine):
    replies = say(engine, "What did Sue Woolmore say about Ofsted?", "when did that change happen?",
                  "whose idea was it?", "what else did that person recommend?")
    reply_says(replies[-1].text, ["relaxation of SCR procedures"], ["Ofsted stop evaluating"])


def test_the_key_facts_are_a_summary(engine):
    reply_says(one(engine, "What are the key facts in this article?"), ["Edward Timpson", "55 to 114"],
               ["Terms I can explain"])


def test_a_long_lead_in_before_a_colon_is_set_aside(engine):
    """Review 19: 'school places' in the lead-in is who asks and why, not the question."""
    reply = ask(engine, "I'm writing a 600-word piece for tomorrow's paper and I need to double check one thing before "
                        "I file, because the sub-editors will kill me if I get it wrong again like last week when I "
                        "mixed up two figures in a piece on school places: the figure of 114, is that the number "
                        "commissioned or published, and in which year?")
    assert reply.kind == "answer", reply.text
    reply_says(reply.text, ["114 is the number of SCRs commissioned in 2013/14"], ["school", "can't answer"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Is it true that under the old system LSCBs had to look back 30 years?", ["No: the article says 20 years"]),
        ("is it correct that LSCBs used to look back 20 years?", ["Yes.", "up to 20 years"]),
        ("Was it Timpson who said the old system meant looking back up to 20 years?",
         ["No: it was Sue Woolmore", "not Edward Timpson"]),
    ],
)
def test_an_amount_claimed_with_is_it_true_or_used_to(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("lines", "needles", "unwanted"),
    [
        (("How many SCRs were commissioned in 2013/14?", "What about 2010/11?", "And 2012/13?",
          "change between them?"), ["81 in 2012/13 to 114 in 2013/14", "up 33"], ["more commissioned than"]),
        (("Was it 81 commissioned in 2013/14?", "So what was 81?"),
         ["81 is the number of SCRs commissioned in 2012/13"], ["Not 81"]),
        (("Give me the figures for 2012-13", "percentage published?", "and the change from the previous year?",
          "in percentage points?"), ["21.8% in 2011/12 to 38.3% in 2012/13", "16.5 percentage points"], ["62.3%"]),
    ],
)
def test_review_19_more_follow_ups(engine, lines, needles, unwanted):
    reply_says(say(engine, *lines)[-1].text, needles, unwanted)


@pytest.mark.parametrize(
    ("lines", "needles", "unwanted"),
    [
        (("which did Woolmore call pivotal?",), ["Working Together"], ["Ofsted ceased"]),
        (("What were the reasons for the rise?", "Which one did she call a key factor?",
          "and which did she call pivotal?"), ["Working Together"], ["Ofsted ceased"]),
        (("what does pivotal mean?",), ["doesn't define “pivotal”", "Working Together"], ["Terms I can explain"]),
        (("what does it mean for an SCR to be published?",), ["serious case review"], ["define “it”"]),
    ],
)
def test_which_reason_she_called_pivotal_and_what_the_word_means(engine, lines, needles, unwanted):
    reply_says(say(engine, *lines)[-1].text, needles, unwanted)


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("% increase in commissioned SCRs from 2012/13 to 2013/14?", "I worked it out as 29%, who's right?"),
         ["No. Not 29%: the figure is 40.7%."]),
        (("% increase in commissioned SCRs from 2012/13 to 2013/14?", "I worked it out as 40.7%, is that right?"),
         ["Yes. 40.7% is right."]),
        (("When did the 2013/14 period in the article start and end?",), ["April 2013 to March 2014"]),
    ],
)
def test_set_40_own_workings_and_a_years_months(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, [])


def test_the_average_of_the_yearly_rises(engine):
    replies = say(engine, "What were the year-on-year increases in published SCRs?", "average of those?")
    reply_says(replies[-1].text, ["an average of 29.5 a year"], ["51 SCRs"])


def test_anything_ruled_out_after_the_reasons_is_the_panel(engine):
    replies = say(engine, "Can you give me the reasons the article gives for the rise?", "anything ruled out?",
                  "who's the source for all that?")
    reply_says(replies[1].text, ["does not believe that the Serious Case Review panel"], ["counts this as a cause"])
    reply_says(replies[2].text, ["Sue Woolmore"], ["Munro"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("What's the full name of Woolmore's organisation?", ["Association of Independent Local Safeguarding"]),
        ("Name the minister, the professor and the association chair mentioned in the article.",
         ["Edward Timpson", "Eileen Munro", "Sue Woolmore"]),
    ],
)
def test_people_and_their_organisation(engine, question, needles):
    reply_says(one(engine, question), needles, ["Terms I can explain"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Is it right that the Ofsted change (July 2012) and the Working Together release (March 2013) were eight "
         "months apart?", ["Yes. From July 2012 to March 2013 is 8 months."]),
        ("were July 2012 and March 2013 six months apart?", ["No, not 6.", "8 months"]),
        ("Did Woolmore describe the old SCR process as very prescriptive for LSCBs?", ["Yes. Sue Woolmore"]),
        ("Name the minister and say what he revealed.", ["Edward Timpson", "dramatic increase"]),
    ],
)
def test_set_39_after_scoring_checks(engine, question, needles):
    reply_says(one(engine, question), needles, ["can't answer"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [("wots an SCR", ["serious case review"]), ("ok, what's the latest year it covers then?", ["2013/14"])],
)
def test_text_speak_and_the_latest_year_covered(engine, question, needles):
    reply_says(one(engine, question), needles, ["I'm not sure", "outside what I know"])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("how long after the WT release did the 2013/14 year start?", ["1 month."]),
        ("Months from the March 2013 Working Together release to the end of the 2013/14 year?", ["12 months."]),
        ("Is it right that it was a 2011 Ofsted investigation that found SCR numbers dropped?", ["No.", "CYP Now"]),
    ],
)
def test_set_37_after_scoring(engine, question, needles):
    reply_says(one(engine, question), needles, [])


def test_did_that_ratio_go_up_or_down(engine):
    """Sets 36 and 40: after two years' ratios, the direction between them."""
    replies = say(engine, "What was the ratio of commissioned to published SCRs in 2011/12?", "and in 2013/14?",
                  "so did that ratio go up or down?")
    reply_says(replies[-1].text, ["4.58 to 1", "1.61 to 1", "the ratio fell, from 4.58 to 1.61 to 1"], [])


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("What's the average number of SCRs published per year over the three years?",
          "Which year's figure was closest to that?"), ["Closest to the average of 38", "2012/13 (31, 7 below)"]),
        (("average number of SCRs commissioned per year across the three years?", "and published?",
          "which year's commissioned figure was closest to that commissioned average?"),
         ["83.3 SCRs commissioned", "2012/13 (81, 2.3 below)"]),
        (("average number of SCRs commissioned per year across the three years?",
          "which year was above the commissioned average?"),
         ["Above the average of 83.3", "2013/14 (114, 30.7 above)"]),
    ],
)
def test_each_year_against_the_average(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, [])


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("What's the ratio of commissioned to published SCRs in 2011/12?", "and in 2013/14?",
          "and the year in between?"), ["In 2012/13", "2.61 to 1"]),
        (("how many published in 2011/12?", "and 2013/14?", "what about the middle year?"), ["In 2012/13, 31"]),
    ],
)
def test_the_year_in_between(engine, lines, needles):
    reply_says(say(engine, *lines)[-1].text, needles, [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("By how much did the 2012/13-to-2013/14 rise in commissioned SCRs exceed the 2011/12-to-2012/13 rise?",
         ["26 then 33, by 7"]),
        ("Range (max minus min) of the commissioned figures across the three years?", ["a range of 59"]),
        ("Is it true that the coalition government had a policy of publishing serious case reviews?",
         ["Yes.", "coalition government's policy"]),
    ],
)
def test_set_36_second_round(engine, question, needles):
    reply_says(one(engine, question), needles, [])


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("What was the number of SCRs commissioned in the middle one of the three years the article gives?",
         ["In 2012/13, 81"]),
        ("Put the three years of figures in a little table for me", ["2011/12: 55 commissioned, 12 published"]),
        ("Write a short paragraph I can drop into a board report about the SCR figures.", ["55 to 114"]),
        ("How many SCRs are expected to be commissioned next year?", ["makes no forecast"]),
    ],
)
def test_set_44_after_scoring(engine, question, needles):
    reply_says(one(engine, question), needles, ["I'm not sure"])


def test_which_measure_was_higher_in_one_year_and_by_how_much(engine):
    """Set 44: the two measures of one year set against each other, then 'by how much?' is that gap."""
    replies = say(engine, "In 2013/14 which was higher, commissioned or published?", "by how much?",
                  "as a share of commissioned, what % weren't published?")
    reply_says(replies[0].text, ["114 SCRs were commissioned and 71 published: 43 more commissioned"], ["up 33"])
    reply_says(replies[1].text, ["43 more commissioned than published"], ["up 33"])
    reply_says(replies[2].text, ["37.7% not published"], [])


@pytest.mark.parametrize(
    ("question", "needles", "banned"),
    [
        ("how do i make sourdough starter", ["doesn't cover"], ["55", "114"]),
        ("How many SCRs weren't published for legal reasons?", ["doesn't say why"], ["136"]),
        ("was the policy of publishing SCRs brought in by the coalition government?", ["Yes."], ["it was cyp"]),
        ("was the SCR panel set up by Ofsted?", ["No: it was the government, not Ofsted"], []),
        ("Did every SCR commissioned in 2013/14 get published that year?", ["No.", "62.3%", "(71 of 114)"], []),
        ("Did Woolmore say the Ofsted change was unimportant?", ["No:", "a key factor", "focus"], []),
        ("claim: 81 SCRs were commissioned in 2012/13. check?", ["Yes.", "81"], []),
        ("a friend says Munro chairs the LSCB chairs' association. true?", ["No.", "Sue Woolmore is the chair"], []),
        ("What part did Professor Munro play in the rise?", ["recommended", "Ofsted stop evaluating"], []),
        ("What role did the SCR panel play in the rise, according to Woolmore?", ["does not believe"], []),
        ("what caused the big jump in SCRs commissioned in 2013/14", ["gives two reasons", "Ofsted"], []),
        ("By what factor did commissioned SCRs grow from 2012/13 to 2013/14?", ["1.4 times"], ["reasons"]),
        ("who's the kids minister in the article", ["Edward Timpson"], []),
        ("what word does it use for how the numbers dropped in the 2011 investigation?", ["dropped sharply"], []),
        ("is 2012/13 a calendar year?", ["No: 2012/13 is the financial year from April 2012 to March 2013"], []),
        ("in this article what does 'FY 2013/14' cover", ["April 2013 to March 2014"], []),
        ("What does 2012/13 mean here - a calendar year?", ["financial year", "April 2012 to", "March 2013"], []),
        ("How many were published in calendar year 2013?", ["doesn't give figures by calendar year"], []),
        ("What's changed for LSCBs since 2012?", ["flexibility"], ["up 26"]),
        ("Why did ending Ofsted evaluation let LSCBs do better reviews?", ["focus on the review itself"], []),
        ("the article mentions 20 years somewhere - what's that about?", ["“20 years”", "family history"],
         ["2011/12 is a financial year"]),
        ("ofsted started evaluating SCRs in july 2012 right?", ["No.", "ceased evaluating"], []),
        ("what was released in march 2013 and what did it do?", ["Working Together", "greater flexibility"],
         ["31 SCRs were published", "I can't answer"]),
        ("Between 2012/13 and 2013/14, by how many more did published SCRs rise than commissioned ones?",
         ["up 40", "up 33"], ["not published fell"]),
        ("By what percentage was the 2012/13 commissioned figure lower than 2013/14's?", ["28.9% lower"], []),
        ("what were the growth rates of commissioned and published between 2012/13 and 2013/14?",
         ["+40.7%", "+129%"], ["share of SCRs published"]),
        ("What's the compound annual growth rate of commissioned SCRs between 2011/12 and 2013/14?",
         ["compound growth of 44%"], []),
        ("commissioned numbers for 2011/12 and 2013/14, and the ratio between them?", ["114 is 2.07 times 55"], []),
        ("2012/13: how many commissioned? how many published? and the difference?", ["81", "31", "50 more"], []),
        ("As a student I keep seeing references to a Serious Case Review panel but I'm not sure what it's for. "
         "According to this article, what was the panel set up to do and when?", ["lessons", "2013"], ["article.txt"]),
        ("My teenage daughter is doing a school project on child protection and asked me who Edward Timpson is. "
         "I've no idea - what does the article say about him?", ["children's minister"], ["doesn't cover"]),
    ],
)
def test_set_46_after_scoring(engine, question, needles, banned):
    """Blind set 46's first-contact misses, each answered as its author expected."""
    reply_says(one(engine, question), needles, banned)


@pytest.mark.parametrize(
    ("lines", "needles", "banned"),
    [
        (("Which grew faster between 2012/13 and 2013/14, commissioned or published SCRs?",
          "what were the two growth rates?"), ["+40.7%", "+129%"], ["share of SCRs published"]),
        (("how many of the SCRs commissioned in 2013/14 weren't published that year? (commissioned minus published)",
          "same as in 2011/12?"), ["Yes.", "43 in 2011/12"], []),
        (("how many published in 2013/14?", "was it the same in 2012/13?"), ["No.", "71 in 2013/14", "31 in 2012/13"],
         []),
        (("how many commissioned in 2012/13?", "how many published?", "and the difference?"),
         ["50 more commissioned than published"], ["rose from 12"]),
        (("Did Ofsted stop evaluating SCRs in 2013?", "so what happened in 2013 then?"),
         ["Working Together", "Serious Case Review panel"], []),
        (("what's an LSCB", "who chairs the association of their independent chairs?",
          "what did she say about the old process?"), ["prescriptive"], ["I'm not sure who you mean"]),
        (("what happened in March 2013?", "what did it do?"), ["greater flexibility"], ["Could you say a bit more"]),
    ],
)
def test_set_46_conversations(engine, lines, needles, banned):
    reply_says(say(engine, *lines)[-1].text, needles, banned)


@pytest.mark.parametrize(
    ("question", "needles", "banned"),
    [
        ("How long did the old system require LSCBs to look back?", ["up to 20 years"], ["doesn't say that"]),
        ("What is the SCR panel called in full?", ["Serious Case Review panel"], ["doesn't say what it is called"]),
        ("List everyone quoted in the article.", ["Quoted directly in the article: Sue Woolmore",
                                                  "Edward Timpson, Professor Eileen Munro: reported, not quoted"], []),
        ("Which people are mentioned but not quoted?", ["reported, not quoted"], ["I'm not sure"]),
        ("Which is bigger: the rise in published SCRs 2012/13-2013/14 or the rise in commissioned SCRs over the same "
         "period?", ["SCRs published grew faster"], []),
        ("What happened last, according to the article?",
         ["it doesn't say which came last", "Serious Case Review panel set up (2013, no month given)"], []),
        ("Which came first: Ofsted ceasing to evaluate SCRs or the revised Working Together guidance?",
         ["came before Working Together"], ["The first event"]),
    ],
)
def test_review_20(engine, question, needles, banned):
    """Review 20 (a new user's 466 questions): answers it found wrong or refused."""
    reply_says(one(engine, question), needles, banned)


@pytest.mark.parametrize(
    ("lines", "needles", "banned"),
    [
        (("what's the publication rate in 2011/12?", "and 2012/13?", "and 2013/14?", "what's the average of those?"),
         ["average of the yearly shares published is 40.8%"], ["102 over two"]),
        (("commissioned figures for all years please", "which year was highest?",
          "by how much did it beat the lowest?"), ["from 55 in 2011/12 to 114 in 2013/14: up 59"], ["from 81"]),
        (("Show me a timeline of key events", "what happened first?"), ["CYP Now investigation (2011)"], []),
        (("how many SCRs were commissioned in 2013/14?", "is that the highest figure in the article?"),
         ["Yes: 114 is the highest figure the article gives"], []),
        (("how many SCRs were published in 2012/13?", "is that the lowest?"),
         ["No: the lowest number of SCRs published", "is 12"], []),
    ],
)
def test_review_20_conversations(engine, lines, needles, banned):
    reply_says(say(engine, *lines)[-1].text, needles, banned)


@pytest.mark.parametrize(
    ("lines", "needles"),
    [
        (("Which grew faster from 2011/12 to 2012/13, commissioned or published?", "in raw numbers?"),
         ["In raw numbers, SCRs commissioned changed more: 26 against 19"]),
        (("how many were published 2012/13?", "and 2011/12?", "what's the difference in percentage terms?",
          "and in absolute terms?"), ["up 19"]),
    ],
)
def test_in_raw_numbers_after_a_change_in_percent(engine, lines, needles):
    """Review 20: "in raw numbers?" (every word of it a filler) after a change in percent is that change in numbers."""
    reply_says(say(engine, *lines)[-1].text, needles, ["Could you say a bit more"])


@pytest.mark.parametrize(
    ("question", "needles", "banned"),
    [
        ("Does Woolmore say Ofsted's evaluation helped LSCBs focus on the review itself?", ["No."], ["Yes."]),
        ("Did Ofsted stop evaluating SCRs from July 2012?", ["Yes."], []),
        ("difference commissioned vs published 2011/12", ["43 more commissioned than published"], ["rose from"]),
        ("commissioned SCRs went from 81 to 141 in 13/14 yeah?", ["No. Not 141", "114"], ["only have one year"]),
        ("Hi, local reporter here on deadline for tomorrow's edition. I need the number of SCRs commissioned in our "
         "county in 2013/14 specifically, not the national figure - can you get that from the article?",
         ["figures are for England as a whole"], ["114 SCRs were commissioned"]),
        ("Our board paper says 71 serious case reviews were published between April 2013 and March 2014. Accurate?",
         ["Yes.", "71"], ["England as a whole"]),
        ("who recommended these changes?", ["Professor Eileen Munro"], ["The people named"]),
        ("What role did Munro's review play in the rise?", ["Ofsted stop evaluating", "relaxed"], ["I'm not sure"]),
    ],
)
def test_set_47_after_scoring(engine, question, needles, banned):
    """Blind set 47's first-contact misses that are fixed (it was scored before any of them)."""
    reply_says(one(engine, question), needles, banned)


@pytest.mark.parametrize(
    ("lines", "needles", "banned"),
    [
        (("i need the commissioned numbers for all three years", "% change first to last?"),
         ["from 55 in 2011/12 to 114 in 2013/14", "+107.3%"], ["from 81"]),
        (("SCRs published 2012-13", "commissioned same year?", "so how many not published, just subtracting?"),
         ["50 more commissioned than published"], ["outside what I know"]),
        (("does LSCB stand for Local Safeguarding Children Board?",), ["Yes. LSCB stands for"], []),
        (("what does LSCB stand for?",), ["LSCB stands for Local Safeguarding Children Board"], ["Yes."]),
    ],
)
def test_set_48_after_scoring(engine, lines, needles, banned):
    """Blind set 48's first-contact misses that are fixed (it was scored before any of them)."""
    reply_says(say(engine, *lines)[-1].text, needles, banned)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("eileen munro is the children's minister", ["No.", "Edward Timpson is the children's minister"]),
        ("CYP Now found SCR numbers went up after the coalition's publication policy", ["No.", "dropped sharply"]),
        ("Sue Woolmore chairs the association", ["Yes."]),
    ],
)
def test_a_bare_statement_about_someone_named_is_checked(engine, question, needles):
    """Sets 47 and 48: one statement about a person, body or event the article names, sent with no question
    mark, is put to the bot to check (a preamble sentence before a question is still set aside)."""
    reply_says(one(engine, question), needles, ["I'm not sure"])
