/* A switch-dispatched bytecode interpreter (a 16-register machine) running a program that
 * clears, sieves and counts primes below ~10000 in a loop: an indirect jump per bytecode,
 * loads of the decoded fields, short data-dependent branches.
 * bench-group: int */
#include "bench.h"

enum { BASE_ROUNDS = 2000, MEMORY_WORDS = 16384, LIMIT = 10000, MAX_CODE = 128 };

typedef enum {
    OP_HALT, OP_LI, OP_MOV, OP_ADD, OP_ADDI, OP_SUB, OP_MUL, OP_AND, OP_ANDI, OP_XOR,
    OP_SHR, OP_LOAD, OP_STORE, OP_BLT, OP_BGE, OP_BNE, OP_JMP,
} Opcode;

typedef struct {
    uint8_t op, a, b, c;
    int32_t imm;   /* immediate, shift amount or branch target */
} Insn;

static Insn code[MAX_CODE];
static int code_size;
static uint32_t memory[MEMORY_WORDS];

static int emit(Opcode op, int a, int b, int c, int32_t imm) {
    if (code_size == MAX_CODE) { puts("interp: program too long"); exit(1); }
    code[code_size] = (Insn){ (uint8_t)op, (uint8_t)a, (uint8_t)b, (uint8_t)c, imm };
    return code_size++;
}

/* Points the branch at `at` to the next instruction emitted. */
static void patch_here(int at) { code[at].imm = code_size; }

static void run(const Insn *program, uint32_t *r, uint32_t *mem) {
    const Insn *pc = program;
    for (;;) {
        const Insn *i = pc++;
        switch ((Opcode)i->op) {
        case OP_HALT: return;
        case OP_LI: r[i->a] = (uint32_t)i->imm; break;
        case OP_MOV: r[i->a] = r[i->b]; break;
        case OP_ADD: r[i->a] = r[i->b] + r[i->c]; break;
        case OP_ADDI: r[i->a] = r[i->b] + (uint32_t)i->imm; break;
        case OP_SUB: r[i->a] = r[i->b] - r[i->c]; break;
        case OP_MUL: r[i->a] = r[i->b] * r[i->c]; break;
        case OP_AND: r[i->a] = r[i->b] & r[i->c]; break;
        case OP_ANDI: r[i->a] = r[i->b] & (uint32_t)i->imm; break;
        case OP_XOR: r[i->a] = r[i->b] ^ r[i->c]; break;
        case OP_SHR: r[i->a] = r[i->b] >> (i->imm & 31); break;
        case OP_LOAD: r[i->a] = mem[r[i->b] & (MEMORY_WORDS - 1)]; break;
        case OP_STORE: mem[r[i->b] & (MEMORY_WORDS - 1)] = r[i->a]; break;
        case OP_BLT: if (r[i->a] < r[i->b]) pc = program + i->imm; break;
        case OP_BGE: if (r[i->a] >= r[i->b]) pc = program + i->imm; break;
        case OP_BNE: if (r[i->a] != r[i->b]) pc = program + i->imm; break;
        case OP_JMP: pc = program + i->imm; break;
        default: puts("interp: bad opcode"); exit(1);
        }
    }
}

/* Registers: r0 = 0, r8 = 1 (constants); r1 round, r2 rounds, r3 i, r4 j, r5 limit,
 * r6 prime count, r7 running hash, r9-r11 scratch. */
static void assemble(uint32_t rounds) {
    emit(OP_LI, 0, 0, 0, 0);
    emit(OP_LI, 8, 0, 0, 1);
    emit(OP_LI, 11, 0, 0, 31);
    emit(OP_LI, 2, 0, 0, (int32_t)rounds);
    emit(OP_LI, 1, 0, 0, 0);
    emit(OP_LI, 7, 0, 0, 0x12345);
    int outer = code_size;
    emit(OP_ANDI, 9, 1, 0, 7);             /* limit = LIMIT + (round & 7) */
    emit(OP_ADDI, 5, 9, 0, LIMIT);
    emit(OP_LI, 3, 0, 0, 0);
    int clear = code_size;                 /* mem[0..<limit] = 0 */
    emit(OP_STORE, 0, 3, 0, 0);
    emit(OP_ADDI, 3, 3, 0, 1);
    emit(OP_BLT, 3, 5, 0, clear);
    emit(OP_LI, 3, 0, 0, 2);
    int sieve = code_size;                 /* for i = 2; i*i < limit; i++ */
    emit(OP_MUL, 9, 3, 3, 0);
    int to_count = emit(OP_BGE, 9, 5, 0, 0);
    emit(OP_LOAD, 10, 3, 0, 0);
    int to_next = emit(OP_BNE, 10, 0, 0, 0);
    emit(OP_MOV, 4, 9, 0, 0);
    int mark = code_size;                  /* for j = i*i; j < limit; j += i: mem[j] = 1 */
    emit(OP_STORE, 8, 4, 0, 0);
    emit(OP_ADD, 4, 4, 3, 0);
    emit(OP_BLT, 4, 5, 0, mark);
    patch_here(to_next);
    emit(OP_ADDI, 3, 3, 0, 1);
    emit(OP_JMP, 0, 0, 0, sieve);
    patch_here(to_count);
    emit(OP_LI, 3, 0, 0, 2);
    emit(OP_LI, 6, 0, 0, 0);
    int count = code_size;                 /* count primes, hash = hash * 31 ^ i */
    emit(OP_LOAD, 10, 3, 0, 0);
    int to_skip = emit(OP_BNE, 10, 0, 0, 0);
    emit(OP_ADDI, 6, 6, 0, 1);
    emit(OP_MUL, 7, 7, 11, 0);
    emit(OP_XOR, 7, 7, 3, 0);
    patch_here(to_skip);
    emit(OP_ADDI, 3, 3, 0, 1);
    emit(OP_BLT, 3, 5, 0, count);
    emit(OP_ADD, 7, 7, 6, 0);              /* mix the count in */
    emit(OP_SHR, 9, 7, 0, 7);
    emit(OP_XOR, 7, 7, 9, 0);
    emit(OP_ADDI, 1, 1, 0, 1);
    emit(OP_BLT, 1, 2, 0, outer);
    emit(OP_HALT, 0, 0, 0, 0);
}

int main(int argc, char **argv) {
    uint32_t rounds = bench_count(argc, argv, BASE_ROUNDS);
    uint32_t registers[16] = { 0 };
    assemble(rounds);
    run(code, registers, memory);
    /* 1229 primes below 10000, and none from 10000 to 10006. */
    if (registers[6] != 1229) {
        puts("interp: wrong prime count");
        return 1;
    }
    printf("interp rounds %u primes %u hash %08x\n", rounds, registers[6], registers[7]);
    bench_result("interp", bench_fold_numbers(BENCH_FOLD_INIT, registers, sizeof registers, 4));
    return 0;
}
