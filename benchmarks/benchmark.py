#!/usr/bin/env python3
"""How fast ``conflictnews.extract`` runs, next to a bare regex scan of the same texts.

Builds corpora of 1,000, 10,000 and 100,000 articles by sampling the bundled
``data/articles`` and, when present, ``../shared/corpus`` and the seed article
(the texts are held in memory, never written into the repository), and prints
for each size:

- articles/s and MB/s of ``extract`` with 1 and 2 processes (and per core),
  and the speed-up of two processes over one;
- the same for the yardstick: four compiled patterns (digits, casualty words,
  dates, capitalised names) run over each text, on one core, in the same run;
- extraction speed as a share of the yardstick's;
- peak memory: the peak resident set size (``resource.getrusage`` ``ru_maxrss``)
  of the process that ran ``extract``, and of its largest worker process. Each
  measurement runs in a fresh process, so that the peak is that of the run;
- the time ``import conflictnews`` takes in a fresh interpreter;
- the gazetteer (``conflictnews.gazetteer``): its first use (the GeoNames index
  built into an empty cache folder), a later use (loaded from the cache), each in
  a fresh process, and the memory the loaded index takes (resident set size
  after loading it, less before).

``--profile`` runs ``cProfile`` over ``extract`` on a corpus of seed-sized
articles and prints where the time goes, by module and by function.

Usage::

    python benchmarks/benchmark.py                       # 1k, 10k, 100k; 1 and 2 processes
    python benchmarks/benchmark.py --sizes 1000,10000 --jobs 1,2 --json out.json
    python benchmarks/benchmark.py --profile             # where the time goes

The machine matters: run it on an otherwise idle machine, more than once.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CONFLICTNEWS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_d6b52ef17356cc05.txt"

TARGETS = {"articles_per_second_per_core": 2000, "share_of_yardstick": 0.35, "peak_gb_100k": 2.0,
           "speedup_two_processes": 1.8, "import_seconds": 0.5}

# The yardstick of PITFALLS.md: a bare scan with four compiled patterns.
YARDSTICK = [
    re.compile(r"\d+(?:[.,]\d+)*"),
    re.compile(r"\b(?:doden|dode|gedood|omgekomen|gesneuveld|gewonden|gewond|vermoord|killed|dead|died|"
               r"wounded|injured|casualties|fatalities|slain)\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
               r"december|january|february|march|may|june|july|august|october)\b(?:\s+\d{4})?|\b(?:19|20)\d{2}\b",
               re.IGNORECASE),
    re.compile(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"),
]


# --------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------

def _sources(seed_only: bool = False) -> list[Any]:
    """The articles to sample from: the bundled ones, ../shared/corpus and the seed when present."""
    from conflictnews import read_corpus

    if seed_only:
        if not SEED.exists():
            raise SystemExit(f"{SEED} is absent: --seed-only needs it")
        return list(read_corpus(SEED, progress=False).records)
    paths: list[Path] = [ROOT / "data" / "articles"]
    if (SHARED / "corpus").is_dir():
        paths.append(SHARED / "corpus")
    if SEED.exists():
        paths.append(SEED)
    return list(read_corpus(paths, progress=False).records)


def build_corpus(size: int, *, seed_only: bool = False, random_seed: int = 2018) -> list[Any]:
    """``size`` articles sampled with replacement, each with its own id (the texts are shared, in memory)."""
    from dataclasses import replace

    sources = _sources(seed_only)
    rng = random.Random(random_seed)
    return [replace(article, article_id=f"{number:07d}-{article.article_id}")
            for number, article in enumerate(rng.choices(sources, k=size))]


def megabytes(corpus: list[Any]) -> float:
    return sum(len(((a.title or "") + "\n" + a.text).encode("utf-8")) for a in corpus) / 1e6


# --------------------------------------------------------------------------
# Measurements (each in a fresh process: see ``child``)
# --------------------------------------------------------------------------

def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def measure_extract(size: int, jobs: int, seed_only: bool) -> dict[str, Any]:
    from conflictnews import extract

    corpus = build_corpus(size, seed_only=seed_only)
    started = time.perf_counter()
    extract(corpus[:5], progress=False)  # the language data is read and compiled once, on first use
    warm_up = time.perf_counter() - started
    before = _peak_rss_mb(resource.RUSAGE_SELF)
    started = time.perf_counter()
    facts = extract(corpus, n_jobs=jobs, progress=False, chunksize=64)
    seconds = time.perf_counter() - started
    return {
        "size": size, "jobs": jobs, "seed_only": seed_only, "seconds": seconds, "warm_up_seconds": warm_up,
        "megabytes": megabytes(corpus),
        "articles_per_second": size / seconds, "megabytes_per_second": megabytes(corpus) / seconds,
        "peak_rss_mb": _peak_rss_mb(resource.RUSAGE_SELF), "rss_before_extract_mb": before,
        "peak_rss_worker_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else None,
        "rows": {name: len(table) for name, table in facts.tables().items()}, "errors": len(facts.errors),
    }


def measure_yardstick(size: int, seed_only: bool, repeats: int = 3) -> dict[str, Any]:
    corpus = build_corpus(size, seed_only=seed_only)
    texts = [(a.title or "") + "\n" + a.text for a in corpus]
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        found = 0
        for text in texts:
            for pattern in YARDSTICK:
                found += len(pattern.findall(text))
        best = min(best, time.perf_counter() - started)
    return {"size": size, "seconds": best, "articles_per_second": size / best,
            "megabytes_per_second": megabytes(corpus) / best, "matches": found}


def measure_import(repeats: int = 5) -> dict[str, Any]:
    """``import conflictnews`` in a fresh interpreter: wall time over a bare start, and -X importtime."""
    def run(code: str, *flags: str) -> tuple[float, str]:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True,
                              cwd=ROOT)
        return time.perf_counter() - started, done.stderr

    bare = min(run("pass")[0] for _ in range(repeats))
    wall = min(run("import conflictnews")[0] for _ in range(repeats))
    cumulative = []
    for _ in range(repeats):
        _, stderr = run("import conflictnews", "-X", "importtime")
        for line in stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "conflictnews":
                cumulative.append(int(parts[1]) / 1e6)
    return {"seconds_over_bare_start": wall - bare, "importtime_cumulative_seconds": min(cumulative),
            "bare_start_seconds": bare}


def _current_rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def measure_gazetteer_once() -> dict[str, Any]:
    """Load (or build) the gazetteer in this process: seconds, and resident memory before and after."""
    from conflictnews import gazetteer as gz

    before = _current_rss_mb()
    started = time.perf_counter()
    index = gz.gazetteer()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "entries": len(index), "names": index.name_count,
            "rss_before_mb": before, "rss_after_mb": _current_rss_mb(),
            "cache_mb": sum(p.stat().st_size for p in gz.cache_dir().glob("geonames-*.pickle")) / 1e6}


def measure_gazetteer() -> dict[str, Any] | None:
    """First use (an empty cache folder) and later use (the cache filled), each in a fresh process.

    None for a version of the package without a gazetteer (to compare with an older checkout on PYTHONPATH).
    """
    import importlib.util
    import tempfile

    if importlib.util.find_spec("conflictnews.gazetteer") is None:
        return None

    with tempfile.TemporaryDirectory(prefix="conflictnews-bench-cache-") as folder:
        env = {**os.environ, "CONFLICTNEWS_CACHE": folder}
        runs = []
        for _ in range(3):
            done = subprocess.run([sys.executable, __file__, "--child", "gazetteer"], capture_output=True, text=True,
                                  check=True, cwd=ROOT, env=env)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first, later = runs[0], runs[1:]
    best = min(later, key=lambda r: r["seconds"])
    return {"first_use_seconds": first["seconds"], "later_use_seconds": best["seconds"],
            "index_mb": best["rss_after_mb"] - best["rss_before_mb"], "entries": best["entries"],
            "names": best["names"], "cache_mb": best["cache_mb"]}


def child(args: argparse.Namespace) -> None:
    """Run one measurement and print it as JSON (called in a fresh process)."""
    if args.child == "extract":
        result = measure_extract(args.size, args.child_jobs, args.seed_only)
    elif args.child == "gazetteer":
        result = measure_gazetteer_once()
    else:
        result = measure_yardstick(args.size, args.seed_only)
    print(json.dumps(result))


def in_fresh_process(kind: str, size: int, jobs: int, seed_only: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, "--size", str(size), "--child-jobs", str(jobs)]
    if seed_only:
        command.append("--seed-only")
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed: {' '.join(command)}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------
# Profile
# --------------------------------------------------------------------------

def profile(size: int, top: int) -> str:
    """cProfile of ``extract`` (one process) on ``size`` copies of the seed: time by module and by function."""
    from conflictnews import extract

    corpus = build_corpus(size, seed_only=SEED.exists())
    extract(corpus[:20], progress=False)  # load the language data first
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    extract(corpus, progress=False)
    profiler.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    by_module: dict[str, float] = {}
    total = 0.0
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        total += tottime
        if filename == "~" and callers:
            # time in C (a regex search, str.split) counts for the Python function that called it
            for (caller_file, _l, _n), caller_stats in callers.items():
                module = _module_of(caller_file)
                by_module[module] = by_module.get(module, 0.0) + caller_stats[2]
            continue
        module = _module_of(filename)
        by_module[module] = by_module.get(module, 0.0) + tottime
    out = io.StringIO()
    out.write(f"cProfile of extract on {size} {'seed' if SEED.exists() else 'sampled'} articles, one process: "
              f"{wall:.2f} s under the profiler ({size / wall:.0f} articles/s)\n\n")
    stages = {"analysis (document.documents: sentences, counts, times, names)": ("document.py", "documents"),
              "  numbers.find_counts": ("numbers.py", "find_counts"),
              "  temporal.find_times": ("temporal.py", "find_times"),
              "  lexicon.World.entities": ("__init__.py", "entities"),
              "  text.split_sentences": ("text.py", "split_sentences"),
              "casualties (casualties_from_documents)": ("casualties.py", "casualties_from_documents"),
              "territory (territory_from_documents)": ("territory.py", "territory_from_documents"),
              "timeline (timeline_from_documents)": ("timeline.py", "timeline_from_documents"),
              "tables (pipeline.frame)": ("pipeline.py", "frame")}
    out.write("time by stage (cumulative, under the profiler)\n")
    for label, (suffix, function) in stages.items():
        cumulative = sum(entry[3] for (filename, _l, name), entry in stats.stats.items()  # type: ignore[attr-defined]
                         if name == function and filename.endswith(suffix) and "conflictnews" in filename)
        out.write(f"  {cumulative / total:6.1%}  {cumulative:7.3f} s  {label}\n")
    out.write("\ntime by module: in its own functions, and in the regex and builtins they call\n")
    for module, seconds in sorted(by_module.items(), key=lambda item: -item[1])[:14]:
        out.write(f"  {seconds / total:6.1%}  {seconds:7.3f} s  {module}\n")
    out.write(f"\ntop {top} functions by own time\n")
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(top)
    out.write("\n".join(line for line in text.getvalue().splitlines() if line.strip()
                        and not line.lstrip().startswith(("Ordered by", "List reduced"))))
    return out.getvalue()


def _module_of(filename: str) -> str:
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins and C (regex, str, list, dict)"
    path = Path(filename)
    if "conflictnews" in path.parts:
        return "conflictnews/" + "/".join(path.parts[path.parts.index("conflictnews") + 1:])
    if "pandas" in path.parts:
        return "pandas"
    return path.name


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def _check(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(results: dict[str, Any]) -> str:
    lines = [f"conflictnews benchmark: {results['machine']}", ""]
    imported = results["import"]
    lines.append(f"import conflictnews: {imported['importtime_cumulative_seconds'] * 1000:.0f} ms "
                 f"(-X importtime, cumulative); {imported['seconds_over_bare_start'] * 1000:.0f} ms wall over a bare "
                 f"interpreter start  [target < {TARGETS['import_seconds'] * 1000:.0f} ms: "
                 f"{_check(imported['importtime_cumulative_seconds'] < TARGETS['import_seconds'])}]")
    lines.append(_gazetteer_lines(results["gazetteer"]))
    lines.append("")
    header = (f"{'corpus':>16} {'what':<22} {'art/s':>8} {'art/s/core':>10} {'MB/s':>7} {'x yardstick':>11} "
              f"{'speed-up':>8} {'peak RSS':>9} {'worker RSS':>10}")
    lines.append(header)
    lines.append("-" * len(header))
    for run in results["runs"]:
        yard = run["yardstick"]
        label = f"{run['size']:,}{' seed' if run['seed_only'] else ''} ({run['megabytes']:.1f} MB)"
        lines.append(f"{label:>16} {'regex yardstick, 1 core':<22} {yard['articles_per_second']:8.0f} "
                     f"{yard['articles_per_second']:10.0f} {yard['megabytes_per_second']:7.2f} {'1.00':>11}")
        one = next((e for e in run["extract"] if e["jobs"] == 1), None)
        for e in run["extract"]:
            share = e["articles_per_second"] / yard["articles_per_second"]
            speedup = f"{one['seconds'] / e['seconds']:.2f}" if one and e["jobs"] > 1 else ""
            worker = f"{e['peak_rss_worker_mb']:.0f} MB" if e.get("peak_rss_worker_mb") else ""
            lines.append(f"{'':>16} {'extract, ' + str(e['jobs']) + ' process' + ('es' if e['jobs'] > 1 else ''):<22} "
                         f"{e['articles_per_second']:8.0f} {e['articles_per_second'] / e['jobs']:10.0f} "
                         f"{e['megabytes_per_second']:7.2f} {share:11.2f} {speedup:>8} "
                         f"{e['peak_rss_mb']:6.0f} MB {worker:>10}")
    lines.append("")
    lines.append("targets: >= {articles_per_second_per_core} articles/s per core; >= {share:.0%} of the yardstick; "
                 "100k articles under {peak_gb_100k} GB; two processes >= {speedup_two_processes}x one"
                 .format(share=TARGETS["share_of_yardstick"], **TARGETS))
    for run in results["runs"]:
        for e in run["extract"]:
            share = e["articles_per_second"] / run["yardstick"]["articles_per_second"]
            per_core = e["articles_per_second"] / e["jobs"]
            checks = [f"{per_core:.0f}/s/core {_check(per_core >= TARGETS['articles_per_second_per_core'])}",
                      f"{share:.0%} of yardstick {_check(share >= TARGETS['share_of_yardstick'])}"]
            if run["size"] >= 100_000:
                peak = e["peak_rss_mb"] / 1024
                checks.append(f"peak {peak:.2f} GB {_check(peak < TARGETS['peak_gb_100k'])}")
            one = next((x for x in run["extract"] if x["jobs"] == 1), None)
            if one and e["jobs"] == 2:
                speedup = one["seconds"] / e["seconds"]
                checks.append(f"speed-up {speedup:.2f} {_check(speedup >= TARGETS['speedup_two_processes'])}")
            lines.append(f"  {run['size']:>7,}{' seed' if run['seed_only'] else '     '} {e['jobs']} proc: "
                         + "; ".join(checks))
    lines.append("")
    lines.append("peak RSS: resource.getrusage ru_maxrss of the process that ran extract (corpus in memory included);"
                 " worker RSS: the largest worker's. Each row ran in a fresh process.")
    return "\n".join(lines)


def _gazetteer_lines(g: dict[str, Any] | None) -> str:
    if g is None:
        return "gazetteer: none in this version of the package"
    return (f"gazetteer: first use {g['first_use_seconds']:.1f} s (index built, {g['entries']:,} entries, "
            f"{g['names']:,} names, cache file {g['cache_mb']:.0f} MB); later use {g['later_use_seconds']:.2f} s "
            f"(loaded from the cache); the loaded index takes {g['index_mb']:.0f} MB of memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="process counts for extract, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--seed-size", type=int, default=1000,
                        help="also measure a corpus of this many copies of the seed article (0: skip)")
    parser.add_argument("--profile", action="store_true", help="profile extract instead of timing it")
    parser.add_argument("--profile-size", type=int, default=1000, help="articles in the profiled corpus")
    parser.add_argument("--top", type=int, default=30, help="functions listed by --profile")
    parser.add_argument("--child", choices=["extract", "yardstick", "gazetteer"], help=argparse.SUPPRESS)
    parser.add_argument("--gazetteer-only", action="store_true", help="measure the gazetteer only")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args)
        return 0
    if args.profile:
        print(profile(args.profile_size, args.top))
        return 0
    if args.gazetteer_only:
        print(_gazetteer_lines(measure_gazetteer()))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    plan = [(size, False) for size in sizes]
    if args.seed_size and SEED.exists():
        plan.insert(0, (args.seed_size, True))
    results: dict[str, Any] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
                   f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f} at start",
        "import": measure_import(), "gazetteer": measure_gazetteer(), "runs": [], "targets": TARGETS,
    }
    for size, seed_only in plan:
        run: dict[str, Any] = {"size": size, "seed_only": seed_only,
                               "yardstick": in_fresh_process("yardstick", size, 1, seed_only), "extract": []}
        for count in jobs:
            run["extract"].append(in_fresh_process("extract", size, count, seed_only))
            print(f"  measured {size}{' seed' if seed_only else ''} with {count} process(es): "
                  f"{run['extract'][-1]['articles_per_second']:.0f} articles/s", file=sys.stderr, flush=True)
        run["megabytes"] = run["extract"][0]["megabytes"] if run["extract"] else 0.0
        results["runs"].append(run)
    results["load_average_at_end"] = os.getloadavg()[0]
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
