//! Reading stored documents of every version, migrating them to the current one, and keeping
//! whatever can be read from a damaged one.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::schema::{Day, Moment, Progress, VERSION};

/// Why stored data could not be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version (corrupt, truncated, another app's).
    Unreadable(String),
    /// Written by a newer version of the app.
    Newer(u32),
}

/// A decoded document, and whether parts of it had to be left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub progress: Progress,
    pub damaged: bool,
}

/// Reads a stored document of any known version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| DecodeError::Unreadable("it is damaged or cut short".into()))?;
    let Value::Object(mut doc) = value else {
        return Err(DecodeError::Unreadable("it does not look like this app's data".into()));
    };
    let version = doc
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| DecodeError::Unreadable("it does not look like this app's data".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > VERSION {
        return Err(DecodeError::Newer(version));
    }
    if version == 0 {
        return Err(DecodeError::Unreadable("it does not look like this app's data".into()));
    }
    doc.remove("version");
    let mut damaged = false;
    let mut progress = Progress {
        history: list(doc.remove("history"), &mut damaged),
        current: field(doc.remove("current"), &mut damaged).flatten(),
        bookmarks: list(doc.remove("bookmarks"), &mut damaged),
        memory: entries(doc.remove("memory"), &mut damaged).into_iter().collect(),
        days: entries::<Day>(doc.remove("days"), &mut damaged).into_iter().filter_map(|(k, v)| Some((k.parse().ok()?, v))).collect(),
    };
    // Version 1 kept only the history (up to 100 quizzes): replay it to build what version 2
    // keeps per question and per day.
    if version == 1 {
        let history = std::mem::take(&mut progress.history);
        for r in &history {
            let at = Moment { ms: r.at, day: (r.at / 86_400_000.0).floor() as i32 };
            for a in &r.answers {
                progress.learn(&a.id, crate::srs::grade(a.correct, a.rating), a.correct, at);
            }
        }
        progress.history = history;
        progress.cap_history();
    }
    Ok(Decoded { progress, damaged })
}

/// One field; a value that does not fit is dropped and marks the document damaged.
fn field<T: DeserializeOwned>(value: Option<Value>, damaged: &mut bool) -> Option<T> {
    let value = value?;
    match serde_json::from_value(value) {
        Ok(v) => Some(v),
        Err(_) => {
            *damaged = true;
            None
        }
    }
}

/// A list, keeping every element that can be read.
fn list<T: DeserializeOwned>(value: Option<Value>, damaged: &mut bool) -> Vec<T> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.into_iter().filter_map(|v| field(Some(v), damaged)).collect(),
        Some(_) => {
            *damaged = true;
            Vec::new()
        }
    }
}

/// A map keyed by strings, keeping every entry that can be read.
fn entries<T: DeserializeOwned>(value: Option<Value>, damaged: &mut bool) -> Vec<(String, T)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(map)) => {
            let map: Map<String, Value> = map;
            map.into_iter().filter_map(|(k, v)| Some((k, field(Some(v), damaged)?))).collect()
        }
        Some(_) => {
            *damaged = true;
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents as each version wrote them. Kept verbatim: if one stops decoding, a migration
    /// is missing.
    const V1: &str = r#"{"version":1,"history":[{"at":1700000000000.0,"quiz":"areas=orm&n=5&seed=9","seconds":61,"answers":[{"id":"orm-gone-from-the-bank","picked":[0,2],"correct":false},{"id":"views-kept","picked":[1],"correct":true}]},{"at":1700086400000.0,"quiz":"kinds=flashcard&n=5&seed=2","seconds":30,"answers":[{"id":"views-kept","picked":[0],"correct":true,"rating":3}]}],"current":{"quiz":"n=10&seed=3","started_at":5.0,"answers":[[1],null]}}"#;
    const V2: &str = r#"{"version":2,"history":[{"at":1767225600000.0,"quiz":"mode=exam&t=5&n=2&seed=3","seconds":300,"answers":[{"id":"orm-a","picked":[],"correct":false}],"timed_out":true}],"current":null,"bookmarks":["orm-a"],"memory":{"orm-a":[1767312000000,1767225600000,0.4072,7.2102,1,1,0,2,1,0,false]},"days":{"20454":[1,0]}}"#;

    #[test]
    fn version_1_is_migrated() {
        let Decoded { progress: p, damaged } = decode(V1).unwrap();
        assert!(!damaged);
        assert_eq!(p.history.len(), 2);
        assert_eq!(p.current.as_ref().unwrap().answers, vec![Some(vec![1]), None]);
        // The history was replayed into per-question memory and per-day counts.
        assert_eq!(p.memory["views-kept"].seen, 2);
        assert_eq!(p.memory["views-kept"].right, 2);
        assert!(!p.memory["orm-gone-from-the-bank"].ok);
        assert_eq!(p.days.values().map(|d| d.n).sum::<u32>(), 3);
        assert_eq!(p.mistakes(), vec!["orm-gone-from-the-bank"]);
    }

    #[test]
    fn version_2_decodes_as_written() {
        let Decoded { progress: p, damaged } = decode(V2).unwrap();
        assert!(!damaged);
        assert!(p.history[0].timed_out);
        assert_eq!(p.memory["orm-a"].st, 2);
        assert_eq!(p.memory["orm-a"].due, 1_767_312_000_000.0);
        assert_eq!(p.days[&20454].n, 1);
        assert_eq!(decode(&p.to_json()).unwrap().progress, p);
    }

    #[test]
    fn unreadable_and_newer_data_are_told_apart() {
        assert!(matches!(decode("{\"version\":2,\"hist"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("{\"theme\":\"dark\"}"), Err(DecodeError::Unreadable(_))));
        assert!(matches!(decode("{\"version\":0}"), Err(DecodeError::Unreadable(_))));
        assert_eq!(decode("{\"version\":3}"), Err(DecodeError::Newer(3)));
    }

    #[test]
    fn damaged_parts_are_dropped_and_the_rest_kept() {
        let raw = V2
            .replace(r#""history":["#, r#""history":[{"at":"yesterday"},"#)
            .replace(r#""bookmarks":["orm-a"]"#, r#""bookmarks":["orm-a",7]"#)
            .replace(r#""days":{"#, r#""days":{"not-a-day":[1,0],"20455":["x",0],"#);
        let Decoded { progress: p, damaged } = decode(&raw).unwrap();
        assert!(damaged);
        assert_eq!(p, decode(V2).unwrap().progress);
        let Decoded { progress: q, damaged } = decode(r#"{"version":2,"history":7,"memory":{"x":[1,2]}}"#).unwrap();
        assert!(damaged);
        assert_eq!(q, Progress::default());
    }
}
