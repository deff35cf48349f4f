//! Word counts of the timeline's sentences. The sentences themselves are the paragraphs'
//! (`text::paragraphs`), the one sentence split of the story, which every stage reads.
//!
//! The timeline had its own splitter and abbreviation list until the redesign (issue 15).
//! Against the paragraphs' sentences it changed the events of 39 stories of the two shared
//! corpora; read one by one, the paragraphs were right in 21 (times before a bracket or a
//! weekday, `10:30 a.m. (0230 GMT)`, `9:40 p.m. Sunday`; titles before a name, `Sens. Patrick
//! Moynihan`, `Lt.-Gen. Dan Halutz`) and it in 18 (rows of Reuters tables indented by one
//! space, `Ltd.` before a quotation, `Jan/Sept. The bulk`, `high of 306.10. Arbitrage`), all
//! of which the paragraphs now read right themselves.

/// True when `s` has more than `n` words (runs of non-white-space, as `split_whitespace`
/// counts them). ASCII bytes are classed one by one; only other chars are decoded.
pub(super) fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (white, len) = if c.is_ascii() {
            // `char::is_whitespace` on ASCII: these and the vertical tab, which
            // `u8::is_ascii_whitespace` leaves out.
            (c.is_ascii_whitespace() || c == 0x0B, 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(ch) => (ch.is_whitespace(), ch.len_utf8()),
                None => break,
            }
        };
        if !white && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !white;
        i += len;
    }
    false
}
