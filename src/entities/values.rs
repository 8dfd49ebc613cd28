//! The values of the figures the highlighter finds: `40,005` is 40005,
//! `$4bn` and `4 billion` are 4e9, `3.2 million` is 3.2e6, `3.5%` is 3.5,
//! `twenty-five` is 25, so that `num:` filters compare figures by value.

use crate::filter::number_key;

/// Append the values of one figure's text to `out`. A figure may give
/// several (a score `2-1`, a range `10-15 million`, each part scaled by the
/// word after the last); text without a figure gives none. Digits are read
/// as the filter reads them: `,` and `.` between groups of three are
/// thousands separators (`40.005` is 40005), otherwise a decimal point.
pub fn values(text: &str, out: &mut Vec<f64>) {
    // Digits alone (`2025`, `215`), the commonest figure: one value, read
    // as the general path below reads it (an integer of up to 19 digits,
    // rounded to the nearest f64 once either way).
    if (1..=19).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Ok(v) = text.parse::<u64>()
    {
        #[allow(clippy::cast_precision_loss)]
        out.push(v as f64);
        return;
    }
    read_values(text, out);
}

/// [`values`], read word by word and digit by digit.
fn read_values(text: &str, out: &mut Vec<f64>) {
    // Most figures are ASCII without capitals: no copy for those.
    let lower: std::borrow::Cow<str> =
        if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(text.to_lowercase())
        };
    let mut key = String::new();
    let mut parts: Vec<f64> = Vec::new();
    let mut scale = 1.0_f64;
    let mut scale_after_last = false;
    let mut words = WordNumber::default();
    let mut chars = lower.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            words.flush(&mut parts);
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, ',' | '.')
                    && lower
                        .get(j + 1..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(|n| n.is_ascii_digit());
                if d.is_ascii_digit() || joins {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            key.clear();
            number_key(lower.get(i..end).unwrap_or(""), &mut key);
            if let Ok(v) = key.parse::<f64>() {
                parts.push(v);
                scale_after_last = false;
            }
        } else if c.is_alphabetic() {
            let mut end = i;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let word = lower.get(i..end).unwrap_or("");
            if words.take(word) {
                continue;
            }
            if let Some(m) = scale_word(word) {
                words.flush(&mut parts);
                if !parts.is_empty() && !scale_after_last {
                    scale = m;
                    scale_after_last = true;
                } else if scale_after_last {
                    scale *= m;
                } else {
                    // "hundred" alone, "a million": one of them.
                    parts.push(m);
                    scale_after_last = true;
                }
            } else if !is_ordinal_suffix(word) {
                words.flush(&mut parts);
            }
        } else {
            if !(c == '-' || c == ' ') {
                words.flush(&mut parts);
            }
            chars.next();
        }
    }
    words.flush(&mut parts);
    out.extend(
        parts
            .into_iter()
            .map(|v| v * scale)
            .filter(|v| v.is_finite()),
    );
}

/// The values of `text`, as a new vector.
pub fn values_of(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    values(text, &mut out);
    out
}

/// The multiplier a scale word stands for, written out or on the digits.
fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "k" | "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "m" | "mn" | "mln" | "million" | "millions" => 1e6,
        "crore" | "crores" => 1e7,
        "b" | "bn" | "bln" | "billion" | "billions" => 1e9,
        "tn" | "trln" | "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

fn is_ordinal_suffix(word: &str) -> bool {
    matches!(word, "st" | "nd" | "rd" | "th")
}

/// Number words being read: `twenty-five`, `two hundred and six`.
#[derive(Default)]
struct WordNumber {
    total: f64,
    current: f64,
    seen: bool,
}

impl WordNumber {
    /// Take `word` if it is a number word (or `and` inside one).
    fn take(&mut self, word: &str) -> bool {
        if !self.seen && matches!(word, "and" | "hundred") {
            return false;
        }
        if word == "and" {
            return true;
        }
        if word == "hundred" {
            self.current = self.current.max(1.0) * 100.0;
            return true;
        }
        let Some(v) = word_value(word) else {
            return false;
        };
        self.current += v;
        self.seen = true;
        true
    }

    fn flush(&mut self, parts: &mut Vec<f64>) {
        if self.seen {
            parts.push(self.total + self.current);
        }
        *self = Self::default();
    }
}

fn word_value(word: &str) -> Option<f64> {
    use crate::highlight::{ORDINALS, TENS, TENTHS, UNITS};
    let small = |n: usize| f64::from(u32::try_from(n).unwrap_or(0));
    if let Some(n) = UNITS.iter().position(|&w| w == word) {
        return Some(small(n));
    }
    if let Some(n) = ORDINALS.iter().position(|&w| w == word) {
        return Some(small(n));
    }
    if let Some(n) = TENS.iter().position(|&w| w == word) {
        return Some(small(n + 2) * 10.0);
    }
    TENTHS
        .iter()
        .position(|&w| w == word)
        .map(|n| small(n + 2) * 10.0)
}

/// Whether two values are the same figure (equal up to rounding of the
/// last printed digit of either).
pub fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_separators_and_scales() {
        for (text, want) in [
            ("40,005", vec![40005.0]),
            ("40.005", vec![40005.0]),
            ("3.2 million", vec![3.2e6]),
            ("4bn", vec![4e9]),
            ("4 billion", vec![4e9]),
            ("$4bn", vec![4e9]),
            ("US$12m", vec![12e6]),
            ("€4.2 million", vec![4.2e6]),
            ("1.5bn", vec![1.5e9]),
            ("300,000", vec![300_000.0]),
            ("3.5", vec![3.5]),
            ("3.5%", vec![3.5]),
            ("1,234.56", vec![1234.56]),
            ("40 crore", vec![4e8]),
            ("2 lakh", vec![2e5]),
            ("5k", vec![5000.0]),
            ("1.2tn", vec![1.2e12]),
            ("3rd", vec![3.0]),
            ("2-1", vec![2.0, 1.0]),
            ("10-15 million", vec![10e6, 15e6]),
            ("a million", vec![1e6]),
            ("hundred", vec![100.0]),
        ] {
            assert_eq!(values_of(text), want, "{text}");
        }
    }

    #[test]
    fn digits_alone_are_read_as_the_general_path_reads_them() {
        for text in [
            "0",
            "7",
            "007",
            "2025",
            "58239",
            "9007199254740993",
            "1234567890123456789",
            "9999999999999999999",
        ] {
            let mut general = Vec::new();
            read_values(text, &mut general);
            assert_eq!(values_of(text), general, "{text}");
        }
    }

    #[test]
    fn number_words() {
        for (text, want) in [
            ("Two", 2.0),
            ("twenty-five", 25.0),
            ("two hundred and six", 206.0),
            ("three million", 3e6),
            ("fifteen thousand", 15_000.0),
            ("third", 3.0),
            ("twentieth", 20.0),
        ] {
            assert_eq!(values_of(text), vec![want], "{text}");
        }
    }

    #[test]
    fn text_without_figures_has_no_values() {
        assert!(values_of("").is_empty());
        assert!(values_of("nothing here").is_empty());
        assert!(values_of("and").is_empty());
        assert!(values_of("12.05.2024").is_empty());
    }

    #[test]
    fn values_compare_with_rounding_slack() {
        assert!(same_value(4e9, 4_000_000_000.0));
        assert!(same_value(0.1 + 0.2, 0.3));
        assert!(!same_value(40005.0, 40006.0));
        assert!(!same_value(0.0, 1e-6));
    }
}
