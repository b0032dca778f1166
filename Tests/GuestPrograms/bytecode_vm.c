/* A switch-heavy bytecode interpreter: a small stack machine with arithmetic, comparisons,
   jumps, locals, calls and returns, running programs assembled at start-up (loops, prime
   sieve, recursive factorial and Fibonacci, GCD, Collatz). The dispatch switch compiles to a
   jump table (ldr pc / tbb / tbh on ARM): indirect branches on every instruction. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum op {
    OP_HALT, OP_PUSH, OP_POP, OP_DUP, OP_SWAP, OP_OVER, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_NEG, OP_AND,
    OP_OR, OP_XOR, OP_SHL, OP_SHR, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_NOT, OP_JMP, OP_JZ, OP_JNZ,
    OP_LOAD, OP_STORE, OP_CALL, OP_RET, OP_PRINT, OP_GLOAD, OP_GSTORE, OP_INC, OP_DEC, OP_ROT, OP_COUNT
};
static const char *op_names[] = {"halt", "push", "pop", "dup", "swap", "over", "add", "sub", "mul", "div", "mod",
                                 "neg", "and", "or", "xor", "shl", "shr", "eq", "ne", "lt", "le", "gt", "ge", "not",
                                 "jmp", "jz", "jnz", "load", "store", "call", "ret", "print", "gload", "gstore",
                                 "inc", "dec", "rot"};

static int32_t code[4096];
static int code_len;
static int32_t globals[8192];
static uint64_t executed[OP_COUNT];

static int emit(int32_t w) { code[code_len] = w; return code_len++; }
#define E0(op) emit(op)
#define E1(op, a) (emit(op), emit(a))

/* Frames: a return address, a base pointer, and 8 locals. */
struct frame { int ret; int32_t locals[8]; };

static uint64_t run(int entry, int verbose) {
    int32_t stack[1024];
    struct frame frames[256];
    int sp = 0, fp = 0, pc = entry;
    uint64_t printed = 0; /* unsigned: the hash wraps */
    frames[0].ret = -1;
    memset(frames[0].locals, 0, sizeof frames[0].locals);
    for (;;) {
        int32_t op = code[pc++];
        executed[op]++;
        int32_t a, b;
        switch (op) {
        case OP_HALT: return printed;
        case OP_PUSH: stack[sp++] = code[pc++]; break;
        case OP_POP: sp--; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: a = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = a; break;
        case OP_OVER: stack[sp] = stack[sp - 2]; sp++; break;
        case OP_ROT: a = stack[sp - 3]; stack[sp - 3] = stack[sp - 2]; stack[sp - 2] = stack[sp - 1]; stack[sp - 1] = a; break;
        case OP_ADD: b = stack[--sp]; a = stack[--sp]; stack[sp++] = (int32_t)((uint32_t)a + (uint32_t)b); break;
        case OP_SUB: b = stack[--sp]; a = stack[--sp]; stack[sp++] = (int32_t)((uint32_t)a - (uint32_t)b); break;
        case OP_MUL: b = stack[--sp]; a = stack[--sp]; stack[sp++] = (int32_t)((uint32_t)a * (uint32_t)b); break;
        case OP_DIV: b = stack[--sp]; a = stack[--sp]; stack[sp++] = b == 0 || (b == -1 && a == INT32_MIN) ? 0 : a / b; break;
        case OP_MOD: b = stack[--sp]; a = stack[--sp]; stack[sp++] = b == 0 || b == -1 ? 0 : a % b; break;
        case OP_NEG: stack[sp - 1] = (int32_t)(0u - (uint32_t)stack[sp - 1]); break;
        case OP_AND: b = stack[--sp]; stack[sp - 1] &= b; break;
        case OP_OR: b = stack[--sp]; stack[sp - 1] |= b; break;
        case OP_XOR: b = stack[--sp]; stack[sp - 1] ^= b; break;
        case OP_SHL: b = stack[--sp]; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] << (b & 31)); break;
        case OP_SHR: b = stack[--sp]; stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] >> (b & 31)); break;
        case OP_EQ: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] == b; break;
        case OP_NE: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] != b; break;
        case OP_LT: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] < b; break;
        case OP_LE: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] <= b; break;
        case OP_GT: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] > b; break;
        case OP_GE: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] >= b; break;
        case OP_NOT: stack[sp - 1] = !stack[sp - 1]; break;
        case OP_JMP: pc = code[pc]; break;
        case OP_JZ: a = stack[--sp]; pc = a == 0 ? code[pc] : pc + 1; break;
        case OP_JNZ: a = stack[--sp]; pc = a != 0 ? code[pc] : pc + 1; break;
        case OP_LOAD: stack[sp++] = frames[fp].locals[code[pc++]]; break;
        case OP_STORE: frames[fp].locals[code[pc++]] = stack[--sp]; break;
        case OP_INC: frames[fp].locals[code[pc++]]++; break;
        case OP_DEC: frames[fp].locals[code[pc++]]--; break;
        case OP_GLOAD: a = stack[--sp]; stack[sp++] = globals[a & 8191]; break;
        case OP_GSTORE: a = stack[--sp]; b = stack[--sp]; globals[a & 8191] = b; break;
        case OP_CALL: {
            /* the callee's argument count is its operand; arguments move into its locals */
            int target = code[pc++], nargs = code[pc++];
            fp++;
            frames[fp].ret = pc;
            memset(frames[fp].locals, 0, sizeof frames[fp].locals);
            for (int i = nargs - 1; i >= 0; i--) frames[fp].locals[i] = stack[--sp];
            pc = target;
            break;
        }
        case OP_RET: pc = frames[fp--].ret; break;
        case OP_PRINT:
            a = stack[--sp];
            if (verbose) printf("  vm print %" PRId32 "\n", a);
            printed = printed * 31 + (uint32_t)a;
            break;
        default: printf("bad opcode %" PRId32 " at %d\n", op, pc - 1); return -1;
        }
    }
}

int main(void) {
    /* 1: sum of i*i for i < 1000, printing every 100th partial sum. */
    int p1 = code_len;
    E1(OP_PUSH, 0); E1(OP_STORE, 0); E1(OP_PUSH, 0); E1(OP_STORE, 1);
    int loop1 = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 1000); E0(OP_LT); int exit1 = E1(OP_JZ, 0);
    E1(OP_LOAD, 1); E1(OP_LOAD, 0); E0(OP_DUP); E0(OP_MUL); E0(OP_ADD); E1(OP_STORE, 1);
    E1(OP_LOAD, 0); E1(OP_PUSH, 100); E0(OP_MOD); int skip = E1(OP_JNZ, 0);
    E1(OP_LOAD, 1); E0(OP_PRINT);
    code[skip] = code_len;
    E1(OP_INC, 0); E1(OP_JMP, loop1);
    code[exit1] = code_len;
    E1(OP_LOAD, 1); E0(OP_PRINT); E0(OP_HALT);

    /* 2: sieve of Eratosthenes in globals up to 8000, printing the count and the last primes. */
    int p2 = code_len;
    E1(OP_PUSH, 2); E1(OP_STORE, 0);
    int outer = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 8000); E0(OP_LT); int exit2 = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); E0(OP_GLOAD); int notprime = E1(OP_JNZ, 0);
    E1(OP_INC, 2);
    E1(OP_LOAD, 0); E1(OP_PUSH, 7900); E0(OP_GT); int noprint = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); E0(OP_PRINT);
    code[noprint] = code_len;
    E1(OP_LOAD, 0); E0(OP_DUP); E0(OP_ADD); E1(OP_STORE, 1);
    int inner = code_len;
    E1(OP_LOAD, 1); E1(OP_PUSH, 8000); E0(OP_LT); int exit3 = E1(OP_JZ, 0);
    E1(OP_PUSH, 1); E1(OP_LOAD, 1); E0(OP_GSTORE);
    E1(OP_LOAD, 1); E1(OP_LOAD, 0); E0(OP_ADD); E1(OP_STORE, 1); E1(OP_JMP, inner);
    code[exit3] = code_len;
    code[notprime] = code_len;
    E1(OP_INC, 0); E1(OP_JMP, outer);
    code[exit2] = code_len;
    E1(OP_LOAD, 2); E0(OP_PRINT); E0(OP_HALT);

    /* 3: recursive factorial mod 2^32 and Fibonacci, called for 0..20. */
    int fact = code_len; /* fact(n) = n <= 1 ? 1 : n * fact(n-1) */
    E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_LE); int base = E1(OP_JNZ, 0);
    E1(OP_LOAD, 0); E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_SUB); emit(OP_CALL); emit(fact); emit(1); E0(OP_MUL); E0(OP_RET);
    code[base] = code_len;
    E1(OP_PUSH, 1); E0(OP_RET);
    int fibf = code_len; /* fib(n) = n < 2 ? n : fib(n-1) + fib(n-2) */
    E1(OP_LOAD, 0); E1(OP_PUSH, 2); E0(OP_LT); int fbase = E1(OP_JNZ, 0);
    E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_SUB); emit(OP_CALL); emit(fibf); emit(1);
    E1(OP_LOAD, 0); E1(OP_PUSH, 2); E0(OP_SUB); emit(OP_CALL); emit(fibf); emit(1); E0(OP_ADD); E0(OP_RET);
    code[fbase] = code_len;
    E1(OP_LOAD, 0); E0(OP_RET);
    int p3 = code_len;
    E1(OP_PUSH, 0); E1(OP_STORE, 0);
    int l3 = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 21); E0(OP_LT); int e3 = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); emit(OP_CALL); emit(fact); emit(1); E0(OP_PRINT);
    E1(OP_LOAD, 0); emit(OP_CALL); emit(fibf); emit(1); E0(OP_PRINT);
    E1(OP_INC, 0); E1(OP_JMP, l3);
    code[e3] = code_len;
    E0(OP_HALT);

    /* 4: GCDs by Euclid and Collatz lengths, with bit ops mixed in. */
    int gcd = code_len; /* gcd(a, b): while b: a, b = b, a % b */
    int g0 = code_len;
    E1(OP_LOAD, 1); int gend = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); E1(OP_LOAD, 1); E0(OP_MOD); E1(OP_LOAD, 1); E1(OP_STORE, 0); E1(OP_STORE, 1); E1(OP_JMP, g0);
    code[gend] = code_len;
    E1(OP_LOAD, 0); E0(OP_RET);
    int collatz = code_len; /* steps until n == 1 */
    E1(OP_PUSH, 0); E1(OP_STORE, 1);
    int c0 = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_NE); int cend = E1(OP_JZ, 0);
    E1(OP_INC, 1);
    E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_AND); int even = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); E1(OP_PUSH, 3); E0(OP_MUL); E1(OP_PUSH, 1); E0(OP_ADD); E1(OP_STORE, 0); E1(OP_JMP, c0);
    code[even] = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 1); E0(OP_SHR); E1(OP_STORE, 0); E1(OP_JMP, c0);
    code[cend] = code_len;
    E1(OP_LOAD, 1); E0(OP_RET);
    int p4 = code_len;
    E1(OP_PUSH, 1); E1(OP_STORE, 0);
    int l4 = code_len;
    E1(OP_LOAD, 0); E1(OP_PUSH, 300); E0(OP_LT); int e4 = E1(OP_JZ, 0);
    E1(OP_LOAD, 0); E1(OP_PUSH, 7919); E0(OP_MUL); E1(OP_LOAD, 0); E1(OP_PUSH, 104729); E0(OP_MUL); E1(OP_PUSH, 3);
    E0(OP_XOR); emit(OP_CALL); emit(gcd); emit(2); E0(OP_PRINT);
    E1(OP_LOAD, 0); emit(OP_CALL); emit(collatz); emit(1); E0(OP_PRINT);
    E1(OP_PUSH, 5); E1(OP_PUSH, 6); E1(OP_PUSH, 7); E0(OP_ROT); E0(OP_SUB); E0(OP_SWAP); E0(OP_OVER); E0(OP_NEG);
    E0(OP_OR); E0(OP_ADD); E0(OP_PRINT);
    E1(OP_INC, 0); E1(OP_JMP, l4);
    code[e4] = code_len;
    E0(OP_HALT);

    printf("code %d words\n", code_len);
    int entries[] = {p1, p2, p3, p4};
    for (int i = 0; i < 4; i++) {
        memset(globals, 0, sizeof globals);
        uint64_t h = run(entries[i], 1);
        printf("program %d: hash %" PRIu64 "\n", i + 1, h);
    }
    /* Run program 4 many times quietly: a pure dispatch workload. */
    uint64_t h = 0;
    for (int i = 0; i < 20; i++) h = h * 7 + run(p4, 0);
    printf("repeat hash %" PRIu64 "\n", h);
    for (int i = 0; i < OP_COUNT; i++) printf("%-6s %" PRIu64 "\n", op_names[i], executed[i]);
    return 0;
}
