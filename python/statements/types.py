"""The record's types, as TypedDicts: what `statements.parse` returns.

They document the record the command line prints (``statements schema`` prints its JSON
Schema, README's "The record" explains each key). Every key is always present; ``None``
stands for JSON ``null``. Offsets (``start``, ``end``) count Unicode code points into the
story's text, so ``text[start:end]`` is the span in Python.

The conversion itself lists no key: a key the library adds appears in the dicts before it
is listed here.
"""

from typing import Dict, List, Optional, TypedDict

__all__ = [
    "TextSpan",
    "Metadata",
    "SpeakerRef",
    "Speaker",
    "Quote",
    "DateExpression",
    "EventParty",
    "Event",
    "Record",
]


class TextSpan(TypedDict):
    """A stretch of the story: ``text == story[start:end]``."""

    text: str
    start: int
    end: int


class Metadata(TypedDict):
    """What the story says about itself."""

    agency: Optional[str]
    place: Optional[str]
    date: Optional[str]
    date_source: Optional[str]
    headline: Optional[str]
    byline: Optional[str]
    dateline: Optional[TextSpan]
    headers: Dict[str, str]
    doc_type: Optional[str]
    issuer: Optional[str]
    format: Optional[str]
    subjects: List[str]
    part: Optional[int]


class SpeakerRef(TypedDict):
    """The speaker a statement is attributed to."""

    id: str
    name: str


class Speaker(TypedDict):
    """One real source, with every mention of it."""

    id: str
    name: str
    kind: str
    title: Optional[str]
    mentions: List[TextSpan]
    country: Optional[str]
    role: Optional[str]
    key: Optional[str]


class Addressee(TypedDict):
    """Whom a statement was said to: a name, and its speaker where it is one."""

    name: str
    speaker_id: Optional[str]
    start: int
    end: int


class Quote(TypedDict):
    """A statement: ``kind`` is ``direct``, ``partial`` or ``indirect``."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: Optional[SpeakerRef]
    speaker_mention: Optional[TextSpan]
    cue: Optional[TextSpan]
    role: Optional[str]
    reply_to: Optional[str]
    addressee: Optional[Addressee]
    channel: Optional[str]
    said_on: Optional[str]


# ``type`` is a keyword-like name, so this one uses the functional form.
DateExpression = TypedDict(
    "DateExpression",
    {"text": str, "start": int, "end": int, "value": str, "type": str},
)
DateExpression.__doc__ = """A date expression with its TIMEX3 value and type."""


class EventParty(TypedDict):
    """An actor or recipient of an event."""

    name: str
    speaker_id: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    start: Optional[int]
    end: Optional[int]


class Event(TypedDict):
    """A dated happening or a political act, coded as event data (PLOVER, CAMEO)."""

    date: Optional[str]
    date_text: Optional[str]
    text: str
    start: int
    end: int
    place: Optional[str]
    participants: List[str]
    event_type: Optional[str]
    mode: Optional[str]
    cameo: Optional[str]
    goldstein: Optional[float]
    status: str
    actors: List[EventParty]
    recipients: List[EventParty]
    joint: bool
    trigger: Optional[TextSpan]
    quote_id: Optional[str]
    date_precision: str
    date_source: Optional[str]


class Record(TypedDict):
    """Everything read from one story; ``error`` is set (the rest empty) when it failed."""

    path: Optional[str]
    id: Optional[str]
    error: Optional[str]
    metadata: Metadata
    speakers: List[Speaker]
    quotes: List[Quote]
    dates: List[DateExpression]
    events: List[Event]
    text: Optional[str]
