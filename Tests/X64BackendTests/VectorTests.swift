// v128 values and the lane ops: every op at every lane size it has, in registers and spilled,
// over random bit patterns and lanes that repeat (so equal-lane comparisons happen); the
// vector float ops over lanes drawn from the special floats (NaNs, subnormals, infinities,
// zeros, extremes), whose slow path must give the interpreter's results and flags.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: v128")
struct VectorTests {
    static let flagsOffset = 560

    /// Images whose inputs 0 and 1 are 16-byte vectors.
    static func images(seed: UInt64, count: Int = 120, floats: Bool = false) -> [GuestImage] {
        var rng = SplitMix64(seed: seed)
        var out: [GuestImage] = []
        for n in 0..<count {
            var image = GuestImage.patterned
            for i in 0..<2 {
                for half in 0..<2 {
                    var word: UInt64
                    if floats {
                        let lo = UInt64(Operands.floats32[Int(rng.next() % UInt64(Operands.floats32.count))])
                        let hi = rng.next() % 3 == 0 ? UInt64(UInt32(truncatingIfNeeded: rng.next()))
                            : UInt64(Operands.floats32[Int(rng.next() % UInt64(Operands.floats32.count))])
                        word = lo | hi << 32
                    } else {
                        word = rng.next()
                        // Every third image: the second input repeats the first's lanes in part.
                        if i == 1 && n % 3 == 0 { word = image.state.load64(16 * half) ^ (rng.next() & 0x00ff_0000_ff00_00ff) }
                    }
                    image.set64(16 * i + 8 * half, word)
                }
            }
            out.append(image)
        }
        return out
    }

    static func check(seed: UInt64, floats: Bool = false, inputs: [IRType] = [.v128, .v128],
                      _ build: (inout IRBuilder, [Value]) -> Value?) -> [String] {
        let images = Self.images(seed: seed, floats: floats)
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for shape in Shape.allCases {
                reports += d.sweep(Kernel.block(inputs: inputs, shape: shape, build), images, limit: 1)
                if !reports.isEmpty { return reports }
            }
        }
        return reports
    }

    @Test("vand, vor, vxor, vandc", arguments: [Opcode.vand, .vor, .vxor, .vandc])
    func bitwise(opcode: Opcode) {
        let reports = Self.check(seed: UInt64(opcode.rawValue)) { b, v in b.vbitwise(opcode, v[0], v[1]) }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("lane ops", arguments: [Opcode.vadd, .vsub, .vmul, .vcmpeq, .vcmpgt, .vcmpgtu], LaneSize.allCases)
    func lanes(opcode: Opcode, lanes: LaneSize) {
        if opcode == .vmul && (lanes == .i8 || lanes == .i64) { return }
        if (opcode == .vcmpgt || opcode == .vcmpgtu) && lanes == .i64 { return }
        let reports = Self.check(seed: UInt64(opcode.rawValue) << 8 | UInt64(lanes.rawValue)) { b, v in
            b.vector(opcode, lanes, v[0], v[1])
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("vfadd, vfsub, vfmul: values and flags", arguments: [Opcode.vfadd, .vfsub, .vfmul])
    func floats(opcode: Opcode) {
        let reports = Self.check(seed: 0xf10a7 ^ UInt64(opcode.rawValue), floats: true) { b, v in
            b.vfloat(opcode, v[0], v[1], flagsOffset: Self.flagsOffset)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    /// Lanes near the fast path's range edges (Lowering+VectorFloat.swift): biased exponents
    /// 60-70 and 184-194 and in between, zeros of both signs, random signs and fractions.
    static func ordinaryFloatImages(seed: UInt64) -> [GuestImage] {
        var rng = SplitMix64(seed: seed)
        func lane() -> UInt64 {
            let r = rng.next()
            if r % 11 == 0 { return r & 0x8000_0000 }
            let exponents: [UInt64] = [60 + r % 11, 184 + r % 11, 71 + r % 113, 127 + r % 3]
            return (r >> 32 & 0x8000_0000) | exponents[Int(r >> 8 % 4) % 4] << 23 | (r >> 20 & 0x7f_ffff)
        }
        return (0..<160).map { _ in
            var image = GuestImage.patterned
            for k in 0..<4 { image.set64(8 * k, lane() | lane() << 32) }
            return image
        }
    }

    @Test("vfadd, vfsub, vfmul on ordinary lanes: fast path under every rounding mode and FTZ/DAZ",
          arguments: [Opcode.vfadd, .vfsub, .vfmul])
    func ordinaryFloats(opcode: Opcode) {
        let images = Self.ordinaryFloatImages(seed: 0x0f0a7 ^ UInt64(opcode.rawValue))
        var reports: [String] = []
        for mxcsr: UInt32 in [0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0, 0x1fa0] {
            let d = Differential(features: HostCPU.variants[0])
            for shape in Shape.allCases {
                let block = Kernel.block(inputs: [.v128, .v128], shape: shape) { b, v in
                    let r = b.vfloat(opcode, v[0], v[1], flagsOffset: Self.flagsOffset)
                    return b.vfloat(opcode, r, v[1], flagsOffset: Self.flagsOffset)
                }
                reports += d.sweep(block, images, mxcsr: mxcsr, limit: 1)
                if !reports.isEmpty { break }
            }
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("a run of vector float ops shares one MXCSR read; a slow lane inside it")
    func floatRun() {
        let reports = Self.check(seed: 0xf10a8, floats: true) { b, v in
            let p = b.vfloat(.vfmul, v[0], v[1], flagsOffset: Self.flagsOffset)
            let q = b.vector(.vadd, .i32, p, v[0])
            let r = b.vfloat(.vfadd, p, v[0], flagsOffset: Self.flagsOffset)
            let s = b.vfloat(.vfsub, r, q, flagsOffset: Self.flagsOffset)
            return b.vfloat(.vfmul, s, v[1], flagsOffset: Self.flagsOffset)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("a loop of vector float ops with labels inside reads MXCSR once, at the block's entry, under every rounding mode")
    func floatLoop() {
        // q = q * m + m, 4 times, a forward branch over a lane add inside the loop body.
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let n = b.loadState(.i32, 0x100)
        let q = b.loadState(.v128, 0), m = b.loadState(.v128, 16)
        let head = b.newLabel(), over = b.newLabel()
        b.label(head)
        let p = b.vfloat(.vfmul, q, m, flagsOffset: Self.flagsOffset)
        b.brcond(.tsteq, n, b.const32(1), over)
        b.assign(p, b.vector(.vadd, .i32, p, m))
        b.label(over)
        b.assign(q, b.vfloat(.vfadd, p, m, flagsOffset: Self.flagsOffset))
        b.assign(n, b.sub(n, b.const32(1)))
        b.brcond(.ne, n, b.const32(0), head)
        b.storeState(Kernel.resultOffset, q)
        b.exitTB(.yield)
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var images = Self.ordinaryFloatImages(seed: 0x100f)
        for k in images.indices { images[k].set32(0x100, 4) }
        var reports: [String] = []
        for mxcsr: UInt32 in [0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0] {
            reports += Differential(features: HostCPU.variants[0]).sweep(block, images, mxcsr: mxcsr, limit: 1)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("vdup, vinsert, vextract", arguments: LaneSize.allCases)
    func moves(lanes: LaneSize) {
        let scalar: IRType = lanes == .i64 ? .i64 : .i32
        var reports = Self.check(seed: 77, inputs: [.v128, scalar]) { b, v in b.vdup(lanes, v[1]) }
        reports += Self.check(seed: 78, inputs: [.v128, scalar]) { b, v in
            b.vinsert(lanes, v[0], lane: lanes.count - 1, v[1])
        }
        reports += Self.check(seed: 79, inputs: [.v128, scalar]) { b, v in
            let e = b.vextract(lanes, v[0], lane: lanes.count / 2 + 1 < lanes.count ? lanes.count / 2 + 1 : 1, as: scalar)
            return b.binary(.xor, e, v[1])
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("const, mov, guest memory load and store of 16 bytes")
    func moveAndMemory() {
        var reports = Self.check(seed: 80) { b, v in
            let k = b.constant(.v128, 0x0123_4567_89ab_cdef)
            let z = b.constant(.v128, 0)
            let o = b.constant(.v128, ~0)
            return b.vbitwise(.vxor, b.vbitwise(.vxor, b.mov(v[0]), k), b.vbitwise(.vandc, o, z))
        }
        reports += Self.check(seed: 81, inputs: [.v128, .i32]) { b, v in
            let address = b.andi(v[1], 0x7ff0)
            b.store(.v128(), address: address, offset: 3, v[0])
            return b.load(.v128(), .v128, address: address, offset: 0x13)
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }
}
