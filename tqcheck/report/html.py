"""A self-contained HTML report for editors: one file, inline CSS and JS, no network fetches.

Top: a summary (articles, passed, failed, unreadable, mean score), the score distribution as
a small inline SVG bar chart, issues by category, and a table of the articles. Then each
article's text with every flagged span highlighted (colour by severity); hovering a span
shows what is wrong (its ``title``), clicking it (or Enter on it) opens a panel with the
rule, the message and the suggestion. Filters by category and severity hide issues and
their highlights; another shows only failing articles.

Every piece of article text goes through :func:`html.escape`; the page's
Content-Security-Policy forbids loading anything from anywhere. Article sections are
rendered as results arrive and spooled to a temporary file (the summary comes first in
the page but is known only at the end), so memory stays flat on large batches.
"""
from __future__ import annotations

import html
import tempfile
from collections import Counter
from datetime import datetime, timezone

from .. import __version__
from ..model import CATEGORIES, MQM_DIMENSIONS, SEVERITIES, SEVERITY_RANK, Issue, Result
from . import Reporter, Summary
from .text import label

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def esc(s: object) -> str:
    return html.escape(str(s), quote=True).replace("\x00", "\ufffd")


def _tip(i: Issue) -> str:
    s = f"{i.rule} {i.name} ({i.severity}, {i.category}): {i.message}"
    if i.suggestion is not None:
        s += f" → {i.suggestion or '(remove)'}"
    return s


def highlight(text: str, issues: list[Issue], aid: str) -> tuple[str, dict[int, str]]:
    """The escaped text with a <mark> for every stretch covered by issues.

    Overlapping issues split the text into segments; each segment's mark lists every issue
    covering it (``data-issues``) and takes the colour of the most severe. Zero-length issues
    get an empty pin mark. Returns the HTML and, per issue index, the id of its first mark.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    pins: dict[int, list[int]] = {}
    for k, i in enumerate(issues):
        a, b = max(0, min(i.offset, n)), max(0, min(i.end, n))
        if b <= a:
            pins.setdefault(a, []).append(k)
        else:
            starts.setdefault(a, []).append(k)
            ends.setdefault(b, []).append(k)
    bounds = sorted({0, n, *starts, *ends, *pins})
    out: list[str] = []
    first: dict[int, str] = {}
    active: set[int] = set()
    seg = 0

    def mark(ks: list[int], body: str, extra: str = "") -> str:
        nonlocal seg
        mid = f"{aid}-s{seg}"
        seg += 1
        for k in ks:
            first.setdefault(k, mid)
        worst = max((issues[k] for k in ks), key=lambda i: SEVERITY_RANK.get(i.severity, 0))
        tip = "\n".join(_tip(issues[k]) for k in ks)
        return (f'<mark class="hl{extra}" id="{mid}" data-issues="{" ".join(map(str, ks))}" '
                f'data-level="{esc(worst.severity)}" tabindex="0" title="{esc(tip)}">{body}</mark>')

    for x, y in zip(bounds, bounds[1:] + [None]):
        for k in ends.get(x, ()):
            active.discard(k)
        for k in starts.get(x, ()):
            active.add(k)
        if x in pins:
            out.append(mark(sorted(pins[x]), "", " pin"))
        if y is None:
            break
        body = esc(text[x:y])
        out.append(mark(sorted(active), body) if active else body)
    return "".join(out), first


def histogram(scores: list[float], fail_under: float, bins: int = 10) -> str:
    """An inline SVG bar chart of scores in bins of 10 points (the last bin includes 100)."""
    counts = [0] * bins
    for s in scores:
        counts[min(bins - 1, max(0, int(s // (100 / bins))))] += 1
    top = max(counts) or 1
    w, h, pad, bw = 350, 150, 20, 28
    parts = [f'<svg class="hist" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
             f'role="img" aria-label="Score distribution: {esc(", ".join(f"{i * 10}-{i * 10 + 10}: {c}" for i, c in enumerate(counts)))}">']
    base = h - pad
    for i, c in enumerate(counts):
        lo, hi = i * 100 / bins, (i + 1) * 100 / bins
        cls = "good" if lo >= fail_under else ("bad" if hi <= fail_under else "edge")
        bh = round((base - 16) * c / top)
        x = pad + i * (bw + 2)
        parts.append(f'<rect class="bar {cls}" x="{x}" y="{base - bh}" width="{bw}" height="{bh}" data-bin="{i}" data-count="{c}">'
                     f'<title>{lo:g}–{hi:g}: {c} article{"s" * (c != 1)}</title></rect>')
        if c:
            parts.append(f'<text x="{x + bw / 2}" y="{base - bh - 3}" text-anchor="middle" class="cnt">{c}</text>')
        parts.append(f'<text x="{x}" y="{base + 14}" text-anchor="middle" class="axis">{lo:g}</text>')
    parts.append(f'<text x="{pad + bins * (bw + 2)}" y="{base + 14}" text-anchor="middle" class="axis">100</text>')
    parts.append(f'<line x1="{pad}" y1="{base}" x2="{pad + bins * (bw + 2)}" y2="{base}" class="axisline"/>')
    gx = pad + fail_under / 100 * bins * (bw + 2)
    parts.append(f'<line x1="{gx:.1f}" y1="4" x2="{gx:.1f}" y2="{base}" class="gate"><title>gate: {fail_under:g}</title></line>')
    parts.append("</svg>")
    return "".join(parts)


class HtmlReporter(Reporter):
    def __init__(self, stream, fail_under: float = 80.0) -> None:
        super().__init__(stream, fail_under)

    def start(self) -> None:
        self.body = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.rows: list[str] = []
        self.scores: list[float] = []
        self.by_sev: Counter = Counter()
        self.n = 0

    def result(self, r: Result) -> None:
        self.n += 1
        aid = f"a{self.n}"
        name = label(r)
        w = self.body.write
        if r.error is not None:
            w(f'<section class="article error" id="{aid}" data-passed="error"><h2><a href="#{aid}">{esc(name)}</a> '
              f'<span class="verdict">unreadable</span></h2><p class="errmsg">{esc(r.error)}</p></section>\n')
            self.rows.append(f'<tr class="error"><td><a href="#{aid}">{esc(name)}</a></td><td></td><td></td>'
                             f'<td>unreadable: {esc(r.error)}</td><td></td></tr>')
            return
        issues = list(r.issues or [])
        self.scores.append(r.score or 0.0)
        verdict = "passed" if r.passed else "failed"
        for i in issues:
            self.by_sev[i.severity] += 1
        w(f'<section class="article {"pass" if r.passed else "fail"}" id="{aid}" data-passed="{str(r.passed).lower()}">'
          f'<h2><a href="#{aid}">{esc(name)}</a> <span class="score {"good" if r.passed else "bad"}">{esc(r.score)}</span> '
          f'<span class="verdict">{verdict}</span> <span class="words">{esc(r.words)} words</span> '
          f'<span class="count">{len(issues)} issue{"s" * (len(issues) != 1)}</span></h2>\n')
        if r.text is not None:
            body, first = highlight(r.text, issues, aid)
            w(f'<div class="text">{body}</div>\n')
        else:
            first = {}
        if issues:
            w('<ol class="issues">\n')
            for k, i in enumerate(issues):
                sugg = ""
                if i.suggestion is not None:
                    sugg = f' <span class="sugg">→ {esc(i.suggestion) if i.suggestion else "<em>remove</em>"}</span>'
                target = first.get(k, "")
                w(f'<li class="issue" id="{aid}-i{k}" data-cat="{esc(i.category)}" data-sev="{esc(i.severity)}" data-mark="{target}">'
                  f'<a class="loc" href="#{target}">{i.line}:{i.column}</a> <span class="sev {esc(i.severity)}">{esc(i.severity)}</span> '
                  f'<code>{esc(i.rule)}</code> <span class="name">{esc(i.name)}</span> <span class="cat">{esc(i.category)}</span> '
                  f'<span class="msg">{esc(i.message)}</span>{sugg}</li>\n')
            w("</ol>\n")
        else:
            w('<p class="clean">No issues.</p>\n')
        w("</section>\n")
        self.rows.append(f'<tr class="{verdict}"><td><a href="#{aid}">{esc(name)}</a></td><td class="num">{esc(r.words)}</td>'
                         f'<td class="num">{esc(r.score)}</td><td>{verdict}</td><td class="num">{len(issues)}</td></tr>')

    def finish(self, s: Summary) -> None:
        w = self.stream.write
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        w(f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
          f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
          f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
          f'<meta name="generator" content="tqcheck {esc(__version__)}">\n'
          f'<title>tqcheck report: {s.passed} of {s.articles} passed</title>\n<style>{CSS}</style>\n</head>\n<body>\n')
        w(f'<header><h1>tqcheck report</h1><p class="meta">tqcheck {esc(__version__)} · {stamp} · '
          f'gate: score ≥ {self.fail_under:g}</p></header>\n')
        w('<section id="summary">\n<div class="cards">')
        for key, val, cls in (("articles", s.articles, ""), ("passed", s.passed, "good"), ("failed", s.failed, "bad" if s.failed else ""),
                              ("unreadable", s.errors, "bad" if s.errors else ""), ("mean score", s.mean_score, ""), ("issues", s.issues, "")):
            w(f'<div class="card {cls}" data-key="{key}"><div class="v">{esc("–" if val is None else val)}</div><div class="k">{key}</div></div>')
        w('</div>\n<div class="charts">\n<figure><figcaption>Score distribution</figcaption>')
        w(histogram(self.scores, self.fail_under))
        w('</figure>\n<figure><figcaption>Issues by category</figcaption><table class="cats"><tbody>')
        top = max(s.by_category.values(), default=1)
        for cat, n in s.by_category.most_common():
            w(f'<tr data-cat="{esc(cat)}"><th title="{esc(MQM_DIMENSIONS.get(cat, ""))}">{esc(cat)}</th><td class="num">{n}</td>'
              f'<td class="barcell"><span class="cbar" style="width:{max(2, round(100 * n / top))}%"></span></td></tr>')
        if not s.by_category:
            w('<tr><td>no issues</td></tr>')
        w('</tbody></table></figure>\n</div>\n')
        w('<details class="list" open><summary>Articles</summary><table class="articles"><thead><tr><th>article</th><th>words</th>'
          '<th>score</th><th>result</th><th>issues</th></tr></thead><tbody>\n')
        w("\n".join(self.rows))
        w('\n</tbody></table></details>\n</section>\n')
        # filters
        cats = [c for c in CATEGORIES if s.by_category.get(c)] + sorted(c for c in s.by_category if c not in CATEGORIES)
        w('<nav id="filters" aria-label="Filters"><fieldset><legend>Category</legend>')
        for c in cats:
            w(f'<label><input type="checkbox" data-filter="cat" value="{esc(c)}" checked> {esc(c)} <span class="n">{s.by_category[c]}</span></label>')
        w('</fieldset><fieldset><legend>Severity</legend>')
        for sev in reversed(SEVERITIES):
            w(f'<label><input type="checkbox" data-filter="sev" value="{sev}" checked> <span class="sev {sev}">{sev}</span> '
              f'<span class="n">{self.by_sev.get(sev, 0)}</span></label>')
        w('</fieldset><fieldset><legend>Articles</legend><label><input type="checkbox" id="failing-only"> failing only</label>'
          '</fieldset></nav>\n<main>\n')
        self.body.seek(0)
        while chunk := self.body.read(1 << 16):
            w(chunk)
        self.body.close()
        w('</main>\n<div id="popup" role="dialog" aria-live="polite" hidden></div>\n')
        w(f"<script>{JS}</script>\n</body>\n</html>\n")


CSS = """
:root{--minor:#f3c623;--minor-bg:#fff5c2;--major:#f08c00;--major-bg:#ffe0b3;--critical:#e03131;--critical-bg:#ffd0d0;
--good:#2b8a3e;--bad:#c92a2a;--ink:#1f2328;--mute:#656d76;--line:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);margin:0;background:#f6f8fa}
header,#summary,#filters,main{max-width:1100px;margin:0 auto;padding:0 20px}
header h1{margin:18px 0 0;font-size:24px}
.meta{color:var(--mute);margin:2px 0 12px}
.cards{display:flex;gap:10px;flex-wrap:wrap}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.card .v{font-size:22px;font-weight:600}.card .k{color:var(--mute);font-size:13px}
.card.good .v{color:var(--good)}.card.bad .v{color:var(--bad)}
.charts{display:flex;gap:16px;flex-wrap:wrap;margin:12px 0}
figure{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0;padding:10px 14px;flex:1;min-width:300px}
figcaption{font-weight:600;margin-bottom:6px}
.hist .bar.good{fill:var(--good)}.hist .bar.bad{fill:var(--bad)}.hist .bar.edge{fill:var(--major)}
.hist text{font-size:10px;fill:var(--mute)}.hist .cnt{fill:var(--ink)}
.hist .axisline{stroke:var(--mute)}.hist .gate{stroke:var(--ink);stroke-dasharray:3 3}
table{border-collapse:collapse;width:100%}
td,th{padding:3px 8px;text-align:left;border-bottom:1px solid #eaeef2}
.num{text-align:right;font-variant-numeric:tabular-nums}
.cats th{font-weight:500;width:30%}.barcell{width:55%}.cbar{display:inline-block;height:10px;background:#8ca0b3;border-radius:3px}
details.list{background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px 14px;margin-bottom:12px}
details.list summary{font-weight:600;cursor:pointer}
tr.failed td:nth-child(4),tr.error td:nth-child(4){color:var(--bad);font-weight:600}
#filters{position:sticky;top:0;z-index:5;background:#f6f8fa;display:flex;gap:10px;flex-wrap:wrap;padding-top:8px;padding-bottom:8px;border-bottom:1px solid var(--line)}
fieldset{border:1px solid var(--line);border-radius:8px;background:#fff;margin:0;padding:4px 10px}
legend{font-size:12px;color:var(--mute)}
fieldset label{margin-right:10px;white-space:nowrap;font-size:14px}
.n{color:var(--mute);font-size:12px}
.article{background:#fff;border:1px solid var(--line);border-left:5px solid var(--good);border-radius:8px;margin:14px 0;padding:4px 18px 12px}
.article.fail{border-left-color:var(--bad)}.article.error{border-left-color:#868e96}
.article h2{font-size:16px;margin:8px 0;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.article h2 a{color:inherit;text-decoration:none;word-break:break-all}
.score{font-weight:700}.score.good{color:var(--good)}.score.bad{color:var(--bad)}
.verdict,.words,.count{font-weight:400;color:var(--mute);font-size:13px}
.article.fail .verdict{color:var(--bad);font-weight:600}
.text{white-space:pre-wrap;font:15px/1.65 Georgia,"Times New Roman",serif;border-top:1px solid #eaeef2;padding-top:8px;overflow-wrap:anywhere}
mark.hl{background:var(--minor-bg);border-bottom:2px solid var(--minor);color:inherit;cursor:pointer;border-radius:2px}
mark.hl[data-level=major]{background:var(--major-bg);border-bottom-color:var(--major)}
mark.hl[data-level=critical]{background:var(--critical-bg);border-bottom-color:var(--critical)}
mark.hl.pin::after{content:"\\25C6";color:var(--major);font-size:11px}
mark.hl.off{background:none;border-bottom:0;cursor:text}mark.hl.pin.off::after{content:""}
mark.hl.flash{outline:3px solid #228be6}
mark.hl:focus{outline:2px solid #228be6}
ol.issues{margin:10px 0 0;padding-left:22px;font-size:14px}
ol.issues li{margin:3px 0}ol.issues li.flash{background:#e7f5ff}
.loc{color:var(--mute);font-variant-numeric:tabular-nums;margin-right:4px}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.03em;padding:0 5px;border-radius:4px;background:var(--minor-bg)}
.sev.major{background:var(--major-bg)}.sev.critical{background:var(--critical-bg)}
code{font-size:13px}.name{font-weight:600}.cat{color:var(--mute);font-size:12px}
.sugg{color:var(--good)}.errmsg{color:var(--bad)}.clean{color:var(--good)}
#popup{position:absolute;z-index:10;max-width:460px;background:#fff;border:1px solid var(--line);border-radius:8px;
box-shadow:0 8px 24px rgba(0,0,0,.15);padding:8px 12px;font-size:14px}
#popup .item{margin:4px 0}
"""

JS = r"""
(function(){
"use strict";
var RANK={minor:0,major:1,critical:2},SEVS=["minor","major","critical"];
var popup=document.getElementById("popup");
function hidden(kind){var s=new Set();document.querySelectorAll('input[data-filter="'+kind+'"]').forEach(function(b){if(!b.checked)s.add(b.value);});return s;}
function issuesOf(m){var art=m.closest("section.article");return m.dataset.issues.split(" ").filter(Boolean).map(function(k){return document.getElementById(art.id+"-i"+k);});}
function apply(){
  var hc=hidden("cat"),hs=hidden("sev");
  document.querySelectorAll("li.issue").forEach(function(li){li.hidden=hc.has(li.dataset.cat)||hs.has(li.dataset.sev);});
  document.querySelectorAll("mark.hl").forEach(function(m){
    var best=-1;issuesOf(m).forEach(function(li){if(li&&!li.hidden)best=Math.max(best,RANK[li.dataset.sev]);});
    m.classList.toggle("off",best<0);m.tabIndex=best<0?-1:0;
    if(best>=0)m.dataset.level=SEVS[best];
  });
  var fo=document.getElementById("failing-only").checked;
  document.querySelectorAll("section.article").forEach(function(s){s.hidden=fo&&s.dataset.passed==="true";});
  hide();
}
function hide(){popup.hidden=true;popup.textContent="";}
function show(m){
  var lis=issuesOf(m).filter(function(li){return li&&!li.hidden;});
  if(!lis.length){hide();return;}
  popup.textContent="";
  lis.forEach(function(li){var d=document.createElement("div");d.className="item";d.innerHTML=li.innerHTML;popup.appendChild(d);});
  var r=m.getBoundingClientRect();
  popup.style.left=Math.max(8,Math.min(window.scrollX+r.left,window.scrollX+document.documentElement.clientWidth-470))+"px";
  popup.style.top=(window.scrollY+r.bottom+6)+"px";
  popup.hidden=false;
  lis.forEach(function(li){li.classList.add("flash");setTimeout(function(){li.classList.remove("flash");},1200);});
}
document.addEventListener("change",function(e){if(e.target.matches("input[data-filter], #failing-only"))apply();});
document.addEventListener("click",function(e){
  var m=e.target.closest("mark.hl");
  if(m&&!m.classList.contains("off")){e.preventDefault();show(m);return;}
  var a=e.target.closest("a.loc");
  if(a){var t=document.getElementById(a.getAttribute("href").slice(1));
    if(t){e.preventDefault();t.scrollIntoView({block:"center"});t.classList.add("flash");setTimeout(function(){t.classList.remove("flash");},1200);show(t);}
    return;}
  if(!e.target.closest("#popup"))hide();
});
document.addEventListener("keydown",function(e){
  if(e.key==="Escape")hide();
  else if((e.key==="Enter"||e.key===" ")&&e.target.matches&&e.target.matches("mark.hl")){e.preventDefault();show(e.target);}
});
apply();
})();
"""
