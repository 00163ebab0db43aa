"""Pronouns: wrong gender, a person's pronoun for an organisation, duplicated subjects, wrong person.

Spanish, Portuguese and Italian drop subject pronouns; Turkish, Finnish, Persian and
Chinese pronouns carry no gender; Russian, French and German give institutions a
grammatical gender. Machine translation has to guess, and guesses wrong. These rules
read the shared analysis :mod:`tqcheck.analysis.people` (who is named, their gender
evidence, who speaks, what each pronoun refers to) and stay quiet whenever someone
else could be meant.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..analysis.people import (
    ADVERBS,
    AUX,
    FEMALE,
    IRREGULAR_PAST,
    MALE,
    NOT_VERBS_S,
    OPPOSITE,
    ORG_CUES,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    SUBORDINATORS,
    THING_NOUNS,
    first_name_gender,
    fold,
    is_common_word,
    para_index,
    people,
    strong_gender,
)
from ..document import Document
from ..model import Edit, Finding
from .base import Context, rule

_WHO = {MALE: "a man", FEMALE: "a woman"}
_RIGHT = {MALE: "he", FEMALE: "she"}


def _pronoun_fix(doc: Document, start: int, end: int, gender: str, possessive: bool = False) -> str:
    """The pronoun of the right gender, in the case of the original (``She`` -> ``He``, ``his`` -> ``her``)."""
    word = doc.text[start:end]
    if possessive:
        right = {MALE: "his", FEMALE: "her"}[gender]
    elif word.lower() in ("he", "she"):
        right = _RIGHT[gender]
    else:
        right = {MALE: "him", FEMALE: "her"}[gender]
    return right.capitalize() if word[:1].isupper() else right


# "Mr" before a woman's first name (Japanese -san, Chinese xiansheng/nushi guessed); not "Mrs John Smith",
# the old convention of naming a wife by her husband's name.
_TITLE_FOR = {"mr": MALE, "mister": MALE, "ms": FEMALE, "miss": FEMALE}


def _title_mismatch(doc: Document, pe) -> Iterator[Finding]:
    text = doc.text
    for r in pe.runs:
        if r.kind not in ("person", "name") or len(r.words) < 2 or doc.in_quote(r.start):
            continue
        m = _TITLE_BEFORE.search(text, max(0, r.start - 8), r.start)
        if m is not None:  # "Mr. Yumiko Tanaka": the period ends the title's run
            s, e, first = m.start("t"), m.end("t"), r.words[0][2]
        elif len(r.words) >= 3:
            s, e, first = r.words[0][0], r.words[0][1], r.words[1][2]
        else:
            continue
        title = text[s:e]
        g = _TITLE_FOR.get(title.lower())
        if g is None:
            continue
        fg = first_name_gender(first)
        if fg not in ("m", "f") or (MALE if fg == "m" else FEMALE) == g or is_common_word(first):
            continue
        right = "Ms" if g == MALE else "Mr"
        yield Finding(s, e, f"'{title}' does not fit {first}, a {'woman' if g == MALE else 'man'}'s first name",
                      suggestion=right, fix=(Edit(s, e - s, right),))


_TITLE_BEFORE = re.compile(r"\b(?P<t>Mr|Ms|Miss|Mister)\.?[ \t]+$")

# "Mr. Koike" for Governor Yuriko Koike: Japanese -san and Korean -ssi carry no gender, and MT picks "Mr".
_TITLE_SURNAME = re.compile(r"\b(?P<t>Mr|Mrs|Ms|Miss)\.?[ \t]+(?P<s>[A-Z][a-z][\w\-]*)\b(?![ \t]+[A-Z])")
_TITLE_SURNAME_FOR = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE}
# relatives who may share the surname: "her husband ... Mr. Koike"
_KIN = {MALE: re.compile(r"\b(?:husband|father|son|brother|grandson|grandfather|widower|uncle|nephew)s?\b"),
              FEMALE: re.compile(r"\b(?:wife|mother|daughter|sister|granddaughter|grandmother|widow|aunt|niece)s?\b")}


def _title_surname_mismatch(doc: Document, pe) -> Iterator[Finding]:
    """``Mr Koike`` for a woman whose gender the article settles otherwise (her first name, ``the actress``,
    several pronouns), with no relative of the title's sex who could share the surname."""
    text = doc.text
    if "Mr" not in text and "Ms" not in text and "Miss" not in text:
        return
    by_surname: dict[str, list] = {}
    for p in pe.persons:
        if len(p.name.split()) >= 2:
            by_surname.setdefault(p.surname, []).append(p)
    matches = list(_TITLE_SURNAME.finditer(text))
    titled = Counter((_TITLE_SURNAME_FOR[m.group("t").lower()], m.group("s")) for m in matches)
    for m in matches:
        tg = _TITLE_SURNAME_FOR[m.group("t").lower()]
        ps = by_surname.get(m.group("s"))
        if not ps or any(p.gender != OPPOSITE[tg] for p in ps) or not any(strong_gender(p, pronouns=True) for p in ps):
            continue
        if titled[(tg, m.group("s"))] > 1:
            continue  # "Mr Mittal" throughout: the article's own evidence, not one slip (Lakshmi Mittal)
        votes = getattr(ps[0], "_votes", None) or {}
        if votes.get((tg, 0), 0) > votes.get((OPPOSITE[tg], 0), 0):
            continue  # the article's pronouns side with the title
        if len({frozenset(fold(w).replace("-", "") for w in p.name.split()) for p in ps}) > 1:
            continue  # two people of that surname (only order variants of one name are one person)
        if _KIN[tg].search(text):
            continue
        s, e = m.start(), m.end()
        title = m.group("t")
        right = "Ms" if tg == MALE else "Mr"
        yield Finding(s, e, f"'{text[s:e]}' is {ps[0].describe()}: '{title}' is the wrong title",
                      suggestion=right, fix=(Edit(s, len(title), right),))


# "he won the Best Actress award": the award names the winner's sex
_AWARD_VERB = re.compile(
    r"\b(?P<p>[Hh]e|[Ss]he)[ \t]+(?:also[ \t]+|later[ \t]+|then[ \t]+)?(?:won|wins|received|receives|collected"
    r"|claimed|earned|took[ \t]+home|picked[ \t]+up|was[ \t]+awarded|was[ \t]+named)[ \t]+")
_AWARD_NOUNS = {"actress": FEMALE, "actor": MALE, "sportswoman": FEMALE, "sportsman": MALE,
                "actresses": FEMALE, "female": FEMALE, "male": MALE}
_AWARD_WORDS = re.compile(r"[A-Za-z'\-]+|[^\sA-Za-z'\-]")


def _award_mismatch(doc: Document, pe) -> Iterator[Finding]:
    """A he/she who wins a prize for an actress or an actor (``he won the Best Actress award``)."""
    text = doc.text
    if "ctress" not in text and "ctor" not in text and "ports" not in text and "emale" not in text:
        return
    for m in _AWARD_VERB.finditer(text):
        s, e = m.span("p")
        if doc.in_quote(s):
            continue
        words = _AWARD_WORDS.findall(text, m.end(), m.end() + 80)[:8]
        low = [w.lower() for w in words]
        stop = next((i for i, w in enumerate(words) if not w[0].isalpha()), len(words))
        award = noun = None
        for i, w in enumerate(low[:stop]):
            if (w in ("actress", "actor", "actresses", "sportswoman", "sportsman") and words[i][0].isupper()) or \
                    (w in ("female", "male") and i and low[i - 1] == "best"):
                award, noun = _AWARD_NOUNS[w], " ".join(words[max(0, i - 1):i + 1])
        if award is None or "behalf" in low:
            continue  # "on her behalf": someone collects a prize for another
        pron = m.group("p").lower()
        pg = MALE if pron == "he" else FEMALE
        if pg == award:
            continue
        res = pe._res_by_start.get(s)
        if res is not None and res.person >= 0 and pe.persons[res.person].gender is not None:
            continue  # resolved to a person of known gender: the main test decides
        right = _RIGHT[award]
        fix = right.capitalize() if m.group("p")[0].isupper() else right
        yield Finding(s, e, f"'{m.group('p')}' wins the '{noun}' prize, which goes to {_WHO[award]}",
                      suggestion=fix, fix=(Edit(s, e - s, fix),))


@rule(
    code="TQ301",
    name="pronoun-gender-mismatch",
    category="pronoun",
    severity="major",
    summary="A he/she (or his/her) whose gender contradicts the person it refers to.",
    flags=[
        # possessives: the subject of the sentence, the person just named, a fronted "For his part,"
        "Giorgia Meloni defended [[his]] government's record in parliament on Tuesday.",
        "Yolanda Díaz presented the plan on Monday. [[His]] party, Sumar, backed it.",
        "The German Chancellor Olaf Scholz defended [[her]] coalition's budget before the Bundestag.",
        "For [[his]] part, Giorgia Meloni said the agreement would hold.",
        "The Prime Minister, François Bayrou, defended for [[her]] part the method of consultation.",
        # a title alone (Ms at a sentence start), a public figure named by surname only
        "Ms Kaya rejected the charges. \"I have done nothing wrong,\" [[he]] said.",
        "Prime Minister Meloni spoke in Rome on Tuesday. \"We will not give up,\" [[he]] said.",
        # the speaker of the paragraph, introduced by a title and an apposition
        "Elly Schlein criticised the plan.\n\nThe Minister of Economy, Giancarlo Giorgetti, said the accounts were "
        "in order. \"The spread is at its lowest since 2021,\" [[she]] explained.",
        # a first name that is also a word, opening the sentence
        "Marine Le Pen was sentenced on Monday to four years in prison. [[His]] lawyer said he would appeal.",
        "Aleksandr Lukashenko spoke after the meeting. \"We cannot manage without Russia,\" [[she]] said.",
        "The contractor, Mr Hasan Arslan, rejected the accusations. \"I built it by the book,\" [[she]] said.",
        "The lawyer, Ayşe Korkmaz, said the report was clear. The columns had been cut, Korkmaz said. [[He]] added "
        "that the families would also sue.",
        "\"It is a very important victory,\" [[she]] said at the press conference the coach of River, Marcelo Sosa, "
        "who avoided talking about the title.",
        "\"The decision shows resolve,\" said economist Murat Şahin. According to [[her]], more increases may follow.",
        "The singer Dalva Moreira died on Thursday. She had been in hospital since last week.\n\n"
        "Dalva began to sing at 12 in the samba school to which she would dedicate her life.\n\n"
        "In 1968, [[he]] recorded [[his]] first album.",
        # a speech verb after the speaker who opens the paragraph (the man named before is out of focus)
        "Mayor Carlos Ibáñez announced the plan on Monday.\n\nThe regional director, Ayşe Demir, stated that "
        "the new bridge would open in May. [[He]] noted that 40 buses a day are expected.",
        # a Chinese name, surname first; a Slavic feminine surname with a first name given to both
        "Wang Jianguo, deputy head of the customs bureau, said exports had risen. He pointed out that car sales "
        "grew fastest.\n\n\"We will keep supporting exporters,\" [[she]] said.",
        "Sasha Ivanova, a teacher from Tver, spoke to reporters. \"We are tired,\" [[he]] said.",
        # a party adjective is nobody the pronoun could mean
        "President Elena Ruiz rejected the proposal of a group of Republican senators to tax remittances.\n\n"
        "Asked about the vote, [[he]] said that the country would defend its people.",
        # a first name alone, introduced by an inverted attribution
        "\"We left with the dog,\" said Sandrine, a resident of the hamlet of Les Oliviers. [[His]] house was "
        "spared.",
        # a hand-checked first name outweighs the article's own (consistently wrong) pronouns
        "Narges Abyar presented her film on Monday. [[He]] said the story was true. [[He]] added that shooting "
        "took two years.",
        # honorifics MT leaves in place: Persian Khanum, Indonesian Bu
        "Khanum Banietemad opened the festival. \"Cinema is our memory,\" [[he]] said.",
        "Residents were evacuated on Sunday, Bu Khofifah told reporters. [[He]] promised logistical help.",
        # Korean and Japanese names, surname first; a Vietnamese middle name Thi (a woman) or Van (a man)
        "Actress Kim Go-eun donated 100 million won to the hospital. In 2022 [[he]] donated the same sum.",
        "Governor Koike Yuriko announced the plan on Tuesday. \"Nobody should have to choose,\" [[he]] said.",
        "Pham Van Minh, a fisherman, lost his boat. [[She]] said the storm came at night.",
        # a spouse noun that contradicts its possessive, beside a woman's first name
        "The director Parisa Karimi thanked [[his]] husband, who produced the film.",
        # a title that contradicts the first name
        "At the shelter, [[Mr]]. Keiko Sato, 72, who came with her husband, said the water rose fast.",
        # a title before the surname alone, against a hand-checked first name (Japanese -san, Korean -ssi)
        "Governor Yuriko Koike announced the plan. [[Mr. Koike]] said it would start in April.",
        "Actress Kim Go-eun donated the money. Her agency said: \"[[Mr. Kim]] wanted to do it quietly.\"",
        # an award for an actress or an actor names the winner's sex
        "The film was a hit last year, and [[he]] won the Best Actress award at the Baeksang Arts Awards.",
        # "he added" after a person brought in without a speech verb
        "Finance Minister Jan Kowalski defended the budget. \"It is safe,\" said the minister.\n\nMP Anna Nowak "
        "of PiS called the plan \"a recipe for debt\".\n\n\"Poles will pay for this,\" [[he]] added.",
        # a question put to the last speaker, a man by his (lowercase) title
        "\"We never stopped believing,\" said the mister Rinaldi after the match.\n\nAsked about the title race, "
        "[[she]] was cautious.",
        # the subject of the paragraph's first sentence, an unnamed woman
        "One of the victims, a 67-year-old woman from Graz, lost 180,000 euros. According to the police, [[he]] "
        "took out a loan.",
        # a count of the subject's own after a verb of achievement
        "Captain Eda Dündar, who played [[his]] 300th match for the national team, spoke to reporters.",
        # a surname two people share means the one the article has introduced so far
        "Coach Pablo Reyes met the board on Monday, and there [[she]] announced that he would leave.\n\n"
        "Later the reporter Carla Reyes said the club needed calm.",
        # the one person who speaks before the quote (or in the paragraph), all else organisations or places
        "According to sociologist Mira Radeva of the Trend agency, turnout was low. \"People do not believe their "
        "vote counts,\" [[he]] commented for bTV. According to [[him]], a regular cabinet is possible.",
        "Mayor Carlos Ibáñez spoke first.\n\nOne of the organizers, Milica Stevanović, said for Dnevni Glas that "
        "nobody listened.\n\n\"Our children are sick,\" [[he]] said.",
        "Mayor Carlos Ruiz opened the talks.\n\nThe head of the delegation, Lucía Mendoza, acknowledged a difficult "
        "moment, but [[he]] insisted that the talks go on.",
        "Mayor Carlos Ruiz visited the site.\n\nMrs. Tran Thi Mai, director of the company, said the damage was "
        "large. According to [[him]], the workers were trained.",
        # a quote MT split over two paragraphs: its speaker is named before the opening part; her name reversed
        "Mayor Carlos Ruiz spoke first.\n\nJudit Kovács, the faction leader, said the decision was unfair.\n\n"
        "\"The city wants to fill the holes of the budget,\n\nwhile the buses are late\" \u2013 [[he]] said. "
        "According to Kovács Judit the faction will appeal.",
        # everyone in reach of the pronoun is of the other sex on strong evidence, or an organisation; MT's
        # kinship title ("em" as "younger brother") does not outweigh a Vietnamese middle name
        "The fire broke out at the Hoang Phat company on Monday.\n\nYounger brother Nguyen Thi Thu (22 years old, "
        "a worker in the packing workshop) said that when [[he]] heard the alarm, everyone ran out.",
        # a he/she repeating the one before it in its sentence
        "Mayor Carlos Ruiz was sentenced.\n\nThe businesswoman Elena Vasilache was exempted from punishment. "
        "[[He]] declared in court that [[he]] paid the money.",
        # a possessive inside the clause of the person who opens the sentence
        "Gergely Karácsony spoke first.\n\nIldikó Szabó deputy mayor responsible for transport in [[his]] "
        "presentation emphasized that parking stays free. As [[he]] added, permits can be ordered online.",
    ],
    passes=[
        # an unknown speaker named in between: 'Moore said he...' after a woman's name
        "Sprinter Ellen Dahl is injured. Her coach Rob Tanner told a paper: \"She is slow to heal.\" Tanner said "
        "he hoped Dahl would run in May.",
        # a known name after an unknown given name is a family name, not the first name
        "The head of the team, Dr. Qasira Abdel Hassan, explained the find. She said the tomb was intact.",
        # a woman quoted after a man, and the reverse
        "\"The route is used for weapons,\" said Maria Zakharova, the ministry spokeswoman. She added that Russia "
        "reserves the right to inspect ships.",
        "Vladimir Putin spoke first. \"We will respond,\" said Maria Zakharova. \"Every ship will be checked,\" "
        "she said.",
        "Sophie Marchetti, the museum's director, met Geoffrey Pannell in March. \"It was a nice saucer,\" he said.",
        # generic he or she, and pronouns inside quotes about a third person
        "Each applicant must show that he or she lives in the city, Olaf Scholz said.",
        "\"My mother said it was the ugliest thing she had ever seen,\" Geoffrey Pannell said.",
        # unknown gender: no evidence, no finding
        "Tamm spoke after Putin left. \"We stand together,\" she said.",
        "Andrea Rossi met the press. \"We will win,\" she said.",
        # an unnamed person in between may be meant
        "Olaf Scholz met the German finance minister. \"The budget is fine,\" she said.",
        # a person whose article consistently uses the other pronoun is left alone
        # a first name known only from US birth statistics gives way to the article's own pronouns
        "Kayla Novak spoke. He said the plan worked. He added it would continue. \"Yes,\" he said.",
        # names given to both sexes, in either order; a Korean surname that is also Indonesian "Pak"
        "Han Ji-min arrived at the premiere. He said the role had changed him.",
        "Ji-min Han spoke to reporters. She said the album would come out in May.",
        "Nikola Petrović spoke to reporters. She said the vote would be held in May.",
        "Pak Pong-ju visited the factory. He said output would rise.",
        # a title used throughout, or where a relative of that sex may share the surname
        "Lakshmi Mittal bought the firm. Mr Mittal said it was cheap. Mr Mittal added that he would stay.",
        "Governor Yuriko Koike spoke with her husband beside her. Mr. Koike said nothing.",
        # the award goes to someone else, or is collected for another
        "She directed the film, and its star won the Best Actor award. He received the Best Actress award on "
        "her behalf.",
        # a spouse noun is one vote, never alone: same-sex couples exist
        "Maria Lopez said her wife had been arrested. She said the police came at dawn.",
        "On Monday, Robin Lindqvist thanked his husband at the ceremony. He said the prize was theirs.",
        # possessives: "her" as an object, another person of the pronoun's gender in reach, his or her
        "Pedro Sánchez gave her the prize on Monday. Pedro Sánchez told her last week that it was ready.",
        "Maria Lopez said her husband had been arrested. Lopez said his lawyers would appeal.",
        "Emmanuel Macron thanked Giorgia Meloni for his support.",
        "Each candidate must present his or her papers, Giorgia Meloni said.",
        "Chiara Benedetti runs the workshop. Her grandfather, Piero, made the tools. His bench is still there.",
        # a speaker's paragraph that also names a woman: she may be meant
        "Angela Merkel met Emmanuel Macron. Macron said the talks went well. \"We agree,\" she said.",
        # the paragraph's speaker, but a man of the pronoun's gender is named in the paragraph too
        "Mayor Carlos Ibáñez spoke first.\n\nAyşe Demir said the bridge would open in May, and Ibáñez agreed. "
        "He noted that 40 buses a day are expected.",
        "Mr Ortega defended the plan.\n\nAyşe Demir, his rival, said it had failed. He said it had worked.",
        # "Lu" is a woman's first name in English, but a Chinese surname before a man's given name
        "Lu Haitao, the plant manager, said output rose. \"We are proud of the team,\" he said.",
        # a place named like a person
        "Ana Prado grew up in the town of San Martin. \"It was quiet,\" she said.",
        # titles with names given to both, and the old "Mrs John Smith" convention
        "Mr. Andrea Rossi met Ms. Jean Blake. Mrs. John Smith hosted the dinner.",
        # "he added" when a man of the pronoun's gender is referred to after the woman brought in
        "John Brown spoke first. \"We are ready,\" said Brown.\n\nMary Smith, his rival, disagreed.\n\n"
        "\"We will see,\" he added.",
        # a man named in the paragraph before the woman's: he may be meant
        "John Smith was charged on Monday.\n\nJudge Mary Jones set bail at $10,000. He will appear in court in May.",
        # a woman asked after a man spoke, named in between
        "\"We will win,\" said Carlos Ruiz. His rival Ana Prado was at the rally. Asked about the vote, she was "
        "cautious.",
        # someone else's count: the verb is not the subject's achievement
        "Coach Marco Rossi praised Ana Prado, who watched his 300th match from the stands.",
        # the one speaker in reach: a quote about a third person, reported speech, a new speaker after the
        # quote, an unnamed person, someone of unknown gender, a person noun of the pronoun's gender
        "Mayor Carlos Ruiz opened the talks.\n\nMourners gathered for Maria Lopez on Sunday. \"She was a great "
        "mother,\" he said.",
        "Mayor Carlos Ruiz opened the talks.\n\nMaria Lopez said he told police the car was stolen.",
        "Mayor Carlos Ruiz opened the talks.\n\nAccording to Maria Lopez, the vote was fair. \"We are tired,\" he "
        "said. Ivan Petrov, 45, has lived here for years.",
        "Mayor Carlos Ruiz opened the talks.\n\nProsecutor Mary Jones said the defendant lied. \"I did nothing,\" "
        "he said.",
        "Mayor Carlos Ruiz opened the talks.\n\nAccording to Andrea Rossi, the plan failed. \"We will see,\" he "
        "said.",
        "Mayor Carlos Ruiz opened the talks.\n\nMaria Lopez said the mayor had resigned. According to him, the "
        "city is broke.",
        # everyone in reach of the other sex, but: someone unnamed speaks of her, a person noun
        "Police said Maria Lopez died on Sunday. \"She was kind,\" he said.",
        "The fire broke out at the company.\n\nMaria Lopez (22 years old) met a neighbour there. He said the fire "
        "started at night.",
        "The fire broke out at the company.\n\nA neighbour and Nguyen Thi Thu (22, a worker) said that when he heard "
        "the alarm, everyone ran out.",
        # a quote split over paragraphs after a paragraph naming a man too; a repeated he/she with someone
        # named between the two
        "Maria Lopez spoke first, and Ivan Petrov agreed.\n\n\"The city wants to fill the holes,\n\nwhile the "
        "buses are late\" \u2013 he said.",
        "Mayor Carlos Ruiz was sentenced.\n\nThe businesswoman Elena Vasilache was exempted. She said that Ruiz "
        "knew he paid the money.",
        # a possessive after a conjunction or a relative clause, or opening an apposition
        "Mayor Carlos Ruiz opened the talks.\n\nMaria Lopez, whose son was hurt, in his statement said nothing.",
        "Dalva Moreira sang first.\n\nComposer Paulo Cezar Brandão, her partner in more than 30 songs, spoke next.",
    ],
)
def pronoun_gender_mismatch(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A `he` or `she` (or `according to him/her`), or a possessive `his` or `her`,
    outside quotations that refers to a person of the other gender. The referent
    follows news conventions: the speaker named after an inverted attribution
    (`"...," she explained the director, Lorenzo Vitale`), the last speaker for `he
    added` / `she continued`, the person speaking in the paragraph for a quote
    attributed with a pronoun (`Giorgetti said ... "...," she explained`), the
    subject that a fronted `For his part,` introduces, the person who speaks as the
    subject of the paragraph's previous sentence for `He noted` / `She said` opening a
    sentence (when nobody of the pronoun's gender is named in that paragraph or
    referred to there by a pronoun), otherwise the person named
    most recently outside quotations, when nobody else in the same or the two
    previous paragraphs (another person of either gender, an unnamed minister or
    spokeswoman, an unknown name) could be meant; possessives also need nobody of
    their gender in the paragraphs before. The person's gender comes from the
    configuration (`names`), a title (`Mr`, `Mrs`, `Ms`, `Sir`, `Lady`, `Dona`,
    `Señora`), a gendered noun (`spokeswoman Maria Zakharova`, `X, the actress`), the
    first name (also alone: `said Sandrine, a resident`; a Chinese given name after the
    surname: `Chen Guoqiang`), a Slavic surname ending (`Sasha Ivanova`), the
    shipped list of public figures named by surname alone (`Prime Minister Meloni`),
    and the pronouns the article itself uses for that person; without evidence, or
    with conflicting evidence, nothing is flagged. Also `Mr`/`Ms` before a first name
    of the other gender (`Mr. Keiko Sato`). `her` followed by a function word
    (`told her that`, `gave her the`) is an object, not a possessive, and is left alone.
    Also: `he added` after a person brought in as a subject without a speech verb
    (`MP Anna Nowak called the plan a disaster. "...," he added`), a sentence opening
    `Asked about ..., she` after a man's quote, a he/she opening the second sentence of
    a paragraph whose first sentence has an unnamed woman or man as its subject (`One
    of the victims, a 67-year-old woman, lost ... According to the police, he took
    out a loan`), and a count of the subject's own after a verb of achievement (`Eda
    Dündar, who played his 300th match`). A lowercase title (`the mister Palladino`)
    is gender evidence too. A speech pronoun (`"...," he commented`, `According to
    him`, `As he added`, `..., but he insisted`) whose paragraph (or, for a quote
    with nobody named before it, the paragraph before) names one person, who speaks
    there, and otherwise only organisations and places, refers to her; likewise a
    possessive after a preposition inside the clause of the person opening the sentence
    (`Ildikó Szabó deputy mayor ... in his presentation emphasized`). A quote that
    machine translation split over two paragraphs is attributed to who speaks before
    its opening part. A he/she that repeats the one before it in its sentence (`He
    declared that he paid`) means the same person; and a he/she whose every possible
    referent in reach (its paragraph and the one before) is a person of the other sex
    on strong evidence (a hand-checked first name, a title, a gendered noun), an
    organisation or a place refers to that person.

    ## Why it matters
    Languages that drop subject pronouns (Spanish, Portuguese, Italian) or whose
    pronouns carry no gender (Turkish, Finnish, Persian, Chinese) leave machine
    translation to guess, and a wrong guess turns a quote of one person into a quote
    of someone else. Italian *suo/sua*, French *son/sa* and Spanish *su* agree with the
    thing owned, not the owner, so `il suo governo` comes out as `his government` for
    Giorgia Meloni. Readers are misinformed about who said what.

    ## Example
    ```
    "Today we can unequivocally affirm it," Lukashenko emphasized.
    "Russia can manage without us, but we can't without Russia," she said.
    ```

    ## Use instead
    ```
    "Russia can manage without us, but we can't without Russia," he said.
    ```
    """
    pe = ctx.get(people)
    yield from _title_mismatch(doc, pe)
    yield from _title_surname_mismatch(doc, pe)
    yield from _award_mismatch(doc, pe)
    for r in pe.resolutions:
        if r.kind != "person":
            continue
        if r.person >= 0:
            p = pe.persons[r.person]
            gender, who = p.gender, p.describe()
        elif r.referent_gender in (MALE, FEMALE):
            gender = r.referent_gender
            who = f"{r.label}, {_WHO[gender]}"
        else:
            continue
        if gender not in (MALE, FEMALE) or gender != OPPOSITE[r.gender]:
            continue
        fix = _pronoun_fix(doc, r.start, r.end, gender, r.how in ("possessive", "fronted", "bound"))
        how = {
            "cataphora": "the speaker named after the verb",
            "continuation": f"'{r.verb}' continues the last speaker",
            "nearest": "the person named just before",
            "paragraph": "the speaker of this paragraph",
            "opener": f"'{doc.text[r.start:r.end]} {r.verb}' goes on from the speaker who opens this paragraph",
            "possessive": f"'{doc.text[r.start:r.end]} {r.verb}' belongs to the person named just before",
            "fronted": f"'{doc.text[r.start:r.end]} {r.verb}' introduces the subject of the sentence",
            "bound": f"'{doc.text[r.start:r.end]} {r.verb}' belongs to the subject of the verb before it",
            "topic": "the subject of the paragraph's first sentence, and nobody else is named there",
            "speaker": "the one person who speaks before it here (nobody else named could be meant)",
            "same-subject": "it repeats the pronoun before it in this sentence, with nobody named between",
            "only": "everyone named in reach who could be meant is of the other sex",
        }.get(r.how, "the referent")
        yield Finding(
            r.start,
            r.end,
            f"'{doc.text[r.start:r.end]}' refers to {who}: {how}",
            suggestion=fix,
            fix=(Edit(r.start, r.end - r.start, fix),),
        )


@rule(
    code="TQ302",
    name="person-pronoun-for-organisation",
    category="pronoun",
    severity="major",
    summary="A he/she, his/her or who that refers to an organisation, institution or report.",
    flags=[
        # a subject pronoun opening the sentence after an organisation's sentence, any verb
        "The union GDL called a new strike on Tuesday. [[She]] demands a 35-hour week.",
        "The Constitutional Court admitted the appeal on Wednesday. [[He]] will rule before the summer.",
        # after an introductory phrase
        "The ministry of health confirmed 12 new cases. In a statement, [[she]] said the situation was stable.",
        "The company published its results on Thursday. According to [[her]], sales rose 8 percent.",
        # possessives and relative pronouns
        "The European Commission presented on Wednesday [[her]] proposal to simplify the rules.",
        "For [[his]] part, the ministry said the figures were provisional.",
        "The Federal Reserve kept rates unchanged. In [[his]] statement, the central bank said inflation was high.",
        "The Ministry of Health, [[who]] has been criticised for the delays, said the vaccines would arrive.",
        "The National Meteorological Service (SMN) warned that 26 states will exceed 40 degrees. \"It is an "
        "extraordinary phenomenon,\" [[he]] explained in his daily report.",
        "The SNCF, for its part, considers that the demands have been met. \"The company has made efforts,\" "
        "[[she]] indicated in a press release.",
        "In view of weak demand, the company must reduce its costs, [[he]] said in a statement.",
        "The institute has suggested that Putin may be preparing an offensive. Although, like other analysts, "
        "[[he]] is skeptical: \"An invasion remains unlikely,\" the institute's report says.\n\n"
        "\"It is not at all clear that Minsk would join,\" [[he]] adds.",
        # a new paragraph opened by an organisation's statement: a woman in the paragraph before is out of focus
        # when the pronoun goes on with what the organisation reports, or speaks through its channel
        "Lena Vogt, who lives next to the depot, said the noise was unbearable. Her neighbours agreed.\n\n"
        "The grid operator Stromnetz indicated that 4,500 homes were still without power. [[She]] specifies "
        "that supply should return by evening.",
        "Marta Kowal, the chair of the residents' association, called it a victory for her street.\n\n"
        "The group that owns the building, Casa Verde Holdings, was not charged. In a press release, [[she]] "
        "indicated that it had cooperated with the police.",
        # a verb only groups and things take; a thing as the subject of the sentence before
        "Police dismantled a criminal network in Dnipro. [[She]] consisted of 14 people.",
        "A few hours later, another drone attacked a farm. [[He]] fell on the roof of a barn.",
        "The plan provides for voluntary departures. [[He]] also includes early retirement offers.",
        # the reported clause of an institution's statement, and "who" for a broadcaster named after its noun
        "The Egyptian General Book Authority, which organizes the fair, said in a statement that [[she]] expects "
        "4 million visitors.",
        "The regional television À Punt, [[who]] has been broadcasting live since dawn, showed the flooded road.",
        # a council, committee or network with "who" and a singular verb (British "who" takes a plural one)
        "The Council of Football, [[who]] is integrated by Riquelme, Serna and Delgado, will meet on Monday.",
        "Residents are angry. The network Ocio Venezia, [[who]] monitors the housing market, organised a protest.",
        # an unknown name the article calls "its" is no one a later "she" could mean
        "Hydro-Quebec raised its rates on Monday. The company also announced investments. [[She]] intends to "
        "build new dams.",
        # what the institution says it must do, in a reported clause (also a second one, after "and that");
        # a foreign name kept untranslated opens with its own cue word
        "Electricité du Liban announced in a statement today, Tuesday, that [[she]] was forced to reduce supply.",
        "The institution clarified that the reserve is low, and that [[she]] will be obliged to ration power.",
        # the subject's own channel, set off between the subject and its verb
        "The Association of Passenger Shipping Companies (SEEN), in [[her]] own announcement, called the "
        "strike unjustified.",
        "The ministry, in [[his]] statement, said the talks would go on.",
        # a measure only a thing has
        "The snow mass broke loose at 2,600 metres. [[She]] had a width of around 150 metres.",
    ],
    passes=[
        # a person's own channel; an opinion; what a person says she must do; a person's height
        "Maria Lopez, in her statement, said the talks would go on.",
        "Anna Berg led the firm for a decade.\n\nThe company said in a statement that she was forced to resign.",
        "Ana Ruiz is 1.80 metres tall. She had a height of 1.80 metres at 15.",
        # a quoted title before 'wrote on Instagram that' is no attribution to an organisation
        "Cindy McCain said the dog ran into a pipe. Meghan McCain, co-host of \"The View,\" wrote on Instagram that "
        "the dog \"was devoted to him.\" \"She never left his side,\" she continued.",
        # organisations correctly called "it"
        "The ministry said more than 1,000 vessels had used the route. It added that insurance costs had fallen.",
        "The museum, which is funded by the city, said it would not disclose what it had paid.",
        # a person named in between, or right before
        "The ministry said the talks had failed. Its spokesman, Dmitry Peskov, was blunt. \"We are done,\" he said.",
        "\"We are disappointed,\" said analyst Jane Doe. The company has been slow to react, she said.",
        # police said he was arrested: the pronoun is someone else
        "Police said he was arrested on Monday near the station.",
        "The committee confirmed that she would chair the next session.",
        # a country: not an organisation
        "Minsk has not joined the war. In addition, he has allowed troops to use its territory.",
        # possessives of a person named before; an unnamed person in between
        "Declan Hale was jailed in 2023. The court rejected his appeal on Thursday.",
        "The club signed a striker from Porto. He scored twice on his debut.",
        "The company hired a new chief executive last year. She starts in May.",
        # "who" for teams, the police and other collective nouns, as British English has it
        "Arsenal, who beat Chelsea last week, lost at home. The police, who arrived late, arrested two men.",
        "The government, who had promised reform, backed down.",
        "The Football Council, who are meeting today, will decide. The Smith family, who has lived there, left.",
        "John Smith of the Council, who has led it since 2010, said no.",
        "Hydro-Quebec raised its rates on Monday. The company also announced investments. Sophie Brochu said it "
        "was fair. She intends to build new dams.",
        "The band Los Leones, who formed in 1990, played two encores.",
        # the relative clause belongs to the person before "of"/"from" the institution
        "Professor Ann Keller of Graz University, who studies glaciers, said the ice was thinning.",
        "Prof. Dr. Jonas Lind from Uppsala University, who is known for his maps, agreed.",
        # a spokesperson for a firm is a person
        "A spokesperson for Nordic Rail told reporters: \"We regret the delay.\" She added that refunds would follow.",
        # a ship is "she"; a thing subject with a person in focus; someone else in an institution's statement
        "The ship was built in Belfast. She consisted of three decks and a ballroom.",
        "Mayor John Smith visited the town on Monday.\n\nThe storm destroyed 40 homes. He promised aid.",
        "Maria Lopez presented her plan on Monday. The plan includes tax cuts. She also wants a new hospital.",
        "The company said in a statement that she had resigned.",
    ],
)
def person_pronoun_for_organisation(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A `he` or `she` outside quotations whose referent is an organisation, an
    institution or a document: an attribution that continues an organisation's
    statement (`the ISW report says ... "...," he adds`), an attribution right after
    a sentence whose subject is an organisation and where no person is named
    (`The Institute warned that ... "...," he said`, also after an introductory
    phrase: `In a statement, she said`), a reporting clause inside such a
    sentence (`the company must cut costs, he said in a statement`), a statement
    sandwiched between an organisation's sentence and a quote attributed to it, and
    a subject pronoun with any verb opening the sentence after an organisation's
    sentence (`The union GDL called a strike. She demands...`) when nobody the
    pronoun could mean is named in that paragraph or the one before. Also `his`/`her`
    for an organisation (`The Commission presented her proposal`, `For his part, the
    ministry said`, `In his statement, the central bank said`), when nobody of the
    pronoun's gender is named in the paragraphs before, and `, who` after an
    institution (ministry, institute, agency, court, bank, commission, company...;
    not teams, clubs, the police, parties, unions, councils or the government, which
    British English may call `who`).
    Also a he/she for a thing: with a verb only groups and things take (`She consisted
    of 14 people`; not after a ship, which English may call she), or opening the
    sentence after one whose subject is a thing (`Another drone attacked a farm. He
    fell on the roof`) when that paragraph and the one before name nobody; a she/he
    in an institution's reported forecast (`The Authority said in a statement that she
    expects 4 million visitors`); and `who` after a name introduced by an institution's
    noun (`the regional television À Punt, who`); what an institution reports it must do
    (`announced ... that she was forced to`, also after `and that`); `his`/`her` for the
    subject's own channel (`The Association (SEEN), in her own announcement, said`);
    and a measure only a thing has (`She had a width of 150 metres`).
    Organisations are capitalised names with a cue word (Institute, Ministry, Party,
    Council, Government, Kremlin, Commission, Bank, University, Agency, Army, Court),
    acronyms introduced after one, well-known organisations, and common nouns such
    as `the company`, `the ministry`, `the report`.

    ## Why it matters
    Russian, French, German and Spanish give institutions a grammatical gender
    (`la société`, `der Konzern`, `die Gewerkschaft`, `госкорпорация`), which machine
    translation turns into `she`, `he`, `her` or `his`, and relative *que*/*che*/*qui*
    into `who`. English uses `it`, `its` and `which` (or `they`), so the text suddenly
    seems to talk about an unnamed person.

    ## Example
    ```
    The Institute for the Study of War (ISW) has suggested that ... "It is not at all
    clear that Lukashenko would commit forces," he adds.
    ```

    ## Use instead
    ```
    ... "It is not at all clear that Lukashenko would commit forces," it adds.
    ```
    """
    pe = ctx.get(people)
    text = doc.text
    yield from _org_own_channel(doc, pe)
    for r in pe.resolutions:
        if r.kind != "org":
            continue
        word = doc.text[r.start:r.end]
        right = {"his": "its", "her": "its", "who": "which"}.get(r.pronoun, "it")
        fix = right.capitalize() if word[:1].isupper() else right
        label = r.label or "an organisation"
        if r.how == "thing-verb":
            msg = (f"'{word} {text[r.end:r.end + 40].split()[0] if text[r.end:r.end + 40].split() else ''}': "
                   f"only a group or a thing does that, not a person: use '{right}'")
        elif r.how == "thing-subject":
            msg = (f"'{word}' refers to {label}, a thing (the subject of the sentence before, with nobody named "
                   f"around it), not a person: use '{right}'")
        else:
            msg = f"'{word}' refers to {label}, an organisation or document, not a person: use '{right}' " \
                  f"(or name the person)"
        yield Finding(
            r.start,
            r.end,
            msg,
            suggestion=fix,
            fix=(Edit(r.start, r.end - r.start, fix),),
        )


# "The Association of Shipping Companies (SEEN), in her own announcement, characterised": the subject's
# own channel, set off between the subject and its verb, so the possessive can only be the subject's
_ORG_OWN = re.compile(
    r"(?:The[ \t]+)?(?P<np>[A-Z][^,.;:!?\"\u201c\u201d\n]{1,100}?),[ \t]+in[ \t]+(?P<p>his|her)[ \t]+"
    r"(?P<own>own[ \t]+)?(?P<n>[a-z]+)(?:[ \t]+release)?,[ \t]+(?P<v>[a-z]+)")
_CHANNELS = frozenset("statement announcement communiqué communique press letter response reply note post message "
                      "report decision ruling".split())


def _org_own_channel(doc: Document, pe) -> Iterator[Finding]:
    """his/her for the institution that opens the sentence, in "ORG, in her (own) statement, said"."""
    text = doc.text
    for sent in doc.sentences:
        if "," not in text[sent.start:sent.start + 110]:
            continue
        m = _ORG_OWN.match(text, sent.start, sent.end)
        if m is None or pe.in_quote(m.start("p")) or not _verb_like(m.group("v")):
            continue
        if not m.group("own") and m.group("n") not in _CHANNELS:
            continue
        head = _np_head(m.group("np"))
        if head not in ORG_NOUNS and head not in ORG_CUES:
            continue
        res = pe._res_by_start.get(m.start("p"))
        if res is not None and res.kind == "org":
            continue  # reported below
        start, end = m.span("p")
        yield Finding(start, end, f"'{m.group('np').strip()}, in {m.group('p')} {m.group('own') or ''}"
                                  f"{m.group('n')}': '{m.group('p')}' refers to the {head}, an organisation, "
                                  f"not a person: use 'its'", suggestion="its", fix=(Edit(start, end - start, "its"),))


_DUP = re.compile(r"[ \t]+(?P<p>he|she|it|they|He|She|It|They)[ \t]+(?P<w1>[A-Za-z']+)(?:[ \t]+(?P<w2>[A-Za-z']+))?")
_PRONOUN_INITIALS = frozenset("hsitHSIT")
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)[ \t]*$")


@rule(
    code="TQ303",
    name="duplicated-subject",
    category="pronoun",
    severity="major",
    summary="A name directly followed by a subject pronoun and its verb: the subject is said twice.",
    flags=[
        "Putin stumbled down the stairs in Minsk, where Lukashenko [[he]] has received him with bread and salt.",
        "The drought hit the north hardest, and Zacatecas [[it]] declared an emergency on Friday.",
        "Milei [[he]] said that the reform would continue.",
        "\"Today Italy has won,\" [[he]] declared Matteo Salvini after the ruling.",
        "According to the Chilean foreign ministry, Boric [[he]] reiterated the firm condemnation of the invasion.",
        "Petro [[he]] has criticised in recent months the hypocrisy of the rich countries.",
        "The debate was marked by his absence. Puigdemont [[It]] has insisted that he will return.",
        # the name ends the noun phrase that opens the sentence
        "The mayor of Valdora [[he]] announced the closure of the bridge on Monday.",
        # a topic marker translated as a second subject after a comma
        "Actress Kim Go-eun donated the money.\n\nKim Go-eun, [[she]] has been donating steadily since her debut.",
        # ... also after the title that opens the sentence, and before a speech verb with "that"
        "The president of the Commission Ursula von der Leyen, [[she]] assured that the money will arrive.",
        "Kim Go-eun, [[she]] said that the money was for children.",
        # an institution or a thing said twice: a gendered noun of the source language turned into he/she
        "Ana Kovac, a hotel owner, said guests stay shorter.\n\nThe Croatian Tourist Board, [[she]] also warned that bookings are late.",
        "The hospital in Roznava, which belongs to the network Svet zdravia, [[she]] would keep the internal ward.",
        "The program [[she]] also covers paramedics and nurses.",
        "The reform [[she]] must still pass through the government and the parliament, where it may fail.",
        "The minister added that the ministry [[she]] is negotiating with the Iraqi side to raise the quantities "
        "of the fuel that Lebanon receives.",
    ],
    passes=[
        # appositions and parentheticals with commas, or without them before a verb
        "Lukashenko, he said, would never join the war.",
        "Zacatecas, he said, is the state most affected. Zacatecas he said was the worst hit.",
        "In Zacatecas he joined the protest. In Moscow and Kyiv it was cold.",
        "Lukashenko, who has ruled for decades, has received him in Minsk.",
        # a name as the object of a verb, followed by a clause without "that"
        "Trump told Putin he would not lift the sanctions.",
        "The envoy reminded Netanyahu it was time to decide.",
        # relative clauses without "that" on common nouns; prepositional phrases; expletive it
        "The man he met in Minsk was a banker.",
        "In Moscow it was snowing, and in Russia it is usually cold in December.",
        "For Ukraine it is a matter of survival.",
        # sentence-initial adverbs, quotes, parentheticals without commas
        "Yesterday he said nothing. Today it is different. Meanwhile they have left.",
        "Putin they say is ill, and Moscow it seems has no plan; where Kyiv it is said was calm.",
        "\"Putin he is a friend,\" the farmer said.",
        # after a comma: a parenthetical speech verb, a fronted phrase, a vocative in a quote, a verb of thought
        "Kim Go-eun, she said, has been donating since her debut. Unlike Kim Go-eun, she has never donated.",
        "Kim Go-eun, she said that, was the best. After the visit of the president Ursula von der Leyen, she "
        "assured that the money will arrive.",
        "\"Kim Go-eun, she has to hear this,\" he said. Kim Go-eun, she believes, is the best actress.",
        # a relative clause without "that" after "The X of Name"
        "The mayor of Paris he met last year was a banker. A resident of Kyiv he interviewed said it was calm.",
        # an institution or a thing: a parenthetical speech verb, a relative clause (a later verb), a ship,
        # a time phrase, a topicalised object after a which-clause
        "The company, she said, was bankrupt. The company, she told reporters on Monday, will cut 300 jobs.",
        "The report, she added, is flawed. The museum, she believes, should reopen.",
        "The reform she wanted is dead. The plan he proposed failed. The program she runs employs 40 people.",
        "The next day, she called the hospital. The company she founded in 1990 was sold.",
        "The ship, she was launched in 1912. The company she works for is based in Oslo.",
        "The committee he chairs meets on Monday. The government he leads has collapsed.",
        "He added that the plan he proposed was dead.",
    ],
)
def duplicated_subject(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A capitalised name (a person, a place, an organisation) directly followed, with
    no comma, by a subject pronoun (`he`, `she`, `it`, `they`) and a verb (an
    auxiliary, a speech verb such as `said`, a common irregular past, or a word ending
    in -ed or -s), when the name starts its clause: at the start of a sentence, after
    a comma, after a conjunction such as `where`, `when`, `because`, `that`
    (`and`/`but` before `it`/`they` only after a comma: `, and Zacatecas it
    declared`), or at the end of the noun phrase that opens the sentence (`The
    governor of Zacatecas he joined`, unless a main verb follows: `The mayor of
    Paris he met was...`). A capitalised `It`/`He` in mid-sentence after a name is flagged
    wherever it stands. Quotations, headlines, appositions (`Lukashenko, he said,`),
    parentheticals without commas (`Zacatecas he said was the worst hit`), objects
    followed by a clause (`told Putin he would`) and prepositional phrases (`In
    Moscow it was`, `in Kyiv and Moscow it was`) are left alone. Also a pronoun
    before a speech verb whose speaker is named right after it (`"...," he declared
    Salvini after the ruling`), when the gender agrees (otherwise TQ301 reports it).
    After a comma, a full name opening the sentence (or ending the noun phrase that
    opens it: `The president of the Commission Ursula von der Leyen, she assured
    that`) and he/she with a verb, or a speech verb followed by `that`.
    Also an institution or a thing (its head noun an organisation's or a thing's)
    opening the sentence, then he/she and its verb: after a comma and an optional
    which-clause (`The Croatian Tourist Board, she also warned that`; not `The
    company, she said, was`), or bare at a sentence start or after `that` (`The
    program she also covers`), when the verb agrees with the pronoun and no later
    verb makes it a relative clause (`The reform she wanted is dead`).

    ## Why it matters
    Romance languages put clitic pronouns before the verb (`Lukashenko lo recibió`),
    and fragment-by-fragment translation renders both the name and a pronoun as the
    subject. The sentence reads as broken English.

    ## Example
    ```
    ...in Minsk on Monday, where Lukashenko he has received him with bread and salt.
    ```

    ## Use instead
    ```
    ...in Minsk on Monday, where Lukashenko received him with bread and salt.
    ```
    """
    pe = ctx.get(people)
    text = doc.text
    for r in pe.runs:
        nxt = text[r.end + 1:r.end + 2]
        if (nxt not in _PRONOUN_INITIALS and nxt not in " \t") or r.kind in ("headline", "none") or not r.words:
            continue  # cheapest test first: a pronoun must follow
        last = r.words[-1][2]
        if last.endswith(("'s", "\u2019s")) or doc.in_quote(r.start):
            continue
        m = _DUP.match(text, r.end)
        if not m:
            continue
        pron = m.group("p")
        verb = m.group("w1")
        if verb.lower() in ADVERBS and m.group("w2"):
            verb = m.group("w2")
        if not _verb_like(verb):
            continue
        if _parenthetical(pron, verb, m, text):
            continue  # "Putin they say is ill", "Moscow it seems has": a parenthetical without commas
        capital = pron[0].isupper()
        if capital:
            if verb[:1].isupper():
                continue  # a Title Case line
        elif not _clause_start(text, r, pron):
            continue
        start, end = m.span("p")
        name = " ".join(w[2] for w in r.words)
        yield Finding(
            start,
            end,
            f"'{name} {pron} {verb}': the subject is said twice (a name and the pronoun '{pron}')",
            suggestion="",
            fix=(Edit(start - 1, end - start + 1, ""),),
        )
    # '"...," he declared Salvini after the ruling': the pronoun and the speaker named after the verb
    for r in pe.resolutions:
        if r.how != "cataphora" or r.person < 0:
            continue
        g = pe.persons[r.person].gender
        if g is not None and g != r.gender:
            continue  # the wrong gender too: TQ301 reports it
        word = text[r.start:r.end]
        yield Finding(
            r.start,
            r.end,
            f"'{word} {r.verb} ... {pe.persons[r.person].name}': the speaker is named after the verb, so the "
            f"pronoun '{word}' says the subject twice",
            suggestion="",
            fix=(Edit(r.start, r.end - r.start + 1, ""),) if text[r.end:r.end + 1] == " " else (),
        )
    yield from _comma_duplicated_subject(doc, pe)
    yield from _thing_duplicated_subject(doc, pe)


# "Kim Go-eun, she has been...": a Korean or Japanese topic (-eun/-neun, -wa) translated as a second subject
_COMMA_DUP = re.compile(r",[ \t]+(?P<p>he|she)[ \t]+(?P<w1>[a-z']+)(?P<after>[ \t]*[,;:\u2014\u2013]?)")
_NOT_DUP_VERBS = frozenset("thinks thought believes believed feels felt hopes hoped knows knew reckons "
                           "recalls recalled insists insisted suggests suggested".split())


# The noun phrase opening the sentence up to the name: "The president of the Commission Ursula von der Leyen"
_TITLED_OPENER = re.compile(r"(?:^|[.!?][ \t]+|\n)(?:The|A|An)(?:[ \t]+[a-z\-]+){1,3}[ \t]+of[ \t]+(?:the[ \t]+)?"
                            r"(?:[A-Z][a-z\-]+[ \t]+){0,3}$")


def _comma_duplicated_subject(doc: Document, pe) -> Iterator[Finding]:
    """A full name opening the sentence, a comma, then he/she and a verb (``Kim Go-eun, she has been``):
    not a parenthetical (``Kim, he said, was``; a verb then a comma), not a name inside a quotation
    (a vocative), not a fronted phrase (``Unlike Kim, she has``: the name does not open the sentence)."""
    text = doc.text
    for r in pe.runs:
        if r.kind != "person" or len(r.words) < 2 or text[r.end:r.end + 1] != ",":
            continue
        m = _COMMA_DUP.match(text, r.end)
        if m is None or doc.in_quote(r.start):
            continue
        if not r.sentence_start and _TITLED_OPENER.search(text, max(0, r.start - 80), r.start) is None:
            continue  # "Unlike Kim, she has": a fronted phrase
        verb = m.group("w1")
        if verb in ADVERBS:
            continue
        if verb in SPEECH_VERBS and text.startswith(" that ", m.end("w1")):
            pass  # "Ursula von der Leyen, she assured that": not a parenthetical "Kim, she said, was"
        elif not _verb_like(verb) or verb in SPEECH_VERBS or verb in _NOT_DUP_VERBS or m.group("after").strip():
            continue
        start, end = m.span("p")
        name = " ".join(w[2] for w in r.words)
        yield Finding(start, end, f"'{name}, {m.group('p')} {verb}': the subject is said twice (the name and "
                                  f"'{m.group('p')}')", suggestion="", fix=(Edit(r.end, end - r.end, ""),))


# "The Croatian Tourist Board, she also warned that", "The hospital in Roznava, which belongs to the
# network, she would keep": an institution or a thing, a comma (and a which-clause), then he/she and a verb
_THING_COMMA = re.compile(
    r"(?:The|This)[ \t]+(?P<np>[^,.;:!?\"\u201c\u201d\n]{1,80}?),[ \t]+"
    r"(?P<rel>(?:which|that)[ \t][^,.;:!?\"\u201c\u201d\n]{1,160},[ \t]+)?(?P<p>he|she)[ \t]+"
    r"(?P<adv>(?:also|still|already|now|again|further|then|too|however)[ \t]+)?(?P<v>[a-z']+)")
# "The program she also covers paramedics", "The reform she must still pass", "that the ministry she is
# negotiating": a bare noun phrase whose pronoun repeats it, at a sentence start or after "that"
_THING_BARE = re.compile(
    r"(?:The|the|This|this)[ \t]+(?P<np>(?:[a-z\-]+[ \t]+){0,2}[a-z\-]+)[ \t]+(?P<p>he|she)[ \t]+"
    r"(?P<adv>(?:also|still|already|now|again|further|then|too)[ \t]+)?(?P<v>[a-z']+)")
_NP_PREPS = frozenset("in of for at from on with near under".split())
_MODALS = frozenset("will would can could must should may might shall".split())
_PRESENT_AUX = frozenset("is has does was had did".split())
_CLAUSE_STOP = re.compile(r"[,;:.!?\"\u201c\u201d]")
_WORD_RE = re.compile(r"[A-Za-z']+")
_LATER_STOP = frozenset("that where which who when while but and because although".split())


def _np_head(np: str) -> str:
    """The head noun of "Croatian Tourist Board", "hospital in Rozna (SEEN)": the word before a preposition,
    or the last word."""
    words = [w for w in _WORD_RE.findall(np.split("(")[0])]
    for i, w in enumerate(words):
        if i and w.lower() in _NP_PREPS:
            return words[i - 1].lower()
    return words[-1].lower() if words else ""


_VESSEL_NOUNS = frozenset("ship vessel boat yacht ferry liner tanker frigate submarine schooner".split())


def _thing_head(head: str) -> bool:
    """An organisation or thing noun that English calls `it` (ships are `she`)."""
    return (head in ORG_NOUNS or head in THING_NOUNS) and head not in _VESSEL_NOUNS


def _agrees(verb: str, adv: bool) -> bool:
    """The word after the pronoun is its finite verb: a modal, an auxiliary, or a present -s form; a bare
    past only after an adverb ("she also warned"), since "The plan he proposed" may be a relative clause."""
    if verb in _MODALS or verb in _PRESENT_AUX or verb in ("is", "are"):
        return True
    if verb.endswith("s") and not verb.endswith(("ss", "us", "is")) and len(verb) > 3 and verb not in NOT_VERBS_S:
        return True
    return adv and _verb_like(verb)


def _second_verb(text: str, start: int, adv: bool) -> bool:
    """A finite verb later in the clause: "The reform she wanted is dead" (a relative clause) -- an
    auxiliary, a modal, a past form, or (without an adverb before the pronoun's verb) an -s form."""
    m = _CLAUSE_STOP.search(text, start, start + 300)
    end = m.start() if m else min(len(text), start + 300)
    for i, w in enumerate(_WORD_RE.findall(text, start, end)):
        low = w.lower()
        if low in _LATER_STOP:
            return False
        if low in AUX or low in _MODALS or low in IRREGULAR_PAST or (len(low) > 4 and low.endswith("ed")):
            return True
        if not adv and i < 2 and _verb_like(low) and low.endswith("s"):
            return True  # "The program she runs employs", "The firm she works for employs"; not an object
    return False


def _verb_group_end(text: str, m) -> int:
    """Past the pronoun's verb and what belongs to it: "is negotiating", "must still pass", "has been"."""
    pos = m.end("v")
    for w in _WORD_RE.finditer(text, pos, pos + 40):
        low = w.group().lower()
        if low in ADVERBS or low in ("still", "also", "not", "been", "be", "being") or low.endswith("ing") or (
                m.group("v") in _MODALS | AUX and w.start() == pos + 1):
            pos = w.end()
            continue
        break
    return pos


def _thing_duplicated_subject(doc: Document, pe) -> Iterator[Finding]:
    """An institution or thing that opens the sentence, then he/she and its verb (the source language's
    gendered noun turned into a second subject): after a comma (not a parenthetical "The union, she said,
    is"), or bare at a sentence start or after "that" when no later verb makes it a relative clause."""
    text = doc.text
    for sent in doc.sentences:
        if pe.in_quote(sent.start) or para_index(pe, sent.start) in pe.headline_paragraphs:
            continue
        starts = [sent.start]
        k = text.find(" that ", sent.start, sent.end)
        while k >= 0 and len(starts) < 4:
            starts.append(k + 6)
            k = text.find(" that ", k + 6, sent.end)
        for i, pos in enumerate(starts):
            for rx in ((_THING_COMMA, _THING_BARE) if i == 0 else (_THING_BARE,)):
                m = rx.match(text, pos, sent.end)
                if m is None or pe.in_quote(m.start("p")):
                    continue
                head = _np_head(m.group("np"))
                verb = m.group("v")
                adv = bool(m.group("adv"))
                if not _thing_head(head) or verb in ADVERBS or not _verb_like(verb) and verb not in _MODALS:
                    continue
                res = pe._res_by_start.get(m.start("p"))
                if res is not None and res.kind == "org":
                    continue  # TQ302 reports it
                if rx is _THING_COMMA:
                    stop = _CLAUSE_STOP.search(text, m.end("v"), sent.end)
                    seg = text[m.end("v"):stop.start() if stop else sent.end]
                    if stop is not None and text[stop.start()] == "," and " that " not in seg + " " and (
                            verb in SPEECH_VERBS or verb in _NOT_DUP_VERBS or not _agrees(verb, adv)):
                        continue  # "The company, she said, was": a parenthetical
                    if verb in SPEECH_VERBS and not seg.startswith(" that ") and not adv:
                        continue
                elif not _agrees(verb, adv) or _second_verb(text, _verb_group_end(text, m), adv):
                    continue
                start, end = m.span("p")
                cut = m.end("np") if rx is _THING_COMMA and not m.group("rel") else start  # "The union, she"
                phrase = text[m.start():m.end("np")]
                yield Finding(
                    start, end,
                    f"'{phrase} ... {m.group('p')} {verb}': the subject is said twice, and '{m.group('p')}' "
                    f"calls the {head} a person: drop '{m.group('p')}' (or use 'it')",
                    suggestion="", fix=(Edit(cut, end - cut + (1 if cut == start else 0), ""),))
                break


_PARENTHETICAL_IT = frozenset("seems seemed appears appeared emerged transpired".split())
_PARENTHETICAL_SAY = frozenset("say says said believe believes believed think thinks thought".split())
_PASSIVE_REPORT = frozenset("said believed thought understood reported rumoured rumored alleged claimed".split())


def _parenthetical(pron: str, verb: str, m, text: str) -> bool:
    low = verb.lower()
    if pron.lower() == "it" and low in _PARENTHETICAL_IT:
        return True
    vend = m.end("w1") if verb == m.group("w1") else m.end()
    after = text[vend:vend + 20].split()
    if low in _PARENTHETICAL_SAY and after and after[0].lower() in AUX:
        return True  # "Putin they say is ill", "Zacatecas he said was the worst hit"
    w2 = (m.group("w2") or "").lower()
    return pron.lower() == "it" and low in ("is", "was") and w2 in _PASSIVE_REPORT


def _verb_like(word: str) -> bool:
    low = word.lower()
    if low in AUX or low in SPEECH_VERBS or low in IRREGULAR_PAST:
        return True
    if len(low) > 4 and low.endswith("ed"):
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in NOT_VERBS_S


def _clause_start(text: str, r, pron: str) -> bool:
    """The name starts its clause: sentence start, after a comma, or after a conjunction."""
    if r.sentence_start:
        return True
    before = text[max(0, r.start - 30):r.start]
    stripped = before.rstrip()
    if not stripped:
        return True
    if stripped[-1] in ",;:(\u2014\u2013":
        return True
    m = _WORD_BEFORE.search(stripped)
    if not m:
        return False
    w = m.group("w").lower()
    if w == "the":  # "where the Kremlin it has"
        inner = _WORD_BEFORE.search(stripped[: m.start()].rstrip())
        return not stripped[: m.start()].strip() or (inner is not None and inner.group("w").lower() in SUBORDINATORS)
    if w == "of":
        # "The governor of Zacatecas he joined": the name ends the noun phrase that opens the sentence
        # ("In Zacatecas he joined" is a prepositional phrase, and a main verb after the pronoun's verb
        # makes it a relative clause: "The mayor of Paris he met was a banker")
        return _OF_SUBJECT.search(text, max(0, r.start - 45), r.start) is not None and \
            not _main_verb_after(text, r.end)
    if w in ("and", "but") and pron.lower() in ("it", "they"):
        # "in Kyiv and Moscow it was cold" (a preposition governs both); ", and Zacatecas it declared" is a
        # new clause
        return stripped[: m.start()].rstrip().endswith(",")
    return w in SUBORDINATORS


_OF_SUBJECT = re.compile(r"(?:^|[.!?][ \t]+|\n)(?:The|A|An)(?:[ \t]+[a-z\-]+){1,3}[ \t]+of[ \t]+$")
_CLAUSE_END = frozenset("and but or that which who whom because if when while after before since as".split())


def _main_verb_after(text: str, end: int) -> bool:
    """An auxiliary in the clause after the name's pronoun and verb (up to punctuation or a conjunction):
    the pronoun's clause was a relative clause without "that" ("The mayor of Paris he met was...")."""
    words = re.findall(r"[A-Za-z']+|[^\w\s]", text[end:end + 160])
    for i, w in enumerate(words[2:12]):  # past the pronoun and its verb
        low = w.lower()
        if not w[0].isalpha() or low in _CLAUSE_END:
            return False
        if low in AUX or low in SPEECH_VERBS or (i == 0 and _verb_like(w)):
            return True
    return False


# The word boundary is tested after the first letter, so that the pattern opens with a set of
# letters that ``re`` scans for in C (a leading \b is tried at every position).
_ASKED_YOU = re.compile(
    r"(?P<v>[AaWw](?<!\w.)(?:(?<=[Aa])sk(?:ed|ing)|(?<=[Ww])onder(?:ed|ing)))"
    r"\s+(?:\w+\s+)?(?:whether|if)\s+(?P<you>you)\s+(?P<w>\w+)"
)


@rule(
    code="TQ304",
    name="second-person-for-third",
    category="pronoun",
    severity="major",
    summary="'You' in a reported question about a third person, outside quotation marks.",
    flags=[
        "The minister defended the operation. Asked whether [[you]] would consider resigning, he replied that "
        "the government respects the judiciary.",
        "He was asked whether [[you]] planned to run again and declined to answer.",
    ],
    passes=[
        "\"Asked whether you would resign, what would you say?\" the reporter wrote.",
        "If you have ever asked whether you need a visa, the answer is on the embassy's website.",
        "Asked whether he would consider resigning, he replied that the government respects the judiciary.",
    ],
)
def second_person_for_third(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `you` in a reported question in narrative text (`Asked whether you would
    consider resigning, he replied...`), outside quotation marks, in a paragraph that
    does not otherwise address the reader with `you`.

    ## Why it matters
    Italian *Lei* and Spanish *usted* address someone politely in the third person;
    translated literally, a journalist's reported question comes out addressed to the
    reader, or to nobody.

    ## Example
    ```
    Asked whether you would consider resigning, he replied that...
    ```

    ## Use instead
    ```
    Asked whether he would consider resigning, he replied that...
    ```
    """
    text = doc.text
    if "you" not in text or ("sked" not in text and "ondering" not in text and "ondered" not in text):
        return  # cheap tests first: most articles ask nobody anything
    for m in _ASKED_YOU.finditer(text):
        s, e = m.span("you")
        if doc.in_quote(s):
            continue
        pi = doc.paragraph_index(s)
        if pi is None:
            continue
        ps, pend = doc.paragraphs[pi]
        para = text[ps:pend]
        others = len(re.findall(r"\b[Yy]ou(?:r|rs|rself)?\b", para))
        if others > 1:
            continue
        yield Finding(s, e, "'you' in a reported question about someone else: the reported question needs "
                            "the third person ('he', 'she', 'they')")


@rule(
    code="TQ305",
    name="thing-pronoun-for-person",
    category="pronoun",
    severity="major",
    summary="'its' or 'which' used for a person (a minister, a president, a named politician).",
    flags=[
        "For [[its]] part, the prime minister, Pedro Sánchez, said the plan was fair.",
        "The Brazilian president, Luiz Inácio Lula da Silva, presented [[its]] government's plan in Belém.",
        "The minister, [[which]] criticised the ruling on Monday, said the government would appeal.",
        "Giorgia Meloni spoke for an hour on Tuesday. [[Its]] government has a large majority.",
        "The president, for [[its]] part, announced new elections.",
        "For [[its]] part, the Brazilian foreign minister, Ana Prado, said the talks would continue.",
        "\"The money fed a parallel structure,\" wrote the magistrate, [[which]] was followed by the other judges.",
        # the subject put after the reporting verb of a quotation, with a role before the name
        "\"Costs keep rising,\" said the head of the bakers' guild, Tomas Berger, [[which]] runs a shop in Linz.",
        # a plural noun for people, "which" without a comma, a plural verb
        "If the citizens [[which]] live in the city do not save water, the cuts may extend.",
    ],
    passes=[
        # it and its for countries, companies and institutions
        "For its part, the ministry said the figures were provisional.",
        "Ukraine said it would retaliate, and its army moved north.",
        "The president praised the army and its commanders.",
        # "which" for a whole clause after a person named as an object
        "The president pardoned Hunter Biden, which drew criticism.",
        "Lula met the press on Monday, which was unusual.",
        # its for a thing named before, and nouns that are also things or firms
        "The minister visited the plant. The minister praised its workers.",
        "The pilot, which began in 2020, was extended. The market leader, which sells phones, grew.",
        "The company's founder presented its results.",
        # a firm named after its common noun; a quotation whose verb has a thing as its object
        "The bakery Berger, which is owned by a family from Linz, raised its prices.",
        "The share of workers which fell last year rose again. The farmers' protests which began in May ended.",
        "The number of residents which has grown is large.",
        "\"Costs keep rising,\" said the guild in a letter to Tomas Berger, which was published on Monday.",
    ],
)
def thing_pronoun_for_person(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `its` or `which` that can only refer to a person:
    - a fronted `For its part,` (`On its side,`, `In its view,`) whose subject is a
      person (`For its part, the prime minister said`), or the same phrase set off by
      commas after the person (`The president, for its part, ...`);
    - `its` before a noun that only people have (government, party, wife, speech,
      career, lawyers...) right after a person and a verb (`Lula presented its
      government's plan`), or opening the sentence after one that names only that person;
    - `, which` after a person who is the subject of the sentence (`The minister,
      which criticised...`).
    Countries, companies and institutions (`it`, `its`), `which` for a whole clause
    after an object (`pardoned Hunter Biden, which drew criticism`) and nouns that
    also name things or firms (`the pilot`, `the market leader`) are left alone.

    ## Why it matters
    Spanish *su*, French *son/sa*, Italian *suo/sua* and Portuguese *seu/sua* do not say
    whose; machine translation picks `its`, and relative *que*/*che* becomes `which`.
    English reserves `its` and `which` for things, so the sentence reads as if the
    person were an object or an institution.

    ## Example
    ```
    For its part, the prime minister, Pedro Sánchez, said the plan was fair.
    ```

    ## Use instead
    ```
    For his part, the prime minister, Pedro Sánchez, said the plan was fair.
    ```
    """
    pe = ctx.get(people)
    yield from _people_which(doc)
    for r in pe.thing_pronouns:
        word = doc.text[r.start:r.end]
        g = pe.persons[r.person].gender if r.person >= 0 else None
        if r.pronoun == "which":
            right = "who"
        elif r.pronoun == "it":
            right = {MALE: "he", FEMALE: "she"}.get(g or "", "he or she")
        else:
            right = {MALE: "his", FEMALE: "her"}.get(g or "", "his or her")
        fix = right[:1].upper() + right[1:] if word[:1].isupper() else right
        yield Finding(
            r.start,
            r.end,
            f"'{word}' refers to {r.label}, a person: English uses '{right}' for people, "
            f"'{word.lower()}' for things and institutions",
            suggestion=fix,
            fix=(Edit(r.start, r.end - r.start, fix),) if " " not in right else (),
        )


# "citizens which live": a plural person noun, "which" with no comma, and a plural verb (so not "the number
# of citizens which has", whose antecedent is the number)
_PEOPLE_WHICH = re.compile(r"\b(?P<n>[a-z]{3,}s|people|men|women|children)[ \t]+(?P<w>which)[ \t]+"
                           r"(?P<v>[a-z]+)\b")
_PLURAL_OK = frozenset("are were have had will would can could should must may might do did live work "
                       "want need".split())
_IRREGULAR_PEOPLE = frozenset("people men women children".split())


def _people_which(doc: Document) -> Iterator[Finding]:
    """``which`` directly after a plural noun for people, before a plural verb (``citizens which live``)."""
    text = doc.text
    if " which " not in text:
        return
    for m in _PEOPLE_WHICH.finditer(text):
        n, v = m.group("n"), m.group("v")
        if n not in _IRREGULAR_PEOPLE and PERSON_NOUNS.get(n[:-1], 0) == 0:
            continue
        if v not in _PLURAL_OK and not (v.endswith("ed") and len(v) > 4):
            continue
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and before[-1].lower() in ("of", "among", "between", "for"):
            continue  # "the share of workers which fell": the antecedent comes before "of"
        s, e = m.span("w")
        if doc.in_quote(s):
            continue
        yield Finding(s, e, f"'{n} which {v}': English uses 'who' (or 'that') for people, 'which' for things",
                      suggestion="who", fix=(Edit(s, e - s, "who"),))


# ---- resumptive pronouns ---------------------------------------------------------------------

_RESUMPTIVE = re.compile(
    r"(?<![\w-])(?P<head>[a-z][a-z\-]+)[ \t]+(?P<rel>that|which)[ \t]+"
    r"(?P<subj>[A-Z][\w'\u2019\-]+(?:[ \t]+[A-Z][\w'\u2019\-]+)?|he|she|they|we|I|you|(?:the|his|her|their)[ \t]+[a-z\-]+)"
    r"[ \t]+(?P<v>[a-z]+)[ \t]+(?P<p>them|it)(?P<after>[ \t]*[,.;:!?\n]|[ \t]*$|[ \t]+(?:by|during)[ \t]+[a-z]"
    r"|[ \t]+in[ \t]+(?:\d|[A-Z]|the\b|a\b)|[ \t]+(?:himself|herself|themselves|personally|again|yesterday|today|last|"
    r"every|each|carefully|secretly|publicly)\b)"
)
# `that` and `which` between spaces; each pattern opens with its word, which ``re`` finds fast.
_RELATIVE_PRONOUNS = (re.compile(r"that(?<=[ \t]that)(?=[ \t])"), re.compile(r"which(?<=[ \t]which)(?=[ \t])"))


def _resumptive_matches(text: str) -> Iterator[re.Match]:
    """The matches of _RESUMPTIVE, as ``finditer`` finds them, tried only at the word before each
    `that`/`which` (a scan for those is cheap; trying the head at every lowercase word is not)."""
    last = 0
    for r in sorted(m.start() for rx in _RELATIVE_PRONOUNS for m in rx.finditer(text)):
        i = r - 1  # the space or tab before the relative
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        while i > 0 and (text[i - 1] == "-" or "a" <= text[i - 1] <= "z"):
            i -= 1  # the head is the whole lowercase run before the spaces
        if i >= last:
            m = _RESUMPTIVE.match(text, i)
            if m:
                last = m.end()
                yield m


# Heads of relative clauses that are adverbials ("the day that he saw it") or that take a clause
# ("the fact that he wrote it", "reports that police seized them"): the pronoun is the verb's object.
_RESUMPTIVE_NOT_HEADS = frozenset(
    "time times way ways day days moment moments year years month week night morning evening reason reasons place "
    "point extent degree manner case cases fact facts idea ideas news claim claims report reports belief beliefs "
    "hope hopes fear fears sign signs evidence possibility suggestion suggestions rumour rumours rumor rumors "
    "allegation allegations assurance assurances promise promises warning warnings view views notion argument "
    "arguments conclusion impression feeling sense proof chance risk danger doubt doubts condition conditions "
    "assumption expectation expectations statement statements announcement decision order orders demand demands "
    "request requests insistence concern concerns thing things something anything everything nothing all much "
    "more most less least so such same only first last".split()
)
# Verbs with two objects ("the letters he wrote them": he wrote them letters) and verbs that take an
# object and a complement or a stranded particle ("the final that they made it to").
_DITRANSITIVE = frozenset(
    "gave give gives sent send sends wrote write writes told tell tells showed show shows offered offer offers "
    "promised promise promises brought bring brings bought buy buys taught teach teaches lent lend lends paid "
    "pay pays owed owe owes handed hand hands passed pass passes read reads sang sing sings left leave leaves "
    "asked ask asks awarded award awards granted grant grants sold sell sells served serve serves threw throw "
    "throws found find finds cooked cook cooks built build builds fetched saved save saves denied deny denies "
    "cost costs got get gets".split()
)
_NOT_RESUMPTIVE_VERBS = frozenset(
    "made make makes call calls called consider considers considered keep keeps kept let lets find finds found "
    "take takes took is was are were has have had does did do".split()
)
_MORE_PAST = frozenset("stole hid bit caught struck dug shot hung fed dealt sold lent sent built".split())
_DETERMINERS = frozenset(
    "the these those this that his her its their our my your all some many several both any no a an".split()
)
_PLURAL_PEOPLE = re.compile(
    r"\b(?:they|them|their|people|children|men|women|families|parents|readers|fans|voters|students|friends|"
    r"colleagues|members|workers|residents|citizens|soldiers|officials|leaders|ministers|players|teachers|"
    r"relatives|brothers|sisters|sons|daughters|followers|supporters|guests|visitors|participants)\b",
    re.IGNORECASE,
)


@rule(
    code="TQ306",
    name="resumptive-pronoun",
    category="pronoun",
    severity="major",
    summary="A relative clause that repeats its antecedent as a pronoun ('the letters that he wrote them').",
    flags=[
        "The museum shows the manuscripts that Mahfouz wrote [[them]] by hand.",
        "Police recovered the jewels that the gang stole [[them]] in March.",
        "He got back the car, and the phone that the thieves stole [[it]] last week.",
        "Residents rebuilt the houses which the storm destroyed [[them]].",
        "He repaired the e-bikes that the thieves stole [[them]] last week.",
    ],
    passes=[
        # stranded prepositions and adverbial heads: the pronoun is the verb's own object
        "This is the shop that she bought it from. It was the day that he saw it.",
        "The final that they made it to was lost. She kept the box that he put it in.",
        "It was the box that he put it in last year, next to the books that she loved them for.",
        # clauses after nouns that take one, and after verbs
        "There were reports that police seized them at the border. He said that Mahfouz wrote them by hand.",
        "The fact that he wrote it himself surprised nobody.",
        # two objects: he wrote them letters
        "His parents kept the letters that he wrote them during the war.",
        "The children loved the songs that their mother sang them.",
        # no relative pronoun, number disagreement
        "The letters he wrote them were lost. The book that she wrote it about was banned.",
        "The ministers that the president appointed them to lead were sworn in.",
    ],
)
def resumptive_pronoun(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A relative clause introduced by `that` or `which` whose verb repeats the
    antecedent as an object pronoun: `the manuscripts that Mahfouz wrote them by
    hand`, `the houses which the storm destroyed them`. The antecedent is a noun with
    a determiner, the pronoun agrees with it in number (`them` for a plural, `it` for
    a singular), and the pronoun ends the clause or is followed by an adverbial (`by
    hand`, `in March`, `last week`).
    Left alone: stranded prepositions (`the shop that she bought it from`),
    adverbial heads (`the day that he saw it`), clauses after nouns that take one
    (`the fact that`, `reports that`), `that` after a verb (`said that ... them`),
    verbs with two objects when people are around who could be the recipients
    (`the letters that he wrote them` = he wrote them letters), and verbs with an
    object complement (`made it`, `found it`).

    ## Why it matters
    Arabic, Hebrew and Persian relative clauses keep a pronoun where the antecedent
    would be (Arabic *allatī katabahā*, "that he wrote it"). Translated word by word,
    the clause gets a second object and reads as broken English.

    ## Example
    ```
    ...his first editions and the manuscripts that Mahfouz wrote them by hand.
    ```

    ## Use instead
    ```
    ...his first editions and the manuscripts that Mahfouz wrote by hand.
    ```
    """
    text = doc.text
    if " that " not in text and " which " not in text:
        return
    for m in _resumptive_matches(text):
        head, v, pron = m.group("head"), m.group("v"), m.group("p")
        if head in _RESUMPTIVE_NOT_HEADS or v in _NOT_RESUMPTIVE_VERBS or v in AUX or v in ADVERBS:
            continue
        if not (v.endswith("ed") or v in IRREGULAR_PAST or v in _MORE_PAST or (v.endswith("s") and not v.endswith("ss"))):
            continue  # the verb in the past or the third person
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
        if (pron == "them") != plural:
            continue
        if head in SPEECH_VERBS or head in IRREGULAR_PAST or head in AUX or head.endswith("ed"):
            continue  # "said that ...", "reported that ...": a clause, not a relative clause
        before = text[max(0, m.start() - 40):m.start()].split()
        if not before or not any(w.lower().strip(",") in _DETERMINERS for w in before[-3:]):
            continue
        if any(w.lower() in AUX or w.lower() in SPEECH_VERBS for w in before[-2:]):
            continue
        s, e = m.span("p")
        if doc.in_quote(s):
            continue
        if v in _DITRANSITIVE:
            si = doc.sentence_index(m.start())
            lo = doc.sentences[max(0, si - 1)].start if si is not None else 0
            lo = max(lo, m.start() - 300)  # bounded: one search per match must not cover the whole text
            if _PLURAL_PEOPLE.search(text, lo, m.start()) or _PLURAL_PEOPLE.search(m.group("subj")):
                continue  # people around who may be the recipients: "the letters that he wrote them"
            if pron == "it":
                continue  # "the book that he gave it" is too rare to tell from "gave it (to him)"
        yield Finding(
            s, e,
            f"'{head} {m.group('rel')} {m.group('subj')} {v} {pron}': the relative clause repeats its antecedent "
            f"'{head}' as '{pron}' (a resumptive pronoun from the source language)",
            suggestion="",
            fix=(Edit(s - 1, e - s + 1, ""),) if text[s - 1:s] == " " else (),
        )


# ---- first and second person in reported speech ------------------------------------------------

_THAT_FIRST = re.compile(r"\b(?P<v>[a-z]+)[ \t]+that[ \t]+(?P<p>I|we)[ \t]+(?P<w>[a-z']+)")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
_THIRD_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he[ \t]+[a-z]+|[A-Z][a-z]+)\b")
_EXTRA_SPEECH = frozenset("vowed pledged promised hoped expressed".split())
_YOUR = re.compile(r"\b(?P<v>[a-z]{3,}ed)[ \t]+(?P<p>your)[ \t]+(?P<n>[a-z]+)")
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself)\b")
_NOT_SUBJECT_START = frozenset("if when whether once unless before after as while how why what".split())


def _unquoted_count(doc: Document, rx: re.Pattern, start: int, end: int) -> int:
    return sum(1 for m in rx.finditer(doc.text, start, end) if not doc.in_quote(m.start()))


@rule(
    code="TQ307",
    name="first-person-in-reported-speech",
    category="pronoun",
    severity="major",
    summary="'I'/'we' after a third person's 'said that', or 'your' for a third person, outside quotes.",
    flags=[
        "Governor Yuriko Koike announced the plan. She also revealed that [[I]] want to make Tokyo a city where "
        "it is easy to raise children.",
        "Founder Wang Chuanfu said in an internal letter that [[we]] must firmly walk the road of innovation.",
        "Boca lost again on Sunday. After the match, the coach presented [[your]] resignation to the board.",
    ],
    passes=[
        # quoted speech, and an author who writes in the first person
        "Koike said: \"I want to make Tokyo a city where it is easy to raise children.\"",
        "We asked the minister about the plan. She said that we would get an answer next week.",
        "I met the mayor on Monday. He told me that I was the first reporter to ask.",
        # first person as the subject of the speech verb
        "As we said that we would, we publish the figures today.",
        # 'your' addressing the reader, in an article that does so elsewhere
        "If you travel this summer, check your passport. Airlines have changed your rights.",
        "The bank raised rates. If you have a mortgage, the bank changed your payments too.",
    ],
)
def first_person_in_reported_speech(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    `I` or `we` opening the clause after a third person's speech verb and `that`,
    outside quotation marks (`Koike also revealed that I want to make Tokyo...`,
    `Wang said in a letter that we must...`), in a paragraph with no other unquoted
    first person (an author who writes `we asked the minister`); and `your` after a
    past-tense verb whose subject is a third person (`the coach presented your
    resignation`) in an article that never otherwise addresses the reader.

    ## Why it matters
    Japanese, Chinese and Korean report speech without quotation marks and without
    shifting the person; Spanish *su* is both `his` and the polite `your`. Translated
    literally, the reporter seems to speak, or to address the reader.

    ## Example
    ```
    Ms. Koike also revealed that I want to make Tokyo a city where it is easy to raise children.
    ```

    ## Use instead
    ```
    Ms. Koike also said she wants to make Tokyo a city where it is easy to raise children.
    ```
    """
    text = doc.text
    if " that I " in text or " that we " in text:
        checked: dict[int, bool] = {}
        for m in _THAT_FIRST.finditer(text):
            near = text[max(0, m.start() - 80):m.end("v")].split()[-8:]  # "said in a letter that we"
            v = next((w for w in reversed(near) if w in SPEECH_VERBS or w in _EXTRA_SPEECH), None)
            if v is None:
                continue
            s, e = m.span("p")
            if doc.in_quote(s):
                continue
            si = doc.sentence_index(s)
            pi = doc.paragraph_index(s)
            if si is None or pi is None:
                continue
            head = text[max(doc.sentences[si].start, m.start() - 200):m.start()]
            if _FIRST_PERSON.search(head) or not _THIRD_SUBJECT.search(head):
                continue  # "As we said that we would": the first person speaks
            if pi not in checked:
                ps, pend = doc.paragraphs[pi]
                checked[pi] = _unquoted_count(doc, _FIRST_PERSON, ps, pend) <= 1
            if not checked[pi]:
                continue  # an author who writes in the first person
            yield Finding(s, e, f"'{v} ... that {m.group('p')} {m.group('w')}': a third person's words reported in the "
                                f"first person, without quotation marks: quote them, or use "
                                f"'{'he or she' if m.group('p') == 'I' else 'they'}'")
    if "your" in text:
        mentions = None
        for m in _YOUR.finditer(text):
            s, e = m.span("p")
            if doc.in_quote(s):
                continue
            if mentions is None:
                mentions = _unquoted_count(doc, _SECOND_PERSON, 0, len(text))
            if mentions > 1:
                return  # the article addresses the reader
            si = doc.sentence_index(s)
            if si is None:
                continue
            head = text[doc.sentences[si].start:m.start()].rsplit(",", 1)[-1]  # the clause of the verb
            words = head.lower().split()
            if not words or words[0].strip(",") in _NOT_SUBJECT_START or "?" in text[e:e + 200].split(".")[0]:
                continue
            if not _THIRD_SUBJECT.search(head):
                continue
            yield Finding(s, e, f"'{m.group('v')} your {m.group('n')}': 'your' addresses the reader, but the "
                                f"subject is a third person (Spanish 'su' is both 'his/her' and 'your')")
