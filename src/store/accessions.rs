//! Which filing holds each accession number, so that a second copy of a filing is merged
//! into the first rather than added again.
//!
//! An accession number as EDGAR writes it (`0001234567-25-000123`: ten digits, two, six)
//! is kept as one 64-bit number, eight bytes where the text would cost an allocation; any
//! other spelling is kept as text.

use rustc_hash::FxHashMap;

use super::FilingId;
use crate::model::Text;

/// Filing ids by accession number.
#[derive(Debug, Default)]
pub struct Accessions {
    numbers: FxHashMap<u64, FilingId>,
    others: FxHashMap<Text, FilingId>,
}

/// The eighteen digits of an accession number in EDGAR's form, as one number.
fn packed(accession: &str) -> Option<u64> {
    let b = accession.as_bytes();
    if b.len() != 20 || b.get(10) != Some(&b'-') || b.get(13) != Some(&b'-') {
        return None;
    }
    let mut n = 0u64;
    for (i, &c) in b.iter().enumerate() {
        if i == 10 || i == 13 {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(c - b'0');
    }
    Some(n)
}

impl Accessions {
    /// The filing holding `accession`, if any.
    pub fn get(&self, accession: &Text) -> Option<FilingId> {
        match packed(accession) {
            Some(n) => self.numbers.get(&n).copied(),
            None => self.others.get(accession).copied(),
        }
    }

    /// Records that filing `id` holds `accession`.
    pub fn insert(&mut self, accession: &Text, id: FilingId) {
        match packed(accession) {
            Some(n) => {
                self.numbers.insert(n, id);
            }
            None => {
                self.others.insert(accession.clone(), id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edgar_numbers_and_other_spellings_are_told_apart() {
        let mut a = Accessions::default();
        a.insert(&Text::from("0001234567-25-000123"), 1);
        a.insert(&Text::from("000123456725000123"), 2);
        a.insert(&Text::from("0009999999-06-000001"), 3);
        assert_eq!(a.get(&Text::from("0001234567-25-000123")), Some(1));
        assert_eq!(a.get(&Text::from("000123456725000123")), Some(2));
        assert_eq!(a.get(&Text::from("0009999999-06-000001")), Some(3));
        assert_eq!(a.get(&Text::from("0001234567-25-000124")), None);
        assert_eq!(a.get(&Text::from("0001234567-25-00012x")), None);
        assert_eq!(
            packed("9999999999-99-999999"),
            Some(999_999_999_999_999_999)
        );
        assert_eq!(packed("0001234567+25-000123"), None);
    }
}
