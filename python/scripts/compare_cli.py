#!/usr/bin/env python3
"""Compare the Python package's records with the command line's, story by story.

For each folder: runs ``statements parse -q FOLDER`` (JSON Lines, one record per file, in
path order) and compares every record with the one Python gives for the same file, three
ways: ``parse_files(FOLDER)``; ``parse_many`` over the files' bytes; and ``parse`` over each
file's text (UTF-8 files only, read by Python). Records are compared as parsed JSON, path
aside for the last two (they have none). Prints the counts; exits 1 on any difference.

    python python/scripts/compare_cli.py --cli target/release/statements fixtures \\
        ../shared/corpus/reuters21578/stories
"""

import argparse
import json
import os
import subprocess
import sys

import statements


def cli_records(cli, folder):
    out = subprocess.run([cli, "parse", "-q", folder], check=False, capture_output=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{cli} failed: {out.stderr.decode(errors='replace')}")
    return [json.loads(line) for line in out.stdout.splitlines()]


def compare(folder, cli, limit):
    expected = cli_records(cli, folder)
    if limit:
        expected = expected[:limit]
    paths = [record["path"] for record in expected]
    by_files = list(statements.parse_files(folder))[: len(expected)]
    by_bytes = statements.parse_many(open(path, "rb").read() for path in paths)
    same_files = sum(a == b for a, b in zip(expected, by_files))
    same_bytes = same_text = texts = 0
    first_difference = None
    for want, got_files, got_bytes in zip(expected, by_files, by_bytes):
        unpathed = dict(want, path=None)
        same_bytes += got_bytes == unpathed
        try:
            text = open(want["path"], encoding="utf-8", newline="").read()
        except (UnicodeDecodeError, OSError):
            text = None
        if text is not None and not text.startswith("\ufeff"):
            texts += 1
            same_text += statements.parse(text) == unpathed
        if first_difference is None and got_files != want:
            first_difference = want["path"]
    n = len(expected)
    print(
        f"{folder}: {n} CLI records; identical: parse_files {same_files}/{n}, "
        f"parse_many(bytes) {same_bytes}/{n}, parse(text) {same_text}/{texts} UTF-8 files"
    )
    if first_difference:
        print(f"  first difference: {first_difference}")
    return same_files == n and same_bytes == n and same_text == texts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--cli", default="target/release/statements")
    parser.add_argument("--limit", type=int, default=0, help="the first N records only")
    args = parser.parse_args()
    ok = True
    for folder in args.folders:
        if not os.path.isdir(folder):
            print(f"{folder}: absent, skipped")
            continue
        ok &= compare(folder, args.cli, args.limit)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
