#!/bin/sh
# Writes the compose secrets file (default: .env at the project root) from .env.example, with a
# fresh random value for every empty *_PASSWORD. Refuses to overwrite an existing file: the
# database volume keeps the passwords it was created with.
#   sh deploy/compose/make-env.sh [FILE]
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="${1:-$root/.env}"
if [ -e "$target" ]; then
  echo "make-env: $target exists; left as it is" >&2
  exit 1
fi
umask 077
# Hex only: the passwords go into database URLs, where other characters would need escaping.
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    [A-Z]*_PASSWORD=) printf '%s%s\n' "$line" "$(random)" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$root/.env.example" >"$target"
echo "make-env: wrote $target (readable by you only)"
