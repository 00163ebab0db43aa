"""Names: one name spelled two ways in an article (TQ5xx), and source-language spellings (TQ601-609).

Both rules read :func:`tqcheck.analysis.people.name_variants`, which compares the
capitalised names of an article by a transliteration skeleton (``Zelenski`` /
``Zelensky`` / ``Zelenskiy``, ``Krämer`` / ``Kraemer``) and by one vowel-like edit
found with rapidfuzz over accent-folded forms (``Netanyahu`` / ``Netaniahu``), and
knows a hand-written list of source-language spellings (``Moscú``, ``Volodímir``).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..analysis.people import name_variants
from ..document import Document
from ..model import Edit, Finding
from .base import Context, rule


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


@rule(
    code="TQ501",
    name="inconsistent-name-spelling",
    category="consistency",
    severity="major",
    summary="One name spelled two ways in the same article.",
    flags=[
        "Prime Minister Benjamin Netanyahu met the cabinet. Netanyahu said the deal was close. "
        "Later, [[Netaniahu]] instructed the team to continue.",
        "Works council chief Sabine Krämer spoke first. Krämer was blunt. Later [[Kraemer]] said the staff "
        "would fight.",
        "The Executive of Volodímir [[Zelenski]] met on Monday. Zelensky said Ukraine was ready. "
        "President Zelenski asked for more weapons.",
        # one consonant for a close one, a letter added at the end
        "Claudia Sheinbaum met the governors. [[Sheimbaum]] said the plan was ready. Sheinbaum left.",
        "Volodymyr Zelensky spoke. Zelensky said the army was ready. [[Zelenskyi]] left for Brussels.",
        # both orders of an East Asian name on a tie: the order English news does not use (Japanese given
        # name first, Chinese and Korean surname first), also after a title or with a short surname
        "Governor [[Koike Yuriko]] spoke on Monday. Later Yuriko Koike said the plan would start in April.",
        "Cui Dongshu, the association's secretary general, said sales rose. \"Prices matter,\" [[Dongshu Cui]] said.",
        # a Korean given name with and without its hyphen, after the same surname
        "Actress Kim Go-eun donated the money. Kim Go-eun said she was happy. Meanwhile, Kim [[Goeun]] debuted in "
        "2012.",
        # one person's first name with and without the accent a listed name has
        "The prime minister, Luís Montenegro, sent a message. \"We are with you,\" wrote [[Luis]] Montenegro.",
        # one place under two English names (an exonym and the current form)
        "The minister said Türkiye hosts three million refugees under temporary protection.\n\n"
        "Officials added that [[Turkey]]'s exports to the region rose by a fifth.",
        "Shelling hit Kharkiv overnight, the governor said. Power was cut in parts of Kharkiv and of the "
        "surrounding region.\n\nRepair crews from [[Kharkov]] worked through the night.",
        # a name left in a source-language case form (Croatian, Slovak, Czech, Finnish, Greek)
        "Minister of Tourism Tonči Glavina said the season was good. The Minister [[Glavine]] announced new rules.",
        "Minister Kamil Šaško spoke at the press conference on Monday.\n\n[[Šaška]] reacted that the ministry had a "
        "plan.",
        "Its chairman Andrej Babiš proposed a cut. \"Beer is a treasure,\" said Babiš. According to [[Babiše]], the "
        "government is wrong.",
        "Crossings at Vaalimaa, Nuijamaa and Imatra were closed. Migrants were seen near [[Vaalimaan]] in March.",
        "The minister, Vassilis Kikilias, spoke on Monday. Kikilias said the ferries would sail. The plan came from "
        "the ministry of [[Kikilia]].",
        "Cars were stolen in Kalamaria, Pylaia and Thermi. Two cars had been stolen from the area of [[Pylaias]] in "
        "January.",
        # transliterations the skeleton keeps apart: iotated e, a Tongyong -ih, two gazetteer spellings of a town
        "Governor Mikhail Evraev presented the report on Wednesday. Special attention [[Yevrayev]] paid to health.",
        "The plant in the Nanzih Science Park opens soon. Traffic in [[Nanzi]] District is heavy. The Nanzih park "
        "will grow.",
        "Russian troops struck Kostiantynivka overnight. The head of the Kostiantynivka administration said two "
        "died. Before the war, [[Kostyantynivka]] had 67,000 people.",
        # Korean surnames in two romanisations with one title; Arabic articles; capitals a recaser flattened
        "In the final statement, Chairman [[Yun]] apologised. Chairman Yoon Sang-cheol was tried in Seoul. "
        "Chairman Yoon denied it.",
        "The Minister of Energy Joe Saddi confirmed the date. Minister [[Al-Saddi]] had announced a plan last month.",
        "Excavations in Dra Abu el-Naga continue this winter. Twelve tombs in Dra Abu [[al-Naga]] were opened.",
        "The water board wants to raise the dike along the IJssel. The IJssel floods often. The [[Ijssel]] dike near "
        "Olst will be examined.",
    ],
    passes=[
        # possessives, plurals, demonyms
        "Zelensky's adviser said Zelensky would travel. The Clintons met Bill Clinton's staff.",
        "Russia said Russian troops had left. Ukraine and Ukrainian officials agreed.",
        # different people with similar names
        "Alexei Navalny died in prison. His widow, Yulia Navalnaya, blamed the Kremlin.",
        "Daniela Rossi and Daniele Bianchi led the talks; Hunter Biden and Joe Biden did not attend.",
        "Luis Hernández scored twice, and Pedro Fernández missed a penalty.",
        "Alberto Fernández met Bruno Fernandes in Lisbon. Fernandes scored; Fernández applauded.",
        "Iraq and Iraqi officials agreed; Israel and Israeli troops left.",
        # a hyphenated given name and a joined one after different words; two people with one first name
        "Lee Min-ho starred in the drama, and Minho Choi directed it.",
        "Luís Figo met Luis Enrique in Madrid. José Mujica and Jose Pérez spoke.",
        # two listed surnames in both orders, neither run a person: no convention decides, nothing flagged
        "Tanaka Sato met Sato Tanaka, a cousin, in Osaka.",
        # a difference of case is not a spelling
        "The Late-night show returned. Late-Night ratings rose.",
        # different places
        "Flights from Austria and Australia were delayed; Slovenia and Slovakia agreed.",
        # the same spelling throughout, with accents English news keeps
        "Pedro Sánchez met José Mujica in Montevideo. Sánchez praised Mujica.",
        # an exonym glossed next to the current name, inside a longer name, or in a dish
        "Turkey, now officially Türkiye, voted on Monday. Turkey said no to the plan.",
        "The Kiev Symphony Orchestra played in Kyiv on Sunday night, and the mayor of Kyiv attended the concert.",
        "Chicken Kiev is on every menu in Kyiv this winter, and prices in Kyiv have doubled since the spring.",
        # English usage next to case endings: al- dropped on a second reference, feminine forms, plurals,
        # different surnames, a woman's Greek surname after her first name, a party named like a surname
        "President Bashar al-Assad spoke on Monday. Assad said the war was over, and Assad left for Moscow.",
        "Sergei Ivanov met Anna Ivanova in Moscow. Ivanova said the talks went well; Ivanov agreed.",
        "Jakub Novák met Marta Nováková. Novák said the reform was ready; Nováková disagreed.",
        "The Obamas arrived in Chicago. Barack Obama spoke, and Obama thanked the crowd. The two Koreas met.",
        "Niko Kovač coached the team; Mateo Kovačić scored. Kovač praised Kovačić.",
        "Diana Ross sang the anthem. Paolo Rossi scored twice, and Ross applauded.",
        "Kyriakos Mitsotakis met his sister, Dora Mitsotaki. Mitsotakis thanked Mitsotaki.",
        "Carlos Moreno spoke in Mexico City. The Morena party won, and Moreno conceded.",
        "Sanna Marin met Marina Abramović. Marin said Marina was right. Alaska and Alaskan fishermen met.",
        "Roberto Ferrari drove to Ferrara. Ferrari said Ferrara was lovely.",
        # one spelling in two typefaces: the mixed apostrophes are TQ805's
        "Beto O\u2019Rourke spoke in Texas. O'Rourke used to represent El Paso, and O'Rourke left.",
        # two Korean surnames with different given names: maybe two people
        "Lee Jae-myung met Yi Sang-hoon in Seoul. Lee said the talks went well; Yi agreed.",
    ],
)
def inconsistent_name_spelling(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A name written in two spellings in one article: transliteration variants
    (`Zelenski` / `Zelensky` / `Zelenskyi`, `Netanyahu` / `Netaniahu`, `Roscosmos` /
    `Roskosmos`, `Krämer` / `Kraemer`), one consonant swapped for a close one after the
    first two letters (`Sheinbaum` / `Sheimbaum`: m/n, b/p, d/t, g/k, f/v, s/z, l/r),
    or the same name with and without accents when the accented form is the more
    frequent one; and one place under two English names, an older exonym and the
    current form (`Kiev` / `Kyiv`, `Turkey` / `Türkiye`, `Kharkov` / `Kharkiv`, `Burma` /
    `Myanmar`: `names_exonyms.tsv`), unless the two stand close together as a gloss
    (`Turkey, now Türkiye`), inside quotations or inside a longer name (`Dynamo Kiev`). A difference of case only (`Late-night` / `Late-Night`) is not a
    spelling variant, except when a recaser flattened the capitals inside a name (`Ijssel` for
    `IJssel`, `Desantis` for `DeSantis`). Also: a name left in a source-language case form next to
    its usual form (`Minister Glavine` after `Tonči Glavina`, `Šaška` after `Kamil Šaško`, `Babiše`,
    `near Vaalimaan`, `the ministry of Kikilia` after `Kikilias`: `names_case_endings.tsv`), when the
    usual form is a person's surname or a place and the case form follows no other first name and is
    no first name itself (`Daniela`, `Ivanova`, `Dora Mitsotaki` stay quiet); more transliteration
    equivalences (`Yevrayev` / `Evraev`, `Nanzih` / `Nanzi`, `ts`/`c`, `sh`/`š`); a Korean surname in
    two romanisations with the same title or given name (`Chairman Yun` / `Chairman Yoon`:
    `names_romanisations.tsv`); an Arabic surname with the article the full name did not have (`Joe
    Saddi`, then `Minister Al-Saddi`), or its article spelt two ways (`el-Naga` / `al-Naga`), while
    `Bashar al-Assad` then `Assad` is English style. The spelling used less often is flagged
    (or the source-language one, or the one introduced later on a tie), once, with a
    fix for every occurrence. Possessives, plurals (`Clinton` / `Clintons`), demonyms
    (`Russia` / `Russian`), feminine surname forms (`Navalny` / `Navalnaya`), two
    different first names or places, and spellings listed in the configuration are
    not variants.

    ## Why it matters
    Machine-translated pages mix the source paper's transliteration with the one the
    English recaser or the translation memory knows; readers cannot tell whether two
    people are meant, and searches miss half the mentions.

    ## Example
    ```
    High officials of the Executive of Volodímir Zelenski ... This Sunday, Zelensky
    stressed that Ukraine is ready.
    ```

    ## Use instead
    ```
    ... the government of Volodymyr Zelensky ... On Sunday, Zelensky stressed ...
    ```
    """
    for v in ctx.get(name_variants):
        if v.rule != "TQ501":
            continue
        s, e = v.occurrences[0]
        why = f"; {v.note}" if v.note else ""
        yield Finding(
            s,
            e,
            f"'{v.form}' ({_times(v.counts[0])}) and '{v.preferred}' ({_times(v.counts[1])}) name the same "
            f"person or place{why}: use one spelling",
            suggestion=v.preferred,
            fix=tuple(Edit(a, b - a, v.preferred) for a, b in v.occurrences),
        )


@rule(
    code="TQ601",
    name="source-language-name-spelling",
    category="untranslated",
    severity="major",
    summary="A name spelled as in the source language (Volodímir, Moscú), not as English news writes it.",
    flags=[
        "The president spoke with his counterpart, [[Volodímir]] Zelensky, about the summit.",
        "Other governments have avoided criticising [[Moscú]] and have called for talks.",
        "Vladimir [[Putín]] met the press; later Vladimir Putin left for [[Kiew]].",
        "Mr Putin met the press. Then [[Putín]] left.",
        # German, French, Polish, Portuguese forms of places English names otherwise
        "The match was played in [[München]] on Saturday, and the talks continue in [[Genève]].",
        "The minister flew from [[Warszawa]] to [[Lisboa]] for the summit.",
        # stress accents on a country, or on a public figure, that English writes without them
        "The president travelled to [[Perú]] and [[México]] on Monday.",
        "[[Erdogán]] met the press in Ankara on Monday.",
    ],
    passes=[
        "Pedro Sánchez met José Mujica; Atlético Madrid beat Sevilla in front of 60,000 fans in Gdańsk.",
        "Peking University and Peking duck; the Kiev Symphony Orchestra played in 1990.",
        "Volodymyr Zelensky met Vladimir Putin in Moscow.",
        "Sánchez said that Sánchez and the Sanchez family agreed.",
        # clubs, events and ships that keep the source-language form
        "Bayern München beat Real Sociedad. 1. FC Köln lost again; Köln, who were promoted, are in trouble.",
        "Rapid Wien won 2-0. Legia Warszawa lost in Milano Cortina week. The Moskva sank in April.",
        "She rode the Vuelta a España twice before she retired.",
        # accents and letters English keeps; an accented word that is not a first name
        "He was born in Bogotá and studied in Zürich, Baden-Württemberg and São Paulo.",
        "Recep Tayyip Erdoğan and Viktor Orbán met at the Élysée.",
    ],
)
def source_language_name_spelling(doc: Document, ctx: Context) -> Iterator[Finding]:
    """
    ## What it flags
    A name in a spelling that English news does not use: from a hand-written list of
    source-language spellings of people and places (Spanish `Moscú`, `Volodímir`,
    `Jersón`; German `Selenskyj`, `Moskau`, `München`, `Köln`, `Wien`; French
    `Poutine`, `Pékin`, `Genève`, `Bruxelles`; Italian `Firenze`; Polish `Warszawa`;
    Portuguese `Lisboa`), a country written with the stress accents of the source
    language (`Perú`, `México`, `Irán`), a public figure's surname with accents English
    does not write (`Erdogán`, `Putín`), an accented transliteration of a known first
    name used as one (`Serguéi Lavrov`), or an accented name that the same article
    also writes without accents (`Putín` next to `Putin`). A place's source-language
    form inside a longer name is left alone (`Bayern München`, `1. FC Köln`, `Rapid
    Wien`, `Legia Warszawa`, `Milano Cortina`, `the Moskva`), and so is the whole
    article's use of it once one such name appears. Accents alone are not an error:
    `Pedro Sánchez`, `José Mujica`, `Gdańsk`, `Atlético Madrid`, `Bogotá`, `Zürich`,
    `Erdoğan` keep them in English news. The first occurrence is flagged, with a fix
    for all of them.

    ## Why it matters
    Translation engines leave names as the source paper spells them, with its
    transliteration and stress accents. English readers and search engines know the
    English form.

    ## Example
    ```
    High officials of the Executive of Volodímir Zelenski ...
    ```

    ## Use instead
    ```
    Senior officials of Volodymyr Zelensky's government ...
    ```
    """
    for v in ctx.get(name_variants):
        if v.rule != "TQ601":
            continue
        s, e = v.occurrences[0]
        if v.reason == "accents":
            why = f"the article also writes '{v.preferred}' ({_times(v.counts[1])})"
        else:
            why = v.note or "a source-language spelling"
        yield Finding(
            s,
            e,
            f"'{v.form}' is {why}: English news writes '{v.preferred}'"
            if v.reason != "accents" else f"'{v.form}' keeps source-language accents; {why}",
            suggestion=v.preferred,
            fix=tuple(Edit(a, b - a, v.preferred) for a, b in v.occurrences),
        )
