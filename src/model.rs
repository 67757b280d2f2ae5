//! The question bank's types. The bank is generated at build time by `bankc` (see `bank.rs`):
//! an index compiled into the app, and the text in data files loaded when needed.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    /// The name used in files and links.
    pub fn slug(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }

    pub fn from_slug(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.slug() == s)
    }

    pub fn title(self) -> &'static str {
        match self {
            Level::Beginner => "Beginner",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
        }
    }
}

/// The Django versions the bank knows, oldest first (bankc's `VERSIONS`; a test keeps them equal).
pub const VERSIONS: [&str; 3] = ["5.2", "6.0", "6.1"];

/// The versions a question is true for, as its file says them: "5.2+", "5.2 only", "5.2 to 6.0".
pub fn versions_label(bits: u8) -> String {
    let set: Vec<usize> = (0..VERSIONS.len()).filter(|i| bits & 1 << i != 0).collect();
    match (set.first(), set.last()) {
        (Some(&from), Some(&to)) if to == VERSIONS.len() - 1 => format!("{}+", VERSIONS[from]),
        (Some(&from), Some(&to)) if from == to => format!("{} only", VERSIONS[from]),
        (Some(&from), Some(&to)) => format!("{} to {}", VERSIONS[from], VERSIONS[to]),
        _ => String::new(),
    }
}

/// The Django a quiz is for: the LTS (the default) or the latest release. A quiz holds only
/// questions true for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Django {
    #[default]
    Lts,
    Latest,
}

impl Django {
    pub const ALL: [Django; 2] = [Django::Lts, Django::Latest];

    /// Its bit in `Question::versions`.
    pub fn bit(self) -> u8 {
        match self {
            Django::Lts => 1,
            Django::Latest => 1 << (VERSIONS.len() - 1),
        }
    }

    /// The version number, as links and the question page write it.
    pub fn slug(self) -> &'static str {
        match self {
            Django::Lts => VERSIONS[0],
            Django::Latest => VERSIONS[VERSIONS.len() - 1],
        }
    }

    pub fn from_slug(s: &str) -> Option<Django> {
        Django::ALL.into_iter().find(|d| d.slug() == s)
    }

    pub fn title(self) -> &'static str {
        match self {
            Django::Lts => "5.2 LTS",
            Django::Latest => "6.1 (latest)",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Single,
    Multiple,
    TrueFalse,
    Flashcard,
}

impl Kind {
    /// Every kind, in the order the home screen offers them.
    pub const ALL: [Kind; 4] = [Kind::Single, Kind::Multiple, Kind::TrueFalse, Kind::Flashcard];

    pub fn slug(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::TrueFalse => "true-false",
            Kind::Flashcard => "flashcard",
        }
    }

    pub fn from_slug(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == s)
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::Single => "Single choice",
            Kind::Multiple => "Select all",
            Kind::TrueFalse => "True or false",
            Kind::Flashcard => "Open question",
        }
    }

    /// What the app shows under a question's prompt. The bank compiler refuses a prompt that
    /// says it again (`bankc::source::INSTRUCTIONS`, kept equal to this by a test).
    pub fn instruction(self) -> &'static str {
        match self {
            Kind::Multiple => "Select all that apply.",
            Kind::TrueFalse => "True or false?",
            Kind::Single | Kind::Flashcard => "Choose one.",
        }
    }

    /// Whether the app can mark an answer right or wrong by itself.
    pub fn auto_graded(self) -> bool {
        !matches!(self, Kind::Flashcard)
    }
}

/// A snippet highlighted at build time: `text` is the code with each highlighted token written
/// as `\u{1}`, a class letter (k s c n b d t, the CSS class of its span), the token, `\u{2}`.
#[derive(Debug)]
pub struct Code {
    pub lang: &'static str,
    pub text: &'static str,
}

impl Code {
    /// The snippet as (class, text) runs; plain text has no class.
    pub fn runs(&self) -> impl Iterator<Item = (Option<&'static str>, &'static str)> {
        let mut rest = self.text;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            if let Some(marked) = rest.strip_prefix('\u{1}') {
                let class = marked.get(..1).unwrap_or("");
                let body = marked.get(1..).unwrap_or("");
                let end = body.find('\u{2}').unwrap_or(body.len());
                rest = body.get(end + 1..).unwrap_or("");
                return Some((Some(class), &body[..end]));
            }
            let end = rest.find('\u{1}').unwrap_or(rest.len());
            let (plain, tail) = rest.split_at(end);
            rest = tail;
            Some((None, plain))
        })
    }

    /// The code as plain text.
    pub fn plain(&self) -> String {
        self.runs().map(|(_, t)| t).collect()
    }
}

#[derive(Debug)]
pub struct Area {
    pub id: &'static str,
    pub title: &'static str,
}

/// Where a question's docs link points, for its label.
pub fn docs_site(url: &str) -> &'static str {
    if url.starts_with("https://www.django-rest-framework.org/") {
        "Django REST framework docs"
    } else {
        "Django docs"
    }
}

/// A question as the index has it: everything selection, scoring, links and progress need,
/// compiled into the app. Its text is in a data file fetched when a screen shows it
/// (`bank::load`); `text()` is empty until then.
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// The data file holding the text: the short code modulo `bank::SHARDS`.
    pub(crate) shard: u8,
    /// Index into `AREAS`.
    pub area: u8,
    pub level: Level,
    pub kind: Kind,
    /// The Django versions the question is true for: bit `i` is `VERSIONS[i]` (bankc's `Versions`).
    pub versions: u8,
    /// How many choices (2 for true/false, none for flashcards).
    pub choice_count: u8,
    /// How many key points (flashcards).
    pub point_count: u8,
    /// Indices of the correct choices, ascending.
    pub answer: &'static [u8],
    pub(crate) text: std::sync::OnceLock<Text>,
}

impl Question {
    /// The question's text, once its data file is loaded; empty before (screens that show text
    /// are built only after `bank::load` of their questions, see `app::page`).
    pub fn text(&self) -> &Text {
        static EMPTY: Text = Text::EMPTY;
        self.text.get().unwrap_or(&EMPTY)
    }

    /// The data file holding the question's text.
    pub fn shard(&self) -> usize {
        usize::from(self.shard)
    }
}

/// What a question says, from its data file.
#[derive(Debug)]
pub struct Text {
    pub prompt: &'static str,
    pub code: Option<Code>,
    pub choices: Vec<&'static str>,
    /// Key points of a model answer (flashcards).
    pub points: Vec<&'static str>,
    pub explanation: &'static str,
    pub docs: &'static str,
}

impl Text {
    /// What a question shows before its text has arrived (never, as screens wait for it).
    pub(crate) const EMPTY: Text = Text { prompt: "", code: None, choices: Vec::new(), points: Vec::new(), explanation: "", docs: "" };

    /// Choice `c` (a bank index); empty if there is none.
    pub fn choice(&self, c: u8) -> &'static str {
        self.choices.get(usize::from(c)).copied().unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_read_as_the_bank_writes_them() {
        assert_eq!(super::VERSIONS, bankc::VERSIONS);
        for bits in 1..8u8 {
            // Only ranges occur; the label of each is the compiler's.
            let set: Vec<u8> = (0..3).filter(|i| bits & 1 << i != 0).collect();
            if set.windows(2).all(|w| w[1] == w[0] + 1) {
                assert_eq!(super::versions_label(bits), bankc::Versions(bits).label(), "{bits:03b}");
            }
        }
        assert_eq!(super::Django::Lts.bit(), 1);
        assert_eq!(super::Django::Latest.bit(), 4);
        assert_eq!(super::Django::from_slug("6.1"), Some(super::Django::Latest));
    }

    #[test]
    fn code_runs_split_on_markers() {
        let code = super::Code { lang: "python", text: "\u{1}kfrom\u{2} x \u{1}kimport\u{2} y\n\u{1}s\"a\"\u{2}" };
        let runs: Vec<_> = code.runs().collect();
        assert_eq!(runs, vec![(Some("k"), "from"), (None, " x "), (Some("k"), "import"), (None, " y\n"), (Some("s"), "\"a\"")]);
        assert_eq!(code.plain(), "from x import y\n\"a\"");
        let every = crate::bank::QUESTIONS.iter().filter_map(|q| q.text().code.as_ref()).all(|c| c.runs().all(|(_, t)| !t.contains(['\u{1}', '\u{2}'])));
        assert!(every);
    }

    #[test]
    fn the_bank_compiler_checks_prompts_against_the_instructions_the_app_shows() {
        for (kind, text) in bankc::source::INSTRUCTIONS {
            let slug = bankc::model::Kind::ALL.iter().find(|(_, k)| *k == kind).map(|(s, _)| *s).unwrap();
            assert_eq!(super::Kind::from_slug(slug).unwrap().instruction(), text, "{slug}");
        }
    }

    #[test]
    fn docs_links_are_labelled_by_site() {
        assert_eq!(super::docs_site("https://docs.djangoproject.com/en/5.2/topics/db/"), "Django docs");
        assert_eq!(super::docs_site("https://www.django-rest-framework.org/api-guide/views/"), "Django REST framework docs");
    }
}
