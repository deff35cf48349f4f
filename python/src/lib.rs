//! `statements._statements`: the Rust side of the Python package. The library does the work;
//! this crate turns Python inputs into stories, runs them with the interpreter's lock released
//! (on a pool of threads for a batch, in input order), and turns each record into Python
//! objects. The public Python API, its docstrings and types are in `statements/__init__.py`.

mod batch;
mod convert;
mod story;
mod walk;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// mimalloc, as the command line uses: the analysis makes many small allocations on several
/// threads at once, where the system allocator spent a tenth of a batch's time. It serves the
/// Rust side only; Python objects come from Python's own allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _statements,
    StatementsError,
    PyValueError,
    "A story that cannot be analysed: bytes that are not text, a story over the size limit."
);

/// The record of one story as a dict; see `statements.parse`.
#[pyfunction]
#[pyo3(signature = (text, *, date=None, id=None, max_bytes=statements::DEFAULT_MAX_BYTES))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
    id: Option<&Bound<'py, PyAny>>,
    max_bytes: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let mut options = statements::Options {
        max_bytes,
        ..statements::Options::default()
    };
    if let Some(date) = date.filter(|d| !d.is_none()) {
        options.story_date = story::story_date(date)?
            .map_err(|reason| PyValueError::new_err(format!("date: {reason}")))?;
    }
    let id = match id.filter(|i| !i.is_none()) {
        Some(id) => Some(story::id_text(id)?),
        None => None,
    };
    let input = story::Input::of_text(text)?;
    let record = py
        .detach(|| batch::guarded(|| input.analyse(&options)))
        .map_err(StatementsError::new_err)?
        .map_err(StatementsError::new_err)?;
    let record = statements::Record { id, ..record };
    convert::record(py, &record, &mut convert::Names::default())
}

/// The number of worker threads `threads=None` means: one per core.
#[pyfunction]
fn default_threads() -> usize {
    batch::default_threads()
}

/// The JSON Schema of a record, as a JSON string.
#[pyfunction]
fn schema_json() -> String {
    serde_json::to_string_pretty(&statements::record_schema()).unwrap_or_default()
}

#[pymodule]
fn _statements(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", statements::VERSION)?;
    m.add("DEFAULT_MAX_BYTES", statements::DEFAULT_MAX_BYTES)?;
    m.add("StatementsError", m.py().get_type::<StatementsError>())?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_class::<batch::Records>()?;
    Ok(())
}
