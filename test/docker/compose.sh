#!/usr/bin/env bash
# The Docker image and docker-compose.yml, end to end on a real engine: build, start, healthy, the
# example client (the Graph beta SDK over https), state across a restart, the image alone over http, a prompt
# and clean `docker stop`; prints the image size and the start-to-healthy time. Needs root (it starts the engine with ../shared/tools/docker-up.sh).
# Every wait is bounded; the last line is `docker: N passed, N failed`; exit 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

TOOLS=../shared/tools
PROJECT=graph-mock-docker-test
IMAGE=graph-mock:local
WORK=$(mktemp -d)
passed=0
failed=0
engine_started_here=0
compose=()

pass () { passed=$((passed + 1)); echo "ok - $1"; }
fail () { failed=$((failed + 1)); echo "not ok - $1"; }
summary () { echo "docker: $passed passed, $failed failed"; }
now_ms () { date +%s%3N; }

teardown () {
  local status=$?
  if [ ${#compose[@]} -gt 0 ]; then
    timeout 120 "${compose[@]}" down -v --remove-orphans >"$WORK/down.log" 2>&1 || { echo "# compose down failed:"; tail -5 "$WORK/down.log"; }
  fi
  # Stop the engine only if this script started it: a developer's running engine is left alone.
  if [ "$engine_started_here" = 1 ]; then bash "$TOOLS/docker-down.sh" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then fail "script stopped early (exit $status)"; fi
  summary
  if [ "$failed" -ne 0 ]; then exit 1; fi
  exit "$status"
}
trap teardown EXIT

# Stop here: what follows depends on this step.
abort () { fail "$1"; [ $# -lt 2 ] || { echo "# last lines of $2:"; tail -25 "$2" | sed 's/^/#   /'; }; exit 1; }

# health status of the graph-mock container, until healthy or a deadline (seconds)
wait_healthy () {
  local cid=$1 deadline=$(( $(date +%s) + $2 )) status
  while :; do
    status=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.Status}}' "$cid" 2>/dev/null || echo 'gone gone')
    case "$status" in
      'healthy running') return 0 ;;
      unhealthy*|*exited|*dead|gone*|none*) echo "# container state: $status"; return 1 ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || { echo "# still '$status' after $2 s"; return 1; }
    sleep 0.25
  done
}

# The certificate the running graph-mock generated (a new one at each start), copied out of its volume.
copy_cert () { docker cp "$cid:/tls/graph-mock.crt" "$WORK/graph-mock.crt" >/dev/null 2>&1; }

# GET the class-group flow from the host over https, trusting the copied certificate; prints the two checked fields
get_flow () {
  copy_cert || { echo "no certificate in /tls"; return; }
  NODE_EXTRA_CA_CERTS="$WORK/graph-mock.crt" node --input-type=module -e '
    const res = await fetch(process.argv[1], { headers: { authorization: "Bearer host-check" }, signal: AbortSignal.timeout(5000) })
    const body = await res.json()
    console.log(res.status, body.readinessStatus, JSON.stringify(body.configuration?.additionalAttributes))
  ' "https://127.0.0.1:$PORT/beta/classGroupProvisioningFlow" 2>&1 || true
}

echo "# starting the Docker engine"
docker info >/dev/null 2>&1 || engine_started_here=1
timeout 600 bash "$TOOLS/docker-up.sh" >"$WORK/up.log" 2>&1 || abort 'Docker engine started' "$WORK/up.log"
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose+=(-p "$PROJECT" -f docker-compose.yml)
pass "Docker engine up ($("${compose[@]}" version --short 2>/dev/null || echo '?') via '${compose[0]}${compose[1]:+ ${compose[1]}}')"

# a free host port for the published 4010, so a developer's own mock on 4010 does not clash
PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')
export GRAPH_MOCK_HOST_PORT=$PORT
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true

echo "# building the image (the first build compiles better-sqlite3: a few minutes)"
t0=$(now_ms)
timeout 1200 "${compose[@]}" build graph-mock >"$WORK/build.log" 2>&1 || abort 'image builds' "$WORK/build.log"
pass "image builds ($(( ($(now_ms) - t0) / 1000 )) s)"
timeout 600 "${compose[@]}" build example-client >"$WORK/build-client.log" 2>&1 || abort 'the example client image builds' "$WORK/build-client.log"
size=$(docker image inspect --format '{{.Size}}' "$IMAGE")
base=$(docker image inspect --format '{{.Size}}' node:20-bookworm-slim 2>/dev/null || echo 0)
user=$(docker image inspect --format '{{.Config.User}}' "$IMAGE")
[ "$user" = node ] && pass 'image runs as the node user' || fail "image runs as the node user (got '$user')"

t0=$(now_ms)
timeout 120 "${compose[@]}" up -d graph-mock >"$WORK/up-mock.log" 2>&1 || abort 'compose up -d graph-mock' "$WORK/up-mock.log"
cid=$("${compose[@]}" ps -q graph-mock)
wait_healthy "$cid" 90 || { docker logs "$cid" >"$WORK/mock.log" 2>&1; abort 'graph-mock becomes healthy' "$WORK/mock.log"; }
up_to_healthy_ms=$(( $(now_ms) - t0 ))
# from the engine's own clocks: container start to the end of the first passing health check
start_to_healthy_ms=$(docker inspect --format '{{.State.StartedAt}} {{range .State.Health.Log}}{{if eq .ExitCode 0}}{{json .End}} {{end}}{{end}}' "$cid" \
  | node -e 'const [s, h] = require("fs").readFileSync(0, "utf8").trim().split(/\s+/); console.log(Date.parse(JSON.parse(h ?? "null")) - Date.parse(s))')
# and the server's own part: container start to its 'graph-mock listening' log line
start_to_listening_ms=$(docker inspect --format '{{.State.StartedAt}}' "$cid" | { read -r started; docker logs "$cid" 2>/dev/null \
  | node -e 'const line = require("fs").readFileSync(0, "utf8").split("\n").find(l => l.includes("graph-mock listening")); console.log(line ? JSON.parse(line).time - Date.parse(process.argv[1]) : NaN)' "$started"; })
pass "graph-mock healthy (${start_to_healthy_ms} ms from container start)"

# the generated certificate names the service and the container's host name, so other containers can verify it
copy_cert || abort 'graph-mock wrote its certificate to the graph-mock-tls volume'
container_host=$(docker inspect --format '{{.Config.Hostname}}' "$cid")
names=$(node -e 'console.log(new (require("node:crypto").X509Certificate)(require("node:fs").readFileSync(process.argv[1])).subjectAltName)' "$WORK/graph-mock.crt")
if [[ ", $names," == *", DNS:graph-mock,"* && ", $names," == *", DNS:$container_host,"* ]]; then
  pass "the certificate names graph-mock and the container ($names)"
else
  fail "the certificate names graph-mock and the container's host name $container_host (got: $names)"
fi

# the inspector's files are read from /app/public at start-up: the final stage must have copied them
if NODE_EXTRA_CA_CERTS="$WORK/graph-mock.crt" node --input-type=module -e '
    const res = await fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
    const same = (await res.text()) === (await import("node:fs")).readFileSync("public/inspector/inspector.js", "utf8")
    process.exit(res.status === 200 && same ? 0 : 1)
  ' "https://127.0.0.1:$PORT/_mock/inspector.js"; then
  pass 'the inspector script is served from the image, as it is in public/inspector/'
else
  fail 'GET /_mock/inspector.js answers 200 with public/inspector/inspector.js'
fi

if timeout 120 "${compose[@]}" run --rm example-client >"$WORK/client.log" 2>&1 && grep -q '^example-client: OK' "$WORK/client.log"; then
  pass "example client: $(grep '^example-client: OK' "$WORK/client.log")"
else
  fail 'example client PATCHes and reads back the flow'; tail -10 "$WORK/client.log" | sed 's/^/#   /'
fi

# the image on its own, without Compose's settings: plain http, and its own health check says healthy
plain=$(docker run -d --init --rm "$IMAGE" 2>"$WORK/plain.log") || abort 'docker run the image alone' "$WORK/plain.log"
if wait_healthy "$plain" 60; then pass 'the image alone (plain http) becomes healthy by its own check'; else fail 'the image alone (plain http) becomes healthy by its own check'; fi
timeout 30 docker stop -t 10 "$plain" >/dev/null 2>&1 || true

timeout 60 "${compose[@]}" restart graph-mock >"$WORK/restart.log" 2>&1 || abort 'compose restart graph-mock' "$WORK/restart.log"
if wait_healthy "$cid" 60; then
  got=$(get_flow)
  [ "$got" = '200 ready ["courseCode"]' ] && pass 'state survives a restart (the PATCHed flow, read from the host)' \
    || fail "state survives a restart: GET answered '$got'"
else
  fail 'graph-mock healthy again after a restart'
fi

# a new container on the same named volume: the database is the volume's, not the container's
timeout 120 "${compose[@]}" up -d --force-recreate graph-mock >"$WORK/recreate.log" 2>&1 || abort 'compose up -d --force-recreate graph-mock' "$WORK/recreate.log"
old_cid=$cid
cid=$("${compose[@]}" ps -q graph-mock)
if [ "$cid" != "$old_cid" ] && wait_healthy "$cid" 60; then
  got=$(get_flow)
  [ "$got" = '200 ready ["courseCode"]' ] && pass 'state survives a new container on the same volume' \
    || fail "state survives a new container on the same volume: GET answered '$got'"
else
  fail 'a recreated graph-mock container becomes healthy'
fi

t0=$(now_ms)
timeout 30 docker stop -t 10 "$cid" >/dev/null || true
stop_ms=$(( $(now_ms) - t0 ))
code=$(docker inspect --format '{{.State.ExitCode}}' "$cid")
if [ "$stop_ms" -lt 5000 ] && [ "$code" = 0 ]; then
  pass "docker stop: exit 0 in ${stop_ms} ms"
else
  fail "docker stop: exit $code in ${stop_ms} ms (want 0 in < 5000 ms)"; { docker logs --tail 5 "$cid" 2>&1 || true; } | sed 's/^/#   /'
fi
docker logs "$cid" >"$WORK/mock.log" 2>&1 || true
grep -q '"shutting down"' "$WORK/mock.log" && pass 'the server logged a graceful shutdown on SIGTERM' \
  || fail 'the server logged a graceful shutdown on SIGTERM'

echo "# image $IMAGE: $(( size / 1000000 )) MB ($(( (size - base) / 1000000 )) MB over node:20-bookworm-slim at $(( base / 1000000 )) MB)"
echo "# start to healthy: ${start_to_healthy_ms} ms from container start (health check every 2 s); ${up_to_healthy_ms} ms from 'up -d' to healthy seen; server listening ${start_to_listening_ms} ms after container start"
