"""The layer contracts hold (import-linter, as `make lint` runs it): the core never imports the UI,
no import cycles (imports inside functions included), shared layers never import the domains."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_import_contracts_are_kept() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports is not None, "import-linter is a dev dependency (pip install -e .[dev])"
    done = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "BROKEN" not in done.stdout


def test_every_table_of_the_screens_shows_user_text_literally() -> None:
    # A bare DataTable reads a `str` cell as markup: `[/]` typed into any field would crash the app.
    import re

    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "screens").rglob("*.py"))
        if path.name != "literal_table.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<!Literal)DataTable\(", line)
    ]
    assert bare == [], "use screens.shared.literal_table.LiteralDataTable"
