#!/bin/sh
# Builds a stand-in for the registry:2 image with `docker import` (no registry can be reached here): Debian's
# docker-registry (the CNCF Distribution registry) with the C library it links, serving HTTP on :5000 from
# /var/lib/registry, as registry:2 does with its /etc/docker/registry/config.yml.
# Usage: build-image.sh [IMAGE]   (default sikifanso/registry-standin:test)
set -eu
image=${1:-sikifanso/registry-standin:test}
registry=/usr/bin/docker-registry
[ -x "$registry" ] || { echo "need $registry: apt-get install docker-registry" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/etc/docker/registry" "$root/var/lib/registry" "$root/tmp"
cp "$registry" "$root/bin/registry"
for lib in $(ldd "$registry" | grep -o '/[^ ]*'); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
cat > "$root/etc/docker/registry/config.yml" <<'YAML'
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
YAML
tar -C "$root" -c . | docker import -c 'ENTRYPOINT ["/bin/registry"]' -c 'CMD ["serve", "/etc/docker/registry/config.yml"]' \
  -c 'EXPOSE 5000' - "$image" >/dev/null
echo "$image"
