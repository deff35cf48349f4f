//! Python inputs as stories: a `str`, `bytes`, or a dict like a `--jsonl` record (`text`, `id`,
//! `date`), read while the interpreter's lock is held, into a [`Job`] the workers can run
//! without it.

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMapping, PyString};
use statements::{Options, Record, StoryDate};
use std::path::PathBuf;

/// The text of a story: Python text, or bytes to decode as the command line decodes a file.
pub enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    /// The input `text` of `parse`: a `str`, `bytes` or `bytearray`.
    pub fn of_text(text: &Bound<'_, PyAny>) -> PyResult<Input> {
        match read_input(text) {
            Some(input) => input.map_err(pyo3::exceptions::PyValueError::new_err),
            None => Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "text must be a str or bytes, not {}",
                type_name(text)
            ))),
        }
    }

    /// The record of this story, or why it has none (bytes that do not decode, a story over
    /// `options.max_bytes`).
    pub fn analyse(&self, options: &Options) -> Result<Record, String> {
        match self {
            Input::Text(text) if text.len() > options.max_bytes => {
                Err(statements::Error::TooLarge {
                    size: text.len(),
                    limit: options.max_bytes,
                }
                .to_string())
            }
            // As the command line reads a story from standard input: its format is told from
            // its content (an HTML page or a NewsML-G2 document given as a str is read as such).
            Input::Text(text) => {
                statements::analyse_bytes(text.as_bytes(), options).map_err(|e| e.to_string())
            }
            Input::Bytes(bytes) => {
                statements::analyse_bytes(bytes, options).map_err(|e| e.to_string())
            }
        }
    }

    /// The records of this input: bytes in a markup format may hold several stories (a
    /// NewsML-G2 message of several items), as a file does on the command line.
    pub fn analyse_all(&self, options: &Options) -> Result<Vec<Record>, String> {
        match self {
            Input::Bytes(bytes) if bytes.len() <= options.max_bytes => {
                statements::analyse_document(bytes, options).map_err(|e| e.to_string())
            }
            Input::Text(text) if text.len() <= options.max_bytes => {
                statements::analyse_document(text.as_bytes(), options).map_err(|e| e.to_string())
            }
            _ => self.analyse(options).map(|r| vec![r]),
        }
    }
}

/// The [`Input`] of a `str`, `bytes` or `bytearray`; `None` for any other object; an error
/// for a `str` that cannot be UTF-8 (an unpaired surrogate).
fn read_input(object: &Bound<'_, PyAny>) -> Option<Result<Input, String>> {
    if let Ok(text) = object.cast::<PyString>() {
        return Some(
            text.to_cow()
                .map(|text| Input::Text(text.into_owned()))
                .map_err(|e| format!("text is not valid Unicode: {e}")),
        );
    }
    if let Ok(bytes) = object.cast::<PyBytes>() {
        return Some(Ok(Input::Bytes(bytes.as_bytes().to_vec())));
    }
    if let Ok(bytes) = object.cast::<PyByteArray>() {
        return Some(Ok(Input::Bytes(bytes.to_vec())));
    }
    None
}

/// One story of a batch, ready to run without the interpreter's lock.
pub enum Job {
    /// A text with its record's id and its options (a dict's `date`).
    Story {
        input: Input,
        id: Option<String>,
        options: Options,
    },
    /// A file to read, as `parse_files` found it: whether it is a regular file, and its
    /// folder when that is held open.
    File(PathBuf, bool, Option<std::sync::Arc<crate::walk::Folder>>),
    /// An input that has no story: its error record.
    Failed(Box<Record>),
}

impl Job {
    /// The size of the text it holds (a file is not read yet).
    pub fn text_size(&self) -> usize {
        match self {
            Job::Story {
                input: Input::Text(text),
                ..
            } => text.len(),
            Job::Story {
                input: Input::Bytes(bytes),
                ..
            } => bytes.len(),
            _ => 0,
        }
    }
}

/// The job of item `index` of `parse_many`'s input: a `str` or `bytes` is a story, a dict is
/// read as the command line reads a `--jsonl` record; anything else gets an error record.
pub fn item_job(index: usize, item: &Bound<'_, PyAny>, options: &Options) -> Job {
    let story = |input, id, options| Job::Story { input, id, options };
    if let Some(input) = read_input(item) {
        return match input {
            Ok(input) => story(input, None, options.clone()),
            Err(reason) => failed(None, None, format!("item {index}: {reason}")),
        };
    }
    let record = item
        .cast::<PyDict>()
        .map(|dict| dict.as_any().clone())
        .or_else(|_| item.cast::<PyMapping>().map(|map| map.as_any().clone()));
    match record {
        Ok(record) => match record_story(&record, options) {
            Ok((input, id, options)) => story(input, id, options),
            Err((id, reason)) => failed(None, id, format!("item {index}: {reason}")),
        },
        Err(_) => failed(
            None,
            None,
            format!(
                "item {index}: not a story: a str, bytes or a dict with a \"text\" key was \
                 expected, not {}",
                type_name(item)
            ),
        ),
    }
}

type RecordStory = (Input, Option<String>, Options);

/// The story of a dict with `text`, `id` and `date` keys (a `--jsonl` record), or its id and
/// why it has no story.
fn record_story(
    record: &Bound<'_, PyAny>,
    options: &Options,
) -> Result<RecordStory, (Option<String>, String)> {
    let key = |name: &str| -> Option<Bound<'_, PyAny>> {
        record.get_item(name).ok().filter(|value| !value.is_none())
    };
    let id = match key("id").map(|id| id_text(&id)) {
        Some(Ok(id)) => Some(id),
        Some(Err(e)) => return Err((None, format!("not a story record: {e}"))),
        None => None,
    };
    let input = match key("text").as_ref().map(read_input) {
        None => Err("not a story record: missing field `text`".to_string()),
        Some(None) => Err("not a story record: `text` is not a string".to_string()),
        Some(Some(input)) => input,
    };
    let input = input.map_err(|reason| (id.clone(), reason))?;
    let mut options = options.clone();
    if let Some(date) = key("date") {
        match story_date(&date) {
            Ok(Ok(date)) => options.story_date = date.or(options.story_date),
            Ok(Err(reason)) => return Err((id, format!("date {reason}"))),
            Err(e) => return Err((id, format!("date: {e}"))),
        }
    }
    Ok((input, id, options))
}

/// A story date given as a `YYYY-MM-DD` string (blank: none) or a `datetime.date`; the inner
/// error says why it is not one.
pub fn story_date(date: &Bound<'_, PyAny>) -> PyResult<Result<Option<StoryDate>, String>> {
    let text = if let Ok(text) = date.cast::<PyString>() {
        text.to_cow()?.into_owned()
    } else if date.hasattr("isoformat")? && !date.hasattr("hour")? {
        date.call_method0("isoformat")?.extract::<String>()?
    } else {
        return Ok(Err(format!(
            "must be a YYYY-MM-DD string or a datetime.date, not {}",
            type_name(date)
        )));
    };
    if text.trim().is_empty() {
        return Ok(Ok(None));
    }
    Ok(StoryDate::parse_iso(&text)
        .map(Some)
        .ok_or_else(|| format!("{text:?} is not YYYY-MM-DD")))
}

/// A record's `id` as the command line copies it: a string as it is, anything else (a
/// number) as its compact JSON text.
pub fn id_text(id: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = id.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    let json = id.py().import("json")?;
    let kwargs = pyo3::types::PyDict::new(id.py());
    kwargs.set_item("separators", (",", ":"))?;
    json.call_method("dumps", (id,), Some(&kwargs))
        .map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "id must be a str or a number, not {}",
                type_name(id)
            ))
        })?
        .extract()
}

/// A record for an input that could not be analysed: every key present, values empty.
pub fn error_record(path: Option<String>, id: Option<String>, reason: String) -> Record {
    Record {
        path,
        id,
        error: Some(reason),
        ..Record::default()
    }
}

fn failed(path: Option<String>, id: Option<String>, reason: String) -> Job {
    Job::Failed(Box::new(error_record(path, id, reason)))
}

/// The name of an object's type, for messages.
pub fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "object".into())
}
