//! All integration tests, built into one test binary (one link step, one harness).

mod architecture;
mod cli;
mod contract;
mod corpus;
mod formats;
mod golden;
mod harness;
mod hostile;
mod identity;
mod properties;
