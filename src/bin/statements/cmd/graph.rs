//! `statements graph`: who talks to whom across an archive, as GraphML, DOT or JSON (see
//! [`Graph`]).

use crate::archive::{summary, Run};
use crate::cli::{GraphArgs, GraphFormat};
use crate::exit::Exit;
use crate::output::Output;
use statements::output::archive::graph::Graph;
use statements::Record;

/// Runs `graph`. An `Err` is a fatal error (exit 2) already described by its message.
pub fn run(args: GraphArgs) -> Result<Exit, String> {
    let run = Run::new(&args.input, &args.filter)?.slimmed(slim);
    let mut output = Output::open(args.output.as_deref())?;
    let mut graph = Graph::new();
    let (counts, progress) = run
        .each(|story| {
            graph.add(&story.record);
            Ok(())
        })
        .map_err(|e| format!("cannot read the inputs: {e}"))?;
    let written = match args.format {
        GraphFormat::Graphml => graph.write_graphml(&mut output),
        GraphFormat::Dot => graph.write_dot(&mut output),
        GraphFormat::Json => graph.write_json(&mut output),
    };
    let made = format!("{} nodes, {} edges", graph.node_count(), graph.edge_count());
    progress.finish_with(&summary(&counts, &made));
    crate::cmd::parse::finish(written.map(|_| counts.exit()), output)
}

/// The graph reads speakers (with their mentions), statements' speakers and spans, and the
/// events' parties: not the dates, nor the statements' other spans.
fn slim(mut record: Record) -> Record {
    record.dates = Vec::new();
    for q in &mut record.quotes {
        q.text = String::new();
        q.speaker_mention = None;
        q.cue = None;
    }
    for e in &mut record.events {
        e.text = String::new();
        e.trigger = None;
    }
    record
}
