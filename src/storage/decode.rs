//! Reading stored documents of every version, migrating them to the current one, and keeping
//! whatever can be read from a damaged one.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::schema::{AnswerRecord, Day, Moment, Progress, QuizRecord, SavedQuiz, VERSION};
use crate::srs::Memory;

/// Why stored data could not be used as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the shape of any version (corrupt, truncated, another app's).
    Unreadable(String),
    /// Written by a newer version of the app.
    Newer(u32),
}

/// A decoded document, whether parts of it had to be left out, and whether it holds fields
/// this version does not know (which a save would not write back).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub progress: Progress,
    pub damaged: bool,
    pub unknown: bool,
}

/// The fields this version reads and writes, per object of the document.
const TOP_FIELDS: [&str; 6] = ["version", "history", "current", "bookmarks", "memory", "days"];
const RECORD_FIELDS: [&str; 5] = ["at", "quiz", "seconds", "answers", "timed_out"];
const ANSWER_FIELDS: [&str; 4] = ["id", "picked", "correct", "rating"];
const SAVED_FIELDS: [&str; 6] = ["quiz", "started_at", "answers", "ratings", "marked", "pos"];

/// Whether the document holds a field this version does not know: at its top, in a quiz of
/// the history or one of its answers, or in the quiz in progress.
fn unknown_fields(doc: &Map<String, Value>) -> bool {
    let strange = |v: &Value, known: &[&str]| v.as_object().is_some_and(|o| o.keys().any(|k| !known.contains(&k.as_str())));
    let history = doc.get("history").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    doc.keys().any(|k| !TOP_FIELDS.contains(&k.as_str()))
        || doc.get("current").is_some_and(|c| strange(c, &SAVED_FIELDS))
        || history
            .iter()
            .any(|r| strange(r, &RECORD_FIELDS) || r.get("answers").and_then(Value::as_array).is_some_and(|a| a.iter().any(|x| strange(x, &ANSWER_FIELDS))))
}

/// Reads a stored document of any known version, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    let value: Value = serde_json::from_str(raw).map_err(|_| DecodeError::Unreadable("it is damaged or cut short".into()))?;
    let Value::Object(mut doc) = value else {
        return Err(DecodeError::Unreadable("it does not look like this app's data".into()));
    };
    let version = doc.get("version").and_then(Value::as_u64).ok_or_else(|| DecodeError::Unreadable("it does not look like this app's data".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > VERSION {
        return Err(DecodeError::Newer(version));
    }
    if version == 0 {
        return Err(DecodeError::Unreadable("it does not look like this app's data".into()));
    }
    let unknown = unknown_fields(&doc);
    doc.remove("version");
    let mut damaged = false;
    let mut progress = Progress {
        history: list(doc.remove("history"), record, &mut damaged),
        current: field(doc.remove("current"), |v| maybe(v, saved), &mut damaged).flatten(),
        bookmarks: list(doc.remove("bookmarks"), string, &mut damaged),
        memory: BTreeMap::new(),
        days: BTreeMap::new(),
    };
    // Inserted one by one: `collect` into a map sorts first, and that sort ships as code of its
    // own for each map type; `insert` is shipped anyway.
    for (id, m) in entries(doc.remove("memory"), memory, &mut damaged) {
        progress.memory.insert(id, m);
    }
    for (day, d) in entries(doc.remove("days"), day, &mut damaged) {
        if let Ok(day) = day.parse() {
            progress.days.insert(day, d);
        }
    }
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
    Ok(Decoded { progress, damaged, unknown })
}

/// A reader of one stored type from its JSON value: `None` when the value does not fit.
///
/// Written by hand rather than derived: serde's generic deserialisers, instantiated for each
/// stored type over `serde_json::Value`, cost more shipped bytes than these few readers. The
/// rules are serde's, which wrote the data: integers must be whole and in range, a missing
/// optional field is its default, unknown fields are ignored (one exception: serde would also
/// read a struct written as an array, which it never writes). Tests check the two agree.
type Read<T> = fn(&Value) -> Option<T>;

/// One field; a value that does not fit is dropped and marks the document damaged.
fn field<T>(value: Option<Value>, read: Read<T>, damaged: &mut bool) -> Option<T> {
    let value = value?;
    let read = read(&value);
    *damaged |= read.is_none();
    read
}

/// A list, keeping every element that can be read.
fn list<T>(value: Option<Value>, read: Read<T>, damaged: &mut bool) -> Vec<T> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.into_iter().filter_map(|v| field(Some(v), read, damaged)).collect(),
        Some(_) => {
            *damaged = true;
            Vec::new()
        }
    }
}

/// A map keyed by strings, keeping every entry that can be read.
fn entries<T>(value: Option<Value>, read: Read<T>, damaged: &mut bool) -> Vec<(String, T)> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(map)) => map.into_iter().filter_map(|(k, v)| Some((k, field(Some(v), read, damaged)?))).collect(),
        Some(_) => {
            *damaged = true;
            Vec::new()
        }
    }
}

fn uint<T: TryFrom<u64>>(v: &Value) -> Option<T> {
    T::try_from(v.as_u64()?).ok()
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// A list whose every element must fit, as a field of a stored type.
fn all<T>(v: &Value, read: Read<T>) -> Option<Vec<T>> {
    v.as_array()?.iter().map(read).collect()
}

/// `null` or a value.
fn maybe<T>(v: &Value, read: Read<T>) -> Option<Option<T>> {
    if v.is_null() {
        Some(None)
    } else {
        read(v).map(Some)
    }
}

/// A field that may be left out (then its default); present, it must fit.
fn or_default<T: Default>(o: &Map<String, Value>, key: &str, read: Read<T>) -> Option<T> {
    o.get(key).map_or(Some(T::default()), read)
}

fn answer(v: &Value) -> Option<AnswerRecord> {
    let o = v.as_object()?;
    Some(AnswerRecord {
        id: string(o.get("id")?)?,
        picked: all(o.get("picked")?, uint)?,
        correct: o.get("correct")?.as_bool()?,
        rating: or_default(o, "rating", |v| maybe(v, uint))?,
    })
}

/// The largest time a date can show: JavaScript's dates end at ±8.64e15 ms.
const MAX_TIME: f64 = 8.64e15;

/// A time in ms since the epoch that a date can show; a larger one (a hand-edited file) would
/// read "Invalid Date", so it is damaged data.
fn time(v: &Value) -> Option<f64> {
    v.as_f64().filter(|t| t.abs() <= MAX_TIME)
}

/// The same rule for serde's derives, which check these readers in tests.
#[cfg(test)]
pub(crate) fn serde_time<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let t = <f64 as serde::Deserialize>::deserialize(d)?;
    if t.abs() <= MAX_TIME {
        Ok(t)
    } else {
        Err(serde::de::Error::custom("a time no date can show"))
    }
}

fn record(v: &Value) -> Option<QuizRecord> {
    let o = v.as_object()?;
    Some(QuizRecord {
        at: time(o.get("at")?)?,
        quiz: string(o.get("quiz")?)?,
        seconds: uint(o.get("seconds")?)?,
        answers: all(o.get("answers")?, answer)?,
        timed_out: or_default(o, "timed_out", Value::as_bool)?,
    })
}

fn saved(v: &Value) -> Option<SavedQuiz> {
    let o = v.as_object()?;
    Some(SavedQuiz {
        quiz: string(o.get("quiz")?)?,
        started_at: time(o.get("started_at")?)?,
        answers: all(o.get("answers")?, |v| maybe(v, |v| all(v, uint)))?,
        ratings: or_default(o, "ratings", |v| all(v, |v| maybe(v, uint)))?,
        marked: or_default(o, "marked", |v| all(v, Value::as_bool))?,
        pos: or_default(o, "pos", uint)?,
    })
}

/// Exactly `N` elements, as a tuple is stored.
fn tuple<const N: usize>(v: &Value) -> Option<&[Value; N]> {
    v.as_array()?.as_slice().try_into().ok()
}

fn day(v: &Value) -> Option<Day> {
    let [n, right] = tuple(v)?;
    Some(Day { n: uint(n)?, right: uint(right)? })
}

fn memory(v: &Value) -> Option<Memory> {
    let [due, last, s, d, days, reps, lapses, st, seen, right, ok] = tuple(v)?;
    Some(Memory {
        // Whole milliseconds, well within f64's exact integers.
        due: due.as_i64()? as f64,
        last: last.as_i64()? as f64,
        s: s.as_f64()? as f32,
        d: d.as_f64()? as f32,
        days: days.as_i64()?,
        reps: uint(reps)?,
        lapses: uint(lapses)?,
        st: uint(st)?,
        seen: uint(seen)?,
        right: uint(right)?,
        ok: ok.as_bool()?,
    })
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
        let Decoded { progress: p, damaged, .. } = decode(V1).unwrap();
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
        let Decoded { progress: p, damaged, .. } = decode(V2).unwrap();
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
            .replace(r#""history":["#, r#""history":[{"at":"yesterday"},{"at":1e308,"quiz":"n=2&seed=3","seconds":1,"answers":[]},"#)
            .replace(r#""bookmarks":["orm-a"]"#, r#""bookmarks":["orm-a",7]"#)
            .replace(r#""days":{"#, r#""days":{"not-a-day":[1,0],"20455":["x",0],"#);
        let Decoded { progress: p, damaged, .. } = decode(&raw).unwrap();
        assert!(damaged);
        assert_eq!(p, decode(V2).unwrap().progress);
        let Decoded { progress: q, damaged, .. } = decode(r#"{"version":2,"history":7,"memory":{"x":[1,2]}}"#).unwrap();
        assert!(damaged);
        assert_eq!(q, Progress::default());
    }

    // proptest needs an OS random source: native test runs only.
    #[cfg(not(target_arch = "wasm32"))]
    mod same_as_serde {
        use super::*;
        use proptest::prelude::*;
        use serde::de::DeserializeOwned;

        /// Values a damaged document might hold where another was written.
        const ODD: &[&str] = &["null", "true", "0", "-1", "1.5", "255", "256", "4294967296", "1e20", "\"x\"", "[]", "[1]", "{}"];

        /// Every node of a value, depth first: the places a mutation can land.
        fn count(v: &Value) -> usize {
            1 + match v {
                Value::Array(a) => a.iter().map(count).sum(),
                Value::Object(o) => o.values().map(count).sum(),
                _ => 0,
            }
        }

        /// Replaces `v`'s descendant number `at` (depth first) with `odd`, or removes it from its
        /// array or object when `odd` is `None`. `None` once done, else how many nodes remain.
        fn mutate(v: &mut Value, at: usize, odd: &Option<Value>) -> Option<usize> {
            let mut at = at;
            let children: Vec<&mut Value> = match v {
                Value::Array(a) => a.iter_mut().collect(),
                Value::Object(o) => o.values_mut().collect(),
                _ => Vec::new(),
            };
            let mut hit = None;
            for (i, child) in children.into_iter().enumerate() {
                if at == 0 {
                    let Some(odd) = odd else {
                        hit = Some(i);
                        break;
                    };
                    *child = odd.clone();
                    return None;
                }
                at = mutate(child, at - 1, odd)?;
            }
            match (hit, v) {
                (Some(i), Value::Array(a)) => {
                    a.remove(i);
                    None
                }
                (Some(i), Value::Object(o)) => {
                    let key = o.keys().nth(i).cloned().unwrap_or_default();
                    o.remove(&key);
                    None
                }
                _ => Some(at),
            }
        }

        fn agree<T: DeserializeOwned + PartialEq + std::fmt::Debug>(read: Read<T>, v: &Value) {
            assert_eq!(read(v), serde_json::from_value::<T>(v.clone()).ok(), "{v}");
        }

        /// `good` with node `at` (depth first, 0 the whole value) replaced by `odd`, or removed.
        fn mutated(good: &Value, at: usize, odd: &Option<Value>) -> Value {
            let mut v = good.clone();
            match (at, odd) {
                (0, Some(odd)) => v = odd.clone(),
                (0, None) => {}
                _ => {
                    mutate(&mut v, at - 1, odd);
                }
            }
            v
        }

        /// Checks one reader against serde on a value.
        type Check = Box<dyn Fn(&Value)>;

        /// Stored values as the app writes them, each with the reader for its type.
        fn samples() -> Vec<(&'static str, Check)> {
            vec![
                (
                    r#"{"at":1767225600000.0,"quiz":"n=2&seed=3","seconds":300,"answers":[{"id":"a","picked":[1,2],"correct":false,"rating":2},{"id":"b","picked":[],"correct":true}],"timed_out":true}"#,
                    Box::new(|v| agree(record, v)),
                ),
                (r#"{"at":5,"quiz":"","seconds":0,"answers":[]}"#, Box::new(|v| agree(record, v))),
                (r#"{"id":"a","picked":[0,3],"correct":true,"rating":null}"#, Box::new(|v| agree(answer, v))),
                (
                    r#"{"quiz":"n=3","started_at":5.5,"answers":[[1],null,[0,2]],"ratings":[null,3],"marked":[false,true],"pos":2}"#,
                    Box::new(|v| agree(|v| maybe(v, saved), v)),
                ),
                (r#"{"quiz":"n=3","started_at":5,"answers":[]}"#, Box::new(|v| agree(saved, v))),
                ("[3,1]", Box::new(|v| agree(day, v))),
                ("[1767312000000,1767225600000,0.4072,7.2102,1,1,0,2,1,0,false]", Box::new(|v| agree(memory, v))),
                ("[-5,0,1,2.5,-3,4294967295,0,255,7,7,true]", Box::new(|v| agree(memory, v))),
            ]
        }

        fn odd(i: usize) -> Option<Value> {
            ODD.get(i).map(|raw| serde_json::from_str(raw).unwrap())
        }

        /// Every single change of one value: each node replaced by each odd value, or removed.
        #[test]
        fn every_reader_reads_what_serde_would_after_any_one_change() {
            for (good, check) in samples() {
                let good: Value = serde_json::from_str(good).unwrap();
                check(&good);
                for at in 0..count(&good) {
                    for i in 0..=ODD.len() {
                        check(&mutated(&good, at, &odd(i)));
                    }
                }
            }
        }

        proptest! {
            /// Two changes at once, at random.
            #[test]
            fn every_reader_reads_what_serde_would_after_two_changes(a in 0usize..64, i in 0..=ODD.len(), b in 0usize..64, j in 0..=ODD.len()) {
                for (good, check) in samples() {
                    let good: Value = serde_json::from_str(good).unwrap();
                    let once = mutated(&good, a % count(&good), &odd(i));
                    check(&mutated(&once, b % count(&once), &odd(j)));
                }
            }
        }
    }
}
