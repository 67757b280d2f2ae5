//! Reading the TOML source files and validating every question into a [`Bank`].
//!
//! Fields are read as optional and spanned so that every problem becomes a message that names
//! the file, the line and the question id, rather than a bare deserializer error.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::highlight;
use crate::model::{Area, Bank, Kind, Level, Question, Snippet, Versions};
use crate::{BankError, BankErrors};

/// Where a question's docs link may point: Django's docs for a version the bank knows (and
/// the question is true for), DRF's, and the official docs of the third-party projects the bank
/// asks about. Nothing else: a link must be the reference for its fact.
pub const DOCS_PREFIXES: [&str; 8] = [
    "https://docs.djangoproject.com/en/5.2/",
    "https://docs.djangoproject.com/en/6.0/",
    "https://docs.djangoproject.com/en/6.1/",
    "https://www.django-rest-framework.org/",
    "https://docs.celeryq.dev/en/stable/",
    "https://channels.readthedocs.io/en/stable/",
    "https://pytest-django.readthedocs.io/en/latest/",
    "https://drf-spectacular.readthedocs.io/en/latest/",
];

/// A reason for not checking a code question must say something: at least this many characters.
pub const MIN_REASON: usize = 30;

/// What the app shows under the prompt of each kind of question (`Kind::instruction` in the
/// app's `model.rs`; a test there keeps the two equal): a prompt must not say it again.
pub const INSTRUCTIONS: [(Kind, &str); 3] = [(Kind::Single, "Choose one."), (Kind::Multiple, "Select all that apply."), (Kind::TrueFalse, "True or false?")];

/// Languages a snippet may be tagged with (see `highlight`).
pub const LANGS: [&str; 5] = ["python", "django", "shell", "sql", "text"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAreas {
    area: Vec<Spanned<RawArea>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
}

/// Used only to locate the question around a deserializer error (an unknown field, a wrong type).
#[derive(Deserialize)]
struct LooseFile {
    #[serde(default)]
    question: Vec<Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<Spanned<String>>,
    area: Option<Spanned<String>>,
    level: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
    prompt: Option<Spanned<String>>,
    code: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    choices: Option<Spanned<Vec<Spanned<String>>>>,
    answer: Option<Spanned<toml::Value>>,
    points: Option<Spanned<Vec<Spanned<String>>>>,
    explanation: Option<Spanned<String>>,
    docs: Option<Spanned<String>>,
    versions: Option<Spanned<String>>,
    /// Python that `checks/run.py` runs against real Django; the compiler only requires it.
    check: Option<Spanned<String>>,
    unchecked: Option<Spanned<String>>,
}

/// Line (1-based) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Collects errors for one file.
struct Reporter<'a> {
    file: &'a Path,
    text: &'a str,
    errors: Vec<BankError>,
}

impl Reporter<'_> {
    fn at(&mut self, offset: usize, id: Option<&str>, message: impl Into<String>) {
        self.errors.push(BankError { file: self.file.to_path_buf(), line: line_of(self.text, offset), id: id.map(str::to_owned), message: message.into() });
    }

    /// A deserializer error, placed on the question that contains it when there is one.
    fn toml_error(&mut self, err: &toml::de::Error) {
        let offset = err.span().map_or(0, |s| s.start);
        let id = serde_path_free_id(self.text, offset);
        // toml's message repeats the whole snippet; its first line is what matters.
        let msg = err.message().lines().next().unwrap_or("invalid TOML").to_owned();
        self.at(offset, id.as_deref(), msg);
    }
}

/// The id of the question whose table contains `offset`, read leniently.
fn serde_path_free_id(text: &str, offset: usize) -> Option<String> {
    let loose: LooseFile = toml::from_str(text).ok()?;
    loose
        .question
        .iter()
        // Array-of-tables spans may cover only the header, so take the last one starting before.
        .filter(|q| q.span().start <= offset)
        .max_by_key(|q| q.span().start)
        .and_then(|q| q.get_ref().get("id")?.as_str().map(str::to_owned))
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty() && id.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `docs`, or `seed N qM` references (N the seed article, M its question) joined by `; `.
fn valid_source(s: &str) -> bool {
    s.trim() == "docs"
        || s.split(';').all(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            matches!(words.as_slice(), ["seed", n, q]
                if n.parse::<u8>().is_ok()
                    && q.strip_prefix('q').is_some_and(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit())))
        })
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Compiles the areas file and the question files into a validated bank.
pub fn compile(areas_path: &Path, areas_text: &str, files: &[(PathBuf, String)]) -> Result<Bank, BankErrors> {
    let mut errors = Vec::new();
    let areas = read_areas(areas_path, areas_text, &mut errors);
    let area_ids: HashSet<&str> = areas.iter().map(|a| a.id.as_str()).collect();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut questions = Vec::new();
    for (path, text) in files {
        let mut rep = Reporter { file: path, text, errors: Vec::new() };
        match toml::from_str::<RawFile>(text) {
            Ok(raw) => {
                if raw.question.is_empty() {
                    rep.at(0, None, "the file holds no [[question]] tables");
                }
                for q in raw.question {
                    let start = q.span().start;
                    if let Some(q) = check_question(&mut rep, start, q.into_inner(), &area_ids) {
                        if let Some(first) = seen.get(&q.id) {
                            rep.at(start, Some(&q.id), format!("duplicate id: already used at {first}"));
                        } else {
                            seen.insert(q.id.clone(), q.origin.clone());
                            questions.push(q);
                        }
                    }
                }
            }
            Err(e) => rep.toml_error(&e),
        }
        errors.extend(rep.errors);
    }
    if errors.is_empty() {
        Ok(Bank { areas, questions })
    } else {
        Err(BankErrors(errors))
    }
}

fn read_areas(path: &Path, text: &str, errors: &mut Vec<BankError>) -> Vec<Area> {
    let mut rep = Reporter { file: path, text, errors: Vec::new() };
    let mut areas: Vec<Area> = Vec::new();
    match toml::from_str::<RawAreas>(text) {
        Ok(raw) => {
            for a in raw.area {
                let start = a.span().start;
                let a = a.into_inner();
                if !is_kebab(&a.id) {
                    rep.at(start, None, format!("area id `{}` must be kebab-case", a.id));
                } else if areas.iter().any(|x| x.id == a.id) {
                    rep.at(start, None, format!("duplicate area id `{}`", a.id));
                } else if blank(&a.title) {
                    rep.at(start, None, format!("area `{}` has an empty title", a.id));
                } else {
                    areas.push(Area { id: a.id, title: a.title.trim().to_owned() });
                }
            }
            if areas.is_empty() && rep.errors.is_empty() {
                rep.at(0, None, "no [[area]] is defined");
            }
        }
        Err(e) => rep.toml_error(&e),
    }
    errors.extend(rep.errors);
    areas
}

/// Reads a required string field, reporting it when missing or blank.
fn required(rep: &mut Reporter<'_>, start: usize, id: Option<&str>, name: &str, value: Option<Spanned<String>>) -> Option<Spanned<String>> {
    match value {
        None => {
            rep.at(start, id, format!("missing field `{name}`"));
            None
        }
        Some(v) if blank(v.get_ref()) => {
            rep.at(v.span().start, id, format!("field `{name}` is empty"));
            None
        }
        Some(v) => Some(v),
    }
}

fn pick<T>(rep: &mut Reporter<'_>, id: Option<&str>, field: &str, value: &Spanned<String>, table: &[(&'static str, T)]) -> Option<T>
where
    T: Copy,
{
    let v = value.get_ref().as_str();
    if let Some((_, t)) = table.iter().find(|(name, _)| *name == v) {
        return Some(*t);
    }
    let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
    rep.at(value.span().start, id, format!("unknown {field} `{v}` (expected one of: {})", names.join(", ")));
    None
}

fn check_question(rep: &mut Reporter<'_>, start: usize, raw: RawQuestion, areas: &HashSet<&str>) -> Option<Question> {
    let before = rep.errors.len();
    let id = required(rep, start, None, "id", raw.id);
    let id_str = id.as_ref().map(|s| s.get_ref().trim().to_owned());
    let qid = id_str.as_deref();
    if let (Some(id), Some(s)) = (&id, qid) {
        if !is_kebab(s) {
            rep.at(id.span().start, qid, "id must be kebab-case: lowercase letters, digits and single hyphens");
        }
    }
    let area = required(rep, start, qid, "area", raw.area);
    if let Some(a) = &area {
        if !areas.contains(a.get_ref().as_str()) {
            let mut known: Vec<&str> = areas.iter().copied().collect();
            known.sort_unstable();
            rep.at(a.span().start, qid, format!("unknown area `{}` (areas.toml defines: {})", a.get_ref(), known.join(", ")));
        }
    }
    let level = required(rep, start, qid, "level", raw.level).and_then(|l| pick(rep, qid, "level", &l, &Level::ALL));
    let kind = required(rep, start, qid, "kind", raw.kind).and_then(|k| pick(rep, qid, "kind", &k, &Kind::ALL));
    let source = required(rep, start, qid, "source", raw.source);
    if let Some(src) = &source {
        if !valid_source(src.get_ref()) {
            rep.at(src.span().start, qid, format!("source `{}` must be `docs` or seed references such as `seed 0 q12; seed 3 q4`", src.get_ref()));
        }
    }
    let prompt = required(rep, start, qid, "prompt", raw.prompt);
    let explanation = required(rep, start, qid, "explanation", raw.explanation);
    let docs = required(rep, start, qid, "docs", raw.docs);
    if let Some(d) = &docs {
        if !DOCS_PREFIXES.iter().any(|p| d.get_ref().starts_with(p)) {
            rep.at(d.span().start, qid, format!("docs link `{}` must start with {}", d.get_ref(), DOCS_PREFIXES.join(" or ")));
        }
    }
    let versions = required(rep, start, qid, "versions", raw.versions).and_then(|v| match Versions::parse(v.get_ref()) {
        Ok(parsed) => Some(parsed),
        Err(message) => {
            rep.at(v.span().start, qid, message);
            None
        }
    });
    // A link to one version's docs must be to a version the question is true for.
    if let (Some(d), Some(v)) = (&docs, versions) {
        if let Some(rest) = d.get_ref().strip_prefix("https://docs.djangoproject.com/en/").filter(|_| DOCS_PREFIXES.iter().any(|p| d.get_ref().starts_with(p)))
        {
            let linked = rest.split('/').next().unwrap_or("");
            if !v.names().contains(&linked) {
                rep.at(d.span().start, qid, format!("docs link is to Django {linked}'s docs, but the question is for {}", v.label()));
            }
        }
    }
    let checked = raw.check.is_some();
    check_proof(rep, start, qid, kind, raw.code.is_some(), raw.check, raw.unchecked);
    // The app shows each kind's instruction ("Select all that apply.", "True or false?") under
    // the prompt; a prompt that opens or ends with it too shows it twice.
    if let (Some(p), Some(k)) = (&prompt, kind) {
        let text = p.get_ref().trim();
        let said = |i: &str| text.ends_with(i) || text.starts_with(i.trim_end_matches(['.', '?']));
        if let Some(instruction) = INSTRUCTIONS.iter().find(|(kind, i)| *kind == k && said(i)).map(|(_, i)| i) {
            rep.at(p.span().start, qid, format!("prompt repeats \"{instruction}\", which the app already shows under it"));
        }
    }
    let code = check_code(rep, qid, raw.code, raw.lang);
    let (choices, answer, points) = match kind {
        Some(kind) => check_answer(rep, start, qid, kind, raw.choices, raw.answer, raw.points),
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    // Line breaks and tabs only: the generated tables end each string with NUL and mark code
    // highlighting with U+0001 and U+0002, so no other control character may reach them.
    let texts = [("prompt", prompt.as_ref()), ("explanation", explanation.as_ref())]
        .into_iter()
        .filter_map(|(f, t)| Some((f, t?.get_ref().as_str())))
        .chain(choices.iter().map(|t| ("choices", t.as_str())))
        .chain(points.iter().map(|t| ("points", t.as_str())))
        .chain(code.iter().flatten().map(|c| ("code", c.text.as_str())));
    for (field, text) in texts {
        if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
            rep.at(start, qid, format!("field `{field}` holds the control character U+{:04X}; only line breaks and tabs are allowed", u32::from(c)));
        }
    }
    if rep.errors.len() > before {
        return None;
    }
    // Every field below was checked present above; a None here would be a bug in this function.
    Some(Question {
        id: id_str?,
        area: area?.into_inner(),
        level: level?,
        kind: kind?,
        prompt: prompt?.into_inner().trim().to_owned(),
        code: code?,
        choices,
        answer,
        points,
        explanation: explanation?.into_inner().trim().to_owned(),
        docs: docs?.into_inner(),
        versions: versions?,
        checked,
        source: source?.into_inner().trim().to_owned(),
        origin: format!("{}:{}", rep.file.display(), line_of(rep.text, start)),
    })
}

/// A code question is proven by a `check` or says in `unchecked` why nothing can run; never
/// both. `checks/run.py` runs the checks; here only their presence is the rule.
fn check_proof(
    rep: &mut Reporter<'_>,
    start: usize,
    qid: Option<&str>,
    kind: Option<Kind>,
    has_code: bool,
    check: Option<Spanned<String>>,
    unchecked: Option<Spanned<String>>,
) {
    match (&check, &unchecked) {
        (Some(c), Some(_)) => rep.at(c.span().start, qid, "a question has a `check` or an `unchecked` reason, not both"),
        (Some(c), None) if blank(c.get_ref()) => rep.at(c.span().start, qid, "field `check` is empty"),
        (Some(c), None) if kind == Some(Kind::Flashcard) => {
            rep.at(c.span().start, qid, "a flashcard has no marked answer for a `check` to prove; its key points are reviewed by hand")
        }
        (None, Some(u)) if !has_code => rep.at(u.span().start, qid, "`unchecked` is for questions with `code`; a question without code needs neither"),
        (None, Some(u)) if u.get_ref().trim().len() < MIN_REASON => {
            rep.at(u.span().start, qid, format!("`unchecked` must give the reason nothing can be run, in a sentence (at least {MIN_REASON} characters)"))
        }
        (None, None) if has_code => rep.at(
            start,
            qid,
            "a question with `code` needs a `check` (Python that proves the answer against Django, see CONTRIBUTING.md) or an `unchecked` reason",
        ),
        _ => {}
    }
}

/// `Some(None)`: no snippet; `Some(Some(_))`: a valid snippet; `None`: an error was reported.
fn check_code(rep: &mut Reporter<'_>, qid: Option<&str>, code: Option<Spanned<String>>, lang: Option<Spanned<String>>) -> Option<Option<Snippet>> {
    match (code, lang) {
        (None, None) => Some(None),
        (None, Some(l)) => {
            rep.at(l.span().start, qid, "`lang` is set but there is no `code`");
            None
        }
        (Some(c), None) => {
            rep.at(c.span().start, qid, format!("`code` needs a `lang` (one of: {})", LANGS.join(", ")));
            None
        }
        (Some(c), Some(l)) => {
            if !LANGS.contains(&l.get_ref().as_str()) {
                rep.at(l.span().start, qid, format!("unknown lang `{}` (expected one of: {})", l.get_ref(), LANGS.join(", ")));
                return None;
            }
            if blank(c.get_ref()) {
                rep.at(c.span().start, qid, "field `code` is empty");
                return None;
            }
            let text = c.into_inner().trim_matches('\n').to_owned();
            let lang = l.into_inner();
            let tokens = highlight::highlight(&lang, &text);
            Some(Some(Snippet { lang, text, tokens }))
        }
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Choices, the indices of the correct ones, and flashcard points, checked for the kind.
fn check_answer(
    rep: &mut Reporter<'_>,
    start: usize,
    qid: Option<&str>,
    kind: Kind,
    choices: Option<Spanned<Vec<Spanned<String>>>>,
    answer: Option<Spanned<toml::Value>>,
    points: Option<Spanned<Vec<Spanned<String>>>>,
) -> (Vec<String>, Vec<usize>, Vec<String>) {
    let none = (Vec::new(), Vec::new(), Vec::new());
    match kind {
        Kind::Flashcard => {
            if let Some(c) = &choices {
                rep.at(c.span().start, qid, "a flashcard has key `points`, not `choices`");
            }
            if let Some(a) = &answer {
                rep.at(a.span().start, qid, "a flashcard has key `points`, not an `answer`");
            }
            let Some(points) = points else {
                rep.at(start, qid, "missing field `points` (3 to 6 key points of a model answer)");
                return none;
            };
            let span = points.span().start;
            let points: Vec<String> = points.into_inner().into_iter().map(|p| p.into_inner().trim().to_owned()).collect();
            if !(3..=6).contains(&points.len()) {
                rep.at(span, qid, format!("a flashcard needs 3 to 6 key points, found {}", points.len()));
            }
            if points.iter().any(|p| p.is_empty()) {
                rep.at(span, qid, "a key point is empty");
            }
            (Vec::new(), Vec::new(), points)
        }
        Kind::TrueFalse => {
            if let Some(c) = &choices {
                rep.at(c.span().start, qid, "a true-false question has no `choices` (they are True and False)");
            }
            if let Some(p) = &points {
                rep.at(p.span().start, qid, "`points` belong to flashcards only");
            }
            match answer.as_ref().map(|a| a.get_ref()) {
                Some(toml::Value::Boolean(b)) => (vec!["True".to_owned(), "False".to_owned()], vec![if *b { 0 } else { 1 }], Vec::new()),
                Some(_) => {
                    let at = answer.as_ref().map_or(start, |a| a.span().start);
                    rep.at(at, qid, "a true-false answer is `true` or `false`");
                    none
                }
                None => {
                    rep.at(start, qid, "missing field `answer` (true or false)");
                    none
                }
            }
        }
        Kind::Single | Kind::Multiple => {
            if let Some(p) = &points {
                rep.at(p.span().start, qid, "`points` belong to flashcards only");
            }
            let Some(choices) = choices else {
                rep.at(start, qid, "missing field `choices`");
                return none;
            };
            let list_at = choices.span().start;
            let choices = choices.into_inner();
            if choices.len() < 2 {
                rep.at(list_at, qid, format!("needs at least 2 choices, found {}", choices.len()));
            }
            let mut seen = HashSet::new();
            for c in &choices {
                let n = normalise(c.get_ref());
                if n.is_empty() {
                    rep.at(c.span().start, qid, "a choice is empty");
                } else if !seen.insert(n.clone()) {
                    rep.at(c.span().start, qid, format!("duplicate choice `{}`", c.get_ref().trim()));
                }
                if n.contains("all of the above") || n.contains("none of the above") {
                    rep.at(c.span().start, qid, "\"all/none of the above\" cannot be a choice: the app shuffles choices");
                }
            }
            let Some(answer) = answer else {
                rep.at(start, qid, "missing field `answer` (the 0-based index of the correct choice, or a list of them)");
                return none;
            };
            let at = answer.span().start;
            let indices: Vec<i64> = match answer.get_ref() {
                toml::Value::Integer(i) => vec![*i],
                toml::Value::Array(items) => {
                    let ints: Option<Vec<i64>> = items.iter().map(toml::Value::as_integer).collect();
                    match ints {
                        Some(v) => v,
                        None => {
                            rep.at(at, qid, "`answer` must be a list of choice indices");
                            return none;
                        }
                    }
                }
                _ => {
                    rep.at(at, qid, "`answer` must be a choice index or a list of them");
                    return none;
                }
            };
            if indices.is_empty() {
                rep.at(at, qid, "no correct answer: `answer` is empty");
            }
            if kind == Kind::Single && indices.len() > 1 {
                rep.at(at, qid, format!("a single-choice question has exactly one correct answer, found {}", indices.len()));
            }
            let mut out = Vec::new();
            for i in indices {
                match usize::try_from(i).ok().filter(|&i| i < choices.len()) {
                    Some(i) if out.contains(&i) => rep.at(at, qid, format!("answer index {i} is listed twice")),
                    Some(i) => out.push(i),
                    None => rep.at(
                        at,
                        qid,
                        format!("answer index {i} is out of range: there are {} choices (0 to {})", choices.len(), choices.len().saturating_sub(1)),
                    ),
                }
            }
            out.sort_unstable();
            let choices = choices.into_iter().map(|c| c.into_inner().trim().to_owned()).collect();
            (choices, out, Vec::new())
        }
    }
}
