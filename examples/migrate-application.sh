#!/usr/bin/env bash
# Migrates every end device of one application from a source TTS deployment into an
# application of a target one, for use in a CI job. Configure both sides through the
# environment (see docs/migration.md):
#   TTNV3_DEFAULT_GRPC_ADDRESS, TTNV3_APP_API_KEY (and TTNV3_CA_FILE if needed): the source;
#   TARGET_DEFAULT_GRPC_ADDRESS, TARGET_APP_API_KEY (and TARGET_CA_FILE): the target.
#
# usage: migrate-application.sh SOURCE_APP_ID TARGET_APP_ID [ttn-lw-migrate flags...]
#
# First a dry run checks the target and reports what would be created; then the migration
# creates each device in the target, verifies it and only then disables its downlinks at the
# source. The run journal (migrated-SOURCE_APP_ID.json.state) makes the job safe to re-run:
# a re-run finishes what an interrupted one left and changes nothing else.
set -euo pipefail

usage="usage: migrate-application.sh SOURCE_APP_ID TARGET_APP_ID [ttn-lw-migrate flags...]"
if [ $# -lt 2 ]; then
  echo "$usage" >&2
  exit 2
fi
source_app=$1
target_app=$2
shift 2
for id in "$source_app" "$target_app"; do
  case "$id" in
    -*) echo "migrate-application.sh: '$id' is a flag, not an application ID" >&2
        echo "$usage" >&2
        exit 2 ;;
  esac
done

ttn-lw-migrate migrate application --source ttnv3 "$source_app" --target.app-id "$target_app" \
  --dry-run "$@" > /dev/null
ttn-lw-migrate migrate application --source ttnv3 "$source_app" --target.app-id "$target_app" \
  --output "migrated-$source_app.json" "$@"
echo "migrated every device of $source_app into $target_app; see migrated-$source_app.json" >&2
