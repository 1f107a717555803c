"""The command line: `sitegen split | build | serve | watch | check | new`.

Owns argument parsing, turning exceptions into messages and exit codes (the
only `sys.exit` of the program), and the one-line summaries. Must not contain
pipeline logic: every command calls one function of a stage module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen import __version__
from sitegen.config import PROFILES, Config, load_config
from sitegen.console import Console, plural
from sitegen.errors import SitegenError, UsageError


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
        review = [(dumps[a.source.file], line, why, None) for plan in plans for a in plan.articles for line, why in a.review]
    else:
        from sitegen.archive.store import split_files

        with console.status("splitting"):
            report = split_files(list(args.raw), cfg.articles_path, root=cfg.root)
        for outcome in report.outcomes:
            console.line(outcome.describe(cfg.root))
        problems = list(report.problems)
        review = [(dumps[o.source.file], line, why, shown_path(o.path, cfg.root)) for o in report.outcomes for line, why in o.review]
    console.problems(problems)
    _print_review(console, review)
    return 1 if any(p.severity == "error" for p in problems) else 0


REVIEW_SHOWN = 20  # the list after a split stays short; the review flags in the files hold the rest


def _print_review(console: Console, review: list[tuple[str, int, str, str | None]]) -> None:
    """What the split was unsure of, `dump:line` each (and the article file it went to)."""
    if not review:
        return
    console.line(f"to review ({len(review):,}):")
    for dump, line, why, path in review[:REVIEW_SHOWN]:
        console.line(f"  {dump}:{line}: {why}" + (f"  → {path}" if path else ""))
    if len(review) > REVIEW_SHOWN:
        console.line(f"  … and {len(review) - REVIEW_SHOWN:,} more: search the articles for review flags")


def _cmd_build(args: argparse.Namespace, console: Console) -> int:
    cfg = _config(args)
    from sitegen.build import Builder

    with console.status("building"):
        result = Builder(cfg).build()
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

    report = check_archive(cfg)
    console.problems(report.problems)
    for line in report.summary:
        console.line(line)
    failed = report.errors or (cfg.strict and report.problems)
    return 1 if failed else 0


def _cmd_new(args: argparse.Namespace, console: Console) -> int:
    from sitegen.scaffold import new_archive

    created = new_archive(args.dir)
    console.line(f"created a new archive in {args.dir} ({plural(len(created), 'file')})")
    console.line(f"next: cd {args.dir} && sitegen split RAW.txt && sitegen serve")
    return 0


_COMMANDS = {
    "split": _cmd_split, "build": _cmd_build, "serve": _cmd_serve,
    "watch": _cmd_watch, "check": _cmd_check, "new": _cmd_new,
}


def run(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (never raises for a user's mistake)."""
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
