"""The harness must catch a wrong answer: on a copy of the bank, mark a wrong choice as the
answer of some checked questions (one of each kind), run checks/run.py on the copy, and expect
it to fail naming each question, its file and line. Also checks that the unchanged copy passes,
so a failure is the mutation's doing.

    python checks/mutation.py
"""

import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BANK = HERE.parent / "questions"


def mutated_answer(q):
    """A wrong answer of the question's kind, as TOML."""
    if q["kind"] == "true-false":
        return "false" if q["answer"] else "true"
    n = len(q["choices"])
    if q["kind"] == "multiple":
        right = set(q["answer"])
        # Drop one right choice, or add a wrong one when only one is right.
        changed = sorted(right - {min(right)}) if len(right) > 1 else sorted(right | {next(i for i in range(n) if i not in right)})
        return "[" + ", ".join(map(str, changed)) + "]"
    return str((q["answer"] + 1) % n)


def run(folder, ids):
    out = subprocess.run([sys.executable, str(HERE / "run.py"), "--questions", str(folder), "--only", ",".join(ids)], capture_output=True, text=True)
    return out.returncode, out.stdout + out.stderr


def main():
    version = subprocess.run([sys.executable, "-c", "import django; print('.'.join(map(str, django.VERSION[:2])))"], capture_output=True, text=True).stdout.strip()
    sys.path.insert(0, str(HERE))
    from run import versions_of  # noqa: E402 - after the path is set

    picked = {}
    for path in sorted(BANK.glob("*.toml")):
        if path.name == "areas.toml":
            continue
        for q in tomllib.loads(path.read_text(encoding="utf-8")).get("question", []):
            if "check" in q and version in versions_of(q["versions"]) and q["kind"] not in picked:
                picked[q["kind"]] = (path.name, q)
    if len(picked) < 3:
        sys.exit(f"mutation: expected a checked question of each kind (single, multiple, true-false), found {sorted(picked)}")
    ids = [q["id"] for _, q in picked.values()]

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "questions"
        shutil.copytree(BANK, copy)
        code, text = run(copy, ids)
        if code != 0:
            sys.exit(f"mutation: the unchanged copy should pass, but:\n{text}")
        for name, q in picked.values():
            path = copy / name
            source = path.read_text(encoding="utf-8")
            # The `answer` line of this question: the first after its id.
            start = source.index(f'id = "{q["id"]}"')
            line = re.compile(r"(?m)^answer = .*$").search(source, start)
            path.write_text(source[: line.start()] + f"answer = {mutated_answer(q)}" + source[line.end() :], encoding="utf-8")
        code, text = run(copy, ids)
        missing = [i for i in ids if not re.search(rf"questions/\S+\.toml:\d+: {re.escape(i)} \(Django", text)]
        if code == 0 or missing:
            sys.exit(f"mutation: changing the marked answers of {', '.join(ids)} should fail the checks naming each; exit {code}, not named: {missing}\n{text}")
    print(f"mutation: a wrong marked answer fails the checks, for each kind ({', '.join(ids)})")


if __name__ == "__main__":
    main()
