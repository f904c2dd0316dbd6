//! Command-line arguments as plain data (clap derive). Nothing here reads
//! the environment; see `resolve` for that.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Top-level arguments.
#[derive(Debug, Parser)]
#[command(
    name = "accord",
    version,
    about = "Trace how the language of UN crime-congress texts evolved",
    long_about = "accord parses UN reports into citable units (rpm2019:13(e)), aligns them across \
documents, shows word-level diffs of how each provision changed, follows a provision or phrase \
through time, writes drafting memos and reviews proposed declarations.\n\n\
The five source documents of the Fifteenth Congress preparations are built in; add your own \
with --doc FILE or --corpus DIR.",
    after_help = "Examples:\n  accord docs\n  accord show 'rpm2019:13(e)'\n  accord units rpm2019 --format json\n  accord --doc draft.md units draft"
)]
pub struct Args {
    /// Options that apply to every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Add a document: UTF-8 text, Markdown, Word (.docx) or PDF (repeatable); ID=FILE names it, - reads stdin, FILE:original reads a Word file as before its tracked changes.
    #[arg(long = "doc", value_name = "[ID=]FILE", global = true)]
    pub docs: Vec<String>,
    /// Add every .txt, .md, .docx and .pdf file in a folder (repeatable).
    #[arg(long = "corpus", value_name = "DIR", global = true)]
    pub corpus: Vec<PathBuf>,
    /// Leave the five built-in documents out.
    #[arg(long, global = true)]
    pub no_seeds: bool,
    /// The sentence-embedding model folder for paraphrase matching [default: models/all-MiniLM-L6-v2, installed by scripts/fetch-model.sh].
    #[arg(long, value_name = "DIR", env = "ACCORD_MODEL", global = true)]
    pub model: Option<PathBuf>,
    /// Match on wording alone: no sentence-embedding model.
    #[arg(long, global = true, env = "ACCORD_LEXICAL_ONLY", value_parser = clap::builder::BoolishValueParser::new())]
    pub lexical_only: bool,
    /// When to colour output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// How to read Word files with tracked changes: as if every change were accepted, or as the original before them.
    #[arg(long, value_enum, value_name = "READING", default_value_t = ChangesChoice::Accepted, global = true)]
    pub changes: ChangesChoice,
}

/// `--changes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesChoice {
    /// Every tracked change accepted: what the draft now says.
    Accepted,
    /// Every tracked change rejected: what the draft said before.
    Original,
}

impl From<ChangesChoice> for crate::corpus::Changes {
    fn from(c: ChangesChoice) -> Self {
        match c {
            ChangesChoice::Accepted => crate::corpus::Changes::Accepted,
            ChangesChoice::Original => crate::corpus::Changes::Original,
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set (CLICOLOR_FORCE forces it).
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON, documented in README.
    Json,
}

/// `memo --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MemoFormat {
    /// Markdown, readable as plain text.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML file (inline CSS, no scripts).
    #[value(alias = "htm")]
    Html,
    /// Word, each redline a tracked change.
    Docx,
}

/// `review --format`: the terminal's text and JSON, or a written review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    /// Human-readable text (the default on standard output).
    Text,
    /// JSON, documented in README.
    Json,
    /// A written review in Markdown, readable as plain text.
    #[value(alias = "markdown")]
    Md,
    /// A written review as one self-contained HTML file (inline CSS, no scripts).
    #[value(alias = "htm")]
    Html,
    /// A written review in Word, each redline a tracked change.
    Docx,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the documents of the corpus with their unit counts.
    #[command(after_help = "Examples:\n  accord docs\n  accord docs --format json | jq '.[].id'")]
    Docs {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Print a document, or one unit with its heading path and footnotes.
    #[command(
        after_help = "Examples:\n  accord show 'rpm2019:13(e)'\n  accord show rpm2019:13e\n  accord show rpm2025-item4\n  accord show rpm2019 --set-aside\n  accord --doc draft.txt show draft:PP2\n  accord --doc draft.txt show 'draft:annex/5(g)'"
    )]
    Show {
        /// A document id, or a citation DOC:PATH (13(e), 13e, 160-2, 74-5(a), PP2, 2bis, 3+1, annex/5(g)).
        target: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// List the lines of the document set aside (front matter, tables, page furniture): in no unit, heading, title, chapeau or footnote.
        #[arg(long)]
        set_aside: bool,
        /// Print the text accord read, with the line numbers units cite: for a Word or PDF file, the text it made of it (one paragraph a line).
        #[arg(long, conflicts_with = "set_aside")]
        text: bool,
    },
    /// Print every unit of one or more documents.
    #[command(
        after_help = "Examples:\n  accord units rpm2019\n  accord units rpm2019 --format json | jq -r '.[].id'\n  accord units 2025"
    )]
    Units {
        /// Documents: ids, years, comma lists or `all`.
        #[arg(required = true, value_name = "DOC")]
        targets: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Align two sides: where each newer unit's language came from.
    #[command(
        after_help = "Sides are document ids, years (every document of that year), comma lists or `all`.\n\nExamples:\n  accord align 2019 2025\n  accord align rpm2019 congress2021-item4 --explain\n  accord align 2019 2025 --format json | jq '.links[] | select(.relation == \"reworded\")'"
    )]
    Align {
        /// The older side.
        old: String,
        /// The newer side.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Make only links scoring at least S, from 0.22 (the measured related threshold, the default) to 1.
        #[arg(long, value_name = "S")]
        min_score: Option<f64>,
        /// Show why: the longest shared phrases and the parts of each score.
        #[arg(long)]
        explain: bool,
        /// Treat procedural units (agenda, attendance, election of officers, adoption of the report) as language: by default they are set apart, no one's precedent, successor or chain step.
        #[arg(long)]
        include_procedural: bool,
    },
    /// Show how the wording changed: coloured word diffs of each provision.
    #[command(
        after_help = "OLD and NEW are sides (document ids, years, comma lists, `all`), two citations, or two files (.txt, .md, .docx, .pdf; a Word file's tracked revision is FILE:original against FILE).\nExit status: 0 when the sides are the same, 1 when they differ, 2 on error.\n\nExamples:\n  accord diff 2019 2025\n  accord diff draft.docx:original draft.docx\n  accord diff old.pdf new.docx\n  accord diff 2019 2025 --only-changed --side-by-side\n  accord diff 'rpm2019:13(e)' 'rpm2025-item4:12(f)'\n  accord diff 2019 2025 --format json | jq '.pairs[] | select(.strength != [])'"
    )]
    Diff {
        /// The older side, a citation, or a file (FILE:original for a Word file before its tracked changes).
        old: String,
        /// The newer side, a citation, or a file.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Hide provisions carried over verbatim.
        #[arg(long)]
        only_changed: bool,
        /// Two columns, old and new, fitted to the terminal width.
        #[arg(long)]
        side_by_side: bool,
        /// Treat procedural units (agenda, attendance, election of officers, adoption of the report) as language: by default they are set apart, no one's precedent, successor or chain step.
        #[arg(long)]
        include_procedural: bool,
    },
    /// Write a memo on how the language evolved: Markdown, HTML or Word.
    #[command(
        after_help = "Sides are document ids, years, comma lists or `all`, as for align and diff.\n\
The format follows the extension of FILE (.md, .html, .docx) unless --format is given. \
`-o -` writes to standard output (Markdown unless --format says otherwise); a Word file is \
written to standard output only when it is not a terminal.\n\
The file is written atomically (a temporary file in the same folder, then renamed); \
its folder must exist. With --date the output is the same, byte for byte, on every run.\n\n\
Examples:\n  accord memo 2019 2025 -o memo.html\n  accord memo rpm2019 congress2021-item4 -o memo.docx --date 2025-06-30\n  accord memo 2019 2025 --only-changed -o - | less"
    )]
    Memo {
        /// The older side.
        old: String,
        /// The newer side.
        new: String,
        /// File to write (.md, .html or .docx); - for standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE", required = true)]
        output: PathBuf,
        /// Format, when the file name does not say (default for -o -: md).
        #[arg(long, value_enum)]
        format: Option<MemoFormat>,
        /// Date of the memo and of its tracked changes (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// List only provisions that changed (verbatim ones are still counted).
        #[arg(long)]
        only_changed: bool,
        /// Treat procedural units (agenda, attendance, election of officers, adoption of the report) as language: by default they are set apart, no one's precedent, successor or chain step.
        #[arg(long)]
        include_procedural: bool,
    },
    /// Follow a provision through every document in time order.
    #[command(
        after_help = "Examples:\n  accord evolve 'rpm2019:13(e)'\n  accord evolve 'rpm2025-item4:12(g)' --format json\n  accord evolve --all"
    )]
    Evolve {
        /// The provision to follow (any document; the chain runs both ways).
        #[arg(conflicts_with = "all")]
        citation: Option<String>,
        /// Every chain that spans three or more documents.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Treat procedural units (agenda, attendance, election of officers, adoption of the report) as language: by default they are set apart, no one's precedent, successor or chain step.
        #[arg(long)]
        include_procedural: bool,
    },
    /// Follow a phrase and its inflections through time, in context.
    #[command(
        after_help = "Content words match by stem (\"strengthen the capacity\" finds \"strengthening the \
capacities\"), function words exactly; case and punctuation are ignored. A phrase that occurs \
nowhere is reported, not an error.\n\n\
Examples:\n  accord trace \"culture of lawfulness\"\n  accord trace \"strengthen the capacity\" --format json | jq '.stages[] | {doc, year, count}'"
    )]
    Trace {
        /// The phrase to look for.
        phrase: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// The phrases that emerge in NEW and those that fade from OLD.
    #[command(
        after_help = "Sides are document ids, years (every document of that year), comma lists or `all`. \
Phrases are 2-4 words, ranked by log-likelihood (G²) weighted by how fixed the phrase is; see README.\n\n\
Examples:\n  accord terms 2019 2025\n  accord terms rpm2019 thematic2021-2024 --top 10\n  accord terms 2019 2025 --format json | jq -r '.emerging[].phrase'"
    )]
    Terms {
        /// The older side.
        old: String,
        /// The newer side.
        new: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Phrases per list.
        #[arg(long, value_name = "N", default_value_t = crate::analysis::TermsOptions::default().top)]
        top: usize,
    },
    /// Review a proposed declaration: precedent, new language, recommendations left out.
    #[command(
        after_help = "DRAFT is a text or Markdown file, or - for standard input.\n\
Without -o the review is printed, as text unless --format says otherwise. With -o FILE it is written to FILE, \
in the format its extension names (.md, .html, .docx; also .json and .txt) unless --format is \
given: Markdown, HTML and Word are written reviews (summary, every paragraph with its \
precedents and redline, the uptake). `-o -` writes to standard output (Markdown unless --format \
says otherwise); a Word file is written to standard output only when it is not a terminal.\n\
The file is written atomically; its folder must exist. With --date a written review is the \
same, byte for byte, on every run.\n\n\
Examples:\n  accord review examples/draft-declaration.md\n  accord review - < draft.txt\n  \
accord review draft.md -o review.html\n  accord review draft.md -o review.docx --date 2026-11-23\n  \
accord review draft.md --against 2019,2021 --uptake rpm2025-item4\n  \
accord review draft.md --format json | jq '.paragraphs[] | select(.class == \"new\") | .id'"
    )]
    Review {
        /// The draft: a file, or - for standard input.
        draft: String,
        /// Precedent documents (default: every document of the corpus).
        #[arg(long, value_name = "SIDE")]
        against: Option<String>,
        /// Documents whose recommendations the draft should reflect (default: those of the latest year).
        #[arg(long, value_name = "SIDE")]
        uptake: Option<String>,
        /// File to write (.md, .html, .docx, .json, .txt); - for standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Format (default: text, or the extension of -o FILE; md for -o -).
        #[arg(long, value_enum)]
        format: Option<ReviewFormat>,
        /// Date of a written review and of its tracked changes (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Offer precedents dated after the draft too (by default a dated draft is reviewed against earlier documents only).
        #[arg(long)]
        any_date: bool,
        /// Treat procedural units (agenda, attendance, election of officers, adoption of the report) as language: by default they are set apart, no one's precedent, successor or chain step.
        #[arg(long)]
        include_procedural: bool,
    },
    /// Print a shell completion script to standard output.
    #[command(
        after_help = "Install (see README, \"Shell completions and man page\"):\n  accord completions bash > ~/.local/share/bash-completion/completions/accord\n  accord completions zsh > ~/.zfunc/_accord\n  accord completions fish > ~/.config/fish/completions/accord.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write it and a page per command into a folder.
    #[command(
        after_help = "Install:\n  mkdir -p ~/.local/share/man/man1 && accord man --dir ~/.local/share/man/man1\n  man accord-diff"
    )]
    Man {
        /// Write accord.1 and accord-COMMAND.1 (every command, every option) into DIR instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
    /// Write a synthetic pair of large related documents and their true mapping (for benchmarks).
    #[command(hide = true)]
    Synth {
        /// Paragraphs in the older document (10 to 1,000,000; about 1.2 GB
        /// of memory to generate 100,000).
        #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(10..=1_000_000))]
        units: u64,
        /// Random seed.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// distinctive: invented words make most paragraphs distinct;
        /// near-duplicate: paragraphs spliced from a thousand real sentences.
        #[arg(long, default_value = "distinctive", value_parser = ["distinctive", "near-duplicate"])]
        kind: String,
        /// Folder to write old.md, new.md and truth.tsv into.
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
    },
}
