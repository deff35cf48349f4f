//! Runs of ASCII word bytes measured eight bytes at a time.
//!
//! The tokenizers find where each word ends. A loop testing one byte at a time ends with a
//! branch the processor mispredicts at nearly every word; bit arithmetic on eight bytes gives
//! the length of the run without it, for words of up to eight bytes (most of them) at once.
//!
//! Each byte's top bit ends up set when it is in a range: `v + (0x80 - lo)` sets it from `lo`
//! up, `v + (0x7f - hi)` from above `hi`, and the sums never carry into the next byte because
//! they are made on the low seven bits only (a byte with its top bit set is not ASCII, and is
//! never part of a run). `b | 0x20` maps capitals onto small letters and nothing else onto
//! them.

const ONES: u64 = 0x0101_0101_0101_0101;
const TOP: u64 = 0x8080_8080_8080_8080;

/// Which bytes of the eight ASCII bytes of `x` run on: letters and digits, and `-` when
/// `hyphen`. The top bit of each such byte is set.
fn members(x: u64, hyphen: bool) -> u64 {
    let low = x & !TOP;
    let small = low | (ONES * 0x20);
    let letter = (small + ONES * u64::from(0x80 - b'a')) & !(small + ONES * u64::from(0x7f - b'z'));
    let digit = (low + ONES * u64::from(0x80 - b'0')) & !(low + ONES * u64::from(0x7f - b'9'));
    let mut member = letter | digit;
    if hyphen {
        // A zero byte of `low ^ '-'`: adding 0x7f sets the top bit of every other byte.
        let diff = low ^ (ONES * u64::from(b'-'));
        member |= !((diff + ONES * 0x7f) | diff);
    }
    member & !x & TOP
}

/// How many bytes `s` starts with that are ASCII letters and digits, or `-` too when
/// `hyphen`.
#[inline]
pub(crate) fn run(s: &[u8], hyphen: bool) -> usize {
    let mut n = 0;
    while let Some(chunk) = s.get(n..).and_then(|rest| rest.first_chunk::<8>()) {
        let run =
            (!members(u64::from_le_bytes(*chunk), hyphen) & TOP).trailing_zeros() as usize / 8;
        n += run;
        if run < 8 {
            return n;
        }
    }
    n + s
        .get(n..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || (hyphen && b == b'-'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_counted_as_one_byte_at_a_time_would() {
        // Every byte value at every position of a 20-byte window, and at the start of it.
        let base = *b"Abc9-yzQ0123WORD-ore";
        for hyphen in [false, true] {
            let member = |c: &u8| c.is_ascii_alphanumeric() || (hyphen && *c == b'-');
            for at in 0..base.len() {
                for b in 0..=255u8 {
                    let mut s = base;
                    s[at] = b;
                    let expected = s.iter().take_while(|c| member(c)).count();
                    assert_eq!(run(&s, hyphen), expected, "byte {b:#04x} at {at}, {hyphen}");
                    let from = s[at..].iter().take_while(|c| member(c)).count();
                    assert_eq!(run(&s[at..], hyphen), from);
                }
            }
        }
    }
}
