#!/usr/bin/env bash
# Runs a real Neo4j Community 5.26 server from its Maven Central jars, without Docker.
#   deploy/neo4j/neo4j.sh fetch|start|stop|restart|status|logs
# Listens on 127.0.0.1 only (Bolt 7687, HTTP 7474, Neo4j Browser at http://127.0.0.1:7474/browser/),
# and advertises the ports it listens on (NEO4J_BOLT_PORT, NEO4J_HTTP_PORT). Jars, data and logs live in
# deploy/neo4j/.run (ignored by git). Authentication is off unless NEO4J_PASSWORD is set:
# then it is on, with user "neo4j" and that password (set on first start of a fresh store).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
run_dir=${NEO4J_RUN_DIR:-$here/.run}
lib_dir=${NEO4J_LIB_DIR:-$run_dir/lib}
conf_dir=$run_dir/conf
pid_file=$run_dir/neo4j.pid
console_log=$run_dir/logs/console.log
bolt_port=${NEO4J_BOLT_PORT:-7687}
http_port=${NEO4J_HTTP_PORT:-7474}
start_timeout=${NEO4J_START_TIMEOUT:-120}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
main_class=org.neo4j.server.CommunityEntryPoint
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.6.1

say() { echo "neo4j: $*"; }
die() { echo "neo4j: error: $*" >&2; exit 1; }

running_pid() {
  [[ -f $pid_file ]] || return 1
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null && grep -q "$main_class" "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
  else
    rm -f "$pid_file"  # stale: the process is gone
    return 1
  fi
}

bolt_answers() {
  # Bolt servers answer the 4-byte magic preamble plus four version proposals with a version.
  python3 - "$bolt_port" <<'PY'
import socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2) as s:
        s.sendall(b"\x60\x60\xb0\x17" + b"\x00\x00\x04\x04" + b"\x00" * 12)
        sys.exit(0 if len(s.recv(4)) == 4 else 1)
except OSError:
    sys.exit(1)
PY
}

fetch() {
  # The jars are fetched again when the pom changed since (a new version, the Browser added).
  if compgen -G "$lib_dir/neo4j-5.26.*.jar" >/dev/null && cmp -s "$here/pom.xml" "$lib_dir/.pom.xml"; then
    return 0
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Neo4j; install it or set NEO4J_URI to a running server"
  say "fetching Neo4j Community jars and Neo4j Browser with Maven (cached in ~/.m2 for the next run)..."
  local started=$SECONDS fresh=$lib_dir.fetching
  rm -rf "$fresh"
  mvn -B -q -f "$here/pom.xml" "$dependency_plugin:copy-dependencies" \
      -DoutputDirectory="$fresh" -DincludeScope=runtime \
    || die "Maven could not fetch the Neo4j jars (see the output above)"
  cp "$here/pom.xml" "$fresh/.pom.xml"
  rm -rf "$lib_dir" && mv "$fresh" "$lib_dir"  # no jar of an older pom stays on the class path
  say "fetched $(ls "$lib_dir" | wc -l) jars, $(du -sh "$lib_dir" | cut -f1), in $((SECONDS - started)) s"
}

set_conf() {
  # Neo4j rejects a setting declared twice, so drop the template's line before adding ours.
  local file=$conf_dir/neo4j.conf
  sed -i "/^$1=/d" "$file"
  echo "$1=$2" >>"$file"
}

write_config() {
  mkdir -p "$conf_dir" "$run_dir"/{data,logs,run,import,plugins}
  cp "$here/conf/neo4j.conf" "$conf_dir/neo4j.conf"
  echo "# Set by neo4j.sh at start" >>"$conf_dir/neo4j.conf"
  if [[ -n ${NEO4J_PASSWORD:-} ]]; then
    set_conf dbms.security.auth_enabled true
  else
    set_conf dbms.security.auth_enabled false
  fi
  if [[ -n ${NEO4J_HEAP:-} ]]; then set_conf server.memory.heap.max_size "$NEO4J_HEAP"; fi
  if [[ -n ${NEO4J_PAGECACHE:-} ]]; then set_conf server.memory.pagecache.size "$NEO4J_PAGECACHE"; fi
  set_conf server.bolt.listen_address "127.0.0.1:$bolt_port"
  set_conf server.http.listen_address "127.0.0.1:$http_port"
  # What the server tells clients to connect to (the Browser, Desktop, routing drivers): the
  # ports it listens on, or they would reach another server on the default ports.
  set_conf server.bolt.advertised_address "127.0.0.1:$bolt_port"
  set_conf server.http.advertised_address "127.0.0.1:$http_port"
  # NEO4J_SETTINGS_FILE: name=value lines applied last (the compose check starts the server with
  # the settings the Docker image would write).
  if [[ -n ${NEO4J_SETTINGS_FILE:-} ]]; then
    local name value
    while IFS='=' read -r name value; do
      if [[ -n $name && $name != \#* ]]; then set_conf "$name" "$value"; fi
    done <"$NEO4J_SETTINGS_FILE"
  fi
}

java_flags=(
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
  -Djdk.tls.ephemeralDHKeySize=2048 -Dfile.encoding=UTF-8
  # The opens bin/neo4j normally adds: Neo4j's native IO and Netty need them on Java 17.
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
)

set_initial_password() {
  # Only takes effect on a store that has never started with auth; harmless afterwards.
  [[ -n ${NEO4J_PASSWORD:-} ]] || return 0
  [[ -d $run_dir/data/dbms ]] && return 0
  NEO4J_HOME=$run_dir NEO4J_CONF=$conf_dir "$java_bin" "${java_flags[@]}" -cp "$lib_dir/*" \
    org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$NEO4J_PASSWORD" \
    >>"$run_dir/logs/admin.log" 2>&1 || die "could not set the initial password (see $run_dir/logs/admin.log)"
}

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid, bolt://127.0.0.1:$bolt_port)"
    return 0
  fi
  command -v "$java_bin" >/dev/null || die "java not found; Neo4j 5.26 needs Java 17 (set JAVA_HOME)"
  fetch
  write_config
  set_initial_password
  local heap=${NEO4J_HEAP:-2g}
  local started=$SECONDS
  # setsid: the server outlives this script and gets its own process group, so stop can end it whole.
  # The loop closes descriptors inherited from the caller (a `flock` lock, say), which the
  # server would otherwise hold until it stops.
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec setsid "$java_bin" -Xms512m "-Xmx$heap" "${java_flags[@]}" -cp "$lib_dir/*" "$main_class" \
      --home-dir="$run_dir" --config-dir="$conf_dir" --console-mode \
      >"$console_log" 2>&1 </dev/null
  ) &
  echo $! >"$pid_file"
  say "starting (pid $!), waiting for Bolt on 127.0.0.1:$bolt_port..."
  until bolt_answers; do
    if ! running_pid >/dev/null; then
      tail -n 30 "$console_log" >&2 || true
      die "the server exited during start-up (log: $console_log)"
    fi
    if ((SECONDS - started > start_timeout)); then
      tail -n 30 "$console_log" >&2 || true
      stop
      die "Bolt did not answer within ${start_timeout}s (log: $console_log)"
    fi
    sleep 0.5
  done
  local auth=off
  [[ -n ${NEO4J_PASSWORD:-} ]] && auth="on (user neo4j)"
  say "ready in $((SECONDS - started)) s: bolt://127.0.0.1:$bolt_port, http://127.0.0.1:$http_port, auth $auth"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    return 0
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "did not stop within 60 s; killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  fi
  rm -f "$pid_file"
  say "stopped"
}

status() {
  local pid
  if pid=$(running_pid); then
    if bolt_answers; then
      say "running (pid $pid), Bolt answers on 127.0.0.1:$bolt_port"
    else
      say "running (pid $pid) but Bolt does not answer yet"
    fi
    return 0
  fi
  say "not running"
  return 3  # the LSB code for "not running"
}

case ${1:-} in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  logs) tail -n "${2:-50}" "$console_log" ;;
  *) echo "usage: $0 fetch|start|stop|restart|status|logs [N]" >&2; exit 2 ;;
esac
