//! All integration tests, built into one test binary (one link step, one harness).

mod architecture;
mod cli;
mod contract;
mod corpus;
mod golden;
mod harness;
mod hostile;
mod official;
mod properties;
