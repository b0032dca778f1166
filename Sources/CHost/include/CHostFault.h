// The host fault handler (Fault.c): self-modifying-code detection on write-protected guest
// code pages, and dying of real faults.
#ifndef CHOST_FAULT_H
#define CHOST_FAULT_H
#include <stdint.h>

/// The guest reservation and the per-page table (one byte per 4 KiB guest page).
void chost_fault_setup(void *base, uint64_t size, uint8_t *pages);
/// The running thread's exit-request flag, set when its code is written.
void chost_fault_set_exit_request(volatile uint32_t *flag);
/// Installs the SIGSEGV/SIGBUS handler (on an alternate stack). 0 on success.
int chost_fault_install(void);
/// Write-protects a guest page that now holds translated code: 1 done, 0 already, -1 error.
int chost_fault_protect_page(uint64_t page);
/// Makes a protected page writable again (the host is about to write it): 1 done, 0 was not.
int chost_fault_unprotect_page(uint64_t page);
/// Forgets a page's protection (the guest remapped or re-protected it itself).
void chost_fault_forget_page(uint64_t page);
/// Whether a protected page was written since the last call (the translations are stale).
uint32_t chost_fault_take_code_written(void);
/// The address of the last fatal fault.
uintptr_t chost_fault_last_address(void);

/// The exit kind (rax) translated code leaves with when it faults; JITABI.Exit.fault.
#define CHOST_JIT_EXIT_FAULT 4
/// Translated code lives in [code, code + size); a fault there leaves through `exit_stub`
/// with rax = CHOST_JIT_EXIT_FAULT and rdx = the guest address.
void chost_fault_set_jit(void *code, uint64_t size, void *exit_stub);
/// The host pc of this thread's last fault in translated code (0 if none), and its signal.
uintptr_t chost_fault_take_jit_pc(int *signal);

/// Runs `body(context)`; a fault of guest memory inside it ends it at once: the result is then
/// the signal (SIGSEGV or SIGBUS) and `*address` the guest address, else 0. The interpreter's
/// guard: its frames hold nothing to clean up.
int chost_fault_guarded(void (*body)(void *), void *context, uint64_t *address);

#endif
