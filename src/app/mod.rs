//! The explorer's state and behaviour, with no drawing and no terminal.
//!
//! [`App`] holds the store, the current view (a list of filing ids), each pane's
//! cursor, the open overlay or prompt, the active filter and search, the load progress
//! and the status message. [`App::update`] applies an [`Action`]; load batches and job
//! results come in through [`App::on_load`] and [`App::on_job_done`]. I/O the user asks
//! for (export) leaves as a [`Job`] for the terminal to run.

mod action;
pub mod content;
pub mod format;
pub mod help;
mod jobs;
pub mod keymap;
pub mod layout;
mod pane;
pub mod prompt;
pub mod scroll;
pub mod strings;
mod update;
pub mod wrap;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::layout::Rect;

pub use action::Action;
pub use jobs::{Job, JobResult};
pub use pane::Pane;

use crate::load::LoadEvent;
use crate::model::{Filing, FootnoteId};
use crate::parse::diag::{tally, total, LoadIssue, Severity};
use crate::store::filter::Query;
use crate::store::idset::IdSet;
use crate::store::search::{search, SearchHits};
use crate::store::sort::SortKey;
use crate::store::{view, FilingId, Store};
use content::Popup;
use layout::Areas;
use prompt::Prompt;
use scroll::Cursor;

/// An overlay drawn over the main screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list.
    Help {
        /// First visible line.
        offset: usize,
    },
    /// The full text of footnotes, remarks or an owner.
    Popup {
        /// What it shows.
        popup: Popup,
        /// First visible line.
        offset: usize,
    },
    /// The load issues.
    Issues,
    /// The selected filing laid out as the printed form.
    Form {
        /// First visible line.
        offset: usize,
    },
}

/// A message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// True for mistakes and failures.
    pub is_error: bool,
}

/// How far the load has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Files to read, once the folders were walked.
    pub files: Option<usize>,
    /// Files read so far.
    pub done: usize,
    /// True while the loader runs or read filings wait to join the store.
    pub is_loading: bool,
    /// Filings read and waiting to join the store.
    pub waiting: usize,
}

/// Every cursor of the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursors {
    /// Filings list (index into the view).
    pub filings: Cursor,
    /// Owners of the selected filing.
    pub owners: Cursor,
    /// Rows of the selected filing, in display order; the offset counts lines.
    pub rows: Cursor,
    /// Footnotes in pane order; the offset counts entries.
    pub footnotes: Cursor,
    /// Detail pane scroll (the offset counts lines; `selected` follows it).
    pub detail: Cursor,
    /// Load issues overlay.
    pub issues: Cursor,
}

/// How often the view is rebuilt while batches stream in, at most.
const LOAD_REFRESH: Duration = Duration::from_millis(150);

/// While loading, the view waits at least this many times as long as its last rebuild
/// took, so rebuilding a large store's list takes a small share of the load's time.
const REFRESH_SHARE: u32 = 20;

/// Filings added to the store at a time: a data-set quarter (60,000 filings) goes in
/// slice by slice, so keys are answered within a few tens of milliseconds meanwhile.
pub const LOAD_SLICE: usize = 8192;

/// The explorer's state.
#[derive(Debug)]
pub struct App {
    store: Store,
    view: Vec<FilingId>,
    filter: Query,
    filter_set: Option<IdSet>,
    is_filter_stale: bool,
    search: Option<SearchHits>,
    search_before_prompt: Option<Option<SearchHits>>,
    sort: SortKey,
    is_sort_reversed: bool,
    focus: Pane,
    cursors: Cursors,
    overlay: Option<Overlay>,
    prompt: Option<Prompt>,
    status: Option<Status>,
    load: LoadProgress,
    /// Filings read but not yet in the store (see [`LOAD_SLICE`]).
    pending: VecDeque<Filing>,
    /// True once the loader has sent its last batch.
    is_reader_done: bool,
    issues: Vec<LoadIssue>,
    size: Rect,
    shown_filing: Option<FilingId>,
    /// The last filing decoded from the store, kept because drawing one frame asks for
    /// the selected filing several times.
    decoded: Mutex<Option<(FilingId, Arc<Filing>)>>,
    shown_row: Option<usize>,
    shown_top: bool,
    is_view_stale: bool,
    /// When the view was last rebuilt while loading, and how long that took.
    last_refresh: Option<(Instant, Duration)>,
    jobs: Vec<Job>,
    should_quit: bool,
    is_dirty: bool,
}

impl App {
    /// An app over a loaded store, with an initial filter (from the command line).
    pub fn new(store: Store, filter: Query) -> App {
        let mut app = App {
            store,
            view: Vec::new(),
            filter,
            filter_set: None,
            is_filter_stale: true,
            search: None,
            search_before_prompt: None,
            sort: SortKey::default(),
            is_sort_reversed: false,
            focus: Pane::Filings,
            cursors: Cursors::default(),
            overlay: None,
            prompt: None,
            status: None,
            load: LoadProgress::default(),
            pending: VecDeque::new(),
            is_reader_done: false,
            issues: Vec::new(),
            size: Rect::default(),
            shown_filing: None,
            decoded: Mutex::new(None),
            shown_row: None,
            shown_top: false,
            is_view_stale: true,
            last_refresh: None,
            jobs: Vec::new(),
            should_quit: false,
            is_dirty: true,
        };
        app.refresh();
        app
    }

    /// An empty app waiting for a background load.
    pub fn loading(filter: Query) -> App {
        let mut app = App::new(Store::new(), filter);
        app.load.is_loading = true;
        app
    }

    // ----- reading the state (the ui draws from these) -----

    /// The loaded filings, taken out of the app (for measuring what a load left).
    pub fn into_store(self) -> Store {
        self.store
    }

    /// The loaded filings.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The ids shown in the filings list, in order.
    pub fn view(&self) -> &[FilingId] {
        &self.view
    }

    /// The active filter.
    pub fn filter(&self) -> &Query {
        &self.filter
    }

    /// The active search, if any.
    pub fn search(&self) -> Option<&SearchHits> {
        self.search.as_ref()
    }

    /// The sort key and whether it is reversed.
    pub fn sort(&self) -> (SortKey, bool) {
        (self.sort, self.is_sort_reversed)
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// Every cursor.
    pub fn cursors(&self) -> &Cursors {
        &self.cursors
    }

    /// The open overlay.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The open prompt.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The status message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Load progress.
    pub fn load_progress(&self) -> LoadProgress {
        LoadProgress {
            waiting: self.pending.len(),
            ..self.load
        }
    }

    /// Issues met while loading.
    pub fn issues(&self) -> &[LoadIssue] {
        &self.issues
    }

    /// Number of load errors (files that could not be read).
    pub fn error_count(&self) -> usize {
        tally(&self.issues, Severity::Error)
    }

    /// Number of load issues, those a list only counts included.
    pub fn issue_count(&self) -> usize {
        total(&self.issues)
    }

    /// The screen size the layout was computed for.
    pub fn size(&self) -> Rect {
        self.size
    }

    /// The screen cut into panes.
    pub fn areas(&self) -> Areas {
        Areas::compute(self.size, self.focus)
    }

    /// True once the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Whether anything changed since the last call (the screen needs drawing).
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.is_dirty)
    }

    /// The jobs queued since the last call.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// The id of the selected filing.
    pub fn selected_id(&self) -> Option<FilingId> {
        self.view.get(self.cursors.filings.selected).copied()
    }

    /// The selected filing, decoded from the store (and kept until another is selected).
    pub fn selected_filing(&self) -> Option<Arc<Filing>> {
        let id = self.selected_id()?;
        self.filing(id)
    }

    /// The filing with `id`, decoded from the store.
    pub fn filing(&self, id: FilingId) -> Option<Arc<Filing>> {
        let mut cache = self.decoded.lock().ok();
        if let Some(Some((cached, f))) = cache.as_deref() {
            if *cached == id {
                return Some(Arc::clone(f));
            }
        }
        let f = Arc::new(self.store.get(id)?);
        if let Some(cache) = cache.as_deref_mut() {
            *cache = Some((id, Arc::clone(&f)));
        }
        Some(f)
    }

    /// The selected filing laid out as the printed form, at `width` columns.
    pub fn form_lines(&self, width: usize) -> Vec<String> {
        self.selected_filing()
            .map(|f| crate::form::render_lines(&f, width))
            .unwrap_or_default()
    }

    /// Index in `filing.rows` of the selected transaction row.
    pub fn selected_row(&self) -> Option<usize> {
        let f = self.selected_filing()?;
        content::tx_rows(&f)
            .get(self.cursors.rows.selected)
            .copied()
    }

    /// Footnote ids the selected row cites (they come first in the footnotes pane).
    pub fn cited_footnotes(&self) -> Vec<FootnoteId> {
        match (self.selected_filing(), self.selected_row()) {
            (Some(f), Some(r)) => f
                .rows
                .get(r)
                .map(|r| r.footnote_ids().into_iter().cloned().collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    // ----- events from outside -----

    /// Applies a load event: new filings join the store and the list fills in. A large
    /// batch goes in [`LOAD_SLICE`] filings now and the rest through
    /// [`App::absorb_pending`], a slice per turn of the event loop. Returns how many
    /// read filings were taken into the store.
    pub fn on_load(&mut self, event: LoadEvent) -> usize {
        let mut taken = 0;
        match event {
            LoadEvent::Found { files, .. } => {
                self.load.files = Some(files);
                self.load.is_loading = true;
            }
            LoadEvent::Loaded {
                filings,
                issues,
                files_done,
            } => {
                self.load.done = files_done;
                self.issues.extend(issues);
                self.pending.extend(filings);
                taken = self.absorb_pending();
            }
        }
        self.is_dirty = true;
        taken
    }

    /// Adds up to [`LOAD_SLICE`] waiting filings to the store; returns how many.
    pub fn absorb_pending(&mut self) -> usize {
        let n = self.pending.len().min(LOAD_SLICE);
        if n == 0 {
            return 0;
        }
        let slice: Vec<Filing> = self.pending.drain(..n).collect();
        self.store.extend(slice);
        self.is_filter_stale = true;
        self.is_view_stale = true;
        if self.view.is_empty() {
            self.refresh_loaded();
        }
        if self.is_reader_done && self.pending.is_empty() {
            self.finish_load();
        }
        self.is_dirty = true;
        n
    }

    /// How long the event loop may wait for the next message: not at all while read
    /// filings wait to join the store, briefly while the view waits for a rebuild.
    pub fn idle_wait(&self) -> Duration {
        if self.has_pending() {
            Duration::ZERO
        } else if self.is_refresh_pending() {
            Duration::from_millis(50)
        } else {
            Duration::from_secs(1)
        }
    }

    /// Whether read filings wait to join the store.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The loader finished: once every filing it read is in the store, the view is
    /// brought up to date.
    pub fn on_load_finished(&mut self) {
        self.is_reader_done = true;
        if self.pending.is_empty() {
            self.finish_load();
        }
        self.is_dirty = true;
    }

    fn finish_load(&mut self) {
        self.load.is_loading = false;
        self.refresh_loaded();
    }

    /// A job finished.
    pub fn on_job_done(&mut self, result: JobResult) {
        self.status = Some(match result {
            JobResult::Exported { path, filings } => Status {
                text: strings::exported(filings, &path),
                is_error: false,
            },
            JobResult::Failed(why) => Status {
                text: why,
                is_error: true,
            },
        });
        self.is_dirty = true;
    }

    /// Rebuilds a stale view while loading, at most every 150 ms (less often once a
    /// rebuild takes more than a twentieth of that).
    pub fn tick(&mut self, now: Instant) {
        let is_due = match self.last_refresh {
            None => true,
            Some((t, took)) => {
                now.saturating_duration_since(t) >= LOAD_REFRESH.max(took * REFRESH_SHARE)
            }
        };
        if self.is_view_stale && (!self.load.is_loading || is_due) {
            let started = Instant::now();
            self.refresh_loaded();
            self.last_refresh = Some((now, started.elapsed()));
        }
    }

    /// Whether the view waits for a rebuild (the event loop then ticks).
    pub fn is_refresh_pending(&self) -> bool {
        self.is_view_stale
    }

    // ----- view maintenance -----

    /// Rebuilds the view after new filings arrived. A selection still on the first line
    /// stays on the first line (newer filings come in above it); one the user moved
    /// stays on its filing.
    fn refresh_loaded(&mut self) {
        if self.cursors.filings.selected == 0 {
            self.cursors.filings.offset = 0;
            self.shown_top = true;
        }
        self.refresh();
        self.shown_top = false;
    }

    /// Re-evaluates the filter and search if stale and rebuilds the view, keeping the
    /// selected filing selected when it is still shown (else the top).
    pub fn refresh(&mut self) {
        if self.is_filter_stale {
            self.filter_set = self.filter.evaluate(&self.store);
            self.is_filter_stale = false;
        }
        let rerun = self
            .search
            .as_ref()
            .filter(|h| h.universe() != self.store.len())
            .map(|h| h.query().to_string());
        if let Some(query) = rerun {
            self.search = Some(search(&self.store, &query, None));
        }
        let keep = if self.shown_top {
            None
        } else {
            self.selected_id()
        };
        let (order, positions) = self.store.order_with_positions(self.sort);
        let filter = self.filter_set.as_ref();
        let hits = self.search.as_ref();
        self.view = view::build(order, positions, self.is_sort_reversed, filter, hits);
        let position = keep.and_then(|id| self.view.iter().position(|&v| v == id));
        self.cursors
            .filings
            .select(position.unwrap_or(0), self.view.len());
        self.is_view_stale = false;
        self.settle();
        self.is_dirty = true;
    }

    /// Makes every cursor consistent with the data and scrolls each pane so its
    /// selection shows. Resets the lower panes when the selected filing changed.
    fn settle(&mut self) {
        let areas = self.areas();
        let f = &mut self.cursors.filings;
        f.select(f.selected, self.view.len());
        let visible = layout::inner(areas.filings).height.saturating_sub(1) as usize;
        f.offset = scroll::scroll_top(
            f.selected,
            f.offset,
            visible,
            self.view.len(),
            scroll::MARGIN,
        );
        let id = self.selected_id();
        if id != self.shown_filing {
            self.shown_filing = id;
            self.cursors.owners.reset();
            self.cursors.rows.reset();
            self.cursors.footnotes.reset();
            self.cursors.detail.reset();
        }
        let Some(filing) = id.and_then(|id| self.filing(id)) else {
            return;
        };
        let filing = &*filing;
        let c = &mut self.cursors;
        // Owners.
        let n = filing.owners.len();
        c.owners.select(c.owners.selected, n);
        let visible = layout::inner(areas.owners).height.saturating_sub(1) as usize;
        c.owners.offset = scroll::scroll_top(c.owners.selected, c.owners.offset, visible, n, 0);
        // Transactions: scroll by lines so headings show.
        let rows = content::tx_rows(filing);
        c.rows.select(c.rows.selected, rows.len());
        let lines = content::tx_lines(filing);
        let selected_line = rows
            .get(c.rows.selected)
            .and_then(|r| lines.iter().position(|l| *l == content::TxLine::Row(*r)))
            .unwrap_or(0);
        let visible = layout::inner(areas.transactions).height as usize;
        c.rows.offset = scroll::scroll_top(
            selected_line,
            c.rows.offset,
            visible,
            lines.len(),
            scroll::MARGIN,
        );
        // Footnotes: the row's own come first, so a new row starts the pane at the top.
        let row = rows.get(c.rows.selected).copied();
        if row != self.shown_row {
            self.shown_row = row;
            c.footnotes.reset();
        }
        // Footnotes: scroll by entries of varying height.
        let cited = match rows.get(c.rows.selected).and_then(|r| filing.rows.get(*r)) {
            Some(row) => row.footnote_ids().into_iter().cloned().collect(),
            None => Vec::new(),
        };
        let entries = content::footnote_order(filing, &cited);
        c.footnotes.select(c.footnotes.selected, entries.len());
        let inner = layout::inner(areas.footnotes);
        let width = inner.width as usize;
        let heights: Vec<usize> = entries
            .iter()
            .map(|e| content::footnote_height(e, width))
            .collect();
        c.footnotes.offset = entry_offset(
            c.footnotes.selected,
            c.footnotes.offset,
            &heights,
            inner.height as usize,
        );
        // Detail: a plain scroll.
        let inner = layout::inner(areas.detail);
        let total = content::detail_lines(filing, inner.width as usize).len();
        let max = total.saturating_sub(inner.height as usize);
        c.detail.offset = c.detail.offset.min(max);
        c.detail.selected = c.detail.offset;
    }
}

/// The first visible entry so that entry `selected` shows whole (when it fits) in a
/// window of `visible` lines, given each entry's height.
pub fn entry_offset(selected: usize, offset: usize, heights: &[usize], visible: usize) -> usize {
    if heights.is_empty() || visible == 0 {
        return 0;
    }
    let selected = selected.min(heights.len() - 1);
    let mut offset = offset.min(selected);
    loop {
        let used: usize = heights.get(offset..=selected).map_or(0, |h| h.iter().sum());
        if used <= visible || offset == selected {
            return offset;
        }
        offset += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::entry_offset;

    #[test]
    fn entry_offset_shows_the_selected_entry_whole() {
        let heights = [3, 1, 4, 2];
        assert_eq!(entry_offset(0, 0, &heights, 5), 0);
        assert_eq!(entry_offset(2, 0, &heights, 5), 1);
        assert_eq!(entry_offset(3, 0, &heights, 5), 3);
        assert_eq!(entry_offset(1, 3, &heights, 5), 1);
        assert_eq!(
            entry_offset(2, 0, &heights, 2),
            2,
            "a tall entry still starts on screen"
        );
        assert_eq!(entry_offset(9, 0, &[], 5), 0);
        assert_eq!(entry_offset(1, 0, &heights, 0), 0);
    }
}
