//! The validator against small bad fixtures: each must fail with a message that names the
//! file, the line and the question id. Every fixture's first question is valid and the bad one
//! starts on line 13 (or 25 for the third question).

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn compile(name: &str) -> Result<bankc::Bank, bankc::BankErrors> {
    let dir = fixtures();
    let areas = dir.join("areas.toml");
    let areas_text = std::fs::read_to_string(&areas).unwrap();
    let path = dir.join("bad").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    bankc::source::compile(&areas, &areas_text, &[(path, text)])
}

/// Asserts exactly one error, with file, line, id and a phrase in its message.
fn fails(name: &str, line: usize, id: Option<&str>, phrase: &str) {
    let errors = match compile(name) {
        Ok(_) => panic!("{name}: expected a validation error, the bank compiled"),
        Err(e) => e.0,
    };
    assert_eq!(errors.len(), 1, "{name}: expected one error, got {errors:?}");
    let e = &errors[0];
    let shown = e.to_string();
    assert!(shown.contains(&format!("{name}:{line}: ")), "{name}: wrong place in `{shown}`");
    assert_eq!(e.line, line, "{shown}");
    assert_eq!(e.id.as_deref(), id, "{shown}");
    if let Some(id) = id {
        assert!(shown.contains(&format!("question `{id}`")), "{shown}");
    }
    assert!(shown.contains(phrase), "{name}: `{shown}` does not say `{phrase}`");
}

#[test]
fn duplicate_id() {
    fails("duplicate_id.toml", 27, Some("dup-id"), "duplicate id: already used at");
}

#[test]
fn unknown_area() {
    fails("unknown_area.toml", 16, Some("bad-area"), "unknown area `orms`");
}

#[test]
fn unknown_level() {
    fails("unknown_level.toml", 17, Some("bad-level"), "unknown level `expert`");
}

#[test]
fn unknown_kind() {
    fails("unknown_kind.toml", 18, Some("bad-kind"), "unknown kind `essay`");
}

#[test]
fn missing_field() {
    fails("missing_field.toml", 14, Some("no-prompt"), "missing field `prompt`");
}

#[test]
fn no_correct_answer() {
    fails("no_correct_answer.toml", 22, Some("no-correct"), "no correct answer");
}

#[test]
fn single_choice_with_two_correct() {
    fails("single_two_correct.toml", 22, Some("two-correct"), "exactly one correct answer, found 2");
}

#[test]
fn duplicate_choices() {
    fails("duplicate_choices.toml", 21, Some("dup-choice"), "duplicate choice `get()`");
}

#[test]
fn fewer_than_two_choices() {
    fails("one_choice.toml", 21, Some("one-choice"), "at least 2 choices, found 1");
}

#[test]
fn answer_index_out_of_range() {
    fails("answer_out_of_range.toml", 22, Some("out-of-range"), "answer index 3 is out of range");
}

#[test]
fn empty_explanation() {
    fails("empty_explanation.toml", 23, Some("empty-expl"), "field `explanation` is empty");
}

#[test]
fn control_character_is_refused() {
    fails("control_character.toml", 14, Some("control-char"), "field `explanation` holds the control character U+0000");
}

#[test]
fn prompt_repeating_the_apps_instruction_is_refused() {
    fails("repeated_instruction.toml", 20, Some("said-twice"), "prompt repeats \"Select all that apply.\", which the app already shows under it");
    fails("repeated_true_or_false.toml", 20, Some("said-twice"), "prompt repeats \"True or false?\"");
}

#[test]
fn docs_link_outside_django_52() {
    fails("docs_not_52.toml", 24, Some("old-docs"), "must start with https://docs.djangoproject.com/en/5.2/");
}

#[test]
fn unknown_field_names_the_question() {
    fails("unknown_field.toml", 20, Some("typo-field"), "unknown field `promt`");
}

#[test]
fn all_of_the_above_is_refused() {
    fails("all_of_the_above.toml", 21, Some("above"), "all/none of the above");
}

#[test]
fn code_needs_a_language() {
    fails("code_without_lang.toml", 21, Some("code-no-lang"), "`code` needs a `lang`");
}

#[test]
fn flashcard_needs_three_to_six_points() {
    fails("flashcard_points.toml", 21, Some("few-points"), "3 to 6 key points, found 2");
}

#[test]
fn true_false_answer_is_a_bool() {
    fails("true_false_not_bool.toml", 21, Some("tf-int"), "`true` or `false`");
}

#[test]
fn invalid_toml_names_the_file_and_line() {
    let errors = compile("invalid_toml.toml").unwrap_err().0;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("invalid_toml.toml:3: "), "{}", errors[0]);
}

#[test]
fn every_error_of_a_bank_is_reported_at_once() {
    let dir = fixtures();
    let areas = dir.join("areas.toml");
    let areas_text = std::fs::read_to_string(&areas).unwrap();
    let files: Vec<(PathBuf, String)> = ["unknown_area.toml", "empty_explanation.toml"]
        .iter()
        .map(|n| {
            let p = dir.join("bad").join(n);
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    let errors = bankc::source::compile(&areas, &areas_text, &files).unwrap_err();
    // ok-one appears in both files, so it is also reported as a duplicate.
    let text = errors.to_string();
    assert!(text.contains("unknown area"), "{text}");
    assert!(text.contains("field `explanation` is empty"), "{text}");
    assert!(text.contains("question `ok-one`: duplicate id"), "{text}");
}

#[test]
fn a_good_bank_compiles_with_every_kind() {
    let bank = bankc::load_dir(&fixtures().join("good")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bank.questions.len(), 4);
    let tf = &bank.questions[2];
    assert_eq!(tf.choices, ["True", "False"]);
    assert_eq!(tf.answer, [0]);
    let multi = &bank.questions[1];
    assert_eq!(multi.answer, [0, 1]);
    let code = multi.code.as_ref().unwrap();
    assert_eq!(code.text, "from django.views.generic import ListView");
    assert_eq!(bank.questions[3].points.len(), 3);
    let rust = bankc::codegen::to_rust(&bank);
    // The index: per question area, level with the versions' bits above it, kind, choices,
    // points, answers, the answers; the second question is area 1, intermediate and "5.2+"
    // (1 | 0b111 << 2), multiple, 3 choices, no points, 2 answers: 0, 1.
    assert!(rust.contains("static META: &[u8] = &[0,28,0,3,0,1,0,1,29,1,3,0,2,0,1,"), "{rust}");
    assert!(rust.contains(r#"static IDS: &str = "good-single\0good-multiple\0good-tf\0good-card\0";"#), "{rust}");
    // The text is in the data files, one per shard, with the hash the index names.
    let files = bankc::codegen::data_files(&bank);
    assert_eq!(files.len(), bankc::codegen::shards(bank.questions.len()));
    let multi_file = &files[bankc::codegen::shard_of("good-multiple", files.len())];
    assert!(multi_file.text.contains("Which are class-based generic views?\0ListView and DetailView are generic views; render is a shortcut function.\0https://docs.djangoproject.com/en/5.2/ref/class-based-views/\0python\0\u{1}kfrom\u{2} django.views.generic"), "{}", multi_file.text);
    assert!(multi_file.text.ends_with("ListView\0DetailView\0render\0"), "{}", multi_file.text);
    for f in &files {
        assert_eq!(f.hash, bankc::codegen::fnv64(f.text.as_bytes()));
        assert_eq!(f.name, bankc::codegen::file_name(files.iter().position(|g| g == f).unwrap(), f.hash));
        assert!(rust.contains(&format!("{:#x}", bankc::codegen::check(f.hash))), "the index names every file's hash");
    }
    let all: usize = files.iter().map(|f| f.text.matches('\0').count()).sum();
    // 5 strings a question, plus its choices and points.
    assert_eq!(all, 4 * 5 + 3 + 3 + 2 + 3);
    // The text is compiled in only for native builds (tests), never into the wasm.
    let (wasm_part, native_part) = rust.split_once("#[cfg(not(target_arch = \"wasm32\"))]").unwrap();
    assert!(!wasm_part.contains("class-based generic views") && native_part.contains("class-based generic views"), "{rust}");
}

#[test]
fn the_real_bank_is_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../questions");
    let bank = bankc::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(bank.questions.len() >= 20, "the starter bank needs at least 20 questions");
}

#[test]
fn source_names_docs_or_seed_questions() {
    fails("bad_source.toml", 19, Some("bad-source"), "source `the internet` must be `docs` or seed references");
}

/// About three questions a data file, a power of two from 16 to 128: a file stays small as the
/// bank grows to 384 questions, and a link of ten questions needs about ten of them.
#[test]
fn the_text_is_split_into_more_files_as_the_bank_grows() {
    use bankc::codegen::shards;
    assert_eq!(shards(4), 16);
    assert_eq!(shards(356), 128);
    assert_eq!(shards(712), 128, "capped: each file costs the home screen bytes");
    assert_eq!(shards(100_000), 128);
}

#[test]
fn versions_are_required_and_read() {
    fails("missing_versions.toml", 15, Some("no-versions"), "missing field `versions`");
    fails("bad_versions.toml", 26, Some("bad-versions"), "must read like \"5.2+\"");
    fails("unknown_version.toml", 26, Some("old-version"), "unknown Django version `4.2`");
    fails("docs_other_version.toml", 25, Some("docs-six"), "docs link is to Django 6.1's docs, but the question is for 5.2 only");
}

#[test]
fn a_code_question_is_checked_or_says_why_not() {
    fails("code_without_check.toml", 15, Some("code-unproven"), "needs a `check`");
    fails("check_and_unchecked.toml", 31, Some("both-ways"), "not both");
    fails("short_reason.toml", 31, Some("short-reason"), "must give the reason");
    fails("unchecked_without_code.toml", 27, Some("no-code-reason"), "`unchecked` is for questions with `code`");
}

#[test]
fn versions_round_trip_through_their_label() {
    use bankc::Versions;
    for (text, bits, label) in [
        ("5.2+", 0b111, "5.2+"),
        ("6.0+", 0b110, "6.0+"),
        ("6.1+", 0b100, "6.1+"),
        ("5.2 only", 0b001, "5.2 only"),
        ("6.1 only", 0b100, "6.1+"),
        ("5.2 to 6.0", 0b011, "5.2 to 6.0"),
    ] {
        let v = Versions::parse(text).unwrap();
        assert_eq!(v.0, bits, "{text}");
        assert_eq!(v.label(), label, "{text}");
    }
    for bad in ["6.0 to 5.2", "5.2 to 5.2", "5.2", "latest", "5.2 +"] {
        assert!(Versions::parse(bad).is_err(), "{bad}");
    }
}
