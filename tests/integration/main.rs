//! All integration tests, built into one test binary (one link step, one harness).

mod architecture;
mod archive;
mod archive_report;
mod cli;
mod contract;
mod corpus;
mod golden;
mod harness;
mod hostile;
mod properties;
