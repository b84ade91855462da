//! Work the app asks for but does not do itself: the update step queues a [`Job`], the
//! terminal runs it on a worker thread and hands the [`JobResult`] back.

use std::path::PathBuf;
use std::sync::Arc;

use crate::export::{ExportFormat, ExportTable};
use crate::store::archive::Archive;
use crate::store::FilingId;

/// A piece of I/O to run off the main thread.
#[derive(Debug)]
pub enum Job {
    /// Write the filings `ids` (in view order) as CSV transactions to `path`.
    Export {
        /// Destination file.
        path: PathBuf,
        /// The filings, in the order shown.
        ids: Vec<FilingId>,
        /// Every loaded filing.
        filings: Arc<Archive>,
    },
}

/// What a job came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobResult {
    /// The export was written.
    Exported {
        /// Destination file.
        path: PathBuf,
        /// Number of filings written.
        filings: usize,
    },
    /// The job failed; the text says why.
    Failed(String),
}

impl Job {
    /// Runs the job (blocking).
    pub fn run(self) -> JobResult {
        match self {
            Job::Export { path, ids, filings } => {
                let result = std::fs::File::create(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|file| {
                        let mut out = std::io::BufWriter::new(file);
                        let selected = ids.iter().filter_map(|&id| filings.get(id as usize));
                        crate::export::write(
                            selected,
                            ExportFormat::Csv,
                            ExportTable::Transactions,
                            &mut out,
                        )
                        .map_err(|e| e.to_string())?;
                        std::io::Write::flush(&mut out).map_err(|e| e.to_string())
                    });
                match result {
                    Ok(()) => JobResult::Exported {
                        path,
                        filings: ids.len(),
                    },
                    Err(e) => {
                        JobResult::Failed(format!("export to {} failed: {e}", path.display()))
                    }
                }
            }
        }
    }
}
