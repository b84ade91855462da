//! The casts a run of the generator draws from: issuers, people and fund families.
//!
//! Pools are built once per run from the seed and sized to the number of filings (a
//! million filings name about ten thousand issuers and a hundred thousand owners, as
//! real data does). Every name, address and title is an interned [`Text`], so filings
//! share them instead of copying.

use crate::model::{Address, Issuer, Relationship, ReportingOwner, Text};

use super::names::*;
use super::rng::Rng;

/// The stream reserved for building pools; filings use streams `0..filings`.
const POOL_STREAM: u64 = u64::MAX;

/// A company whose insiders file.
pub(crate) struct IssuerEntry {
    /// Name, CIK, symbol, SIC and state of incorporation.
    pub(crate) issuer: Issuer,
    /// Title of the common stock as this issuer's filings spell it.
    pub(crate) stock: Text,
    /// Typical share price, in ten-thousandths of a dollar.
    pub(crate) price: u64,
    /// Month (1–12) the fiscal year ends.
    pub(crate) fiscal_year_end: u32,
    /// Business address, used for "C/O" owner addresses.
    pub(crate) street: Text,
    /// City, state and ZIP of the business address.
    pub(crate) place: (Text, Text, Text),
    /// Name in upper case for "C/O" lines.
    pub(crate) care_of: Text,
}

/// A reporting person or entity as it appears on the forms.
pub(crate) struct OwnerEntry {
    /// Id, name, address and relationship (address in pre-X0609 form).
    pub(crate) owner: ReportingOwner,
    /// The name as signed ("James V. Caruso", or an entity's name).
    pub(crate) signer: Text,
    /// Index of the issuer this owner is an insider of.
    pub(crate) home_issuer: usize,
    /// Whether the address is outside the US.
    pub(crate) non_us: bool,
    /// Province or territory of a non-US address, where customary.
    pub(crate) territory: Option<Text>,
}

/// Entities and people that file jointly: a fund, its general partner, its manager and
/// the managing member.
pub(crate) struct Family {
    /// Members in the order they are listed on a filing; at least two.
    pub(crate) members: Vec<OwnerEntry>,
    /// The managing member who signs for the entities.
    pub(crate) principal: Text,
    /// The general partner or manager named in signatures.
    pub(crate) manager: Text,
    /// Index of the issuer the family holds ten percent of.
    pub(crate) home_issuer: usize,
}

/// Everything filings are drawn from. No pool is ever empty (see [`sizes`]), so an index
/// drawn below a pool's length always names an entry.
pub(crate) struct Pools {
    pub(crate) issuers: Vec<IssuerEntry>,
    pub(crate) people: Vec<OwnerEntry>,
    pub(crate) families: Vec<Family>,
    /// Attorneys-in-fact who sign for reporting persons.
    pub(crate) attorneys: Vec<Text>,
    /// CIKs of filing agents, used as accession-number prefixes.
    pub(crate) agents: Vec<Text>,
    /// Interned texts of the word lists.
    pub(crate) lex: Lexicon,
}

/// Interned copies of the word lists that end up in filings.
pub(crate) struct Lexicon {
    pub(crate) natures: Vec<(Text, u32)>,
    pub(crate) options: Vec<Text>,
    pub(crate) units: Vec<Text>,
    pub(crate) preferred: Vec<Text>,
    pub(crate) warrants: Vec<Text>,
    pub(crate) remarks: Vec<Text>,
    pub(crate) remark_titles: Vec<Text>,
    pub(crate) form3: Text,
    pub(crate) form4: Text,
    pub(crate) form5: Text,
    pub(crate) note_title: Text,
    pub(crate) by_fund: Text,
}

fn intern(list: &[&str]) -> Vec<Text> {
    list.iter().map(|s| Text::from(*s)).collect()
}

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon {
            natures: NATURES.iter().map(|(s, w)| (Text::from(*s), *w)).collect(),
            options: intern(OPTION_TITLES),
            units: intern(UNIT_TITLES),
            preferred: intern(PREFERRED_TITLES),
            warrants: intern(WARRANT_TITLES),
            remarks: intern(REMARKS),
            remark_titles: intern(REMARK_TITLES),
            form3: "3".into(),
            form4: "4".into(),
            form5: "5".into(),
            note_title: "Convertible Promissory Note".into(),
            by_fund: "By Fund".into(),
        }
    }
}

/// Pool sizes for a run of `filings`: issuers ~ filings/100 (20 to 12,000), people ~
/// filings/10 (50 to 120,000), fund families ~ filings/400 (10 to 3,000).
fn sizes(filings: usize) -> (usize, usize, usize) {
    (
        (filings / 100).clamp(20, 12_000),
        (filings / 10).clamp(50, 120_000),
        (filings / 400).clamp(10, 3_000),
    )
}

/// A 10-digit zero-padded CIK: `base + i * stride` plus a jitter below the stride, so
/// CIKs within a pool are distinct and increasing.
fn cik(rng: &mut Rng, base: u64, stride: u64, i: usize) -> Text {
    let n = base + (i as u64) * stride + rng.below(stride);
    format!("{n:010}").into()
}

impl Pools {
    /// Builds the pools for a run of `filings` filings from `seed`.
    pub(crate) fn new(seed: u64, filings: usize) -> Pools {
        let mut rng = Rng::new(seed, POOL_STREAM);
        let (n_issuers, n_people, n_families) = sizes(filings);
        let issuers: Vec<IssuerEntry> = (0..n_issuers).map(|i| issuer(&mut rng, i)).collect();
        let people = (0..n_people)
            .map(|i| {
                let home = rng.index(issuers.len());
                person(&mut rng, i, home, &issuers[home])
            })
            .collect();
        let families = (0..n_families)
            .map(|i| family(&mut rng, i, issuers.len()))
            .collect();
        let attorneys = (0..64).map(|_| signer_name(&mut rng).1).collect();
        let agents = (0..12).map(|i| cik(&mut rng, 1_005_000, 137, i)).collect();
        Pools {
            issuers,
            people,
            families,
            attorneys,
            agents,
            lex: Lexicon::new(),
        }
    }
}

/// A person's name as filed ("CARUSO JAMES V", or "Caruso James V.") and as signed
/// ("James V. Caruso").
fn signer_name(rng: &mut Rng) -> (String, Text) {
    let last = *rng.pick(SURNAMES);
    let first = *rng.pick(FIRST_NAMES);
    let middle = if rng.chance(700) {
        Some(char::from(b'A' + rng.below(26) as u8))
    } else {
        None
    };
    let filed = match middle {
        Some(m) => format!("{last} {first} {m}"),
        None => format!("{last} {first}"),
    };
    let signed = match middle {
        Some(m) => format!("{} {m}. {}", title_case(first), title_case(last)),
        None => format!("{} {}", title_case(first), title_case(last)),
    };
    (filed, signed.into())
}

/// `MCALLISTER` → `Mcallister`: good enough for fictional names.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
        start = matches!(c, ' ' | '-' | '.');
    }
    out
}

/// A trading symbol made from the name's initials, with the odd spellings real filings
/// carry now and then (lower case, `NONE`, exchange prefixes, parentheses, none at all).
fn ticker(rng: &mut Rng, words: &[&str]) -> Option<Text> {
    let mut t: String = words
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_ascii_alphabetic()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    while t.len() < 3 {
        t.push(char::from(b'A' + rng.below(26) as u8));
    }
    if rng.chance(300) {
        t.push(char::from(b'A' + rng.below(26) as u8));
    }
    let odd = rng.below(1000);
    let t = match odd {
        0..=7 => t.to_ascii_lowercase(),
        8..=12 => "NONE".to_string(),
        13..=17 => format!("NYSE: {t}"),
        18..=20 => "N/A".to_string(),
        21..=22 => format!("({t})"),
        23..=24 => format!("{t}.PK"),
        25..=28 => return None,
        _ => t,
    };
    Some(t.into())
}

fn issuer(rng: &mut Rng, i: usize) -> IssuerEntry {
    let stem = *rng.pick(COMPANY_STEMS);
    let (tail, sic) = *rng.pick(COMPANY_TAILS);
    let suffix = *rng.weighted(CORP_SUFFIXES);
    let mut name = if rng.chance(40) {
        let (a, b) = (*rng.pick(SURNAMES), *rng.pick(SURNAMES));
        let (a, b) = (title_case(a), title_case(b));
        format!("{a} & {b} {tail}{suffix}")
    } else {
        format!("{stem} {tail}{suffix}")
    };
    if rng.chance(350) {
        // EDGAR's conformed style: upper case, no punctuation at the end.
        name = name
            .to_ascii_uppercase()
            .replace(", INC.", " INC")
            .replace('.', "");
    }
    let words: Vec<&str> = stem.split(' ').chain(tail.split(' ')).collect();
    let symbol = ticker(rng, &words);
    let incorporation = *rng.weighted(INCORPORATION);
    let is_foreign = matches!(incorporation, "E9" | "D0" | "L2" | "A6");
    let foreign_symbol = (is_foreign && rng.chance(500)).then(|| {
        let digits = rng.range(1000, 9999);
        Text::from(format!("{digits}.HK"))
    });
    let (city, state, zip) = *rng.pick(US_PLACES);
    let street = format!("{} {}", rng.range(1, 9999), rng.pick(STREETS));
    let price = if rng.chance(100) {
        rng.log_uniform(300, 10_000)
    } else {
        rng.log_uniform(20_000, 3_000_000)
    };
    IssuerEntry {
        care_of: name.to_ascii_uppercase().into(),
        issuer: Issuer {
            cik: Some(cik(rng, 1_000, 83, i)),
            name: Some(name.into()),
            trading_symbol: symbol,
            foreign_trading_symbol: foreign_symbol,
            sic: Some(sic.into()),
            state_of_incorporation: Some(incorporation.into()),
        },
        stock: Text::from(*rng.weighted(STOCK_TITLES)),
        price,
        fiscal_year_end: if rng.chance(800) {
            12
        } else {
            *rng.pick(&[3, 6, 9, 1, 5]) as u32
        },
        street: street.into(),
        place: (city.into(), state.into(), zip.into()),
    }
}

/// Box 5 for a person: director, officer, ten percent owner or other, in the mix of real
/// filings.
fn person_relationship(rng: &mut Rng) -> Relationship {
    let mut rel = Relationship::default();
    match rng.below(100) {
        0..=34 => rel.is_director = true,
        35..=74 => rel.is_officer = true,
        75..=86 => {
            rel.is_director = true;
            rel.is_officer = true;
        }
        87..=91 => rel.is_ten_percent_owner = true,
        92..=95 => {
            rel.is_director = true;
            rel.is_ten_percent_owner = true;
        }
        _ => {
            rel.is_other = true;
            rel.other_text = Some(Text::from(*rng.pick(OTHER_TEXTS)));
        }
    }
    if rel.is_officer {
        let title = if rel.is_director && rng.chance(500) {
            *rng.pick(&[
                "Chairman and CEO",
                "President and CEO",
                "Executive Chairman",
            ])
        } else {
            *rng.weighted(OFFICER_TITLES)
        };
        rel.officer_title = Some(title.into());
    }
    rel
}

fn foreign_address(rng: &mut Rng, street: String) -> (Address, Option<Text>) {
    let (city, code, description, postal, territory) = *rng.pick(FOREIGN_PLACES);
    let address = Address {
        street1: Some(street.into()),
        city: Some(city.into()),
        state: Some(code.into()),
        zip: Some(postal.into()),
        state_description: Some(description.into()),
        ..Address::default()
    };
    (address, territory.map(Text::from))
}

fn person(rng: &mut Rng, i: usize, home: usize, at: &IssuerEntry) -> OwnerEntry {
    let (filed, signed) = signer_name(rng);
    let name = if rng.chance(700) {
        filed
    } else {
        // Some filer software keeps the case as typed: "Garascia Jessica A.".
        let mut n = title_case(&filed);
        if n.len() > 2 && n.as_bytes().get(n.len() - 2) == Some(&b' ') {
            n.push('.');
        }
        n
    };
    let non_us = rng.chance(30);
    let (address, territory) = if non_us {
        let street = format!("{} {}", rng.range(1, 400), rng.pick(STREETS));
        foreign_address(rng, street)
    } else if rng.chance(650) {
        let a = Address {
            street1: Some(format!("C/O {}", at.care_of).into()),
            street2: Some(at.street.clone()),
            city: Some(at.place.0.clone()),
            state: Some(at.place.1.clone()),
            zip: Some(at.place.2.clone()),
            ..Address::default()
        };
        (a, None)
    } else {
        let (city, state, zip) = *rng.pick(US_PLACES);
        let a = Address {
            street1: Some(format!("{} {}", rng.range(1, 9999), rng.pick(STREETS)).into()),
            city: Some(city.into()),
            state: Some(state.into()),
            zip: Some(zip.into()),
            ..Address::default()
        };
        (a, None)
    };
    OwnerEntry {
        owner: ReportingOwner {
            cik: Some(cik(rng, 1_300_000, 7, i)),
            name: Some(name.into()),
            address,
            relationship: person_relationship(rng),
        },
        signer: signed,
        home_issuer: home,
        non_us,
        territory,
    }
}

/// A fund family: up to ten entities (funds, their general partners and managers, a
/// trust) plus, often, the managing member in person.
fn family(rng: &mut Rng, i: usize, issuers: usize) -> Family {
    let stem = *rng.pick(FUND_STEMS);
    let series = *rng.pick(ROMAN);
    let (principal_filed, principal) = signer_name(rng);
    let manager = format!("{stem} CAPITAL MANAGEMENT, LLC");
    let trust = format!(
        "THE {} FAMILY TRUST",
        principal_filed.split(' ').next().unwrap_or(stem)
    );
    let mut names: Vec<(String, bool)> = [
        format!("{stem} PARTNERS FUND {series}, L.P."),
        format!("{stem} GP {series}, LLC"),
        manager.clone(),
        format!("{stem} OPPORTUNITIES MASTER FUND LTD"),
        format!("{stem} CO-INVEST {series}, L.P."),
        format!("{stem} ASSOCIATES {series}, L.L.C."),
        format!("{stem} HOLDINGS LLC"),
        trust,
        format!("{stem} PARALLEL FUND {series}, L.P."),
    ]
    .into_iter()
    .map(|n| (n, false))
    .collect();
    names.truncate(rng.range(2, 9) as usize);
    if rng.chance(600) {
        names.push((principal_filed, true));
    }
    let offshore = rng.chance(150);
    let (city, state, zip) = *rng.pick(&[
        ("NEW YORK", "NY", "10022"),
        ("MENLO PARK", "CA", "94025"),
        ("BOSTON", "MA", "02116"),
        ("GREENWICH", "CT", "06830"),
        ("SAN FRANCISCO", "CA", "94111"),
        ("CHICAGO", "IL", "60606"),
    ]);
    let street: Text = format!(
        "{} {}, SUITE {}",
        rng.range(1, 2000),
        rng.pick(STREETS),
        rng.range(100, 4000)
    )
    .into();
    let members = names
        .into_iter()
        .enumerate()
        .map(|(k, (name, is_person))| {
            let mut relationship = Relationship {
                is_ten_percent_owner: true,
                ..Relationship::default()
            };
            if is_person && rng.chance(500) {
                relationship.is_director = true;
            }
            let (address, territory, non_us) = if offshore && name.contains("LTD") {
                let (a, t) = foreign_address(
                    rng,
                    "C/O WALKERS CORPORATE LIMITED, 190 ELGIN AVENUE".into(),
                );
                (a, t, true)
            } else {
                let a = Address {
                    street1: Some(street.clone()),
                    city: Some(city.into()),
                    state: Some(state.into()),
                    zip: Some(zip.into()),
                    ..Address::default()
                };
                (a, None, false)
            };
            let signer: Text = if is_person {
                principal.clone()
            } else {
                name.as_str().into()
            };
            OwnerEntry {
                owner: ReportingOwner {
                    cik: Some(cik(rng, 2_200_000, 5, i * 10 + k)),
                    name: Some(name.into()),
                    address,
                    relationship,
                },
                signer,
                home_issuer: 0,
                non_us,
                territory,
            }
        })
        .collect();
    Family {
        members,
        principal,
        manager: manager.into(),
        home_issuer: rng.index(issuers),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_scale_with_the_run_and_ciks_are_distinct() {
        let p = Pools::new(3, 50_000);
        assert_eq!(p.issuers.len(), 500);
        assert_eq!(p.people.len(), 5_000);
        assert_eq!(p.families.len(), 125);
        let mut ciks: Vec<&str> = p
            .issuers
            .iter()
            .filter_map(|i| i.issuer.cik.as_deref())
            .chain(p.people.iter().filter_map(|o| o.owner.cik.as_deref()))
            .chain(
                p.families
                    .iter()
                    .flat_map(|f| &f.members)
                    .filter_map(|o| o.owner.cik.as_deref()),
            )
            .collect();
        assert!(ciks
            .iter()
            .all(|c| c.len() == 10 && c.bytes().all(|b| b.is_ascii_digit())));
        let n = ciks.len();
        ciks.sort_unstable();
        ciks.dedup();
        assert_eq!(ciks.len(), n);
        assert!(p
            .families
            .iter()
            .all(|f| f.members.len() >= 2 && f.members.len() <= 10));
    }

    #[test]
    fn small_runs_keep_minimum_pools() {
        assert_eq!(sizes(100), (20, 50, 10));
        assert_eq!(sizes(100_000_000), (12_000, 120_000, 3_000));
    }
}
