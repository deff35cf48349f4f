use super::*;
use sha2::{Digest, Sha256};

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn the_policy_names_the_hash_of_the_script() {
    let hash = format!("sha256-{}", base64(&Sha256::digest(SCRIPT.as_bytes())));
    assert_eq!(
        SCRIPT_HASH, hash,
        "set SCRIPT_HASH to the new script's hash"
    );
}

#[test]
fn script_safe_json_cannot_close_its_block() {
    let text = "</script><!-- <img src=x onerror=alert(1)> & \u{2028}\u{2029} done";
    let mut out = Vec::new();
    script_safe(&serde_json::to_vec(&text).unwrap(), &mut out);
    let safe = String::from_utf8(out).unwrap();
    for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
        assert!(!safe.contains(bad), "{bad:?} in {safe}");
    }
    let back: String = serde_json::from_str(&safe).unwrap();
    assert_eq!(back, text);
}

#[test]
fn the_page_holds_every_statement_and_its_counts() {
    let story = "MOSCOW, January 18, 2022. /TASS/. \"We will not accept </script><script>document.title='owned'</script> this,\" \
        Russian Foreign Minister Sergey Lavrov said on Tuesday after talks with Antony Blinken in Geneva.";
    let record = crate::analyse(story);
    let mut report = Report::new(Vec::new(), Vec::new());
    report.add(&record, Some("story.txt")).unwrap();
    let done = report.finish("A <b>title</b>").unwrap();
    assert_eq!(done.page.counts.stories, 1);
    assert_eq!(done.page.counts.statements, record.quotes.len());
    let mut page = Vec::new();
    done.page
        .write_page(
            &mut page,
            "A <b>title</b>",
            &done.quotes[..],
            &done.stories[..],
        )
        .unwrap();
    let page = String::from_utf8(page).unwrap();
    assert_eq!(
        page.matches("<script").count(),
        4,
        "three data blocks and the script"
    );
    assert!(page.contains("<title>A &lt;b&gt;title&lt;/b&gt;</title>"));
    assert!(!page.contains("{{"), "every part filled");
    assert!(
        !page.contains("http://") || page.matches("http://").count() == 1,
        "only the SVG namespace"
    );
}
