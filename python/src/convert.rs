//! A record as Python objects: dicts, lists, `str`, `int`, `float`, `bool`, `None`, the values
//! `json.loads` gives for the record's JSON.
//!
//! The conversion is a serde serializer, so it follows the record's `Serialize` derive and
//! lists no key: a key the library adds is converted with the others. Struct keys and enum
//! names (`"quotes"`, `"direct"`) are `&'static str`s; each is made into an interned Python
//! string once and reused, which saves most of the string objects of a record and lets every
//! record share its keys.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyDictMethods, PyList, PyString};
use pyo3::IntoPyObjectExt;
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};
use statements::Record;
use std::fmt;

/// The record as a dict.
pub fn record<'py>(
    py: Python<'py>,
    record: &Record,
    names: &mut Names,
) -> PyResult<Bound<'py, PyAny>> {
    record.serialize(ToPython { py, names }).map_err(|e| e.0)
}

/// The interned Python strings of the names a record's serialisation gives (keys, enum
/// variants), by the address of the name; and a template dict for each kind of struct.
#[derive(Default)]
pub struct Names {
    strings: FxHashMap<(usize, usize), Py<PyString>>,
    templates: FxHashMap<(usize, usize), Template>,
}

impl Names {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        self.strings
            .entry(address(name))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    }
}

fn address(name: &'static str) -> (usize, usize) {
    (name.as_ptr() as usize, name.len())
}

/// The keys of a struct, in order, in a dict whose values are `None`.
///
/// A struct's dict is made by copying its template and replacing the values: CPython copies
/// a dict's key table whole, where inserting the keys one by one into a new dict grows and
/// rehashes its table twice for a struct of 18 fields. Any struct whose keys are not the
/// template's, in the same order, is built key by key.
struct Template {
    keys: Vec<(usize, usize)>,
    objects: Vec<Py<PyString>>,
    dict: Py<PyDict>,
}

/// A failed conversion (a Python error, or a serde error turned into one).
#[derive(Debug)]
pub struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The serializer: one value into one Python object.
struct ToPython<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
}

impl<'a, 'py> ToPython<'a, 'py> {
    fn object(self, value: impl IntoPyObjectExt<'py>) -> Result<Bound<'py, PyAny>> {
        Ok(value.into_bound_py_any(self.py)?)
    }

    fn reborrow(&mut self) -> ToPython<'_, 'py> {
        ToPython {
            py: self.py,
            names: self.names,
        }
    }
}

macro_rules! into_object {
    ($($method:ident: $type:ty),* $(,)?) => {
        $(fn $method(self, v: $type) -> Result<Self::Ok> {
            self.object(v)
        })*
    };
}

impl<'a, 'py> ser::Serializer for ToPython<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Sequence<'a, 'py>;
    type SerializeTuple = Sequence<'a, 'py>;
    type SerializeTupleStruct = Sequence<'a, 'py>;
    type SerializeTupleVariant = Variant<'py, Sequence<'a, 'py>>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = Variant<'py, Map<'a, 'py>>;

    into_object!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_char: char, serialize_str: &str, serialize_bytes: &[u8],
    );

    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(v.into())
    }

    /// A number, or `None` where JSON has none (serde_json writes `null` for NaN and the
    /// infinities).
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        if v.is_finite() {
            self.object(v)
        } else {
            self.serialize_none()
        }
    }

    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.names.get(self.py, variant).into_any())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let dict = PyDict::new(self.py);
        let key = self.names.get(self.py, variant);
        dict.set_item(key, value.serialize(self.reborrow())?)?;
        Ok(dict.into_any())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Sequence<'a, 'py>> {
        Ok(Sequence {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Sequence<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Sequence<'a, 'py>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        let key = self.names.get(self.py, variant);
        Ok(Variant {
            key,
            inner: self.serialize_seq(Some(len))?,
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>> {
        Ok(Map {
            dict: PyDict::new(self.py),
            to: self,
            key: None,
        })
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Struct<'a, 'py>> {
        Ok(Struct {
            to: self,
            name,
            keys: Vec::with_capacity(len),
            values: Vec::with_capacity(len),
        })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        let key = self.names.get(self.py, variant);
        Ok(Variant {
            key,
            inner: self.serialize_map(None)?,
        })
    }
}

/// A list being built.
struct Sequence<'a, 'py> {
    to: ToPython<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Sequence<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let item = value.serialize(self.to.reborrow())?;
        self.items.push(item);
        Ok(())
    }

    fn list(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.to.py, self.items)?.into_any())
    }
}

macro_rules! sequence {
    ($($trait:ident: $method:ident),*) => {
        $(impl<'py> ser::$trait for Sequence<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Self::Ok> {
                self.list()
            }
        })*
    };
}

sequence!(SerializeSeq: serialize_element, SerializeTuple: serialize_element, SerializeTupleStruct: serialize_field);

/// A dict being built (a struct or a map).
struct Map<'a, 'py> {
    to: ToPython<'a, 'py>,
    dict: Bound<'py, PyDict>,
    /// A map's key, until its value comes.
    key: Option<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(self.to.reborrow())?);
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a value without a key"))?;
        let value = value.serialize(self.to.reborrow())?;
        Ok(self.dict.set_item(key, value)?)
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let key = self.to.names.get(self.to.py, key);
        let value = value.serialize(self.to.reborrow())?;
        Ok(self.dict.set_item(key, value)?)
    }

    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A struct being built: its fields, made into a dict at the end (see [`Template`]).
struct Struct<'a, 'py> {
    to: ToPython<'a, 'py>,
    name: &'static str,
    keys: Vec<&'static str>,
    values: Vec<Bound<'py, PyAny>>,
}

impl<'py> ser::SerializeStruct for Struct<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let value = value.serialize(self.to.reborrow())?;
        self.keys.push(key);
        self.values.push(value);
        Ok(())
    }

    fn end(self) -> Result<Self::Ok> {
        let Struct {
            to,
            name,
            keys,
            values,
        } = self;
        let py = to.py;
        let names = to.names;
        let same = |template: &Template| {
            template.keys.len() == keys.len()
                && template
                    .keys
                    .iter()
                    .zip(&keys)
                    .all(|(a, b)| *a == address(b))
        };
        if let Some(template) = names.templates.get(&address(name)).filter(|t| same(t)) {
            let dict = template.dict.bind(py).copy()?;
            for (key, value) in template.objects.iter().zip(values) {
                dict.set_item(key.bind(py), value)?;
            }
            return Ok(dict.into_any());
        }
        let dict = PyDict::new(py);
        let objects: Vec<Py<PyString>> = keys.iter().map(|k| names.get(py, k).unbind()).collect();
        for key in &objects {
            dict.set_item(key.bind(py), py.None())?;
        }
        let template = Template {
            keys: keys.iter().map(|k| address(k)).collect(),
            objects,
            dict: dict.copy()?.unbind(),
        };
        for (key, value) in template.objects.iter().zip(values) {
            dict.set_item(key.bind(py), value)?;
        }
        names.templates.insert(address(name), template);
        Ok(dict.into_any())
    }
}

/// An enum variant with data: `{variant: data}`, as serde_json writes it.
struct Variant<'py, Inner> {
    key: Bound<'py, PyString>,
    inner: Inner,
}

impl<'py> ser::SerializeTupleVariant for Variant<'py, Sequence<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.inner.push(value)
    }

    fn end(self) -> Result<Self::Ok> {
        let py = self.key.py();
        let dict = PyDict::new(py);
        dict.set_item(self.key, self.inner.list()?)?;
        Ok(dict.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Variant<'py, Map<'_, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }

    fn end(self) -> Result<Self::Ok> {
        let py = self.key.py();
        let dict = PyDict::new(py);
        dict.set_item(self.key, self.inner.dict)?;
        Ok(dict.into_any())
    }
}
