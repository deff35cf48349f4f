//! The story files of `parse_files`: files as given, folders walked as the command line
//! walks them (depth first, each folder's entries in byte order of their names, symbolic
//! links followed, hidden entries skipped, loops and special files reported), and the reading
//! of one file.

use crate::story::{error_record, Job};
pub use statements::input::file::Folder;
use statements::input::file::{io_reason, with_file_bytes};
use statements::{Options, Record};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// The jobs of the files under each path, in order.
pub struct Files {
    roots: std::vec::IntoIter<PathBuf>,
    walk: Option<Walk>,
    /// The folder of the last file found, held open.
    folder: Option<(PathBuf, Option<Arc<Folder>>)>,
}

impl Files {
    pub fn new(roots: Vec<PathBuf>) -> Files {
        Files {
            roots: roots.into_iter(),
            walk: None,
            folder: None,
        }
    }

    /// The open folder of a file found by the walk (below a root), opened once for all its
    /// files.
    fn folder_of(&mut self, path: &Path) -> Option<Arc<Folder>> {
        let parent = path.parent()?;
        match &self.folder {
            Some((open, folder)) if open.as_os_str() == parent.as_os_str() => folder.clone(),
            _ => {
                let folder = Folder::open(parent).map(Arc::new);
                self.folder = Some((parent.to_path_buf(), folder.clone()));
                folder
            }
        }
    }
}

impl Iterator for Files {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            let Some(walk) = &mut self.walk else {
                let root = self.roots.next()?;
                self.walk = Some(walker(root));
                continue;
            };
            match walk.next() {
                None => self.walk = None,
                Some(Ok(entry)) if entry.file_type().is_dir() => {}
                Some(Ok(entry)) if entry.file_type().is_file() || entry.depth() == 0 => {
                    let regular = entry.file_type().is_file();
                    let folder = match entry.depth() {
                        0 => None,
                        _ => self.folder_of(entry.path()),
                    };
                    return Some(Job::File(entry.into_path(), regular, folder));
                }
                Some(Ok(entry)) => {
                    let reason = "not a regular file (a FIFO, socket or device)".to_string();
                    return Some(failed(entry.path(), reason));
                }
                Some(Err(e)) => {
                    let path = e.path().unwrap_or(Path::new("")).to_path_buf();
                    let reason = match (e.loop_ancestor(), e.io_error()) {
                        (Some(_), _) => "symbolic link loop".to_string(),
                        (None, Some(io)) => io_reason(io),
                        (None, None) => e.to_string(),
                    };
                    return Some(failed(&path, reason));
                }
            }
        }
    }
}

/// A walk of one root, hidden entries left out.
type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

fn walker(root: PathBuf) -> Walk {
    WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| {
            a.file_name()
                .as_encoded_bytes()
                .cmp(b.file_name().as_encoded_bytes())
        })
        .into_iter()
        .filter_entry(visible)
}

/// Not a hidden entry (`.name`) below the root.
fn visible(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().as_encoded_bytes().starts_with(b".")
}

fn failed(path: &Path, reason: String) -> Job {
    let path = crate::batch::path_text(path);
    Job::Failed(Box::new(error_record(Some(path), None, reason)))
}

/// The record of the story file at `path` (without its path), or why it has none, read as the
/// command line reads a story (the library's [`with_file_bytes`]: at most `max_bytes + 1`
/// bytes, into a buffer each thread keeps, by name in its open folder).
pub fn analyse_file(
    path: &Path,
    regular: bool,
    folder: Option<&Folder>,
    options: &Options,
) -> Result<Vec<Record>, String> {
    // As the command line does: a story whose text gives no date takes its path's.
    let options = &Options {
        dates_from_paths: true,
        ..options.clone()
    }
    .for_path(&path.to_string_lossy());
    let analyse = |bytes: &[u8]| statements::analyse_document(bytes, options);
    match with_file_bytes(path, folder, regular, options.max_bytes, analyse) {
        Ok(records) => records.map_err(|e| e.to_string()),
        Err(e) => Err(io_reason(&e)),
    }
}
