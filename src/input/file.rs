//! Reading a story file: at most a limit of bytes, into a buffer each thread keeps, opened by
//! name in a folder held open. The command line's batch and the Python package's
//! `parse_files` read files this one way.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Room for a whole wire story (most are 1 to 10 KB), so that one `read` takes it in.
const READ_CAPACITY: usize = 32 * 1024;

/// Calls `use_bytes` with the bytes of the file at `path`, at most `limit + 1` of them, so that
/// a huge file is refused without being read whole.
///
/// The file's size is not asked for first: the `stat` call would cost as much as a read in a
/// batch of small files. Instead a story is read into a buffer of [`READ_CAPACITY`] bytes kept
/// by each thread (no allocation per story), and when the file is `regular` a read that
/// returns less than the room it was given is its end: a regular file's read is short only
/// there, so the second read that would return nothing is saved (a system call per story).
/// Longer files, and files of other kinds (`/dev/stdin`, a pipe), are read to their end.
pub fn with_file_bytes<R>(
    path: &Path,
    folder: Option<&Folder>,
    regular: bool,
    limit: usize,
    use_bytes: impl FnOnce(&[u8]) -> R,
) -> io::Result<R> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let mut file = open_in(folder, path)?;
    BUFFER.with_borrow_mut(|buffer| {
        let room = READ_CAPACITY.min(limit.saturating_add(1));
        if buffer.len() < room {
            // Zeroed once per thread, then reused.
            buffer.resize(room, 0);
        }
        let first = read_some(&mut file, &mut buffer[..room])?;
        if regular && first < room {
            return Ok(use_bytes(&buffer[..first]));
        }
        let mut bytes = buffer[..first].to_vec();
        let rest = limit.saturating_add(1) - first;
        file.take(rest as u64).read_to_end(&mut bytes)?;
        Ok(use_bytes(&bytes))
    })
}

/// A folder held open by the walk, so that its files are opened by name relative to it
/// (`openat`): the kernel then looks up one name instead of every component of the path, a
/// lookup that took about 2% of a run over a folder of wire stories.
#[derive(Debug)]
pub struct Folder {
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
}

impl Folder {
    /// The folder at `path`, opened for looking up names; `None` when it cannot be (its files
    /// are then opened by path).
    pub fn open(path: &Path) -> Option<Folder> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            rustix::fs::open(path, flags, Mode::empty())
                .ok()
                .map(|fd| Folder { fd })
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
        let fd = rustix::fs::openat(
            &folder.fd,
            name,
            OFlags::RDONLY | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
        return Ok(File::from(fd));
    }
    let _ = folder;
    File::open(path)
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

/// A short, lower-case reason for an I/O error, without the `(os error N)` noise.
pub fn io_reason(e: &io::Error) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_up_to_one_byte_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let text: Vec<u8> = (0..100_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        // (file length, limit, bytes given)
        let cases = [
            (0, 1_000_000, 0),
            (10, 1_000_000, 10),
            (READ_CAPACITY - 1, 1_000_000, READ_CAPACITY - 1),
            (READ_CAPACITY, 1_000_000, READ_CAPACITY),
            (READ_CAPACITY + 1, 1_000_000, READ_CAPACITY + 1),
            (100_000, 1_000_000, 100_000),
            (100_000, 50_000, 50_001),
            (100, 99, 100),
            (100, 100, 100),
            (100, 10, 11),
        ];
        for (len, limit, expected) in cases {
            let path = dir.path().join(format!("{len}.txt"));
            std::fs::write(&path, &text[..len]).unwrap();
            for regular in [true, false] {
                let got = with_file_bytes(&path, None, regular, limit, <[u8]>::to_vec).unwrap();
                assert_eq!(
                    got,
                    &text[..expected],
                    "{len} bytes, limit {limit}, {regular}"
                );
            }
        }
    }
}
