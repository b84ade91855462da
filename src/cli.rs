//! The command line: clap arguments turned into plain option structs, and the three
//! commands run from them. The rest of the library never sees clap.
//!
//! `insider-tui [FILTER FLAGS] [PATH…]` opens the explorer, `insider-tui check PATH…`
//! reports load issues, `insider-tui export --format csv|json|form PATH…` writes a table
//! (or each filing laid out as the printed form).

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::export::{ExportFormat, ExportTable};
use crate::store::filter::Query;
use crate::terminal::ExploreOptions;

#[derive(Debug, Parser)]
#[command(
    name = "insider-tui",
    version,
    about = "Explore SEC insider filings (Forms 3, 4, 5) in the terminal",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Files or folders of filings (XML, full submissions); default: the bundled samples.
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Load files and list every problem; exits 1 when a file could not be read.
    Check {
        /// Files or folders to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Load files and write them as CSV or JSON.
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// Which table to write.
        #[arg(long, value_enum, default_value = "transactions")]
        table: TableArg,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Files or folders to export.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Csv,
    Json,
    /// Each filing laid out as the printed form.
    Form,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TableArg {
    Filings,
    Owners,
    Transactions,
    Footnotes,
}

/// Filter flags; each becomes the same `key:value` the in-app prompt reads.
#[derive(Debug, Default, Args)]
struct FilterArgs {
    /// Issuer name contains these words (or the issuer CIK).
    #[arg(long)]
    issuer: Option<String>,
    /// Ticker (comma-separated for several).
    #[arg(long)]
    ticker: Option<String>,
    /// Some owner's name contains these words.
    #[arg(long)]
    owner: Option<String>,
    /// Transaction code: P, S, A, M, F, G … (repeat or comma-separate for several).
    #[arg(long)]
    code: Vec<String>,
    /// Acquired (A) or disposed of (D).
    #[arg(long)]
    ad: Option<String>,
    /// Form type: 3, 4, 5, 3/A, 4/A, 5/A.
    #[arg(long)]
    form: Option<String>,
    /// Owner role: director, officer, 10%, other.
    #[arg(long)]
    role: Option<String>,
    /// Rule 10b5-1 plan: yes, no, unknown.
    #[arg(long)]
    plan: Option<String>,
    /// Minimum transaction value (100000, 250k, 1.5m).
    #[arg(long)]
    min: Option<String>,
    /// First date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    from: Option<String>,
    /// Last date.
    #[arg(long)]
    to: Option<String>,
    /// Which date the range applies to: filed or traded.
    #[arg(long)]
    date: Option<String>,
}

impl FilterArgs {
    fn query(&self) -> Result<Query, crate::store::filter::FilterError> {
        let code = (!self.code.is_empty()).then(|| self.code.join(","));
        let pairs = [
            ("issuer", &self.issuer),
            ("ticker", &self.ticker),
            ("owner", &self.owner),
            ("code", &code),
            ("ad", &self.ad),
            ("form", &self.form),
            ("role", &self.role),
            ("plan", &self.plan),
            ("min", &self.min),
            ("from", &self.from),
            ("to", &self.to),
            ("date", &self.date),
        ];
        Query::from_pairs(
            pairs
                .iter()
                .filter_map(|(k, v)| v.as_deref().map(|v| (*k, v))),
        )
    }
}

/// What to do, with plain options.
#[derive(Debug)]
pub enum Invocation {
    /// Open the explorer.
    Explore(ExploreOptions),
    /// Check files.
    Check(Vec<PathBuf>),
    /// Export files.
    Export(ExportOptions),
}

/// Options of `insider-tui export`.
#[derive(Debug)]
pub struct ExportOptions {
    /// Output format.
    pub format: ExportFormat,
    /// Table to write.
    pub table: ExportTable,
    /// Output file; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Files and folders to load.
    pub paths: Vec<PathBuf>,
}

/// The folder opened when no path is given: `assets/` of the source tree, else
/// `./assets`.
pub fn default_paths() -> Vec<PathBuf> {
    let bundled = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets"));
    if bundled.is_dir() {
        vec![bundled]
    } else {
        vec![PathBuf::from("assets")]
    }
}

/// Reads the command line. `Err` carries clap's message (also for `--help`).
pub fn parse<I, T>(args: I) -> Result<Invocation, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = Cli::try_parse_from(args)?;
    Ok(match cli.command {
        Some(Command::Check { paths }) => Invocation::Check(paths),
        Some(Command::Export {
            format,
            table,
            output,
            paths,
        }) => Invocation::Export(ExportOptions {
            format: match format {
                FormatArg::Csv => ExportFormat::Csv,
                FormatArg::Json => ExportFormat::Json,
                FormatArg::Form => ExportFormat::Form,
            },
            table: match table {
                TableArg::Filings => ExportTable::Filings,
                TableArg::Owners => ExportTable::Owners,
                TableArg::Transactions => ExportTable::Transactions,
                TableArg::Footnotes => ExportTable::Footnotes,
            },
            output,
            paths,
        }),
        None => {
            let filter = cli.filters.query().map_err(|e| {
                clap::Error::raw(clap::error::ErrorKind::ValueValidation, format!("{e}\n"))
            })?;
            let paths = if cli.paths.is_empty() {
                default_paths()
            } else {
                cli.paths
            };
            Invocation::Explore(ExploreOptions { paths, filter })
        }
    })
}

/// Parses `args` and runs the command; the exit code says how it went.
pub fn run<I, T>(args: I) -> anyhow::Result<ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let invocation = match parse(args) {
        Ok(i) => i,
        Err(e) => {
            e.print()?;
            return Ok(if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    match invocation {
        Invocation::Explore(options) => {
            crate::terminal::run(options)?;
            Ok(ExitCode::SUCCESS)
        }
        Invocation::Check(paths) => {
            let mut out = std::io::stdout().lock();
            let has_errors = crate::check::run(&paths, &mut out)?;
            Ok(if has_errors {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Invocation::Export(o) => {
            let report = crate::load::load(&o.paths, true);
            if !report.issues.is_empty() {
                eprintln!(
                    "insider-tui: {} load issues (run `insider-tui check` to list them)",
                    report.total()
                );
            }
            match &o.output {
                Some(path) => {
                    let file = std::fs::File::create(path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let mut out = std::io::BufWriter::new(file);
                    crate::export::write(&report.filings, o.format, o.table, &mut out)?;
                    out.flush()?;
                }
                None => {
                    let mut out = std::io::stdout().lock();
                    crate::export::write(&report.filings, o.format, o.table, &mut out)?;
                    out.flush()?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_flags_become_the_same_query_as_the_prompt() {
        let inv = parse([
            "insider-tui",
            "--ticker",
            "CLRB",
            "--code",
            "S",
            "--from",
            "2018-01-01",
            "x.xml",
        ])
        .unwrap();
        let Invocation::Explore(o) = inv else {
            panic!("expected explore")
        };
        assert_eq!(
            o.filter,
            Query::parse("ticker:CLRB code:S from:2018-01-01").unwrap()
        );
        assert_eq!(o.paths, vec![PathBuf::from("x.xml")]);
    }

    #[test]
    fn subcommands_and_defaults() {
        assert!(
            matches!(parse(["insider-tui", "check", "a"]).unwrap(), Invocation::Check(p) if p.len() == 1)
        );
        let Invocation::Export(e) = parse([
            "insider-tui",
            "export",
            "--format",
            "json",
            "-o",
            "out.json",
            "a",
            "b",
        ])
        .unwrap() else {
            panic!("expected export")
        };
        assert_eq!(
            (e.format, e.table, e.paths.len()),
            (ExportFormat::Json, ExportTable::Transactions, 2)
        );
        let Invocation::Explore(o) = parse(["insider-tui"]).unwrap() else {
            panic!()
        };
        assert!(o.paths[0].ends_with("assets"));
        assert!(parse(["insider-tui", "--code", "Q"]).is_err());
        assert!(
            parse(["insider-tui", "export", "a"]).is_err(),
            "--format is required"
        );
    }
}
