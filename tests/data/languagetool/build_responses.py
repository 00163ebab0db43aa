"""Writes the LanguageTool responses the grammar tests replay, in LanguageTool's documented
/v2/check JSON format (offsets, lengths and context offsets in UTF-16 units, as Java counts).
Run from this folder: python build_responses.py"""
import json


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def match(text, needle, rule_id, category, issue_type, message, replacements=(), occurrence=1):
    i = -1
    for _ in range(occurrence):
        i = text.index(needle, i + 1)
    lo, hi = max(0, i - 40), min(len(text), i + len(needle) + 40)
    ctx = ("..." if lo else "") + text[lo:hi].replace("\n", " ") + ("..." if hi < len(text) else "")
    ctx_off = u16(("..." if lo else "") + text[lo:i])
    sent_start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1, 0)
    sent_end = text.find(".", i + len(needle))
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": u16(text[:i]),
        "length": u16(needle),
        "context": {"text": ctx, "offset": ctx_off, "length": u16(needle)},
        "sentence": text[sent_start : sent_end + 1],
        "type": {"typeName": "Other"},
        "rule": {"id": rule_id, "description": message, "issueType": issue_type,
                 "category": {"id": category, "name": category.title()}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(matches):
    return {
        "software": {"name": "LanguageTool", "version": "6.6", "buildDate": "2025-03-27 12:00:00 +0000",
                     "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": "en-US",
                     "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.99}},
        "matches": matches,
    }


ARTICLE = (
    "The minister have said that the talks in Geneva were constructive.\n\n"
    "The think tank Hajun reported the convoy. Officials in kyiv confirmed it on Monday.\n\n"
    "They said the the convoy had arrived in Minsk. The force was created in October. to act as one army.\n"
)
EMOJI = "Crowds cheered 🎉🎉 as the the team arrived. 👍 Fans was happy, and 🇺🇦 flags waved.\n"

FIXTURES = {
    "article": (ARTICLE, [
        match(ARTICLE, "have", "NON3PRS_VERB", "GRAMMAR", "grammar",
              "The verb 'have' does not agree with the subject 'minister'.", ["has"]),
        match(ARTICLE, "Hajun", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
              "Possible spelling mistake found.", ["Hajj", "Haun"]),
        match(ARTICLE, "kyiv", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
              "Possible spelling mistake found.", ["Kyiv"]),
        match(ARTICLE, "the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication",
              "Possible typo: you repeated a word.", ["the"]),
        match(ARTICLE, "to", "UPPERCASE_SENTENCE_START", "CASING", "typographical",
              "This sentence does not start with an uppercase letter.", ["To"], occurrence=1),
        match(ARTICLE, "October. to", "PUNCTUATION_BEFORE_LOWERCASE", "PUNCTUATION", "typographical",
              "A period is followed by a lowercase word.", ["October to"]),
    ]),
    "emoji": (EMOJI, [
        match(EMOJI, "the the", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication",
              "Possible typo: you repeated a word.", ["the"]),
        match(EMOJI, "was", "PERS_PRONOUN_AGREEMENT", "GRAMMAR", "grammar",
              "The verb 'was' does not agree with 'Fans'.", ["were"]),
        match(EMOJI, "flags", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
              "Possible spelling mistake found.", ["flag"]),
    ]),
}

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]

if __name__ == "__main__":
    for name, (text, matches) in FIXTURES.items():
        with open(f"{name}.json", "w", encoding="utf-8") as f:
            json.dump({"text": text, "response": response(matches)}, f, ensure_ascii=False, indent=1)
    with open("languages.json", "w", encoding="utf-8") as f:
        json.dump(LANGUAGES, f, indent=1)
