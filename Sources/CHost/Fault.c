// The host fault handler: tells writes to write-protected guest code pages (self-modifying
// code) from real faults. A write to a protected code page is let through (the page is made
// writable again) and leaves a note for the engine to drop its translations. A fault of
// translated code is the guest's own: the handler leaves the block through the exit stub with
// the fault's address, and the engine maps the host pc back to the guest instruction (precise
// faults). Any other fault is Mirage's or the interpreter's: the process dies of it, as the
// kernel would kill the guest. Async-signal-safe: it touches only the variables below and
// makes system calls.

#define _GNU_SOURCE
#include "CHost.h"
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <ucontext.h>

static uintptr_t guest_base;
static uintptr_t guest_size;
static uint8_t *code_pages;                 // 1 per guest page we write-protected
static __thread volatile uint32_t *exit_request;  // this thread's exit-request flag
static volatile uint32_t code_written;      // a protected page was written since the last take
static volatile uintptr_t last_fault_address;
static uintptr_t jit_code_start, jit_code_size, jit_exit_stub;
static __thread uintptr_t jit_fault_pc;     // host pc of the last fault in translated code
static __thread int jit_fault_signal;
static __thread sigjmp_buf *guard;          // set while the interpreter runs guest code
static __thread uintptr_t guarded_address;
static __thread int guarded_signal;

void chost_fault_setup(void *base, uint64_t size, uint8_t *pages) {
    guest_base = (uintptr_t)base;
    guest_size = (uintptr_t)size;
    code_pages = pages;
}

void chost_fault_set_exit_request(volatile uint32_t *flag) { exit_request = flag; }

uint32_t chost_fault_take_code_written(void) {
    uint32_t written = code_written;
    code_written = 0;
    return written;
}

uintptr_t chost_fault_last_address(void) { return last_fault_address; }

void chost_fault_set_jit(void *code, uint64_t size, void *exit_stub) {
    jit_code_start = (uintptr_t)code;
    jit_code_size = (uintptr_t)size;
    jit_exit_stub = (uintptr_t)exit_stub;
}

uintptr_t chost_fault_take_jit_pc(int *signal) {
    uintptr_t pc = jit_fault_pc;
    *signal = jit_fault_signal;
    jit_fault_pc = 0;
    return pc;
}

int chost_fault_protect_page(uint64_t page) {
    if (!code_pages || code_pages[page]) return 0;
    if (mprotect((void *)(guest_base + (page << 12)), 4096, PROT_READ) != 0) return -1;
    code_pages[page] = 1;
    return 1;
}

int chost_fault_unprotect_page(uint64_t page) {
    if (!code_pages || !code_pages[page]) return 0;
    code_pages[page] = 0;
    code_written = 1;
    return mprotect((void *)(guest_base + (page << 12)), 4096, PROT_READ | PROT_WRITE) == 0 ? 1 : -1;
}

void chost_fault_forget_page(uint64_t page) {
    if (code_pages) code_pages[page] = 0;
}

static void on_fault(int sig, siginfo_t *info, void *context) {
    // Sent (kill, tgkill, sigqueue), not raised by an instruction: the guest's signal.
    if (chost_signal_route_sent(sig, info)) return;
    uintptr_t address = (uintptr_t)info->si_addr;
    ucontext_t *uc = context;
    int write = (uc->uc_mcontext.gregs[REG_ERR] & 2) != 0;
    if (sig == SIGSEGV && write && code_pages && address >= guest_base && address - guest_base < guest_size) {
        uint64_t page = (address - guest_base) >> 12;
        if (code_pages[page] && chost_fault_unprotect_page(page) == 1) {
            if (exit_request) *exit_request = 1;
            return;  // the write runs again, now allowed
        }
    }
    uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    if (jit_exit_stub && pc - jit_code_start < jit_code_size) {
        // Translated code touched guest memory that is not there. Blocks run with rsp where
        // the trampoline left it, so the exit stub returns to the engine from any point.
        jit_fault_pc = pc;
        jit_fault_signal = sig;
        uc->uc_mcontext.gregs[REG_RAX] = CHOST_JIT_EXIT_FAULT;
        uc->uc_mcontext.gregs[REG_RDX] = (greg_t)(address - guest_base);
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)jit_exit_stub;
        return;
    }
    if (guard && address - guest_base < guest_size) {
        // The interpreter touched guest memory that is not there: back to chost_fault_guarded.
        guarded_address = address - guest_base;
        guarded_signal = sig;
        siglongjmp(*guard, 1);
    }
    // Mirage's own fault: die of it. No core of the emulator.
    last_fault_address = address;
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(sig, SIG_DFL);
}

int chost_fault_guarded(void (*body)(void *), void *context, uint64_t *address) {
    sigjmp_buf buffer;
    sigjmp_buf *outer = guard;
    if (sigsetjmp(buffer, 0) != 0) {
        guard = outer;
        *address = guarded_address;
        return guarded_signal;
    }
    guard = &buffer;
    body(context);
    guard = outer;
    return 0;
}

int chost_fault_install(void) {
    static char alternate[64 * 1024];
    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGSEGV, &action, NULL) != 0) return -1;
    if (sigaction(SIGBUS, &action, NULL) != 0) return -1;
    return 0;
}
