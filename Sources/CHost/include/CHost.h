// CHost: the few host things Swift cannot say directly.
// One .c file per subject; every declaration lives here so Swift sees one module.
#ifndef CHOST_H
#define CHOST_H
#include <stdint.h>
#include "CHostAtomics.h"   // atomic guest-memory ops (IR interpreter)
#include "CHostSyscalls.h"  // host syscall numbers Swift can see
#include "CHostFloat.h"     // MXCSR access for guest FP environments
#include "CHostFloatTraps.h" // exact NaN results: invalid-operation traps in translated code
#include "CHostJIT.h"       // entering translated code, CPU features
#include "CHostFault.h"     // self-modifying code, fatal faults
#include "CHostSignals.h"   // guest signals: the host handler, interruptible syscalls
#include "CHostThreads.h"   // host threads for guest threads
#include <sys/syscall.h>   // SYS_* numbers of the host, for Host.rawSyscall callers

// --- Syscall.c -------------------------------------------------------------
// The host's raw system call, as the kernel returns it: the result on success,
// -errno on failure. errno is read in C on the line after syscall(), so no Swift
// runtime call (retain/release, allocation) can clobber it in between.
long chost_syscall(long number, long a0, long a1, long a2, long a3, long a4, long a5);

// --- Disassembler.c ---------------------------------------------------------
// x86-64 code as text through capstone, if the system has libcapstone4 or 5 (loaded on
// first use). Lines "  0xADDRESS:  mnemonic operands\n" into `out`; the bytes written
// (0 when capstone is missing: print hex instead). The text is cut at `capacity` - 1.
int chost_disassembler_available(void);
size_t chost_disassemble(const uint8_t *code, size_t size, uint64_t address, char *out, size_t capacity);

// --- CHost.c ----------------------------------------------------------------
// The host process's own auxiliary vector entry `type` (getauxval), and in *found whether
// the kernel gave it at all: 0 is a valid AT_EXECFD.
unsigned long chost_getauxval(unsigned long type, int *found);

// --- StaticExecutable.c ------------------------------------------------------
// mirage's argc and argv as the kernel gave them (captured by a constructor; the Swift
// runtime's CommandLine needs /proc in a static executable).
int chost_argc(void);
char **chost_argv(void);

#endif
