#!/usr/bin/env bash
# Regenerates Examples/demo-2026-04-30.warc.gz from the in-process test world
# (Tests/InsiderClustersTests/Support/Worlds.swift): no third-party page is ever recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
WRITE_DEMO_RECORDING=1 swift test --filter RecordReplayTests.writeDemoRecording
ls -l Examples/demo-2026-04-30.warc.gz
