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

#endif
