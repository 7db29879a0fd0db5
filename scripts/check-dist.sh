#!/usr/bin/env bash
# Rebuilds every bundle from scratch and fails when the result differs from what is committed.
# `git status --porcelain` (not `git diff`) so that a new chunk file counts too. The bundles: the
# actions' shared dist/, the CLI's cli/dist/, and any leftover of the old per-action layout
# (actions/<name>/dist, which the build deletes) so that its removal is committed too.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build
stale=$(git status --porcelain -- dist cli/dist 'actions/*/dist')
if [ -n "$stale" ]; then
  echo "The committed bundles differ from a fresh build. Run 'npm run build' and commit:" >&2
  echo "$stale" >&2
  exit 1
fi
echo "dist: every bundle matches a fresh build"
