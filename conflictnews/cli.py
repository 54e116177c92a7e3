"""The command line: ``conflictnews extract | report | evaluate``.

Exit status: 0 on success, 1 when some inputs were rejected (they are listed),
2 on misuse (a bad option, a missing corpus). A user's mistake gets a message,
never a traceback.
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
        epilog="Exit status: 0 success, 1 some inputs rejected (listed), 2 misuse.")
    parser.add_argument("--version", action="version", version=f"conflictnews {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def corpus_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("corpus", nargs="+", metavar="CORPUS",
                         help="folders, files, globs, JSONL or CSV files (with a text column) to read")
        sub.add_argument("--lang", choices=["nl", "en"], help="force the language (default: detect per article)")
        sub.add_argument("--text-column", help="the text column of CSV or JSONL input (default: text, notes, summary...)")
        sub.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="worker processes (-1: all cores)")
        sub.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")

    extract = commands.add_parser("extract", help="extract the fact tables (CSV and Parquet)",
                                  description="Extract casualties, territory claims and timeline events.")
    corpus_options(extract)
    extract.add_argument("--out", "-o", type=Path, help="folder for the tables (CSV and Parquet)")
    extract.add_argument("--db", type=Path,
                         help="a DuckDB file to store the tables in, incrementally: only articles it does not "
                              "hold yet are extracted (with --out, the corpus's tables are read back from it)")

    report = commands.add_parser("report", help="tables, charts (PNG, SVG, PDF) and an index page",
                                 description="Extract, aggregate and write charts, tables and index.html.")
    corpus_options(report)
    report.add_argument("--out", "-o", type=Path, required=True, help="folder for the report")

    evaluate = commands.add_parser("evaluate", help="precision, recall and F1 against a gold file",
                                   description="Score the extractors against a gold JSONL file, or against "
                                               "ACLED, GTD or PITF/WAD event data (a CSV with notes/fatalities, "
                                               "summary/killed/wounded or Description/Deaths Number/Injured Number).")
    evaluate.add_argument("gold", type=Path, metavar="GOLD", help="gold .jsonl file, or an ACLED, GTD or WAD .csv file")
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


def _run(args: argparse.Namespace) -> int:
    from .corpus import read_corpus
    from .pipeline import extract

    _check_inputs(args.corpus)
    if args.jobs == 0 or args.jobs < -1:
        raise _Misuse("--jobs must be a positive number of processes or -1")
    out: Path | None = args.out
    if out is not None and out.exists() and not out.is_dir():
        raise _Misuse(f"--out {out} exists and is not a folder")
    progress = False if args.quiet else None
    corpus = read_corpus(args.corpus, lang=args.lang, text_column=args.text_column, progress=progress)
    if corpus.articles.empty and corpus.errors.empty:
        raise _Misuse("no input files found in " + ", ".join(args.corpus))
    if args.command == "extract" and getattr(args, "db", None) is not None:
        import duckdb

        from .store import extract_to_store, read_extraction

        if args.db.is_dir():
            raise _Misuse(f"--db {args.db} is a folder, not a DuckDB file")
        try:
            stored = extract_to_store(corpus, args.db, n_jobs=args.jobs, progress=progress)
            facts = read_extraction(args.db, corpus)
        except duckdb.Error as error:
            raise _Misuse(f"cannot use the store {args.db}: {error}") from None
        if not args.quiet:
            print(f"store {args.db}: {stored}")
    else:
        facts = extract(corpus, n_jobs=args.jobs, progress=progress)
    tables = {"articles": corpus.articles.drop(columns=["text"]), **facts.tables(),
              "rejected": corpus.errors, "errors": facts.errors}
    written: list[Path] = []
    if args.command == "report":
        from .report import write_report

        written.append(write_report(corpus, facts, args.out))
    elif out is not None:
        from .export import write_tables

        written.extend(write_tables(tables, out, formats=("csv", "parquet")))
    if not args.quiet:
        print(f"read {len(corpus.articles)} articles; rejected {len(corpus.errors)}; "
              f"{len(facts.casualties)} casualty reports, {len(facts.territory)} territory claims, "
              f"{len(facts.timeline)} timeline events")
        if args.command == "extract" and out is None and getattr(args, "db", None) is None:
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


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_gold, score_events

    gold: Path = args.gold
    if not gold.is_file():
        raise _Misuse(f"no such gold file: {gold}")
    if gold.suffix.lower() == ".csv":
        try:
            score = score_events(gold)
        except ValueError as error:
            raise _Misuse(str(error)) from None
        print(score.summary())
        for miss in score.misses[: args.misses]:
            print(f"  expected {miss['expected']:>4}  got {miss['predicted']:>4}  {miss['text'][:160]}")
        return EXIT_OK
    try:
        result = evaluate_gold(gold, corpus=args.corpus)
    except (ValueError, FileNotFoundError) as error:
        raise _Misuse(str(error)) from None
    print(result.summary())
    if result.misses:
        print(f"misses ({len(result.misses)}, first {min(args.misses, len(result.misses))}):")
    for miss in result.misses[: args.misses]:
        where = "headline" if miss["from_title"] else "body"
        sentence = f"  | {miss['sentence'][:140]}" if miss["sentence"] else ""
        print(f"  {miss['kind']:<8} {miss['file']} {where}: {miss['outcome']} {miss['count']}{sentence}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
