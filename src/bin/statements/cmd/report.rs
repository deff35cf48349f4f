//! stub

/// stub
pub fn run(_args: crate::cli::ReportArgs) -> Result<crate::exit::Exit, String> {
    Err("not yet".into())
}
