"""Shared test fixtures: the repository's folders and its command line, whose records the
package must equal."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared" / "corpus"
REUTERS = SHARED / "reuters21578" / "stories"
TEMPEVAL = SHARED / "tempeval3-news" / "stories"


def find_cli():
    """The command line to compare with: $STATEMENTS_CLI, else the newest build in target/."""
    named = os.environ.get("STATEMENTS_CLI")
    if named:
        return named
    builds = [ROOT / "target" / kind / "statements" for kind in ("release", "debug")]
    builds = [build for build in builds if build.exists()]
    return str(max(builds, key=lambda b: b.stat().st_mtime)) if builds else None


@pytest.fixture(scope="session")
def cli():
    """Runs the command line on files; returns its records (parsed JSON lines)."""
    binary = find_cli()
    if binary is None:
        pytest.skip("no statements binary: build it with cargo build, or set STATEMENTS_CLI")

    def run(*paths):
        out = subprocess.run(
            [binary, "parse", "-q", "--compact", *map(str, paths)],
            check=False,
            capture_output=True,
        )
        assert out.returncode in (0, 1), out.stderr.decode(errors="replace")
        return [json.loads(line) for line in out.stdout.splitlines()]

    return run


@pytest.fixture(scope="session")
def fixture_paths():
    return sorted(FIXTURES.glob("*.txt"))
