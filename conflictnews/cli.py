"""The command line: ``conflictnews extract | report | evaluate``.

Exit status: 0 on success, 1 when some inputs were rejected (they are listed),
2 on misuse (a bad option, a missing corpus, an ``--out`` that cannot be
written, a locked store, a bad gold file), 130 when interrupted (Ctrl-C stops
the worker processes too). A user's mistake gets a message, never a
traceback, and ``--out`` and ``--db`` are checked before the corpus is read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

__all__ = ["main"]

EXIT_OK, EXIT_REJECTED, EXIT_MISUSE = 0, 1, 2


class _Misuse(Exception):
    """A user's mistake: reported as a message, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="conflictnews",
        description="Casualty counts, territorial control and timelines read from Dutch and English news.",
        epilog="Exit status: 0 success, 1 some inputs rejected (listed), 2 misuse, 130 interrupted.")
    parser.add_argument("--version", action="version", version=f"conflictnews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def corpus_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("corpus", nargs="+", metavar="CORPUS",
                         help="folders, files, globs, JSONL or CSV files (with a text column) to read")
        sub.add_argument("--lang", choices=["nl", "en"], help="force the language (default: detect per article)")
        sub.add_argument("--text-column", help="the text column of CSV or JSONL input (default: text, notes, summary...)")
        sub.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (-1: all cores)")
        sub.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
        sub.add_argument("--places", type=Path, metavar="CSV",
                         help="your own places and aliases (columns of lexicon/places.csv), merged over the built-in")

    extract = commands.add_parser("extract", help="extract the fact tables (CSV and Parquet)",
                                  description="Extract casualties, territory claims and timeline events.")
    corpus_options(extract)
    extract.add_argument("--out", "-o", type=Path,
                         help="folder for the tables (CSV for people, safe in a spreadsheet, and Parquet, exact) and the "
                              "events in ACLED's and UCDP's layouts (CSV) and as GeoJSON")
    extract.add_argument("--db", type=Path,
                         help="a DuckDB file to store the tables in, incrementally: only articles it does not "
                              "hold yet are extracted (with --out, the corpus's tables are read back from it)")

    report = commands.add_parser("report", help="tables, charts and maps (PNG, SVG, PDF), exports and an index page",
                                 description="Extract, aggregate and write charts, maps, tables, the events in "
                                             "ACLED's and UCDP's layouts and as GeoJSON, and index.html.")
    corpus_options(report)
    report.add_argument("--out", "-o", type=Path, required=True, help="folder for the report")

    evaluate = commands.add_parser("evaluate", help="precision, recall and F1 against a gold file",
                                   description="Score the extractors against a gold JSONL file, or against "
                                               "ACLED, GTD or PITF/WAD event data (a CSV with notes/fatalities, summary/killed/wounded or "
                                               "Description/Deaths Number/Injured Number); "
                                               "with --against, score an export (events_acled.csv, "
                                               "events_ucdp_ged.csv) against ACLED, UCDP GED or GTD events.")
    evaluate.add_argument("gold", type=Path, metavar="GOLD",
                          help="gold .jsonl file, an ACLED, GTD or WAD .csv file, or (with --against) an export")
    evaluate.add_argument("--against", type=Path, metavar="EVENTS",
                          help="ACLED, UCDP GED or GTD events (.csv) to match the export GOLD to, by date and place")
    evaluate.add_argument("--days", type=int, default=3, metavar="N",
                          help="with --against: the same event if the dates are within N days (default 3)")
    evaluate.add_argument("--km", type=float, default=25.0, metavar="KM",
                          help="with --against: the same event if the places are within KM km (default 25)")
    evaluate.add_argument("--corpus", type=Path, help="folder with the articles the gold file names")
    evaluate.add_argument("--misses", type=int, default=20, metavar="N", help="list at most N misses (default 20)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_MISUSE
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        return _run(args)
    except _Misuse as error:
        print(f"conflictnews: error: {error}", file=sys.stderr)
        return EXIT_MISUSE
    except KeyboardInterrupt:
        print("conflictnews: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"conflictnews: error: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return EXIT_MISUSE


def _check_inputs(paths: Sequence[str]) -> None:
    missing = [p for p in paths if not os.path.exists(p) and not any(ch in p for ch in "*?[")]
    if missing:
        raise _Misuse("no such file or folder: " + ", ".join(missing))


def _check_out(out: Path) -> None:
    """``--out`` must be a folder that can be written, or be creatable: checked before any work is done."""
    if out.exists() and not out.is_dir():
        raise _Misuse(f"--out {out} exists and is not a folder")
    existing = out
    while not existing.exists():
        if existing.is_symlink():
            raise _Misuse(f"--out {out}: {existing} is a link to nothing")
        existing = existing.parent
    if not existing.is_dir():
        raise _Misuse(f"--out {out} cannot be created: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _Misuse(f"--out {out} cannot be written: no permission to write in {existing}")


def _check_store(db: Path) -> None:
    """``--db`` must be a DuckDB file this process can open for writing (not locked by another process)."""
    import duckdb

    from .store import connect

    if db.is_dir():
        raise _Misuse(f"--db {db} is a folder, not a DuckDB file")
    try:
        connect(db).close()
    except (duckdb.Error, OSError) as error:
        raise _Misuse(f"cannot use the store {db}: {error}") from None


def _run(args: argparse.Namespace) -> int:
    from .corpus import read_corpus
    from .pipeline import extract

    _check_inputs(args.corpus)
    if args.jobs == 0 or args.jobs < -1:
        raise _Misuse("--jobs must be a positive number of processes or -1")
    out: Path | None = args.out
    if out is not None:
        _check_out(out)
    db: Path | None = getattr(args, "db", None) if args.command == "extract" else None
    if db is not None:
        _check_store(db)
    progress = False if args.quiet else None
    places = _places_table(args)
    corpus = read_corpus(args.corpus, lang=args.lang, text_column=args.text_column, progress=progress)
    if corpus.articles.empty and corpus.errors.empty:
        raise _Misuse("no input files found in " + ", ".join(args.corpus))
    if db is not None:
        import warnings

        import duckdb

        from .store import extract_to_store, read_extraction

        try:
            from .places import use_places

            with warnings.catch_warnings(), use_places(places):
                warnings.simplefilter("ignore", UserWarning)  # a rebuilt store is said below, once
                stored = extract_to_store(corpus, db, n_jobs=args.jobs, progress=progress)
            facts = read_extraction(db, corpus)
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except duckdb.Error as error:
            raise _Misuse(f"cannot use the store {db}: {error}") from None
        if stored.rebuilt:
            print(f"conflictnews: note: {stored.rebuilt}", file=sys.stderr)
        if not args.quiet:
            print(f"store {db}: {stored}")
    else:
        facts = extract(corpus, n_jobs=args.jobs, progress=progress, places=places)
    tables = {"articles": corpus.articles.drop(columns=["text"]), **facts.tables(),
              "rejected": corpus.errors, "errors": facts.errors}
    written: list[Path] = []
    if args.command == "report":
        from .report import write_report

        written.append(write_report(corpus, facts, args.out))
    elif out is not None:
        from .export import write_tables

        from .layouts import write_layouts

        written.extend(write_tables(tables, out, formats=("csv", "parquet")))
        written.extend(write_layouts(facts.casualties, facts.territory, out, articles=corpus.articles))
    if not args.quiet:
        print(f"read {len(corpus.articles)} articles; rejected {len(corpus.errors)}; "
              f"{len(facts.casualties)} casualty reports, {len(facts.territory)} territory claims, "
              f"{len(facts.timeline)} timeline events")
        if args.command == "extract" and out is None and db is None:
            print("(no --out or --db given: nothing written)")
        for path in written[:1] if args.command == "report" else []:
            print(f"report: {path}")
        if args.command == "extract" and out is not None:
            print(f"tables: {out}")
    for row in corpus.errors.itertuples(index=False):
        print(f"rejected: {row.path}: {row.reason}", file=sys.stderr)
    for row in facts.errors.itertuples(index=False):
        print(f"failed: {row.path or row.article_id!s}: {row.reason!s}", file=sys.stderr)
    return EXIT_REJECTED if len(corpus.errors) or len(facts.errors) else EXIT_OK


def _places_table(args: argparse.Namespace) -> object:
    """The ``--places`` table, read (a missing file or a table without a ``place`` column is misuse)."""
    if getattr(args, "places", None) is None:
        return None
    from .places import load_places

    if not args.places.is_file():
        raise _Misuse(f"--places {args.places}: no such file")
    try:
        return load_places(args.places)
    except (ValueError, UnicodeDecodeError) as error:
        raise _Misuse(f"--places {args.places}: {error}") from None


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_gold, score_events

    gold: Path = args.gold
    if args.against is not None:
        return _evaluate_export(args)
    if not gold.is_file():
        raise _Misuse(f"no such gold file: {gold}")
    if gold.suffix.lower() == ".csv":
        from .evaluate import has_coordinates

        try:
            score = score_events(gold)
        except ValueError as error:
            if not has_coordinates(gold):
                raise _Misuse(str(error)) from None
            score = None  # coordinates without counts (territorial rows): places only
        if score is not None:
            print(score.summary())
            for miss in score.misses[: args.misses]:
                print(f"  expected {miss['expected']:>4}  got {miss['predicted']:>4}  {miss['text'][:160]}")
        _evaluate_places(gold, args.misses)
        return EXIT_OK
    try:
        result = evaluate_gold(gold, corpus=args.corpus)
    except (ValueError, OSError) as error:  # bad gold (a message naming the line), a missing article
        raise _Misuse(str(error)) from None
    print(result.summary())
    from .records_score import score_records

    print(score_records(gold, corpus=args.corpus).summary())
    if result.misses:
        print(f"misses ({len(result.misses)}, first {min(args.misses, len(result.misses))}):")
    for miss in result.misses[: args.misses]:
        where = "headline" if miss["from_title"] else "body"
        sentence = f"  | {miss['sentence'][:140]}" if miss["sentence"] else ""
        print(f"  {miss['kind']:<8} {miss['file']} {where}: {miss['outcome']} {miss['count']}{sentence}")
    return EXIT_OK


def _evaluate_export(args: argparse.Namespace) -> int:
    """``evaluate EXPORT.csv --against EVENTS.csv``: events matched by date and place, fatalities compared."""
    from .evaluate import score_export

    for path in (args.gold, args.against):
        if not path.is_file():
            raise _Misuse(f"no such file: {path}")
    if args.days < 0 or not args.km > 0:
        raise _Misuse("--days must be 0 or more and --km more than 0")
    try:
        score = score_export(args.gold, args.against, days=args.days, km=args.km)
    except ValueError as error:
        raise _Misuse(str(error)) from None
    print(score.summary())
    differing = [p for p in score.pairs if (p["export_deaths"] or 0) != (p["reference_deaths"] or 0)]
    if differing:
        print(f"fatalities that differ ({len(differing)}, first {min(args.misses, len(differing))}):")
    for pair in differing[: args.misses]:
        print(f"  {pair['export_date']:%Y-%m-%d} {pair['export_location']!s:<24} export {pair['export_deaths']!s:>6}"
              f"  reference {pair['reference_deaths']!s:>6} ({pair['reference_location']}, {pair['km']} km, "
              f"{pair['days']} days apart)")
    return EXIT_OK


def _evaluate_places(path: Path, misses: int) -> None:
    """For event data with coordinates (ACLED): how far the package's places lie from the coded points."""
    from .evaluate import has_coordinates, score_event_places, score_territory_places

    if not has_coordinates(path):
        return
    for score in (score_event_places(path), score_territory_places(path)):
        if not score.units:
            continue
        print(score.summary())
        for miss in score.misses[: misses // 2]:
            print(f"  placed at {miss['places']}  coded {miss['coded']}  {miss['text'][:120]}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
