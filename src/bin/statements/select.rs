//! Which files of a walked folder are stories: `--ext` (file name extensions) and `--glob`
//! (patterns). Files named on the command line are read whatever their name.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::Path;

/// The selection of files in walked folders.
#[derive(Debug, Clone, Default)]
pub struct Select {
    /// Extensions kept, lower case without the dot; empty: any.
    exts: Vec<String>,
    /// Patterns of which one must match; `None`: any.
    globs: Option<GlobSet>,
}

impl Select {
    /// A selection from `--ext` values (`txt`, `.txt`, case ignored) and `--glob` patterns
    /// (matched against the path under the folder given, and against the file name alone).
    pub fn new(exts: &[String], globs: &[String]) -> Result<Select, String> {
        let exts = exts
            .iter()
            .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        let globs = if globs.is_empty() {
            None
        } else {
            let mut set = GlobSetBuilder::new();
            for g in globs {
                set.add(Glob::new(g).map_err(|e| format!("--glob {g:?}: {e}"))?);
            }
            Some(set.build().map_err(|e| format!("--glob: {e}"))?)
        };
        Ok(Select { exts, globs })
    }

    /// True when every file is kept.
    pub fn keeps_all(&self) -> bool {
        self.exts.is_empty() && self.globs.is_none()
    }

    /// True when `path`, found by walking `root`, is kept.
    pub fn keeps(&self, root: &Path, path: &Path) -> bool {
        if !self.exts.is_empty() {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            if !ext.is_some_and(|e| self.exts.contains(&e)) {
                return false;
            }
        }
        match &self.globs {
            None => true,
            Some(set) => {
                let under = path.strip_prefix(root).unwrap_or(path);
                set.is_match(under) || path.file_name().is_some_and(|n| set.is_match(n))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_globs_select_files() {
        let s = |exts: &[&str], globs: &[&str]| {
            let own = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
            Select::new(&own(exts), &own(globs)).unwrap()
        };
        let root = Path::new("/archive");
        let cases = [
            (s(&[], &[]), "/archive/a.pdf", true),
            (s(&["txt"], &[]), "/archive/a.txt", true),
            (s(&[".TXT"], &[]), "/archive/b/a.Txt", true),
            (s(&["txt"], &[]), "/archive/a.pdf", false),
            (s(&["txt"], &[]), "/archive/README", false),
            (s(&[], &["2022-*"]), "/archive/x/2022-01-18.txt", true),
            (s(&[], &["x/*.txt"]), "/archive/x/a.txt", true),
            (s(&[], &["x/*.txt"]), "/archive/y/a.txt", false),
            (s(&["txt"], &["*tass*"]), "/archive/tass-1.txt", true),
            (s(&["txt"], &["*tass*"]), "/archive/afp-1.txt", false),
        ];
        for (select, path, kept) in cases {
            assert_eq!(select.keeps(root, Path::new(path)), kept, "{path}");
        }
        assert!(Select::new(&[], &["[".into()]).is_err());
    }
}
