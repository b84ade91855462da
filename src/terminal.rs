//! The terminal edge: raw mode and the alternate screen behind a guard, a panic hook
//! that restores the terminal before the panic message prints, the input and load
//! threads, and the event loop.
//!
//! The loop waits for the next message (a key, mouse or resize event, a load batch, a
//! job result) or a short tick while a view rebuild is pending, applies it and
//! everything else already waiting, then draws once, and not at all if nothing changed.

use std::io::{self, Stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use crate::app::{keymap, Action, App, JobResult};
use crate::load::{load_with, LoadEvent};
use crate::store::filter::Query;

/// What the explorer opens with.
#[derive(Debug, Clone, Default)]
pub struct ExploreOptions {
    /// Files and folders to load.
    pub paths: Vec<PathBuf>,
    /// The filter to start with.
    pub filter: Query,
}

/// True while the terminal is in raw mode on the alternate screen; whoever flips it
/// back restores the terminal, so the guard and the panic hook never both do.
static IS_ACTIVE: AtomicBool = AtomicBool::new(false);

/// Leaves raw mode and the alternate screen, once.
fn restore() {
    if IS_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            event::DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
    }
}

/// Restores the terminal when dropped, also while unwinding.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        IS_ACTIVE.store(true, Ordering::SeqCst);
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            event::EnableMouseCapture
        )?;
        Ok(Guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal first, then lets the previous hook print the panic.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Everything the loop waits for.
enum Msg {
    Input(Event),
    Load(LoadEvent),
    LoadFinished,
    Job(JobResult),
}

/// Runs the explorer until the user quits.
pub fn run(options: ExploreOptions) -> anyhow::Result<()> {
    let guard = Guard::enter()?;
    let result = run_loop(options);
    drop(guard);
    result
}

fn run_loop(options: ExploreOptions) -> anyhow::Result<()> {
    let mut terminal: Terminal<CrosstermBackend<Stdout>> =
        Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let (tx, rx) = mpsc::channel::<Msg>();
    spawn_input(tx.clone());
    let in_flight = Arc::new(AtomicUsize::new(0));
    spawn_load(options.paths, tx.clone(), Arc::clone(&in_flight));
    let mut app = App::loading(options.filter);
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    loop {
        if app.take_dirty() {
            terminal.draw(|frame| crate::ui::draw(frame, &app))?;
        }
        match rx.recv_timeout(app.idle_wait()) {
            Ok(msg) => apply(&mut app, msg, &in_flight),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Ok(msg) = rx.try_recv() {
            apply(&mut app, msg, &in_flight);
        }
        // Keys first, then one slice of a large batch: the screen stays live while a
        // data-set quarter goes into the store.
        let absorbed = app.absorb_pending();
        in_flight.fetch_sub(absorbed, Ordering::SeqCst);
        app.tick(Instant::now());
        for job in app.take_jobs() {
            let tx = tx.clone();
            thread::spawn(move || {
                let _ = tx.send(Msg::Job(job.run()));
            });
        }
        if app.should_quit() {
            break;
        }
    }
    Ok(())
}

fn apply(app: &mut App, msg: Msg, in_flight: &AtomicUsize) {
    match msg {
        Msg::Input(Event::Key(key)) => {
            if let Some(action) = keymap::action_for(app.mode(), &key) {
                app.update(action);
            }
        }
        Msg::Input(Event::Resize(w, h)) => app.update(Action::Resize(w, h)),
        Msg::Input(Event::Mouse(m)) => {
            let (column, row) = (m.column, m.row);
            let action = match m.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column,
                    row,
                    is_down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column,
                    row,
                    is_down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            };
            if let Some(a) = action {
                app.update(a);
            }
        }
        Msg::Input(_) => {}
        Msg::Load(e) => {
            in_flight.fetch_sub(app.on_load(e), Ordering::SeqCst);
        }
        Msg::LoadFinished => app.on_load_finished(),
        Msg::Job(r) => app.on_job_done(r),
    }
}

/// Reads terminal events on their own thread, so the loop never blocks on input.
fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Msg::Input(ev)).is_err() {
                break;
            }
        }
    });
}

/// Filings read but not yet in the store beyond which the loader waits: about one
/// data-set quarter, so that reading the next quarter overlaps storing this one without
/// holding more than two quarters' filings at once (a million filings peaked near 2 GB
/// with two and a half in flight, at 1.74 GB with this).
pub const MAX_IN_FLIGHT: usize = 64_000;

/// Loads the files on a worker thread; batches arrive as messages. `in_flight` counts
/// the filings sent and not yet added to the store.
fn spawn_load(paths: Vec<PathBuf>, tx: Sender<Msg>, in_flight: Arc<AtomicUsize>) {
    thread::spawn(move || {
        load_throttled(&paths, &in_flight, &|event| {
            let _ = tx.send(Msg::Load(event));
        });
        let _ = tx.send(Msg::LoadFinished);
    });
}

/// Loads `paths` as [`load_with`] does, but before handing on each event waits while
/// more than [`MAX_IN_FLIGHT`] read filings are counted in `in_flight`; the caller
/// subtracts the filings it has taken into the store.
///
/// The load runs on a thread pool of its own: a keystroke's parallel search then starts
/// at once on the shared pool, instead of queueing behind chunks of a quarter being read.
pub fn load_throttled(
    paths: &[PathBuf],
    in_flight: &AtomicUsize,
    on_event: &(dyn Fn(LoadEvent) + Sync),
) {
    let load = || {
        load_with(paths, &|event| {
            while in_flight.load(Ordering::SeqCst) > MAX_IN_FLIGHT {
                thread::sleep(Duration::from_millis(5));
            }
            if let LoadEvent::Loaded { filings, .. } = &event {
                in_flight.fetch_add(filings.len(), Ordering::SeqCst);
            }
            on_event(event);
        });
    };
    match rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("load-{i}"))
        .build()
    {
        Ok(pool) => pool.install(load),
        Err(_) => load(),
    }
}
