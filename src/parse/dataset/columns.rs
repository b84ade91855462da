//! Finding columns by header name. The set of columns changes across years
//! (`AFF10B5ONE` comes and goes, `FORM3_HOLDING(S)_REPORTED` is spelled two ways), so no
//! position is ever assumed.

/// A table's header: column names in order.
pub struct Columns {
    names: Vec<String>,
}

/// A value column and its footnote partner (`X` and `X_FN`), either possibly absent.
#[derive(Clone, Copy, Default)]
pub struct ValueColumn {
    /// The value column.
    pub value: Option<usize>,
    /// The footnote-id column.
    pub footnotes: Option<usize>,
}

impl Columns {
    /// Columns from upper-cased header names.
    pub fn new(names: Vec<String>) -> Self {
        Columns { names }
    }

    /// Index of the first column with one of `names`.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.names.iter().position(|h| h == n))
    }

    /// Index of the column `name`.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.find(&[name])
    }

    /// The value column `name` and its `name_FN` partner.
    pub fn value(&self, name: &str) -> ValueColumn {
        ValueColumn {
            value: self.get(name),
            footnotes: self.get(&format!("{name}_FN")),
        }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// The name of column `i`.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("?", String::as_str)
    }
}
