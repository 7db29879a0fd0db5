# Body of the tflint STAND-IN (not the real tflint): run in a module folder as `tflint --format json`,
# it applies two of tflint's terraform rules to the *.tf files there and prints tflint's JSON format
# ({"issues": [...], "errors": []}); exit 2 when issues were found, 0 otherwise, as tflint does.
format=default
while [ $# -gt 0 ]; do
  case "$1" in
    -f|--format) format="$2"; shift 2 ;;
    --format=*) format="${1#--format=}"; shift ;;
    *) shift ;;
  esac
done
issues=$(for f in *.tf; do
  [ -f "$f" ] || continue
  awk -v file="$f" '
    function emit(rule, msg, sev, col) {
      printf "{\"rule\":{\"name\":\"%s\",\"severity\":\"%s\",\"link\":\"https://github.com/terraform-linters/tflint-ruleset-terraform/blob/main/docs/rules/%s.md\"},\"message\":\"%s\",\"range\":{\"filename\":\"%s\",\"start\":{\"line\":%d,\"column\":%d},\"end\":{\"line\":%d,\"column\":%d}},\"callers\":[]}\n", rule, sev, rule, msg, file, NR, col, NR, col + 1
    }
    /=[ \t]*"\$\{[^}]*\}"[ \t]*$/ { emit("terraform_deprecated_interpolation", "Interpolation-only expressions are deprecated in Terraform v0.12.14", "warning", index($0, "\"")) }
    /^[ \t]*variable[ \t]+"/ { invar = 1; typed = 0; vline = NR; match($0, /"[^"]*"/); vname = substr($0, RSTART + 1, RLENGTH - 2) }
    invar && /^[ \t]*type[ \t]*=/ { typed = 1 }
    invar && /^[ \t]*}/ { if (!typed) { printf "{\"rule\":{\"name\":\"terraform_typed_variables\",\"severity\":\"warning\",\"link\":\"\"},\"message\":\"`%s` variable has no type\",\"range\":{\"filename\":\"%s\",\"start\":{\"line\":%d,\"column\":1},\"end\":{\"line\":%d,\"column\":1}},\"callers\":[]}\n", vname, file, vline, vline }; invar = 0 }
  ' "$f"
done)
if [ "$format" = "json" ]; then
  printf '{"issues":[%s],"errors":[]}\n' "$(printf '%s' "$issues" | paste -sd, -)"
else
  printf '%s\n' "$issues"
fi
[ -z "$issues" ] || exit 2
exit 0
