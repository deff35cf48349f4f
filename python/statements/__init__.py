"""statements: news wire stories and diplomatic statements into records.

Each story becomes one record, a dict with the keys the command line's JSON has (see
``statements.types.Record`` and the project README's "The record"): its ``metadata``
(agency, dateline place and date, headline, byline, document type and issuer), its
``quotes`` (direct, partial and indirect speech) attributed to ``speakers``, its ``dates``
normalised against the story date, and its ``events`` coded as event data.

Offsets (``start``, ``end``) count Unicode code points, so ``text[start:end]`` is the span
in Python. The work is done by the Rust library with the interpreter's lock released;
batches run on a pool of Rust threads and come back in input order.

>>> import statements
>>> record = statements.parse('"We are ready for talks," Lavrov said.')
>>> quote = record["quotes"][0]
>>> quote["text"], quote["speaker"]["name"]
('We are ready for talks,', 'Lavrov')
"""

import json
import os
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Union,
)

from . import _statements
from ._statements import DEFAULT_MAX_BYTES, StatementsError
from .types import Record

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    import pandas

__all__ = [
    "parse",
    "parse_many",
    "parse_files",
    "to_frames",
    "schema",
    "StatementsError",
    "DEFAULT_MAX_BYTES",
    "Record",
    "__version__",
]

#: The version of the Rust library inside (the crate's version).
__version__: str = _statements.__version__

Text = Union[str, bytes]
Date = Union[str, "datetime.date"]
StoryInput = Union[str, bytes, Mapping[str, Any]]
PathInput = Union[str, "os.PathLike[str]"]


def parse(
    text: Text,
    *,
    date: Optional[Date] = None,
    id: Optional[Union[str, int]] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Record:
    """Analyse one story and return its record.

    ``text`` is the story: a ``str``, or ``bytes`` decoded as the command line decodes a
    file (UTF-8 with or without a byte order mark, UTF-16 with one, else Windows-1252).
    ``date`` (``"YYYY-MM-DD"`` or a ``datetime.date``) is the story date when it is known
    from elsewhere; it wins over the dates the text gives, as a ``--jsonl`` record's
    ``date`` does. ``id`` is copied to the record's ``id`` (a number as its text).

    As on the command line, the story's format is told from its content: an HTML page,
    NewsML-G2, NITF or an IPTC 7901 / ANPA-1312 transmission (``str`` or ``bytes``) is read
    as such, and the record's ``text`` holds the extracted text its offsets index; of a
    document of several stories this gives the first (``parse_many`` and ``parse_files``
    give them all).

    The record is the one ``statements parse`` prints for the same text, as Python objects:
    the same keys, values and offsets. Its ``path`` is ``None``.

    Raises ``StatementsError`` (a ``ValueError``) for bytes that are not text and for a
    story over ``max_bytes`` bytes, ``ValueError`` for a malformed ``date``, ``TypeError``
    for a ``text`` that is neither ``str`` nor ``bytes``.
    """
    return _statements.parse(text, date=date, id=id, max_bytes=max_bytes)


def parse_many(
    stories: Iterable[StoryInput],
    *,
    threads: Optional[int] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Analyse many stories on a pool of Rust threads; yield their records in input order.

    Each item is a story's text (``str`` or ``bytes``), or a dict like a line of the
    command line's ``--jsonl`` input: ``{"text": ..., "id": ..., "date": "YYYY-MM-DD"}``
    (``id`` and ``date`` optional; ``id`` copied to the record, a number as its text;
    ``date`` the story date). The input is read lazily, a window of stories ahead of the
    records taken, so an endless or huge iterable is fine, and a Spark partition or a file
    of JSON lines streams through.

    An item that cannot be analysed (not a story, a bad ``date``, bytes that are not text,
    a story over ``max_bytes``) gets a record with ``error`` set, like the command line's
    error records, and the batch goes on. An exception raised by the input iterable itself
    is raised after the records of the items before it.

    ``threads`` is the number of worker threads (default: one per core); the records are
    the same whatever it is. The analysis runs without the interpreter's lock, so other
    Python threads go on meanwhile. The iterator has a ``close()`` method that stops the
    workers early (dropping it does too).
    """
    return _statements.Records(stories, threads=threads, max_bytes=max_bytes)


def parse_files(
    paths: Union[PathInput, Iterable[PathInput]],
    *,
    threads: Optional[int] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Analyse story files and folders; yield one record per file, in order.

    ``paths`` is a file or a folder, or an iterable of them. Folders are walked as
    ``statements parse`` walks them: depth first, each folder's entries in name order,
    symbolic links followed, hidden files and folders skipped. The files are read and
    decoded by the worker threads. Each record's ``path`` is the file's path; a file that
    cannot be read or analysed gets a record with ``error`` set, and the batch goes on.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    roots = [os.fsdecode(os.fspath(path)) for path in paths]
    return _statements.Records.files(roots, threads=threads, max_bytes=max_bytes)


def schema() -> Dict[str, Any]:
    """The JSON Schema of a record, as ``statements schema`` prints it."""
    return json.loads(_statements.schema_json())


#: The tables of ``to_frames`` and the record key each one's rows come from.
_TABLES = {"speakers": "speakers", "quotes": "quotes", "dates": "dates", "events": "events"}


def to_frames(records: Union[Record, Iterable[Record]]) -> Dict[str, "pandas.DataFrame"]:
    """Tables of many records as pandas DataFrames (needs ``pip install statements[pandas]``).

    Returns a dict of DataFrames:

    - ``stories``: one row per record: ``story`` (its position in ``records``), ``path``,
      ``id``, ``error``, the metadata keys (``agency``, ``place``, ``date``, ...), and the
      number of each kind of item (``speakers``, ``quotes``, ``dates``, ``events``);
    - ``speakers``, ``quotes``, ``dates``, ``events``: one row per item, with ``story``,
      ``path`` and ``story_id`` to join them to their story.

    Nested objects are flattened with ``_`` (``speaker_name``, ``cue_start``,
    ``dateline_text``); lists (``mentions``, ``participants``, ``actors``) stay lists. The
    columns follow the records' keys, so a key the library adds becomes a column.
    """
    import pandas

    if isinstance(records, Mapping):
        records = [records]
    stories: List[Dict[str, Any]] = []
    tables: Dict[str, List[Dict[str, Any]]] = {name: [] for name in _TABLES}
    nested: Dict[str, set] = {name: set() for name in ("stories", *_TABLES)}
    for position, record in enumerate(records):
        story: Dict[str, Any] = {"story": position}
        for key, value in record.items():
            if key == "metadata":
                _flatten(value, "", story, nested["stories"])
            elif key in _TABLES.values():
                story[key] = len(value)
            else:
                story[key] = value
        stories.append(story)
        join = {"story": position, "path": record.get("path"), "story_id": record.get("id")}
        for name, key in _TABLES.items():
            for item in record.get(key, ()):
                row = dict(join)
                _flatten(item, "", row, nested[name])
                tables[name].append(row)
    frames = {"stories": _frame(pandas, stories, nested["stories"])}
    for name in _TABLES:
        frames[name] = _frame(pandas, tables[name], nested[name])
    return frames


def _flatten(item: Mapping[str, Any], prefix: str, row: Dict[str, Any], nested: set) -> None:
    """Copies ``item`` into ``row``, nested dicts as ``prefix_key`` columns; the names of
    the keys that held a dict go into ``nested``."""
    for key, value in item.items():
        name = prefix + key
        if isinstance(value, Mapping) and key != "headers":
            nested.add(name)
            _flatten(value, name + "_", row, nested)
        else:
            row[name] = value


def _frame(pandas: Any, rows: List[Dict[str, Any]], nested: set) -> "pandas.DataFrame":
    """A DataFrame of ``rows``, without the placeholder column of a nested key that was
    ``None`` in some rows (its flattened columns hold the values)."""
    frame = pandas.DataFrame(rows)
    drop = [column for column in frame.columns if column in nested]
    return frame.drop(columns=drop)
