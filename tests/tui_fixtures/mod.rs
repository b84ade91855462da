//! Fixture filings built in code, with realistic values, and helpers to drive the app
//! and read the screen.
#![allow(dead_code)]

use std::str::FromStr;

use chrono::NaiveDate;
use insider_tui::app::{keymap, Action, App};
use insider_tui::model::*;
use insider_tui::store::filter::Query;
use insider_tui::store::Store;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use rust_decimal::Decimal;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::from_str(s).unwrap()
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn fv<T>(v: T, notes: &[&str]) -> Fv<T> {
    Fv::with_footnotes(Some(v), notes.iter().map(|n| FootnoteId::new(n)).collect())
}

fn notes_only<T>(notes: &[&str]) -> Fv<T> {
    Fv::with_footnotes(None, notes.iter().map(|n| FootnoteId::new(n)).collect())
}

/// A filing under construction.
pub struct FilingBuilder(pub Filing);

impl FilingBuilder {
    pub fn new(form: FormType, issuer: &str, ticker: &str, cik: &str, path: &str) -> Self {
        let mut f = Filing::new(
            form,
            Source {
                path: path.into(),
                kind: SourceKind::Xml,
                line: Some(1),
            },
        );
        f.issuer = Issuer {
            cik: Some(cik.into()),
            name: Some(issuer.into()),
            trading_symbol: Some(ticker.into()),
            ..Issuer::default()
        };
        f.schema_version = Some("X0306".into());
        FilingBuilder(f)
    }

    pub fn filed(mut self, date: &str) -> Self {
        self.0.filing_date = Some(d(date));
        self
    }

    pub fn period(mut self, date: &str) -> Self {
        self.0.period_of_report = Some(d(date));
        self
    }

    /// Adds an owner; `addr` is street, city, state and ZIP.
    pub fn owner(mut self, name: &str, cik: &str, rel: Relationship, addr: [&str; 4]) -> Self {
        let [street, city, state, zip] = addr;
        self.0.owners.push(ReportingOwner {
            cik: Some(cik.into()),
            name: Some(name.into()),
            address: Address {
                street1: Some(street.into()),
                city: Some(city.into()),
                state: Some(state.into()),
                zip: Some(zip.into()),
                ..Address::default()
            },
            relationship: rel,
        });
        self
    }

    pub fn row(mut self, r: Row) -> Self {
        self.0.rows.push(r);
        self
    }

    pub fn footnote(mut self, id: &str, text: &str) -> Self {
        self.0.footnotes.push(Footnote {
            id: FootnoteId::new(id),
            text: text.into(),
        });
        self
    }

    pub fn plan(mut self, v: Option<bool>) -> Self {
        self.0.flags.aff10b5_one = v;
        self
    }

    pub fn not_subject(mut self, v: Option<bool>) -> Self {
        self.0.flags.not_subject_to_section16 = v;
        self
    }

    pub fn remarks(mut self, text: &str) -> Self {
        self.0.remarks = Some(text.into());
        self
    }

    pub fn signed(mut self, name: &str, date: &str) -> Self {
        self.0.signatures.push(Signature {
            name: name.into(),
            date: Some(d(date)),
        });
        self
    }

    pub fn amends(mut self, date: &str) -> Self {
        self.0.date_of_original_submission = Some(d(date));
        self
    }

    pub fn accession(mut self, a: &str) -> Self {
        self.0.accession_number = Some(a.into());
        self
    }

    pub fn build(self) -> Filing {
        self.0
    }
}

pub fn director() -> Relationship {
    Relationship {
        is_director: true,
        ..Relationship::default()
    }
}

pub fn officer(title: &str) -> Relationship {
    Relationship {
        is_officer: true,
        officer_title: Some(title.into()),
        ..Relationship::default()
    }
}

pub fn ten_percent() -> Relationship {
    Relationship {
        is_ten_percent_owner: true,
        ..Relationship::default()
    }
}

/// A Table I transaction.
pub struct Tx {
    pub title: &'static str,
    pub date: &'static str,
    pub code: TransactionCode,
    pub shares: &'static str,
    pub price: Option<&'static str>,
    pub ad: AcquiredDisposed,
    pub after: &'static str,
    pub di: DirectIndirect,
}

pub fn table_i(t: Tx) -> Row {
    let mut r = Row::new(Table::NonDerivative, RowKind::Transaction);
    r.security_title = Fv::new(t.title.into());
    r.transaction_date = Fv::new(d(t.date));
    r.coding = Some(Coding {
        form_type: Some("4".into()),
        code: Some(t.code),
        equity_swap_involved: Some(false),
        footnotes: Default::default(),
    });
    r.shares = Fv::new(dec(t.shares));
    r.price_per_share = match t.price {
        Some(p) => Fv::new(dec(p)),
        None => Fv::default(),
    };
    r.acquired_disposed = Fv::new(t.ad);
    r.shares_owned_following = Fv::new(dec(t.after));
    r.direct_indirect = Fv::new(t.di);
    r
}

pub fn code_notes(mut r: Row, notes: &[&str]) -> Row {
    if let Some(c) = r.coding.as_mut() {
        c.footnotes = notes.iter().map(|n| FootnoteId::new(n)).collect();
    }
    r
}

pub fn price_notes(mut r: Row, notes: &[&str]) -> Row {
    r.price_per_share = Fv::with_footnotes(
        r.price_per_share.value,
        notes.iter().map(|n| FootnoteId::new(n)).collect(),
    );
    r
}

pub fn holding_i(
    title: &str,
    after: &str,
    di: DirectIndirect,
    nature: Option<(&str, &[&str])>,
) -> Row {
    let mut r = Row::new(Table::NonDerivative, RowKind::Holding);
    r.security_title = Fv::new(title.into());
    r.shares_owned_following = Fv::new(dec(after));
    r.direct_indirect = Fv::new(di);
    if let Some((n, notes)) = nature {
        r.nature_of_ownership = fv(n.into(), notes);
    }
    r
}

pub fn option_holding(
    title: &str,
    exercise: &str,
    exercisable_note: &str,
    expires: &str,
    underlying: &str,
    amount: &str,
) -> Row {
    let mut r = Row::new(Table::Derivative, RowKind::Holding);
    r.security_title = Fv::new(title.into());
    r.shares_owned_following = Fv::new(dec(amount));
    r.direct_indirect = Fv::new(DirectIndirect::Direct);
    if let Some(t) = r.derivative.as_deref_mut() {
        t.conversion_or_exercise_price = Fv::new(dec(exercise));
        t.exercise_date = notes_only(&[exercisable_note]);
        t.expiration_date = Fv::new(d(expires));
        t.underlying_title = Fv::new(underlying.into());
        t.underlying_shares = Fv::new(dec(amount));
    }
    r
}

pub fn rsu_exercise(date: &str, shares: &str, after: &str, note: &str) -> Row {
    let mut r = Row::new(Table::Derivative, RowKind::Transaction);
    r.security_title = Fv::new("Restricted Stock Unit".into());
    r.transaction_date = Fv::new(d(date));
    r.coding = Some(Coding {
        form_type: Some("4".into()),
        code: Some(TransactionCode::M),
        equity_swap_involved: Some(false),
        footnotes: Default::default(),
    });
    r.shares = Fv::new(dec(shares));
    r.price_per_share = Fv::new(Decimal::ZERO);
    r.acquired_disposed = Fv::new(AcquiredDisposed::Disposed);
    r.shares_owned_following = Fv::new(dec(after));
    r.direct_indirect = Fv::new(DirectIndirect::Direct);
    if let Some(t) = r.derivative.as_deref_mut() {
        t.conversion_or_exercise_price = notes_only(&[note]);
        t.exercise_date = notes_only(&[note]);
        t.expiration_date = notes_only(&[note]);
        t.underlying_title = Fv::new("Common Stock".into());
        t.underlying_shares = Fv::new(dec(shares));
    }
    r
}

pub const F2_TEXT: &str = "The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $1.15 to $1.25, inclusive. The reporting person undertakes to provide to Cellectar Biosciences, Inc., any security holder of Cellectar Biosciences, Inc., or the staff of the Securities and Exchange Commission, upon request, full information regarding the number of shares sold at each separate price within the range set forth in this footnote.";

pub const F1_TEXT: &str = "The sales reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on May 25, 2018.";

/// Cellectar Biosciences: CARUSO JAMES V sells 34,000 shares at 1.1972.
pub fn cellectar() -> Filing {
    FilingBuilder::new(
        FormType::Form4,
        "Cellectar Biosciences, Inc.",
        "CLRB",
        "0001279704",
        "filings/clrb-caruso-2018-10-03.xml",
    )
    .filed("2018-10-03")
    .period("2018-10-01")
    .accession("0001567145-18-000012")
    .owner(
        "CARUSO JAMES V",
        "0001567145",
        Relationship {
            is_director: true,
            is_officer: true,
            officer_title: Some("President and CEO".into()),
            ..Relationship::default()
        },
        ["100 CAMPUS DRIVE", "FLORHAM PARK", "NJ", "07932"],
    )
    .row(price_notes(
        code_notes(
            table_i(Tx {
                title: "Common Stock",
                date: "2018-10-01",
                code: TransactionCode::S,
                shares: "34000",
                price: Some("1.1972"),
                ad: AcquiredDisposed::Disposed,
                after: "213548",
                di: DirectIndirect::Direct,
            }),
            &["F1"],
        ),
        &["F2"],
    ))
    .row(option_holding(
        "Stock Option (right to buy)",
        "3.06",
        "F3",
        "2028-06-01",
        "Common Stock",
        "50000",
    ))
    .footnote("F1", F1_TEXT)
    .footnote("F2", F2_TEXT)
    .footnote(
        "F3",
        "The option vests in three equal annual installments beginning June 1, 2019.",
    )
    .not_subject(Some(false))
    .signed("/s/ James V. Caruso", "2018-10-03")
    .build()
}

/// Apple: COOK TIMOTHY D, RSU vesting, tax withholding and a plan sale.
pub fn apple() -> Filing {
    FilingBuilder::new(FormType::Form4, "Apple Inc.", "AAPL", "0000320193", "filings/aapl-cook-2023-10-04.xml")
        .filed("2023-10-04")
        .period("2023-10-01")
        .owner(
            "COOK TIMOTHY D",
            "0001214156",
            Relationship { is_director: true, is_officer: true, officer_title: Some("Chief Executive Officer".into()), ..Relationship::default() }, ["ONE APPLE PARK WAY", "CUPERTINO", "CA", "95014"])
        .row(table_i(Tx { title: "Common Stock", date: "2023-10-01", code: TransactionCode::M, shares: "1007528", price: None, ad: AcquiredDisposed::Acquired, after: "4385018", di: DirectIndirect::Direct }))
        .row(table_i(Tx { title: "Common Stock", date: "2023-10-01", code: TransactionCode::F, shares: "496956", price: Some("171.21"), ad: AcquiredDisposed::Disposed, after: "3888062", di: DirectIndirect::Direct }))
        .row(price_notes(
            table_i(Tx { title: "Common Stock", date: "2023-10-02", code: TransactionCode::S, shares: "511000", price: Some("173.3"), ad: AcquiredDisposed::Disposed, after: "3377062", di: DirectIndirect::Direct }),
            &["F2"],
        ))
        .row(rsu_exercise("2023-10-01", "1007528", "0", "F1"))
        .footnote("F1", "Each restricted stock unit represents the right to receive, at settlement, one share of common stock.")
        .footnote("F2", "The sale reported was effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on May 23, 2023.")
        .plan(Some(true))
        .not_subject(Some(false))
        .signed("/s/ Sam Whittington, Attorney-in-Fact for Timothy D. Cook", "2023-10-04")
        .build()
}

/// Nicholas Financial: a joint 4/A with an open-market purchase.
pub fn nicholas() -> Filing {
    FilingBuilder::new(
        FormType::Form4A,
        "NICHOLAS FINANCIAL INC",
        "NICK",
        "0001000045",
        "filings/nick-joint-4a.xml",
    )
    .filed("2018-10-15")
    .period("2018-10-11")
    .amends("2018-10-12")
    .owner(
        "MALSON KELLY M",
        "0001357521",
        officer("CFO"),
        ["2454 MCMULLEN BOOTH RD", "CLEARWATER", "FL", "33759"],
    )
    .owner(
        "STARBOARD VALUE LP",
        "0001517137",
        ten_percent(),
        ["777 THIRD AVENUE", "NEW YORK", "NY", "10017"],
    )
    .row(table_i(Tx {
        title: "Common Stock",
        date: "2018-10-11",
        code: TransactionCode::P,
        shares: "2500",
        price: Some("11.55"),
        ad: AcquiredDisposed::Acquired,
        after: "12500",
        di: DirectIndirect::Direct,
    }))
    .row(holding_i(
        "Common Stock",
        "1200000",
        DirectIndirect::Indirect,
        Some(("By fund", &["F1"])),
    ))
    .footnote(
        "F1",
        "Held by Starboard Value and Opportunity Master Fund Ltd.",
    )
    .remarks(
        "This amendment corrects the number of shares owned following the reported transaction.",
    )
    .signed("/s/ Kelly M. Malson", "2018-10-15")
    .signed("/s/ Jeffrey C. Smith, Authorized Signatory", "2018-10-15")
    .build()
}

/// Tesla: a Form 3 of a new director, holdings only, no filing date (bare XML).
pub fn tesla() -> Filing {
    FilingBuilder::new(
        FormType::Form3,
        "TESLA, INC.",
        "TSLA",
        "0001318605",
        "filings/tsla-denholm-form3.xml",
    )
    .period("2014-08-01")
    .owner(
        "DENHOLM ROBYN M",
        "0001616497",
        director(),
        ["3500 DEER CREEK ROAD", "PALO ALTO", "CA", "94304"],
    )
    .row(holding_i("Common Stock", "0", DirectIndirect::Direct, None))
    .signed("/s/ Robyn M. Denholm", "2014-08-04")
    .build()
}

/// A Form 5 gift for a 10% owner.
pub fn gift() -> Filing {
    FilingBuilder::new(
        FormType::Form5,
        "Cellectar Biosciences, Inc.",
        "CLRB",
        "0001279704",
        "filings/clrb-form5-gift.xml",
    )
    .filed("2019-02-14")
    .period("2018-12-31")
    .owner(
        "SCHWARTZ DOV",
        "0001600001",
        ten_percent(),
        ["1 PARK PLAZA", "IRVINE", "CA", "92614"],
    )
    .row(table_i(Tx {
        title: "Common Stock",
        date: "2018-12-20",
        code: TransactionCode::G,
        shares: "10000",
        price: None,
        ad: AcquiredDisposed::Disposed,
        after: "2990000",
        di: DirectIndirect::Direct,
    }))
    .plan(None)
    .build()
}

pub fn all() -> Vec<Filing> {
    vec![cellectar(), apple(), nicholas(), tesla(), gift()]
}

/// An app over the fixtures on a screen of `w`×`h`.
pub fn app(w: u16, h: u16) -> App {
    let mut app = App::new(Store::from_filings(all()), Query::default());
    app.update(Action::Resize(w, h));
    app
}

/// Presses keys as the terminal would deliver them.
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn key(app: &mut App, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = keymap::action_for(app.mode(), &ev) {
        app.update(a);
    }
}

/// Draws the app into a buffer of its size.
pub fn draw(app: &App) -> Buffer {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| insider_tui::ui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

/// The buffer as lines of text, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn screen(app: &App) -> String {
    text(&draw(app))
}

/// The position of the first occurrence of `needle` on screen (column in cells).
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let mut line = String::new();
        let mut cols = Vec::new();
        for x in 0..area.width {
            let s = buf[(x, y)].symbol();
            for _ in s.chars() {
                cols.push(x);
            }
            line.push_str(s);
        }
        if let Some(byte) = line.find(needle) {
            let ch = line[..byte].chars().count();
            return Some((cols[ch], y));
        }
    }
    None
}
