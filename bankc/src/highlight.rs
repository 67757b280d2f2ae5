//! Build-time syntax highlighting: a snippet becomes a list of (class, text) tokens that the app
//! renders as `<span>`s. Small hand-written lexers, because the snippets are short and a
//! highlighter crate would add build time for no benefit to the user.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Class {
    Plain,
    Keyword,
    String,
    Comment,
    Number,
    /// True, False, None, self and similar names.
    Constant,
    Decorator,
    /// Django template syntax: `{% %}`, `{{ }}`, and HTML tag names.
    Tag,
}

impl Class {
    /// The CSS class the app gives the token's `<span>` (and the letter that marks it in the
    /// generated bank); plain text has none.
    pub fn css(self) -> Option<char> {
        match self {
            Class::Plain => None,
            Class::Keyword => Some('k'),
            Class::String => Some('s'),
            Class::Comment => Some('c'),
            Class::Number => Some('n'),
            Class::Constant => Some('b'),
            Class::Decorator => Some('d'),
            Class::Tag => Some('t'),
        }
    }
}

const PY_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "match", "case", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
const PY_CONSTANTS: &[&str] = &["True", "False", "None", "self", "cls", "super"];
const SQL_KEYWORDS: &[&str] = &[
    "select", "from", "where", "join", "inner", "left", "outer", "on", "and", "or", "not", "in", "group", "by", "order", "having", "limit", "offset", "insert",
    "into", "values", "update", "set", "delete", "create", "table", "index", "as", "distinct", "count", "like", "null", "is", "begin", "commit", "rollback",
    "exists", "union",
];

/// Splits `text` into highlighted tokens for `lang`; adjacent tokens of one class are merged.
pub fn highlight(lang: &str, text: &str) -> Vec<(Class, String)> {
    let raw = match lang {
        "python" => lex_code(text, Syntax::Python),
        "shell" => lex_code(text, Syntax::Shell),
        "sql" => lex_code(text, Syntax::Sql),
        "django" => lex_template(text),
        _ => vec![(Class::Plain, text.to_owned())],
    };
    let mut out: Vec<(Class, String)> = Vec::new();
    for (class, s) in raw {
        if s.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((c, prev)) if *c == class => prev.push_str(&s),
            _ => out.push((class, s)),
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Python,
    Shell,
    Sql,
}

fn lex_code(text: &str, syntax: Syntax) -> Vec<(Class, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let take = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let comment_start = match syntax {
            Syntax::Sql => c == '-' && chars.get(i + 1) == Some(&'-'),
            _ => c == '#',
        };
        if comment_start {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            out.push((Class::Comment, take(start, i)));
        } else if c == '"' || c == '\'' {
            i = end_of_string(&chars, i);
            out.push((Class::String, take(start, i)));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.') {
                i += 1;
            }
            out.push((Class::Number, take(start, i)));
        } else if syntax == Syntax::Python && c == '@' && at_line_start(&chars, i) {
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.') {
                i += 1;
            }
            out.push((Class::Decorator, take(start, i)));
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word = take(start, i);
            // A Python string prefix such as f"…" or rb'…' belongs to the string.
            if syntax == Syntax::Python && word.len() <= 2 && word.chars().all(|ch| "rbfuRBFU".contains(ch)) && matches!(chars.get(i), Some('"') | Some('\'')) {
                i = end_of_string(&chars, i);
                out.push((Class::String, take(start, i)));
                continue;
            }
            let class = match syntax {
                Syntax::Python if PY_KEYWORDS.contains(&word.as_str()) => Class::Keyword,
                Syntax::Python if PY_CONSTANTS.contains(&word.as_str()) => Class::Constant,
                Syntax::Sql if SQL_KEYWORDS.contains(&word.to_lowercase().as_str()) => Class::Keyword,
                Syntax::Shell if start == 0 || at_line_start(&chars, start) => Class::Keyword,
                _ => Class::Plain,
            };
            out.push((class, word));
        } else {
            i += 1;
            out.push((Class::Plain, take(start, i)));
        }
    }
    out
}

fn at_line_start(chars: &[char], i: usize) -> bool {
    chars[..i].iter().rev().take_while(|&&c| c != '\n').all(|c| c.is_whitespace())
}

/// Index just past the string literal that starts at `i` (single, double or triple quoted).
fn end_of_string(chars: &[char], i: usize) -> usize {
    let q = chars[i];
    let triple = chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q);
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < chars.len() {
        if chars[j] == '\\' {
            j += 2;
            continue;
        }
        if triple {
            if chars[j] == q && chars.get(j + 1) == Some(&q) && chars.get(j + 2) == Some(&q) {
                return j + 3;
            }
        } else if chars[j] == q {
            return j + 1;
        } else if chars[j] == '\n' {
            return j;
        }
        j += 1;
    }
    chars.len()
}

/// Django templates: `{% %}` and `{{ }}` as tags, `{# #}` as comments, HTML tag names as
/// keywords and quoted attribute values as strings.
fn lex_template(text: &str) -> Vec<(Class, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next = ["{%", "{{", "{#", "<"].iter().filter_map(|m| rest.find(m)).min();
        let Some(pos) = next else {
            out.push((Class::Plain, rest.to_owned()));
            break;
        };
        out.push((Class::Plain, rest[..pos].to_owned()));
        rest = &rest[pos..];
        let (close, class) = if rest.starts_with("{%") {
            ("%}", Class::Tag)
        } else if rest.starts_with("{{") {
            ("}}", Class::Tag)
        } else if rest.starts_with("{#") {
            ("#}", Class::Comment)
        } else {
            // An HTML tag: name as keyword, the rest plain with strings marked.
            let name_end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!' || c == '-')).map_or(rest.len(), |n| n + 1);
            if name_end == 1 {
                out.push((Class::Plain, "<".to_owned()));
                rest = &rest[1..];
                continue;
            }
            out.push((Class::Keyword, rest[..name_end].to_owned()));
            rest = &rest[name_end..];
            let end = rest.find('>').map_or(rest.len(), |n| n + 1);
            let inside = &rest[..end];
            let mut parts = inside.split('"');
            let mut in_string = false;
            if let Some(first) = parts.next() {
                out.push((Class::Plain, first.to_owned()));
            }
            for part in parts {
                in_string = !in_string;
                if in_string {
                    out.push((Class::String, format!("\"{part}\"")));
                } else {
                    out.push((Class::Plain, part.to_owned()));
                }
            }
            rest = &rest[end..];
            continue;
        };
        let end = rest.find(close).map_or(rest.len(), |n| n + close.len());
        out.push((class, rest[..end].to_owned()));
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(tokens: &[(Class, String)]) -> String {
        tokens.iter().map(|(_, s)| s.as_str()).collect()
    }

    #[test]
    fn python_round_trips_and_classifies() {
        let src = "@login_required\ndef view(request):\n    # note\n    return f\"x{1}\" if True else 'y'\n";
        let t = highlight("python", src);
        assert_eq!(joined(&t), src);
        assert!(t.contains(&(Class::Decorator, "@login_required".into())));
        assert!(t.contains(&(Class::Keyword, "def".into())));
        assert!(t.contains(&(Class::Comment, "# note".into())));
        assert!(t.contains(&(Class::String, "f\"x{1}\"".into())));
        assert!(t.contains(&(Class::Constant, "True".into())));
    }

    #[test]
    fn triple_quoted_and_unterminated_strings_do_not_run_away() {
        let src = "x = \"\"\"a\n\"b\"\n\"\"\"\ny = 'open\nz = 1";
        let t = highlight("python", src);
        assert_eq!(joined(&t), src);
        assert!(t.contains(&(Class::Number, "1".into())));
    }

    #[test]
    fn template_tags_and_html() {
        let src = "{% for p in posts %}<li class=\"x\">{{ p.title|upper }}</li>{# c #}{% endfor %}";
        let t = highlight("django", src);
        assert_eq!(joined(&t), src);
        assert!(t.contains(&(Class::Tag, "{% for p in posts %}".into())));
        assert!(t.contains(&(Class::Tag, "{{ p.title|upper }}".into())));
        assert!(t.contains(&(Class::Comment, "{# c #}".into())));
        assert!(t.contains(&(Class::Keyword, "<li".into())));
        assert!(t.contains(&(Class::String, "\"x\"".into())));
    }

    #[test]
    fn sql_and_shell() {
        let t = highlight("sql", "SELECT * FROM t -- c");
        assert_eq!(t[0], (Class::Keyword, "SELECT".into()));
        assert!(t.contains(&(Class::Comment, "-- c".into())));
        let t = highlight("shell", "python manage.py migrate # go");
        assert_eq!(t[0], (Class::Keyword, "python".into()));
    }
}
