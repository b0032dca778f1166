// LinuxABI: each guest's Linux ABI as data, and the translations between guest and host values.
//
// Guest values (syscall numbers, errno and signal numbers, open/mmap/fcntl/ioctl constants,
// struct layouts) are written as numbers, facts taken from the kernel's uapi headers of Debian's
// cross `linux-libc-dev` packages and checked by LinuxABITests against each cross compiler.
// Host values come from Glibc where it exports them, or are the x86-64 kernel's numbers (also
// checked by a native build of the same test programs). A guest value crosses to the host
// through `translate…` and comes back through `untranslate…`, never by reusing a number because
// it happens to match.
//
// `GuestABI` is the one value LinuxUser holds per guest: it bundles the tables of one arch.
// Nothing here touches guest memory or calls the host kernel; `StructWriter`/`StructReader`
// work on raw buffers the caller supplies.
