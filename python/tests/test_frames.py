"""to_frames: the records of a folder as pandas tables."""

import pytest

import statements
from conftest import FIXTURES

pandas = pytest.importorskip("pandas")


def test_to_frames_has_a_row_per_story_and_per_item():
    records = list(statements.parse_files(FIXTURES))
    frames = statements.to_frames(iter(records))
    assert set(frames) == {"stories", "speakers", "quotes", "dates", "events"}
    assert len(frames["stories"]) == len(records)
    for table in ("speakers", "quotes", "dates", "events"):
        assert len(frames[table]) == sum(len(record[table]) for record in records)
        assert frames["stories"][table].tolist() == [len(record[table]) for record in records]
    quotes = frames["quotes"]
    first = next(r for r in records if r["quotes"])
    row = quotes.iloc[0]
    quote = first["quotes"][0]
    assert row["path"] == first["path"]
    assert row["text"] == quote["text"] and row["start"] == quote["start"]
    assert row["speaker_name"] == (quote["speaker"] or {}).get("name")
    assert row["cue_text"] == (quote["cue"] or {}).get("text")
    assert "speaker" not in quotes.columns
    stories = frames["stories"]
    agencies = [None if pandas.isna(a) else a for a in stories["agency"]]
    assert agencies == [r["metadata"]["agency"] for r in records]
    assert "dateline_text" in stories.columns
    # Joining an item to its story.
    joined = quotes.merge(stories[["story", "agency"]], on="story")
    assert len(joined) == len(quotes)


def test_to_frames_of_one_record():
    record = statements.parse('"We are ready," Lavrov said.')
    frames = statements.to_frames(record)
    assert len(frames["stories"]) == 1
    assert frames["quotes"]["speaker_name"].tolist() == ["Lavrov"]
