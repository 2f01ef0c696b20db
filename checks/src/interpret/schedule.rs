//! AWS schedule expressions, `cron(Minutes Hours Day-of-month Month
//! Day-of-week Year)` and `rate(N unit)`, and whether one fires inside a
//! weekly window. All times are UTC, as AWS evaluates them.

use crate::findings::config::{PeakWindow, DAY_NAMES};

/// When a schedule fires, as far as its window check needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// A cron expression: the week days it may fire on and its minutes of the day.
    Cron {
        /// `days[d]`: it may fire on day `d` (0 Sunday … 6 Saturday).
        days: [bool; 7],
        /// Minutes of the day it fires at, ascending.
        times: Vec<u32>,
    },
    /// Every `minutes` minutes from whenever it started.
    Rate {
        /// The interval.
        minutes: u64,
    },
}

/// A fire time inside the window: (day of the week, minute of the day).
pub type FireTime = (u8, u32);

/// Whether a schedule fires inside a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InWindow {
    /// It fires there, for example at this time.
    Yes(FireTime),
    /// It never does.
    No,
    /// It depends on when a rate schedule started, which no API reports.
    Undetermined,
}

impl Schedule {
    /// Parses `cron(…)` or `rate(…)`.
    pub fn parse(expression: &str) -> Result<Schedule, String> {
        let expression = expression.trim();
        if let Some(body) = inside(expression, "cron") {
            return cron(body).map_err(|e| format!("`{expression}`: {e}"));
        }
        if let Some(body) = inside(expression, "rate") {
            return rate(body).map_err(|e| format!("`{expression}`: {e}"));
        }
        Err(format!("`{expression}` is neither cron(…) nor rate(…)"))
    }

    /// Whether it fires inside `window`.
    pub fn in_window(&self, window: &PeakWindow) -> InWindow {
        match self {
            Schedule::Cron { days, times } => window
                .days
                .iter()
                .filter(|d| days[**d as usize])
                .find_map(|d| {
                    times
                        .iter()
                        .find(|t| window.covers_minute(**t))
                        .map(|t| InWindow::Yes((*d, *t)))
                })
                .unwrap_or(InWindow::No),
            Schedule::Rate { minutes } => {
                // Over the weeks, the fire times fall on a grid of gcd(N, week)
                // minutes from an unknown start: a window at least that long
                // always holds one.
                let week = 7 * 24 * 60;
                let step = gcd(*minutes, week);
                let length = u64::from(window.end_minute - window.start_minute);
                if window.days.is_empty() {
                    InWindow::No
                } else if step <= length {
                    InWindow::Yes((window.days[0], window.start_minute))
                } else {
                    InWindow::Undetermined
                }
            }
        }
    }
}

/// Describes a fire time: `MON 12:00`.
pub fn describe((day, minute): FireTime) -> String {
    format!(
        "{} {:02}:{:02}",
        DAY_NAMES[day as usize],
        minute / 60,
        minute % 60
    )
}

fn inside<'a>(expression: &'a str, name: &str) -> Option<&'a str> {
    let rest = expression.strip_prefix(name)?.trim_start();
    rest.strip_prefix('(')?.strip_suffix(')').map(str::trim)
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn rate(body: &str) -> Result<Schedule, String> {
    let (value, unit) = body
        .split_once(char::is_whitespace)
        .ok_or("a rate is `rate(VALUE UNIT)`")?;
    let value: u64 = value
        .parse()
        .ok()
        .filter(|v| *v > 0)
        .ok_or("the rate's value is not a positive number")?;
    let per = match unit.trim() {
        "minute" | "minutes" => 1,
        "hour" | "hours" => 60,
        "day" | "days" => 24 * 60,
        other => return Err(format!("`{other}` is not minute(s), hour(s) or day(s)")),
    };
    Ok(Schedule::Rate {
        minutes: value * per,
    })
}

fn cron(body: &str) -> Result<Schedule, String> {
    let fields: Vec<&str> = body.split_whitespace().collect();
    let [minutes, hours, day_of_month, month, day_of_week, year] = fields[..] else {
        return Err(format!(
            "a cron expression has 6 fields, this one {}",
            fields.len()
        ));
    };
    let minutes = values(minutes, 0, 59, &[])?;
    let hours = values(hours, 0, 23, &[])?;
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    values(month, 1, 12, &MONTHS)?;
    if year != "*" {
        values(year, 1970, 2199, &[])?;
    }
    let (dom_any, dow_any) = (
        matches!(day_of_month, "?" | "*"),
        matches!(day_of_week, "?" | "*"),
    );
    if day_of_month != "?" && day_of_week != "?" {
        return Err("one of day-of-month and day-of-week must be `?`".into());
    }
    if !dom_any {
        check_day_of_month(day_of_month)?;
    }
    // A day of the month falls on any day of the week, so only a
    // day-of-week field narrows the days.
    let days = if dow_any {
        [true; 7]
    } else {
        let mut days = [false; 7];
        for day in values(&strip_day_modifiers(day_of_week)?, 1, 7, &DAY_NAMES)? {
            days[day as usize - 1] = true;
        }
        days
    };
    let mut times: Vec<u32> = hours
        .iter()
        .flat_map(|h| minutes.iter().map(move |m| h * 60 + m))
        .collect();
    times.sort_unstable();
    Ok(Schedule::Cron { days, times })
}

/// `6L` (last Friday) and `6#3` (third Friday) fire on that day of the week.
fn strip_day_modifiers(field: &str) -> Result<String, String> {
    let parts: Result<Vec<String>, String> = field
        .split(',')
        .map(|part| {
            if let Some((day, nth)) = part.split_once('#') {
                nth.parse::<u8>()
                    .ok()
                    .filter(|n| (1..=5).contains(n))
                    .ok_or_else(|| format!("`{part}`: # takes 1 to 5"))?;
                Ok(day.to_string())
            } else if part == "L" {
                Ok("7".into())
            } else {
                Ok(part.strip_suffix('L').unwrap_or(part).to_string())
            }
        })
        .collect();
    Ok(parts?.join(","))
}

fn check_day_of_month(field: &str) -> Result<(), String> {
    for part in field.split(',') {
        let part = match part {
            "L" | "LW" => continue,
            p => p.strip_suffix('W').unwrap_or(p),
        };
        let part = part.strip_prefix("L-").unwrap_or(part);
        values(part, 1, 31, &[])?;
    }
    Ok(())
}

/// The values a field allows: `*`, `N`, `A-B`, `A/S`, `*/S`, `A-B/S`, lists;
/// `names[i]` stands for `min + i`.
fn values(field: &str, min: u32, max: u32, names: &[&str]) -> Result<Vec<u32>, String> {
    let number = |text: &str| -> Result<u32, String> {
        let value = names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(text))
            .map(|i| min + i as u32)
            .or_else(|| text.parse().ok())
            .ok_or_else(|| format!("`{text}` is not a value of this field"))?;
        if (min..=max).contains(&value) {
            Ok(value)
        } else {
            Err(format!("`{text}` is outside {min}-{max}"))
        }
    };
    let mut out = Vec::new();
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((range, step)) => {
                let step: u32 =
                    step.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                        format!("`{part}`: the increment is not a positive number")
                    })?;
                (range, step)
            }
            None => (part, 1),
        };
        let (from, to) = match range {
            "*" => (min, max),
            r => match r.split_once('-') {
                Some((a, b)) => (number(a)?, number(b)?),
                None if part.contains('/') => (number(r)?, max),
                None => {
                    let v = number(r)?;
                    (v, v)
                }
            },
        };
        if from > to {
            return Err(format!("`{part}`: the range runs backwards"));
        }
        out.extend((from..=to).step_by(step as usize));
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> PeakWindow {
        PeakWindow::default()
    }

    fn fires(expression: &str) -> InWindow {
        Schedule::parse(expression).unwrap().in_window(&window())
    }

    #[test]
    fn cron_inside_and_outside_the_window() {
        assert_eq!(fires("cron(0 2 * * ? *)"), InWindow::No);
        assert_eq!(fires("cron(0 12 ? * MON-FRI *)"), InWindow::Yes((1, 720)));
        assert_eq!(fires("cron(0 12 ? * SAT,SUN *)"), InWindow::No);
        assert_eq!(fires("cron(0 12 ? * 1,7 *)"), InWindow::No);
        // 20:00 is the first minute after the window; 19:59 is inside.
        assert_eq!(fires("cron(0 20 * * ? *)"), InWindow::No);
        assert_eq!(fires("cron(59 19 * * ? *)"), InWindow::Yes((1, 1199)));
        assert_eq!(fires("cron(0/30 6-8 * * ? *)"), InWindow::Yes((1, 480)));
        // A day of the month can be a weekday.
        assert_eq!(fires("cron(0 9 1 * ? *)"), InWindow::Yes((1, 540)));
        assert_eq!(fires("cron(0 9 ? * 6L *)"), InWindow::Yes((5, 540)));
        assert_eq!(fires("cron(0 9 ? * 2#1 *)"), InWindow::Yes((1, 540)));
        assert_eq!(fires("cron(0 23 L * ? 2027)"), InWindow::No);
    }

    #[test]
    fn rates() {
        assert_eq!(fires("rate(15 minutes)"), InWindow::Yes((1, 480)));
        assert_eq!(fires("rate(1 hour)"), InWindow::Yes((1, 480)));
        // 13 hours walks through every hour of the week.
        assert_eq!(fires("rate(13 hours)"), InWindow::Yes((1, 480)));
        assert_eq!(fires("rate(1 day)"), InWindow::Undetermined);
        assert_eq!(fires("rate(7 days)"), InWindow::Undetermined);
    }

    #[test]
    fn bad_expressions() {
        for bad in [
            "cron(0 2 * * *)",
            "cron(0 25 * * ? *)",
            "cron(0 2 * * MON *)",
            "cron(x 2 * * ? *)",
            "cron(0 2 ? * MOO *)",
            "cron(0 2 ? * 2#9 *)",
            "cron(0 5-2 * * ? *)",
            "rate(0 minutes)",
            "rate(5 weeks)",
            "every day",
        ] {
            assert!(Schedule::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn describe_times() {
        assert_eq!(describe((1, 720)), "MON 12:00");
    }
}
