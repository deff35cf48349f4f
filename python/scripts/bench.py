#!/usr/bin/env python3
"""Time the Python package against the command line on one folder, best of N rounds.

    python python/scripts/bench.py --cli target/release/statements ../shared/corpus/reuters21578/stories

Times: ``statements parse -q FOLDER > /dev/null`` (the CLI's batch run); ``parse_files``
over the folder; ``parse_many`` over the stories' texts read beforehand (``str``); each
consuming every record (dicts built, then dropped). Rounds alternate between the three.
"""

import argparse
import json
import os
import resource
import subprocess
import time

import statements


def timed(run):
    """Wall seconds and CPU seconds (this process and its children) of one run."""
    def cpu():
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    start, start_cpu = time.perf_counter(), cpu()
    run()
    return time.perf_counter() - start, cpu() - start_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--cli", default="target/release/statements")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    paths = sorted(os.path.join(args.folder, n) for n in os.listdir(args.folder))
    texts = [open(p, "rb").read().decode("utf-8", "replace") for p in paths]
    threads = [] if args.threads is None else ["--threads", str(args.threads)]

    def cli():
        with open(os.devnull, "wb") as null:
            subprocess.run([args.cli, "parse", "-q", *threads, args.folder], stdout=null, check=False)

    def files():
        for _ in statements.parse_files(args.folder, threads=args.threads):
            pass

    def many():
        for _ in statements.parse_many(texts, threads=args.threads):
            pass

    lines = subprocess.run([args.cli, "parse", "-q", args.folder], capture_output=True).stdout.splitlines()

    def loads():
        for line in lines:
            json.loads(line)

    # The consuming thread's own CPU time: the part of a batch that cannot run in parallel.
    for name, run in (("parse_many", many), ("parse_files", files), ("json.loads of the CLI's lines", loads)):
        start = time.thread_time()
        run()
        print(f"consuming thread CPU, {name}: {time.thread_time() - start:.3f} s")

    runs = {"cli": cli, "parse_files": files, "parse_many": many}
    best = {name: (float("inf"), float("inf")) for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            wall, cpu = timed(run)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    cli_wall, cli_cpu = best["cli"]
    for name, (wall, cpu) in best.items():
        print(
            f"{name:12} {wall:.3f} s ({wall / cli_wall:.2f}x the CLI), "
            f"CPU {cpu:.3f} s ({cpu / cli_cpu:.2f}x)"
        )


if __name__ == "__main__":
    main()
