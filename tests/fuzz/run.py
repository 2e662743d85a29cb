"""Long fuzzing runs for `make fuzz`: hypothesis, then atheris (coverage-guided) where it is installed.

    python -m tests.fuzz.run --seconds 60                 # every target, the budget split between them
    python -m tests.fuzz.run --seconds 300 --target feed  # one target
    python -m tests.fuzz.run --engine atheris --seconds 60

Half of each target's time goes to hypothesis (news-like text, mutated real feeds and pages), half to
atheris seeded with the same real files. Crashing inputs are written to ``--out`` (default
``data/fuzz-findings/``) and the exit code is 1; turn each into a case in ``test_fuzz_regressions.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from targets import ALL_TARGETS, BYTES_TARGETS, TEXT_TARGETS, run_bytes, seeds  # noqa: E402


def hypothesis_for(target: str, seconds: float, out: Path) -> int:
    """Batches of hypothesis examples until the time is up; returns the number of distinct crashes saved."""
    from hypothesis import HealthCheck, given, settings
    from strategies import langs, mutated, news_text, number_text

    found: dict[str, str] = {}
    if target in TEXT_TARGETS:
        strategy = number_text() if target == "number" else news_text(80)

        @given(strategy, langs)
        def case(value, lang):
            _guarded(found, target, value, lambda: TEXT_TARGETS[target](value, lang))
    else:
        @given(mutated(target))
        def case(value):
            _guarded(found, target, value, lambda: BYTES_TARGETS[target](value))

    case = settings(max_examples=200, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))(case)
    deadline = time.monotonic() + seconds
    batches = 0
    while time.monotonic() < deadline:
        case()
        batches += 1
    for digest, text in found.items():
        (out / f"hypothesis-{target}-{digest}.txt").write_text(text, encoding="utf-8")
    print(f"hypothesis {target}: {batches * 200} examples in {seconds:.0f} s, {len(found)} crash(es)")
    return len(found)


def _guarded(found: dict[str, str], target: str, value, check) -> None:
    """Record a crash once per (exception type, place) and go on, so one run reports them all."""
    try:
        check()
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        key = hashlib.sha1(f"{type(exc).__name__}{where.filename}{where.lineno}".encode()).hexdigest()[:10]
        found.setdefault(key, f"{target}: {type(exc).__name__}: {exc}\nat {where.filename}:{where.lineno}\n"
                              f"input: {value!r}\n")


def atheris_for(target: str, seconds: float, out: Path) -> int:
    """Run libFuzzer (via atheris) on one target in a child process; returns 1 if it found a crash."""
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as corpus:
        for i, seed in enumerate(seeds(target)):
            Path(corpus, f"seed-{i}").write_bytes(seed)
        cmd = [sys.executable, "-m", "tests.fuzz.run", "--atheris-child", target, corpus,
               f"-max_total_time={max(1, int(seconds))}", f"-artifact_prefix={out}/atheris-{target}-",
               "-rss_limit_mb=2048", "-timeout=20", "-print_final_stats=1"]
        proc = subprocess.run(cmd, cwd=HERE.parents[1], capture_output=True, text=True)
    stats = [line for line in proc.stderr.splitlines() if line.startswith(("stat::number_of_executed_units",
                                                                          "==", "Done"))]
    print(f"atheris {target}: exit {proc.returncode}; " + "; ".join(stats[-3:]))
    if proc.returncode != 0:
        (out / f"atheris-{target}.log").write_text(proc.stderr[-20_000:], encoding="utf-8")
        found: dict[str, str] = {}
        for artifact in out.glob(f"atheris-{target}-crash-*"):
            data = artifact.read_bytes()
            _guarded(found, target, data, lambda data=data: run_bytes(target, data))
        for digest, text in found.items():
            (out / f"atheris-{target}-{digest}.txt").write_text(text, encoding="utf-8")
        return 1
    return 0


def atheris_child(target: str, libfuzzer_args: list[str]) -> None:
    import atheris

    with atheris.instrument_imports():
        import scrapers.parsers.article_html  # noqa: F401
        import scrapers.parsers.feeds  # noqa: F401
        import scrapers.parsers.sitemaps  # noqa: F401
        import scrapers.parsers.wire  # noqa: F401
        import transforms.extract  # noqa: F401
        import transforms.numbers  # noqa: F401

    def one_input(data: bytes) -> None:
        run_bytes(target, data)

    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--atheris-child"]:
        atheris_child(argv[1], argv[2:])
        return 0
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="total budget, split between targets")
    parser.add_argument("--target", choices=ALL_TARGETS, action="append", help="fuzz only these")
    parser.add_argument("--engine", choices=["both", "hypothesis", "atheris"], default="both")
    parser.add_argument("--out", type=Path, default=Path("data/fuzz-findings"), help="where crashing inputs go")
    args = parser.parse_args(argv)
    targets = args.target or ALL_TARGETS
    args.out.mkdir(parents=True, exist_ok=True)
    args.out = args.out.resolve()
    try:
        import atheris  # noqa: F401

        engines = ["hypothesis", "atheris"] if args.engine == "both" else [args.engine]
    except ImportError:
        if args.engine == "atheris":
            parser.error("atheris is not installed (pip install atheris)")
        engines = ["hypothesis"]
    share = args.seconds / (len(targets) * len(engines))
    crashes = 0
    for target in targets:
        for engine in engines:
            crashes += (hypothesis_for if engine == "hypothesis" else atheris_for)(target, share, args.out)
    print(f"{crashes} crash(es); findings in {args.out}" if crashes else "no crash found")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
