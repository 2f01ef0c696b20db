use std::process::ExitCode;

use clap::Parser;
use lakelint::cli::{Cli, LogFormat};
use tracing::Level;
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::prelude::*;
use tracing_subscriber::{fmt, EnvFilter};

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("lakelint={level}")));
    // The SDK traces every API answer in full, and answers can hold
    // credentials (Glue job arguments): its trace level never reaches the logs,
    // whatever RUST_LOG asks for.
    let no_sdk_payloads =
        filter_fn(|meta| !(*meta.level() == Level::TRACE && meta.target().starts_with("aws_")));
    // Colour codes only for a terminal: a log file or CI output gets plain text.
    let layer = fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let layer = match cli.log_format {
        LogFormat::Text => layer.boxed(),
        LogFormat::Json => layer.json().boxed(),
    };
    tracing_subscriber::registry()
        .with(layer.with_filter(filter).with_filter(no_sdk_payloads))
        .init();
    match lakelint::app::run(cli).await {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`| head`): nothing is left to tell it.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
