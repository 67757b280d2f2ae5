//! Screens and their URLs. Routes live in the URL fragment (`#/quiz?...`), so the app works from
//! any static host and sub-path with no rewrite rules, and every screen survives a reload.

use crate::bank;
use crate::model::{Django, Kind, Level};
use crate::quiz::{self, Filters, Mode, QuizSpec};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Quiz(QuizSpec),
    Results,
    /// The searchable list of the whole bank.
    Browse(Search),
    /// One question on its own page (an index into `QUESTIONS`).
    Question(usize),
    Stats,
    Settings,
    /// A quiz shared as a link (see `share`), shown before it starts.
    Shared(crate::share::Shared),
    /// A link the app cannot use, with a message saying why.
    BadLink(String),
}

/// What the browse screen shows: words to find, and optional filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub text: String,
    pub area: Option<u8>,
    pub level: Option<Level>,
    pub bookmarked: bool,
}

/// Links longer than this are refused before any parsing (a quiz of every question, named by
/// 5-character codes, stays well under it).
const MAX_LINK: usize = 4096;

/// Parses a location hash (with or without the leading `#`).
pub fn parse(hash: &str) -> Route {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.len() > MAX_LINK {
        return Route::BadLink("This link is too long to be one of ours.".into());
    }
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    match path {
        "" | "/" => Route::Home,
        "/results" => Route::Results,
        "/stats" => Route::Stats,
        "/settings" => Route::Settings,
        "/quiz" => match parse_spec(query) {
            Ok(spec) => Route::Quiz(spec),
            Err(msg) => Route::BadLink(msg),
        },
        "/browse" => Route::Browse(parse_search(query)),
        _ if path.starts_with("/s/") => match crate::share::decode(&hash[3..]) {
            Ok(shared) => Route::Shared(shared),
            Err(e) => Route::BadLink(e.message().into()),
        },
        _ => match path.strip_prefix("/q/").map(quiz::by_code) {
            Some(Some(i)) => Route::Question(i),
            Some(None) => Route::BadLink("This question is not in this version of the app.".into()),
            None => Route::BadLink("This page does not exist.".into()),
        },
    }
}

/// Browse filters from a query string. Unknown or malformed values are ignored: a search is
/// not worth an error page.
fn parse_search(query: &str) -> Search {
    let mut search = Search::default();
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "s" => search.text = percent_decode(value).chars().take(200).collect(),
            "area" => search.area = bank::area_index(value),
            "level" => search.level = Level::from_slug(value),
            "saved" => search.bookmarked = value == "1",
            _ => {}
        }
    }
    search
}

fn encode_search(s: &Search) -> String {
    let mut parts = Vec::new();
    if !s.text.is_empty() {
        parts.push(format!("s={}", percent_encode(&s.text)));
    }
    if let Some(a) = s.area.and_then(|a| bank::AREAS.get(usize::from(a))) {
        parts.push(format!("area={}", a.id));
    }
    if let Some(l) = s.level {
        parts.push(format!("level={}", l.slug()));
    }
    if s.bookmarked {
        parts.push("saved=1".into());
    }
    parts.join("&")
}

/// Percent-encodes everything but unreserved characters, so any text survives in a fragment.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; malformed escapes are kept as they are, and invalid UTF-8
/// becomes U+FFFD, so any input gives some text.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The hash (with `#`) of a route.
pub fn href(route: &Route) -> String {
    match route {
        Route::Home | Route::BadLink(_) => "#/".into(),
        Route::Results => "#/results".into(),
        Route::Stats => "#/stats".into(),
        Route::Shared(s) => crate::share::encode(s.spec.mode, s.spec.filters.version, s.spec.seed, &s.spec.only, s.spec.challenge),
        Route::Settings => "#/settings".into(),
        Route::Quiz(spec) => format!("#/quiz?{}", encode_spec(spec)),
        Route::Browse(search) => match encode_search(search) {
            q if q.is_empty() => "#/browse".into(),
            q => format!("#/browse?{q}"),
        },
        Route::Question(i) => format!("#/q/{}", bank::QUESTIONS.get(*i).map(|q| quiz::short_code(q.id)).unwrap_or_default()),
    }
}

pub fn encode_spec(spec: &QuizSpec) -> String {
    let mut parts = Vec::new();
    if spec.mode != Mode::Practice {
        parts.push(format!("mode={}", spec.mode.slug()));
        if let Some(t) = spec.mode.timer() {
            parts.push(format!("t={t}"));
        }
    }
    if !spec.filters.areas.is_empty() {
        let ids: Vec<&str> = spec.filters.areas.iter().filter_map(|&a| bank::AREAS.get(usize::from(a)).map(|a| a.id)).collect();
        parts.push(format!("areas={}", ids.join(",")));
    }
    if !spec.filters.levels.is_empty() {
        let l: Vec<&str> = spec.filters.levels.iter().map(|l| l.slug()).collect();
        parts.push(format!("levels={}", l.join(",")));
    }
    if spec.filters.version != Django::Lts {
        parts.push(format!("v={}", spec.filters.version.slug()));
    }
    if !spec.filters.kinds.is_empty() {
        let k: Vec<&str> = spec.filters.kinds.iter().map(|k| k.slug()).collect();
        parts.push(format!("kinds={}", k.join(",")));
    }
    if !spec.only.is_empty() {
        let q: Vec<String> = spec.only.iter().filter_map(|&i| bank::QUESTIONS.get(i)).map(|q| quiz::short_code(q.id)).collect();
        parts.push(format!("q={}", q.join(",")));
    }
    if spec.ordered {
        parts.push("o=1".into());
    }
    if let Some((right, total)) = spec.challenge {
        parts.push(format!("vs={right}-{total}"));
    }
    parts.push(match spec.filters.count {
        Some(n) => format!("n={n}"),
        None => "n=all".into(),
    });
    parts.push(format!("seed={}", spec.seed));
    parts.join("&")
}

/// A comma-separated list where every item must be known; `error` is the message otherwise.
fn list<T>(value: &str, known: impl Fn(&str) -> Option<T>, error: &str) -> Result<Vec<T>, String> {
    value.split(',').filter(|s| !s.is_empty()).map(|item| known(item).ok_or_else(|| error.to_owned())).collect()
}

/// Reads a quiz spec from a query string. Every problem is a sentence for the user; the text of
/// the link is never echoed back, so nothing in it can end up on the page.
pub fn parse_spec(query: &str) -> Result<QuizSpec, String> {
    let mut filters = Filters::default();
    let mut only = Vec::new();
    let mut named_questions = false;
    let mut seed = None;
    let mut count = None;
    let mut mode = "practice";
    let mut timer = None;
    let mut ordered = false;
    let mut challenge = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "areas" => filters.areas = list(value, bank::area_index, "This quiz link names a topic area this version of the app does not have.")?,
            "levels" => filters.levels = list(value, Level::from_slug, "This quiz link names an unknown level.")?,
            "kinds" => filters.kinds = list(value, Kind::from_slug, "This quiz link names an unknown kind of question.")?,
            "v" => filters.version = Django::from_slug(value).ok_or("This quiz link names a Django version the app does not offer (5.2 or 6.1).")?,
            "q" => {
                // Codes of questions no longer in the bank are dropped; the rest still make a quiz.
                only.extend(value.split(',').filter_map(quiz::by_code));
                named_questions = true;
            }
            "n" => {
                count = Some(if value == "all" {
                    None
                } else {
                    match value.parse::<u16>() {
                        Ok(n) if n > 0 => Some(n),
                        _ => return Err("This quiz link has an invalid question count.".into()),
                    }
                })
            }
            "mode" => mode = value,
            "o" => ordered = value == "1",
            "vs" => challenge = Some(parse_score(value).ok_or("This quiz link has an invalid score to beat.")?),
            "t" => match value.parse::<u16>() {
                Ok(t) if t > 0 => timer = Some(t),
                _ => return Err("This quiz link has an invalid timer.".into()),
            },
            "seed" => match value.parse::<u32>() {
                Ok(s) => seed = Some(s),
                Err(_) => return Err("This quiz link has an invalid seed.".into()),
            },
            // Unknown keys are ignored so that newer links still open in older tabs.
            _ => {}
        }
    }
    let mode = match mode {
        "practice" => Mode::Practice,
        "exam" => Mode::Exam { minutes: timer },
        "cards" => Mode::Cards { seconds: timer },
        _ => return Err("This quiz link asks for a way of studying this version of the app does not have.".into()),
    };
    let Some(seed) = seed else {
        return Err("This quiz link is incomplete: it has no seed.".into());
    };
    if named_questions && only.is_empty() {
        return Err("None of the questions this link names are in this version of the app.".into());
    }
    filters.count = count.unwrap_or(Some(10));
    filters.normalise();
    if ordered {
        // Keep the order; a question named twice is asked once.
        let mut seen = Vec::with_capacity(only.len());
        only.retain(|i| {
            !seen.contains(i) && {
                seen.push(*i);
                true
            }
        });
    } else {
        crate::sets::canonical(&mut only, bank::QUESTIONS.len(), |i| i);
    }
    Ok(QuizSpec { mode, filters, only, ordered, seed, challenge })
}

/// "8-10": a score to beat, at most 999 questions.
pub fn parse_score(value: &str) -> Option<(u16, u16)> {
    let (right, total) = value.split_once('-')?;
    let (right, total) = (right.parse::<u16>().ok()?, total.parse::<u16>().ok()?);
    (right <= total && (1..1000).contains(&total)).then_some((right, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_and_results() {
        assert_eq!(parse(""), Route::Home);
        assert_eq!(parse("#"), Route::Home);
        assert_eq!(parse("#/"), Route::Home);
        assert_eq!(parse("#/results"), Route::Results);
        for r in [Route::Stats, Route::Settings, Route::Results, Route::Home] {
            assert_eq!(parse(&href(&r)), r);
        }
    }

    #[test]
    fn quiz_round_trip() {
        let spec = QuizSpec {
            filters: Filters {
                areas: vec![0, 3],
                levels: vec![Level::Beginner, Level::Advanced],
                kinds: vec![Kind::Single, Kind::TrueFalse],
                count: Some(20),
                version: Django::Latest,
            },
            only: vec![1, 5, 9],
            seed: 4_000_000_000,
            mode: Mode::Practice,
            ..QuizSpec::default()
        };
        let href = href(&Route::Quiz(spec.clone()));
        assert!(href.contains("&v=6.1&"), "{href}");
        assert_eq!(parse(&href), Route::Quiz(spec));
        // No version is the LTS; an unknown one is a bad link, in words.
        let lts = parse("#/quiz?n=5&seed=1");
        assert!(matches!(&lts, Route::Quiz(s) if s.filters.version == Django::Lts), "{lts:?}");
        assert!(matches!(parse("#/quiz?v=4.2&seed=1"), Route::BadLink(m) if m.contains("Django version")));
        let all = QuizSpec { filters: Filters { count: None, ..Filters::default() }, ..QuizSpec::default() };
        assert_eq!(parse(&href_of(&all)), Route::Quiz(all));
        for mode in [Mode::Exam { minutes: Some(20) }, Mode::Exam { minutes: None }, Mode::Cards { seconds: Some(60) }, Mode::Cards { seconds: None }] {
            let spec = QuizSpec { mode, seed: 9, filters: Filters { count: Some(5), ..Filters::default() }, ..QuizSpec::default() };
            assert_eq!(parse(&href_of(&spec)), Route::Quiz(spec));
        }
    }

    #[test]
    fn ordered_quizzes_and_scores_to_beat_round_trip() {
        let spec = QuizSpec {
            only: vec![9, 2, 5],
            ordered: true,
            seed: 3,
            challenge: Some((8, 10)),
            filters: Filters { count: None, ..Filters::default() },
            ..QuizSpec::default()
        };
        assert_eq!(parse(&href_of(&spec)), Route::Quiz(spec.clone()));
        let twice = format!("{}&q={}", href_of(&spec), quiz::short_code(bank::QUESTIONS[9].id));
        assert!(matches!(parse(&twice), Route::Quiz(s) if s.only == vec![9, 2, 5]));
        for bad in ["11-10", "1-0", "x-2", "5", "1-1000"] {
            assert!(matches!(parse(&format!("#/quiz?seed=1&vs={bad}")), Route::BadLink(_)), "{bad}");
        }
    }

    #[test]
    fn browse_and_question_pages() {
        let s = Search { text: "select_related & <b>\"N+1\"</b> ü".into(), area: Some(3), level: Some(Level::Advanced), bookmarked: true };
        let h = href(&Route::Browse(s.clone()));
        assert!(h.bytes().all(|b| b.is_ascii_graphic()), "{h}");
        assert_eq!(parse(&h), Route::Browse(s));
        assert_eq!(parse("#/browse"), Route::Browse(Search::default()));
        assert_eq!(parse("#/browse?s=%zz%4&area=nope&level=guru"), Route::Browse(Search { text: "%zz%4".into(), ..Search::default() }));
        assert_eq!(parse("#/browse?s=a+b%2"), Route::Browse(Search { text: "a b%2".into(), ..Search::default() }));
        assert_eq!(parse(&href(&Route::Question(7))), Route::Question(7));
        assert!(matches!(parse("#/q/zzzzz"), Route::BadLink(_)));
        assert!(matches!(parse("#/q/"), Route::BadLink(_)));
    }

    fn href_of(spec: &QuizSpec) -> String {
        href(&Route::Quiz(spec.clone()))
    }

    #[test]
    fn order_and_duplicates_do_not_matter() {
        let a = parse("#/quiz?areas=orm,views,orm&levels=advanced,beginner&n=5&seed=1");
        let b = parse("#/quiz?seed=1&n=5&levels=beginner,advanced&areas=views,orm");
        assert_eq!(a, b);
    }

    #[test]
    fn bad_links_get_messages_not_panics() {
        for bad in [
            "#/quiz",
            "#/quiz?seed=abc",
            "#/quiz?seed=1&n=0",
            "#/quiz?seed=1&n=-3",
            "#/quiz?seed=1&n=99999999",
            "#/quiz?seed=1&areas=<script>alert(1)</script>",
            "#/quiz?seed=1&levels=guru",
            "#/nowhere",
            "#/quiz?seed=99999999999999999999",
            "#/quiz?seed=1&kinds=essay",
            "#/quiz?seed=1&q=zzzzz,yyyyy",
            "#/quiz?seed=1&mode=speedrun",
            "#/quiz?seed=1&mode=exam&t=0",
            "#/quiz?seed=1&mode=exam&t=abc",
        ] {
            match parse(bad) {
                Route::BadLink(msg) => {
                    assert!(!msg.contains('<'), "{bad}: message echoes input: {msg}");
                }
                other => panic!("{bad} parsed as {other:?}"),
            }
        }
        let long = format!("#/quiz?seed=1&x={}", "a".repeat(5000));
        assert!(matches!(parse(&long), Route::BadLink(_)));
    }

    #[test]
    fn unknown_question_codes_are_dropped() {
        let code = quiz::short_code(bank::QUESTIONS[2].id);
        match parse(&format!("#/quiz?seed=3&q=zzzzz,{code}")) {
            Route::Quiz(s) => assert_eq!(s.only, vec![2]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_keys_are_ignored_and_count_defaults() {
        match parse("#/quiz?seed=7&future=1") {
            Route::Quiz(s) => {
                assert_eq!(s.seed, 7);
                assert_eq!(s.filters.count, Some(10));
            }
            other => panic!("{other:?}"),
        }
    }
}
