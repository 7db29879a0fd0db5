# Body of the hadolint STAND-IN (not the real hadolint): arguments as hadolint takes them,
# [--format json] [--config FILE] Dockerfile..., a few of hadolint's real rules with its codes,
# messages and levels, output in hadolint's JSON format; exit 1 when anything was found, as 1.x does.
format=tty
files=""
while [ $# -gt 0 ]; do
  case "$1" in
    -f|--format) format="$2"; shift 2 ;;
    -c|--config|-t|--failure-threshold) shift 2 ;;
    -*) shift ;;
    *) files="$files $1"; shift ;;
  esac
done
if [ -n "$files" ]; then
  for f in $files; do
    [ -f "$f" ] || { echo "$f: openFile: does not exist (No such file or directory)" >&2; exit 1; }
  done
  lines=$(for f in $files; do
    awk -v file="$f" '
      function emit(code, msg, level) {
        printf "{\"line\":%d,\"code\":\"%s\",\"message\":\"%s\",\"column\":1,\"file\":\"%s\",\"level\":\"%s\"}\n", NR, code, msg, file, level
      }
      toupper($1) == "MAINTAINER" { emit("DL4000", "MAINTAINER is deprecated", "error") }
      toupper($1) == "FROM" && $2 ~ /:latest$/ { emit("DL3007", "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag", "warning") }
      toupper($1) == "ADD" && $2 !~ /^https?:/ && $2 !~ /\.(tar|tgz|gz|bz2|xz)$/ { emit("DL3020", "Use COPY instead of ADD for files and folders", "error") }
      toupper($1) == "WORKDIR" && $2 !~ /^[\/$]/ { emit("DL3000", "Use absolute WORKDIR", "error") }
      /apt-get install/ && !/=/ { emit("DL3008", "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`", "warning") }
    ' "$f"
  done)
  if [ "$format" = "json" ]; then
    printf '[%s]\n' "$(printf '%s' "$lines" | paste -sd, -)"
  else
    printf '%s\n' "$lines"
  fi
  [ -z "$lines" ]
  exit $?
fi
