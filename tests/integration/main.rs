//! All integration tests, built into one test binary (one link step, one harness).

mod architecture;
mod archive;
mod archive_report;
mod cli;
mod contract;
mod corpus;
mod formats;
mod golden;
mod harness;
mod hostile;
mod identity;
mod official;
mod properties;
