#!/usr/bin/env bash
# usage: capture.sh FAULTS_DIR WORK_DIR OUT_DIR [CASE_ID...]
# Materialises each fault case into WORK_DIR/<id>, installs it, and records the
# real output of `npm install` (when package.json differs from the base app),
# `npm run typecheck` and `npm run build` into OUT_DIR/<id>/{install,typecheck,build}.txt.
# A base install in WORK_DIR/.base is hard-linked into cases whose package.json is unchanged.
set -uo pipefail
faults="$(cd "$1" && pwd)"; work="$2"; out="$3"; shift 3
export CI=1 NEXT_TELEMETRY_DISABLED=1
npmi() { npm install --no-audit --no-fund --prefer-offline --cache /tmp/nx-npm-cache "$@"; }
mkdir -p "$work" "$out"
if [ ! -d "$work/.base/node_modules" ]; then
  rm -rf "$work/.base"; cp -r "$faults/base" "$work/.base"; (cd "$work/.base" && npmi >/dev/null 2>&1)
fi
ids=("$@"); [ ${#ids[@]} -eq 0 ] && ids=($(ls "$faults/cases"))
for id in "${ids[@]}"; do
  dir="$work/$id"; rm -rf "$dir"; mkdir -p "$out/$id"
  "$faults/apply.sh" "$faults/cases/$id" "$dir" >/dev/null || continue
  if cmp -s "$dir/package.json" "$faults/base/package.json"; then
    cp -al "$work/.base/node_modules" "$dir/node_modules"
  else
    (cd "$dir" && npmi) >"$out/$id/install.txt" 2>&1
    [ -d "$dir/node_modules" ] || continue
  fi
  (cd "$dir" && npm run typecheck) >"$out/$id/typecheck.txt" 2>&1
  (cd "$dir" && npm run build) >"$out/$id/build.txt" 2>&1
  echo "$id done"
done
