"""Where the workplace's shared materials (gold figures, seed, extraction benchmark) are.

CI clones the repository with ``shared/`` beside it; developers have it at ``/work/shared``.
``FIGUREWIRE_SHARED`` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    candidates = [os.environ.get("FIGUREWIRE_SHARED"), REPO_ROOT.parent / "shared", "/work/shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "eval").is_dir():
            return Path(candidate)
    return REPO_ROOT.parent / "shared"
