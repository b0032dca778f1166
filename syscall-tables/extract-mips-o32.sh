#!/bin/sh
# Rebuilds mips-o32.tbl from the MIPS o32 syscall numbers in Debian's mips cross kernel headers
# (mipsel's are the same file; the script checks that when both are installed). It only reads
# numbers: each `#define __NR_name (__NR_Linux + N)` of unistd_o32.h becomes `4000+N name`, after
# checking that unistd.h still sets __NR_Linux to 4000 for the o32 ABI.
# Placeholders for numbers the kernel leaves empty (unusedNN, reservedNN) are left out: a
# guest calling them gets ENOSYS, as from any number the table lacks.
# Usage: syscall-tables/extract-mips-o32.sh > syscall-tables/mips-o32.tbl
set -eu

package=linux-libc-dev-mips-cross
include=/usr/mips-linux-gnu/include/asm
o32=$include/unistd_o32.h
other=/usr/mipsel-linux-gnu/include/asm/unistd_o32.h

version=$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null) || {
    echo "extract-mips-o32.sh: $package is not installed (apt-get install -y $package)" >&2
    exit 1
}

# o32's base: `#if _MIPS_SIM == _MIPS_SIM_ABI32` then `#define __NR_Linux 4000`.
sed -n '/_MIPS_SIM == _MIPS_SIM_ABI32/,/#endif/p' "$include/unistd.h" | grep -q '^#define __NR_Linux[[:space:]]*4000$' || {
    echo "extract-mips-o32.sh: the o32 __NR_Linux is no longer 4000 in $include/unistd.h" >&2
    exit 1
}
if [ -f "$other" ] && ! cmp -s "$o32" "$other"; then
    echo "extract-mips-o32.sh: $o32 and $other differ" >&2
    exit 1
fi

echo "# MIPS o32 Linux syscall numbers (big and little endian): NUMBER NAME, one per line."
echo "# Source: Debian package $package $version,"
echo "#   $o32 (numbers are __NR_Linux + N with __NR_Linux = 4000)."
echo "# The kernel's placeholders (unusedNN, reservedNN) are left out: those numbers get ENOSYS."
echo "# Regenerate with syscall-tables/extract-mips-o32.sh; do not edit by hand."

sed -n 's/^#define __NR_\([a-z0-9_]*\)[[:space:]]*(__NR_Linux *+ *\([0-9]*\))[[:space:]]*$/\2 \1/p' "$o32" |
    grep -Ev ' (unused|reserved)[0-9]+$' |
    awk '{ print $1 + 4000, $2 }'
