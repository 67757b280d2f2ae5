"""The names a check can use, besides anything it imports.

A check is Python in a question's `check` field. It runs in a process of its own, after Django
is set up with `checks/settings.py` and migrated, and must set `observed` to what really happens:

- a single-choice question: the index of the choice that is true (use `pick`),
- a multiple-choice question: the indices of every choice that is true (a list or set),
- a true-false question: `True` or `False`.

It never sees the marked answer, so it cannot agree with it by reading it: `run.py` compares.
The question's own snippet is `snippet`; run it rather than a copy, so the code on screen is
the code that is proven.
"""

import contextlib
import io
import re
import types

import django
from django.apps import apps
from django.db import connection, models
from django.template import engines
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

DJANGO = django.VERSION[:2]


def define_models(code, **names):
    """Runs code that defines models (the snippet, or a setup of the check's own) as if it were
    `checkapp/models.py`, creates their tables, and returns the names it defined."""
    before = set(apps.get_app_config("checkapp").get_models(include_auto_created=True))
    ns = {"__name__": "checkapp.models", "models": models, **names}
    exec(compile(code, "<models>", "exec"), ns)
    new = [m for m in apps.get_app_config("checkapp").get_models() if m not in before]
    with connection.schema_editor() as editor:
        for model in new:
            # An abstract or unmanaged model has no table of its own.
            if model._meta.managed and not model._meta.proxy:
                editor.create_model(model)
    return ns


def run(code, **names):
    """Runs code with the given names and returns its namespace."""
    ns = {"__name__": "__check__", **names}
    exec(compile(code, "<snippet>", "exec"), ns)
    return ns


def output(code, **names):
    """What running code prints."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run(code, **names)
    return out.getvalue()


def queries():
    """`with queries() as q: ...` then `len(q)` is the number of SQL queries run, `q.captured_queries` their SQL."""
    return CaptureQueriesContext(connection)


def raised(fn, *args, **kwargs):
    """The exception `fn(*args, **kwargs)` raises, or None."""
    try:
        fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - which exception it is is the point
        return e
    return None


def render(source, context=None, request=None):
    """A template string rendered by the Django template engine of the settings in force."""
    return engines["django"].from_string(source).render(context or {}, request)


def urls(*patterns):
    """A URLconf module holding these patterns: `with override_settings(ROOT_URLCONF=urls(...))`."""
    module = types.ModuleType("check_urls")
    module.urlpatterns = list(patterns)
    return module


def _plain(text):
    return re.sub(r"\s+", " ", str(text).replace("`", "")).strip().lower()


class Choices(list):
    """The question's choices, in the file's order (the app shuffles them; checks never see that)."""

    def pick(self, value):
        """The index of the one choice that reads `value` (backticks, case and spacing aside), or
        failing that, the one choice that starts with it."""
        want = _plain(value)
        exact = [i for i, c in enumerate(self) if _plain(c) == want]
        if len(exact) == 1:
            return exact[0]
        starts = [i for i, c in enumerate(self) if _plain(c).startswith(want)]
        if len(starts) == 1:
            return starts[0]
        raise LookupError(f"{len(exact) or len(starts)} choices read {value!r}; choices: {list(self)!r}")

    def containing(self, fragment):
        """The index of the one choice that contains `fragment`."""
        want = _plain(fragment)
        found = [i for i, c in enumerate(self) if want in _plain(c)]
        if len(found) != 1:
            raise LookupError(f"{len(found)} choices contain {fragment!r}; choices: {list(self)!r}")
        return found[0]


def names(question):
    """Everything a check's code sees."""
    choices = Choices(question.get("choices", []))
    return {
        "__name__": "__check__",
        "snippet": question.get("code", ""),
        "choices": choices,
        "pick": choices.pick,
        "containing": choices.containing,
        "define_models": define_models,
        "run": run,
        "output": output,
        "queries": queries,
        "raised": raised,
        "render": render,
        "urls": urls,
        "override_settings": override_settings,
        "Client": Client,
        "RequestFactory": RequestFactory,
        "DJANGO": DJANGO,
    }
