"""A message cut into the questions it asks, before any of them is read.

People in a group chat write "Hi all, I'm on the local paper. How many SCRs were published in
2013/14?", or ask two things at once. Read whole, the preamble dilutes the match and the second
question is lost; so sentences that ask nothing are set aside when another one asks, and a
sentence asking two things is answered as two.
"""

from __future__ import annotations

import re

from .. import lazyre
from ..lazyre import LazyPattern
from .frame import WH_WORDS, FrameWords
from .memo import Recent, per_list
from .normalise import normalise
from .periods import read_periods

MAX_PARTS = 3  # more questions than this in one message are read as one
MAX_LISTED = 5  # ... unless they are set out as a list, one item each: "(a) ..., (b) ..., (c) ..., (d) ..."
_ASKING = lazyre.compile(r"(?:^|[,;]\s*)(?:what|which|who|whose|why|when|where|how|biggest|largest|smallest)\b",
                         re.IGNORECASE)  # a question word opening the lead-in, or a clause of it
_A_FIGURE = lazyre.compile(r"(?<![\w-])\d[\d,.]*(?![\w-])")
_SENTENCE = lazyre.compile(r"(?<=[.!?])\s+|(?<=[.!?]['\"\u2019\u201d])\s+|\n+")
# A full stop after these ends no sentence ("Prof. Munro", "e.g. 2013/14").
_ABBREVIATION = lazyre.compile(r"(?:^|[\s(])(?:prof|dr|mr|mrs|ms|st|e\.g|i\.e|etc|vs|no|approx|cf)\.$", re.IGNORECASE)
_WORD = lazyre.compile(r"[a-z']+")
_EMBEDDED = frozenset({"how", "which", "what", "whether", "why", "when", "who", "whose", "if"})  # asked within
_CLARIFIES = lazyre.compile(r"^\(?\s*(?:i\.?e\.?|e\.?g\.?|that is|in other words|meaning)\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    """The lower-case words of a text. A message's sentences are asked about by a dozen tests in turn, so the
    last few answers are kept (callers only read the list)."""
    found = _WORDS_OF.get(text)
    if found is None:
        found = _WORDS_OF.keep(text, _WORD.findall(text.lower().replace("’", "'")))
    return found


_WORDS_OF: Recent = Recent(32)


def _by_length(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """A data list's phrases, longest first ("sorry, i mean" before "sorry,")."""
    return tuple(sorted(phrases, key=len, reverse=True))


def _first_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The words a data list's phrases open with."""
    return frozenset(p.split()[0] for p in phrases if p.split())


def _asks(words: FrameWords, sentence: str) -> bool:
    """A sentence asks something: it ends with '?', opens with a question word, or says what the asker
    wants to know before a question word ("I need to tell colleagues how much ... rose")."""
    tokens = _words(sentence)
    if sentence.rstrip().endswith("?"):
        return True
    text = " ".join(tokens)
    if tokens[:1] and tokens[0] in words.question_words:
        return not text.startswith(words.check_list("wishes"))  # ("would be great to have them.": a wish)
    for lead in words.requests:
        at = f" {text} ".find(f" {lead} ")
        if at >= 0 and set(text[at + len(lead):].split()) & _EMBEDDED:
            return True
    return False


def _refers_back(words: FrameWords, sentence: str) -> bool:
    """"Could you work that out from the article?": a request to answer the sentence before it."""
    text = " ".join(_words(sentence))
    if text.split(" ", 1)[0] not in per_list(words.refers_back, _first_words):
        return False  # (most questions open with a word no such request opens with: a set lookup, not 60 tests)
    return any(text == phrase or text.startswith(phrase + " ") for phrase in words.refers_back)


CHECK_WORDS = 16  # "is there anything in this article that supports or contradicts that?" and no longer


def _pleasantry(words: FrameWords, sentence: str) -> bool:
    """A sentence of nothing but greeting, thanks or a plea for help ("Could someone help me out? Thanks!")."""
    tokens = _words(sentence)
    return bool(tokens) and all(t in words.pleasantries for t in tokens) and bool(
        set(tokens) & set(words.check_list("thanks_help"))
    )


def _is_check(words: FrameWords, sentence: str) -> bool:
    """"Is that accurate?", "does anything in the article back that up?": a question about the sentence
    before it (a short one, pointing back with "that", "this" or "it")."""
    tokens = _words(sentence)
    text = " ".join(tokens)
    if text in words.checks:
        return True
    if tokens[:3] == ["is", "that", "what"] and tokens[-1:] and tokens[-1] in words.check_list("views") \
            and len(tokens) <= CHECK_WORDS + 6:
        return True  # "is that what the association's head thinks?": the sentence before, as someone's view
    return (len(tokens) <= CHECK_WORDS and bool(set(words.check_list("pointing")) & set(tokens))
            and any(f" {verb} " in f" {text} " for verb in words.check_verbs))


ASIDE_WORDS = 4  # "I was sceptical." says nothing a check could be about


def _claimed_before(before: list[str]) -> str:
    """The sentence a check points back to: the last one before it, passing over a short aside."""
    for sentence in reversed(before):
        if len(_words(sentence)) > ASIDE_WORDS:
            return sentence
    return before[-1]


_ASKS_FIRST = frozenset({"what", "how", "who", "which", "why", "where", "whose",  # not "when ..., what ...?"
                         "summarise", "summarize", "list", "explain", "describe", "outline"})  # (requests too)
_COMMA_ASK = lazyre.compile(r",\s+(?:and\s+)?(?=(?:what|how|who|when|which|why|where|whether)\b)", re.IGNORECASE)


def _cut(words: FrameWords, sentence: str) -> list[str]:
    """One sentence asking two things, as two: cut before a question word that follows a joiner."""
    if words.cut is None:
        return [sentence]
    pieces = [p.strip(" ,") for p in words.cut.split(sentence)]
    if len(pieces) > 1 and any(len(_words(p)) < 3 for p in pieces):
        return [sentence]  # "81 - commissioned or published, and which year?": one question with a rider
    # "What does SCR stand for, how many were published in 2013-14, and ...?": a question, then another after
    # a comma (not "According to Woolmore, what ...": the part before the comma must ask)
    pieces = [part for piece in pieces or [sentence] for part in _also_wanted(words, piece)]
    out: list[str] = []
    for piece in pieces or [sentence]:
        head, *rest = _COMMA_ASK.split(piece)
        opener = _words(head.rsplit(":", 1)[-1])[:2]  # ("For a press release: summarise the reasons, who ...")
        # (not "Who, when asked in parliament, ...", nor "How many in 2011/12, what share were published, ...":
        # a year named first belongs to what follows too; "when did Ofsted stop, why did that matter" asks twice)
        asks_when = opener[:1] == ["when"] and opener[1:] and opener[1] in words.yesno_openers
        if rest and opener and (opener[0] in _ASKS_FIRST or asks_when) and len(_words(head)) >= 3 and not any(
                ch.isdigit() for ch in head) and all(len(_words(r)) >= 3 for r in rest):
            out += [head.strip(" ,"), *(r.strip(" ,") for r in rest)]
        else:
            out.append(piece)
    return out


_DOUBTS = frozenset({"sure", "certain", "really", "right", "correct", "true"})  # "r u sure? i read 81"
# ", plus the percentage change ...", ", and the quote about ...": a second thing wanted, named after a request
_ALSO_WANTED = lazyre.compile(r",\s*(?:plus|and also|as well as|and)\s+(?=(?:the|a|an|his|her|their|any|whether)\s)",
                              re.IGNORECASE)
_ONE_THING = ("between", "difference", "compare", "compared", "total of", "combined", "ratio", "sum of", "versus")


def _also_wanted(words: FrameWords, sentence: str) -> list[str]:
    """"Can you give me the published figures for all three years, plus the percentage change from the first
    to the last?", "Published figure for 2011/12 please, and the quote about ...": a request, then a second
    thing wanted, each asked for (not "the difference between X and the Y", one thing)."""
    m = _ALSO_WANTED.search(sentence)
    if m is None:
        return [sentence]
    head, tail = sentence[: m.start()], sentence[m.end():]
    lowered = f" {head.lower()} "
    requested = "please" in lowered.split() or bool(set(_words(head)[:4]) & set(words.request_verbs))
    if not requested or any(f" {w} " in lowered for w in _ONE_THING) or len(_words(tail)) < 3:
        return [sentence]
    tail = tail.strip(" ,")
    return [head.strip(" ,"), tail if tail.lower().startswith("whether ") else f"give me {tail}"]


STATED_WORDS = 8  # "How many times over is that?" and no longer


def _on_figures_before(words: FrameWords, sentence: str, before: str) -> bool:
    """"So commissioned went from 55 to 114. How many times over is that?": a short question pointing back
    ("that") at figures the sentence before states, without asking; the two are one question."""
    tokens = _words(sentence)
    if set(tokens) & words.contradicting:  # "... Does anything contradict that?": a Yes would mean No
        return False
    # (longer when the figures are the asker's own: "Our LSCB published 2 in 2012/13. What share of the national
    # published figure is that?")
    own = bool(set(_words(before)) & {"our", "we", "my", "i"})
    return (len(tokens) <= (2 * STATED_WORDS if own else STATED_WORDS) and bool(set(tokens) & set(words.anaphors))
            and _A_FIGURE.search(before) is not None and not before.rstrip().endswith("?"))  # (not "a 600-word piece")


# "When Woolmore calls it 'prescriptive', what does she mean?": that "when" opens a clause, it asks no date.
_WHEN_CLAUSE = LazyPattern(
    r"^\s*when\s+(?=[^,?]{3,},\s*(?:what|who|whose|why|how|which|where|does|do|did|is|was|were|are|can|could)\b)",
    re.IGNORECASE,
)


# "According to Woolmore, was the old system ...?": the question comes first, and who it is according to last.
_ACCORDING = LazyPattern(r"^\s*(according to|per|in the words of)\s+([^,?]{2,40}),\s*(.+?)\s*$", re.IGNORECASE)


_EQUALS = LazyPattern(r"^\s*([\w'’ ]{1,40}?)\s*=+\s*\?*\s*$")  # "LSCB = ?": what is an LSCB?


def _yesno_last(words: FrameWords, sentence: str) -> str:
    """"Over the whole period, 2011/12 to 2013/14, did commissioned SCRs double?": a yes/no question after
    a leading phrase that asks nothing is moved first, so it still reads as yes/no."""
    head, comma, tail = sentence.rpartition(",")
    first = _words(tail)[:1]
    if not comma or not first or first[0] not in words.yesno_openers or not 2 <= len(_words(head)) <= 12:
        return sentence
    if "than" in _words(tail):  # "In 2013/14, were more published than in 2012/13?": the order of years matters
        return sentence
    if _is_check(words, tail):  # "I read that 81 were published in 2012/13, is that what the article says?"
        return sentence
    if set(_words(head)) & words.question_words - {"and", "so", "any"} - words.yesno_openers:
        return sentence
    return f"{tail.strip().rstrip('?')}, {head.strip()}?"


_BUT = LazyPattern(r"^(?P<lead>[^?]{12,}?),\s*but\s+(?P<asked>\w+\b.*)$", re.IGNORECASE | re.DOTALL)


def _after_but(words: FrameWords, sentence: str) -> str:
    """"The article gave numbers up to 2013/14, but what were the figures for 2014/15?": the question after a
    statement it turns from (whose years and figures are the article's, not what is asked)."""
    if ", but " not in sentence.lower():
        return sentence
    m = _BUT.match(sentence.strip())
    if m is None:
        return sentence
    lead, asked = _words(m.group("lead")), _words(m.group("asked"))
    if not lead or not asked or lead[0] in words.question_words or lead[0] in words.yesno_openers or \
            asked[0] not in WH_WORDS:
        return sentence
    return m.group("asked")


def _main_clause(sentence: str) -> str:
    """The sentence with its question first: a leading "when" clause, "X = ?" and "according to X," undone."""
    head = sentence.lstrip()[:16].lower()
    if head.startswith("when "):
        sentence = _WHEN_CLAUSE.sub("", sentence, count=1)
    equals = _EQUALS.match(sentence) if "=" in sentence else None
    if equals:
        return f"what is {equals.group(1)}?"
    m = _ACCORDING.match(sentence) if head.startswith(("according", "per ", "in the words")) else None
    if m:
        question, mark = m.group(3).rstrip("?"), "?" if m.group(3).endswith("?") else ""
        if m.group(2).lower().split()[-1:] in (["article"], ["piece"], ["story"], ["report"]):
            return f"{question}{mark}"  # "according to this article, ...": every answer is the article's
        sentence = f"{question} {m.group(1).lower()} {m.group(2)}{mark}"
    return sentence


def sentences(text: str) -> list[str]:
    """The message's sentences, in order (a full stop after "Prof." or "e.g." ends none)."""
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [part for piece in out for part in _after_colon(piece)]


def _after_colon(sentence: str) -> list[str]:
    """"... like last week, in a piece on school places: the figure of 114, is that commissioned or published?": a
    long lead-in before a colon is a sentence of its own, when a question follows it."""
    lead, colon, rest = sentence.rpartition(": ")
    if not colon or not rest.rstrip().endswith("?") or len(lead.split()) < 10 or len(rest.split()) < 3 or \
            _ASKING.search(lead):  # ("Between 2012/13 and 2013/14, which grew more: commissioned or published?")
        return [sentence]
    # a lead-in stating no figure of its own is only who asks and why ("I need to double check one thing ..."):
    # set aside; one that states figures stays, for the question to point back at
    return [f"{lead}.", rest] if _A_FIGURE.search(lead) else [rest]


def _wants_words(words: FrameWords, sentence: str) -> bool:
    """"Exact words please.": a few words asking for the last question's answer verbatim, asking nothing new."""
    said = _words(sentence)
    return len(said) <= 5 and bool(set(said) & set(words.check_list("verbatim"))) and not _asks(words, sentence)


def _from_the_ask(words: FrameWords, piece: str) -> str:
    """"hi, I'm a parent, my friend said ..., can you explain what an SCR is": from the clause that asks, when
    the clauses before it name no year or figure the question could need."""
    clauses = piece.split(", ")
    for i, clause in enumerate(clauses[1:], start=1):
        if _asks(words, clause):
            before = ", ".join(clauses[:i])
            return piece if any(ch.isdigit() for ch in before) else ", ".join(clauses[i:])
    return piece


_ITEM_JOINED = (" or", " to", " and", " vs", " versus", " than", " with")
# "1) ", "(2) ", "b. ", "(ii) ": an item of a numbered list
_ITEM = lazyre.compile(r"(?:^|(?<=\s))(\()?([1-9]|[a-e]|iii|ii|iv|i|v)[).]\s+")
_ROMAN = ("i", "ii", "iii", "iv", "v")


def _labels_in_order(labels: list[str]) -> bool:
    """1, 2, 3 or a, b, c or i, ii, iii: a list, from its first item on."""
    if labels[:1] == ["i"] and all(label in _ROMAN for label in labels):
        return labels == list(_ROMAN[: len(labels)])
    first = "1" if labels[:1] == ["1"] else "a"
    return labels == [chr(ord(first) + i) for i in range(len(labels))]


def _listed(words: FrameWords, text: str) -> list[str]:
    """"1) year the panel was set up 2) who set it up 3) what for": each item asks a question of its own;
    none unless the items are numbered in order from 1 (or a, or i)."""
    found = list(_ITEM.finditer(text))
    labels = [m.group(2) for m in found]
    if len(found) < 2 or not _labels_in_order(labels):
        return _bulleted(words, text) or _claims_listed(words, text)
    # the list opens the message, or follows a colon or a question, or its items are set apart as a list is
    # ("(a) ...", one to a line); an item joined to the one before ("the ratio of 1) commissioned to 2)
    # published", "a) commissioned or b) published") is part of one question
    lead = text[: found[0].start()].rstrip()
    ends = [m.start() for m in found[1:]] + [len(text)]
    items = [text[m.end():end].strip(" ,;") for m, end in zip(found, ends, strict=True)]
    # items that each ask ("can you confirm (a) how many ... and (b) what she ...") are questions however joined
    asking = all(_words(item)[:1] and _words(item)[0] in _EMBEDDED - {"if", "whether"} for item in items)
    set_apart = all(m.group(1) for m in found) or all(text[: m.start()].endswith("\n") for m in found)
    joins = tuple(j for j in _ITEM_JOINED if j not in (" and", " or")) if set_apart else _ITEM_JOINED
    if any(text[: m.start()].rstrip().lower().endswith(joins) for m in found[1:]) and not asking:
        return []  # ("(a) ..., (b) ... and (c) ...": a list's last item, set apart, joined by "and")
    if lead and not lead.endswith((":", "?", "\n")) and not (asking or set_apart):
        return []
    items[-1] = re.split(r"(?<=[?.!])\s+(?=[A-Z])", items[-1], maxsplit=1)[0]  # ("... the year before? Thanks
    # so much!": the last item ends with its own question)
    items = [re.sub(r"\s+(?:and|or)$", "", item).rstrip(" ,;") for item in items]
    # what the lead asks of every item: "check three claims: a) Timpson is ...", "please give (a) the rise ..."
    said = sentences(lead)[-1] if lead else ""
    checking = bool(set(_words(said)) & set(words.check_list("list_checks")))
    opener = said.rstrip(" :,") if said and not said.endswith((":", "?")) else ""
    return [f"is it true that {item}" if checking and not _asks(words, item) and not opener else
            f"{opener} {item}" if opener and not _asks(words, item) else item for item in items]


def _bulleted(words: FrameWords, text: str) -> list[str]:
    """"Prepping a briefing. • What's the 2013/14 figure? • What % is that?": each bullet is a question."""
    if text.count("•") < 2:
        return []
    lead, *items = text.split("•")
    items = [item.strip(" ,;\n") for item in items if item.strip(" ,;\n")]
    said = sentences(lead.strip())[-1] if lead.strip() else ""
    checking = bool(set(_words(said)) & set(words.check_list("list_checks")))
    return [f"is it true that {item}" if checking and not _asks(words, item) else item for item in items]


def _claims_listed(words: FrameWords, text: str) -> list[str]:
    """"Please confirm: Ofsted stopped in July 2012, Working Together revised March 2013, panel set up 2014.":
    statements listed after a lead that asks for them to be checked, each checked on its own."""
    lead, colon, rest = text.partition(":")
    said = set(_words(lead))
    checking = bool(said & set(words.check_list("list_checks")))
    wanting = bool(said & set(words.check_list("list_leads"))) and not said & _EMBEDDED  # "I need three
    # things: A, B, and C" (not "In what order did things happen: A, B, C?", one question)
    if not colon or not (checking or wanting) or len(_words(lead.rsplit(".", 1)[-1])) > 8:
        return []
    pieces = re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[A-Z])", rest)
    items = [item.strip(" .;") for item in pieces if item.strip(" .;")]
    if len(items) < 2 or any(len(item.split()) < (3 if checking else 2) or (checking and _asks(words, item))
                             for item in items):
        return []
    return [f"is it true that {item}" if checking else item for item in items]


# "First, how many ...", "Secondly, did she ...": the order a sentence is asked in, not part of what it asks
_ORDINAL = lazyre.compile(r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|also|next)\s*[,:]\s+",
                          re.IGNORECASE)
# "... and tell me whether that's more than double?": the yes/no question it wraps
_WHETHER = lazyre.compile(r"^(?:and\s+)?(?:please\s+)?(?:tell me|let me know|say|check)\s+(?:whether|if)\s+"
                          r"(that|it|this|they|those)(?:'s|\s+(is|was|are|were))\s+", re.IGNORECASE)


def _asked_plainly(sentence: str) -> str:
    """"tell me whether that's more than double?" as "is that more than double?"."""
    m = _WHETHER.match(sentence)
    if m is None:
        return sentence
    verb = (m.group(2) or "is").lower()
    return f"{verb} {m.group(1).lower()} {sentence[m.end():].rstrip(' ?.')}?"


def _restated(words: FrameWords, text: str) -> str:
    """"I mean commissioned", "no, I meant 2012/13": a turn that only corrects the last question, without its
    marker (whose "mean" is no average)."""
    lowered = text.lower().lstrip()
    for marker in per_list(words.check_list("restatements"), _by_length):
        if lowered.startswith(marker + " ") and len(lowered) > len(marker) + 1:
            return text.lstrip()[len(marker):].lstrip(" ,:-–—")
    return text


def _claim_led(words: FrameWords, text: str) -> str:
    """"Is it fair to say they doubled?": the claim, put to be checked ("they doubled, right?"); the lead's own
    words ("fair", "say") would only blur what is asked."""
    lowered = text.lower().lstrip()
    if not lowered.startswith(("is ", "would ", "can ", "could ", "am ")):
        return text  # (most messages)
    for lead in per_list(words.check_list("claim_leads"), _by_length):
        if lowered.startswith(lead + " ") and len(lowered.split()) > len(lead.split()) + 1:
            claim = re.sub(r"^(?:that)\s+", "", text.lstrip()[len(lead):].strip(" ,:-–—"), flags=re.IGNORECASE)
            return f"{claim.rstrip(' ?.!')}, right?"
    return text


def _corrected(words: FrameWords, text: str) -> str:
    """"and how many of those... sorry, how many were published that year": what the asker corrected it to,
    when a correction follows some words and is followed by a question of its own."""
    lowered = text.lower()
    for marker in per_list(words.check_list("corrections"), _by_length):  # "sorry, i mean" over "sorry,"
        at = lowered.rfind(marker)
        if at > 0 and not lowered[at - 1].isalnum():
            after = text[at + len(marker):].lstrip(" ,.:;-–—")
            if len(_words(after)) >= 3 and _asks(words, after):
                before, _ = read_periods(normalise(text[:at]))
                if before and not read_periods(normalise(after))[0]:  # "... in 2012/13, sorry, how many were
                    after = f"{after.rstrip('?. ')} ({before[-1].text})?"  # published?": that year still
                return after
    return text


GREETING_WORDS = 3  # "good morning all," and no longer


def _ungreeted(words: FrameWords, text: str) -> str:
    """"hi, what's the Munro review?", "hi what's ...": the question without the greeting before it, which only
    made it read less like the question it is. (String work, not a pattern: every message passes here.)"""
    greetings = per_list(words.check_list("greetings"), frozenset)
    said = text.lstrip()
    first = said.split(maxsplit=1)[:1]
    if not first or first[0].lower().strip(",:;-–—!") not in greetings:
        return text  # (most messages: one set lookup)
    cut = next((i for i, ch in enumerate(said[:31]) if ch in ",:;-–—"), -1)
    if cut > 0:  # "hi all - ...", "good morning, team: ..."
        head, rest = _words(said[:cut]), said[cut:].lstrip(" ,:;-–—")
    else:  # "hi what's ...": greeting words straight before a question word
        tokens = said.split()
        at = next((i for i, w in enumerate(tokens[:GREETING_WORDS + 1]) if w.lower() in words.question_words
                   or w.lower() in words.yesno_openers), -1)
        if at <= 0:
            return text
        head, rest = _words(" ".join(tokens[:at])), " ".join(tokens[at:])
    if head and set(head) <= greetings and len(_words(rest)) >= 3 and _asks(words, rest):
        return rest
    return text


def _unthanked(words: FrameWords, text: str) -> str:
    """"thx and commissioned", "thanks, and the year before?": the follow-up without the thanks before it (a
    thanks alone is kept: it is answered as one)."""
    said = text.lstrip()
    first = said.split(maxsplit=1)[:1]
    thanks = words.check_list("thanks_openers")
    if not first or first[0].lower().strip(",.!:;-–—") not in per_list(thanks, _first_words):
        return text  # (most messages: one set lookup)
    tokens = said.split()
    at = 0
    while at < len(tokens) and (" ".join(w.lower().strip(",.!:;-–—") for w in tokens[: at + 1]) in thanks or
                                tokens[at].lower().strip(",.!:;-–—") in thanks):
        at += 1
    rest = " ".join(tokens[at:]).lstrip(" ,.!:;-–—")
    opener = rest.split(maxsplit=1)[0].lower() if rest else ""
    if at and opener and (opener in words.question_words or opener in ("and", "now", "also", "but", "then")):
        return rest
    return text


def _uninstructed(words: FrameWords, text: str) -> str:
    """"True or false: ... Answer yes if true, no if false.": the message without a closing sentence that only
    says how to answer, whose "no" and "false" would read as the asker's own."""
    found = sentences(text)
    if len(found) < 2 or " ".join(_words(found[-1])) not in words.check_list("answer_format"):
        return text
    return text[: text.rfind(found[-1])].rstrip().rstrip(".!") + "?"  # (what is left is asked)


def _unframed(words: FrameWords, text: str) -> str:
    """"Does the article say (that) the old system was designed with publication in mind?": the claim itself,
    asked ("is it true that the old system was designed ...?"), so the sentence that says otherwise answers No.
    Not "does the article say whether / why / anything ...", which ask what the article holds."""
    lowered = text.lower().lstrip()
    about = next((o for o in words.check_list("says_about_whether") if lowered.startswith(f"{o} ")), None)
    if about is not None and len(lowered.split()) - len(about.split()) >= 3:  # "what did the article say about
        return "is it true that " + " ".join(text.split()[len(about.split()):])  # whether ...?": whether it did
    opener = next((o for o in words.check_list("says_openers") if lowered.startswith(f"{o} ")), None)
    if opener is None:
        return text
    rest = lowered[len(opener):].split()
    skip = len(opener.split()) + (rest[:1] == ["that"])
    rest = rest[rest[:1] == ["that"]:]
    if len(rest) < 3 or rest[0] in words.question_words or rest[0] in words.check_list("says_asks"):
        return text
    return "is it true that " + " ".join(text.split()[skip:])  # (still a yes or no)


def split(words: FrameWords, text: str) -> list[str]:
    """The questions `text` asks, in order; the text itself when it asks one thing (or too many)."""
    text = _corrected(words, _ungreeted(words, _unframed(words, _uninstructed(words, _restated(
        words, _claim_led(words, _unthanked(words, text)))))))
    items = _listed(words, text)
    if 1 < len(items) <= MAX_LISTED and all(len(item.split()) >= 2 for item in items):
        return [_main_clause(item) for item in items]
    found = [_asked_plainly(_ORDINAL.sub("", sentence, count=1)) for sentence in sentences(text)]
    if not found:
        return [text]
    kept: list[str] = []
    for i, sentence in enumerate(found):
        if kept and (_CLARIFIES.match(sentence) or _wants_words(words, sentence)):
            kept[-1] = f"{kept[-1]} {sentence}"  # "...? i.e. commissioned minus published", "...? Exact words pls"
        elif _pleasantry(words, sentence):  # "Could someone from the group help me out?": asks nothing itself
            if i > 0 and not _asks(words, found[i - 1]) and (not kept or kept[-1] != found[i - 1]):
                kept.append(found[i - 1])  # "I need the 2013/14 figures. Can anyone help?"
        elif i > 0 and " ".join(_words(sentence)) in words.check_list("who_said_that") and not _asks(
                words, found[i - 1]):  # "I'm told the rise was 'dramatic'. Who said that?": one question
            kept.append(f"{found[i - 1].rstrip('.!;')}, {sentence[:1].lower()}{sentence[1:]}")
        elif _refers_back(words, sentence):
            if i > 0 and (not kept or kept[-1] != found[i - 1]):
                kept.append(found[i - 1])  # the request is to answer what was just said
        elif _is_check(words, sentence) and i > 0 and not _asks(words, found[i - 1]):
            claim = _claimed_before(found[:i])  # "... is the reason. I was sceptical. Does the article back that up?"
            kept.append(f"{claim.rstrip('.!;')}, {sentence[:1].lower()}{sentence[1:]}")
        elif _asks(words, sentence) and i > 0 and _on_figures_before(words, sentence, found[i - 1]):
            if kept and kept[-1] == found[i - 1]:
                kept.pop()  # "So commissioned went from 55 to 114." asked nothing of its own
            kept.append(f"{found[i - 1].rstrip('.!;')}, {sentence[:1].lower()}{sentence[1:]}")
        elif _asks(words, sentence):
            kept.append(sentence)
        elif kept and kept[-1] == found[i - 1] and any(c.isdigit() for c in sentence) and (
                _is_check(words, kept[-1]) or (len(_words(kept[-1])) <= 4 and set(_words(kept[-1])) & _DOUBTS)):
            # "Is that right? I read 81": the figure the check is about comes after it
            kept[-1] = f"{sentence.rstrip('.!;')}, {kept[-1][:1].lower()}{kept[-1][1:]}"
    if not kept:  # nothing reads as a question: the whole message is read as one, or as the two things it asks
        cut = [_main_clause(piece) for piece in _cut(words, text)]  # "hi ... can you explain X and how many ..."
        if 1 < len(cut) <= MAX_PARTS:
            return [_from_the_ask(words, cut[0]), *cut[1:]]
        return [text]
    parts = [_asked_plainly(_yesno_last(words, _main_clause(_after_but(words, piece)))) for sentence in kept
             for piece in _cut(words, sentence)]
    if len(parts) > MAX_PARTS:
        return [" ".join(kept)]
    return parts
