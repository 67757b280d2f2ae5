//! The question bank's types. The bank itself is static data generated at build time by
//! `bankc` (see `bank.rs`); these are the shapes it is written in.

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

    /// Whether the app can mark an answer right or wrong by itself.
    pub fn auto_graded(self) -> bool {
        !matches!(self, Kind::Flashcard)
    }
}

/// Token classes of a highlighted snippet; short names keep the generated source small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Plain text.
    P,
    /// Keyword.
    K,
    /// String literal.
    S,
    /// Comment.
    C,
    /// Number.
    N,
    /// Built-in constant (True, None, self).
    B,
    /// Decorator.
    D,
    /// Template tag or variable.
    T,
}

impl Tok {
    /// CSS class of the token's `<span>`; plain text gets no span.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Tok::P => None,
            Tok::K => Some("k"),
            Tok::S => Some("s"),
            Tok::C => Some("c"),
            Tok::N => Some("n"),
            Tok::B => Some("b"),
            Tok::D => Some("d"),
            Tok::T => Some("t"),
        }
    }
}

#[derive(Debug)]
pub struct Code {
    pub lang: &'static str,
    pub tokens: &'static [(Tok, &'static str)],
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

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// Index into `AREAS`.
    pub area: u8,
    pub level: Level,
    pub kind: Kind,
    pub prompt: &'static str,
    pub code: Option<&'static Code>,
    pub choices: &'static [&'static str],
    /// Indices of the correct choices, ascending.
    pub answer: &'static [u8],
    /// Key points of a model answer (flashcards).
    pub points: &'static [&'static str],
    pub explanation: &'static str,
    pub docs: &'static str,
}

#[cfg(test)]
mod tests {
    #[test]
    fn docs_links_are_labelled_by_site() {
        assert_eq!(super::docs_site("https://docs.djangoproject.com/en/5.2/topics/db/"), "Django docs");
        assert_eq!(super::docs_site("https://www.django-rest-framework.org/api-guide/views/"), "Django REST framework docs");
    }
}
