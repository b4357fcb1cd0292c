#!/usr/bin/env bash
# test/tools/report_browser_test.sh — report.html in a real browser (headless Chromium): the
# quickstart's report loads without a single console message (a script error, or an SVG attribute
# Chromium cannot parse, is logged there), every chart in the file is in the parsed DOM, and a
# screenshot is not blank (many colours, the charts' palette visible). A deliberately broken page
# is checked first, so the test proves it can see such errors. Chromium missing is a failure:
# tools/setup installs it.
#   test/tools/report_browser_test.sh SOURCE_DIR SOVSIM_BINARY
set -euo pipefail
src=$1
sovsim=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "'chromium' is not installed: run tools/setup --deps-only (Debian package chromium)"

# Runs the browser on FILE: console messages into $work/NAME.log, the DOM into $work/NAME.dom and
# a 1280x2000 screenshot into $work/NAME.png.
browse() {
  local name=$1 file=$2
  local flags=(--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
               --user-data-dir="$work/profile-$name" --hide-scrollbars --window-size=1280,2000
               --enable-logging=stderr --v=0)
  timeout 60 "$browser" "${flags[@]}" --screenshot="$work/$name.png" "file://$file" \
    >/dev/null 2>"$work/$name.log" || fail "chromium failed on $file: $(tail -5 "$work/$name.log")"
  timeout 60 "$browser" "${flags[@]}" --dump-dom "file://$file" \
    >"$work/$name.dom" 2>>"$work/$name.log" || fail "chromium --dump-dom failed on $file"
}
console_messages() { grep -E ':CONSOLE[:(]' "$work/$1.log" || true; }

# The detector sees a script error and an SVG attribute Chromium cannot parse.
cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><path d="M 10,10 L nonsense"/></svg>
<script>undefined_function();</script></body></html>
HTML
browse broken "$work/broken.html"
[ -n "$(console_messages broken)" ] || fail "a broken page logged nothing: the console check cannot work ($(head -20 "$work/broken.log"))"

"$sovsim" run "$src/scenarios/quickstart.yaml" -q -o "$work/out"
browse report "$work/out/report.html"
messages=$(console_messages report)
[ -z "$messages" ] || fail "console messages while loading report.html: $messages"

svgs_in_file=$(grep -o '<svg xmlns' "$work/out/report.html" | wc -l)
svgs_in_dom=$(grep -o '<svg xmlns' "$work/report.dom" | wc -l)
[ "$svgs_in_file" -ge 8 ] || fail "only $svgs_in_file charts in report.html"
[ "$svgs_in_dom" = "$svgs_in_file" ] || fail "$svgs_in_file charts in the file, $svgs_in_dom in the DOM"
grep -q 'id="gpus-over-time"' "$work/report.dom" || fail "no gpus-over-time chart in the DOM"

# Not blank: the Okabe-Ito blue of the first tenant's area and many colours on screen.
stats=$(python3 "$src/test/tools/png_colours.py" "$work/report.png" '#0072b2')
python3 - "$stats" <<'PY' || fail "blank or chart-less screenshot: $stats"
import json, sys
s = json.loads(sys.argv[1])
ok = s["width"] == 1280 and s["distinct"] >= 50 and s["non_white"] >= 0.05 \
     and s["pixels_of"]["#0072b2"] >= 500
sys.exit(0 if ok else 1)
PY
echo "PASS ($svgs_in_file charts; screenshot $stats)"
