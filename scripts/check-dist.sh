#!/usr/bin/env bash
# Rebuilds every bundle from scratch and fails when the result differs from what is committed.
# `git status --porcelain` (not `git diff`) so that a new chunk file counts too.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build
stale=$(git status --porcelain -- 'actions/*/dist' 'cli/dist')
if [ -n "$stale" ]; then
  echo "The committed bundles differ from a fresh build. Run 'npm run build' and commit:" >&2
  echo "$stale" >&2
  exit 1
fi
echo "dist: every bundle matches a fresh build"
