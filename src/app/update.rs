//! The update step: one [`Action`] applied to the [`App`].

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::content::{self, Popup, TxLine};
use super::keymap::Mode;
use super::layout::{inner, overlay_area};
use super::prompt::{Prompt, PromptKind};
use super::{format, help, strings, Action, App, Job, Overlay, Pane, Status};
use crate::store::filter::Query;
use crate::store::search::search;

/// Lines the mouse wheel moves per notch.
const WHEEL: isize = 3;

/// Widest an overlay gets.
pub(super) const OVERLAY_WIDTH: u16 = 110;

impl App {
    /// Which keys are live: a prompt, an overlay or the main screen.
    pub fn mode(&self) -> Mode {
        if self.prompt.is_some() {
            Mode::Prompt
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else {
            Mode::Normal
        }
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Scroll { .. }) {
            self.status = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Action::MoveDown => self.step(1),
            Action::MoveUp => self.step(-1),
            Action::PageDown => self.step(self.page()),
            Action::PageUp => self.step(-self.page()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::NextPane => self.focus = self.focus.next(),
            Action::PrevPane => self.focus = self.focus.prev(),
            Action::FocusPane(p) => self.focus = p,
            Action::OpenFootnotes => self.open_popup(),
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help { .. }) => None,
                    _ => Some(Overlay::Help { offset: 0 }),
                }
            }
            Action::ToggleIssues => {
                self.overlay = match self.overlay {
                    Some(Overlay::Issues) => None,
                    _ => Some(Overlay::Issues),
                }
            }
            Action::ToggleForm => {
                self.overlay = match self.overlay {
                    Some(Overlay::Form { .. }) => None,
                    _ if self.selected_id().is_none() => {
                        self.complain(strings::NO_FILING.to_string());
                        None
                    }
                    _ => Some(Overlay::Form { offset: 0 }),
                }
            }
            Action::CloseOverlay => self.overlay = None,
            Action::StartSearch => {
                let current = self
                    .search
                    .as_ref()
                    .map(|h| h.query().to_string())
                    .unwrap_or_default();
                self.search_before_prompt = Some(self.search.clone());
                self.prompt = Some(Prompt::new(PromptKind::Search, &current));
            }
            Action::StartFilter => {
                let mut text = self.filter.to_string();
                if !text.is_empty() {
                    text.push(' ');
                }
                self.prompt = Some(Prompt::new(PromptKind::Filter, &text));
            }
            Action::StartExport => {
                self.prompt = Some(Prompt::new(PromptKind::Export, strings::EXPORT_DEFAULT));
            }
            Action::PopFilter => match self.filter.pop() {
                Some(clause) => {
                    self.say(strings::filter_removed(&clause.to_string()));
                    self.is_filter_stale = true;
                    self.refresh();
                }
                None => self.say(strings::NO_FILTER.to_string()),
            },
            Action::ClearFilters => {
                self.filter.clear();
                self.search = None;
                self.is_filter_stale = true;
                self.refresh();
                self.say(strings::FILTERS_CLEARED.to_string());
            }
            Action::ClearSearch => {
                if self.search.take().is_some() {
                    self.refresh();
                }
            }
            Action::FilterIssuer => self.filter_selected(true),
            Action::FilterOwner => self.filter_selected(false),
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.is_sort_reversed = false;
                self.refresh();
            }
            Action::ReverseSort => {
                self.is_sort_reversed = !self.is_sort_reversed;
                self.refresh();
            }
            Action::PromptInsert(c) => self.edit(|p| p.insert(c)),
            Action::PromptBackspace => self.edit(Prompt::backspace),
            Action::PromptDelete => self.edit(Prompt::delete),
            Action::PromptLeft => self.edit(Prompt::left),
            Action::PromptRight => self.edit(Prompt::right),
            Action::PromptHome => self.edit(Prompt::home),
            Action::PromptEnd => self.edit(Prompt::end),
            Action::PromptClear => self.edit(Prompt::clear),
            Action::PromptSubmit => self.submit(),
            Action::PromptCancel => {
                if let Some(p) = self.prompt.take() {
                    if p.kind == PromptKind::Search {
                        if let Some(before) = self.search_before_prompt.take() {
                            self.search = before;
                            self.refresh();
                        }
                    }
                }
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll {
                column,
                row,
                is_down,
            } => {
                let delta = if is_down { WHEEL } else { -WHEEL };
                if self.overlay.is_some() {
                    self.step(delta);
                } else if let Some(p) = self.areas().pane_at(column, row) {
                    self.step_pane(p, delta);
                }
            }
        }
        self.settle();
        self.is_dirty = true;
    }

    fn say(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: false,
        });
    }

    fn complain(&mut self, text: String) {
        self.status = Some(Status {
            text,
            is_error: true,
        });
    }

    /// Lines in a page of the focused pane or overlay.
    fn page(&self) -> isize {
        let h = match &self.overlay {
            Some(_) => inner(overlay_area(self.size, OVERLAY_WIDTH)).height,
            None => inner(self.areas().of(self.focus)).height.saturating_sub(1),
        };
        isize::try_from(h.max(1)).unwrap_or(1)
    }

    fn step(&mut self, delta: isize) {
        match self.overlay.clone() {
            Some(Overlay::Issues) => self.cursors.issues.step(delta, self.issues.len()),
            Some(Overlay::Help { offset }) => {
                let total = help::lines().len();
                self.overlay = Some(Overlay::Help {
                    offset: self.scrolled(offset, delta, total),
                });
            }
            Some(Overlay::Form { offset }) => {
                let area = inner(overlay_area(self.size, crate::app::layout::FORM_WIDTH));
                let total = self.form_lines(area.width as usize).len();
                let visible = area.height as usize;
                let offset = offset
                    .saturating_add_signed(delta)
                    .min(total.saturating_sub(visible));
                self.overlay = Some(Overlay::Form { offset });
            }
            Some(Overlay::Popup { popup, offset }) => {
                let width = inner(overlay_area(self.size, OVERLAY_WIDTH)).width as usize;
                let total = content::popup_lines(&popup, width).len();
                let offset = self.scrolled(offset, delta, total);
                self.overlay = Some(Overlay::Popup { popup, offset });
            }
            None => self.step_pane(self.focus, delta),
        }
    }

    /// `offset` moved by `delta` within a text of `total` lines shown in the overlay.
    fn scrolled(&self, offset: usize, delta: isize, total: usize) -> usize {
        let visible = inner(overlay_area(self.size, OVERLAY_WIDTH)).height as usize;
        offset
            .saturating_add_signed(delta)
            .min(total.saturating_sub(visible))
    }

    fn step_pane(&mut self, pane: Pane, delta: isize) {
        let Some(filing) = self.selected_filing() else {
            if pane == Pane::Filings {
                self.cursors.filings.step(delta, self.view.len());
            }
            return;
        };
        let filing = &*filing;
        match pane {
            Pane::Filings => self.cursors.filings.step(delta, self.view.len()),
            Pane::Owners => {
                let n = filing.owners.len();
                self.cursors.owners.step(delta, n);
            }
            Pane::Transactions => {
                let n = content::tx_rows(filing).len();
                self.cursors.rows.step(delta, n);
            }
            Pane::Footnotes => {
                let cited = self.cited_footnotes();
                let n = content::footnote_order(filing, &cited).len();
                self.cursors.footnotes.step(delta, n);
            }
            Pane::Detail => {
                let d = &mut self.cursors.detail;
                d.offset = d.offset.saturating_add_signed(delta);
            }
        }
    }

    fn edit(&mut self, f: impl FnOnce(&mut Prompt)) {
        let Some(p) = self.prompt.as_mut() else {
            return;
        };
        let before = p.text().to_string();
        f(p);
        if p.kind == PromptKind::Search && p.text() != before {
            let query = p.text().to_string();
            self.run_search(&query);
        }
    }

    fn run_search(&mut self, query: &str) {
        if query.trim().is_empty() {
            self.search = None;
        } else {
            let hits = search(&self.store, query, self.search.as_ref());
            self.search = Some(hits);
        }
        self.refresh();
    }

    fn submit(&mut self) {
        let Some(p) = self.prompt.take() else { return };
        match p.kind {
            PromptKind::Search => {
                self.search_before_prompt = None;
            }
            PromptKind::Filter => match Query::parse(p.text()) {
                Ok(q) => {
                    self.filter = q;
                    self.is_filter_stale = true;
                    self.refresh();
                    self.say(strings::filter_applied(self.view.len()));
                }
                Err(e) => {
                    self.complain(e.to_string());
                    self.prompt = Some(p);
                }
            },
            PromptKind::Export => {
                let path = p.text().trim();
                if path.is_empty() {
                    self.complain(strings::EXPORT_NEEDS_PATH.to_string());
                    self.prompt = Some(p);
                    return;
                }
                let path = PathBuf::from(path);
                self.say(strings::exporting(self.view.len(), &path));
                self.jobs.push(Job::Export {
                    path,
                    ids: self.view.clone(),
                    filings: self.store.shared(),
                });
            }
        }
    }

    fn filter_selected(&mut self, by_issuer: bool) {
        let Some(filing) = self.selected_filing() else {
            self.complain(strings::NO_FILING.to_string());
            return;
        };
        let filing = &*filing;
        let pair = if by_issuer {
            let cik = filing
                .issuer
                .cik
                .as_deref()
                .map(|c| crate::store::index::normalize_cik(c).to_string());
            let name = filing
                .issuer
                .name
                .as_deref()
                .map(|n| crate::text::sanitize(n).into_owned());
            cik.or(name).map(|v| ("issuer", v))
        } else {
            let owner = self.cursors.owners.selected;
            filing
                .owners
                .get(owner)
                .or(filing.owners.first())
                .and_then(|o| o.name.as_deref())
                .map(|n| ("owner", crate::text::sanitize(n).into_owned()))
        };
        let Some((key, value)) = pair else {
            self.complain(strings::NO_FILING.to_string());
            return;
        };
        match Query::from_pairs([(key, value.as_str())]) {
            Ok(q) => {
                self.filter.extend(q);
                self.is_filter_stale = true;
                self.refresh();
                self.say(strings::filter_applied(self.view.len()));
            }
            Err(e) => self.complain(e.to_string()),
        }
    }

    fn open_popup(&mut self) {
        let Some(filing) = self.selected_filing() else {
            self.complain(strings::NO_FILING.to_string());
            return;
        };
        let filing = &*filing;
        let popup = match self.focus {
            Pane::Owners => owner_popup(filing, self.cursors.owners.selected),
            Pane::Detail => detail_popup(filing),
            Pane::Footnotes => {
                let cited = self.cited_footnotes();
                let entries = content::footnote_order(filing, &cited);
                let from = self.cursors.footnotes.selected;
                footnote_popup(
                    "Footnotes".to_string(),
                    entries
                        .iter()
                        .skip(from)
                        .chain(entries.iter().take(from))
                        .map(|e| (e.id, e.text, e.is_cited)),
                )
            }
            Pane::Filings | Pane::Transactions => {
                let cited = self.cited_footnotes();
                if cited.is_empty() {
                    footnote_popup(
                        "Footnotes of the filing".to_string(),
                        filing
                            .footnotes
                            .iter()
                            .map(|f| (&f.id, Some(&*f.text), false)),
                    )
                } else {
                    let entries = content::footnote_order(filing, &cited);
                    footnote_popup(
                        "Footnotes of the selected row".to_string(),
                        entries
                            .iter()
                            .filter(|e| e.is_cited)
                            .map(|e| (e.id, e.text, true)),
                    )
                }
            }
        };
        if popup.paragraphs.is_empty() {
            self.say(strings::NO_FOOTNOTES.to_string());
            return;
        }
        self.overlay = Some(Overlay::Popup { popup, offset: 0 });
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.overlay.is_some() {
            return;
        }
        let areas = self.areas();
        let Some(pane) = areas.pane_at(column, row) else {
            return;
        };
        self.focus = pane;
        let area = inner(areas.of(pane));
        if row < area.y {
            return;
        }
        let line = (row - area.y) as usize;
        match pane {
            Pane::Filings => {
                if let Some(i) = line.checked_sub(1) {
                    let c = &mut self.cursors.filings;
                    let target = c.offset + i;
                    if target < self.view.len() {
                        c.selected = target;
                    }
                }
            }
            Pane::Owners => {
                if let Some(i) = line.checked_sub(1) {
                    let n = self.selected_filing().map_or(0, |f| f.owners.len());
                    let target = self.cursors.owners.offset + i;
                    if target < n {
                        self.cursors.owners.selected = target;
                    }
                }
            }
            Pane::Transactions => {
                let Some(filing) = self.selected_filing() else {
                    return;
                };
                let filing = &*filing;
                let lines = content::tx_lines(filing);
                let rows = content::tx_rows(filing);
                if let Some(TxLine::Row(r)) = lines.get(self.cursors.rows.offset + line) {
                    if let Some(pos) = rows.iter().position(|x| x == r) {
                        self.cursors.rows.selected = pos;
                    }
                }
            }
            Pane::Footnotes => {
                let Some(filing) = self.selected_filing() else {
                    return;
                };
                let filing = &*filing;
                let cited = self.cited_footnotes();
                let entries = content::footnote_order(filing, &cited);
                let width = area.width as usize;
                let mut top = 0;
                for (i, e) in entries
                    .iter()
                    .enumerate()
                    .skip(self.cursors.footnotes.offset)
                {
                    let h = content::footnote_height(e, width);
                    if line < top + h {
                        self.cursors.footnotes.selected = i;
                        break;
                    }
                    top += h;
                }
            }
            Pane::Detail => {}
        }
    }
}

fn footnote_popup<'a>(
    title: String,
    entries: impl Iterator<Item = (&'a crate::model::FootnoteId, Option<&'a str>, bool)>,
) -> Popup {
    Popup {
        title,
        paragraphs: entries
            .map(|(id, text, marked)| {
                let text = text.map_or_else(
                    || format!("({id} is cited but not in the filing)"),
                    |t| crate::text::clip(t).into_owned(),
                );
                (format::marker(id), text, marked)
            })
            .collect(),
    }
}

fn owner_popup(filing: &crate::model::Filing, index: usize) -> Popup {
    let Some(o) = filing.owners.get(index) else {
        return Popup {
            title: String::new(),
            paragraphs: Vec::new(),
        };
    };
    let r = &o.relationship;
    let roles = crate::store::vocab::Role::ALL
        .into_iter()
        .filter(|x| x.held_in(r))
        .map(|x| x.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut paragraphs = vec![
        (
            "Name".to_string(),
            o.name.as_deref().unwrap_or("(not filed)").to_string(),
            false,
        ),
        (
            "CIK".to_string(),
            o.cik.as_deref().unwrap_or("(not filed)").to_string(),
            false,
        ),
        (
            "Roles".to_string(),
            if roles.is_empty() {
                "none filed".into()
            } else {
                roles
            },
            false,
        ),
    ];
    if let Some(t) = &r.officer_title {
        paragraphs.push(("Officer title".to_string(), t.to_string(), false));
    }
    if let Some(t) = &r.other_text {
        paragraphs.push(("Other".to_string(), t.to_string(), false));
    }
    let address = o.address.one_line();
    if !address.is_empty() {
        paragraphs.push(("Address".to_string(), address, false));
    }
    Popup {
        title: format!("Owner {} of {}", index + 1, filing.owners.len()),
        paragraphs,
    }
}

fn detail_popup(filing: &crate::model::Filing) -> Popup {
    Popup {
        title: "Filing detail".to_string(),
        paragraphs: content::detail_items(filing)
            .into_iter()
            .map(|i| (i.label.to_string(), i.value, i.is_notable))
            .collect(),
    }
}
