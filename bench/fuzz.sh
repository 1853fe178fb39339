#!/usr/bin/env bash
# Hostile-input run: every jqwik property over the webhook parsers (generic + six connectors),
# AnswerParser and the Slack/Discord escaping with TRIES cases each (default 100,000).
# The build itself runs the same properties with a quick sample (junit-platform.properties).
# Usage: bench/fuzz.sh [TRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES="${1:-100000}"
./mvnw -B -q test \
  -Dtest='WebhookFuzzTest,SlackEscapingPropertyTest,DiscordEscapingPropertyTest,RetryPolicyTest' \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$TRIES" \
  -Djqwik.reporting.onlyfailures=false
# jqwik prints one report per property (tries, checks, seed) into the surefire output files
grep -h -E '^\s*(tries|checks|seed)\s*=|^timestamp|\| ' target/surefire-reports/*FuzzTest-output.txt \
  target/surefire-reports/*EscapingPropertyTest-output.txt 2>/dev/null | grep -E 'tries|checks' | sort | uniq -c || true
