#!/usr/bin/env python3
"""Runs statements as a Spark `RDD.pipe` mapper in PySpark local mode and checks that every
story id comes back exactly once, with a valid record.

  python3 scripts/spark-pipe-test.py [N]     (N stories, default 300)

Stories come from ../shared/corpus/reuters21578/stories when it is there, otherwise from the
repository's fixtures (repeated). Needs `pip install pyspark` and Java 17; skips (exit 0) when
pyspark is not installed and SPARK_TEST_REQUIRED is unset.
"""
import glob, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "statements")


def stories(n):
    paths = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "reuters21578", "stories", "*")))
    if not paths:
        paths = sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.txt")))
    out = []
    for i in range(n):
        p = paths[i % len(paths)]
        with open(p, encoding="utf-8", errors="replace") as f:
            out.append({"id": f"story-{i:05d}", "text": f.read()})
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        if os.environ.get("SPARK_TEST_REQUIRED"):
            sys.exit("pyspark is not installed")
        print("skipped: pyspark is not installed (pip install pyspark)")
        return
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    spark = (SparkSession.builder.master("local[2]").appName("statements-pipe-test")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        sc = spark.sparkContext
        sc.setLogLevel("ERROR")
        inputs = stories(n)
        lines = sc.parallelize([json.dumps(s) for s in inputs], numSlices=4)
        out = lines.pipe(f"{BIN} parse --jsonl --quiet --threads 1 -").map(json.loads).collect()
    finally:
        spark.stop()
    ids = [r["id"] for r in out]
    expected = sorted(s["id"] for s in inputs)
    assert sorted(ids) == expected, f"{len(ids)} records back for {n} stories, or ids differ"
    assert len(set(ids)) == len(ids), "an id came back twice"
    failed = [r for r in out if r["error"]]
    assert not failed, f"error records: {failed[:3]}"
    for r in out:
        keys = {"path", "id", "error", "metadata", "speakers", "quotes", "dates", "events", "text"}
        assert set(r) == keys, sorted(set(r) ^ keys)
    print(f"spark pipe: {n} stories in, {len(out)} records out, every id once, "
          f"{sum(len(r['quotes']) for r in out)} statements")


if __name__ == "__main__":
    main()
