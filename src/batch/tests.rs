use super::*;

fn input<'a>(content: Content<'a>, options: &'a Options) -> BatchInput<'a> {
    BatchInput {
        content,
        options,
        path: Some("p"),
        id: None,
    }
}

/// The line `analyse_bytes_to_json` writes for one input by itself, or its error.
fn alone(bytes: &[u8], options: &Options) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    crate::analyse_bytes_to_json(bytes, options, Some("p"), None, &mut out).map(|_| out)
}

#[test]
fn a_batch_writes_what_each_input_writes_alone() {
    let options = Options::default();
    // The story fixtures and the formats' (a message of several stories, wire files,
    // pages), and a file that is refused among them.
    let mut files: Vec<Vec<u8>> = ["fixtures", "fixtures/formats"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("fixtures"))
        .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
        .collect();
    files.insert(3, vec![0u8; 64]);
    let inputs: Vec<BatchInput> = files
        .iter()
        .map(|b| input(Content::Bytes(b), &options))
        .collect();
    let mut outs = vec![b"kept ".to_vec(); inputs.len()];
    let results = analyse_batch_to_json(&inputs, &mut outs);
    for ((bytes, out), result) in files.iter().zip(&outs).zip(&results) {
        match (alone(bytes, &options), result) {
            (Ok(line), Ok(_)) => assert_eq!(out[b"kept ".len()..], line[..]),
            (Err(e), Err(Failure::Error(f))) => {
                assert_eq!(&e, f);
                assert_eq!(out, b"kept ");
            }
            (alone, batch) => panic!("alone {alone:?}, in a batch {batch:?}"),
        }
    }
}
