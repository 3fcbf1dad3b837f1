#!/usr/bin/env bash
# Migrates every end device of one application from a source TTS deployment to a
# target one, for use in a CI job. Configure both sides through the environment:
#   TTNV3_DEFAULT_GRPC_ADDRESS, TTNV3_APP_API_KEY (and TTNV3_CA_FILE if needed)
#     for the source, read by ttn-lw-migrate;
#   ttn-lw-cli configured (and logged in) for the target.
#
# usage: migrate-application.sh SOURCE_APP_ID [TARGET_APP_ID] [ttn-lw-migrate flags...]
#
# The devices are first exported with --dry-run to a file that is only renamed into
# place once complete, imported on the target, and only then exported for real, which
# disables their downlinks on the source. Run it again with
# --ttnv3.delete-source-device once the devices work on the target.
set -euo pipefail

source_app=${1:?usage: migrate-application.sh SOURCE_APP_ID [TARGET_APP_ID] [flags...]}
target_app=${2:-$source_app}
shift $(( $# >= 2 ? 2 : 1 ))

out="devices-$source_app.json"
ttn-lw-migrate application --source ttnv3 "$source_app" --dry-run "$@" > "$out.partial"
mv "$out.partial" "$out"
echo "exported $(wc -l < "$out") devices of $source_app to $out" >&2

ttn-lw-cli end-devices create --application-id "$target_app" < "$out"
echo "imported into $target_app" >&2

ttn-lw-migrate application --source ttnv3 "$source_app" "$@" > /dev/null
echo "downlinks disabled on the source for every device of $source_app" >&2
