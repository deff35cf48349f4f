//! The story files of `parse_files`: files as given, folders walked as the command line
//! walks them (depth first, each folder's entries in byte order of their names, symbolic
//! links followed, hidden entries skipped, loops and special files reported), and the reading
//! of one file.

use crate::story::{error_record, Job};
use statements::{Options, Record};
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
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

/// A folder held open, so that its files are opened by name in it (`openat`): the kernel
/// then looks up one name instead of every component of the path (and every symbolic link
/// on the way), as the command line does.
pub struct Folder {
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

impl Folder {
    fn open(path: &Path) -> Option<Folder> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).ok()?;
            Some(Folder { fd })
        }
        #[cfg(not(unix))]
        {
            let _ = path;
            None
        }
    }
}

/// Opens `path` for reading, by its name in `folder` when there is one.
fn open_in(folder: Option<&Folder>, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    if let (Some(folder), Some(name)) = (folder, path.file_name()) {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::CLOEXEC;
        let fd = rustix::fs::openat(&folder.fd, name, flags, Mode::empty())?;
        return Ok(File::from(fd));
    }
    let _ = folder;
    File::open(path)
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

/// Room for a whole wire story (most are 1 to 10 KB), so that one `read` takes it in.
const READ_CAPACITY: usize = 32 * 1024;

/// The record of the story file at `path` (without its path), or why it has none.
///
/// As the command line reads a story: at most `max_bytes + 1` bytes, so that a huge file is
/// refused without being read whole; into a buffer each thread keeps (zeroed once, not per
/// story); and a `regular` file's read that returns less than the room it was given has
/// reached its end, which saves the read that would return nothing.
pub fn analyse_file(
    path: &Path,
    regular: bool,
    folder: Option<&Folder>,
    options: &Options,
) -> Result<Vec<Record>, String> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    // As the command line does: a story whose text gives no date takes its path's.
    let options = &Options {
        dates_from_paths: true,
        ..options.clone()
    }
    .for_path(&path.to_string_lossy());
    let limit = options.max_bytes.saturating_add(1);
    let mut file = open_in(folder, path).map_err(|e| io_reason(&e))?;
    BUFFER.with_borrow_mut(|buffer| {
        let room = READ_CAPACITY.min(limit);
        if buffer.len() < room {
            buffer.resize(room, 0);
        }
        let first = read_some(&mut file, &mut buffer[..room]).map_err(|e| io_reason(&e))?;
        if regular && first < room {
            return analyse_bytes(&buffer[..first], options);
        }
        let mut bytes = buffer[..first].to_vec();
        file.take((limit - first) as u64)
            .read_to_end(&mut bytes)
            .map_err(|e| io_reason(&e))?;
        analyse_bytes(&bytes, options)
    })
}

fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Vec<Record>, String> {
    statements::analyse_document(bytes, options).map_err(|e| e.to_string())
}

/// One `read`, retried when a signal interrupts it.
fn read_some(file: &mut File, buffer: &mut [u8]) -> io::Result<usize> {
    loop {
        match file.read(buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            read => return read,
        }
    }
}

/// A short, lower-case reason for an I/O error, as the command line gives it.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
