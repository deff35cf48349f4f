//! A record as Python objects: dicts, lists, str, int, float, None, with the keys the JSON
//! has (the conversion follows the record's serde serialisation, so no key is listed here).

use pyo3::prelude::*;
use statements::Record;

/// The record as a dict.
pub fn record<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, record).map_err(PyErr::from)
}
