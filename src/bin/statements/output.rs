//! Where results go: standard output, or a file written atomically.

use std::fs;
use std::io::{self, BufWriter, IoSlice, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// An output sink.
pub enum Output {
    /// Standard output, buffered.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the target, renamed onto it by [`Output::finish`].
    File(BufWriter<tempfile::NamedTempFile>, PathBuf),
}

impl Output {
    /// Opens standard output, or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> Result<Output, String> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".statements-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("{}: cannot write there: {}", path.display(), e))?;
        Ok(Output::File(
            BufWriter::with_capacity(1 << 16, file),
            path.to_path_buf(),
        ))
    }

    /// True when the output is a terminal (so a single document is pretty-printed).
    pub fn is_terminal(&self) -> bool {
        matches!(self, Output::Stdout(_)) && io::stdout().is_terminal()
    }

    /// Writes `lines` (each with its line break) one after the other, by vectored writes:
    /// pieces of at least the buffer's size together go to the system without being copied.
    pub fn write_lines(&mut self, lines: &[Vec<u8>]) -> io::Result<()> {
        let mut slices: Vec<IoSlice<'_>> = lines
            .iter()
            .filter(|line| !line.is_empty())
            .map(|line| IoSlice::new(line))
            .collect();
        let mut slices = &mut slices[..];
        while !slices.is_empty() {
            match self.write_vectored(slices) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => IoSlice::advance_slices(&mut slices, n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Flushes and, for a file, renames the temporary file onto the target.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::File(w, path) => {
                let file = w.into_inner().map_err(|e| e.into_error())?;
                file.as_file().sync_all()?;
                file.persist(&path).map_err(|e| e.error)?;
                // The temporary file was created 0600; give the result the usual mode.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o644));
                }
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File(w, _) => w.write(buf),
        }
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write_vectored(bufs),
            Output::File(w, _) => w.write_vectored(bufs),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File(w, _) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File(w, _) => w.flush(),
        }
    }
}
