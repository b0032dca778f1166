// Guest memory: load, store and cmpxchg for every MemOp (size, sign, byte order, alignment
// bit) and value type, through i32 and i64 addresses with displacements that are zero, small,
// negative, wider than 32 bits, and that wrap: an i32 address wraps at 4 GiB, an i64 one at
// 2^64. Addresses are aligned and unaligned, so the alignment bit's fault is exercised too.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: guest memory")
struct MemoryTests {
    /// A displacement and base addresses that, with it, land inside the 64 KiB window.
    struct Addressing {
        var type: IRType
        var displacement: UInt64
        var bases: [UInt64]
    }

    static func offsets(_ base: UInt64) -> [UInt64] { (0..<8).map { base &+ $0 } }

    static let addressings: [Addressing] = [
        Addressing(type: .i32, displacement: 0, bases: offsets(0x1000) + offsets(0xeff8)),
        Addressing(type: .i32, displacement: 0x10, bases: offsets(0x2000)),
        Addressing(type: .i32, displacement: 0xffff_ffff_ffff_fff0, bases: offsets(0x3000)),
        Addressing(type: .i32, displacement: 0x200, bases: offsets(0xffff_ff00)),  // wraps at 4 GiB
        Addressing(type: .i32, displacement: 0xffff_f000, bases: offsets(0x5000)),  // wraps at 4 GiB
        Addressing(type: .i32, displacement: 0x1_0000_0010, bases: offsets(0x6000)),  // bits above 31 drop
        Addressing(type: .i64, displacement: 0, bases: offsets(0x1000)),
        Addressing(type: .i64, displacement: 0x7ff0, bases: offsets(0x10)),
        Addressing(type: .i64, displacement: 0xffff_ffff_ffff_fff0, bases: offsets(0x3000)),
        Addressing(type: .i64, displacement: 0x200, bases: offsets(0xffff_ffff_ffff_ff00)),  // wraps at 2^64
        Addressing(type: .i64, displacement: 0xffff_ffff_0000_0000, bases: offsets(0x1_0000_7000)),  // not an imm32
        Addressing(type: .i64, displacement: 0x8000_0000, bases: offsets(0xffff_ffff_8000_8000)),  // not an imm32
    ]

    static func effectiveAddress(_ base: UInt64, _ a: Addressing) -> Int {
        let ea = base &+ a.displacement
        return Int(a.type == .i32 ? ea & 0xffff_ffff : ea)
    }

    /// Every MemOp: sizes 1-8, signed or not, little or big endian, alignment bit or not.
    static var memops: [MemOp] {
        [1, 2, 4, 8].flatMap { size in
            [false, true].flatMap { signed in
                [false, true].flatMap { be in
                    [false, true].map { MemOp(size: size, signed: signed, bigEndian: be, aligned: $0) }
                }
            }
        }
    }

    /// The value types a MemOp can load or store (an integer type at least as wide, or the float
    /// of its size). `load.i32 u64` is defined (the low half), `store.i32 u64` unspecified.
    static func types(_ m: MemOp, store: Bool) -> [IRType] {
        var t: [IRType] = [.i64]
        if m.size <= 4 || !store { t.append(.i32) }
        if m.size == 4 { t.append(.f32) }
        if m.size == 8 { t.append(.f64) }
        return t
    }

    /// The MemOp's value at `ea` in `memory`, as the interpreter reads it (before extension).
    static func read(_ memory: [UInt8], _ ea: Int, _ m: MemOp) -> UInt64 {
        var v: UInt64 = 0
        for i in 0..<m.size {
            let byte = UInt64(memory[ea + i])
            v |= m.isBigEndian ? byte << UInt64(8 * (m.size - 1 - i)) : byte << UInt64(8 * i)
        }
        return v
    }

    func run(_ kind: Opcode, _ m: MemOp) -> [String] {
        var reports: [String] = []
        var rng = SplitMix64(seed: UInt64(m.rawValue) &* 131 &+ UInt64(kind.rawValue))
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for addressing in Self.addressings {
                for type in Self.types(m, store: kind != .load) where kind != .cmpxchg || type.isInteger {
                    var images: [GuestImage] = []
                    for base in addressing.bases {
                        let ea = Self.effectiveAddress(base, addressing)
                        precondition(ea >= 0 && ea + 8 <= GuestBuffers.windowSize)
                        let old = Self.read(GuestImage.patterned.memory, ea, m)
                        // The expected value matching in its low bytes (and not above them), or not.
                        let high = m.size == 8 ? 0 : (rng.next() << UInt64(8 * m.size))
                        let mask: UInt64 = type.bits == 32 ? 0xffff_ffff : ~0
                        images.append(Kernel.image([base, (old | high) & mask, rng.value(type)]))
                        images.append(Kernel.image([base, old & mask, rng.value(type)]))
                        images.append(Kernel.image([base, rng.value(type), rng.value(type)]))
                    }
                    for shape in Shape.allCases {
                        let block = Kernel.block(inputs: [addressing.type, type, type], shape: shape) { b, v in
                            switch kind {
                            case .load:
                                return b.load(m, type, address: v[0], offset: addressing.displacement)
                            case .store:
                                b.store(m, address: v[0], offset: addressing.displacement, v[1])
                                return nil
                            default:
                                // The builder's cmpxchg has no displacement: add it to the address.
                                let address = addressing.displacement == 0 ? v[0]
                                    : b.add(v[0], b.constant(addressing.type, addressing.displacement))
                                return b.cmpxchg(m, address: address, expected: v[1], new: v[2])
                            }
                        }
                        reports += d.sweep(block, images, limit: 1)
                        if reports.count >= 2 { return reports }
                    }
                }
            }
        }
        return reports
    }

    static let defined = memops.filter { $0.size > 1 || !$0.isBigEndian }

    @Test("load", arguments: defined)
    func load(m: MemOp) {
        let reports = run(.load, m)
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("store", arguments: defined)
    func store(m: MemOp) {
        let reports = run(.store, m)
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("cmpxchg", arguments: defined.filter { !$0.isSigned })
    func cmpxchg(m: MemOp) {
        let reports = run(.cmpxchg, m)
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("fence, and a constant address")
    func fenceAndConstantAddress() {
        let d = Differential()
        var reports: [String] = []
        for address in [UInt64(0x100), 0x103, 0xfff8] {
            let block = Kernel.block(inputs: [.i64]) { b, v in
                b.fence()
                b.store(.u64, address: b.const32(UInt32(address)), v[0])
                b.fence()
                return b.load(MemOp(size: 4, signed: true, bigEndian: true), .i64, address: b.const64(address), offset: 2)
            }
            reports += d.sweep(block, Operands.integers.map { Kernel.image([$0]) }, limit: 1)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }
}
