#!/usr/bin/env bash
# `npm test` prerequisites on a fresh machine: a PostgreSQL on 127.0.0.1:5432 and
# Debian's Chromium for the browser tests. Starts / installs them where this
# machine can (root with apt, a local cluster), otherwise says what is missing.
set -euo pipefail

if ! pg_isready -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting the local PostgreSQL cluster for the tests"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  else
    echo "npm test needs PostgreSQL on ${DB_HOST:-127.0.0.1}:${DB_PORT:-5432} (user postgres, trust auth, or set DB_USERNAME/DB_PASSWORD)" >&2
    exit 1
  fi
fi

APT_PACKAGES="chromium fonts-liberation fonts-noto-color-emoji"
if ! dpkg -s $APT_PACKAGES >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's Chromium for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $APT_PACKAGES >/dev/null
  elif ! command -v chromium >/dev/null 2>&1; then
    echo "The browser tests need Debian's chromium: sudo apt-get install chromium fonts-liberation" >&2
    exit 1
  fi
fi
