// The raw system call shim: returns the kernel's value or -errno (see CHost.h).
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include "CHost.h"

long chost_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5) {
    long result = syscall(number, a0, a1, a2, a3, a4, a5);
    // glibc's syscall() turns a kernel result in [-4095, -1] into -1 + errno;
    // undo that so callers see the kernel's own convention.
    return result == -1 ? -(long)errno : result;
}
