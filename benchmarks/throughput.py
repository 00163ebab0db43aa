#!/usr/bin/env python3
"""Throughput, memory and scaling of ``tqcheck check`` on a synthetic feed.

Builds a JSONL feed of N synthetic articles (paragraphs drawn, with a fixed
seed, from the articles under ``samples/``; falls back to the dev article when
``samples/`` is empty), then runs the real command line on it as a user would::

    tqcheck check feed.jsonl --format jsonl -o results.jsonl --no-fail --jobs J

and reports, for each J: wall time, articles/s, words/s, MB/s (UTF-8 bytes of
article text), MB/s per job, and the peak RSS of the largest process (from
``wait4``) and of the whole process tree (sampled). It also times
``tqcheck --version`` (start-up) and, with ``--scaling``, the time for N, 2N
and 4N articles (it must grow linearly).

Examples::

    python benchmarks/throughput.py                       # N=2000, jobs 1 and 2, start-up time
    python benchmarks/throughput.py --n 20000 --scaling   # the full run (several minutes)
    python benchmarks/throughput.py --n 500 --jobs 1 --select TQ1   # one rule family's cost
    python benchmarks/throughput.py --json                # machine-readable figures on stdout
    python benchmarks/throughput.py --repeat 3            # best of 3 runs per --jobs value (busy machines)

Targets: >= 1 MB/s per core with all core rules, near-linear speed-up with
jobs, peak RSS under 400 MB at any N. Speed is measured here, never in a test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = ROOT.parent / "shared" / "corpus" / "dev" / "seed-001.txt"
SOURCE_SUFFIXES = (".txt", ".md")
_PARA = re.compile(r"\n\s*\n")


# -- the synthetic feed ---------------------------------------------------------


def source_files(sources: list[str]) -> list[Path]:
    """Article files to draw paragraphs from: the given paths, else samples/, else the dev article."""
    roots = [Path(s) for s in sources] if sources else [ROOT / "samples"]
    found: list[Path] = []
    for r in roots:
        if r.is_file():
            found.append(r)
        elif r.is_dir():
            found.extend(sorted(p for p in r.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES))
    if not found and not sources and FALLBACK.is_file():
        found = [FALLBACK]
    return found


def paragraph_pool(files: list[Path]) -> list[str]:
    pool: list[str] = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        pool.extend(p.strip() for p in _PARA.split(text) if len(p.split()) >= 5)
    return pool


def build_feed(path: Path, n: int, pool: list[str], seed: int = 7) -> dict:
    """Write n articles (6-20 paragraphs each, ~400 words on average) as JSONL; return their size."""
    rng = random.Random(seed)
    words = chars = nbytes = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            k = rng.randint(6, 20)
            paras = [pool[rng.randrange(len(pool))] for _ in range(k)]
            title = " ".join(paras[0].split()[:8]).rstrip(".,;:")
            body = "\n\n".join(paras[1:])
            words += len(title.split()) + len(body.split())
            chars += len(title) + len(body) + 2
            nbytes += len(title.encode("utf-8")) + len(body.encode("utf-8")) + 2
            f.write(json.dumps({"id": f"bench-{i:06d}", "title": title, "text": body}, ensure_ascii=False))
            f.write("\n")
    return {"articles": n, "words": words, "chars": chars, "bytes": nbytes, "file_bytes": path.stat().st_size}


# -- running the CLI ------------------------------------------------------------


def tqcheck_command() -> list[str]:
    exe = shutil.which("tqcheck")
    return [exe] if exe else [sys.executable, "-m", "tqcheck"]


def _status_kb(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    try:
        import psutil

        return [pid, *(c.pid for c in psutil.Process(pid).children(recursive=True))]
    except Exception:  # psutil missing, or the process ended
        return [pid]


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared (copy-on-write) pages split between the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return _status_kb(pid, "VmRSS:")


def _tree_memory(pid: int, pids: list[int] | None = None) -> tuple[int, int]:
    """(largest VmHWM, sum of PSS) over a process and its descendants, in KiB.

    VmHWM is each process's own peak; wait4's ru_maxrss is not used because on
    Linux it carries the parent's peak across vfork+exec. The tree's total is
    PSS, so that pages workers share with the parent after fork count once.
    """
    pids = pids or _tree(pid)
    return max(_status_kb(p, "VmHWM:") for p in pids), sum(_pss_kb(p) for p in pids)


def run_measured(cmd: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Run cmd; wall time, exit code, peak RSS of its largest process and of its whole tree (sampled every 100 ms)."""
    env = dict(os.environ, NO_COLOR="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    peak_one = peak_tree = 0
    done = threading.Event()

    def sample() -> None:
        # cheap enough not to slow what it measures: pids listed once a second, memory read 10 times a second
        nonlocal peak_one, peak_tree
        pids: list[int] = []
        n = 0
        while not done.is_set():
            if n % 10 == 0:
                pids = _tree(proc.pid)
            n += 1
            one, tree = _tree_memory(proc.pid, pids)
            peak_one, peak_tree = max(peak_one, one), max(peak_tree, tree)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    # wait without reaping first: the sampler must not read a reused pid
    try:
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    except BaseException:  # Ctrl-C: do not leave the run behind
        proc.kill()
        raise
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    _, status, usage = os.wait4(proc.pid, 0)  # its CPU time includes the workers it waited for
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "exit": proc.returncode,
        "peak_rss_mb": peak_one / 1024,  # the largest single process of the tree
        "peak_tree_rss_mb": peak_tree / 1024,  # all its processes together (PSS)
        "stderr": b"".join(err_chunks).decode("utf-8", "replace"),
    }


def startup_time(repeat: int = 5) -> dict:
    times = [run_measured([*tqcheck_command(), "--version"])["seconds"] for _ in range(repeat)]
    return {"median_s": statistics.median(times), "min_s": min(times)}


def check_feed(feed: Path, out: Path, jobs: int, extra: list[str]) -> dict:
    cmd = [*tqcheck_command(), "check", str(feed), "--format", "jsonl", "-o", str(out), "--no-fail",
           "--jobs", str(jobs), *extra]
    m = run_measured(cmd)
    results = errors = 0
    if out.exists():
        with open(out, encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                if "summary" in obj and "path" not in obj:
                    continue
                results += 1
                errors += obj.get("error") is not None
    m.update(results=results, item_errors=errors, command=" ".join(cmd))
    return m


def rates(size: dict, m: dict, jobs: int) -> dict:
    s = m["seconds"]
    mbs = size["bytes"] / 1_048_576 / s
    return {
        "jobs": jobs,
        "articles": size["articles"],
        "seconds": round(s, 2),
        "cpu_seconds": round(m["cpu_seconds"], 2),
        "articles_per_s": round(size["articles"] / s, 1),
        "words_per_s": round(size["words"] / s),
        "mb_per_s": round(mbs, 3),
        "mb_per_s_per_job": round(mbs / jobs, 3),
        "peak_rss_mb": round(m["peak_rss_mb"], 1),
        "peak_tree_rss_mb": round(m["peak_tree_rss_mb"], 1),
        "exit": m["exit"],
        "results": m["results"],
        "item_errors": m["item_errors"],
    }


# -- main -----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the feed [2000]")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to run [1,2]")
    ap.add_argument("--scaling", action="store_true", help="also time N, 2N and 4N articles (with the first --jobs value)")
    ap.add_argument("--source", action="append", default=[], help="file or folder to draw paragraphs from [samples/]")
    ap.add_argument("--select", help="pass --select to check (one rule family's cost)")
    ap.add_argument("--ignore", help="pass --ignore to check")
    ap.add_argument("--no-cross-article", action="store_true", help="pass --no-cross-article to check")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each --jobs value this many times and keep the fastest (shared machines are noisy) [1]")
    ap.add_argument("--no-startup", action="store_true", help="skip timing `tqcheck --version`")
    ap.add_argument("--keep", type=Path, help="keep the feed and results in this folder")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    files = source_files(args.source)
    pool = paragraph_pool(files)
    if not pool:
        print("throughput: no source paragraphs found (samples/ is empty and the dev article is missing)", file=sys.stderr)
        return 2
    extra: list[str] = []
    if args.select:
        extra += ["--select", args.select]
    if args.ignore:
        extra += ["--ignore", args.ignore]
    if args.no_cross_article:
        extra.append("--no-cross-article")
    jobs_list = [int(j) for j in args.jobs.split(",") if j.strip()]

    work = Path(tempfile.mkdtemp(prefix="tqbench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"source_files": len(files), "source_paragraphs": len(pool), "extra_args": extra,
                    "cpu_count": os.cpu_count()}
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
    load = os.getloadavg()[0]
    report["load_average_1min"] = round(load, 2)
    log(f"machine   {os.cpu_count()} cores, load average {load:.2f} before the runs"
        + (" (busy: timings are pessimistic, compare CPU seconds)" if load > 0.5 else ""))
    try:
        if not args.no_startup:
            report["startup"] = startup_time()
            log(f"start-up  `tqcheck --version`: {report['startup']['median_s'] * 1000:.0f} ms (median of 5)")

        feed = work / f"feed-{args.n}.jsonl"
        size = build_feed(feed, args.n, pool)
        report["feed"] = size
        log(f"feed      {size['articles']} articles, {size['words']:,} words, {size['bytes'] / 1_048_576:.1f} MB "
            f"(from {len(files)} source file(s), {len(pool)} paragraphs)")
        report["runs"] = []
        for j in jobs_list:
            tries = [check_feed(feed, work / f"results-{args.n}-j{j}.jsonl", j, extra) for _ in range(max(1, args.repeat))]
            m = min(tries, key=lambda t: t["seconds"])  # the least disturbed run
            r = rates(size, m, j)
            if len(tries) > 1:
                r["all_seconds"] = [round(t["seconds"], 2) for t in tries]
            report["runs"].append(r)
            if m["exit"] not in (0,) or r["results"] != args.n:
                log(f"  warning: exit {m['exit']}, {r['results']} results for {args.n} articles\n  {m['stderr'][-2000:]}")
            log(f"jobs {j:<3}  {r['seconds']:8.2f} s (CPU {r['cpu_seconds']:.1f} s)  {r['articles_per_s']:8.1f} art/s  "
                f"{r['words_per_s']:9,} words/s  "
                f"{r['mb_per_s']:6.3f} MB/s ({r['mb_per_s_per_job']:.3f}/job)  peak RSS {r['peak_rss_mb']:.0f} MB "
                f"(tree PSS {r['peak_tree_rss_mb']:.0f} MB)"
                + (f"  [best of {', '.join(f'{x:.2f}' for x in r['all_seconds'])} s]" if "all_seconds" in r else ""))
        if len(report["runs"]) > 1:
            base = report["runs"][0]
            for r in report["runs"][1:]:
                sp = base["seconds"] / r["seconds"]
                r["speedup"] = round(sp, 2)
                log(f"speed-up  jobs {base['jobs']} -> {r['jobs']}: x{sp:.2f} (ideal x{r['jobs'] / base['jobs']:.1f})")

        if args.scaling:
            j = jobs_list[0]
            curve = []
            for mult in (1, 2, 4):
                n = args.n * mult
                f = work / f"feed-{n}.jsonl"
                sz = size if mult == 1 else build_feed(f, n, pool)
                if mult == 1:
                    r = report["runs"][0]
                else:
                    r = rates(sz, check_feed(f, work / f"results-{n}-j{j}.jsonl", j, extra), j)
                curve.append({"articles": n, "seconds": r["seconds"], "peak_rss_mb": r["peak_rss_mb"],
                              "ms_per_article": round(r["seconds"] * 1000 / n, 3)})
                log(f"scaling   N={n:<7} {r['seconds']:8.2f} s  {r['seconds'] * 1000 / n:.3f} ms/article  "
                    f"peak RSS {r['peak_rss_mb']:.0f} MB")
            ratio = curve[2]["seconds"] / curve[0]["seconds"]
            linear = 3.2 <= ratio <= 4.8
            report["scaling"] = {"jobs": j, "curve": curve, "t4N_over_tN": round(ratio, 2), "linear": linear}
            log(f"scaling   t(4N)/t(N) = {ratio:.2f} ({'linear' if linear else 'NOT linear'}; 4.0 is ideal)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
