//! The command-line edge: arguments (plain data), one resolve step that
//! reads the environment, and the dispatch from subcommand to library call
//! to renderer. `main.rs` only parses arguments and calls [`run`].

pub mod args;
pub mod resolve;

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

pub use args::{Args, ColorChoice, Command, GlobalArgs, MemoFormat, OutputFormat, ReviewFormat};
pub use resolve::{resolve, today_utc, Config, Env};

use crate::corpus::{Corpus, DocSource};
use crate::report;
use crate::report::style::RenderOptions;
use crate::Library;

/// Exit statuses, as diff(1) uses them.
pub mod exit {
    /// Success; for comparing commands, no differences.
    pub const SUCCESS: u8 = 0;
    /// A comparing command found differences.
    pub const DIFFERENCES: u8 = 1;
    /// Trouble: bad input, unknown id, I/O error.
    pub const TROUBLE: u8 = 2;
}

/// A usage error from the argument parser as one line, for stderr:
/// clap's message, its tips and the usage line, joined
/// (`unexpected argument '--bogus' found (tip: a similar argument exists:
/// '--corpus'); usage: accord --corpus <DIR> <COMMAND>`). Help and version
/// requests are not errors and are not given here.
pub fn usage_error_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let mut message: Vec<&str> = Vec::new();
    let mut tips = Vec::new();
    let mut usage = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("For more information") {
            continue;
        }
        if let Some(u) = line.strip_prefix("Usage:") {
            usage = Some(u.trim());
        } else if let Some(tip) = line.strip_prefix("tip:") {
            tips.push(tip.trim());
        } else {
            message.push(line.strip_prefix("error:").unwrap_or(line).trim());
        }
    }
    let mut out = message.join(" ");
    for tip in tips {
        out.push_str(&format!(" (tip: {tip})"));
    }
    if let Some(u) = usage {
        out.push_str(&format!("; usage: {u}"));
    }
    out.push_str("; see --help");
    out
}

/// Builds the corpus the global options ask for.
///
/// # Errors
/// A document that cannot be read, or an empty corpus. (A `--corpus`
/// folder with no document in it is not an error; `run` notes it.)
pub fn load_corpus(global: &GlobalArgs) -> Result<Corpus> {
    let corpus = gather_corpus(global, &mut Vec::new())?;
    anyhow::ensure!(!corpus.is_empty(), crate::corpus::CorpusError::EmptyCorpus);
    Ok(corpus)
}

/// [`load_corpus`], empty or not.
fn gather_corpus(global: &GlobalArgs, notes: &mut Vec<String>) -> Result<Corpus> {
    let mut corpus = if global.no_seeds {
        Corpus::new()
    } else {
        Corpus::seeds()
    };
    let changes = global.changes.into();
    for dir in &global.corpus {
        if corpus.add_dir_with(dir, changes)? == 0 {
            notes.push(format!(
                "no document in '{}' (accord reads {} files): nothing was added from it",
                crate::report::escape::line(&dir.display().to_string()),
                crate::corpus::DOCUMENT_EXTENSIONS
                    .iter()
                    .filter(|e| **e != "doc")
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let mut stdin_used = false;
    for spec in &global.docs {
        let source = DocSource::parse(spec)?;
        if source.path.is_none() {
            anyhow::ensure!(!stdin_used, "standard input (-) can be read only once");
            stdin_used = true;
        }
        let doc = source.load_with(&mut std::io::stdin().lock(), changes)?;
        corpus.add(doc)?;
    }
    Ok(corpus)
}

/// Which matching a run uses, as `accord docs` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matching {
    /// Lexical and sentence-embedding scores, with the model in this folder.
    Paraphrase(std::path::PathBuf),
    /// Lexical score alone, because `--lexical-only` asked for it.
    LexicalByChoice,
    /// No model in this folder: the shipped vectors of the built-in
    /// documents, and wording alone for other text.
    ShippedOnly(std::path::PathBuf),
}

impl Matching {
    /// One line for `accord docs`.
    pub fn describe(&self) -> String {
        match self {
            Matching::Paraphrase(dir) => format!(
                "matching: wording and paraphrase (all-MiniLM-L6-v2 in {})",
                dir.display()
            ),
            Matching::LexicalByChoice => "matching: wording only (--lexical-only)".into(),
            Matching::ShippedOnly(dir) => format!(
                "matching: wording and paraphrase for the built-in documents (their vectors are shipped); wording only for other documents (no model in {}: run `bash scripts/fetch-model.sh`)",
                dir.display()
            ),
        }
    }
}

/// Sets up paraphrase matching as the options ask: `--lexical-only` turns
/// it off; a model named by `--model` / `ACCORD_MODEL` must be there (else
/// an error); the default folder may be empty (then the shipped vectors of
/// the built-in documents are used, and wording alone for other text).
pub fn semantic(global: &GlobalArgs) -> Result<(Matching, Option<crate::embed::Semantic>)> {
    semantic_in(global, crate::embed::default_model_dir())
}

/// [`semantic`], with `default_dir` as the folder used when none is named.
fn semantic_in(
    global: &GlobalArgs,
    default_dir: std::path::PathBuf,
) -> Result<(Matching, Option<crate::embed::Semantic>)> {
    use crate::embed::{default_cache_dir, EmbedError, Semantic};
    if global.lexical_only {
        return Ok((Matching::LexicalByChoice, None));
    }
    let dir = global.model.clone().unwrap_or(default_dir);
    match Semantic::new(&dir, default_cache_dir()) {
        Ok(s) => Ok((Matching::Paraphrase(dir), Some(s))),
        Err(EmbedError::MissingFile { .. }) if global.model.is_none() => Ok((
            Matching::ShippedOnly(dir),
            Some(Semantic::without_model(default_cache_dir())),
        )),
        Err(e) => Err(e.into()),
    }
}

/// True for the commands that align units, and so use sentence vectors.
fn matches_units(command: &Command) -> bool {
    matches!(
        command,
        Command::Align { .. }
            | Command::Diff { .. }
            | Command::Evolve { .. }
            | Command::Memo { .. }
            | Command::Review { .. }
    )
}

/// True when a side of `diff` names a file rather than documents: a name
/// with a path separator or a document extension (`draft.docx`, `./notes`),
/// existing or not (a missing one is then "cannot read", not "unknown
/// document"), or an existing file with a dot in its name; any of these
/// with `:original` or `:accepted` after it. Document ids never contain
/// `/` or `.`, and a bare id is never taken for a file of the same name.
fn names_a_file(side: &str) -> bool {
    let (file, _) = crate::corpus::split_reading(side);
    let path = std::path::Path::new(file);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    // A name with a separator or a document extension is a file even when
    // it is missing, so the error says "cannot read", not "unknown
    // document" (ids never have either).
    file.contains(std::path::MAIN_SEPARATOR)
        || file.contains('/')
        || crate::corpus::DOCUMENT_EXTENSIONS.contains(&ext.as_str())
        || (path.is_file() && file.contains('.'))
}

/// `diff FILE FILE`: loads the files named as sides into the corpus and
/// puts their ids in their place. Two files with one stem (`a/draft.docx`,
/// `b/draft.docx`) get `draft` and `draft-2`.
fn load_file_sides(command: &mut Command, corpus: &mut Corpus, global: &GlobalArgs) -> Result<()> {
    let Command::Diff { old, new, .. } = command else {
        return Ok(());
    };
    let mut taken: Vec<String> = Vec::new();
    for side in [old, new] {
        if !names_a_file(side) {
            continue;
        }
        let source = DocSource::parse(side)?;
        let mut doc = source.load_with(&mut std::io::empty(), global.changes.into())?;
        if taken.contains(&doc.meta.id) {
            doc.meta.id = format!("{}-2", doc.meta.id);
        }
        taken.push(doc.meta.id.clone());
        *side = doc.meta.id.clone();
        corpus.add(doc)?;
    }
    Ok(())
}

/// Runs a parsed command line and returns the exit status.
pub fn run(mut args: Args) -> Result<u8> {
    // Completions and the manual describe the command line: no corpus.
    if describe_command_line(&args.command, &mut std::io::stdout().lock())? {
        return Ok(0);
    }
    let env = Env::read();
    let config = resolve(args.global.color, &env);
    // Only commands that align units (and `docs`, which says how they
    // match) look for the model: `show` works whatever `--model` names.
    let (matching, semantic) =
        if matches_units(&args.command) || matches!(args.command, Command::Docs { .. }) {
            semantic(&args.global)?
        } else {
            (Matching::LexicalByChoice, None)
        };
    let mut notes = Vec::new();
    let mut corpus = gather_corpus(&args.global, &mut notes)?;
    load_file_sides(&mut args.command, &mut corpus, &args.global)?;
    anyhow::ensure!(!corpus.is_empty(), crate::corpus::CorpusError::EmptyCorpus);
    let mut lib = Library::new(corpus).with_changes(args.global.changes.into());
    if let Some(s) = semantic {
        lib = lib
            .with_semantic(s)
            .with_embed_progress(std::sync::Arc::new(ProgressBar::embedding(&config)));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // On failure the error is the one line on stderr: no notes before it.
    let status = dispatch_with(&lib, args.command, &config, &matching, &mut out)?;
    for notice in notes.into_iter().chain(lib.take_notices()) {
        eprintln!("accord: note: {notice}");
    }
    out.flush()?;
    Ok(status)
}

/// Writes the shell completion script or the manual page when `command`
/// asks for one (true), else nothing (false).
fn describe_command_line(command: &Command, out: &mut dyn Write) -> Result<bool> {
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Args::command(), "accord", out);
        }
        Command::Man { dir: None } => clap_mangen::Man::new(Args::command()).render(out)?,
        Command::Man { dir: Some(dir) } => {
            // accord.1, and accord-COMMAND.1 for each command (the pages
            // accord.1 refers to), with every option.
            let top = Args::command();
            let mut pages = vec![("accord.1".to_string(), top.clone())];
            for sub in top.get_subcommands().filter(|c| !c.is_hide_set()) {
                let name = format!("accord-{}", sub.get_name());
                // clap names commands with &'static str; a dozen short
                // names, once per run.
                let leaked: &'static str = Box::leak(name.clone().into_boxed_str());
                pages.push((format!("{name}.1"), sub.clone().name(leaked)));
            }
            for (file, cmd) in pages {
                let mut page = Vec::new();
                clap_mangen::Man::new(cmd).render(&mut page)?;
                report::output::write_atomic(&dir.join(&file), &page)?;
                writeln!(
                    out,
                    "wrote {}",
                    report::escape::line(&dir.join(file).display().to_string())
                )?;
            }
        }
        _ => return Ok(false),
    }
    out.flush()?;
    Ok(true)
}

/// Runs one command against a library, writing to `out`.
pub fn dispatch(
    lib: &Library,
    command: Command,
    config: &Config,
    out: &mut dyn Write,
) -> Result<u8> {
    let matching = match lib.semantic() {
        Some(s) => match s.model_dir() {
            Some(dir) => Matching::Paraphrase(dir.to_path_buf()),
            None => Matching::ShippedOnly(crate::embed::default_model_dir()),
        },
        None => Matching::LexicalByChoice,
    };
    dispatch_with(lib, command, config, &matching, out)
}

/// [`dispatch`], stating `matching` where a command reports it.
pub fn dispatch_with(
    lib: &Library,
    command: Command,
    config: &Config,
    matching: &Matching,
    out: &mut dyn Write,
) -> Result<u8> {
    if describe_command_line(&command, out)? {
        return Ok(0);
    }
    // What the renderers get: the width and the colour, nothing else.
    let render = config.render();
    match command {
        // Written above, by describe_command_line.
        Command::Completions { .. } | Command::Man { .. } => Ok(exit::SUCCESS),
        Command::Docs { format } => docs(lib, format, &render, matching, out),
        Command::Show {
            target,
            format,
            set_aside,
            text,
        } => show(lib, &target, format, set_aside, text, &render, out),
        Command::Units { targets, format } => units(lib, &targets, format, &render, out),
        Command::Align {
            old,
            new,
            format,
            min_score,
            explain,
            include_procedural,
        } => align(
            lib,
            (&old, &new),
            format,
            min_score,
            explain,
            include_procedural,
            config,
            out,
        ),
        Command::Diff {
            old,
            new,
            format,
            only_changed,
            side_by_side,
            include_procedural,
        } => {
            let opts = report::diff::DiffOptions {
                only_changed,
                side_by_side,
                say_uncompared: false,
            };
            diff(
                lib,
                (&old, &new),
                format,
                opts,
                include_procedural,
                config,
                out,
            )
        }
        Command::Memo {
            old,
            new,
            output,
            format,
            date,
            only_changed,
            include_procedural,
        } => memo(
            lib,
            MemoArgs {
                old,
                new,
                output,
                format,
                date,
                only_changed,
                include_procedural,
            },
            config,
            out,
        )
        .map(|()| exit::SUCCESS),
        Command::Evolve {
            citation,
            all,
            format,
            include_procedural,
        } => evolve(lib, citation, all, format, include_procedural, &render, out),
        Command::Trace { phrase, format } => trace(lib, &phrase, format, &render, out),
        Command::Terms {
            old,
            new,
            format,
            top,
        } => terms(lib, (&old, &new), format, top, &render, out),
        Command::Review {
            draft,
            against,
            uptake,
            output,
            format,
            date,
            any_date,
            include_procedural,
        } => review(
            lib,
            ReviewArgs {
                draft,
                against,
                uptake,
                output,
                format,
                date,
                any_date,
                include_procedural,
            },
            config,
            out,
        )
        .map(|()| exit::SUCCESS),
        Command::Synth {
            units,
            seed,
            kind,
            out: dir,
        } => synth(units as usize, seed, &kind, &dir, out),
    }
}

/// `accord docs`: the documents, and the matching in use.
fn docs(
    lib: &Library,
    format: OutputFormat,
    render: &RenderOptions,
    matching: &Matching,
    out: &mut dyn Write,
) -> Result<u8> {
    let docs: Vec<_> = lib.docs().iter().collect();
    emit(
        format,
        out,
        |out| {
            report::corpus::docs_text(&docs, render, out)?;
            writeln!(
                out,
                "\n{}",
                report::style::wrap(&matching.describe(), render.width, "", "  ")
            )
        },
        || report::corpus::docs_json(&docs),
    )?;
    Ok(exit::SUCCESS)
}

/// `accord show`: a document, a unit, a document's set-aside lines or its
/// text.
fn show(
    lib: &Library,
    target: &str,
    format: OutputFormat,
    set_aside: bool,
    text: bool,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> Result<u8> {
    if text {
        anyhow::ensure!(
            !crate::parse::Citation::looks_like(target),
            crate::Error::Usage(format!(
                "--text prints the text of a document: give a document id, not the citation '{target}'"
            ))
        );
        let doc = lib.corpus().require(target)?;
        emit(
            format,
            out,
            |out| report::corpus::document_text(&doc.body, doc.body_line, out),
            || report::corpus::document_json(doc),
        )?;
    } else if set_aside {
        anyhow::ensure!(
            !crate::parse::Citation::looks_like(target),
            crate::Error::Usage(format!(
                "--set-aside lists the set-aside lines of a document: give a document id, not the citation '{target}'"
            ))
        );
        let doc = lib.doc(target)?;
        emit(
            format,
            out,
            |out| report::corpus::set_aside_text(doc, render, out),
            || report::corpus::set_aside_json(doc),
        )?;
    } else if crate::parse::Citation::looks_like(target) {
        let unit = lib.unit(target)?;
        let doc = lib.doc(&unit.id.doc)?;
        let family = report::corpus::family(doc, unit);
        emit(
            format,
            out,
            |out| report::corpus::show_unit_text(doc, &family, render, out),
            || report::corpus::units_json(&family),
        )?;
    } else {
        let doc = lib.doc(target)?;
        let units: Vec<_> = doc.units.iter().collect();
        emit(
            format,
            out,
            |out| report::corpus::show_doc_text(doc, render, out),
            || report::corpus::units_json(&units),
        )?;
    }
    Ok(exit::SUCCESS)
}

/// `accord units`: every unit of the documents named.
fn units(
    lib: &Library,
    targets: &[String],
    format: OutputFormat,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> Result<u8> {
    let mut units = Vec::new();
    let mut seen = Vec::new();
    for spec in targets {
        for doc in lib.side(spec)? {
            if !seen.contains(&doc.meta.id) {
                seen.push(doc.meta.id.clone());
                units.extend(doc.units.iter());
            }
        }
    }
    emit(
        format,
        out,
        |out| report::corpus::units_text(&units, render, out),
        || report::corpus::units_json(&units),
    )?;
    Ok(exit::SUCCESS)
}

/// `accord align`: where each provision of the newer side came from.
#[allow(clippy::too_many_arguments, reason = "one per option of the command")]
fn align(
    lib: &Library,
    (old, new): (&str, &str),
    format: OutputFormat,
    min_score: Option<f64>,
    explain: bool,
    include_procedural: bool,
    config: &Config,
    out: &mut dyn Write,
) -> Result<u8> {
    let render = config.render();
    let opts = align_options(min_score, include_procedural)?;
    let al = lib.align_with(old, new, &opts, &ProgressBar::new(config, lib))?;
    emit(
        format,
        out,
        |out| report::align::text(lib, &al, explain, &render, out),
        || report::align::json(lib, &al, explain),
    )?;
    Ok(exit::SUCCESS)
}

/// `accord diff`: redlines of two sides, two citations or two files;
/// exit status 1 when they differ.
fn diff(
    lib: &Library,
    (old, new): (&str, &str),
    format: OutputFormat,
    opts: report::diff::DiffOptions,
    include_procedural: bool,
    config: &Config,
    out: &mut dyn Write,
) -> Result<u8> {
    let render = config.render();
    let cited = crate::parse::Citation::looks_like;
    // Named citations are compared whatever their kinds: say so.
    let opts = report::diff::DiffOptions {
        say_uncompared: cited(old) && cited(new),
        ..opts
    };
    let cmp = if cited(old) || cited(new) {
        anyhow::ensure!(
            cited(old) && cited(new),
            crate::Error::Usage(format!(
                "diff takes two sides or two citations, not one of each ('{old}', '{new}')"
            ))
        );
        lib.compare_units(old, new)?
    } else {
        let al = lib.align_with(
            old,
            new,
            &align_options(None, include_procedural)?,
            &ProgressBar::new(config, lib),
        )?;
        let (o, n) = (lib.side_units(old)?, lib.side_units(new)?);
        let mut cmp = crate::diff::compare(&al, &o, &n);
        let (od, nd) = (lib.side(old)?, lib.side(new)?);
        cmp.context
            .extend(crate::diff::compare::context_changes(&od, &nd));
        // Never "identical" when the texts differ: a change outside
        // the compared words is still said.
        let body = |d: &&crate::parse::ParsedDoc| {
            lib.corpus()
                .get(&d.meta.id)
                .map_or("", |doc| doc.body.as_str())
        };
        let (ob, nb): (Vec<&str>, Vec<&str>) =
            (od.iter().map(body).collect(), nd.iter().map(body).collect());
        if !cmp.has_differences() && crate::diff::compare::texts_differ(&ob, &nb) {
            cmp.context.push(crate::diff::compare::other_change());
        }
        cmp
    };
    emit(
        format,
        out,
        |out| report::diff::text(&cmp, opts, &render, out),
        || report::diff::json(&cmp, opts),
    )?;
    Ok(if cmp.has_differences() {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    })
}

/// `accord evolve`: one provision through time, or every chain.
fn evolve(
    lib: &Library,
    citation: Option<String>,
    all: bool,
    format: OutputFormat,
    include_procedural: bool,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> Result<u8> {
    let stages = crate::align::chain::stages(lib);
    let scope = lib.scope(&[&lib.all_units()])?;
    let mut chainer = crate::align::chain::Chainer::new(
        &scope,
        &stages,
        align_options(None, include_procedural)?,
    );
    if all {
        let chains = chainer.all(3);
        match format {
            OutputFormat::Text => {
                let st = report::style::Style {
                    color: render.color,
                };
                for (i, chain) in chains.iter().enumerate() {
                    writeln!(
                        out,
                        "{}",
                        st.heading(&format!("Chain {} of {}", i + 1, chains.len()))
                    )?;
                    report::diff::chain_text(chain, &[], &stages, render, out)?;
                }
                writeln!(out, "{} chains span three or more documents", chains.len())?;
            }
            OutputFormat::Json => {
                let views: Vec<_> = chains
                    .iter()
                    .map(|c| report::diff::steps_json(c, &stages))
                    .collect();
                report::json::write(out, &serde_json::json!({ "chains": views }))?;
            }
        }
    } else {
        let Some(citation) = citation else {
            anyhow::bail!(
                "evolve needs a provision to follow (accord evolve 'rpm2019:13(e)'), or --all for every chain over three documents"
            );
        };
        let unit = lib.unit(&citation)?;
        if unit.role.is_procedural() && !include_procedural {
            eprintln!(
                "accord: note: {} is procedural (the organisation of a meeting) and set apart from every alignment: --include-procedural follows it",
                unit.id
            );
        }
        let chain = chainer.follow(&unit.id);
        emit(
            format,
            out,
            |out| report::diff::chain_text(&chain.steps, &chain.skipped, &stages, render, out),
            || report::diff::chain_json(&unit.id, &chain, &stages),
        )?;
    }
    Ok(exit::SUCCESS)
}

/// `accord trace`: a phrase through time.
fn trace(
    lib: &Library,
    phrase: &str,
    format: OutputFormat,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> Result<u8> {
    let trace = lib.trace(phrase)?;
    emit(
        format,
        out,
        |out| report::analysis::trace_text(&trace, render, out),
        || report::analysis::trace_json(&trace),
    )?;
    Ok(exit::SUCCESS)
}

/// `accord terms`: emerging and fading phrases.
fn terms(
    lib: &Library,
    (old, new): (&str, &str),
    format: OutputFormat,
    top: usize,
    render: &RenderOptions,
    out: &mut dyn Write,
) -> Result<u8> {
    let opts = crate::analysis::TermsOptions {
        top,
        ..Default::default()
    };
    let terms = lib.terms(old, new, &opts)?;
    emit(
        format,
        out,
        |out| report::analysis::terms_text(&terms, render, out),
        || report::analysis::terms_json(&terms),
    )?;
    Ok(exit::SUCCESS)
}

/// `accord synth` (hidden): a generated pair of large related documents
/// and their true mapping, for benchmarks.
fn synth(
    units: usize,
    seed: u64,
    kind: &str,
    dir: &std::path::Path,
    out: &mut dyn Write,
) -> Result<u8> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the --out folder '{}'", dir.display()))?;
    let kind = match kind {
        "near-duplicate" => crate::synth::Kind::NearDuplicate,
        _ => crate::synth::Kind::Distinctive,
    };
    let pair = crate::synth::generate_kind(kind, units, seed);
    for (name, text) in [
        ("old.md", &pair.old),
        ("new.md", &pair.new),
        ("truth.tsv", &pair.truth_tsv()),
    ] {
        report::output::write_atomic(&dir.join(name), text.as_bytes())?;
    }
    writeln!(
        out,
        "wrote {} and {} paragraphs to {}",
        units,
        pair.truth.len(),
        dir.display()
    )?;
    Ok(exit::SUCCESS)
}

/// The arguments of `accord memo`.
struct MemoArgs {
    old: String,
    new: String,
    output: std::path::PathBuf,
    format: Option<MemoFormat>,
    date: Option<String>,
    only_changed: bool,
    include_procedural: bool,
}

/// The written format `--format` names.
fn written_format(f: MemoFormat) -> report::written::Format {
    use report::written::Format;
    match f {
        MemoFormat::Md => Format::Markdown,
        MemoFormat::Html => Format::Html,
        MemoFormat::Docx => Format::Docx,
    }
}

/// `accord memo`: checks everything it can before the alignment (format,
/// date, the target folder), then builds, renders and writes the memo.
fn memo(lib: &Library, a: MemoArgs, config: &Config, out: &mut dyn Write) -> Result<()> {
    use crate::report::memo as m;
    use crate::report::written::{Format, MemoDate};

    anyhow::ensure!(
        !crate::parse::Citation::looks_like(&a.old) && !crate::parse::Citation::looks_like(&a.new),
        crate::Error::Usage(format!(
            "memo compares two sides (document ids, years, comma lists, all), not citations ('{}', '{}'); for two provisions use accord diff",
            a.old, a.new
        ))
    );
    let to_stdout = a.output.as_os_str() == "-";
    let format = match (a.format, to_stdout) {
        (Some(f), _) => written_format(f),
        (None, true) => Format::Markdown,
        (None, false) => Format::of_path(&a.output).ok_or_else(|| {
            crate::Error::Usage(format!(
                "cannot tell the memo format from '{}': name the file .md, .html or .docx, or give --format md|html|docx",
                a.output.display()
            ))
        })?,
    };
    anyhow::ensure!(
        !(to_stdout && format == Format::Docx && config.stdout_tty),
        crate::Error::Usage(
            "refusing to write a Word file to a terminal: give -o FILE.docx, or redirect standard output"
                .into()
        )
    );
    let date = match &a.date {
        Some(d) => MemoDate::parse(d).map_err(|e| crate::Error::Usage(format!("--date {e}")))?,
        None => today_utc(),
    };
    let target = if to_stdout {
        None
    } else {
        Some(report::output::check_target(
            &a.output,
            &input_files(lib, None),
        )?)
    };

    let align = align_options(None, a.include_procedural)?;
    let al = lib.align_with(&a.old, &a.new, &align, &ProgressBar::new(config, lib))?;
    let (o, n) = (lib.side_units(&a.old)?, lib.side_units(&a.new)?);
    let cmp = crate::diff::compare(&al, &o, &n);
    let opts = m::MemoOptions {
        only_changed: a.only_changed,
        thresholds: m::Thresholds {
            reworded: align.reworded,
            related: align.related,
            semantic_weight: al.semantic_weight,
            wording_only: al.wording_only,
        },
        terms: Some(m::Terms::from(&lib.terms(
            &a.old,
            &a.new,
            &crate::analysis::TermsOptions {
                top: MEMO_TERMS,
                ..Default::default()
            },
        )?)),
        ..m::MemoOptions::new(date)
    };
    let memo = m::build(&cmp, lib, &opts);
    let bytes = m::render(&memo, format)?;
    let name = format.name();
    let Some(target) = target else {
        out.write_all(&bytes)?;
        return Ok(());
    };
    report::output::write(&target, &bytes)?;
    let plural = report::written::plural;
    eprintln!(
        "wrote {} ({name}, {} bytes): {} -> {}, {} in {}, {} dropped, {} of drafting strength",
        report::escape::terminal(&a.output.display().to_string()),
        bytes.len(),
        memo.old_names(),
        memo.new_names(),
        // The provisions the memo counts (chapeaux of lists aside).
        plural(memo.counts.new_units, "provision", "provisions"),
        plural(memo.topics.len(), "topic", "topics"),
        memo.dropped_count(),
        plural(memo.strength.len(), "change", "changes"),
    );
    Ok(())
}

/// Writes a command's result as text (`text`) or as the JSON of `json()`:
/// the one shape every printing command shares.
fn emit<T: serde::Serialize>(
    format: OutputFormat,
    out: &mut dyn Write,
    text: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    json: impl FnOnce() -> T,
) -> Result<()> {
    match format {
        OutputFormat::Text => text(out)?,
        OutputFormat::Json => report::json::write(out, &json())?,
    }
    Ok(())
}

/// Emerging and fading terms listed in a memo, each way.
const MEMO_TERMS: usize = 10;

/// The arguments of `accord review`.
struct ReviewArgs {
    draft: String,
    against: Option<String>,
    uptake: Option<String>,
    output: Option<std::path::PathBuf>,
    format: Option<ReviewFormat>,
    date: Option<String>,
    any_date: bool,
    include_procedural: bool,
}

/// The review format a file name asks for, by its extension: the written
/// formats as for memos, and `.json`, `.txt` for the printed ones.
fn review_format_of(path: &std::path::Path) -> Option<ReviewFormat> {
    use report::written::Format;
    match Format::of_path(path) {
        Some(Format::Markdown) => Some(ReviewFormat::Md),
        Some(Format::Html) => Some(ReviewFormat::Html),
        Some(Format::Docx) => Some(ReviewFormat::Docx),
        None => match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(ReviewFormat::Json),
            "txt" | "text" => Some(ReviewFormat::Text),
            _ => None,
        },
    }
}

/// The files a command reads: every document loaded from a file, and
/// `extra` (a draft). An output must not replace one of them.
fn input_files<'a>(
    lib: &'a Library,
    extra: Option<&'a std::path::Path>,
) -> Vec<&'a std::path::Path> {
    lib.corpus()
        .documents()
        .iter()
        .filter_map(|d| match &d.origin {
            crate::corpus::Origin::File(p) => Some(p.as_path()),
            // The file standard input is redirected from, if any.
            crate::corpus::Origin::Stdin => Some(std::path::Path::new("/dev/stdin")),
            crate::corpus::Origin::Seed => None,
        })
        .chain(extra)
        .collect()
}

/// `accord review`: checks what it can before reading the draft (format,
/// terminal, date, the target folder), then reviews the draft and prints
/// the review or writes it to a file.
fn review(lib: &Library, a: ReviewArgs, config: &Config, out: &mut dyn Write) -> Result<()> {
    use crate::report::written::{Format, MemoDate};

    // A file to write, or None for standard output (no -o, or -o -).
    let target = a.output.as_deref().filter(|p| p.as_os_str() != "-");
    let format = match (a.format, &a.output, target) {
        (Some(f), ..) => f,
        (None, None, _) => ReviewFormat::Text,
        (None, Some(_), None) => ReviewFormat::Md,
        (None, Some(_), Some(path)) => review_format_of(path).ok_or_else(|| {
            crate::Error::Usage(format!(
                "cannot tell the review format from '{}': name the file .md, .html, .docx, .json or .txt, or give --format",
                path.display()
            ))
        })?,
    };
    let written = match format {
        ReviewFormat::Text | ReviewFormat::Json => None,
        ReviewFormat::Md => Some(Format::Markdown),
        ReviewFormat::Html => Some(Format::Html),
        ReviewFormat::Docx => Some(Format::Docx),
    };
    anyhow::ensure!(
        !(target.is_none() && written == Some(Format::Docx) && config.stdout_tty),
        crate::Error::Usage(
            "refusing to write a Word file to a terminal: give -o FILE.docx, or redirect standard output"
                .into()
        )
    );
    let date = match &a.date {
        Some(d) => MemoDate::parse(d).map_err(|e| crate::Error::Usage(format!("--date {e}")))?,
        None => today_utc(),
    };
    let source = DocSource::parse(&a.draft)?;
    let checked = match target {
        Some(path) => Some(report::output::check_target(
            path,
            &input_files(
                lib,
                Some(
                    source
                        .path
                        .as_deref()
                        .unwrap_or(std::path::Path::new("/dev/stdin")),
                ),
            ),
        )?),
        None => None,
    };

    let doc = source.load_with(&mut std::io::stdin().lock(), lib.changes())?;
    // The draft is not one of the precedents: with the id of a library
    // document it would silently take that document out of them.
    anyhow::ensure!(
        lib.corpus().get(&doc.meta.id).is_none(),
        crate::Error::Usage(format!(
            "the draft's id '{}' is the id of a document already loaded: give the draft another id (accord review ID=FILE)",
            doc.meta.id
        ))
    );
    let parsed = crate::parse::parse(&doc);
    if let Some(note) = crate::set_aside_note(&parsed) {
        eprintln!("accord: note: {note}");
    }
    let paragraphs = crate::review::draft_paragraphs(&parsed);
    for p in &paragraphs {
        for u in &p.unmatched {
            eprintln!(
                "accord: warning: {}: {}: {}",
                p.unit.id,
                report::escape::terminal(&u.describe()),
                u.advice()
            );
        }
    }
    let r = crate::review::review(
        lib,
        &doc.meta.id,
        &paragraphs,
        &crate::review::ReviewOptions {
            against: a.against.as_deref(),
            uptake: a.uptake.as_deref(),
            until: doc.meta.date.as_deref().filter(|_| !a.any_date),
            include_procedural: a.include_procedural,
        },
    )?;
    if !r.later.is_empty() {
        eprintln!(
            "accord: note: {} dated after the draft ({}) {} not offered as precedent: {}; --any-date includes {}",
            report::written::plural(r.later.len(), "document", "documents"),
            doc.meta.date.as_deref().unwrap_or(""),
            if r.later.len() == 1 { "is" } else { "are" },
            r.later.join(", "),
            if r.later.len() == 1 { "it" } else { "them" },
        );
    }
    let mut bytes = Vec::new();
    let name = match (format, written) {
        (_, Some(f)) => {
            // The draft's own title when its front matter gives none, as
            // `docs` shows it.
            let mut meta = doc.meta.clone();
            meta.title = parsed.display_title().map(str::to_string);
            let d = report::review_doc::build(&r, lib, &meta, date);
            bytes = report::review_doc::render(&d, f)?;
            f.name()
        }
        (ReviewFormat::Json, None) => {
            report::json::write(&mut bytes, &report::review::json(&r))?;
            "JSON"
        }
        _ => {
            // A file gets no colour codes, whatever the terminal.
            let config = Config {
                color: config.color && target.is_none(),
                ..*config
            };
            report::review::text(&r, &config.render(), &mut bytes)?;
            "text"
        }
    };
    let (Some(path), Some(checked)) = (target, checked) else {
        out.write_all(&bytes)?;
        return Ok(());
    };
    report::output::write(&checked, &bytes)?;
    let t = &r.totals;
    let plural = report::written::plural;
    eprintln!(
        "wrote {} ({name}, {} bytes): {}, {} ({} verbatim, {} adapted, {} new), {} of {} reflected",
        report::escape::terminal(&path.display().to_string()),
        bytes.len(),
        r.draft,
        plural(t.paragraphs, "paragraph", "paragraphs"),
        t.verbatim,
        t.adapted,
        t.new,
        t.reflected,
        plural(t.recommendations, "recommendation", "recommendations"),
    );
    Ok(())
}

/// A progress bar on stderr, drawn only when stderr is a terminal and the
/// corpus is large enough for a wait to be noticeable.
struct ProgressBar(Option<indicatif::ProgressBar>, &'static str);

impl ProgressBar {
    fn new(config: &Config, lib: &Library) -> ProgressBar {
        let units: usize = lib.docs().iter().map(|d| d.units.len()).sum();
        ProgressBar(
            (config.progress && units > 20_000).then(indicatif::ProgressBar::hidden),
            "aligning {bar:40} {pos}/{len} units ({eta})",
        )
    }

    /// The bar for embedding texts: slow enough on a first run to be worth
    /// a bar whatever the corpus size.
    fn embedding(config: &Config) -> ProgressBar {
        ProgressBar(
            config.progress.then(indicatif::ProgressBar::hidden),
            "embedding {bar:30} {pos}/{len} texts (first run; cached after) {eta}",
        )
    }
}

impl crate::progress::Progress for ProgressBar {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.reset();
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_style(
                indicatif::ProgressStyle::with_template(self.1)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
        }
    }
    /// Says, before a wait of more than half a minute, how long it will
    /// be and how to avoid it: one line on stderr, bar or no bar (none is
    /// drawn before `start`).
    fn estimate(&self, items: u64, time: std::time::Duration) {
        if let Some(line) = estimate_line(items, time) {
            eprintln!("accord: note: {line}");
        }
    }
    fn advance(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// The note said before embedding `items` texts that will take about
/// `time`; `None` under half a minute.
fn estimate_line(items: u64, time: std::time::Duration) -> Option<String> {
    let secs = time.as_secs();
    if secs < 30 {
        return None;
    }
    let about = if secs < 90 {
        format!("{secs} seconds")
    } else if secs < 90 * 60 {
        format!("{} minutes", (secs + 30) / 60)
    } else {
        format!("{:.1} hours", secs as f64 / 3600.0)
    };
    Some(format!(
        "embedding {items} texts for paraphrase matching will take about {about} on this machine (once: the vectors are cached); --lexical-only matches on wording alone"
    ))
}

/// Alignment options from `--min-score` and `--include-procedural`.
/// `--min-score` raises both floors (related and reworded) to S, from the
/// related threshold up to 1. Lower, a link would be called `related` on
/// the strength of generic vocabulary alone (the thresholds are measured:
/// see `src/align/mod.rs`), so it is refused.
fn align_options(
    min_score: Option<f64>,
    include_procedural: bool,
) -> Result<crate::align::AlignOptions> {
    let mut opts = crate::align::AlignOptions {
        include_procedural,
        ..Default::default()
    };
    if let Some(s) = min_score {
        anyhow::ensure!(
            (opts.related..=1.0).contains(&s),
            crate::Error::Usage(format!(
                "--min-score {s} is out of range: it raises the floor of the links made, so give a score from {} (the related threshold) to 1",
                opts.related
            ))
        );
        opts.related = s;
        opts.reworded = opts.reworded.max(s);
    }
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_embedding_is_announced_in_words_a_reader_can_act_on() {
        let at = |secs: u64| estimate_line(211_000, std::time::Duration::from_secs(secs));
        assert_eq!(at(29), None);
        assert!(at(45).unwrap().contains("about 45 seconds"));
        assert!(at(8 * 60 + 10).unwrap().contains("about 8 minutes"));
        assert!(at(4_560).unwrap().contains("about 76 minutes"));
        let long = at(6_000).unwrap();
        assert!(long.starts_with("embedding 211000 texts") && long.contains("about 1.7 hours"));
        assert!(long.ends_with("--lexical-only matches on wording alone"));
    }

    fn global(model: Option<&std::path::Path>, lexical_only: bool) -> GlobalArgs {
        GlobalArgs {
            docs: Vec::new(),
            corpus: Vec::new(),
            no_seeds: false,
            model: model.map(std::path::Path::to_path_buf),
            lexical_only,
            color: ColorChoice::Never,
            changes: super::args::ChangesChoice::Accepted,
        }
    }

    #[test]
    fn an_empty_default_model_folder_means_shipped_vectors_and_wording() {
        let empty = tempfile::tempdir().unwrap();
        let (m, s) = semantic_in(&global(None, false), empty.path().to_path_buf()).unwrap();
        assert_eq!(m, Matching::ShippedOnly(empty.path().to_path_buf()));
        let s = s.expect("the shipped vectors are used without a model");
        assert!(s.model_dir().is_none() && s.shipped().is_some());
        assert!(m.describe().contains("scripts/fetch-model.sh"));
    }

    #[test]
    fn a_named_model_folder_without_the_model_is_an_error() {
        let empty = tempfile::tempdir().unwrap();
        let err = semantic_in(&global(Some(empty.path()), false), "/unused".into()).unwrap_err();
        assert!(err.to_string().contains("model.safetensors"), "{err}");
    }

    #[test]
    fn lexical_only_wins_and_loads_nothing() {
        let empty = tempfile::tempdir().unwrap();
        let (m, s) = semantic_in(&global(Some(empty.path()), true), "/unused".into()).unwrap();
        assert_eq!(m, Matching::LexicalByChoice);
        assert!(s.is_none());
    }

    #[test]
    fn only_matching_commands_look_for_the_model() {
        let align = Command::Align {
            old: "2019".into(),
            new: "2025".into(),
            format: OutputFormat::Text,
            min_score: None,
            explain: false,
            include_procedural: false,
        };
        assert!(matches_units(&align));
        assert!(!matches_units(&Command::Docs {
            format: OutputFormat::Text
        }));
    }
}
