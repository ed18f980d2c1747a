#!/bin/sh
# Builds the stand-in k3s node image with `docker import` (no registry needed): a root file
# system of Debian's busybox-static plus the stand-in /bin/k3s beside this script.
# Usage: build-image.sh [IMAGE]   (default sikifanso/k3s-standin:test)
set -eu
image=${1:-sikifanso/k3s-standin:test}
here=$(cd "$(dirname "$0")" && pwd)
busybox=/bin/busybox
[ -x "$busybox" ] || { echo "need $busybox: apt-get install busybox-static" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/output" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/run" \
  "$root/var/run" "$root/var/log"
cp "$busybox" "$root/bin/busybox"
# nc and base64: the stand-in's API server forwarding and kubeconfig (see k3s).
for app in sh mount cat echo sleep mkdir mv sed xargs ls dirname nc base64; do ln -s busybox "$root/bin/$app"; done
cp "$here/k3s" "$root/bin/k3s"
chmod 755 "$root/bin/k3s"
tar -C "$root" -c . | docker import -c 'ENTRYPOINT ["/bin/k3s"]' -c 'CMD ["agent"]' - "$image" >/dev/null
echo "$image"
