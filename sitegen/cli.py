"""The command line: `sitegen split | build | serve | watch | check | annotate | annotations import | new`.

Owns argument parsing, turning exceptions into messages and exit codes (the
only `sys.exit` of the program), and the one-line summaries. Must not contain
pipeline logic: every command calls one function of a stage module.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from sitegen import __version__
from sitegen.config import PROFILES, Config, load_config
from sitegen.console import Console, plural
from sitegen.errors import SitegenError, UsageError, excerpt


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one clear line, as argparse does, but ours
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sitegen", description="Turn raw dumps of scraped articles into an annotated reading archive and a static site.")
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    parser.add_argument("-C", "--root", type=Path, default=Path("."), help="the archive's folder (default: the current one)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    split = commands.add_parser("split", help="split raw dumps into content/articles/")
    split.add_argument("raw", nargs="+", type=Path, metavar="RAW", help="raw dump files")
    split.add_argument("--dry-run", action="store_true", help="print the plan (items, kinds, titles, authors, confidence) and write nothing")

    def site_flags(command: argparse.ArgumentParser) -> None:
        command.add_argument("-o", "--output", metavar="DIR", help="output folder (default: public, or output_dir in sitegen.toml)")
        command.add_argument("--strict", action="store_true", default=None, help="treat warnings as errors")
        command.add_argument("--base-url", metavar="URL", help="absolute URL the site is published at")
        command.add_argument("--profile", choices=PROFILES, help="local: everything, for reading offline (default); "
                             "public: the licence policy, fingerprinted and minified assets")

    build = commands.add_parser("build", help="split new raw dumps, then render the site into public/")
    site_flags(build)
    serve = commands.add_parser("serve", help="build, serve on 127.0.0.1:8000, rebuild and reload on every change")
    site_flags(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    watch = commands.add_parser("watch", help="build, then rebuild on every change (no server)")
    site_flags(watch)
    check = commands.add_parser("check", help="validate the archive: front matter, licences, annotations, links")
    check.add_argument("--strict", action="store_true", default=None, help="treat warnings as errors")
    check.add_argument("--fix", action="store_true", help="rewrite the quotes of re-anchored notes (each change is shown)")
    check.add_argument("--flags", action="store_true", help="list the flags the split left for the editor, by kind")
    annotate = commands.add_parser("annotate", help="add a note to an article's front matter (the rest of the file unchanged)")
    annotate.add_argument("article", metavar="ARTICLE", help="the article: its file, file name or slug")
    annotate.add_argument("--quote", required=True, metavar="Q", help="the passage the note marks, as a reader sees it")
    annotate.add_argument("--note", default="", metavar="N", help="the note (Markdown)")
    annotate.add_argument("--tag", action="append", default=[], metavar="T", help="a tag for the note (repeat for several)")
    annotate.add_argument("--prefix", metavar="TEXT", help="text just before the passage, when the quote occurs more than once")
    annotate.add_argument("--suffix", metavar="TEXT", help="text just after the passage, when the quote occurs more than once")
    annotate.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of a repeated quote (1 = first)")
    annotations = commands.add_parser("annotations", help="exchange notes with other tools")
    actions = annotations.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser, required=True)
    importing = actions.add_parser("import", help="import W3C Web Annotation JSON-LD or a Hypothesis export")
    importing.add_argument("file", type=Path, metavar="FILE", help="the JSON file to import")
    new = commands.add_parser("new", help="scaffold a new, empty archive")
    new.add_argument("dir", type=Path, metavar="DIR", help="folder to create")
    return parser


def _config(args: argparse.Namespace) -> Config:
    root: Path = args.root
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder")
    cfg = load_config(root)
    overrides = {
        "output_dir": getattr(args, "output", None),
        "strict": getattr(args, "strict", None),
        "base_url": getattr(args, "base_url", None),
        "profile": getattr(args, "profile", None),
    }
    if overrides["base_url"] is not None and not overrides["base_url"].endswith("/"):
        overrides["base_url"] += "/"
    return cfg.with_overrides(**overrides)


def _cmd_split(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    missing = [p for p in args.raw if not p.is_file()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file")
    from sitegen.archive.load import shown_path

    dumps = {p.name: shown_path(p, cfg.root) for p in args.raw}
    if args.dry_run:
        from sitegen.archive.plan import plan_files

        plans = plan_files(list(args.raw), root=cfg.root)
        for plan in plans:
            console.line(f"{plan.file}: {plural(len(plan.articles), 'article')} (dry run: nothing written)")
            for a in plan.articles:
                first, last = a.source.lines
                authors = ", ".join(a.authors) or "no author"
                console.line(f"  lines {first}-{last}  {a.kind.value}  {a.title!r}  by {authors}  "
                             f"licence {a.licence.kind.value}  confidence {a.confidence:.2f}")
        problems = [p for plan in plans for p in plan.problems]
        review = [(a.confidence, dumps[a.source.file], line, why, None)
                  for plan in plans for a in plan.articles for line, why in a.review]
    else:
        from sitegen.archive.store import split_files

        with console.status("splitting"):
            report = split_files(list(args.raw), cfg.articles_path, root=cfg.root)
        for outcome in report.outcomes:
            console.line(outcome.describe(cfg.root))
        problems = list(report.problems)
        review = [(o.confidence, dumps[o.source.file], line, why, shown_path(o.path, cfg.root))
                  for o in report.outcomes for line, why in o.review]
    console.problems(problems)
    _print_review(console, review)
    return 1 if any(p.severity == "error" for p in problems) else 0


REVIEW_SHOWN = 20  # the list after a split stays short; the review flags in the files hold the rest


def _print_review(console: Console, review: list[tuple[float, str, int, str, str | None]]) -> None:
    """What the split was unsure of, `dump:line` each (and the article file it went to): the
    articles it is least sure of first, each in dump order."""
    if not review:
        return
    console.line(f"to review ({len(review):,}, least sure first):")
    for _, dump, line, why, path in sorted(review, key=lambda entry: entry[0])[:REVIEW_SHOWN]:
        console.line(f"  {dump}:{line}: {why}" + (f"  → {path}" if path else ""))
    if len(review) > REVIEW_SHOWN:
        console.line(f"  … and {len(review) - REVIEW_SHOWN:,} more: search the articles for review flags")


def _cmd_build(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.build import Builder

    with console.progress("building") as update:
        result = Builder(cfg, progress=update).build()
    if result.split is not None:
        for outcome in result.split.outcomes:
            if outcome.action != "skipped":
                console.info(outcome.describe(cfg.root))
    console.problems(result.warnings)
    console.info(
        f"built {plural(result.pages, 'page')} from {plural(result.articles, 'article')} "
        f"in {result.seconds:.2f} s ({len(result.written):,} files written, {len(result.deleted):,} removed)"
    )
    if cfg.public:
        console.info(f"public profile: {plural(result.excerpts, 'article')} as excerpts, "
                     f"{plural(result.omitted, 'article')} left out (see sitegen check)")
    return 0


def _cmd_watch(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.watch import run_watch

    return run_watch(cfg, console)


def _cmd_serve(args: argparse.Namespace, console: Console) -> int:
    if not 0 <= args.port < 65536:
        raise UsageError(f"--port: {args.port} is not a port number (0-65535; 0 picks a free one)")
    cfg = _config(args)
    from sitegen.serve import run_serve

    return run_serve(cfg, console, host=args.host, port=args.port)


def _cmd_check(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.check import check_archive

    report = check_archive(cfg, fixing=args.fix)
    console.problems(report.problems)
    if args.flags:
        _show_flags(report, console)
    if args.fix:
        from sitegen.check import fix_quotes

        for fix in report.fixes:
            where = f"{fix.shown}:{fix.old.line}" if fix.old.line else fix.shown
            console.line(f"{where}: re-anchored note, its quote becomes the passage it now marks:")
            console.line(f"  - quote: {fix.old.quote!r}")
            console.line(f"  + quote: {fix.new.quote!r}")
            for key in ("prefix", "suffix"):
                old, new = getattr(fix.old, key), getattr(fix.new, key)
                if old != new:
                    console.line(f"  - {key}: {old!r}\n  + {key}: {new!r}")
        for outcome in fix_quotes(report.fixes):
            console.line(outcome)
        if not report.fixes:
            console.line("no re-anchored quotes to fix")
    for line in report.summary:
        console.line(line)
    failed = report.errors or (cfg.strict and report.problems)
    return 1 if failed else 0


def _cmd_annotate(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.annotating import annotate

    added = annotate(
        cfg, args.article, args.quote, args.note, tuple(args.tag),
        prefix=args.prefix, suffix=args.suffix, occurrence=args.occurrence,
    )
    ann = added.annotation
    context = "".join(f", {k} {v!r}" for k, v in (("prefix", ann.prefix), ("suffix", ann.suffix)) if v)
    if added.already_there:
        console.line(f"{added.shown}: this note is already there ({excerpt(ann.quote)}); nothing written")
    else:
        console.line(f"{added.shown}: note added on {excerpt(ann.quote)}{context}")
    return 0


def _cmd_annotations(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.annotating import import_notes

    with console.status("importing"):
        report = import_notes(cfg, args.file)
    for line in report.added:
        console.line(f"added: {line}")
    for line in report.already_there:
        console.line(f"already there: {line}")
    for line in report.not_imported:
        console.failure(f"not imported: {line}")
    console.line(
        f"{plural(report.total, 'note')} in {args.file}: {len(report.added)} added, "
        f"{len(report.already_there)} already there, {len(report.not_imported)} not imported"
    )
    return 1 if report.not_imported else 0


def _show_flags(report, console: Console) -> None:  # noqa: ANN001 - a CheckReport
    kinds: dict[str, list] = {}
    for flag in report.flags:
        kinds.setdefault(flag.kind, []).append(flag)
    console.line(f"flags left for the editor: {len(report.flags)}" + (", by kind:" if kinds else ""))
    for kind, flags in kinds.items():
        console.line(f"  {kind} ({len(flags)})")
        for flag in flags:
            where = f"{flag.shown}:{flag.line}" if flag.line else flag.shown
            console.line(f"    {where}: {excerpt(flag.annotation.quote)}")


def _cmd_new(args: argparse.Namespace, console: Console) -> int:
    from sitegen.scaffold import new_archive

    created = new_archive(args.dir)
    console.line(f"created a new archive in {args.dir} ({plural(len(created), 'file')})")
    console.line(f"next: cd {args.dir} && sitegen split RAW.txt && sitegen serve")
    return 0


_COMMANDS = {
    "split": _cmd_split, "build": _cmd_build, "serve": _cmd_serve,
    "watch": _cmd_watch, "check": _cmd_check, "new": _cmd_new,
    "annotate": _cmd_annotate, "annotations": _cmd_annotations,
}


def _interruptible() -> None:
    """Ctrl-C stops the command even when it was started with SIGINT ignored or blocked (a launcher
    or a parent that ignores it: Python then installs no handler of its own, and `serve` or `watch`
    would run on until killed)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def run(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (never raises for a user's mistake)."""
    _interruptible()
    console = Console()
    try:
        args = _parser().parse_args(argv)
        console.quiet = args.quiet
        if args.command is None:
            _parser().print_help()
            return 2
        return _COMMANDS[args.command](args, console)
    except SitegenError as exc:
        console.problems(exc.problems)
        console.failure(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        console.line("stopped")
        return 130
    except BrokenPipeError:
        return 1


def main(argv: list[str] | None = None) -> None:
    sys.exit(run(argv))
