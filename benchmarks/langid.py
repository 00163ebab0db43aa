#!/usr/bin/env python3
"""Language identification for the untranslated rules: memory, speed and accuracy of the candidates.

Each candidate runs in its own fresh interpreter, so its memory figure is the RSS
delta of importing the library, building a detector restricted to the plausible
languages (English plus the source languages we look for) and classifying one
span; the peak RSS is the whole interpreter's high-water mark (loading often
needs more than keeping). Then it classifies every labelled span below many times and reports the
time per call, and its accuracy on short spans (2-5 words) and on sentences.

Candidates:

* ``py3langid``: naive Bayes over byte n-grams (the langid.py model), numpy only.
* ``lingua-low`` / ``lingua-high``: lingua-language-detector (Rust), low- and
  high-accuracy mode, models for the restricted languages only, loaded eagerly.
* ``wordlist``: no library at all: tqcheck's own per-word frequency evidence
  (``tqcheck.analysis.language.guess_language``), summed over the span.
* ``tqcheck``: what the untranslated rules do: a run of words found by the
  word evidence, confirmed by py3langid from four words on (a span counts as
  foreign when such a run covers half of it).

    python benchmarks/langid.py            # all candidates that are installed
    python benchmarks/langid.py --json     # figures as JSON
    python benchmarks/langid.py --only py3langid

The spans are short texts written for this benchmark (not copied from anywhere).
A library that is not installed is reported as such, not as a failure.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

LANGS = ("en", "es", "pt", "it", "fr", "de")

# (language, text): short spans first, then sentences. Written for this benchmark.
SHORT = [
    ("es", "la mañanera"), ("es", "según el gobierno"), ("es", "pero no es así"),
    ("es", "también los vecinos"), ("es", "en la mañana del lunes"), ("es", "sin embargo"),
    ("es", "la reforma eléctrica"), ("es", "los trabajadores del campo"),
    ("pt", "também não"), ("pt", "segundo o governo"), ("pt", "mas ainda assim"),
    ("pt", "da câmara dos deputados"), ("pt", "uma nova lei"), ("pt", "os povos indígenas"),
    ("pt", "não há dúvida"), ("pt", "na próxima semana"),
    ("it", "però non basta"), ("it", "secondo il governo"), ("it", "anche se"),
    ("it", "della camera dei deputati"), ("it", "una nuova legge"), ("it", "gli sbarchi"),
    ("it", "perché non"), ("it", "nella prossima settimana"),
    ("fr", "avec le gouvernement"), ("fr", "selon le ministre"), ("fr", "mais pas encore"),
    ("fr", "la grève des cheminots"), ("fr", "une nouvelle loi"), ("fr", "pour la première fois"),
    ("fr", "dans les gares"), ("fr", "il y a"),
    ("de", "aber nicht"), ("de", "laut der Regierung"), ("de", "mit dem Betriebsrat"),
    ("de", "eine neue Regel"), ("de", "und auch die"), ("de", "nach dem Treffen"),
    ("de", "noch nicht entschieden"), ("de", "für die Beschäftigten"),
    ("en", "per se"), ("en", "de facto"), ("en", "status quo"), ("en", "bona fide"),
    ("en", "coup d'état"), ("en", "the fiesta"), ("en", "vice versa"), ("en", "a la carte"),
    ("en", "ad hoc"), ("en", "et al"), ("en", "the junta said"), ("en", "pro bono work"),
    ("en", "in the barrio"), ("en", "the rail strike"), ("en", "new rules"), ("en", "on Monday"),
]
SENTENCES = [
    ("es", "El presidente dijo que la reforma será aprobada antes de fin de año."),
    ("es", "Los diputados votaron a favor de la ley de amnistía por mayoría absoluta."),
    ("es", "Según fuentes del ministerio, las negociaciones continuarán la próxima semana."),
    ("es", "No hay ninguna razón para pensar que el acuerdo se vaya a romper."),
    ("pt", "O presidente afirmou que a floresta precisa de proteção urgente."),
    ("pt", "Os líderes dos países amazônicos assinaram uma declaração conjunta."),
    ("pt", "Segundo o ministério, a reunião também tratou do desmatamento ilegal."),
    ("pt", "Não há consenso sobre a exploração de petróleo na região."),
    ("it", "Il governo ha annunciato che i centri saranno pronti entro la primavera."),
    ("it", "Secondo l'opposizione, l'accordo con l'Albania viola il diritto europeo."),
    ("it", "I migranti soccorsi in mare saranno trasferiti nei nuovi centri."),
    ("it", "Non è chiaro quanto costerà il progetto ai contribuenti italiani."),
    ("fr", "Le syndicat a appelé à une grève reconductible à partir de jeudi."),
    ("fr", "Selon la direction, la moitié des trains circuleront normalement."),
    ("fr", "Les voyageurs sont invités à reporter leurs déplacements."),
    ("fr", "Il n'y a pas encore d'accord entre la direction et les syndicats."),
    ("de", "Der Konzern will zwei Werke in Deutschland schließen."),
    ("de", "Die Gewerkschaft kündigte Widerstand gegen die Pläne an."),
    ("de", "Nach Angaben des Betriebsrats sind tausende Stellen betroffen."),
    ("de", "Es ist noch nicht klar, wann die Entscheidung fällt."),
    ("en", "The president said the reform would pass before the end of the year."),
    ("en", "Lawmakers in Madrid approved the amnesty law by an absolute majority."),
    ("en", "The fiesta in Pamplona drew crowds despite the heat, El País reported."),
    ("en", "The de facto leader of the junta met envoys in Rio de Janeiro on Monday."),
    ("en", "Ciudad Juárez and Los Angeles signed a pact on water, officials said."),
    ("en", "The status quo is not sustainable per se, a bona fide expert argued."),
    ("en", "After the coup d'état, the generals promised elections within a year."),
    ("en", "La Liga clubs voted against the plan at a meeting in Barcelona."),
]

CANDIDATES = ("py3langid", "lingua-low", "lingua-high", "wordlist", "tqcheck")

_CHILD = r'''
import json, sys, time
def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
name, langs, spans = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
rss0 = rss_kb(); t0 = time.perf_counter()
try:
    if name == "py3langid":
        from py3langid.langid import LanguageIdentifier, MODEL_FILE
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        ident.set_languages(langs)
        def detect(t): return ident.classify(t)[0]
    elif name.startswith("lingua"):
        from lingua import Language, LanguageDetectorBuilder, IsoCode639_1
        ls = [Language.from_iso_code_639_1(getattr(IsoCode639_1, l.upper())) for l in langs]
        b = LanguageDetectorBuilder.from_languages(*ls).with_preloaded_language_models()
        if name == "lingua-low":
            b = b.with_low_accuracy_mode()
        det = b.build()
        def detect(t):
            r = det.detect_language_of(t)
            return r.iso_code_639_1.name.lower() if r else "und"
    elif name == "wordlist":
        from tqcheck.analysis.language import guess_language
        def detect(t): return guess_language(t) or "en"
    elif name == "tqcheck":
        # what the untranslated rules do: word evidence, py3langid confirming runs of 4+ words
        from tqcheck.analysis.language import runs_in
        def detect(t):
            runs = runs_in(t, 0, len(t))
            n = len(t.split())
            best = max(runs, key=lambda r: r.words, default=None)
            return best.lang if best and best.confirmed and best.words >= 0.5 * n else "en"
except ImportError as e:
    print(json.dumps({"error": f"not installed: {e}"})); sys.exit(0)
t_import = time.perf_counter() - t0
t1 = time.perf_counter(); detect(spans[0][1]); t_first = time.perf_counter() - t1
rss1 = rss_kb()
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out = {"rss_delta_mb": round((rss1 - rss0) / 1024, 1), "peak_rss_mb": round(peak, 1),
       "load_s": round(t_import, 3), "first_call_s": round(t_first, 3)}
rounds = 20
t2 = time.perf_counter()
for _ in range(rounds):
    preds = [detect(t) for _, t in spans]
dt = time.perf_counter() - t2
out["us_per_call"] = round(dt / (rounds * len(spans)) * 1e6, 1)
out["preds"] = preds
print(json.dumps(out))
'''


def run(name: str) -> dict:
    spans = SHORT + SENTENCES
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, name, json.dumps(list(LANGS)), json.dumps(spans)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    res = json.loads(proc.stdout)
    preds = res.pop("preds", None)
    if preds is None:
        return res
    n_short = len(SHORT)
    for label, part in (("short", slice(0, n_short)), ("sentence", slice(n_short, None))):
        gold = [lang for lang, _ in spans[part]]
        got = preds[part]
        res[f"acc_{label}"] = round(sum(g == p for g, p in zip(gold, got)) / len(gold), 3)
        # what the rule cares about: English called foreign (false alarm), foreign called English (miss)
        en = [p for g, p in zip(gold, got) if g == "en"]
        fo = [p for g, p in zip(gold, got) if g != "en"]
        res[f"en_as_foreign_{label}"] = f"{sum(p != 'en' for p in en)}/{len(en)}"
        res[f"foreign_as_en_{label}"] = f"{sum(p == 'en' for p in fo)}/{len(fo)}"
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=CANDIDATES, action="append")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = {name: run(name) for name in (args.only or CANDIDATES)}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    cols = ("rss_delta_mb", "peak_rss_mb", "load_s", "first_call_s", "us_per_call", "acc_short", "acc_sentence",
            "en_as_foreign_short", "foreign_as_en_short", "en_as_foreign_sentence", "foreign_as_en_sentence")
    print(f"{len(SHORT)} short spans, {len(SENTENCES)} sentences; languages {', '.join(LANGS)}")
    print("candidate".ljust(12) + "".join(c[:13].rjust(14) for c in cols))
    for name, res in results.items():
        if "error" in res:
            print(name.ljust(12) + "  " + res["error"])
            continue
        print(name.ljust(12) + "".join(str(res.get(c, "")).rjust(14) for c in cols))


if __name__ == "__main__":
    main()
