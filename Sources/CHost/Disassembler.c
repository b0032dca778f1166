// Host code as text for `-d out_asm`, through capstone loaded at run time (libcapstone4 or 5),
// so that Mirage neither builds nor runs against it. Without it the caller prints hex.
// The cs_insn layouts below are capstone's public ABI for those two major versions.

#define _GNU_SOURCE
#include "CHost.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stddef.h>

typedef size_t cs_handle;
enum { ARCH_X86 = 3, MODE_64 = 1 << 3 };

struct insn4 { unsigned id; uint64_t address; uint16_t size; uint8_t bytes[16]; char mnemonic[32]; char op_str[160]; void *detail; };
struct insn5 { unsigned id; uint64_t address; uint16_t size; uint8_t bytes[24]; char mnemonic[32]; char op_str[160]; void *detail; };

static int state = -1;  // -1 not tried yet, 0 unavailable, else the major version
static cs_handle handle;
static size_t (*disasm)(cs_handle, const uint8_t *, size_t, uint64_t, size_t, void **);
static void (*release)(void *, size_t);

static int load(void) {
    static const char *names[] = {"libcapstone.so.5", "libcapstone.so.4", "libcapstone.so"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
        void *lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!lib) continue;
        unsigned (*version)(int *, int *) = (unsigned (*)(int *, int *))dlsym(lib, "cs_version");
        int (*open)(int, int, cs_handle *) = (int (*)(int, int, cs_handle *))dlsym(lib, "cs_open");
        disasm = (size_t (*)(cs_handle, const uint8_t *, size_t, uint64_t, size_t, void **))dlsym(lib, "cs_disasm");
        release = (void (*)(void *, size_t))dlsym(lib, "cs_free");
        int major = 0, minor = 0;
        if (version && open && disasm && release) version(&major, &minor);
        if ((major == 4 || major == 5) && open(ARCH_X86, MODE_64, &handle) == 0) return major;
        dlclose(lib);
    }
    return 0;
}

int chost_disassembler_available(void) {
    if (state < 0) state = load();
    return state != 0;
}

size_t chost_disassemble(const uint8_t *code, size_t size, uint64_t address, char *out, size_t capacity) {
    if (!chost_disassembler_available() || capacity == 0) return 0;
    void *insns = NULL;
    size_t count = disasm(handle, code, size, address, 0, &insns);
    size_t used = 0;
    for (size_t i = 0; i < count && used < capacity; i++) {
        uint64_t at; const char *mnemonic, *operands;
        if (state == 4) {
            struct insn4 *n = (struct insn4 *)insns + i;
            at = n->address, mnemonic = n->mnemonic, operands = n->op_str;
        } else {
            struct insn5 *n = (struct insn5 *)insns + i;
            at = n->address, mnemonic = n->mnemonic, operands = n->op_str;
        }
        int w = snprintf(out + used, capacity - used, "  0x%012llx:  %-8s %s\n", (unsigned long long)at, mnemonic, operands);
        if (w < 0) break;
        used += (size_t)w;
    }
    if (insns) release(insns, count);
    return used < capacity ? used : capacity - 1;
}
