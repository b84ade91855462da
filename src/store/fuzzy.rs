//! Fuzzy scores of keys, as skim's V2 matcher (default scores, case ignored) gives them.
//!
//! A keystroke scores tens of thousands of keys. The matcher copies each key into a
//! vector of characters and fills a score matrix through shared per-thread buffers; for
//! the ASCII keys and patterns that nearly every search holds, the same scores are
//! computed here on bytes, with scratch rows each worker owns. Anything else goes to the
//! matcher itself.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// The matcher whose scores these are.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// True when the lower-case `needle` is a subsequence of `hay`: a cheap test that skips
/// most keys before they are scored. Whitespace in the needle is skipped.
pub fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut rest = hay.chars();
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|n| rest.any(|h| h == n))
}

/// How a character counts for the matcher's bonuses (its `CharType`).
#[derive(Clone, Copy)]
enum CharKind {
    Empty,
    HardSep,
    SoftSep,
    Number,
    Upper,
    Lower,
}

impl CharKind {
    fn of(c: char) -> CharKind {
        match c {
            '\0' => CharKind::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharKind::HardSep,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharKind::SoftSep,
            '0'..='9' => CharKind::Number,
            'A'..='Z' => CharKind::Upper,
            _ => CharKind::Lower,
        }
    }

    fn of_byte(b: u8) -> CharKind {
        BYTE_KINDS
            .get(usize::from(b))
            .copied()
            .unwrap_or(CharKind::Lower)
    }
}

/// [`CharKind::of`] for every byte, looked up rather than matched.
static BYTE_KINDS: [CharKind; 256] = {
    let mut kinds = [CharKind::Lower; 256];
    let mut b = 0;
    while b < 256 {
        kinds[b] = match b as u8 {
            0 => CharKind::Empty,
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
                CharKind::HardSep
            }
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharKind::SoftSep,
            b'0'..=b'9' => CharKind::Number,
            b'A'..=b'Z' => CharKind::Upper,
            _ => CharKind::Lower,
        };
        b += 1;
    }
    kinds
};

/// The bonus of a character's place: 8 at the head of a word, 7 after punctuation, 6 at
/// a camel hump, else 0.
fn place_bonus(prev: CharKind, kind: CharKind) -> i32 {
    match (prev, kind) {
        (CharKind::Empty | CharKind::HardSep, _) => 8,
        (CharKind::SoftSep, _) => 7,
        (CharKind::Lower | CharKind::Number, CharKind::Upper) => 6,
        _ => 0,
    }
}

/// The matcher's score for one character found: 16, or 14 when its case differs.
fn match_score(exact: bool) -> i32 {
    if exact {
        16
    } else {
        14
    }
}

/// Scratch rows of the score matrix, kept by a worker from key to key.
#[derive(Default)]
pub struct Scorer {
    firsts: Vec<usize>,
    bonuses: Vec<i32>,
    cells: Vec<Cell>,
}

/// A cell of the matrix: the best score ending in a match here (`m`) or in a gap (`p`),
/// and the bonus a consecutive match carries on.
#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

/// The matcher's minus infinity.
const NEG: i32 = i16::MIN as i32;

const UNSET: Cell = Cell {
    m: NEG,
    p: NEG,
    bonus: 0,
};

impl Scorer {
    /// The matcher's score of `choice` for `pattern`; `None` when it does not match.
    pub fn score(&mut self, m: &SkimMatcherV2, choice: &str, pattern: &str) -> Option<i64> {
        let mut chars = pattern.chars();
        if let (Some(p), None) = (chars.next(), chars.next()) {
            return one_char_score(choice, p);
        }
        if choice.is_ascii() && pattern.is_ascii() && !pattern.is_empty() {
            return self.ascii_score(choice.as_bytes(), pattern.as_bytes());
        }
        m.fuzzy_match(choice, pattern)
    }

    /// The matcher's alignment with two rows of cells, exactly as it computes it when it
    /// needs no positions: row `i + 1` of the pattern overwrites row `i - 1`, and the
    /// cells it starts from keep what that row left there.
    fn ascii_score(&mut self, choice: &[u8], pattern: &[u8]) -> Option<i64> {
        // The first place each pattern byte can match, in order; none: no match.
        self.firsts.clear();
        let mut wanted = pattern.iter().peekable();
        for (j, c) in choice.iter().enumerate() {
            match wanted.peek() {
                Some(p) if c.eq_ignore_ascii_case(p) => {
                    self.firsts.push(j);
                    wanted.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        if wanted.peek().is_some() {
            return None;
        }
        let cols = choice.len() + 1;
        self.bonuses.clear();
        self.bonuses.push(0);
        let mut prev = CharKind::Empty;
        for &c in choice {
            let kind = CharKind::of_byte(c);
            self.bonuses.push(place_bonus(prev, kind));
            prev = kind;
        }
        if let Some(first) = self.bonuses.get_mut(1) {
            *first *= 2;
        }
        // Row 0 starts as gaps of one; row 1 starts unset.
        self.cells.clear();
        self.cells.resize(cols, Cell { p: -1, ..UNSET });
        self.cells.resize(2 * cols, UNSET);
        let (row0, row1) = self.cells.split_at_mut(cols);
        for (i, (&p, &skip)) in pattern.iter().zip(&self.firsts).enumerate() {
            let (cur, above) = if i % 2 == 0 {
                (&mut *row1, &*row0)
            } else {
                (&mut *row0, &*row1)
            };
            let (first, rest) = cur.get_mut(skip..)?.split_first_mut()?;
            let above = above.get(skip..)?;
            let places = self.bonuses.get(skip + 1..)?;
            let choice = choice.get(skip..)?;
            // `before` is the cell left of the one being filled: its bonus may still
            // change, so it is written back one step late.
            let mut before = *first;
            let mut before_slot = first;
            for (((slot, &diag), &c), &place) in rest.iter_mut().zip(above).zip(choice).zip(places)
            {
                let mut cell = *slot;
                if c.eq_ignore_ascii_case(&p) {
                    let carried = before.bonus.max(place.max(4));
                    before.bonus = carried;
                    cell.m = (diag.m + carried).max(diag.p + place) + match_score(c == p);
                } else {
                    cell.m = NEG;
                    cell.bonus = 0;
                }
                cell.p = (before.m - 4).max(before.p - 1);
                *before_slot = before;
                before = cell;
                before_slot = slot;
            }
            *before_slot = before;
        }
        let cells = &self.cells;
        let last_row = (pattern.len() & 1) * cols;
        let from = self.firsts.last().copied().unwrap_or(0);
        cells
            .get(last_row + from..last_row + cols)?
            .iter()
            .map(|c| i64::from(c.m))
            .max()
    }
}

/// The matcher's score of `choice` for the one-character pattern `p`, computed directly:
/// a first keystroke matches nearly every key. For one character the alignment reduces
/// to the best single position: 16 for the character (14 when its case differs), less 1
/// for the gap before it, plus the bonus of its place, doubled at the start.
fn one_char_score(choice: &str, p: char) -> Option<i64> {
    if let (true, Ok(p)) = (choice.is_ascii(), u8::try_from(p)) {
        return one_byte_score(choice.as_bytes(), p);
    }
    let mut best = None;
    let mut prev = CharKind::Empty;
    for (k, c) in choice.chars().enumerate() {
        let kind = CharKind::of(c);
        if c.eq_ignore_ascii_case(&p) {
            best = best.max(Some(place_score(k, prev, kind, c == p)));
        }
        prev = kind;
    }
    best
}

/// [`one_char_score`] for an ASCII key and pattern: only the places holding the
/// character (either case), found by a vectorised search, are scored.
fn one_byte_score(choice: &[u8], p: u8) -> Option<i64> {
    let kind_at = |i: Option<usize>| {
        i.and_then(|i| choice.get(i))
            .map_or(CharKind::Empty, |&b| CharKind::of_byte(b))
    };
    memchr::memchr2_iter(p.to_ascii_lowercase(), p.to_ascii_uppercase(), choice)
        .map(|k| {
            let c = choice.get(k).copied().unwrap_or(p);
            place_score(k, kind_at(k.checked_sub(1)), kind_at(Some(k)), c == p)
        })
        .max()
}

/// The one-character score of the pattern found at character `k`.
fn place_score(k: usize, prev: CharKind, kind: CharKind, exact: bool) -> i64 {
    let place = place_bonus(prev, kind);
    let place = if k == 0 { place * 2 } else { place };
    i64::from(-1 + place + match_score(exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh matcher's score: its buffers start empty, as the scorer's do.
    fn skim(choice: &str, pattern: &str) -> Option<i64> {
        matcher().fuzzy_match(choice, pattern)
    }

    #[test]
    fn subsequence_test_is_ordered_and_skips_spaces() {
        assert!(is_subsequence("clrb", "cellectar biosciences clrb"));
        assert!(is_subsequence("car jam", "caruso james v"));
        assert!(is_subsequence("car\u{b}jam", "caruso james v"));
        assert!(!is_subsequence("bc", "cb"));
        assert!(!is_subsequence("aa", "a"));
        assert!(is_subsequence("émi", "émile zola"));
        assert!(!is_subsequence("ez", "zola émile"));
    }

    const NAMES: [&str; 16] = [
        "CARUSO JAMES V",
        "caruso james v",
        "Cellectar Biosciences, Inc.",
        "McDonald's Corp",
        "AT&T INC.",
        "3M Co",
        "a",
        "A",
        "aAaA",
        "x-ray/Alpha(beta)[Gamma]{delta}|eps\\zeta",
        "O'NEIL (PATRICK)",
        "Émile Zola éa",
        "snake_case.dot:colon@at^caret`tick~tilde!bang",
        "",
        "   ",
        "ANDERSON ANNA-ANNE AND ANDREWS",
    ];

    #[test]
    fn one_character_scores_are_the_matchers_own() {
        for name in NAMES {
            for p in "aAcCjJmMeE3.&( éÉ".chars() {
                assert_eq!(
                    one_char_score(name, p),
                    skim(name, &p.to_string()),
                    "{name:?} / {p:?}"
                );
            }
        }
    }

    #[test]
    fn longer_patterns_score_as_the_matcher() {
        let mut s = Scorer::default();
        let m = matcher();
        for name in NAMES {
            for pattern in [
                "an", "AN", "and", "anne", "caru", "car jam", "ja", "mc", "McD", "at&t", "zeta",
                "a b", "aaa", "bio inc", "éa", "zz", "  ",
            ] {
                assert_eq!(
                    s.score(&m, name, pattern),
                    skim(name, pattern),
                    "{name:?} / {pattern:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn one_character_scores_match_on_any_text(
            name in "[ -~éÉ\u{0}]{0,40}",
            p in "[ -~éÉ]",
        ) {
            let Some(p) = p.chars().next() else { return Ok(()) };
            proptest::prop_assert_eq!(one_char_score(&name, p), skim(&name, &p.to_string()));
        }

        #[test]
        fn ascii_scores_match_the_matcher(
            name in "[aAbB .(_-]{0,30}",
            pattern in "[aAbB .]{2,5}",
        ) {
            let mut s = Scorer::default();
            proptest::prop_assert_eq!(s.score(&matcher(), &name, &pattern), skim(&name, &pattern));
        }

        #[test]
        fn a_scorer_reused_from_key_to_key_scores_each_alone(
            names in proptest::collection::vec("[ -~]{0,24}", 1..8),
            pattern in "[a-eA-E ]{2,4}",
        ) {
            let mut s = Scorer::default();
            let m = matcher();
            for name in &names {
                proptest::prop_assert_eq!(s.score(&m, name, &pattern), skim(name, &pattern));
            }
        }

        #[test]
        fn subsequence_test_lets_through_every_key_the_matcher_scores(
            needle in "[a-e é\u{b}]{0,6}",
            hay in "[a-e é\u{b}]{0,20}",
        ) {
            if skim(&hay, &needle).is_some() {
                proptest::prop_assert!(is_subsequence(&needle, &hay));
            }
        }
    }
}
