#!/bin/sh
# Prints the path of a Python 3.12 or newer (Django 6.x needs it) for the bank's checks, or
# nothing. Tries the usual names on PATH, then pyenv's installs (whose shims may refuse a
# version that is not selected).
for p in python3.13 python3.12 python3.14 python3 $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -r); do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    command -v "$p"
    exit 0
  fi
done
