//! A progress line on stderr while the crawler works, on a terminal only.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Shared by the crawler's tasks; does nothing when progress is off.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    bar: Option<ProgressBar>,
    counts: Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    calls: AtomicU64,
    failed: AtomicU64,
    units_done: AtomicU64,
    units: AtomicU64,
}

impl Progress {
    /// A spinner on stderr when it is a terminal and `quiet` is off.
    pub fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self {
            bar,
            counts: Arc::default(),
        }
    }

    /// Services × regions to collect.
    pub fn plan(&self, units: u64) {
        self.counts.units.store(units, Ordering::Relaxed);
        self.refresh();
    }

    /// One service of one region is collected.
    pub fn unit_done(&self) {
        self.counts.units_done.fetch_add(1, Ordering::Relaxed);
        self.refresh();
    }

    /// One API call ended, `failed` or not.
    pub fn call_done(&self, failed: bool) {
        self.counts.calls.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.counts.failed.fetch_add(1, Ordering::Relaxed);
        }
        self.refresh();
    }

    fn refresh(&self) {
        if let Some(bar) = &self.bar {
            let c = &self.counts;
            bar.set_message(format!(
                "{}/{} service·regions collected · {} API calls · {} failed",
                c.units_done.load(Ordering::Relaxed),
                c.units.load(Ordering::Relaxed),
                c.calls.load(Ordering::Relaxed),
                c.failed.load(Ordering::Relaxed),
            ));
        }
    }

    /// Clears the display at the end of the scan.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
