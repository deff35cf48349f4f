"""parse_many and parse_files: input order, worker threads, the lock released, errors."""

import datetime
import os
import sys
import threading
import time

import pytest

import statements
from conftest import FIXTURES


@pytest.fixture(scope="module")
def texts():
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


def test_parse_many_keeps_input_order_whatever_the_threads(texts):
    # Long and short stories interleaved, so that later ones finish first.
    stories = [texts[i % len(texts)] * (1 + 20 * (i % 3 == 0)) for i in range(120)]
    expected = [statements.parse(story) for story in stories]
    for threads in (1, 2, 4):
        assert list(statements.parse_many(stories, threads=threads)) == expected


def test_parse_many_reads_its_input_lazily(texts):
    taken = []

    def stories():
        for i in range(100_000):
            taken.append(i)
            yield texts[i % len(texts)]

    records = statements.parse_many(stories(), threads=2)
    first = [next(records) for _ in range(3)]
    assert all(record["error"] is None for record in first)
    assert len(taken) < 2_000
    records.close()
    assert list(records) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_parse_many_runs_on_its_own_threads(texts):
    def names():
        tasks = os.listdir("/proc/self/task")
        return [open(f"/proc/self/task/{t}/comm").read().strip() for t in tasks]

    records = statements.parse_many(texts * 5, threads=3)
    next(records)
    # A thread names itself once it runs, which on a busy machine can take a moment.
    for _ in range(100):
        workers = sorted(name for name in names() if name.startswith("statements-"))
        if len(workers) == 3:
            break
        time.sleep(0.05)
    assert workers == ["statements-0", "statements-1", "statements-2"]
    assert len(list(records)) == len(texts) * 5 - 1


def test_the_analysis_releases_the_interpreter_lock(texts):
    """While a long story is analysed, another Python thread keeps running."""
    story = "\n\n".join(texts) * 8
    started = time.perf_counter()
    statements.parse(story)
    alone = time.perf_counter() - started
    gaps = []
    done = threading.Event()

    def count():
        last = time.perf_counter()
        while not done.is_set():
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    counter = threading.Thread(target=count)
    counter.start()
    statements.parse(story)
    done.set()
    counter.join()
    # With the lock held for the whole analysis the counter would stop for all of it.
    assert max(gaps) < max(alone / 2, 0.05), (max(gaps), alone)


def test_a_bad_story_raises_for_one_text():
    with pytest.raises(TypeError):
        statements.parse(42)
    with pytest.raises(statements.StatementsError, match="binary"):
        statements.parse(b"\x00\x01\x02\x00" * 100)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        statements.parse("Talks were held on Monday.", date="2022-13-45")
    with pytest.raises(statements.StatementsError, match="limit of 10 bytes"):
        statements.parse("Talks were held on Monday.", max_bytes=10)
    assert issubclass(statements.StatementsError, ValueError)


def test_the_story_date_and_id_of_one_text():
    record = statements.parse("Talks were held on Monday.", date="2022-01-19", id=12)
    assert record["metadata"]["date"] == "2022-01-19"
    assert record["id"] == "12"
    assert record["dates"][0]["value"] == "2022-01-17"
    by_object = statements.parse("Talks were held on Monday.", date=datetime.date(2022, 1, 19))
    assert by_object == dict(record, id=None)


def test_a_bad_item_gets_an_error_record_and_the_batch_goes_on():
    items = [
        "Talks were held on Monday.",
        b"\x00\x01\x02\x00" * 100,
        {"id": "x", "text": "Talks were held on Monday.", "date": "2022-02-30"},
        {"id": "y"},
        3.5,
        {"id": 4, "text": "Talks were held on Monday.", "date": "2022-01-19"},
    ]
    records = list(statements.parse_many(items))
    errors = [record["error"] for record in records]
    assert errors[0] is None and errors[5] is None
    assert errors[1].startswith("input looks binary")
    assert errors[2] == 'item 2: date "2022-02-30" is not YYYY-MM-DD'
    assert errors[3] == "item 3: not a story record: missing field `text`"
    assert errors[4].startswith("item 4: not a story") and "float" in errors[4]
    assert [record["id"] for record in records] == [None, None, "x", "y", None, "4"]
    assert records[5]["metadata"]["date"] == "2022-01-19"
    for record in records[1:5]:
        assert record["quotes"] == [] and record["metadata"]["agency"] is None


def test_an_error_of_the_input_itself_comes_after_the_records_before_it():
    def stories():
        yield "One."
        yield "Two."
        raise RuntimeError("the source broke")

    records = statements.parse_many(stories())
    assert next(records)["error"] is None
    assert next(records)["error"] is None
    with pytest.raises(RuntimeError, match="the source broke"):
        next(records)


def test_parse_files_reports_what_it_cannot_read(tmp_path):
    (tmp_path / "b.txt").write_text('"We are ready," Lavrov said.')
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02\x00" * 100)
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Talks on Monday.")
    missing = tmp_path / "missing.txt"
    records = list(statements.parse_files([tmp_path, missing]))
    paths = [record["path"] for record in records]
    assert paths == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")] + [str(missing)]
    assert records[0]["error"].startswith("input looks binary")
    assert records[1]["quotes"][0]["speaker"]["name"] == "Lavrov"
    assert records[3]["error"] == "no such file or directory"


def test_threads_must_be_positive():
    with pytest.raises(ValueError):
        statements.parse_many(["x"], threads=0)
