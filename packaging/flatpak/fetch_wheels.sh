#!/bin/sh
# Downloads the wheels the Flatpak installs into packaging/flatpak/wheels/, each checked against
# its hash in requirements.txt. Run it before flatpak-builder: the Flatpak build has no network.
# requirements.txt is written by `make lock`: the run-time part of requirements.lock for the
# runtime's Python (org.freedesktop.Platform 25.08: CPython 3.13); pip picks the wheel that fits.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 -m pip download --require-hashes --no-deps --only-binary=:all: \
    --python-version 3.13 --implementation cp --abi cp313 --abi abi3 --abi none \
    --platform manylinux_2_34_x86_64 --platform manylinux_2_28_x86_64 \
    --platform manylinux_2_17_x86_64 --platform any \
    --requirement "$here/requirements.txt" --dest "$here/wheels"
