# Django Interview Quiz. A newcomer needs two targets: `make serve` and `make test`.
# Each installs what is missing (and skips what is present), so both work on a fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := serve

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

TRUNK_VERSION := 0.21.14
CARGO_FUZZ_VERSION := 0.13.2
# Splits the release wasm at the split points of src/pages.rs (Trunk cannot): tools/split.mjs.
WASM_SPLIT_VERSION := 0.2.4
# The CLI must match the wasm-bindgen crate version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test lint dist bench bank-json bank-report setup tools browser test-native test-bank test-browser test-e2e test-fuzz clean

## Set-up ---------------------------------------------------------------------------------------

setup: tools node_modules/.installed

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" \
	  || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo install --list | grep -qF "wasm_split_cli_support v$(WASM_SPLIT_VERSION)" \
	  || cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary
	@cargo fuzz --version 2>/dev/null | grep -qF "$(CARGO_FUZZ_VERSION)" \
	  || cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked

# playwright-core (drives Chromium) and binaryen (wasm-opt), from package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and ChromeDriver; no browser is ever downloaded by a test tool.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; }

## The two commands -----------------------------------------------------------------------------

# Development server with live reload at http://127.0.0.1:8080
serve: setup
	trunk serve

# The whole suite: style and lints, native tests, in-browser tests, end-to-end tests of the
# release build, fuzzing.
test: setup browser lint test-native test-bank test-browser test-e2e test-fuzz

# The house rules: rustfmt (rustfmt.toml), clippy with every warning an error on the native
# targets, the app's wasm target and its split variant (--cfg split, what `make dist` builds),
# and Prettier (.prettierrc.json) on the JavaScript.
JS := tools/*.mjs bench/*.mjs pwa/*.js public/sw.js tests/e2e/*.mjs
lint: setup
	cargo fmt --all --check
	cargo fmt --manifest-path fuzz/Cargo.toml --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p django-quiz --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg split" cargo clippy -p django-quiz \
	  --target wasm32-unknown-unknown --lib --bins --target-dir target/lint-split -- -D warnings
	prettier --check $(JS)

test-native:
	@[ -d ../shared/seeds ] || echo "NOTICE: ../shared/seeds not found: the check that no question copies a seed article is skipped"
	cargo test --workspace

# The bank's checks (checks/run.py): every question's `check` against real Django, on each
# version its `versions` name, in a virtual environment per version made from the pinned,
# hashed checks/requirements-<version>.txt (made once, again only when that file changes);
# then the harness's own test, that a wrong marked answer fails it (checks/mutation.py).
DJANGO_VERSIONS := 5.2 6.1
PYTHON ?= $(shell tools/find-python.sh)
.venv/%/.installed: checks/requirements-%.txt
	@[ -n "$(PYTHON)" ] || { echo "The bank's checks need Python 3.12 or newer (Django 6 does): install python3.12 or later."; exit 1; }
	rm -rf .venv/$*
	$(PYTHON) -m venv .venv/$*
	.venv/$*/bin/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r $<
	@touch $@

test-bank: $(DJANGO_VERSIONS:%=.venv/%/.installed)
	@for v in $(DJANGO_VERSIONS); do .venv/$$v/bin/python checks/run.py; done
	.venv/5.2/bin/python checks/mutation.py
	.venv/6.1/bin/python checks/mutation.py

test-browser:
	cargo test -p django-quiz --target wasm32-unknown-unknown --test browser

test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

# A short fuzzing run of the link decoder (any bytes as a link must never panic). Stable Rust:
# no sanitizer, coverage-guided only. The seed corpus is copied so the run leaves the tree clean.
FUZZ_SECONDS ?= 20
test-fuzz:
	rm -rf target/fuzz-corpus && mkdir -p target && cp -r fuzz/corpus/share_link target/fuzz-corpus
	cd fuzz && cargo fuzz run --fuzz-dir . share_link -s none ../target/fuzz-corpus -- -max_total_time=$(FUZZ_SECONDS)

## Other targets --------------------------------------------------------------------------------

# The release build is split into chunks (src/pages.rs, tools/split.mjs): cargo's output must
# carry the split points and its relocations.
SPLIT_FLAGS := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg split -Clink-args=--emit-relocs"

# Release bundle for any static host (opt-level z, LTO, wasm-opt -Oz), made an installable
# offline app by tools/pwa.mjs (service worker, precache list, 404.html, CSP), checked by dist-check.
dist: setup
	$(SPLIT_FLAGS) trunk build --release
	node tools/split.mjs dist
	node tools/pwa.mjs dist
	node tools/dist-check.mjs

# A second release build whose bank has one more question: the "new deployment" of the
# end-to-end update test. It has its own cargo target dir, so neither build undoes the other,
# and is rebuilt only when one of its inputs changed.
UPDATE := target/pwa-update
DOUBLE := target/bench-double
UPDATE_INPUTS := Cargo.toml Cargo.lock Trunk.toml build.rs index.html style.css bankc/Cargo.toml \
  tools/pwa.mjs tools/glue.mjs tools/split.mjs tools/chunks.mjs tools/bank-variant.mjs $(shell find src questions bankc/src public pwa -type f 2>/dev/null)
.PHONY: dist-update
dist-update: $(UPDATE)/built
test-e2e: dist-update
$(UPDATE)/built: $(UPDATE_INPUTS) | setup
	node tools/bank-variant.mjs questions $(UPDATE)/questions
	QUIZ_BANK_DIR=$(CURDIR)/$(UPDATE)/questions CARGO_TARGET_DIR=$(CURDIR)/$(UPDATE)/cargo $(SPLIT_FLAGS) \
	  trunk build --release --dist $(UPDATE)/dist
	CARGO_TARGET_DIR=$(CURDIR)/$(UPDATE)/cargo node tools/split.mjs $(UPDATE)/dist
	node tools/pwa.mjs $(UPDATE)/dist
	@touch $@

# Size and start-up figures against a bare Leptos page built with the same profile.
# Every budgeted figure (bytes, start-up, answer latency, save time, stored size, Lighthouse)
# against a bare Leptos page built with the same profile; then the budgets, which fail loudly.
bench: dist browser bench/node_modules/.installed $(DOUBLE).built
	cd bench/hello && trunk build --release --dist ../../target/bench-hello
	node tools/glue.mjs target/bench-hello
	node bench/bench.mjs
	node tools/budget.mjs

# The app built with a bank twice as large (tools/bank-double.mjs): the home screen's first load
# must not grow with the bank. It shares the update build's cargo target dir (only the bank
# differs), and is rebuilt only when one of its inputs changed.
$(DOUBLE).built: $(UPDATE_INPUTS) tools/bank-double.mjs | setup
	node tools/bank-double.mjs questions $(DOUBLE)-questions
	QUIZ_BANK_DIR=$(CURDIR)/$(DOUBLE)-questions CARGO_TARGET_DIR=$(CURDIR)/$(UPDATE)/cargo $(SPLIT_FLAGS) \
	  trunk build --release --dist $(DOUBLE)
	CARGO_TARGET_DIR=$(CURDIR)/$(UPDATE)/cargo node tools/split.mjs $(DOUBLE)
	node tools/pwa.mjs $(DOUBLE)
	@touch $@

# Lighthouse is benchmark-only: its own package, so `make test` does not install it.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@

# The validated question bank as JSON on stdout.
bank-json:
	@cargo run -q -p bankc --bin bank-json -- questions

# Counts per area, level and kind, and any area with fewer than six questions.
bank-report:
	@cargo run -q -p bankc --bin bank-report -- questions

clean:
	cargo clean
	rm -rf dist node_modules tests/e2e/artifacts .venv
