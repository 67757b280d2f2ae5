"""Runs the bank's checks against the Django installed in this interpreter's environment.

    python checks/run.py [--questions DIR] [--only ID[,ID...]]

For every question whose `versions` include this Django's version and which has a `check`, the
check runs in a forked process of its own (a clean app registry and database each time) and its
`observed` result is compared with the marked answer. Prints how many questions ran per area,
and for each failure the file and line, the question id, what was expected and what happened.
Exits 1 on any failure, 2 when the bank cannot be read.
"""

import argparse
import json
import os
import re
import signal
import sys
import tempfile
import time
import tomllib
import traceback
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KNOWN = ["5.2", "6.0", "6.1"]
TIMEOUT = 60  # seconds one check may take: a hang is a failure, not a stuck build


def versions_of(text):
    """The known versions a `versions` field names (bankc refuses any other form)."""
    text = text.strip()
    if m := re.fullmatch(r"(\d+\.\d+)\+", text):
        return [v for v in KNOWN if KNOWN.index(v) >= KNOWN.index(m[1])]
    if m := re.fullmatch(r"(\d+\.\d+) only", text):
        return [m[1]]
    if m := re.fullmatch(r"(\d+\.\d+) to (\d+\.\d+)", text):
        return KNOWN[KNOWN.index(m[1]) : KNOWN.index(m[2]) + 1]
    raise ValueError(f"versions {text!r}")


def check_lines(path, text):
    """The line of each question's `check` key, by question id."""
    lines = {}
    current = None
    for n, line in enumerate(text.splitlines(), 1):
        if m := re.match(r'\s*id\s*=\s*"([^"]+)"', line):
            current = m[1]
        elif re.match(r"\s*check\s*=", line) and current:
            lines[current] = n
    return lines


def load(folder):
    """Every question of the bank, with the file and line of its check."""
    out = []
    for path in sorted(Path(folder).glob("*.toml")):
        if path.name == "areas.toml":
            continue
        text = path.read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            sys.exit(print(f"{path}: {e}") or 2)
        lines = check_lines(path, text)
        for q in data.get("question", []):
            q["_file"] = str(path)
            q["_line"] = lines.get(q.get("id"), 1)
            out.append(q)
    return out


def expected(q):
    if q["kind"] == "true-false":
        return bool(q["answer"])
    if q["kind"] == "multiple":
        return sorted(q["answer"])
    return q["answer"]


def normalise(kind, observed):
    """The observed value in the answer's form, or a message saying why it is not one."""
    if kind == "true-false":
        return (observed, None) if isinstance(observed, bool) else (None, f"`observed` must be True or False, got {observed!r}")
    if kind == "multiple":
        try:
            return sorted({int(i) for i in observed}), None
        except (TypeError, ValueError):
            return None, f"`observed` must be the indices of the true choices, got {observed!r}"
    if isinstance(observed, int) and not isinstance(observed, bool):
        return observed, None
    return None, f"`observed` must be the index of the true choice, got {observed!r}"


def describe(q, value):
    if q["kind"] == "true-false":
        return str(value)
    choices = q.get("choices", [])
    indices = value if isinstance(value, list) else [value]
    return ", ".join(f'{i} "{choices[i]}"' if 0 <= i < len(choices) else f"{i} (no such choice)" for i in indices) or "none"


def run_one(q):
    """Runs one check in a child process; returns (observed, error text)."""
    import harness  # after django.setup()

    read, write = os.pipe()
    # What the check (or Django's logging) prints is shown only when it fails.
    log = tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        result = {}
        try:
            signal.alarm(TIMEOUT)
            ns = harness.names(q)
            # Blank lines before the code put its line numbers on the file's own lines.
            code = compile("\n" * q["_line"] + q["check"], q["_file"], "exec")
            exec(code, ns)
            if "observed" not in ns:
                result["error"] = "the check never set `observed`"
            else:
                result["observed"] = ns["observed"]
        except BaseException:  # noqa: BLE001 - everything a check raises is reported
            result["error"] = traceback.format_exc(limit=-4)
        try:
            payload = json.dumps(result, default=lambda o: sorted(o) if isinstance(o, (set, frozenset)) else repr(o))
        except (TypeError, ValueError) as e:
            payload = json.dumps({"error": f"`observed` cannot be compared: {e}"})
        with os.fdopen(write, "w") as f:
            f.write(payload)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        payload = f.read()
    _, status = os.waitpid(pid, 0)
    log.seek(0)
    printed = log.read().decode("utf-8", "replace").strip()
    log.close()
    if not payload:
        return None, f"the check's process ended without a result (status {status}; a timeout after {TIMEOUT} s is signal 14)" + said(printed)
    result = json.loads(payload)
    error = result.get("error")
    return result.get("observed"), error and error + said(printed)


def said(printed):
    """The end of what a failed check printed, to help read the failure."""
    if not printed:
        return ""
    lines = printed.splitlines()[-15:]
    return "\n  it printed:\n" + "\n".join("    " + line for line in lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", default=str(HERE.parent / "questions"))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = {i for i in args.only.split(",") if i}

    sys.path.insert(0, str(HERE))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    version = ".".join(map(str, django.VERSION[:2]))
    if version not in KNOWN:
        sys.exit(print(f"Django {django.get_version()} is not one of the versions the bank knows ({', '.join(KNOWN)})") or 2)

    bank = load(args.questions)
    started = time.monotonic()
    ran, skipped, unchecked, failures = Counter(), Counter(), Counter(), []
    for q in bank:
        if only and q.get("id") not in only:
            continue
        area = q.get("area", "?")
        try:
            covered = versions_of(q.get("versions", ""))
        except (ValueError, KeyError) as e:
            failures.append(f"{q['_file']}: {q.get('id')}: cannot read {e}")
            continue
        if "check" not in q:
            unchecked[area] += 1
            continue
        if version not in covered:
            skipped[area] += 1
            continue
        ran[area] += 1
        observed, error = run_one(q)
        where = f"{q['_file']}:{q['_line']}: {q['id']} (Django {django.get_version()})"
        if error:
            failures.append(f"{where}: the check failed:\n{error.rstrip()}")
            continue
        got, problem = normalise(q["kind"], observed)
        if problem:
            failures.append(f"{where}: {problem}")
        elif got != expected(q):
            failures.append(f"{where}: expected {describe(q, expected(q))}; Django gave {describe(q, got)}")

    took = time.monotonic() - started
    print(f"Django {django.get_version()}: {sum(ran.values())} questions executed in {took:.1f} s", end="")
    print(f" ({sum(skipped.values())} are for other versions, {sum(unchecked.values())} have no check)")
    for area in sorted(set(ran) | set(unchecked) | set(skipped)):
        print(f"  {area:<14} {ran[area]:>3} executed")
    for f in failures:
        print(f"FAIL {f}")
    if failures:
        print(f"{len(failures)} problems on Django {django.get_version()} ({sum(ran.values())} checks ran)")
        sys.exit(1)


if __name__ == "__main__":
    main()
