//! `statements schema`: the JSON Schema of the record.

use crate::exit::Exit;
use crate::output::Output;
use std::io::Write;

/// Prints the schema, pretty.
pub fn run() -> Result<Exit, String> {
    let schema = statements::record_schema();
    let mut out = Output::open(None)?;
    let written = serde_json::to_writer_pretty(&mut out, &schema)
        .map_err(std::io::Error::from)
        .and_then(|_| out.write_all(b"\n"))
        .map(|_| Exit::Ok);
    crate::cmd::parse::finish(written, out)
}
