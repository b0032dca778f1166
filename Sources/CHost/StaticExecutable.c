// dladdr for the fully static mirage. The Swift runtime asks dladdr for its own file at
// start-up; static glibc's dladdr cannot answer for the main program, and the runtime's
// fallback, /proc/self/exe, is missing in a fresh chroot (debootstrap's second stage starts
// before /proc is mounted), where the runtime then aborts. Answered here from the executable's
// own bounds; a dynamically linked mirage forwards to the real dladdr.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char __executable_start;
extern char _end;

int dladdr(const void *address, Dl_info *info) {
    if (getauxval(AT_BASE) != 0) {
        // Linked dynamically: the dynamic linker knows every object.
        static int (*next)(const void *, Dl_info *);
        if (!next) next = (int (*)(const void *, Dl_info *))dlsym(RTLD_NEXT, "dladdr");
        return next ? next(address, info) : 0;
    }
    const char *a = (const char *)address;
    if (a < &__executable_start || a >= &_end) return 0;
    static char path[4096];
    if (path[0] == 0) {
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        if (n > 0) {
            path[n] = 0;
        } else {
            // No /proc: the name the kernel started us by.
            const char *name = (const char *)getauxval(AT_EXECFN);
            strncpy(path, name ? name : "mirage", sizeof path - 1);
        }
    }
    info->dli_fname = path;
    info->dli_fbase = &__executable_start;
    info->dli_sname = NULL;
    info->dli_saddr = NULL;
    return 1;
}

// mirage's own argv, captured before main: the Swift runtime's CommandLine reads
// /proc/self/cmdline in a static executable, and a fresh chroot has no /proc. glibc passes
// argc, argv and envp to constructors, static or dynamic.
static int saved_argc;
static char **saved_argv;

__attribute__((constructor)) static void chost_capture_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    saved_argc = argc;
    saved_argv = argv;
}

int chost_argc(void) { return saved_argc; }
char **chost_argv(void) { return saved_argv; }

// The Swift runtime's CommandLine asks this function for argv. The runtime's own definition
// sits in an archive member with a constructor that finds argv by reading /proc/self/maps
// (the kernel formats every mapping, the runtime sscanf's each line) at every start, and finds
// nothing in a chroot without /proc. Defined here, that member is never linked in: argv comes
// from what glibc passed the constructor above. The override entry point goes with it.
char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    static char *empty[] = {NULL};
    if (!saved_argv) {
        *outArgLen = 0;
        return empty;
    }
    *outArgLen = saved_argc;
    return saved_argv;
}

void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    saved_argv = argv;
    saved_argc = argc;
}
