"""Run a child process and measure it from outside: wall seconds and peak resident memory.

Peak memory comes from GNU time's ``-v`` report (the kernel's max RSS of the child and the
children it waited for), written to a file so the child's own stderr stays untouched.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = "/usr/bin/time"
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float | None
    returncode: int
    stdout: str


def run_measured(cmd: list[str], env: dict[str, str] | None = None, log: Path | None = None,
                 timeout: float = 900) -> Measured:
    """Wall time and peak RSS (MB) of ``cmd``; its stderr goes to ``log`` (or is dropped)."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as report:
        report_path = Path(report.name)
    wrapped = [GNU_TIME, "-v", "-o", str(report_path), *cmd] if Path(GNU_TIME).exists() else cmd
    err = log.open("w", encoding="utf-8") if log else subprocess.DEVNULL
    try:
        started = time.perf_counter()
        proc = subprocess.run(wrapped, cwd=REPO_ROOT, env=full_env, stdout=subprocess.PIPE, stderr=err,
                              text=True, timeout=timeout)
        seconds = time.perf_counter() - started
    finally:
        if log:
            err.close()
    text = report_path.read_text(encoding="utf-8", errors="replace") if report_path.exists() else ""
    report_path.unlink(missing_ok=True)
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return Measured(seconds=seconds, peak_rss_mb=int(found.group(1)) / 1024 if found else None,
                    returncode=proc.returncode, stdout=proc.stdout)
