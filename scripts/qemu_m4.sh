#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu_m4.sh ELF  runs one Cortex-M4 test image on QEMU's mps2-an386 board
# (a Cortex-M4 with 4 MB of SRAM and 16 MB of PSRAM); the image prints
# through semihosting and its exit status is the semihosting exit code.
# Ends a hung image after QEMU_M4_TIMEOUT seconds (default 600).
set -eu
exec timeout "${QEMU_M4_TIMEOUT:-600}" qemu-system-arm -M mps2-an386 -nographic -monitor none \
    -semihosting-config enable=on,target=native -kernel "$1"
