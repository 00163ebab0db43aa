"""The annotated benchmark corpora stay well formed (tqeval silently skips a bad annotation)."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("validate_corpus", ROOT / "benchmarks" / "validate_corpus.py")
validate_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(validate_corpus)

FOLDERS = sorted(p for c in validate_corpus.corpora([]) for p in (c / "mt", c / "clean") if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_is_well_formed(folder):
    errors, _, articles, _ = validate_corpus.validate(folder, folder.name == "clean")
    assert articles > 0
    assert errors == []


def test_validator_reports_problems_without_quoting_the_text(tmp_path, monkeypatch):
    mt = tmp_path / "mt"
    mt.mkdir()
    (mt / "a.txt").write_text("Attacks on kyiv and on kyiv again.", encoding="utf-8")
    (mt / "a.json").write_text(
        '{"annotations": [{"category": "casing", "text": "kyiv"},'
        ' {"category": "casings", "text": "Odesa"},'
        ' {"category": "casing", "text": "kyiv", "occurrence": 3}]}', encoding="utf-8")
    monkeypatch.setattr(validate_corpus, "HERE", tmp_path)  # names are shown relative to HERE's parent
    errors, per_cat, articles, words = validate_corpus.validate(mt, must_be_clean=False)
    assert (articles, words, per_cat["casing"]) == (1, 7, 2)
    assert errors == [
        f"{tmp_path.name}/mt/a.txt: annotation 0: text occurs 2 times; give an occurrence",
        f"{tmp_path.name}/mt/a.txt: annotation 1: unknown category 'casings'",
        f"{tmp_path.name}/mt/a.txt: annotation 1: text not found",
        f"{tmp_path.name}/mt/a.txt: annotation 2: occurrence 3 but the text occurs 2 time(s)",
    ]
    assert not any("kyiv" in e or "Odesa" in e for e in errors)


def test_clean_folder_rejects_annotations(tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "b.txt").write_text("A clean article.", encoding="utf-8")
    (clean / "b.json").write_text('{"annotations": [{"category": "casing", "text": "A"}]}', encoding="utf-8")
    monkeypatch.setattr(validate_corpus, "HERE", tmp_path)
    errors, *_ = validate_corpus.validate(clean, must_be_clean=True)
    assert errors == [f"{tmp_path.name}/clean/b.txt: a clean article needs no .json, or \"clean\": true and no annotations"]
