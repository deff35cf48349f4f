"""The Python records equal the command line's JSON records."""

import json
import re
from pathlib import Path

import pytest

import statements
from conftest import FIXTURES, REUTERS, ROOT, TEMPEVAL


def test_version_is_the_crates():
    cargo = (ROOT / "Cargo.toml").read_text()
    version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
    assert statements.__version__ == version


def test_every_fixture_equals_the_cli(cli, fixture_paths):
    expected = cli(*fixture_paths)
    assert len(expected) == len(fixture_paths) > 10
    assert list(statements.parse_files(fixture_paths)) == expected
    assert list(statements.parse_files(FIXTURES)) == cli(FIXTURES)
    for path, want in zip(fixture_paths, expected):
        text = path.read_text(encoding="utf-8")
        assert statements.parse(text) == dict(want, path=None), path.name
        assert statements.parse(path.read_bytes()) == dict(want, path=None), path.name


def corpus_sample(folder, every, limit):
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return sorted(folder.iterdir())[::every][:limit]


@pytest.mark.parametrize("folder, every, limit", [(REUTERS, 10, 1500), (TEMPEVAL, 5, 500)])
def test_shared_corpus_stories_equal_the_cli(cli, folder, every, limit):
    paths = corpus_sample(folder, every, limit)
    expected = cli(*paths)
    assert len(expected) == len(paths)
    assert list(statements.parse_files(paths)) == expected
    # Texts have no path to take a date from (`parse_files` reads the path's date as the
    # command line does).
    unpathed = [dict(record, path=None) for record in cli("--no-path-date", *paths)]
    texts = [path.read_bytes() for path in paths]
    assert list(statements.parse_many(texts, threads=2)) == unpathed


def test_offsets_are_python_string_indices(fixture_paths):
    for path in fixture_paths:
        text = path.read_text(encoding="utf-8")
        record = statements.parse(text)
        spans = [q for q in record["quotes"]] + record["dates"] + record["events"]
        spans += [m for s in record["speakers"] for m in s["mentions"]]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"], path.name


def test_a_jsonl_style_dict_gets_the_record_the_cli_gives_its_line(cli, tmp_path):
    story = (FIXTURES / "tass-2022-01-18-lavrov-blinken.txt").read_text(encoding="utf-8")
    lines = tmp_path / "stories.jsonl"
    items = [
        {"id": "a", "text": story, "date": "2021-03-04"},
        {"id": 7, "text": story},
        {"text": story, "date": ""},
        {"id": "bad", "text": story, "date": "2021-13-45"},
        {"id": "b"},
    ]
    lines.write_text("".join(json.dumps(item) + "\n" for item in items))
    expected = cli("--jsonl", lines)
    got = list(statements.parse_many(items))
    for want, have in zip(expected, got):
        if want["error"]:
            # The messages name an item of the iterable instead of a line of the file, and
            # no place in the JSON text.
            reason = re.sub(r"^line (\d+)", lambda m: f"item {int(m[1]) - 1}", want["error"])
            assert have["error"] == re.sub(r" at line \d+ column \d+$", "", reason)
            # A dict without a text keeps its id (the CLI cannot read the id of a line that
            # is not a record).
            want, have = dict(want, error=None, id=have["id"]), dict(have, error=None)
        assert have == want
    assert len(got) == len(expected) == len(items)


def test_the_typed_dicts_document_every_key_of_the_record():
    """statements/types.py lists the record's keys; a key added to the record must be added
    there too (the conversion itself lists none)."""
    from statements import types

    schema = statements.schema()
    definitions = schema.get("definitions", schema.get("$defs", {}))

    def keys(node):
        if "$ref" in node:
            node = definitions[node["$ref"].split("/")[-1]]
        return set(node.get("properties", {}))

    record = schema
    assert set(types.Record.__annotations__) == keys(record)
    props = record["properties"]
    documented = {
        "metadata": types.Metadata,
        "speakers": types.Speaker,
        "quotes": types.Quote,
        "dates": types.DateExpression,
        "events": types.Event,
    }
    for key, typed in documented.items():
        node = props[key]
        node = node.get("items", node)
        if "allOf" in node:
            node = node["allOf"][0]
        missing = keys(node) - set(typed.__annotations__)
        extra = set(typed.__annotations__) - keys(node)
        assert not missing and not extra, f"{typed.__name__}: add {missing}, remove {extra}"


def test_the_module_docstring_example_runs():
    import doctest

    failed, attempted = doctest.testmod(statements)
    assert attempted > 0 and failed == 0
