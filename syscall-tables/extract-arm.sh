#!/bin/sh
# Rebuilds arm.tbl from the ARM EABI syscall numbers in Debian's armhf cross kernel headers.
# It only reads numbers: each `#define __NR_name (__NR_SYSCALL_BASE + N)` of the EABI header
# becomes `N name`, and each ARM private `__ARM_NR_name (__ARM_NR_BASE+K)` becomes
# `0x0f000K name` (EABI's __NR_SYSCALL_BASE is 0, so __ARM_NR_BASE is 0x0f0000).
# Usage: syscall-tables/extract-arm.sh > syscall-tables/arm.tbl
set -eu

package=linux-libc-dev-armhf-cross
include=/usr/arm-linux-gnueabihf/include/asm
eabi=$include/unistd-eabi.h
private=$include/unistd.h

version=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null) || {
    echo "extract-arm.sh: $package is not installed (apt-get install -y $package)" >&2
    exit 1
}

echo "# ARM EABI Linux syscall numbers: NUMBER NAME, one per line."
echo "# Source: Debian package $package $version,"
echo "#   $eabi (numbers are __NR_SYSCALL_BASE + N with base 0)"
echo "#   and $private (ARM private calls: __ARM_NR_BASE = 0x0f0000)."
echo "# Aliases (__NR_sync_file_range2 = __NR_arm_sync_file_range) are left out: one name per number."
echo "# Regenerate with syscall-tables/extract-arm.sh; do not edit by hand."

sed -n 's/^#define __NR_\([a-z0-9_]*\)[[:space:]]*(__NR_SYSCALL_BASE *+ *\([0-9]*\))[[:space:]]*$/\2 \1/p' "$eabi"

# The private base must still be 0x0f0000 above the (zero) EABI base, or the numbers below are wrong.
grep -q '^#define __ARM_NR_BASE[[:space:]]*(__NR_SYSCALL_BASE+0x0f0000)' "$private" || {
    echo "extract-arm.sh: __ARM_NR_BASE changed in $private" >&2
    exit 1
}
sed -n 's/^#define __ARM_NR_\([a-z0-9_]*\)[[:space:]]*(__ARM_NR_BASE *+ *\([0-9]\))[[:space:]]*$/0x0f000\2 \1/p' "$private"
