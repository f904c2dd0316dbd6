//! The `accord` binary: parse arguments, call the library, map errors to
//! exit statuses (0 success, 1 differences found, 2 trouble).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = accord::cli::Args::parse();
    match accord::cli::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // `accord ... | head`: the reader left; that is not an error.
            let broken_pipe = err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            // Messages quote user text (phrases, citations, file contents):
            // controls and line separators shown escaped, never raw.
            let message = format!("{err:#}");
            eprintln!("accord: {}", accord::report::escape::terminal(&message));
            ExitCode::from(accord::cli::exit::TROUBLE)
        }
    }
}
