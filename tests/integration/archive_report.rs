//! `statements report` in a real browser: headless Chromium (Debian package `chromium`)
//! loads the page from a story folder that holds injected markup, and the test reads the DOM
//! it built and the console messages it logged. Skipped where Chromium is not installed.

use crate::harness::{root, statements};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A story whose statements carry markup that would run if the page parsed story text as
/// HTML: each piece would set the page's title.
const HOSTILE: &str = "GENEVA, March 3, 2023. /TASS/. \"We reject this </textarea><script>document.title='owned'</script> plan,\" \
Foreign Minister Anna Berg said on Friday. \"They <img src=x onerror=\"document.title='owned'\"> never listen <!-- at all -->,\" \
Berg added. \"Nothing </script><script>document.title='owned'</script> will change,\" spokesman Paul Kern said on Friday.\n";

/// The browser, when there is one.
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let ok = Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
            ok.then(|| PathBuf::from(name))
        })
}

/// The DOM after load and the console lines of `page`, from a fresh browser profile.
fn load(browser: &Path, page: &Path, profile: &Path) -> (String, Vec<String>) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

/// The number a count card shows (`<b id="count-stories" data-value="2">`).
fn count(dom: &str, name: &str) -> Option<usize> {
    let at = dom.find(&format!("id=\"count-{name}\""))?;
    let rest = &dom[at..];
    let value = rest.split("data-value=\"").nth(1)?;
    value[..value.find('"')?].parse().ok()
}

#[test]
fn the_report_renders_in_chromium_and_runs_no_story_markup() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium (Debian package `chromium`)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    std::fs::create_dir(&stories).unwrap();
    std::fs::write(stories.join("hostile.txt"), HOSTILE).unwrap();
    std::fs::copy(
        root().join("fixtures/tass-2022-01-18-lavrov-blinken.txt"),
        stories.join("tass.txt"),
    )
    .unwrap();
    let page = dir.path().join("report.html");
    let out = statements()
        .args(["report", "-q", "--title", "<i>Test</i> report", "-o"])
        .arg(&page)
        .arg(&stories)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = crate::harness::records(
        &statements()
            .args(["parse", "-q"])
            .arg(&stories)
            .output()
            .unwrap()
            .stdout,
    );
    let profile = dir.path().join("profile");
    std::fs::create_dir(&profile).unwrap();
    let (dom, console) = load(&browser, &page, &profile);
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert!(
        dom.contains("<title>&lt;i&gt;Test&lt;/i&gt; report</title>"),
        "title unchanged"
    );
    assert!(!dom.contains("owned</title>"));
    // the counts the page shows are those of the records
    let quotes: usize = records.iter().map(|r| r.quotes.len()).sum();
    let events: usize = records.iter().map(|r| r.events.len()).sum();
    assert_eq!(count(&dom, "stories"), Some(records.len()));
    assert_eq!(count(&dom, "statements"), Some(quotes));
    assert_eq!(count(&dom, "events"), Some(events));
    // the table drew every statement, the hostile ones as text
    let table = &dom[dom.find("id=\"quotes-table\"").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(
        table.matches("<tr>").count(),
        quotes + 1,
        "header and one row per statement"
    );
    assert!(table.contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"));
    assert!(table.contains("&lt;img src=x onerror="));
    assert!(
        !dom.contains("<img"),
        "no image element was made from story text"
    );
    assert!(
        !table.contains("<script"),
        "no script element was made from story text"
    );
    // stories link to their files, relative to the page
    assert!(table.contains("href=\"./stories/hostile.txt\""));
}
