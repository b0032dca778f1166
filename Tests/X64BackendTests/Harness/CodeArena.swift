// Executable memory for the tests, placed the way the engine places code (Engine+JIT.swift
// `place`): the trampoline first, then compiled blocks whose exit-stub references are resolved
// to the trampoline's exit. One read-write-execute mapping is enough here (the engine uses two
// views for W^X). Besides the trampoline it holds two pieces of test code:
//
// - the lookup-hit stub, which the tests plant in the jump cache under the key a block's
//   `lookup_and_goto` should look up: reaching it proves the probe matched pc and flags, and
//   it leaves with kind `lookupHitKind | flags << 8` and payload pc;
// - the clobbering helper, a SysV function that records its arguments in the guest state,
//   returns a mix of them with garbage in every bit, and destroys every caller-saved general
//   and XMM register, so a value the JIT wrongly keeps in one across a call is lost.

import Glibc
import X64Assembler
import X64Backend

final class CodeArena {
    static let size = 16 << 20
    static let lookupHitKind: UInt64 = 0x55
    /// Where the clobbering helper records its arguments a, b, c and counts its calls (state
    /// offsets; the random blocks leave these bytes alone otherwise).
    static let clobberRecord = 928

    let base: UnsafeMutableRawPointer
    private(set) var used = 0
    let entry: UnsafeRawPointer
    let exitStub: UnsafeRawPointer
    let lookupHitStub: UnsafeRawPointer
    let clobberHelper: UInt64
    private var fixed = 0

    init() {
        guard let p = mmap(nil, Self.size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              p != MAP_FAILED else { fatalError("no executable memory for the JIT tests") }
        base = p
        let trampoline = Trampoline.make()
        let t = Self.copy(trampoline.bytes, to: base, at: 0)
        entry = UnsafeRawPointer(base + t + trampoline.entryOffset)
        exitStub = UnsafeRawPointer(base + t + trampoline.exitOffset)
        used = t + trampoline.bytes.count

        // Lookup hit: rax = pc, rdx = flags (zero-extended).
        var a = Assembler(capacity: 256)
        a.mov(GPR.rcx.dword, GPR.rdx.dword)
        a.shl(GPR.rcx, imm8: 8)
        a.or(GPR.rcx, Int32(Self.lookupHitKind))
        a.mov(GPR.rdx, GPR.rax)
        a.mov(GPR.rax, GPR.rcx)
        let site = a.jmpPatchSite()
        let hitCode = a.bytes
        let h = Self.copy(hitCode, to: base, at: used)
        lookupHitStub = UnsafeRawPointer(base + h)
        Self.aim(base + h + site.offset, at: exitStub)
        used = h + hitCode.count

        // Clobbering helper: (state rdi, a rsi, b rdx, c rcx) -> rax.
        var c = Assembler(capacity: 512)
        let record = Int32(Self.clobberRecord)
        c.mov(.qword(GPR.rdi, record), GPR.rsi)
        c.mov(.qword(GPR.rdi, record + 8), GPR.rdx)
        c.mov(.qword(GPR.rdi, record + 16), GPR.rcx)
        c.add(.qword(GPR.rdi, record + 24), Int32(1))
        // rax = a ^ rol(b, 17) ^ rol(c, 41) ^ 0x9e3779b97f4a7c15, every bit depends on the inputs.
        c.mov(GPR.rax, GPR.rdx)
        c.rol(GPR.rax, imm8: 17)
        c.xor(GPR.rax, GPR.rsi)
        c.mov(GPR.r8, GPR.rcx)
        c.rol(GPR.r8, imm8: 41)
        c.xor(GPR.rax, GPR.r8)
        c.mov(GPR.r8, 0x9e37_79b9_7f4a_7c15)
        c.xor(GPR.rax, GPR.r8)
        // Destroy the caller-saved registers.
        c.mov(GPR.r8, 0xdead_beef_bad0_f00d)
        for r in [GPR.rcx, .rdx, .rsi, .rdi, .r9, .r10, .r11] { c.mov(r, GPR.r8) }
        for x in 0..<16 { c.movq(XMM(UInt8(x)), GPR.r8) }
        c.ret()
        let clobber = c.bytes
        let k = Self.copy(clobber, to: base, at: used)
        clobberHelper = UInt64(UInt(bitPattern: base + k))
        used = k + clobber.count
        fixed = used
    }

    deinit { munmap(base, Self.size) }

    private static func copy(_ bytes: [UInt8], to base: UnsafeMutableRawPointer, at offset: Int) -> Int {
        let start = (offset + 63) & ~63
        bytes.withUnsafeBytes { (base + start).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return start
    }

    /// Points the rel32 field at `field` to `target`.
    static func aim(_ field: UnsafeMutableRawPointer, at target: UnsafeRawPointer) {
        let displacement = Int64(Int(bitPattern: target) - Int(bitPattern: field + 4))
        field.storeBytes(of: Int32(truncatingIfNeeded: displacement), as: Int32.self)
    }

    /// Places a compiled block; the code's executable address. Starts over when full (the
    /// caller uses one block at a time).
    func place(_ code: CompiledCode) -> UnsafeMutableRawPointer {
        if (used + 63) & ~63 + code.bytes.count > Self.size { used = fixed }
        let start = Self.copy(code.bytes, to: base, at: used)
        used = start + code.bytes.count
        for offset in code.exitStubReferences { Self.aim(base + start + offset, at: exitStub) }
        return base + start
    }
}
