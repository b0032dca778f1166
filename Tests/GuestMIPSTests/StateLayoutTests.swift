// The MIPS guest-state layout is declared once as offsets (MIPSState); translated code and
// Swift code both depend on them. These tests pin every offset, check that no two fields share
// a byte, and that the FPR views of both FR modes alias the way the architecture pairs them.

@testable import GuestMIPS
import IR
import Testing

@Suite struct StateLayoutTests {
    /// Every field: (name, offset, size in bytes).
    static var fields: [(String, Int, Int)] {
        var f: [(String, Int, Int)] = (0..<32).map { ("gpr\($0)", MIPSState.gpr($0), 4) }
        f += [
            ("pc", MIPSState.pc, 4), ("hi", MIPSState.hi, 4), ("lo", MIPSState.lo, 4),
            ("fcsr", MIPSState.fcsr, 4), ("fcc", MIPSState.fcc, 4), ("userLocal", MIPSState.userLocal, 4),
            ("exitRequest", MIPSState.exitRequest, 4), ("mode", MIPSState.mode, 4),
            ("llAddress", MIPSState.llAddress, 8), ("llValue", MIPSState.llValue, 8),
            ("memoryBase", MIPSState.memoryBase, 8),
        ]
        f += (0..<32).map { ("fpr\($0)", MIPSState.fpr64($0, fr: true), 8) }
        return f
    }

    @Test func offsetsArePinned() {
        for n in 0..<32 { #expect(MIPSState.gpr(n) == n * 4) }
        #expect(MIPSState.sp == 116)
        #expect(MIPSState.ra == 124)
        #expect(MIPSState.pc == 128)
        #expect(MIPSState.hi == 132)
        #expect(MIPSState.lo == 136)
        #expect(MIPSState.fcsr == 140)
        #expect(MIPSState.fcc == 144)
        #expect(MIPSState.userLocal == 148)
        #expect(MIPSState.exitRequest == 152)
        #expect(MIPSState.mode == 156)
        #expect(MIPSState.llAddress == 160)
        #expect(MIPSState.llValue == 168)
        #expect(MIPSState.memoryBase == 176)
        for n in 0..<32 {
            #expect(MIPSState.fpr64(n, fr: true) == 256 + 8 * n)
            #expect(MIPSState.fpr32(n, fr: true) == 256 + 8 * n)
            #expect(MIPSState.fpr32(n, fr: false) == 256 + 4 * n)
        }
        #expect(MIPSState.size == 512)
        #expect(MIPSMode.all.rawValue == 0xf)
    }

    @Test func fieldsDoNotOverlapAndFit() {
        var owner = [String?](repeating: nil, count: MIPSState.size)
        for (name, offset, size) in Self.fields {
            #expect(offset % size == 0, "\(name) at \(offset) is not aligned to its size \(size)")
            #expect(offset >= 0 && offset + size <= MIPSState.size, "\(name) lies outside the block")
            for byte in offset..<min(offset + size, MIPSState.size) {
                #expect(owner[byte] == nil, "\(name) overlaps \(owner[byte] ?? "")")
                owner[byte] = name
            }
        }
        let p = MIPSStatePointer.allocate()
        defer { p.deallocate() }
        #expect(Int(bitPattern: p.raw) % 16 == 0)
    }

    /// FR=0: a double is the pair FPR n+1:FPR n, the even register the low word, and the pair
    /// is one 64-bit field; FR=1: each FPR is 64 bits, a single its low word.
    @Test func fprViewsAliasAsTheArchitecturePairs() {
        let p = MIPSStatePointer.allocate()
        defer { p.deallocate() }
        for n in stride(from: 0, to: 32, by: 2) {
            p[fpr64: n] = 0x1111_2222_3333_4444 &* UInt64(n + 1)
            #expect(p[fpr32: n] == UInt32(truncatingIfNeeded: p[fpr64: n]))
            #expect(p[fpr32: n + 1] == UInt32(p[fpr64: n] >> 32))
            #expect(MIPSState.fpr64(n, fr: false) == MIPSState.fpr32(n, fr: false))
            #expect(MIPSState.fpr32(n + 1, fr: false) == MIPSState.fpr32(n, fr: false) + 4)
        }
        p.setFRMode(true)
        for n in 0..<32 {
            p[fpr64: n] = 0xaaaa_0000_0000_0000 | UInt64(n)
            #expect(p[fpr32: n] == UInt32(n))
        }
        // Switching modes keeps every register's low word.
        p.setFRMode(false)
        for n in 0..<32 { #expect(p[fpr32: n] == UInt32(n)) }
        p.setFRMode(true)
        for n in 0..<32 { #expect(p[fpr64: n] == UInt64(n)) }
    }

    @Test func allocateStartsZeroedWithNoLink() {
        let p = MIPSStatePointer.allocate()
        defer { p.deallocate() }
        for offset in stride(from: 0, to: MIPSState.size, by: 8) where offset != MIPSState.llAddress {
            #expect(p.raw.load(fromByteOffset: offset, as: UInt64.self) == 0, "byte \(offset) not zero")
        }
        #expect(p.raw.load(fromByteOffset: MIPSState.llAddress, as: UInt64.self) == ~0)
    }

    @Test func typedAccessorsUseTheOffsets() {
        let p = MIPSStatePointer.allocate()
        defer { p.deallocate() }
        func word(_ o: Int) -> UInt32 { p.raw.load(fromByteOffset: o, as: UInt32.self) }
        for n in 1..<32 {
            p[gpr: n] = 0x100 + UInt32(n)
            #expect(word(MIPSState.gpr(n)) == 0x100 + UInt32(n))
        }
        p[gpr: 0] = 5
        #expect(word(MIPSState.gpr(0)) == 0, "GPR 0 stays zero")
        p.pc = 0x40_0000
        #expect(word(MIPSState.pc) == 0x40_0000)
        p.hi = 7
        p.lo = 8
        #expect(word(MIPSState.hi) == 7 && word(MIPSState.lo) == 8)
        p.userLocal = 0xcafe
        #expect(word(MIPSState.userLocal) == 0xcafe)
        p.exitRequest = true
        #expect(word(MIPSState.exitRequest) == 1)
        p.mode = [.bigEndian, .nan2008]
        #expect(word(MIPSState.mode) == 5)
        let base = UnsafeMutableRawPointer(bitPattern: 0x7f00_1234_5000)
        p.memoryBase = base
        #expect(p.raw.load(fromByteOffset: MIPSState.memoryBase, as: UInt64.self) == 0x7f00_1234_5000)
        #expect(p.memoryBase == base)
        p.raw.storeBytes(of: UInt64(0x1000), toByteOffset: MIPSState.llAddress, as: UInt64.self)
        p.clearLink()
        #expect(p.raw.load(fromByteOffset: MIPSState.llAddress, as: UInt64.self) == ~0)
    }

    /// The block key's flags are the mode bits, and nothing else of the state.
    @Test func blockKeysCarryTheMode() {
        let p = MIPSStatePointer.allocate()
        defer { p.deallocate() }
        p.pc = 0x40_1230
        for raw in 0..<16 {
            p.mode = MIPSMode(rawValue: UInt32(raw))
            let key = MIPSFrontend().blockKey(state: UnsafeRawPointer(p.raw))
            #expect(key == BlockKey(pc: 0x40_1230, flags: UInt32(raw)))
        }
    }
}
