#!/usr/bin/env bash
# Proves the container image on a machine that reaches no container registry, only Debian's
# packages and Maven Central:
#   1. builds a Java 17 base image from Debian packages (debootstrap + openjdk-17-jre-headless),
#      saved as an image tar (cached in $IMAGE_PROOF_DIR);
#   2. builds the app image on it with Jib: ./mvnw -Pimage package -Dimage.base=tar://…;
#   3. runs it once with podman: its own config file mounted at the default path, a secret from
#      the environment, a named volume for the H2 files; checks /health/ready, the admin API,
#      the user it runs as and who owns the database files.
# Needs root, podman and debootstrap (apt-get install -y podman debootstrap); where crun cannot
# run containers (no CAP_SYS_RESOURCE, hybrid cgroups: some CI sandboxes), also runc.
# Usage: bench/image-proof.sh        (IMAGE_PROOF_DIR, IMAGE_PROOF_PORT, DEBIAN_MIRROR to change)
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${IMAGE_PROOF_DIR:-/var/tmp/closeloop-image-proof}
PORT=${IMAGE_PROOF_PORT:-18080}
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
BASE=localhost/closeloop-base:debian-$SUITE
NAME=closeloop-image-proof
VOLUME=closeloop-image-proof-data
TOKEN=proof-admin-token

say() { printf '\n== %s\n' "$*"; }
for tool in podman debootstrap curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y podman debootstrap curl)"; exit 2; }
done
mkdir -p "$WORK"

say "1. base image from Debian packages ($SUITE, $MIRROR)"
if [ ! -s "$WORK/base.tar" ]; then
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase \
    --include=openjdk-17-jre-headless,fontconfig,fonts-dejavu-core,ca-certificates \
    "$SUITE" "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
  tar -C "$WORK/rootfs" -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' - "$BASE" >/dev/null
  podman save --format docker-archive -o "$WORK/base.tar" "$BASE" 2>/dev/null
  rm -rf "$WORK/rootfs"
fi
ls -l "$WORK/base.tar"

say "2. app image with Jib on that base"
./mvnw -B -q -Pimage package -DskipTests "-Dimage.base=tar://$WORK/base.tar"
ls -l target/closeloop-image.tar
IMAGE=$(podman load -q -i target/closeloop-image.tar | sed -n 's/^Loaded image: //p' | head -1)
echo "loaded $IMAGE"
podman image inspect "$IMAGE" --format \
  'user={{.Config.User}} workdir={{.Config.WorkingDir}} ports={{.Config.ExposedPorts}} volumes={{.Config.Volumes}} entrypoint={{.Config.Entrypoint}} cmd={{.Config.Cmd}}'

say "3. run it once with podman"
FLAGS=()
if ! podman run --rm "$IMAGE" --version >/dev/null 2>"$WORK/podman-probe.err"; then
  # a sandboxed host: no CAP_SYS_RESOURCE to raise rlimits, or hybrid cgroups that crun refuses
  echo "podman run with defaults fails here: $(head -1 "$WORK/podman-probe.err")"
  FLAGS=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
  if command -v runc >/dev/null; then FLAGS+=(--runtime runc); fi
  podman run --rm "${FLAGS[@]}" "$IMAGE" --version >/dev/null \
    || { echo "podman cannot run containers on this host (try: apt-get install -y runc)"; exit 1; }
  echo "running with: ${FLAGS[*]}"
fi
cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
# the operator's own config at the default path; the port and a secret come from the environment
cat >"$WORK/closeloop.yml" <<'EOF'
server: { port: "${CLOSELOOP_PORT:-8080}" }
admin: { token: "${CLOSELOOP_ADMIN_TOKEN}" }
EOF
chmod 644 "$WORK/closeloop.yml"
run() {
  podman run -d --name "$NAME" "${FLAGS[@]}" "$@" \
    -v "$VOLUME:/closeloop/data" \
    -v "$WORK/closeloop.yml:/closeloop/bot-config/closeloop.yml:ro" \
    -e CLOSELOOP_ADMIN_TOKEN=$TOKEN \
    "$IMAGE" >/dev/null
}
if run -p "127.0.0.1:$PORT:8080" 2>"$WORK/podman-run.err"; then
  echo "network: bridge, 127.0.0.1:$PORT -> 8080"
else
  echo "port mapping unavailable here ($(head -1 "$WORK/podman-run.err")); using the host network"
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  run --network host -e CLOSELOOP_PORT=$PORT
fi

ready=""
for _ in $(seq 1 90); do
  if curl -fs "http://127.0.0.1:$PORT/health/ready" >"$WORK/ready.json" 2>/dev/null; then
    ready=yes
    break
  fi
  sleep 1
done
podman logs "$NAME" 2>&1 | grep -E 'closeloop ready|ERROR' | head -5
if [ -z "$ready" ]; then
  echo "FAILED: /health/ready did not answer 200"
  podman logs "$NAME" 2>&1 | tail -30
  exit 1
fi
echo "GET /health/ready -> 200 $(cat "$WORK/ready.json")"
stats=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/admin/stats")
echo "GET /admin/stats with the token from the environment -> $stats"
[ "$stats" = 200 ] || { echo "FAILED: admin API"; exit 1; }
uid=$(podman exec "$NAME" id -u)
echo "runs as uid $uid"
[ "$uid" != 0 ] || { echo "FAILED: runs as root"; exit 1; }
echo "data volume:"
podman exec "$NAME" ls -ln /closeloop/data
podman exec "$NAME" sh -c "ls -n /closeloop/data | grep -q ' $uid .*closeloop.mv.db'" \
  || { echo "FAILED: no H2 file owned by $uid in the volume"; exit 1; }
echo "closeloop stats, inside the running container:"
podman exec "$NAME" closeloop stats 2>/dev/null
podman run --rm "${FLAGS[@]}" -v "$WORK/closeloop.yml:/closeloop/bot-config/closeloop.yml:ro" \
  -e CLOSELOOP_ADMIN_TOKEN=$TOKEN "$IMAGE" check-config 2>/dev/null | grep -E '^  (port|token):'
say "image proof: OK ($IMAGE on a Debian $SUITE base, $(du -h target/closeloop-image.tar | cut -f1) tar)"
