//! Temporal expressions: finding "on Wednesday", "last December", "in March 2011" or "a
//! decade ago" in a sentence and resolving them against the publication date.
//!
//! [`find`] scans a piece of text (a sentence) and gives every expression with its byte span
//! and what it says ([`Expr`]), unresolved. [`Expr::resolve`] turns an expression into a
//! calendar value ([`TimeValue`]) at the granularity the text gives: a year (`2015`), a month
//! (`2011-03`) or a day (`2024-12-08`). News tells mostly of what has happened, so names of
//! days and months without a year resolve to the most recent one on or before publication
//! ([`Bias::Past`]); a planned event asks for the next one instead ([`Bias::Future`]).
//! A year range ("the 2019–2020 offensives") gives its first year. "At the time" is
//! anaphoric: it has no value of its own and takes the date in context (the event stage
//! decides which). This module reads text only; attaching expressions to events over the
//! parse is the job of `events::context`.

use crate::actors::Date;
use crate::document::Span;

/// Which way a name of a day or month without a year points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    /// The most recent one on or before publication ("on Wednesday" in a report).
    Past,
    /// The next one on or after publication ("will meet on Friday").
    Future,
}

/// A calendar value at the granularity the text gives: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeValue {
    /// The year.
    pub year: i32,
    /// The month (1 to 12), when the text gives one.
    pub month: Option<u8>,
    /// The day of the month, when the text gives one (only with a month).
    pub day: Option<u8>,
}

impl TimeValue {
    /// A whole year.
    pub fn year(year: i32) -> TimeValue {
        TimeValue {
            year,
            month: None,
            day: None,
        }
    }

    /// A whole month; `None` when the month is out of range.
    pub fn month(year: i32, month: u8) -> Option<TimeValue> {
        (1..=12).contains(&month).then_some(TimeValue {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// One day.
    pub fn day(date: Date) -> TimeValue {
        TimeValue {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Option<Date> {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day of the period.
    pub fn last_day(self) -> Option<Date> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d),
            (Some(m), None) => {
                let next = if m == 12 {
                    Date::new(self.year + 1, 1, 1)?
                } else {
                    Date::new(self.year, m + 1, 1)?
                };
                from_days(days(next) - 1)
            }
            _ => Date::new(self.year, 12, 31),
        }
    }

    /// The middle of the period: the day on which a code valid for "most of" it is asked.
    pub fn middle(self) -> Option<Date> {
        let first = days(self.first_day()?);
        let last = days(self.last_day()?);
        from_days(first + (last - first) / 2)
    }
}

impl std::fmt::Display for TimeValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A unit of "two years ago", "last week".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
}

/// Which of several days or months of one name is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// As the bias says ("on Wednesday", "in March").
    Nearest,
    /// Strictly before publication ("last Wednesday", "last December").
    Last,
    /// Strictly after publication ("next Wednesday").
    Next,
}

/// What a temporal expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A calendar date, complete or not: "in 2015", "March 2011", "8 December", "in March".
    /// A missing year is found by the bias (or by `which`).
    Calendar {
        /// The year, when written.
        year: Option<i32>,
        /// The month, when written.
        month: Option<u8>,
        /// The day, when written.
        day: Option<u8>,
        /// Which month of that name, when the year is missing.
        which: Which,
    },
    /// A day of the week, 0 = Monday to 6 = Sunday.
    Weekday {
        /// The day.
        weekday: u8,
        /// Which one.
        which: Which,
    },
    /// A day counted from publication: today 0, yesterday -1, tomorrow 1.
    DayOffset(i32),
    /// The week, month or year counted from the publication's: "last week" is -1,
    /// "earlier this month" 0.
    Relative {
        /// Week, month or year.
        unit: Unit,
        /// How many units from the publication's.
        offset: i32,
    },
    /// "Two years ago", "a decade ago".
    Ago {
        /// The unit.
        unit: Unit,
        /// How many.
        count: i32,
    },
    /// A month of a year counted from the publication's: "June last year".
    MonthOfYear {
        /// The month.
        month: u8,
        /// How many years from the publication's.
        offset: i32,
    },
    /// "At the time": the date in context.
    Anaphoric,
}

/// A temporal expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timex {
    /// Where it is (bytes, shifted by the offset given to [`find`]).
    pub span: Span,
    /// What it says.
    pub expr: Expr,
    /// True after "since": the period starts then and lasts until now.
    pub since: bool,
}

impl Expr {
    /// True when the expression names its year ("in 2015", "8 December 2024"), so it needs
    /// no publication date.
    pub fn is_absolute(self) -> bool {
        matches!(self, Expr::Calendar { year: Some(_), .. })
    }

    /// The value of the expression on a publication date (`None` for relative expressions
    /// without one, for anaphoric ones, and for impossible dates such as 31 February).
    pub fn resolve(self, published: Option<Date>, bias: Bias) -> Option<TimeValue> {
        match self {
            Expr::Calendar {
                year,
                month,
                day,
                which,
            } => {
                let year = match year {
                    Some(y) => y,
                    None => {
                        let p = published?;
                        let m = month?;
                        let here = (m, day.unwrap_or(0));
                        let now = (p.month(), if day.is_some() { p.day() } else { 0 });
                        match (which, bias) {
                            (Which::Last, _) if here >= now => p.year() - 1,
                            (Which::Next, _) if here <= now => p.year() + 1,
                            (Which::Nearest, Bias::Past) if here > now => p.year() - 1,
                            (Which::Nearest, Bias::Future) if here < now => p.year() + 1,
                            _ => p.year(),
                        }
                    }
                };
                match (month, day) {
                    (Some(m), Some(d)) => Date::new(year, m, d).map(TimeValue::day),
                    (Some(m), None) => TimeValue::month(year, m),
                    _ => Some(TimeValue::year(year)),
                }
            }
            Expr::Weekday { weekday, which } => {
                let p = published?;
                let today = weekday_of(p);
                let back = (i32::from(today) - i32::from(weekday)).rem_euclid(7);
                let ahead = (i32::from(weekday) - i32::from(today)).rem_euclid(7);
                let shift = match (which, bias) {
                    (Which::Last, _) => -(if back == 0 { 7 } else { back }),
                    (Which::Next, _) => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    (Which::Nearest, Bias::Past) => -back,
                    (Which::Nearest, Bias::Future) => ahead,
                };
                from_days(days(p) + i64::from(shift)).map(TimeValue::day)
            }
            Expr::DayOffset(n) => {
                let p = published?;
                from_days(days(p) + i64::from(n)).map(TimeValue::day)
            }
            Expr::Relative { unit, offset } => shift(published?, unit, offset),
            Expr::Ago { unit, count } => shift(published?, unit, -count),
            Expr::MonthOfYear { month, offset } => {
                TimeValue::month(published?.year() + offset, month)
            }
            Expr::Anaphoric => None,
        }
    }
}

impl Expr {
    /// The value of a day or month named without a year ("on 10 November") in the given
    /// year: for a text without a publication date, the year named last before it. `None`
    /// for every other expression.
    pub fn resolve_in_year(self, year: i32) -> Option<TimeValue> {
        match self {
            Expr::Calendar {
                year: None,
                month: Some(m),
                day,
                ..
            } => match day {
                Some(d) => Date::new(year, m, d).map(TimeValue::day),
                None => TimeValue::month(year, m),
            },
            _ => None,
        }
    }
}

/// The period `offset` units away from the publication date, at the unit's granularity
/// (a week gives the month it falls in).
fn shift(p: Date, unit: Unit, offset: i32) -> Option<TimeValue> {
    match unit {
        Unit::Day => from_days(days(p) + i64::from(offset)).map(TimeValue::day),
        Unit::Week => {
            let d = from_days(days(p) + 7 * i64::from(offset))?;
            TimeValue::month(d.year(), d.month())
        }
        Unit::Month => {
            let index = p.year() * 12 + i32::from(p.month()) - 1 + offset;
            let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
            TimeValue::month(index.div_euclid(12), month)
        }
        Unit::Year => Some(TimeValue::year(p.year() + offset)),
        Unit::Decade => Some(TimeValue::year(p.year() + 10 * offset)),
    }
}

/// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-calendar algorithm.
fn days(d: Date) -> i64 {
    let m = i64::from(d.month());
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d.day()) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01 (`None` outside the years `Date` holds).
fn from_days(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// The day of the week, 0 = Monday.
fn weekday_of(d: Date) -> u8 {
    // 1970-01-01 was a Thursday (3).
    u8::try_from((days(d) + 3).rem_euclid(7)).unwrap_or(0)
}

/// The number of days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    days(b) - days(a)
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a month name in lower case, in full ("september").
pub fn is_month_name(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// True for a lower-case month name, full or abbreviated ("sept" included), or a weekday name.
pub fn is_calendar_word(lower: &str) -> bool {
    is_month_name(lower)
        || MONTH_ABBREVIATIONS.contains(&lower)
        || lower == "sept"
        || WEEKDAYS.contains(&lower)
}

/// Words after which a month name alone is a date ("in March", "last December").
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "during",
    "from",
    "before",
    "after",
    "through",
    "throughout",
    "of",
];

/// Words after which a bare year or month name is a date ("in 2015", "since March").
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "to",
    "before",
    "after",
    "during",
    "early",
    "late",
    "mid",
    "the",
    "around",
    "between",
    "and",
    "through",
    "throughout",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "circa",
    "last",
    "next",
    "this",
    "earlier",
    "later",
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A word of the scanned text: its span and its lower-cased form.
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
}

/// Splits a text into runs of letters and digits and single other characters.
fn tokens<'a>(text: &'a str) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Tok<'a>>, s: usize, e: usize| {
        if let Some(t) = text.get(s..e) {
            out.push(Tok {
                start: s,
                end: e,
                text: t,
                lower: t.to_lowercase(),
            });
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s, i);
        }
        if !c.is_whitespace() {
            push(&mut out, i, i + c.len_utf8());
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

fn capitalised(t: &Tok<'_>) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// The month a capitalised word names (1 to 12), in full or abbreviated when `short` allows.
fn month_of(t: &Tok<'_>, short: bool) -> Option<u8> {
    if !capitalised(t) {
        return None;
    }
    let index = MONTHS.iter().position(|m| *m == t.lower).or_else(|| {
        if short {
            MONTH_ABBREVIATIONS
                .iter()
                .position(|m| *m == t.lower)
                .or_else(|| (t.lower == "sept").then_some(8))
        } else {
            None
        }
    })?;
    u8::try_from(index + 1).ok()
}

/// A day of the month: "8", "08", "8th", "1st".
fn day_of(t: &Tok<'_>) -> Option<u8> {
    let digits = t
        .lower
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A plausible year of news: four digits from 1800 to 2199.
fn year_of(t: &Tok<'_>) -> Option<i32> {
    if t.lower.len() != 4 || !t.lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = t.lower.parse().ok()?;
    (1800..2200).contains(&y).then_some(y)
}

/// A count: digits or a number word, "a" and "an" for one.
fn count_of(t: &Tok<'_>) -> Option<i32> {
    if matches!(t.lower.as_str(), "a" | "an") {
        return Some(1);
    }
    if let Some(i) = NUMBER_WORDS.iter().position(|w| *w == t.lower) {
        return i32::try_from(i + 1).ok();
    }
    if t.lower.len() <= 3 && t.lower.bytes().all(|b| b.is_ascii_digit()) {
        return t.lower.parse().ok();
    }
    None
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        _ => return None,
    })
}

fn is_dash(t: &Tok<'_>) -> bool {
    matches!(t.text, "-" | "\u{2013}" | "\u{2014}" | "/")
}

/// Finds the temporal expressions of `text`; spans are shifted by `offset` (the text's
/// position in the document).
pub fn find(text: &str, offset: usize) -> Vec<Timex> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&toks, i) {
            Some((len, expr)) => {
                let last = &toks[i + len - 1];
                let since = i > 0 && toks[i - 1].lower == "since";
                out.push(Timex {
                    span: Span::new(offset + toks[i].start, offset + last.end),
                    expr,
                    since,
                });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The expression starting at token `i`: how many tokens it spans and what it says.
fn match_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, Expr)> {
    let t = &toks[i];
    let at = |k: usize| toks.get(i + k);
    let lower_at = |k: usize| at(k).map_or("", |t| t.lower.as_str());
    let prev = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| toks.get(j))
            .map_or("", |t| t.lower.as_str())
    };
    // "at the time", "at that time".
    if t.lower == "at"
        && matches!(lower_at(1), "the" | "that")
        && lower_at(2) == "time"
        && lower_at(3) != "of"
    {
        return Some((3, Expr::Anaphoric));
    }
    // "today", "yesterday", "tomorrow", "tonight", "last night", "this morning".
    // A capitalised "Today" after a word is a name (BBC Radio 4's "Today programme").
    let named = capitalised(t) && i > 0 && toks[i - 1].text.chars().all(char::is_alphanumeric);
    match t.lower.as_str() {
        "today" | "tonight" if named => return None,
        "today" | "tonight" => return Some((1, Expr::DayOffset(0))),
        "yesterday" => return Some((1, Expr::DayOffset(-1))),
        "tomorrow" => return Some((1, Expr::DayOffset(1))),
        _ => {}
    }
    if t.lower == "last" && lower_at(1) == "night" {
        return Some((2, Expr::DayOffset(-1)));
    }
    if t.lower == "this" && matches!(lower_at(1), "morning" | "afternoon" | "evening") {
        return Some((2, Expr::DayOffset(0)));
    }
    // "last week", "this month", "earlier this year", "next year", "the past week".
    let relative = |word: &str| -> Option<i32> {
        match word {
            "last" | "past" | "previous" => Some(-1),
            "this" => Some(0),
            "next" | "coming" => Some(1),
            _ => None,
        }
    };
    if matches!(t.lower.as_str(), "earlier" | "later")
        && lower_at(1) == "this"
        && let Some(unit) = unit_of(lower_at(2)).filter(|u| !matches!(u, Unit::Day | Unit::Decade))
        && !lower_at(2).ends_with('s')
    {
        return Some((3, Expr::Relative { unit, offset: 0 }));
    }
    if let Some(offset) = relative(&t.lower) {
        let word = lower_at(1);
        if !word.ends_with('s')
            && let Some(unit) = unit_of(word).filter(|u| !matches!(u, Unit::Day | Unit::Decade))
        {
            return Some((2, Expr::Relative { unit, offset }));
        }
        if word == "weekend" {
            // The Saturday of that weekend.
            let which = match offset {
                -1 => Which::Last,
                1 => Which::Next,
                _ => Which::Nearest,
            };
            return Some((2, Expr::Weekday { weekday: 5, which }));
        }
    }
    // "two years ago", "a decade ago".
    if let Some(count) = count_of(t)
        && let Some(unit) = unit_of(lower_at(1))
        && lower_at(2) == "ago"
    {
        return Some((3, Expr::Ago { unit, count }));
    }
    // A weekday, with "last" / "next" / "this" before it when written.
    if capitalised(t)
        && let Some(w) = WEEKDAYS.iter().position(|d| *d == t.lower)
    {
        let weekday = u8::try_from(w).unwrap_or(0);
        let which = match prev(1) {
            "last" => Which::Last,
            "next" => Which::Next,
            _ => Which::Nearest,
        };
        return Some((1, Expr::Weekday { weekday, which }));
    }
    // "8 December 2024", "8th of December", "8 December".
    if let Some(day) = day_of(t) {
        let mut k = 1;
        if lower_at(k) == "of" {
            k += 1;
        }
        if let Some(month) = at(k).and_then(|m| month_of(m, true)) {
            let mut len = k + 1;
            let abbreviated = at(k).is_some_and(|m| month_of(m, false).is_none());
            if abbreviated && at(len).is_some_and(|t| t.text == ".") {
                len += 1;
            }
            let mut comma = len;
            if at(comma).is_some_and(|t| t.text == ",") {
                comma += 1;
            }
            let year = at(comma).and_then(year_of);
            if year.is_some() {
                len = comma + 1;
            }
            // "12 May" needs the year or a date word before it: "May" is also a verb.
            if month == 5 && year.is_none() && !matches!(prev(1), "on" | "of" | "since") {
                return None;
            }
            return Some((
                len,
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                    which: Which::Nearest,
                },
            ));
        }
    }
    // "December 8, 2024", "December 8", "March 2011", "in March", "last December".
    if let Some(month) = month_of(t, true) {
        let mut k = 1;
        if at(k).is_some_and(|t| t.text == ".") && month_of(t, false).is_none() {
            k += 1;
        }
        // "December 8,000" is a count, not a date.
        let thousands = at(k + 1).is_some_and(|t| t.text == ",")
            && at(k + 2)
                .is_some_and(|t| t.lower.len() == 3 && t.lower.bytes().all(|b| b.is_ascii_digit()));
        if let Some(day) = at(k).and_then(day_of)
            && !thousands
        {
            let mut len = k + 1;
            let mut comma = len;
            if at(comma).is_some_and(|t| t.text == ",") {
                comma += 1;
            }
            let year = at(comma).and_then(year_of);
            if year.is_some() {
                len = comma + 1;
            }
            return Some((
                len,
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                    which: Which::Nearest,
                },
            ));
        }
        let mut k2 = k;
        if lower_at(k2) == "of" || at(k2).is_some_and(|t| t.text == ",") {
            k2 += 1;
        }
        if let Some(year) = at(k2).and_then(year_of) {
            return Some((
                k2 + 1,
                Expr::Calendar {
                    year: Some(year),
                    month: Some(month),
                    day: None,
                    which: Which::Nearest,
                },
            ));
        }
        // A month name alone is a date after a date word ("in March", "last December",
        // "mid-March"), written in full.
        let before = if is_dash_at(toks, i.wrapping_sub(1)) {
            prev(2)
        } else {
            prev(1)
        };
        if month_of(t, false).is_some() && MONTH_PREPOSITIONS.contains(&before) {
            let which = match before {
                "last" => Which::Last,
                "next" => Which::Next,
                _ => Which::Nearest,
            };
            // "June last year": the month of a relative year.
            let of_year = matches!(lower_at(1), "last" | "this" | "next") && lower_at(2) == "year";
            if !of_year {
                return Some((
                    1,
                    Expr::Calendar {
                        year: None,
                        month: Some(month),
                        day: None,
                        which,
                    },
                ));
            }
            return Some((
                3,
                Expr::MonthOfYear {
                    month,
                    offset: match lower_at(1) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    },
                },
            ));
        }
        return None;
    }
    // A year: "in 2015", "since 2015", "the 2019–2020 offensives" (the first year),
    // "2019-20".
    if let Some(year) = year_of(t) {
        // An ISO date: "2024-12-08".
        if at(1).is_some_and(|d| d.text == "-")
            && at(3).is_some_and(|d| d.text == "-")
            && let (Some(m), Some(d)) = (at(2), at(4))
            && m.lower.len() == 2
            && let (Ok(month), Some(day)) = (m.lower.parse::<u8>(), day_of(d))
            && d.lower.len() == 2
        {
            return Some((
                5,
                Expr::Calendar {
                    year: Some(year),
                    month: Some(month),
                    day: Some(day),
                    which: Which::Nearest,
                },
            ));
        }
        let before = if is_dash_at(toks, i.wrapping_sub(1)) {
            prev(2)
        } else {
            prev(1)
        };
        let range_end = at(1)
            .filter(|d| is_dash(d))
            .and_then(|_| at(2))
            .filter(|e| {
                year_of(e).is_some_and(|end| end > year)
                    || (e.lower.len() == 2 && e.lower.bytes().all(|b| b.is_ascii_digit()))
            });
        let len = if range_end.is_some() { 3 } else { 1 };
        // "up to 2000 people", "of 1900 men": a count before a noun.
        let count = matches!(before, "to" | "and" | "of")
            && range_end.is_none()
            && at(1).is_some_and(|n| n.text.chars().all(char::is_lowercase));
        if (DATE_PREPOSITIONS.contains(&before) && !count)
            || range_end.is_some()
            || lower_at(1) == "when"
        {
            return Some((
                len,
                Expr::Calendar {
                    year: Some(year),
                    month: None,
                    day: None,
                    which: Which::Nearest,
                },
            ));
        }
    }
    None
}

fn is_dash_at(toks: &[Tok<'_>], i: usize) -> bool {
    toks.get(i).is_some_and(is_dash)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds the expressions of `text` and renders each as `words=value` on a publication
    /// date, with the given bias.
    fn render(text: &str, published: &str, bias: Bias) -> Vec<String> {
        let p = Date::parse(published);
        find(text, 0)
            .iter()
            .map(|t| {
                let value = t
                    .expr
                    .resolve(p, bias)
                    .map_or_else(|| "?".to_string(), |v| v.to_string());
                format!("{}={value}", &text[t.span.range()])
            })
            .collect()
    }

    fn check(text: &str, published: &str, expected: &[&str]) {
        assert_eq!(render(text, published, Bias::Past), expected, "{text}");
    }

    #[test]
    fn a_date_without_year_resolves_in_a_year_given() {
        let found = find(
            "On 10 November the troops attacked, and on Monday they left.",
            0,
        );
        let values: Vec<String> = found
            .iter()
            .map(|t| {
                t.expr
                    .resolve_in_year(2005)
                    .map_or("?".into(), |v| v.to_string())
            })
            .collect();
        assert_eq!(values, ["2005-11-10", "?"]);
    }

    #[test]
    fn weekdays_resolve_to_the_most_recent_one() {
        // 2025-10-15 is a Wednesday.
        check(
            "The envoys met on Wednesday and spoke again on Monday.",
            "2025-10-15",
            &["Wednesday=2025-10-15", "Monday=2025-10-13"],
        );
        check(
            "The talks collapsed on Thursday.",
            "2025-10-15",
            &["Thursday=2025-10-09"],
        );
        check(
            "She resigned last Wednesday.",
            "2025-10-15",
            &["Wednesday=2025-10-08"],
        );
        assert_eq!(
            render("They will meet on Friday.", "2025-10-15", Bias::Future),
            ["Friday=2025-10-17"]
        );
        assert_eq!(
            render("They meet next Wednesday.", "2025-10-15", Bias::Past),
            ["Wednesday=2025-10-22"]
        );
    }

    #[test]
    fn days_around_publication() {
        check(
            "The minister arrived yesterday and leaves tomorrow; today he rests.",
            "2025-03-01",
            &[
                "yesterday=2025-02-28",
                "tomorrow=2025-03-02",
                "today=2025-03-01",
            ],
        );
        check(
            "Shots were heard last night.",
            "2024-01-01",
            &["last night=2023-12-31"],
        );
    }

    #[test]
    fn weeks_months_and_years_around_publication() {
        check(
            "The mayor said last week that the vote held earlier this month stands.",
            "2025-10-03",
            &["last week=2025-09", "earlier this month=2025-10"],
        );
        check(
            "Prices rose last month and will rise next year.",
            "2025-01-20",
            &["last month=2024-12", "next year=2026"],
        );
        check(
            "The general confirmed earlier this week that troops left last year.",
            "2025-10-15",
            &["earlier this week=2025-10", "last year=2024"],
        );
    }

    #[test]
    fn month_names_point_back() {
        check(
            "The ruler fell last December and fled in March.",
            "2025-10-15",
            &["December=2024-12", "March=2025-03"],
        );
        check(
            "The strike began in November.",
            "2025-10-15",
            &["November=2024-11"],
        );
        check(
            "Talks were held last October.",
            "2025-10-15",
            &["October=2024-10"],
        );
        // A month name without a date word before it is not a date.
        check("March on, said the colonel.", "2025-10-15", &[]);
        check("The talks may resume.", "2025-10-15", &[]);
    }

    #[test]
    fn explicit_dates() {
        check(
            "The city fell on 8 December 2024 after the siege of March 2011.",
            "2025-10-15",
            &["8 December 2024=2024-12-08", "March 2011=2011-03"],
        );
        check(
            "The accord was signed on December 8, 2024, in the capital.",
            "2025-10-15",
            &["December 8, 2024=2024-12-08"],
        );
        check(
            "They voted on 3rd June and again on Sept. 9.",
            "2025-10-15",
            &["3rd June=2025-06-03", "Sept. 9=2025-09-09"],
        );
        check(
            "The rebels took the town on 20 November.",
            "2025-10-15",
            &["20 November=2024-11-20"],
        );
        check(
            "There is no 31 February 2024.",
            "2025-10-15",
            &["31 February 2024=?"],
        );
    }

    #[test]
    fn years_and_ranges() {
        check(
            "The army has fought there since 2015, and in 2019 it lost the port.",
            "2025-10-15",
            &["2015=2015", "2019=2019"],
        );
        check(
            "The group condemned the 2019\u{2013}2020 offensives and the 2011-12 uprising.",
            "2025-10-15",
            &["2019\u{2013}2020=2019", "2011-12=2011"],
        );
        check(
            "The mission dates back to mid-2014.",
            "2025-10-15",
            &["2014=2014"],
        );
        // Numbers that are not years after a date word.
        check(
            "The army sent 2000 troops and 1500 tanks.",
            "2025-10-15",
            &[],
        );
        check("They sheltered up to 2000 people.", "2025-10-15", &[]);
        check(
            "The decree of 2024-12-08 named March 15 2011 as the start; December 8,000 is no date.",
            "2025-10-15",
            &["2024-12-08=2024-12-08", "March 15 2011=2011-03-15"],
        );
    }

    #[test]
    fn since_marks_a_period_until_now() {
        let found = find("The talks have stalled since 2019, not in 2020.", 0);
        let since: Vec<bool> = found.iter().map(|t| t.since).collect();
        assert_eq!(since, [true, false]);
    }

    #[test]
    fn ago_and_anaphoric_expressions() {
        check(
            "The war began a decade ago; two years ago the front froze.",
            "2025-10-15",
            &["a decade ago=2015", "two years ago=2023"],
        );
        check(
            "Three months ago the ministry closed, as it did at the time.",
            "2025-02-10",
            &["Three months ago=2024-11", "at the time=?"],
        );
    }

    #[test]
    fn relative_expressions_need_a_publication_date() {
        assert_eq!(
            render("They met on Friday in 2015.", "", Bias::Past),
            ["Friday=?", "2015=2015"]
        );
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2024-12-31",
            "1899-03-01",
            "2100-03-01",
        ] {
            let d = Date::parse(text).unwrap();
            assert_eq!(from_days(days(d)), Some(d));
        }
        let a = Date::parse("2025-10-15").unwrap();
        assert_eq!(weekday_of(a), 2);
        let v = TimeValue::month(2024, 2).unwrap();
        assert_eq!(
            v.last_day().map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            v.middle().map(|d| d.to_string()).as_deref(),
            Some("2024-02-15")
        );
    }

    #[test]
    fn messy_text_never_panics() {
        for text in [
            "",
            "\u{1F600} 12 \u{e9}t\u{e9} 2015\u{2013}",
            "on",
            "last",
            "31st of",
            "December 99999999999999999999",
            "a years ago 0000",
            "99 Jan 2199, 00 Dec 1800",
        ] {
            for t in find(text, 0) {
                assert!(text.get(t.span.range()).is_some());
                let _ = t.expr.resolve(Date::parse("2025-10-15"), Bias::Past);
                let _ = t.expr.resolve(Date::new(-5000, 1, 1), Bias::Future);
            }
        }
    }
}
