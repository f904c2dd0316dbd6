//! The `accord` binary: parse arguments, call the library, map errors to
//! exit statuses (0 success, 1 differences found, 2 trouble).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match accord::cli::Args::try_parse() {
        Ok(args) => args,
        // --help, --version: printed as clap prints them.
        Err(e) if !e.use_stderr() => e.exit(),
        // `accord` alone: the help, on stderr, status 2.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(accord::cli::exit::TROUBLE);
        }
        Err(e) => {
            let line = accord::cli::usage_error_line(&e);
            eprintln!("accord: {}", accord::report::escape::terminal(&line));
            return ExitCode::from(accord::cli::exit::TROUBLE);
        }
    };
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
