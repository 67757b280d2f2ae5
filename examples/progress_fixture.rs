//! Prints a stored progress document holding 10,000 answers over 200 quizzes of 50 (one every
//! 12 hours), as a long-time user's browser would hold it. `make bench` loads it to time a save
//! and to report the stored size.

use django_quiz::bank::QUESTIONS;
use django_quiz::quiz::{Filters, QuizSpec};
use django_quiz::session::Session;
use django_quiz::storage::{Moment, Progress};

fn main() {
    let mut p = Progress::default();
    let start = 1_767_225_600_000.0; // 2026-01-01
    for quiz in 0..200u32 {
        let spec = QuizSpec { filters: Filters { count: Some(50), ..Filters::default() }, seed: quiz, ..QuizSpec::default() };
        let mut s = Session::new(spec, start + f64::from(quiz) * 43_200_000.0);
        let at = Moment { ms: s.started_at, day: (s.started_at / 86_400_000.0) as i32 };
        for i in 0..s.items.len() {
            let q = &QUESTIONS[s.items[i].question];
            // Two answers in three right.
            let pick = if i % 3 == 0 { (0..q.choice_count).find(|c| !q.answer.contains(c)).unwrap_or(0) } else { q.answer[0] };
            s.answers[i] = Some(if i % 3 == 0 { vec![pick] } else { q.answer.to_vec() });
            let (id, grade, right) = s.review(i).expect("answered");
            p.learn(id, grade, right, at);
        }
        p.record(&s, at.ms + 600_000.0, false);
    }
    println!("{}", p.to_json());
}
