//! Finding questions for the browse screen: every word typed must appear (case ignored) in the
//! prompt, choices, key points or explanation of a question.
//!
//! Case is folded for ASCII letters only: the bank is English with no other cased letters, and
//! Unicode case tables would add kilobytes to the download for nothing.

use std::sync::OnceLock;

use crate::bank::QUESTIONS;
use crate::route::Search;

/// Lower-cased searchable text of every question, built on the first search once the whole
/// bank's text is in place (Browse loads it before it shows).
fn haystacks() -> &'static [String] {
    static TEXT: OnceLock<Vec<String>> = OnceLock::new();
    if let Some(t) = TEXT.get() {
        return t;
    }
    if !crate::bank::missing(0..QUESTIONS.len()).is_empty() {
        return &[];
    }
    TEXT.get_or_init(|| {
        QUESTIONS
            .iter()
            .map(|q| {
                let q = q.text();
                let mut t = String::from(q.prompt);
                for part in q.choices.iter().chain(&q.points).chain([&q.explanation]) {
                    t.push('\n');
                    t.push_str(part);
                }
                let mut t = t.replace('`', "");
                t.make_ascii_lowercase();
                t
            })
            .collect()
    })
}

/// Indices into `QUESTIONS` of the questions a search finds, in bank order.
pub fn find(search: &Search, bookmarks: &[String]) -> Vec<usize> {
    let words: Vec<String> = search.text.to_ascii_lowercase().split_whitespace().map(|w| w.replace('`', "")).collect();
    let text = if words.is_empty() { &[][..] } else { haystacks() };
    QUESTIONS
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            search.area.is_none_or(|a| q.area == a)
                && search.level.is_none_or(|l| q.level == l)
                && (!search.bookmarked || bookmarks.iter().any(|b| b == q.id))
                && words.iter().all(|w| text.get(*i).is_some_and(|t| t.contains(w.as_str())))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn every_word_must_match_in_any_case() {
        let all = find(&Search::default(), &[]);
        assert_eq!(all.len(), QUESTIONS.len());
        let hits = find(&Search { text: "SELECT_related".into(), ..Search::default() }, &[]);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|&i| haystacks()[i].contains("select_related")));
        let both = find(&Search { text: "select_related prefetch_related".into(), ..Search::default() }, &[]);
        assert!(!both.is_empty() && both.len() <= hits.len());
        assert!(find(&Search { text: "zebra-unicorn-xyzzy".into(), ..Search::default() }, &[]).is_empty());
    }

    #[test]
    fn filters_and_bookmarks_narrow_the_list() {
        let orm = crate::bank::area_index("orm").unwrap();
        let s = Search { area: Some(orm), level: Some(Level::Advanced), ..Search::default() };
        let hits = find(&s, &[]);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|&i| QUESTIONS[i].area == orm && QUESTIONS[i].level == Level::Advanced));
        let marks = vec![QUESTIONS[4].id.to_owned(), "gone-from-the-bank".to_owned()];
        assert_eq!(find(&Search { bookmarked: true, ..Search::default() }, &marks), vec![4]);
    }
}
