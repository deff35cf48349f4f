//! Walking a directory tree into jobs: depth first, each directory's entries in name order,
//! symbolic links followed, hidden entries (`.name`) skipped.
//!
//! Written here rather than with `walkdir` for the first story's sake: a batch cannot start
//! before the first directory is listed and sorted, and `walkdir` builds a full path and an
//! entry for every name, then sorts by comparing whole paths, before it yields anything. On a
//! flat folder of 21,570 stories that took 16-20 ms against 11-12 ms for reading the names
//! and sorting them alone (BENCHMARKS.md); here each path is joined only when its job is
//! taken, while the workers run.

use crate::jobs::{io_reason, Folder, Job};
use std::ffi::OsString;
use std::fs::{self, FileType, Metadata};
use std::path::PathBuf;
use std::sync::Arc;

/// The fewest entries for which a folder is held open and its files opened by name in it
/// ([`Folder`]): few enough for any archive folder, and enough that the jobs waiting in the
/// queue (at most 1,024) never hold more than a few dozen descriptors.
const SHARED_FOLDER_ENTRIES: usize = 64;

/// The jobs under `root`, or `root` itself when it is not a directory (a file named on the
/// command line is read whatever it is: `statements parse /dev/stdin` works).
pub fn walk(root: PathBuf) -> Walk {
    Walk {
        root: Some(root),
        above_root: Vec::new(),
        open: Vec::new(),
    }
}

/// The state of a walk: see [`walk`].
pub struct Walk {
    /// The root, until the first step.
    root: Option<PathBuf>,
    /// The directories above the root: a link up to one of them is a loop too (it would walk
    /// the root again, and the rest of the disk with it).
    above_root: Vec<DirId>,
    /// The directories being walked, the innermost last.
    open: Vec<OpenDir>,
}

/// A directory being walked.
struct OpenDir {
    path: PathBuf,
    /// Its identity, to tell a symbolic link back to it.
    id: DirId,
    /// The entries not visited yet, in reverse name order (the next one is popped off), each
    /// with its [`name_prefix`].
    entries: Vec<(u64, OsString, FileType)>,
    /// An error met while listing it, reported before its entries.
    error: Option<String>,
    /// The folder held open for its files, when it has many.
    folder: Option<Arc<Folder>>,
}

impl Iterator for Walk {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        if let Some(root) = self.root.take() {
            match fs::metadata(&root) {
                Ok(meta) if meta.is_dir() => {
                    self.above_root = directories_above(&root);
                    if let Some(job) = self.enter(root, &meta) {
                        return Some(job);
                    }
                }
                Ok(meta) => {
                    return Some(Job::File {
                        path: root,
                        regular: meta.is_file(),
                        folder: None,
                    })
                }
                Err(e) => return Some(failed(&root, io_reason(&e))),
            }
        }
        loop {
            let dir = self.open.last_mut()?;
            if let Some(reason) = dir.error.take() {
                return Some(failed(&dir.path, reason));
            }
            let Some((_, name, file_type)) = dir.entries.pop() else {
                self.open.pop();
                continue;
            };
            let path = child(&dir.path, &name);
            let folder = dir.folder.clone();
            if let Some(job) = self.visit(path, file_type, folder) {
                return Some(job);
            }
        }
    }
}

impl Walk {
    /// The job of an entry, or `None` for a directory, which is entered instead.
    fn visit(
        &mut self,
        path: PathBuf,
        file_type: FileType,
        folder: Option<Arc<Folder>>,
    ) -> Option<Job> {
        if file_type.is_file() {
            return Some(Job::File {
                path,
                regular: true,
                folder,
            });
        }
        if file_type.is_dir() {
            return match fs::metadata(&path) {
                Ok(meta) => self.enter(path, &meta),
                Err(e) => Some(failed(&path, io_reason(&e))),
            };
        }
        if file_type.is_symlink() {
            // Followed: an archive is often a tree of links.
            return match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.enter(path, &meta),
                Ok(meta) if meta.is_file() => Some(Job::File {
                    path,
                    regular: true,
                    folder,
                }),
                Ok(_) => Some(not_regular(&path)),
                Err(e) => Some(failed(&path, io_reason(&e))),
            };
        }
        // Opening a FIFO would block the run forever: it is reported, not read.
        Some(not_regular(&path))
    }

    /// Lists the directory `path` and makes it the innermost open one; `Some` when it cannot
    /// be entered.
    fn enter(&mut self, path: PathBuf, meta: &Metadata) -> Option<Job> {
        let id = DirId::of(&path, meta);
        if self.open.iter().any(|dir| dir.id == id) || self.above_root.contains(&id) {
            return Some(failed(&path, "symbolic link loop".into()));
        }
        let listing = match fs::read_dir(&path) {
            Ok(listing) => listing,
            Err(e) => return Some(failed(&path, io_reason(&e))),
        };
        let mut entries = Vec::new();
        let mut error = None;
        for entry in listing {
            let read = entry.and_then(|e| Ok((e.file_name(), e.file_type()?)));
            match read {
                Ok((name, _)) if name.as_encoded_bytes().starts_with(b".") => {}
                Ok((name, file_type)) => entries.push((name_prefix(&name), name, file_type)),
                Err(e) => {
                    error.get_or_insert_with(|| io_reason(&e));
                }
            }
        }
        // Reverse name order, so that the next entry is popped off the end. Byte order, the
        // same whatever the locale and whatever the file system's order. The names' first
        // eight bytes, as numbers, decide nearly every comparison without a call to `memcmp`
        // (in a folder of 21,570 stories the sort was a sixth of the time before the first
        // story could start).
        entries.sort_unstable_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.as_encoded_bytes().cmp(a.1.as_encoded_bytes()))
        });
        let folder = if entries.len() >= SHARED_FOLDER_ENTRIES {
            Folder::open(&path).map(Arc::new)
        } else {
            None
        };
        self.open.push(OpenDir {
            path,
            id,
            entries,
            error,
            folder,
        });
        None
    }
}

/// The first eight bytes of `name` (zero-padded), big-endian: two names whose numbers differ
/// are in the same order as the names.
fn name_prefix(name: &std::ffi::OsStr) -> u64 {
    let mut bytes = [0u8; 8];
    let name = name.as_encoded_bytes();
    let n = name.len().min(8);
    bytes[..n].copy_from_slice(&name[..n]);
    u64::from_be_bytes(bytes)
}

/// `dir/name` for a name read from `dir`: the same path as `dir.join(name)`, whose general
/// checks (an absolute `name`, prefixes) cost more than the rest of handing out a job.
fn child(dir: &std::path::Path, name: &std::ffi::OsStr) -> PathBuf {
    if !cfg!(unix) {
        return dir.join(name);
    }
    let dir = dir.as_os_str();
    let mut path = OsString::with_capacity(dir.len() + 1 + name.len());
    path.push(dir);
    if !dir.as_encoded_bytes().ends_with(b"/") {
        path.push("/");
    }
    path.push(name);
    PathBuf::from(path)
}

/// The identities of the directories that hold `root`, up to `/` (those that can be read).
fn directories_above(root: &std::path::Path) -> Vec<DirId> {
    let Ok(canonical) = fs::canonicalize(root) else {
        return Vec::new();
    };
    canonical
        .ancestors()
        .skip(1)
        .filter_map(|dir| Some(DirId::of(dir, &fs::metadata(dir).ok()?)))
        .collect()
}

fn failed(path: &std::path::Path, reason: String) -> Job {
    Job::Failed(Some(path.display().to_string()), reason)
}

fn not_regular(path: &std::path::Path) -> Job {
    failed(
        path,
        "not a regular file (a FIFO, socket or device)".to_string(),
    )
}

/// What tells two directories apart: the device and inode numbers where there are some.
#[derive(Debug, PartialEq, Eq)]
struct DirId {
    #[cfg(unix)]
    dev_ino: (u64, u64),
    #[cfg(not(unix))]
    canonical: Option<PathBuf>,
}

impl DirId {
    #[cfg(unix)]
    fn of(_path: &std::path::Path, meta: &Metadata) -> DirId {
        use std::os::unix::fs::MetadataExt;
        DirId {
            dev_ino: (meta.dev(), meta.ino()),
        }
    }

    #[cfg(not(unix))]
    fn of(path: &std::path::Path, _meta: &Metadata) -> DirId {
        DirId {
            canonical: fs::canonicalize(path).ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(root: &std::path::Path) -> Vec<String> {
        walk(root.to_path_buf())
            .map(|job| match job {
                Job::File { path, .. } => path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string(),
                Job::Failed(path, reason) => format!("{} ! {reason}", path.unwrap_or_default()),
                other => panic!("unexpected job {other:?}"),
            })
            .collect()
    }

    #[test]
    fn depth_first_in_name_order_without_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.txt",
            "a/z.txt",
            "a/c/d.txt",
            "a0.txt",
            "A.txt",
            ".h/x.txt",
            "a/.y",
        ] {
            let path = root.join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "story").unwrap();
        }
        assert_eq!(
            walked(root),
            ["A.txt", "a/c/d.txt", "a/z.txt", "a0.txt", "b.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_loops_and_dangling_links_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("real")).unwrap();
        fs::write(root.join("real/s.txt"), "story").unwrap();
        std::os::unix::fs::symlink(root.join("real"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root, root.join("real/up")).unwrap();
        std::os::unix::fs::symlink(root.join("gone"), root.join("z-dangling")).unwrap();
        let got = walked(root);
        let root_text = root.display().to_string();
        assert_eq!(
            got,
            [
                "linked/s.txt".to_string(),
                format!("{root_text}/linked/up ! symbolic link loop"),
                "real/s.txt".to_string(),
                format!("{root_text}/real/up ! symbolic link loop"),
                format!("{root_text}/z-dangling ! no such file or directory"),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_directory_above_the_root_is_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("inner");
        fs::create_dir(&root).unwrap();
        fs::write(dir.path().join("outside.txt"), "story").unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
        let got = walked(&root);
        assert_eq!(got, [format!("{}/up ! symbolic link loop", root.display())]);
    }

    #[test]
    fn names_sort_as_their_bytes() {
        let mut names: Vec<&str> = vec![
            "b",
            "a",
            "ab",
            "a\u{0}",
            "abcdefgh",
            "abcdefgha",
            "abcdefg",
            "abcdefgh0",
            "Z",
            "é",
            "00010.txt",
            "00009.txt",
            "0001.txt",
            "",
        ];
        let mut by_prefix = names.clone();
        by_prefix.sort_by(|a, b| {
            let (a, b) = (std::ffi::OsStr::new(a), std::ffi::OsStr::new(b));
            name_prefix(a)
                .cmp(&name_prefix(b))
                .then_with(|| a.as_encoded_bytes().cmp(b.as_encoded_bytes()))
        });
        names.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        assert_eq!(by_prefix, names);
    }

    #[test]
    fn a_child_path_is_the_joined_path() {
        for (dir, name) in [
            ("a", "b.txt"),
            ("a/", "b.txt"),
            ("/", "x"),
            (".", "y"),
            ("a//", "z"),
        ] {
            let dir = std::path::Path::new(dir);
            let name = std::ffi::OsStr::new(name);
            assert_eq!(child(dir, name), dir.join(name));
            assert_eq!(child(dir, name).as_os_str(), dir.join(name).as_os_str());
        }
    }

    #[test]
    fn a_root_that_is_a_file_or_missing_is_one_job() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("one.txt");
        fs::write(&file, "story").unwrap();
        assert!(
            matches!(&walk(file.clone()).collect::<Vec<_>>()[..], [Job::File { path, regular: true, .. }] if *path == file)
        );
        let missing = dir.path().join("missing");
        assert!(matches!(
            &walk(missing).collect::<Vec<_>>()[..],
            [Job::Failed(Some(_), reason)] if reason == "no such file or directory"
        ));
    }
}
