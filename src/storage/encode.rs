//! Writing the stored document as compact JSON.
//!
//! By hand rather than derived, for the reason `decode` reads by hand: serde's serialiser,
//! instantiated for each stored type, shipped more bytes than this writer. The output is the
//! one serde wrote, byte for byte (a test compares them), so documents written before and
//! after read the same: fields in declaration order, the same fields left out when empty,
//! floats in the shortest form that reads back exactly (`zmij`, serde_json's own), `null` for
//! a float that is not finite, day keys as strings.

use std::collections::BTreeMap;

use super::schema::{AnswerRecord, Day, Progress, QuizRecord, SavedQuiz};
use crate::srs::Memory;

/// A JSON text being written.
#[derive(Default)]
struct Json(String);

impl Json {
    fn finish(self) -> String {
        self.0
    }

    /// Raw JSON text, such as punctuation or an already-encoded part.
    fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// A string, escaped as serde_json escapes it.
    fn str(&mut self, s: &str) -> &mut Self {
        self.0.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.0.push_str(&s[start..i]);
            start = i + 1;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.0.push_str("\\u00");
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.0.push_str(escape);
            }
        }
        self.0.push_str(&s[start..]);
        self.0.push('"');
        self
    }

    /// An object's key and its colon, preceded by a comma unless it is the first.
    fn key(&mut self, key: &str) -> &mut Self {
        if !self.0.ends_with('{') {
            self.0.push(',');
        }
        self.str(key).raw(":")
    }

    fn int<N: itoa::Integer>(&mut self, n: N) -> &mut Self {
        self.raw(itoa::Buffer::new().format(n))
    }

    /// An f32 or f64 (both widen to f64 exactly, so that tells whether it is finite).
    fn float<F: zmij::Float + Into<f64> + Copy>(&mut self, x: F) -> &mut Self {
        if x.into().is_finite() {
            self.raw(zmij::Buffer::new().format_finite(x))
        } else {
            self.raw("null")
        }
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        self.raw(if b { "true" } else { "false" })
    }

    /// An array, each element written by `item`.
    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Self, &T)) -> &mut Self {
        self.raw("[");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            item(self, x);
        }
        self.raw("]")
    }

    fn ints(&mut self, items: &[u8]) -> &mut Self {
        self.list(items, |j, &n| {
            j.int(n);
        })
    }

    fn maybe<T>(&mut self, x: &Option<T>, some: impl Fn(&mut Self, &T)) -> &mut Self {
        match x {
            Some(x) => {
                some(self, x);
                self
            }
            None => self.raw("null"),
        }
    }

    /// An object, each key written by `key` (as a JSON string) and each value by `value`.
    fn map<K, V>(&mut self, map: &BTreeMap<K, V>, key: impl Fn(&mut Self, &K), value: impl Fn(&mut Self, &V)) -> &mut Self {
        self.raw("{");
        for (i, (k, v)) in map.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            key(self, k);
            self.raw(":");
            value(self, v);
        }
        self.raw("}")
    }
}

fn answer(j: &mut Json, a: &AnswerRecord) {
    j.raw("{").key("id").str(&a.id).key("picked").ints(&a.picked).key("correct").bool(a.correct);
    if let Some(r) = a.rating {
        j.key("rating").int(r);
    }
    j.raw("}");
}

fn record(j: &mut Json, r: &QuizRecord) {
    j.raw("{").key("at").float(r.at).key("quiz").str(&r.quiz).key("seconds").int(r.seconds);
    j.key("answers").list(&r.answers, answer);
    if r.timed_out {
        j.key("timed_out").bool(true);
    }
    j.raw("}");
}

fn saved(j: &mut Json, s: &SavedQuiz) {
    j.raw("{").key("quiz").str(&s.quiz).key("started_at").float(s.started_at);
    j.key("answers").list(&s.answers, |j, a| {
        j.maybe(a, |j, a| {
            j.ints(a);
        });
    });
    j.key("ratings").list(&s.ratings, |j, r| {
        j.maybe(r, |j, &r| {
            j.int(r);
        });
    });
    if !s.marked.is_empty() {
        j.key("marked").list(&s.marked, |j, &m| {
            j.bool(m);
        });
    }
    j.key("pos").int(s.pos).raw("}");
}

fn memory(j: &mut Json, m: &Memory) {
    // Whole milliseconds (see `srs::Memory`).
    j.raw("[").int(m.due as i64).raw(",").int(m.last as i64).raw(",").float(m.s).raw(",").float(m.d);
    j.raw(",").int(m.days).raw(",").int(m.reps).raw(",").int(m.lapses).raw(",").int(m.st);
    j.raw(",").int(m.seen).raw(",").int(m.right).raw(",").bool(m.ok).raw("]");
}

fn day(j: &mut Json, d: &Day) {
    j.raw("[").int(d.n).raw(",").int(d.right).raw("]");
}

/// The history alone: a JSON array.
pub fn history(p: &Progress) -> String {
    let mut j = Json::default();
    j.list(&p.history, record);
    j.finish()
}

/// The whole document, `version` first, with the history already encoded by `history`.
pub fn document(version: u32, p: &Progress, history: &str) -> String {
    let mut j = Json::default();
    j.raw("{").key("version").int(version).key("history").raw(history);
    j.key("current").maybe(&p.current, saved);
    if !p.bookmarks.is_empty() {
        j.key("bookmarks").list(&p.bookmarks, |j, b| {
            j.str(b);
        });
    }
    j.key("memory").map(
        &p.memory,
        |j, id| {
            j.str(id);
        },
        memory,
    );
    j.key("days").map(
        &p.days,
        |j, &day| {
            j.raw("\"").int(day).raw("\"");
        },
        day,
    );
    j.raw("}");
    j.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in ["", "plain", "quote \" and \\ back", "\n\r\t\u{8}\u{c}", "\u{0}\u{1f}\u{7f}", "é ✓ 𝄞", "<script>"] {
            let mut j = Json::default();
            j.str(s);
            assert_eq!(j.finish(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    // proptest needs an OS random source: native test runs only.
    #[cfg(not(target_arch = "wasm32"))]
    mod same_as_serde {
        use super::*;
        use crate::storage::schema::VERSION;
        use proptest::collection::{btree_map, vec};
        use proptest::option::of;
        use proptest::prelude::*;
        use serde::Serialize;

        /// The document as serde's derive writes it: what this writer must match.
        #[derive(Serialize)]
        struct Envelope<'a> {
            version: u32,
            #[serde(flatten)]
            progress: &'a Progress,
        }

        fn text() -> impl Strategy<Value = String> {
            prop_oneof!["[a-z0-9=&.-]{0,12}", any::<String>(), "[\"\\\\\u{0}-\u{1f}\u{7f}é✓]{0,6}",]
        }

        fn float() -> impl Strategy<Value = f64> {
            prop_oneof![(0u64..4_000_000_000_000).prop_map(|ms| ms as f64), any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-0.0),]
        }

        fn answer() -> impl Strategy<Value = AnswerRecord> {
            (text(), vec(any::<u8>(), 0..4), any::<bool>(), of(any::<u8>())).prop_map(|(id, picked, correct, rating)| AnswerRecord {
                id,
                picked,
                correct,
                rating,
            })
        }

        fn record() -> impl Strategy<Value = QuizRecord> {
            (float(), text(), any::<u32>(), vec(answer(), 0..3), any::<bool>()).prop_map(|(at, quiz, seconds, answers, timed_out)| QuizRecord {
                at,
                quiz,
                seconds,
                answers,
                timed_out,
            })
        }

        fn saved() -> impl Strategy<Value = SavedQuiz> {
            (text(), float(), vec(of(vec(any::<u8>(), 0..3)), 0..4), vec(of(any::<u8>()), 0..3), vec(any::<bool>(), 0..3), any::<usize>())
                .prop_map(|(quiz, started_at, answers, ratings, marked, pos)| SavedQuiz { quiz, started_at, answers, ratings, marked, pos })
        }

        fn memory() -> impl Strategy<Value = Memory> {
            let f32s = prop_oneof![any::<f32>(), (0u32..100_000).prop_map(|n| n as f32 / 1000.0), Just(f32::NAN)];
            (
                (-1_000_000_000_000i64..4_000_000_000_000, 0i64..4_000_000_000_000, f32s.clone(), f32s),
                (any::<i64>(), any::<u32>(), any::<u32>(), any::<u8>(), any::<u32>(), any::<u32>(), any::<bool>()),
            )
                .prop_map(|((due, last, s, d), (days, reps, lapses, st, seen, right, ok))| Memory {
                    due: due as f64,
                    last: last as f64,
                    s,
                    d,
                    days,
                    reps,
                    lapses,
                    st,
                    seen,
                    right,
                    ok,
                })
        }

        fn progress() -> impl Strategy<Value = Progress> {
            (
                vec(record(), 0..3),
                of(saved()),
                vec(text(), 0..3),
                btree_map(text(), memory(), 0..3),
                btree_map(any::<i32>(), (any::<u32>(), any::<u32>()).prop_map(|(n, right)| Day { n, right }), 0..3),
            )
                .prop_map(|(history, current, bookmarks, memory, days)| Progress { history, current, bookmarks, memory, days })
        }

        proptest! {
            #[test]
            fn the_document_is_the_one_serde_wrote(p in progress()) {
                let ours = document(VERSION, &p, &history(&p));
                let serde = serde_json::to_string(&Envelope { version: VERSION, progress: &p }).unwrap();
                prop_assert_eq!(ours, serde);
            }
        }
    }
}
