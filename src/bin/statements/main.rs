//! The `statements` command line: argument parsing and glue around the `statements` library.

mod alloc;
mod archive;
mod cli;
mod cmd;
mod exit;
mod group;
mod inputs;
mod jobs;
mod ordered;
mod output;
mod progress;
mod run;
mod select;
mod sniff;
mod walk;

use clap::Parser;
use exit::Exit;

// Analysis allocates many small short-lived vectors per story; mimalloc's thread-local free
// lists make those much cheaper than glibc malloc across worker threads (measured in BENCHMARKS.md).
// Its `no_thp` feature keeps it from asking for transparent huge pages: zeroing 2 MB pages
// on first touch cost up to 5% of a batch run. The `v2` line returns freed pages to the system
// after 10 ms where v3 waits a second, which over a batch of long stories held twice the
// memory (BENCHMARKS.md) for no gain in speed.
// `alloc` calls mimalloc's plain entry points where the aligned ones are not needed.
#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn main() {
    // Usage errors are exit 2 (clap's default for errors); help and version are exit 0.
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                Exit::Fatal.code()
            } else {
                Exit::Ok.code()
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    run::quiet_panics();
    let result = match cli.command {
        cli::Command::Parse(args) => cmd::parse::run(args),
        cli::Command::Timeline(args) => cmd::timeline::run(args),
        cli::Command::Speakers(args) => cmd::speakers::run(args),
        cli::Command::Quotes(args) => cmd::quotes::run(args),
        cli::Command::Db(args) => cmd::db::run(args),
        cli::Command::Graph(args) => cmd::graph::run(args),
        cli::Command::Report(args) => cmd::report::run(args),
        cli::Command::Schema => cmd::schema::run(),
    };
    let exit = match result {
        Ok(exit) => exit,
        Err(message) => {
            eprintln!("statements: {message}");
            Exit::Fatal
        }
    };
    std::process::exit(exit.code());
}
