# Body of the docker-machine STAND-IN (not the real docker-machine): `create [flags] NAME` records a
# machine under $MACHINE_STORAGE_PATH/machines/NAME (docker-machine's own storage layout), and
# `env --shell bash NAME` prints exports in docker-machine's format, pointing at this machine's own
# Docker engine (or $STANDIN_DOCKER_HOST). Unknown machines answer as docker-machine does.
storage="${MACHINE_STORAGE_PATH:-$HOME/.docker/machine}"
cmd="$1"; shift
case "$cmd" in
  create)
    for last in "$@"; do :; done
    mkdir -p "$storage/machines/$last" && echo "{\"Name\":\"$last\"}" > "$storage/machines/$last/config.json"
    echo "Docker is up and running!"
    exit 0 ;;
  env)
    for last in "$@"; do :; done
    if [ ! -d "$storage/machines/$last" ]; then
      echo "Host does not exist: \"$last\"" >&2
      exit 1
    fi
    # The real one also exports DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for its TLS endpoint; this
    # stand-in's engine is a local socket without TLS, and any DOCKER_TLS_VERIFY value turns TLS on.
    echo "export DOCKER_HOST=\"${STANDIN_DOCKER_HOST:-unix:///var/run/docker.sock}\""
    echo "export DOCKER_MACHINE_NAME=\"$last\""
    echo "# Run this command to configure your shell:"
    echo "# eval \$(docker-machine env $last)"
    exit 0 ;;
esac
