//! Publication dates as news files write them.
//!
//! Only the calendar date is kept, as written: `2025-06-28T23:30:00-05:00`
//! is the 28th, whatever the reader's time zone.

use chrono::{DateTime, Datelike, NaiveDate};

/// Date-first layouts, tried with whatever follows the date allowed to be a
/// time (`2025-06-28T08:00:00Z`, `June 28, 2025 08:00 UTC`, ...).
const DATE_FIRST: &[&str] = &[
    "%Y-%m-%d",  // ISO 8601 / RFC 3339 dates and date-times
    "%Y/%m/%d",  // 2025/06/28
    "%Y.%m.%d",  // 2025.06.28
    "%B %d, %Y", // June 28, 2025 (chrono's %B also takes "Jun")
    "%B %d %Y",  // June 28 2025
    "%d %B %Y",  // 28 June 2025
    "%d %B, %Y", // 28 June, 2025
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Parse a date in any of the forms dateline knows; `None` if it is none of
/// them. A time after the date is allowed (and dropped).
pub(crate) fn parse(raw: &str) -> Option<NaiveDate> {
    parse_with(raw, true)
}

/// Parse a date that is nothing but a date (or one RFC 3339 / RFC 2822 date
/// and time): nothing may follow it.
pub(crate) fn parse_exact(raw: &str) -> Option<NaiveDate> {
    parse_with(raw, false)
}

fn parse_with(raw: &str, time_may_follow: bool) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.naive_local().date());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.naive_local().date());
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        // 20250628, compact ISO 8601.
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    let s = strip_weekday(s);
    DATE_FIRST
        .iter()
        .find_map(|fmt| date_then_time(s, fmt, time_may_follow))
}

/// A Unix timestamp (seconds, or milliseconds when it is too large to be
/// seconds) as a UTC date.
pub(crate) fn from_timestamp(n: i64) -> Option<NaiveDate> {
    // Beyond year ~5000 in seconds it must be milliseconds.
    let secs = if n.unsigned_abs() > 100_000_000_000 {
        n / 1000
    } else {
        n
    };
    DateTime::from_timestamp(secs, 0).map(|dt| dt.date_naive())
}

fn date_then_time(s: &str, fmt: &str, time_may_follow: bool) -> Option<NaiveDate> {
    let (date, rest) = NaiveDate::parse_and_remainder(s, fmt).ok()?;
    // chrono's %Y takes any number of digits: "June 2025" must not become
    // the 20th of June in the year 25.
    if !(1000..=9999).contains(&date.year()) {
        return None;
    }
    let rest_ok = rest.is_empty()
        || (time_may_follow
            && rest.starts_with(|c: char| c.is_whitespace() || matches!(c, 'T' | 't' | ',')));
    rest_ok.then_some(date)
}

/// `Saturday, June 28, 2025` → `June 28, 2025`.
fn strip_weekday(s: &str) -> &str {
    let Some((first, rest)) = s.split_once(|c: char| c == ',' || c.is_whitespace()) else {
        return s;
    };
    let first = first.trim_end_matches('.');
    if WEEKDAYS.iter().any(|w| first.eq_ignore_ascii_case(w)) {
        rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn iso_dates_and_date_times() {
        assert_eq!(parse("2025-06-28"), ymd(2025, 6, 28));
        assert_eq!(parse("  2025-06-28 \n"), ymd(2025, 6, 28));
        assert_eq!(parse("2025-06-28T08:15:00"), ymd(2025, 6, 28));
        assert_eq!(parse("2025-06-28T08:15:00.123"), ymd(2025, 6, 28));
        assert_eq!(parse("2025-06-28 08:15"), ymd(2025, 6, 28));
        assert_eq!(parse("2025-06-28T08:15:00Z"), ymd(2025, 6, 28));
        assert_eq!(parse("20250628"), ymd(2025, 6, 28));
    }

    #[test]
    fn offsets_keep_the_date_as_written() {
        assert_eq!(parse("2025-06-28T23:30:00-05:00"), ymd(2025, 6, 28));
        assert_eq!(parse("2025-06-29T01:00:00+09:00"), ymd(2025, 6, 29));
        assert_eq!(parse("2025-06-28T23:30:00+0200"), ymd(2025, 6, 28));
    }

    #[test]
    fn rfc_2822_as_feeds_write_it() {
        assert_eq!(parse("Tue, 10 Jun 2025 08:00:00 +0000"), ymd(2025, 6, 10));
        assert_eq!(parse("Tue, 10 Jun 2025 08:00:00 GMT"), ymd(2025, 6, 10));
        assert_eq!(parse("10 Jun 2025 23:59:59 -0700"), ymd(2025, 6, 10));
    }

    #[test]
    fn header_forms_with_month_names() {
        assert_eq!(parse("June 28, 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("Jun 28, 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("june 28 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("28 June 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("28 Jun 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("3 March, 2024"), ymd(2024, 3, 3));
        assert_eq!(parse("Saturday, June 28, 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("Sat 28 June 2025"), ymd(2025, 6, 28));
        assert_eq!(parse("June 28, 2025 08:00 UTC"), ymd(2025, 6, 28));
    }

    #[test]
    fn slashes_and_dots() {
        assert_eq!(parse("2025/06/28"), ymd(2025, 6, 28));
        assert_eq!(parse("2025/6/8"), ymd(2025, 6, 8));
        assert_eq!(parse("2025.06.28"), ymd(2025, 6, 28));
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse("2025-13-45"), None);
        assert_eq!(parse("2025-02-30"), None);
        assert_eq!(parse("June 2025"), None);
        assert_eq!(parse("2025-06-28x"), None);
        assert_eq!(parse("Monday"), None);
        assert_eq!(parse(&"9".repeat(500)), None);
    }

    #[test]
    fn exact_dates_allow_nothing_after() {
        assert_eq!(parse_exact("2025-06-28"), ymd(2025, 6, 28));
        assert_eq!(parse_exact("June 28, 2025"), ymd(2025, 6, 28));
        assert_eq!(parse_exact("2025-06-28T08:00:00Z"), ymd(2025, 6, 28));
        assert_eq!(parse_exact("2025-06-28 Gaza"), None);
        assert_eq!(parse("2025-06-28 08:00"), ymd(2025, 6, 28));
    }

    #[test]
    fn timestamps_in_seconds_or_milliseconds() {
        assert_eq!(from_timestamp(1_751_068_800), ymd(2025, 6, 28));
        assert_eq!(from_timestamp(1_751_068_800_000), ymd(2025, 6, 28));
        assert_eq!(from_timestamp(i64::MAX), None);
        assert_eq!(from_timestamp(i64::MIN), None);
    }
}
