use super::formats::xml;
use super::*;

const CALL: &str = "MOSCOW, January 18, 2022. /TASS/. Russian Foreign Minister Sergey Lavrov \
    held a phone call with US Secretary of State Antony Blinken on Tuesday. Lavrov accused \
    Washington of ignoring Russia's proposals, the ministry said. \"Blinken promised a written \
    reply,\" Lavrov said.";

fn graph_of(texts: &[&str]) -> Graph {
    let mut g = Graph::new();
    for t in texts {
        g.add(&crate::analyse(t));
    }
    g
}

#[test]
fn events_join_their_actors_and_statements_their_subjects() {
    let g = graph_of(&[CALL]);
    let nodes = g.nodes();
    let edges = g.edges();
    let lavrov = nodes
        .iter()
        .find(|n| n.key.ends_with("lavrov"))
        .expect("Lavrov");
    assert_eq!(lavrov.country.as_deref(), Some("RUS"));
    assert!(lavrov.statements >= 1);
    assert!(
        edges
            .iter()
            .any(|e| e.kind == "event" && e.edge_type == "CONSULT"),
        "{edges:#?}"
    );
    for e in &edges {
        assert!(nodes.iter().any(|n| n.key == e.source), "{e:?}");
        assert!(nodes.iter().any(|n| n.key == e.target), "{e:?}");
        assert_ne!(e.source, e.target);
    }
}

#[test]
fn the_same_edge_in_two_stories_is_counted_twice() {
    let one = graph_of(&[CALL]);
    let two = graph_of(&[CALL, CALL]);
    assert_eq!(one.nodes().len(), two.nodes().len());
    assert_eq!(one.edges().len(), two.edges().len());
    for (a, b) in one.edges().iter().zip(two.edges()) {
        assert_eq!(a.count * 2, b.count);
    }
    let lavrov = |g: &Graph| {
        g.nodes()
            .into_iter()
            .find(|n| n.key.ends_with("lavrov"))
            .unwrap()
    };
    assert_eq!(lavrov(&two).stories, 2);
}

#[test]
fn graphml_declares_every_key_it_uses_and_escapes_names() {
    let g = graph_of(&[CALL]);
    let mut out = Vec::new();
    g.write_graphml(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    for used in text.split("<data key=\"").skip(1) {
        let key = &used[..used.find('"').unwrap()];
        assert!(text.contains(&format!("<key id=\"{key}\"")), "{key}");
    }
    assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
}
