#!/usr/bin/env bash
# A cluster on this machine, to try it: a PostgreSQL and a Redis of Debian's packages (installed
# when missing) in a temporary folder, and three nodes of the agent server with the demo center,
# on http://127.0.0.1:8082, :8083 and :8084 (another first port as the argument). Ctrl+C stops
# it all and removes the folder. Not for production: see docs/cluster.md.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-8082}
pgbin=/usr/lib/postgresql/15/bin
run_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need() {
  [ -x "$2" ] && return
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$1" >/dev/null \
    || { run_as_root apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null && run_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "$1" >/dev/null; }
}
need postgresql-15 "$pgbin/postgres"
need redis-server /usr/bin/redis-server

work=$(mktemp -d /tmp/agentphone-cluster-XXXXXX)
nodes=()
declare -A ports
redis=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# The nodes first (each hands its centers over, writing a snapshot), then Redis and PostgreSQL.
stop() {
  trap - INT TERM EXIT
  for pid in "${nodes[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${nodes[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$redis" ] && { kill -TERM "$redis" 2>/dev/null || true; wait "$redis" 2>/dev/null || true; }
  as_postgres "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
  echo "cluster stopped"
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
[ "$(id -u)" -eq 0 ] && chown postgres "$work"

pgport=$((base + 20000)); redisport=$((base + 20001))
as_postgres "$pgbin/initdb" -D "$work/pg" --auth=trust -U postgres >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pgport -k $work -c listen_addresses=127.0.0.1" start >/dev/null
# A session of its own: Ctrl+C in the terminal reaches the script, which stops the nodes first.
setsid redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis=$!

# The demo center, its phones provisioned with every node's URL.
urls="\"http://127.0.0.1:$base\", \"http://127.0.0.1:$((base + 1))\", \"http://127.0.0.1:$((base + 2))\""
sed "s|\"servers\": \[[^]]*\]|\"servers\": [$urls]|" host/agentserver.json >"$work/agentserver.json"

dotnet build host/Server -c Release -v q -nologo >/dev/null
server=artifacts/bin/AgentPhone.ServerHost/release/AgentPhone.ServerHost.dll
for n in 0 1 2; do
  dotnet "$server" --config "$work/agentserver.json" --bind 127.0.0.1 --port $((base + n)) --url "http://127.0.0.1:$((base + n))" \
    --silo-port $((base + 3000 + n)) --postgres "Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres" --redis "127.0.0.1:$redisport" &
  nodes+=($!)
  ports[$!]=$((base + n))
done
echo "PostgreSQL on 127.0.0.1:$pgport, Redis on 127.0.0.1:$redisport; Ctrl+C stops the cluster"
for pid in "${nodes[@]}"; do echo "node http://127.0.0.1:${ports[$pid]} is process $pid (kill -9 $pid to try a failover)"; done
# A node that dies leaves the others serving: the cluster ends with its last node, or Ctrl+C.
running=("${nodes[@]}")
while [ ${#running[@]} -gt 0 ]; do
  status=0 ended=""
  wait -n -p ended "${running[@]}" || status=$?
  [ -n "$ended" ] || break
  echo "node http://127.0.0.1:${ports[$ended]} (process $ended) ended with exit code $status; the others carry on"
  left=()
  for pid in "${running[@]}"; do [ "$pid" = "$ended" ] || left+=("$pid"); done
  running=("${left[@]}")
done
