#!/usr/bin/env sh
# The README's demo: builds the tool (unless --no-build), starts the TTS simulator with TLS and
# application my-app, and runs the migration guide's commands against it through
# bin/ttn-lw-migrate. stdout is exactly the tool's (device JSON, one per line); the build, the
# simulator and the narration write to stderr. Needs a JDK 17+ and Maven.
set -e
cd "$(dirname -- "$0")"
if [ "$1" != "--no-build" ]; then
  echo "demo: building (mvn -B -q -DskipTests package)" >&2
  mvn -B -q -ntp -DskipTests package >&2
fi
log=$(mktemp)
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.ttnlw.migrate.sim.SimulatorMain --tls --devices 5 2>"$log" &
simulator=$!
trap 'kill "$simulator" 2>/dev/null; rm -f "$log"' EXIT INT TERM
tries=0
until grep -q '^CA certificate: ' "$log"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 300 ] || ! kill -0 "$simulator" 2>/dev/null; then
    cat "$log" >&2
    echo "demo: the simulator did not start" >&2
    exit 1
  fi
  sleep 0.1
done
cat "$log" >&2
TTNV3_DEFAULT_GRPC_ADDRESS=$(sed -n 's/^TTS simulator listening on //p' "$log")
TTNV3_CA_FILE=$(sed -n 's/^CA certificate: //p' "$log")
TTNV3_APP_ID=my-app
TTNV3_APP_API_KEY=NNSXS.SIMULATOR.DEMO-KEY
export TTNV3_DEFAULT_GRPC_ADDRESS TTNV3_CA_FILE TTNV3_APP_ID TTNV3_APP_API_KEY
echo "demo: export TTNV3_DEFAULT_GRPC_ADDRESS=$TTNV3_DEFAULT_GRPC_ADDRESS TTNV3_CA_FILE=$TTNV3_CA_FILE TTNV3_APP_ID=my-app TTNV3_APP_API_KEY=..." >&2

run() {
  echo "demo: \$ ttn-lw-migrate $*" >&2
  status=0
  bin/ttn-lw-migrate "$@" || status=$?
  echo "demo: exit code $status" >&2
  return "$status"
}
run device --source ttnv3 my-device --ttnv3.no-session
run application --source ttnv3 my-app --dry-run
