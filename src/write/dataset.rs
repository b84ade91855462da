//! The quarterly Insider Transactions Data Sets writer: filings as the eight TSV tables
//! the SEC publishes (FORMAT.md section 4), in a folder or a zip.
//!
//! The output follows the published files' habits: `DD-MON-YYYY` dates, numbers rounded to
//! two decimals and written with at least one (`250000.0`), booleans as `0`/`1`, fields
//! holding a double quote quoted CSV-style, non-ASCII characters as `?`, tabs and line
//! breaks inside text as spaces, a filing's rows in reverse document order with `*_SK`
//! numbers in document order (as in the real files, file order is not SK order). Two header
//! sets are available: the 2006-era one (no `AFF10B5ONE`) and the 2024-era one.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Filing, FootnoteIds, Fv, Row, RowKind, Table, Text};

/// Which year's header set to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderEra {
    /// 2006 Q1: SUBMISSION without `AFF10B5ONE`.
    Y2006,
    /// 2024 Q4 and later: SUBMISSION with `AFF10B5ONE`.
    Y2024,
}

/// The eight tables, as TSV bytes, in the order of [`TABLE_NAMES`].
pub struct Tables {
    /// One buffer per table.
    pub files: [Vec<u8>; 8],
    /// Data rows written across all tables (headers not counted).
    pub rows: usize,
}

/// The tables' file names, in the order of [`Tables::files`].
pub const TABLE_NAMES: [&str; 8] = [
    "SUBMISSION.tsv",
    "REPORTINGOWNER.tsv",
    "NONDERIV_TRANS.tsv",
    "NONDERIV_HOLDING.tsv",
    "DERIV_TRANS.tsv",
    "DERIV_HOLDING.tsv",
    "FOOTNOTES.tsv",
    "OWNER_SIGNATURE.tsv",
];

const SUBMISSION: &str = "ACCESSION_NUMBER\tFILING_DATE\tPERIOD_OF_REPORT\tDATE_OF_ORIG_SUB\tNO_SECURITIES_OWNED\tNOT_SUBJECT_SEC16\tFORM3_HOLDINGS_REPORTED\tFORM4_TRANS_REPORTED\tDOCUMENT_TYPE\tISSUERCIK\tISSUERNAME\tISSUERTRADINGSYMBOL\tREMARKS";
const OWNER: &str = "ACCESSION_NUMBER\tRPTOWNERCIK\tRPTOWNERNAME\tRPTOWNER_RELATIONSHIP\tRPTOWNER_TITLE\tRPTOWNER_TXT\tRPTOWNER_STREET1\tRPTOWNER_STREET2\tRPTOWNER_CITY\tRPTOWNER_STATE\tRPTOWNER_ZIPCODE\tRPTOWNER_STATE_DESC\tFILE_NUMBER";
const NONDERIV_TRANS: &str = "ACCESSION_NUMBER\tNONDERIV_TRANS_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tTRANS_DATE\tTRANS_DATE_FN\tDEEMED_EXECUTION_DATE\tDEEMED_EXECUTION_DATE_FN\tTRANS_FORM_TYPE\tTRANS_CODE\tEQUITY_SWAP_INVOLVED\tEQUITY_SWAP_TRANS_CD_FN\tTRANS_TIMELINESS\tTRANS_TIMELINESS_FN\tTRANS_SHARES\tTRANS_SHARES_FN\tTRANS_PRICEPERSHARE\tTRANS_PRICEPERSHARE_FN\tTRANS_ACQUIRED_DISP_CD\tTRANS_ACQUIRED_DISP_CD_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\tVALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN";
const NONDERIV_HOLDING: &str = "ACCESSION_NUMBER\tNONDERIV_HOLDING_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tTRANS_FORM_TYPE\tTRANS_FORM_TYPE_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\tVALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN";
const DERIV_TRANS: &str = "ACCESSION_NUMBER\tDERIV_TRANS_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tCONV_EXERCISE_PRICE\tCONV_EXERCISE_PRICE_FN\tTRANS_DATE\tTRANS_DATE_FN\tDEEMED_EXECUTION_DATE\tDEEMED_EXECUTION_DATE_FN\tTRANS_FORM_TYPE\tTRANS_CODE\tEQUITY_SWAP_INVOLVED\tEQUITY_SWAP_TRANS_CD_FN\tTRANS_TIMELINESS\tTRANS_TIMELINESS_FN\tTRANS_SHARES\tTRANS_SHARES_FN\tTRANS_TOTAL_VALUE\tTRANS_TOTAL_VALUE_FN\tTRANS_PRICEPERSHARE\tTRANS_PRICEPERSHARE_FN\tTRANS_ACQUIRED_DISP_CD\tTRANS_ACQUIRED_DISP_CD_FN\tEXCERCISE_DATE\tEXCERCISE_DATE_FN\tEXPIRATION_DATE\tEXPIRATION_DATE_FN\tUNDLYNG_SEC_TITLE\tUNDLYNG_SEC_TITLE_FN\tUNDLYNG_SEC_SHARES\tUNDLYNG_SEC_SHARES_FN\tUNDLYNG_SEC_VALUE\tUNDLYNG_SEC_VALUE_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\tVALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN";
const DERIV_HOLDING: &str = "ACCESSION_NUMBER\tDERIV_HOLDING_SK\tSECURITY_TITLE\tSECURITY_TITLE_FN\tCONV_EXERCISE_PRICE\tCONV_EXERCISE_PRICE_FN\tTRANS_FORM_TYPE\tTRANS_FORM_TYPE_FN\tEXERCISE_DATE\tEXERCISE_DATE_FN\tEXPIRATION_DATE\tEXPIRATION_DATE_FN\tUNDLYNG_SEC_TITLE\tUNDLYNG_SEC_TITLE_FN\tUNDLYNG_SEC_SHARES\tUNDLYNG_SEC_SHARES_FN\tUNDLYNG_SEC_VALUE\tUNDLYNG_SEC_VALUE_FN\tSHRS_OWND_FOLWNG_TRANS\tSHRS_OWND_FOLWNG_TRANS_FN\tVALU_OWND_FOLWNG_TRANS\tVALU_OWND_FOLWNG_TRANS_FN\tDIRECT_INDIRECT_OWNERSHIP\tDIRECT_INDIRECT_OWNERSHIP_FN\tNATURE_OF_OWNERSHIP\tNATURE_OF_OWNERSHIP_FN";
const FOOTNOTES: &str = "ACCESSION_NUMBER\tFOOTNOTE_ID\tFOOTNOTE_TXT";
const SIGNATURE: &str = "ACCESSION_NUMBER\tOWNERSIGNATURENAME\tOWNERSIGNATUREDATE";

/// Writes filings as the eight tables. Filings without an accession number get one made
/// up from their position (`9999999999-00-NNNNNN`), since every table keys on it.
pub fn to_tables<'a>(filings: impl IntoIterator<Item = &'a Filing>, era: HeaderEra) -> Tables {
    let mut w = TableWriter::new(era);
    for (i, f) in filings.into_iter().enumerate() {
        w.filing(i, f);
    }
    w.finish()
}

/// Writes the tables into `dir` under their published names.
pub fn write_dir(tables: &Tables, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, bytes) in TABLE_NAMES.iter().zip(&tables.files) {
        std::fs::write(dir.join(name), bytes)?;
    }
    Ok(())
}

/// Writes the tables as a quarter's zip (deflated members at the archive root).
pub fn write_zip(tables: &Tables, out: impl Write + io::Seek) -> io::Result<()> {
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, bytes) in TABLE_NAMES.iter().zip(&tables.files) {
        zip.start_file(*name, options).map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    zip.finish().map_err(io::Error::other)?;
    Ok(())
}

struct TableWriter {
    era: HeaderEra,
    files: [Vec<u8>; 8],
    line: String,
    sk: u64,
    rows: usize,
}

impl TableWriter {
    fn new(era: HeaderEra) -> Self {
        let submission = match era {
            HeaderEra::Y2006 => SUBMISSION.to_string(),
            HeaderEra::Y2024 => format!("{SUBMISSION}\tAFF10B5ONE"),
        };
        let headers = [
            submission.as_str(),
            OWNER,
            NONDERIV_TRANS,
            NONDERIV_HOLDING,
            DERIV_TRANS,
            DERIV_HOLDING,
            FOOTNOTES,
            SIGNATURE,
        ];
        let files = headers.map(|h| {
            let mut v = Vec::with_capacity(1 << 16);
            v.extend_from_slice(h.as_bytes());
            v.push(b'\n');
            v
        });
        TableWriter {
            era,
            files,
            line: String::with_capacity(1024),
            sk: 1_000_000,
            rows: 0,
        }
    }

    fn finish(self) -> Tables {
        Tables {
            files: self.files,
            rows: self.rows,
        }
    }

    /// Ends the line being built and appends it to table `t`.
    fn emit(&mut self, t: usize) {
        self.line.push('\n');
        if let Some(f) = self.files.get_mut(t) {
            f.extend_from_slice(self.line.as_bytes());
        }
        self.line.clear();
        self.rows += 1;
    }

    fn filing(&mut self, index: usize, f: &Filing) {
        let acc = f.accession_number.as_deref().map_or_else(
            || format!("9999999999-00-{:06}", index % 1_000_000),
            str::to_string,
        );
        self.submission(&acc, f);
        for o in &f.owners {
            let r = &o.relationship;
            let roles: Vec<&str> = [
                (r.is_director, "Director"),
                (r.is_officer, "Officer"),
                (r.is_ten_percent_owner, "TenPercentOwner"),
                (r.is_other, "Other"),
            ]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
            self.line.push_str(&acc);
            let a = &o.address;
            for field in [
                o.cik.as_deref(),
                o.name.as_deref(),
                Some(roles.join(",").as_str()),
                r.officer_title.as_deref(),
                r.other_text.as_deref(),
                a.street1.as_deref(),
                a.street2.as_deref(),
                a.city.as_deref(),
                a.state.as_deref(),
                a.zip.as_deref(),
                a.state_description.as_deref(),
                None,
            ] {
                self.cell(field);
            }
            self.emit(1);
        }
        // Keyed in document order, written in reverse, like the shuffled real files.
        let first_sk = self.sk;
        self.sk += f.rows.len() as u64;
        for (i, row) in f.rows.iter().enumerate().rev() {
            self.row(&acc, first_sk + i as u64, row);
        }
        for n in &f.footnotes {
            self.line.push_str(&acc);
            self.cell(Some(n.id.as_str()));
            self.cell(Some(&n.text));
            self.emit(6);
        }
        for s in &f.signatures {
            self.line.push_str(&acc);
            self.cell(Some(&s.name));
            self.date(s.date);
            self.emit(7);
        }
    }

    fn submission(&mut self, acc: &str, f: &Filing) {
        self.line.push_str(acc);
        self.date(f.filing_date);
        self.date(f.period_of_report);
        self.date(f.date_of_original_submission);
        let flags = &f.flags;
        for b in [
            flags.no_securities_owned,
            flags.not_subject_to_section16,
            flags.form3_holdings_reported,
            flags.form4_transactions_reported,
        ] {
            self.boolean(b);
        }
        let form = f.document_type.as_str();
        self.cell(Some(if form == "?" { "" } else { form }));
        self.cell(f.issuer.cik.as_deref());
        self.cell(f.issuer.name.as_deref());
        self.cell(f.issuer.trading_symbol.as_deref());
        self.cell(f.remarks.as_deref());
        if self.era == HeaderEra::Y2024 {
            self.boolean(flags.aff10b5_one);
        }
        self.emit(0);
    }

    fn row(&mut self, acc: &str, sk: u64, r: &Row) {
        let empty = crate::model::DerivativeTerms::default();
        let d = r.derivative.as_deref().unwrap_or(&empty);
        let coding = r.coding.as_ref();
        let form_type = coding.and_then(|c| c.form_type.as_deref());
        let code_notes = coding.map(|c| &c.footnotes);
        self.line.push_str(acc);
        let _ = write!(self.line, "\t{sk}");
        self.fv_text(&r.security_title);
        let table = match (r.table, r.kind) {
            (Table::NonDerivative, RowKind::Transaction) => 2,
            (Table::NonDerivative, RowKind::Holding) => 3,
            (Table::Derivative, RowKind::Transaction) => 4,
            (Table::Derivative, RowKind::Holding) => 5,
        };
        if r.table == Table::Derivative {
            self.fv_decimal(&d.conversion_or_exercise_price);
        }
        match r.kind {
            RowKind::Transaction => {
                self.fv_date(&r.transaction_date);
                self.fv_date(&r.deemed_execution_date);
                self.cell(form_type);
                self.cell(r.code().map(|c| c.as_str()));
                self.boolean(coding.and_then(|c| c.equity_swap_involved));
                self.footnotes(code_notes);
                self.cell(r.timeliness.value.map(|t| t.as_str()));
                self.footnotes(Some(&r.timeliness.footnotes));
                self.fv_decimal(&r.shares);
                if r.table == Table::Derivative {
                    self.fv_decimal(&r.total_value);
                }
                self.fv_decimal(&r.price_per_share);
                self.cell(r.acquired_disposed.value.map(|a| a.as_str()));
                self.footnotes(Some(&r.acquired_disposed.footnotes));
            }
            RowKind::Holding => {
                self.cell(form_type);
                self.footnotes(code_notes);
            }
        }
        if r.table == Table::Derivative {
            self.fv_date(&d.exercise_date);
            self.fv_date(&d.expiration_date);
            self.fv_text(&d.underlying_title);
            self.fv_decimal(&d.underlying_shares);
            self.fv_decimal(&d.underlying_value);
        }
        self.fv_decimal(&r.shares_owned_following);
        self.fv_decimal(&r.value_owned_following);
        self.cell(r.direct_indirect.value.map(|x| x.as_str()));
        self.footnotes(Some(&r.direct_indirect.footnotes));
        self.fv_text(&r.nature_of_ownership);
        self.emit(table);
    }

    /// Appends a tab and a text cell, quoted when it holds a double quote.
    fn cell(&mut self, value: Option<&str>) {
        self.line.push('\t');
        let Some(v) = value else { return };
        let quoted = v.contains('"');
        if quoted {
            self.line.push('"');
        }
        for c in v.chars() {
            match c {
                '"' => self.line.push_str("\"\""),
                '\t' | '\n' | '\r' => self.line.push(' '),
                c if c.is_ascii() => self.line.push(c),
                _ => self.line.push('?'),
            }
        }
        if quoted {
            self.line.push('"');
        }
    }

    fn footnotes(&mut self, ids: Option<&FootnoteIds>) {
        self.line.push('\t');
        let Some(ids) = ids else { return };
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                self.line.push_str(", ");
            }
            self.line.push_str(id.as_str());
        }
    }

    fn fv_text(&mut self, fv: &Fv<Text>) {
        self.cell(fv.value.as_deref());
        self.footnotes(Some(&fv.footnotes));
    }

    fn fv_decimal(&mut self, fv: &Fv<Decimal>) {
        self.line.push('\t');
        if let Some(d) = fv.value {
            push_number(&mut self.line, d);
        }
        self.footnotes(Some(&fv.footnotes));
    }

    fn fv_date(&mut self, fv: &Fv<NaiveDate>) {
        self.date(fv.value);
        self.footnotes(Some(&fv.footnotes));
    }

    fn date(&mut self, d: Option<NaiveDate>) {
        self.line.push('\t');
        if let Some(d) = d {
            push_date(&mut self.line, d);
        }
    }

    fn boolean(&mut self, b: Option<bool>) {
        self.line.push('\t');
        if let Some(b) = b {
            self.line.push(if b { '1' } else { '0' });
        }
    }
}

/// The two-decimal rounding the data sets apply (`NUMBER(16,2)`): half away from zero.
pub fn round_like_data_sets(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// Writes a number as the data sets do: rounded to two decimals, at least one decimal.
fn push_number(out: &mut String, d: Decimal) {
    let r = round_like_data_sets(d);
    let _ = write!(out, "{r}");
    if r.scale() == 0 {
        out.push_str(".0");
    }
}

fn push_date(out: &mut String, d: NaiveDate) {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("JAN");
    let _ = write!(out, "{:02}-{month}-{:04}", d.day(), d.year());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_the_data_sets_write_them() {
        let mut s = String::new();
        push_number(&mut s, "3456".parse().unwrap());
        s.push(' ');
        push_number(&mut s, "1.1972".parse().unwrap());
        s.push(' ');
        push_number(&mut s, "0.125".parse().unwrap());
        s.push(' ');
        push_date(&mut s, NaiveDate::from_ymd_opt(2024, 7, 31).unwrap());
        assert_eq!(s, "3456.0 1.2 0.13 31-JUL-2024");
    }
}
