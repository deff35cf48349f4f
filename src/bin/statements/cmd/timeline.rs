//! `statements timeline`: the events of many stories merged into one timeline.

use crate::cli::TimelineArgs;
use crate::exit::Exit;

/// Runs `timeline`.
pub fn run(args: TimelineArgs) -> Result<Exit, String> {
    let _ = args;
    Err("timeline is not available yet".into())
}
