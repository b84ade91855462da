//! The store behind the explorer: interned keys and posting lists, incremental loading,
//! search ranking and refining, filter evaluation and sort orders.

mod tui_fixtures;

use insider_tui::model::TransactionCode;
use insider_tui::store::filter::Query;
use insider_tui::store::search::search;
use insider_tui::store::sort::SortKey;
use insider_tui::store::vocab::{DateField, Plan, Role};
use insider_tui::store::{view, Store};
use tui_fixtures::*;

#[test]
fn keys_are_interned_once_with_sorted_postings() {
    let store = Store::from_filings(all());
    let idx = store.index();
    assert_eq!(idx.issuers.len(), 4, "Cellectar twice, one key");
    let clrb = idx.tickers.find("CLRB").unwrap();
    assert_eq!(idx.tickers.postings(clrb), &[0, 4]);
    assert_eq!(idx.owners.len(), 6, "every owner of the joint filing");
    let starboard = idx.owners.find("STARBOARD VALUE LP").unwrap();
    assert_eq!(idx.owners.postings(starboard), &[2]);
    let malson = idx.owners.find("MALSON KELLY M").unwrap();
    assert_eq!(idx.owners_of(2), &[malson, starboard]);
    assert_eq!(idx.owners_of(99), &[] as &[u32]);
    assert_eq!(idx.with_code(&TransactionCode::S), &[0, 1]);
    assert_eq!(idx.with_role(Role::TenPercentOwner), &[2, 4]);
    assert_eq!(idx.with_plan(Plan::Yes), &[1]);
    let traded: Vec<u32> = idx
        .in_date_range(DateField::Traded, Some(d("2023-10-02")), None)
        .collect();
    assert_eq!(traded, vec![1]);
}

#[test]
fn facts_sum_table_i_and_keep_missing_values_missing() {
    let store = Store::from_filings(all());
    let caruso = store.facts(0).unwrap();
    assert_eq!(caruso.net_shares, Some(dec("-34000")));
    assert_eq!(caruso.value, Some(dec("40704.8000")));
    assert_eq!(caruso.role_labels(), "Dir,Off");
    let tesla = store.facts(3).unwrap();
    assert_eq!(tesla.net_shares, None, "holdings only: no change, not zero");
    assert_eq!(tesla.value, None);
    assert!(tesla.is_period_date, "bare XML lists by period of report");
    let gift = store.facts(4).unwrap();
    assert_eq!(gift.value, None, "a gift without a price has no value");
    assert_eq!(gift.net_shares, Some(dec("-10000")));
}

#[test]
fn loading_in_batches_builds_the_same_store_as_loading_at_once() {
    let whole = Store::from_filings(all());
    let mut parts = Store::new();
    let mut filings = all().into_iter();
    parts.extend(filings.by_ref().take(2).collect());
    parts.extend(filings.collect());
    assert_eq!(parts.len(), whole.len());
    for q in [
        "ticker:CLRB",
        "from:2018-10-01 to:2019-12-31",
        "min:1000",
        "role:director code:S",
    ] {
        let q = Query::parse(q).unwrap();
        assert_eq!(q.evaluate(&parts), q.evaluate(&whole), "{q}");
    }
    let mut a = Store::from_filings(all());
    let mut b = parts;
    for key in SortKey::ALL {
        assert_eq!(a.order(key).to_vec(), b.order(key).to_vec(), "{key}");
    }
}

#[test]
fn search_ranks_closer_matches_first_and_refines_when_the_query_grows() {
    let store = Store::from_filings(all());
    let car = search(&store, "car", None);
    assert_eq!(car.count(), 2);
    assert!(
        car.rank(0).unwrap() < car.rank(4).unwrap(),
        "CARUSO beats C…a…r in Cellectar"
    );
    assert_eq!(car.rank(1), None);
    let caru = search(&store, "caru", Some(&car));
    assert_eq!(caru.count(), 1);
    assert!(caru.matched_keys() <= car.matched_keys());
    // Refining from the previous hits gives what a fresh search gives.
    let fresh = search(&store, "caru", None);
    assert_eq!(
        (fresh.count(), fresh.rank(0).is_some()),
        (caru.count(), caru.rank(0).is_some())
    );
    // A query that is not an extension starts over.
    let other = search(&store, "tesla", Some(&caru));
    assert_eq!(other.count(), 1);
    assert!(other.rank(3).is_some());
    assert_eq!(search(&store, "  ", None).count(), 0);
}

#[test]
fn views_combine_order_filter_and_search() {
    let mut store = Store::from_filings(all());
    let filter = Query::parse("ticker:CLRB,AAPL").unwrap().evaluate(&store);
    let hits = search(&store, "c", None);
    let (order, positions) = store.order_with_positions(SortKey::Date);
    let (order, positions) = (order.to_vec(), positions.to_vec());
    let v = view::build(&order, &positions, false, filter.as_ref(), None);
    assert_eq!(v, vec![1, 4, 0], "date order, newest first");
    let v = view::build(&order, &positions, true, filter.as_ref(), None);
    assert_eq!(v, vec![0, 4, 1]);
    let v = view::build(&order, &positions, false, filter.as_ref(), Some(&hits));
    assert_eq!(v.len(), 3);
    let ranks: Vec<u32> = v.iter().map(|id| hits.rank(*id).unwrap()).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "best matches first: {ranks:?}"
    );
}

#[test]
fn every_clause_evaluates_against_the_index() {
    let store = Store::from_filings(all());
    let ids = |q: &str| -> Vec<u32> {
        let set = Query::parse(q).unwrap().evaluate(&store).unwrap();
        (0..store.len() as u32)
            .filter(|i| set.contains(*i))
            .collect()
    };
    assert_eq!(ids("owner:malson"), vec![2]);
    assert_eq!(ids("owner:\"kelly malson\""), vec![2], "words in any order");
    assert_eq!(
        ids("issuer:0001279704"),
        vec![0, 4],
        "CIK with or without zeros"
    );
    assert_eq!(ids("form:4"), vec![0, 1]);
    assert_eq!(ids("ad:A"), vec![1, 2]);
    assert_eq!(ids("min:40704.80"), vec![0, 1]);
    assert_eq!(ids("min:40704.81"), vec![1]);
    assert_eq!(ids("from:2018-10-03 to:2018-10-03"), vec![0]);
    assert_eq!(ids("plan:yes,no"), vec![1]);
    assert!(
        Query::default().evaluate(&store).is_none(),
        "no filter: everything"
    );
}

#[test]
fn sparse_and_dense_searches_build_the_same_views_as_a_plain_stable_sort() {
    let mut filings = all();
    for i in 0..200u32 {
        let mut f = tesla();
        f.owners[0].name = Some(format!("OWNER NUMBER {i}").into());
        f.period_of_report = Some(d("2010-01-01") + chrono::Days::new(u64::from(i * 7 % 365)));
        filings.push(f);
    }
    let mut store = Store::from_filings(filings);
    let filter = Query::parse("role:director").unwrap().evaluate(&store);
    let mut seen_sparse = false;
    let mut seen_dense = false;
    for q in ["caru", "number 17", "c", "o", "tsla", "zzz"] {
        let hits = search(&store, q, None);
        match hits.sparse_ids() {
            Some(_) => seen_sparse = true,
            None => seen_dense = true,
        }
        for key in SortKey::ALL {
            let (order, positions) = store.order_with_positions(key);
            for reversed in [false, true] {
                for f in [None, filter.as_ref()] {
                    let got = view::build(order, positions, reversed, f, Some(&hits));
                    let mut want: Vec<u32> = if reversed {
                        order.iter().rev().copied().collect()
                    } else {
                        order.to_vec()
                    };
                    want.retain(|id| hits.rank(*id).is_some() && f.is_none_or(|s| s.contains(*id)));
                    want.sort_by_key(|id| hits.rank(*id));
                    assert_eq!(
                        got,
                        want,
                        "{q} {key} reversed={reversed} filtered={}",
                        f.is_some()
                    );
                }
            }
        }
    }
    assert!(seen_sparse && seen_dense, "both paths ran");
}
