//! Putting one synthetic filing together: form, dates, schema version, owners, rows,
//! flags, remarks, signatures and the EDGAR identifiers.

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::model::{Filing, FormType, ReportingOwner, Signature, Source, SourceKind, Text};

use super::calendar::{
    add_days, days_between, first_filing_day, has_10b5_box, last_filing_day, month_end,
    schema_version, weekday_on_or_after, weekday_on_or_before,
};
use super::pools::{OwnerEntry, Pools};
use super::rng::Rng;
use super::rows::RowMaker;

/// The mix of forms in EDGAR: mostly Form 4, a few amendments.
const FORMS: &[(FormType, u32)] = &[
    (FormType::Form4, 820),
    (FormType::Form4A, 30),
    (FormType::Form3, 90),
    (FormType::Form3A, 10),
    (FormType::Form5, 40),
    (FormType::Form5A, 10),
];

/// When the filing happened: the filing date, the period of report, the window of its
/// transactions and, for an amendment, the original's filing date.
struct Dates {
    filed: NaiveDate,
    period: NaiveDate,
    window: (NaiveDate, NaiveDate),
    original: Option<NaiveDate>,
}

fn dates(rng: &mut Rng, form: &FormType, fiscal_year_end: u32) -> Dates {
    let span = days_between(first_filing_day(), last_filing_day());
    let amendment = form.is_amendment();
    // An amendment follows its original by days to months; keep both inside the span.
    let lag = if amendment { rng.range(1, 180) } else { 0 };
    let day = add_days(first_filing_day(), rng.range(0, span - lag));
    let mut filed = weekday_on_or_after(day);
    let (period, window) = match form {
        FormType::Form5 | FormType::Form5A => {
            // The fiscal year that ended before the filing; filed within 45 days of it.
            let year = if filed.month() > fiscal_year_end {
                filed.year()
            } else {
                filed.year() - 1
            };
            let mut fye = month_end(year, fiscal_year_end);
            if fye < first_filing_day() {
                fye = month_end(year + 1, fiscal_year_end);
            }
            filed = weekday_on_or_after(add_days(fye, rng.range(1, 45)));
            (fye, (add_days(fye, -330), fye))
        }
        FormType::Form3 | FormType::Form3A => {
            let period = weekday_on_or_before(add_days(filed, -rng.range(0, 10)));
            (period, (period, period))
        }
        _ => {
            let back = *rng.weighted(&[(0i64, 15), (1, 35), (2, 35), (3, 8), (4, 4), (5, 3)]);
            let period = weekday_on_or_before(add_days(filed, -back)).min(filed);
            (period, (period, filed))
        }
    };
    if amendment {
        let amended = weekday_on_or_after(add_days(filed, lag));
        return Dates {
            filed: amended,
            period,
            window,
            original: Some(filed),
        };
    }
    Dates {
        filed,
        period,
        window,
        original: None,
    }
}

/// An owner as it appears on a filing of schema `version`: X0609 moves a non-US
/// country code from `rptOwnerState` to `rptOwnerCountry` and sets the non-US flag.
fn owner_for(entry: &OwnerEntry, version: &str, home: bool) -> ReportingOwner {
    let mut owner = entry.owner.clone();
    if !home {
        // An insider of one company filing on another: usually a board seat.
        owner.relationship = Default::default();
        owner.relationship.is_director = true;
    }
    if version == "X0609" {
        let a = &mut owner.address;
        a.is_non_us = Some(entry.non_us);
        if entry.non_us {
            a.country = a.state.take();
            a.non_us_state_territory = entry.territory.clone();
        }
    }
    owner
}

/// An accession number `0001234567-YY-NNNNNN`. The sequence is a bijection of the index
/// modulo a million, so the numbers of up to a million filings of a run are distinct.
fn accession(prefix: &str, filed: NaiveDate, index: usize) -> Text {
    let seq = (index as u64 % 1_000_000) * 7_919 % 1_000_000;
    format!("{prefix}-{:02}-{seq:06}", filed.year() % 100).into()
}

/// Who files, and on which issuer.
struct Cast<'a> {
    /// The reporting owners, in filing order.
    entries: Vec<&'a OwnerEntry>,
    /// The issuer, as an index into the pool.
    issuer_index: usize,
    /// The person who signs (for a fund family, its managing member).
    principal: Text,
    /// The fund manager named in entity signatures; `None` for a person filing alone.
    manager: Option<Text>,
}

/// Draws the owners of a filing: a fund family for a joint filing, else one insider,
/// usually at the issuer they belong to.
fn cast<'a>(rng: &mut Rng, pools: &'a Pools, joint: bool) -> Cast<'a> {
    if joint {
        let family = rng.pick(&pools.families);
        let n = rng.range(2, family.members.len() as i64) as usize;
        return Cast {
            entries: family.members.iter().take(n).collect(),
            issuer_index: family.home_issuer,
            principal: family.principal.clone(),
            manager: Some(family.manager.clone()),
        };
    }
    // The lower of two draws: some insiders file far more often than others.
    let a = rng.index(pools.people.len());
    let b = rng.index(pools.people.len());
    let person = &pools.people[a.min(b)];
    let issuer_index = if rng.chance(850) {
        person.home_issuer
    } else {
        rng.index(pools.issuers.len())
    };
    Cast {
        entries: vec![person],
        issuer_index,
        principal: person.signer.clone(),
        manager: None,
    }
}

/// Builds filing `index` of a run.
pub(crate) fn build(pools: &Pools, seed: u64, index: usize) -> Filing {
    let mut rng = Rng::new(seed, index as u64);
    let form = rng.weighted(FORMS).clone();
    let joint = rng.chance(50);

    let Cast {
        entries,
        issuer_index,
        principal,
        manager,
    } = cast(&mut rng, pools, joint);
    let home = joint || entries.iter().all(|e| e.home_issuer == issuer_index);
    let entry = &pools.issuers[issuer_index];
    let d = dates(&mut rng, &form, entry.fiscal_year_end);
    let version = schema_version(&form, d.filed);

    let mut f = Filing::new(
        form.clone(),
        Source {
            path: "synthetic".into(),
            kind: SourceKind::Xml,
            line: None,
        },
    );
    f.schema_version = Some(version.into());
    f.period_of_report = Some(d.period);
    f.filing_date = Some(d.filed);
    f.date_of_original_submission = d.original;
    let mut issuer = entry.issuer.clone();
    if version != "X0609" {
        issuer.foreign_trading_symbol = None;
    }
    f.issuer = issuer;
    f.owners = entries
        .iter()
        .map(|e| owner_for(e, version, home))
        .collect();

    // Rows.
    let surname: Text = principal.rsplit(' ').next().unwrap_or("Smith").into();
    let line_form = match form {
        FormType::Form5 | FormType::Form5A => pools.lex.form5.clone(),
        _ => pools.lex.form4.clone(),
    };
    let mut maker = RowMaker::new(&mut rng, pools, entry, d.window, line_form, surname);
    match form {
        FormType::Form3 | FormType::Form3A => maker.form3(),
        FormType::Form5 | FormType::Form5A => maker.form5(),
        _ => maker.form4(joint),
    }
    let used_plan = maker.used_plan;
    let (rows, notes) = maker.into_rows();
    f.rows = rows;

    // Flags.
    match form {
        FormType::Form3 | FormType::Form3A => {
            f.flags.no_securities_owned = Some(f.rows.is_empty());
        }
        _ => {
            f.flags.not_subject_to_section16 = match rng.below(100) {
                0..=69 => Some(false),
                70 => Some(true),
                _ => None,
            };
            if has_10b5_box(d.filed) {
                f.flags.aff10b5_one = Some(used_plan);
            }
        }
    }
    if matches!(form, FormType::Form5 | FormType::Form5A) {
        let coded = |ty: &str| {
            f.rows.iter().any(|r| {
                r.coding
                    .as_ref()
                    .and_then(|c| c.form_type.as_deref())
                    .is_some_and(|t| t == ty)
            })
        };
        f.flags.form3_holdings_reported = Some(coded("3"));
        f.flags.form4_transactions_reported = Some(coded("4"));
    }

    // Remarks, footnotes and signatures.
    let see_remarks = f.owners.iter().any(|o| {
        o.relationship.officer_title.as_deref() == Some("See Remarks")
            || o.relationship.other_text.as_deref() == Some("See Remarks")
    });
    f.remarks = if see_remarks {
        Some(rng.pick(&pools.lex.remark_titles).clone())
    } else if rng.chance(if joint { 400 } else { 100 }) {
        Some(rng.pick(&pools.lex.remarks).clone())
    } else {
        None
    };
    f.footnotes = notes.into_vec();
    f.signatures = signatures(
        &mut rng,
        pools,
        &entries,
        &principal,
        manager.as_ref(),
        d.filed,
    );

    // EDGAR's identifiers.
    // Filed by an agent, by the owner, or by the issuer for its insiders.
    let prefix = match rng.below(100) {
        0..=49 => None,
        50..=79 => entries.first().and_then(|e| e.owner.cik.clone()),
        _ => f.issuer.cik.clone(),
    }
    .unwrap_or_else(|| rng.pick(&pools.agents).clone());
    f.accession_number = Some(accession(&prefix, d.filed, index));
    let secs = *rng.weighted(&[
        (6 * 3600u32, 10),
        (12 * 3600, 30),
        (16 * 3600, 50),
        (18 * 3600, 10),
    ]);
    let time = NaiveTime::from_num_seconds_from_midnight_opt(secs + rng.below(7200) as u32, 0);
    f.acceptance_datetime = time.map(|t| d.filed.and_time(t));
    f
}

/// Signatures: one per owner as a rule, by the person or an attorney-in-fact; entities
/// sign through their managing member; some joint filings carry one signature for all.
fn signatures(
    rng: &mut Rng,
    pools: &Pools,
    entries: &[&OwnerEntry],
    principal: &Text,
    manager: Option<&Text>,
    filed: NaiveDate,
) -> Vec<Signature> {
    let date = Some(weekday_on_or_before(add_days(
        filed,
        -*rng.weighted(&[(0i64, 70), (1, 20), (2, 6), (5, 3), (40, 1)]),
    )));
    let attorney = rng.pick(&pools.attorneys).clone();
    let by_attorney = rng.chance(600);
    let sign = |rng: &mut Rng, e: &OwnerEntry| -> Text {
        let is_entity = manager.is_some() && e.signer != *principal;
        let name = if is_entity {
            match (rng.below(3), manager) {
                (0, Some(m)) if e.owner.name.as_ref() != Some(m) => format!(
                    "{}, By: {m}, its general partner, By: /s/ {principal}, Managing Member",
                    e.signer
                ),
                _ => format!("{}, By: /s/ {principal}, Authorized Signatory", e.signer),
            }
        } else if by_attorney {
            format!("/s/ {attorney}, attorney-in-fact for {}", e.signer)
        } else {
            format!("/s/ {}", e.signer)
        };
        name.into()
    };
    if entries.len() > 1 && rng.chance(150) {
        let name = format!(
            "/s/ {principal}, individually and on behalf of each of the other Reporting Persons"
        );
        return vec![Signature {
            name: name.into(),
            date,
        }];
    }
    entries
        .iter()
        .map(|e| Signature {
            name: sign(rng, e),
            date,
        })
        .collect()
}
