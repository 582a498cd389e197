# Shared by scripts/browser-test and scripts/api-test (source it after setting `repo`):
#   apt_ensure PKG...            install missing Debian packages
#   venv_ensure DIR MODULES REQ... a virtualenv at DIR with the pinned requirements (re-made when they change)
#   gandan_bin                   sets `bin` to the built gandan (GANDAN_BIN overrides)
#   start_demo STAGE             a demo database and server on a free port: sets started_url, started_db
#   make_demo STAGE, serve_demo STAGE  the same in two steps, so databases can be written side by side
# Servers started here are stopped, and the scratch folder removed, on exit.

say() { printf '%s: %s\n' "${GANDAN_SCRIPT:-scripts}" "$*" >&2; }
die() { say "error: $*"; exit 1; }

apt_ensure() {
    # apt_ensure PACKAGE...: install the missing ones; `apt-get update` only if something is missing.
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install ${missing[*]} yourself"
        sudo="sudo"
    fi
    local t0=$SECONDS
    say "installing ${missing[*]} with apt"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    say "installed ${missing[*]} in $((SECONDS - t0)) s"
}

venv_ensure() {
    # venv_ensure DIR "import check" REQUIREMENT...
    local venv="$1" check="$2"
    shift 2
    local stamp="$venv/.gandan-requirements" wanted="$*"
    if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] \
        && "$venv/bin/python" -c "$check" >/dev/null 2>&1; then
        return 0
    fi
    local t0=$SECONDS py
    say "setting up $venv with $wanted"
    rm -rf "$venv"
    py="$(command -v python3 || true)"
    if [ -z "$py" ] || ! "$py" -m venv "$venv" >/dev/null 2>&1; then
        rm -rf "$venv"
        apt_ensure python3 python3-venv
        /usr/bin/python3 -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@"
    printf '%s' "$wanted" >"$stamp"
    say "virtualenv ready in $((SECONDS - t0)) s"
}

gandan_bin() {
    bin="${GANDAN_BIN:-}"
    if [ -z "$bin" ]; then
        local binpath
        binpath="$(swift build --show-bin-path 2>/dev/null || true)"
        bin="${binpath:-$repo/.build/debug}/gandan"
    fi
    [ -x "$bin" ] || die "$bin not found: run 'swift build' first (or set GANDAN_BIN)"
}

scratch="$(mktemp -d "${TMPDIR:-/tmp}/gandan-server.XXXXXX")"
server_pids=()
stop_servers() {
    local pid
    for pid in "${server_pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$scratch"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

make_demo() {
    # make_demo STAGE: writes the demo database $scratch/STAGE.sqlite (may run in the background beside another).
    local stage="$1"
    say "creating the demo database (stage $stage)"
    if ! "$bin" demo --no-serve --stage "$stage" --database "$scratch/$stage.sqlite" >"$scratch/$stage-demo.log" 2>&1
    then
        tail -n 40 "$scratch/$stage-demo.log" >&2
        die "'gandan demo --no-serve --stage $stage' failed"
    fi
}

start_demo() {
    make_demo "$1"
    serve_demo "$1"
}

serve_demo() {
    local stage="$1" port url pid deadline
    port="$(free_port)"
    url="http://127.0.0.1:$port"
    "$bin" serve --database "$scratch/$stage.sqlite" --hostname 127.0.0.1 --port "$port" \
        >"$scratch/$stage-server.log" 2>&1 &
    pid=$!
    server_pids+=("$pid")
    deadline=$((SECONDS + 60))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health" 2>/dev/null)" = "200" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$scratch/$stage-server.log" >&2
            die "gandan serve exited before answering $url/health"
        fi
        if [ $SECONDS -ge $deadline ]; then
            tail -n 40 "$scratch/$stage-server.log" >&2
            die "$url/health did not answer 200 within 60 s"
        fi
        sleep 0.3
    done
    say "server for stage $stage up at $url (pid $pid)"
    started_url="$url"
    started_db="$scratch/$stage.sqlite"
}
