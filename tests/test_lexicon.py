"""The gazetteer and word-frequency data (tqcheck.lexicon.geo / .words) and their files."""
from __future__ import annotations

from importlib import resources

import pytest

from tqcheck import lexicon
from tqcheck.lexicon import geo, words

# The cases DESIGN.md and ARTIFACTS.md name: ordinary English that must not be flagged
# as a lowercase place without more evidence, and places that are never ordinary English.
AMBIGUOUS = ["nice", "turkey", "china", "reading", "march", "may", "bath", "split",
             "mobile", "polish", "chile", "jersey", "west bank"]
UNAMBIGUOUS = ["kyiv", "bakhmut", "avdiivka", "ukrainian", "moscow", "paris", "london",
               "georgia", "monday", "january", "russian", "belarusian", "donbas",
               "united states", "middle east", "buenos aires"]


def sources_rows(name: str) -> list[list[str]]:
    text = resources.files("tqcheck.lexicon").joinpath("sources", name).read_text("utf-8")
    return [line.split("\t") for line in (raw.strip() for raw in text.splitlines())
            if line and not line.startswith("#")]


# ------------------------------------------------------------------ places


@pytest.mark.parametrize(("key", "canonical", "kind"), [
    ("kyiv", "Kyiv", "city"),
    ("kharkiv", "Kharkiv", "city"),
    ("bakhmut", "Bakhmut", "city"),
    ("avdiivka", "Avdiivka", "city"),
    ("zaporizhzhia", "Zaporizhzhia", "city"),
    ("mariupol", "Mariupol", "city"),
    ("odesa", "Odesa", "city"),
    ("donetsk", "Donetsk", "city"),
    ("luhansk", "Luhansk", "city"),
    ("lviv", "Lviv", "city"),
    ("dnipro", "Dnipro", "city"),
    ("minsk", "Minsk", "city"),
    ("vilnius", "Vilnius", "city"),
    ("buenos aires", "Buenos Aires", "city"),
    ("the hague", "The Hague", "city"),
    ("rostov-on-don", "Rostov-on-Don", "city"),
    ("washington", "Washington", "city"),
    ("russia", "Russia", "country"),
    ("syria", "Syria", "country"),
    ("iran", "Iran", "country"),
    ("netherlands", "Netherlands", "country"),
    ("united states", "United States", "country"),
    ("cote d'ivoire", "Cote d'Ivoire", "country"),
    ("donbas", "Donbas", "region"),
    ("crimea", "Crimea", "region"),
    ("catalonia", "Catalonia", "region"),
    ("andalusia", "Andalusia", "region"),
    ("bavaria", "Bavaria", "region"),
    ("lombardy", "Lombardy", "region"),
    ("siberia", "Siberia", "region"),
    ("patagonia", "Patagonia", "region"),
    ("gaza", "Gaza", "region"),
    ("west bank", "West Bank", "region"),
    ("kashmir", "Kashmir", "region"),
    ("texas", "Texas", "region"),
    ("ukrainian", "Ukrainian", "demonym"),
    ("ukrainians", "Ukrainians", "demonym"),
    ("russian", "Russian", "demonym"),
    ("belarusian", "Belarusian", "demonym"),
    ("spanish", "Spanish", "demonym"),
    ("french", "French", "demonym"),
    ("european", "European", "demonym"),
    ("latin american", "Latin American", "demonym"),
    ("arabic", "Arabic", "language"),
    ("monday", "Monday", "day"),
    ("sundays", "Sundays", "day"),
    ("january", "January", "month"),
    ("march", "March", "month"),
    ("europe", "Europe", "continent"),
    ("black sea", "Black Sea", "water"),
    ("dnieper", "Dnieper", "water"),
    ("alps", "Alps", "other"),
])
def test_place(key, canonical, kind):
    found = geo.place(key)
    assert found is not None, key
    assert (found.canonical, found.kind) == (canonical, kind)
    assert geo.canonical(key) == canonical
    assert geo.is_place(key)


def test_place_fields():
    kyiv = geo.place("kyiv")
    assert isinstance(kyiv, geo.Place)
    assert kyiv.zipf > 0 and kyiv.common is False
    assert geo.place("nice").common is True
    assert geo.place("bakhmut").zipf == 0.0  # unknown to wordfreq


def test_place_wants_lowercase_keys():
    assert geo.place("Kyiv") is None
    assert geo.canonical("Buenos Aires") is None


@pytest.mark.parametrize("key", ["", "qwertyuiop", "the", "attacks on kyiv", "kyiv "])
def test_unknown_places(key):
    assert geo.place(key) is None
    assert geo.canonical(key) is None
    assert not geo.is_place(key)


def test_accented_names_have_a_folded_key():
    assert geo.place("zürich").canonical == "Zürich"
    assert geo.place("zurich").canonical == "Zurich"
    assert geo.place("são paulo").canonical == "São Paulo"
    assert geo.place("sao paulo").canonical == "Sao Paulo"


def test_most_populous_city_wins():
    # Donetsk (Ukraine, ~900,000) over Donetsk (Russia); Moscow over Moscow, Idaho.
    assert geo.place("donetsk").canonical == "Donetsk"
    assert geo.place("moscow").kind == "city"


def test_cities_named_after_everyday_words_are_left_out():
    for key in ["of", "man", "police", "most", "time"]:
        assert geo.place(key) is None, key


def test_days_and_months():
    assert geo.keys_of_kind("month") == {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"}
    days = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    assert days <= geo.keys_of_kind("day")
    with pytest.raises(ValueError):
        geo.keys_of_kind("planet")


def test_max_place_words():
    longest = geo.max_place_words()
    assert 3 <= longest <= 5
    assert len("latin american".split()) <= longest


# ------------------------------------------------------------------ ambiguity


@pytest.mark.parametrize("key", AMBIGUOUS)
def test_ambiguous(key):
    assert geo.place(key) is not None, key
    assert geo.is_ambiguous(key)


@pytest.mark.parametrize("key", UNAMBIGUOUS)
def test_not_ambiguous(key):
    assert geo.place(key) is not None, key
    assert not geo.is_ambiguous(key)


@pytest.mark.parametrize("key", ["lira", "cognac", "sycamore", "leek", "tooting"])
def test_towns_named_after_less_frequent_words_are_ambiguous(key):
    # GeoNames towns whose names are everyday words just under zipf 3.0.
    place = geo.place(key)
    assert place is not None and place.kind == "city" and 2.0 <= place.zipf < 3.0
    assert geo.is_ambiguous(key)


def test_ambiguity_threshold():
    # "seine" (a fishing net) is ordinary English but rare: zipf 3.17.
    assert geo.is_ambiguous("seine")
    assert not geo.is_ambiguous("seine", threshold=3.5)
    assert not geo.is_ambiguous("cognac", threshold=3.0)
    assert geo.is_ambiguous("nice", threshold=5.0)
    assert not geo.is_ambiguous("paris", threshold=0.0)  # never ordinary English


def test_ambiguity_of_words_outside_the_gazetteer_comes_from_the_word_table():
    assert geo.is_ambiguous("the")
    assert not geo.is_ambiguous("qwertyuiop")


def test_ambiguity_overrides_are_applied():
    for (key,) in sources_rows("ambiguous.txt"):
        if geo.is_place(key):
            assert geo.place(key).common, key
    for (key,) in sources_rows("not_ambiguous.txt"):
        if geo.is_place(key):
            assert not geo.is_ambiguous(key, threshold=0.0), key


# ------------------------------------------------------------------ words


def test_zipf_ordering():
    assert words.zipf("the") > words.zipf("nice") > words.zipf("barcelona")
    assert words.zipf("barcelona") > words.zipf("kyiv") > 0.0


def test_zipf_is_case_insensitive():
    assert words.zipf("The") == words.zipf("the") == words.zipf("THE")
    assert words.zipf("Barcelona") == words.zipf("barcelona")


@pytest.mark.parametrize("word", ["", "qwertyuiop", "bakhmut", "kyiv-city", "3", "the cat"])
def test_unknown_words(word):
    assert words.zipf(word) == 0.0
    assert not words.is_common(word)
    assert not words.is_ordinary_lowercase(word)
    assert words.lowercase_zipf(word) == 0.0


def test_is_common():
    assert words.is_common("the")
    assert words.is_common("paris")  # case-folded: "Paris" is frequent
    assert not words.is_common("avdiivka")
    assert words.is_common("kyiv", threshold=3.0)
    assert not words.is_common("kyiv", threshold=3.5)


@pytest.mark.parametrize("word", ["nice", "turkey", "china", "reading", "march", "may", "bath",
                                  "split", "mobile", "polish", "chile", "the", "don't",
                                  "cannot", "o'clock"])
def test_ordinary_lowercase_words(word):
    assert words.is_ordinary_lowercase(word)
    assert words.is_common_lowercase(word)
    assert words.lowercase_zipf(word) == words.zipf(word)


@pytest.mark.parametrize("word", ["paris", "london", "monday", "june", "ukrainian", "russian",
                                  "john", "i", "i'm", "mr"])
def test_names_are_not_ordinary_lowercase(word):
    assert words.zipf(word) > 3.0
    assert not words.is_ordinary_lowercase(word)
    assert not words.is_common_lowercase(word)
    assert words.lowercase_zipf(word) == 0.0


def test_vocabulary_size():
    assert 55_000 <= words.vocabulary_size() <= 65_000


# ------------------------------------------------------------------ the files themselves


def data_lines(name: str) -> list[str]:
    return resources.files("tqcheck.lexicon").joinpath("data", name).read_text("utf-8").splitlines()


@pytest.mark.parametrize("name", ["places.tsv", "common_words.tsv"])
def test_comments_only_at_the_top(name):
    # geo/words split the body in one go and rely on this.
    lines = data_lines(name)
    body = [i for i, line in enumerate(lines) if not line.startswith("#")]
    assert body and body == list(range(body[0], len(lines)))
    assert all(lines[i] for i in body), "no blank lines"


def check_zipf(cell: str) -> None:
    assert cell == "0" or (len(cell.split(".")[1]) == 2 and 0.0 < float(cell) < 8.0), cell


def test_places_rows_are_well_formed():
    rows = lexicon.table("places.tsv")
    assert len(rows) > 30_000
    keys = [row[0] for row in rows]
    assert keys == sorted(set(keys)), "sorted, unique keys"
    for row in rows:
        assert len(row) == 5, row
        key, canonical, kind, zipf, common = row
        assert key == key.lower() == " ".join(key.split()), row
        assert canonical.lower() == key, row
        assert kind in geo.KINDS, row
        check_zipf(zipf)
        assert common in ("0", "1"), row
        assert len(key.split()) <= geo.max_place_words()
    assert max(len(k.split()) for k in keys) == geo.max_place_words()


def test_common_words_rows_are_well_formed():
    rows = lexicon.table("common_words.tsv")
    assert len(rows) == words.vocabulary_size()
    keys = [row[0] for row in rows]
    assert keys == sorted(set(keys)), "sorted, unique words"
    for row in rows:
        assert len(row) == 3, row
        word, zipf, common = row
        assert word == word.lower() and word.replace("'", "").replace("-", "").isalpha(), row
        check_zipf(zipf)
        assert common in ("0", "1"), row


def test_every_curated_entry_is_in_the_gazetteer():
    # Fails when a source was edited without rerunning scripts/build_lexicon.py.
    seen = set()
    for name in ["news_places.txt", "regions.txt", "countries.txt", "demonyms.txt",
                 "languages.txt", "calendar.txt", "geography.txt"]:
        for row in sources_rows(name):
            key = row[0].lower()
            if key in seen:
                continue  # the first curated file that names a key wins
            seen.add(key)
            assert geo.canonical(key) == row[0], (name, row)
            if len(row) > 1:
                assert geo.place(key).kind == row[1], (name, row)


def test_generated_data_stays_small():
    total = sum(len(resources.files("tqcheck.lexicon").joinpath("data", name).read_bytes())
                for name in ["places.tsv", "common_words.tsv"])
    assert total < 2_300_000
