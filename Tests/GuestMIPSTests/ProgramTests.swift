// Whole programs: a freestanding C program (no libc; its own write and exit system calls)
// compiled by the cross gcc at several optimization levels and FPU ABIs, for both byte
// orders, run here on both backends with a two-call system-call shim, and by qemu-mips; the
// outputs must be equal. It sorts, does 64-bit, FP and packed (unaligned) arithmetic, so the
// code is the compiler's own: filled delay slots, jump tables, FR=0 pairs and FR=1 registers.

import Foundation
@testable import GuestMIPS
import IR
import Testing
import TestTools
import TestBackends

@Suite(.enabled(if: QEMUOracle.available, QEMUOracle.missing))
struct ProgramTests {
    static let options: [[String]] = [["-O0"], ["-O2"], ["-O3", "-mbranch-likely"], ["-O2", "-mfp64"], ["-O2", "-mnan=2008", "-mfp64"]]

    /// The ELF's PT_LOAD segments placed in a machine's memory, the pc at its entry, the mode
    /// from its header (byte order, NaN2008) and `fr` (the FP ABI is in .MIPS.abiflags, which
    /// this small loader does not read).
    static func load(_ elf: [UInt8], fr: Bool) throws -> GuestMachine {
        let bigEndian = elf[5] == 2
        func word(_ at: Int) -> UInt32 {
            let v = (0..<4).reduce(UInt32(0)) { $0 | UInt32(elf[at + $1]) << UInt32(8 * $1) }
            return bigEndian ? v.byteSwapped : v
        }
        func half(_ at: Int) -> Int { Int(bigEndian ? UInt16(elf[at]) << 8 | UInt16(elf[at + 1]) : UInt16(elf[at + 1]) << 8 | UInt16(elf[at])) }
        let flags = word(36)
        var mode: MIPSMode = bigEndian ? .bigEndian : []
        if flags & 0x400 != 0 { mode.insert(.nan2008) }  // EF_MIPS_NAN2008
        let m = GuestMachine(code: [], mode: mode)
        let phoff = Int(word(28)), phentsize = half(42), phnum = half(44)
        var low = UInt32.max, high: UInt32 = 0
        for i in 0..<phnum {
            let ph = phoff + i * phentsize
            guard word(ph) == 1 else { continue }  // PT_LOAD
            let offset = Int(word(ph + 4)), address = word(ph + 8), fileSize = Int(word(ph + 16)), memorySize = word(ph + 20)
            guard Int(address) + Int(memorySize) < GuestMachine.memorySize - 0x10000 else {
                throw Assembler.Failure(description: "segment at 0x\(String(address, radix: 16)) does not fit")
            }
            m.setBytes(address, Array(elf[offset..<offset + fileSize]))
            low = min(low, address)
            high = max(high, address + memorySize)
        }
        m.code = CodeWindow(memory: m.memory, start: low, end: high)
        m.state.pc = word(24)
        if fr { m.state.setFRMode(true) }
        return m
    }

    /// Runs the program to its exit; what it wrote to fd 1.
    static func run(_ m: GuestMachine, on backend: Backend) -> Result<[UInt8], Assembler.Failure> {
        let cache = BlockCache()
        var output: [UInt8] = []
        while true {
            let run = m.run(on: backend, blockLimit: 1_000_000, cache: cache)
            guard case .exit(.syscall, _) = run.end else {
                return .failure(Assembler.Failure(description: "\(backend): \(run.end) at 0x\(String(m.state.pc, radix: 16)) \(run.error ?? "")"))
            }
            switch m[2] {
            case 4001:
                return .success(output)
            case 4004:
                output += m.bytes(m[5], Int(m[6]))
                m[2] = m[6]
                m[7] = 0
            default:
                return .failure(Assembler.Failure(description: "unexpected system call \(m[2])"))
            }
        }
    }

    @Test(arguments: byteOrders, 0..<5)
    func freestandingProgram(bigEndian: Bool, variant: Int) throws {
        let directory = try Tools.temporaryDirectory("GuestMIPSTests-program")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("program.c").path, binary = directory.appendingPathComponent("program").path
        try Self.program.write(toFile: source, atomically: true, encoding: .utf8)
        guard let gcc = QEMUOracle.compiler(bigEndian: bigEndian), let qemu = QEMUOracle.qemu(bigEndian: bigEndian) else { return }
        _ = try Tools.run(gcc, ["-mips32r2"] + Self.options[variant] + ["-fno-math-errno", "-ffreestanding", "-nostdlib", "-static",
                                        "-mno-abicalls", "-fno-pic", "-Wl,-Ttext-segment=0x10000", "-o", binary, source])
        let expected = try Tools.run("/bin/sh", ["-c", "'\(qemu)' '\(binary)'"])
        #expect(expected.count > 500, "qemu's output is short: \(expected)")
        let elf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: binary)))
        for backend in Backend.allCases {
            let m = try Self.load(elf, fr: Self.options[variant].contains("-mfp64"))
            m.state.sp = GuestMachine.stackTop
            switch Self.run(m, on: backend) {
            case .success(let output):
                #expect(String(decoding: output, as: UTF8.self) == expected, "\(backend) \(Self.options[variant])")
            case .failure(let failure):
                Issue.record("\(Self.options[variant]): \(failure)")
            }
        }
    }

    static let program = #"""
typedef unsigned int u32; typedef unsigned long long u64;
static long sys3(long n, long a, long b, long c) {
    register long v0 __asm__("$2") = n; register long a0 __asm__("$4") = a; register long a1 __asm__("$5") = b;
    register long a2 __asm__("$6") = c; register long a3 __asm__("$7");
    __asm__ volatile("syscall" : "+r"(v0), "=r"(a3) : "r"(a0), "r"(a1), "r"(a2) : "memory", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15", "$24", "$25", "hi", "lo");
    return v0;
}
static char out[4096]; static int used;
static void put(char c) { out[used++] = c; if (used == sizeof out) { sys3(4004, 1, (long)out, used); used = 0; } }
static void puts_(const char *s) { while (*s) put(*s++); }
static void hex(u64 v, int digits) { for (int i = digits - 1; i >= 0; i--) put("0123456789abcdef"[(v >> (4 * i)) & 15]); }
static void dec(int v) { char b[16]; int n = 0; u32 u = v < 0 ? -(u32)v : (u32)v; do b[n++] = '0' + u % 10; while (u /= 10); if (v < 0) put('-'); while (n) put(b[--n]); }
static void dbl(double d) { union { double d; u64 u; } x = { d }; hex(x.u, 16); put(' '); }
static void flt(float f) { union { float f; u32 u; } x = { f }; hex(x.u, 8); put(' '); }
static u32 seed = 12345;
static u32 rnd(void) { seed = seed * 1103515245 + 12345; return seed; }
__attribute__((noinline)) static int sorted(int *a, int n) { for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) return 0; return 1; }
__attribute__((noinline)) static void sort(int *a, int n) { for (int i = 1; i < n; i++) { int v = a[i], j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; } }
__attribute__((noinline)) static double poly(double x) { double r = 0; for (int i = 10; i >= 0; i--) r = r * x + 1.0 / (i + 1); return r; }
__attribute__((noinline)) static float polyf(float x) { float r = 0; for (int i = 7; i >= 0; i--) r = r * x - 0.5f / (i + 1); return r; }
__attribute__((noinline)) static u64 mix64(u64 a, u64 b) { return a * b + (a >> 7) + ((a ^ b) >> 13) * 3; }
__attribute__((noinline)) static int ops(int a, int b) { return (a * b) ^ (a / (b | 1)) ^ (a % (b | 1)) ^ (a << (b & 31)) ^ (a >> (b & 31)) ^ ((unsigned)a >> (b & 15)); }
__attribute__((noinline)) static int dispatch(int op, int a, int b) {
    switch (op) { case 0: return a + b; case 1: return a - b; case 2: return a * b; case 3: return a & b; case 4: return a | b;
                  case 5: return a ^ b; case 6: return a < b; case 7: return a >> 3; default: return -1; }
}
struct packed { char c; int i; short s; } __attribute__((packed));
__attribute__((noinline)) static int unaligned(struct packed *p) { p->i += 0x01020304; p->s ^= 0x5a5a; return p->i + p->s; }
void __start(void) {
    int a[64];
    for (int i = 0; i < 64; i++) a[i] = (int)(rnd() >> 8) - 0x400000;
    sort(a, 64);
    puts_("sorted "); dec(sorted(a, 64)); put(' '); dec(a[0]); put(' '); dec(a[63]); put('\n');
    for (int i = 0; i < 12; i++) {
        double x = (double)(int)rnd() / 1e6; float f = (float)(int)rnd() / 1e5f;
        dbl(poly(x)); dbl(x * 3.5 - 1 / x); dbl(__builtin_sqrt(x < 0 ? -x : x)); flt(polyf(f)); flt(f / 3 + (float)x);
        dec((int)(x * 100)); put(' '); dec((int)(x * 1e3)); put(' '); dec((unsigned)(f < 0 ? -f : f)); put(' ');
        dec(x < f); dec(x <= f); dec(x == x); dec(f > 0.5f); put('\n');
        u64 m = mix64(((u64)rnd() << 32) | rnd(), ((u64)rnd() << 32) | rnd()); hex(m, 16); put(' ');
        dec(ops((int)rnd(), (int)rnd())); put(' '); dec(dispatch(i % 9, (int)rnd(), (int)rnd())); put(' ');
        dec(__builtin_clz(rnd() | 1)); put(' '); { u32 v = rnd(); int c = 0; while (v) { c += v & 1; v >>= 1; } dec(c); } put(' ');
        hex(__builtin_bswap32(rnd()), 8); put('\n');
    }
    struct packed p[3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int s = 0; for (int i = 0; i < 3; i++) s += unaligned(&p[i]);
    puts_("unaligned "); dec(s); put('\n');
    sys3(4004, 1, (long)out, used);
    sys3(4001, 0, 0, 0);
    for (;;) {}
}
"""#
}
