//! The JSON Schema of the record, generated from the record types so it cannot drift.

use super::record::Record;
use serde_json::Value;

/// The JSON Schema (draft 7) of one output record.
///
/// Every property is listed as required: the contract is that keys are always present, with
/// `null` or `[]` standing for "unknown".
pub fn record_schema() -> Value {
    let schema = schemars::schema_for!(Record);
    let mut value = serde_json::to_value(schema).expect("a schema always serialises");
    require_every_property(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert("title".into(), Value::String("statements record".into()));
    }
    value
}

fn require_every_property(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let keys = props.keys().cloned().map(Value::String).collect();
                map.insert("required".into(), Value::Array(keys));
            }
            for v in map.values_mut() {
                require_every_property(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(require_every_property),
        _ => {}
    }
}
