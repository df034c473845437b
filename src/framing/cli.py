"""The ``framing`` command: analyse a corpus, draw its figures, write its report."""

from __future__ import annotations

import argparse
import sys
import warnings

from .corpus import CorpusError

DEFAULT_CORPUS = "seeds"


def _add_corpus_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS,
                        help="folder of .txt/.md/.html articles (with manifest.csv and "
                             "event.yaml), or a CSV/JSONL/Parquet table (default: %(default)s)")
    parser.add_argument("--manifest", help="CSV with doc_id/file, outlet, title, date, url")
    parser.add_argument("--event", action="append",
                        help="event file (YAML); default: the *.yaml event files in the corpus folder")
    parser.add_argument("--lexicon", action="append",
                        help="an extra lexicon file (TSV, same columns as the shipped ones)")
    parser.add_argument("--ladder", action="append",
                        help="an extra label-ladder file (TSV, format in docs/events.md)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")


def _analyze(args):
    from .analysis import analyze
    return analyze(args.corpus, event=args.event, lexicons=args.lexicon, ladders=args.ladder,
                   manifest=args.manifest, n_jobs=args.jobs)


def cmd_analyze(args) -> int:
    analysis = _analyze(args)
    out = analysis.save(args.output)
    print(f"{analysis!r}\nTables written to {out}/")
    return 0


def cmd_figures(args) -> int:
    from .figures import write_figures
    analysis = _analyze(args)
    paths = write_figures(analysis, args.output, progress=_progress)
    print(f"{len(paths)} figure files written to {args.output}/")
    return 0


def cmd_report(args) -> int:
    analysis = _analyze(args)
    path = analysis.report(args.output)
    print(f"Report written to {path}")
    return 0


def cmd_run(args) -> int:
    """The main job in one pass: the corpus is analysed once, then tables,
    figures and report are written from that one analysis."""
    from .figures import write_figures
    analysis = _analyze(args)
    out = analysis.save(args.output)
    paths = write_figures(analysis, args.figures, progress=_progress)
    report = analysis.report(args.report or f"{args.output}/report.html")
    print(f"{analysis!r}\nTables written to {out}/\n"
          f"{len(paths)} figure files written to {args.figures}/\nReport written to {report}")
    return 0


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    # Loader warnings (skipped or re-decoded files) already name the file: one line each.
    print(f"framing: warning: {message}", file=sys.stderr)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news sources frame the same event: actor labels, loaded words, "
                    "hedging, attribution and quotation, each split by own voice vs quoted.",
        epilog="examples:\n"
               "  framing run seeds                          all three below, analysing once\n"
               "  framing analyze seeds -o output            tables (CSV + Parquet)\n"
               "  framing figures seeds -o figures           every figure, PNG + SVG\n"
               "  framing report seeds -o report.html        side-by-side highlighted articles\n"
               "  framing analyze my.csv --event my_event.yaml --lexicon my_words.tsv\n"
               "docs: README.md and docs/methodology.md",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="the main job: tables, every figure and the report, "
                                   "from one analysis")
    _add_corpus_args(p)
    p.add_argument("-o", "--output", default="output",
                   help="table folder (default: %(default)s)")
    p.add_argument("--figures", default="figures", help="figure folder (default: %(default)s)")
    p.add_argument("--report", default=None,
                   help="HTML report file (default: OUTPUT/report.html)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("analyze", help="analyse a corpus and write every table (CSV + Parquet)")
    _add_corpus_args(p)
    p.add_argument("-o", "--output", default="output", help="output folder (default: %(default)s)")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("figures", help="regenerate every figure (PNG + SVG) deterministically")
    _add_corpus_args(p)
    p.add_argument("-o", "--output", default="figures", help="figure folder (default: %(default)s)")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("report", help="write the self-contained side-by-side HTML report")
    _add_corpus_args(p)
    p.add_argument("-o", "--output", default="output/report.html",
                   help="HTML file (default: %(default)s)")
    p.set_defaults(func=cmd_report)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        try:
            return args.func(args)
        except (CorpusError, FileNotFoundError, ValueError) as err:
            # Bad input: one clear line, no traceback from deep inside.
            print(f"framing: error: {err}", file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
