// Kernel-shaped blocks for the op tests: load the inputs from the state, compute one result,
// store it, exit. In the `spilled` shape, filler values loaded first occupy every allocatable
// general and XMM register and stay live past the op, so the inputs and the result live in
// spill slots and the op's lowering reads and writes memory operands.

import IR
import TestTools

enum Shape: CaseIterable, CustomStringConvertible {
    case registers, spilled
    var description: String { self == .registers ? "registers" : "spilled" }
}

enum Kernel {
    /// Input i is at state offset 16 * i; the result at `resultOffset`.
    static let resultOffset = 512
    /// Fillers: i64 at 600 + 8k (k < 10), f64 at 680 + 8k (k < 15).
    static let fillerOffset = 600
    static let integerFillers = 10
    static let floatFillers = 15

    static func block(inputs: [IRType], shape: Shape = .registers,
                      _ build: (inout IRBuilder, [Value]) -> Value?) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        b.insnStart(0x1000)
        var fillers: [Value] = []
        if shape == .spilled {
            for k in 0..<integerFillers { fillers.append(b.loadState(.i64, fillerOffset + 8 * k)) }
            for k in 0..<floatFillers { fillers.append(b.loadState(.f64, fillerOffset + 8 * (integerFillers + k))) }
        }
        let values = inputs.enumerated().map { b.loadState($0.element, 16 * $0.offset) }
        if let r = build(&b, values) {
            b.storeState(resultOffset, r)
            // A helper argument sees the whole register: an i32 or f32 result must be
            // zero-extended in it, as the interpreter keeps it.
            if b.type(of: r) == .i32 || b.type(of: r) == .f32 { b.call(Helpers.identity, effects: .all, result: nil, r) }
        }
        // Stored back where they came from: a filler the op clobbered shows as a changed state.
        for (k, v) in fillers.enumerated() { b.storeState(fillerOffset + 8 * k, v) }
        b.exitTB(.yield, payload: 0x1234)
        return b.finish(guestSize: 4, instructionCount: 1)
    }

    /// An image whose input slots hold `values` (each written as 8 bytes) over a patterned
    /// state and memory, so writes that should not happen show.
    static func image(_ values: [UInt64]) -> GuestImage {
        var image = GuestImage.patterned
        for (i, v) in values.enumerated() { image.set64(16 * i, v) }
        return image
    }
}

extension GuestImage {
    /// State and memory filled with a fixed non-zero byte pattern; the exit-request flag clear.
    static let patterned: GuestImage = {
        var rng = SplitMix64(seed: 0x5eed)
        var image = GuestImage()
        for i in 0..<image.state.count { image.state[i] = UInt8(truncatingIfNeeded: rng.next()) }
        for i in 0..<image.memory.count { image.memory[i] = UInt8(truncatingIfNeeded: rng.next()) }
        image.set32(Differential.exitRequestOffset, 0)
        return image
    }()
}

extension Differential {
    /// Compiles `block` once and compares it over every image; the first `limit` reports.
    func sweep(_ block: Block, _ images: [GuestImage], mxcsr: UInt32 = Differential.defaultMXCSR,
               limit: Int = 2) -> [String] {
        let c = prepare(block)
        defer { c.prepared.deallocate() }
        var reports: [String] = []
        for image in images {
            if let r = compare(c, image, mxcsr: mxcsr) {
                reports.append(r)
                if reports.count >= limit { break }
            }
        }
        return reports
    }

    /// `sweep` over input tuples for a kernel, in each shape and for each feature set.
    static func sweepKernel(inputs: [IRType], _ values: [[UInt64]], mxcsr: UInt32 = Differential.defaultMXCSR,
                            limit: Int = 2, _ build: (inout IRBuilder, [Value]) -> Value?) -> [String] {
        let images = values.map { Kernel.image($0) }
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for shape in Shape.allCases {
                reports += d.sweep(Kernel.block(inputs: inputs, shape: shape, build), images, mxcsr: mxcsr, limit: limit)
                if reports.count >= limit { return reports }
            }
        }
        return reports
    }
}

/// Every pair of special integers of a width, then random pairs.
func integerPairs(bits: Int, seed: UInt64, random: Int = 300) -> [[UInt64]] {
    let mask: UInt64 = bits == 32 ? 0xffff_ffff : ~0
    var out: [[UInt64]] = []
    for x in Operands.integers { for y in Operands.integers { out.append([x & mask, y & mask]) } }
    var rng = SplitMix64(seed: seed)
    for _ in 0..<random { out.append([rng.operand(bits: bits), rng.operand(bits: bits)]) }
    return out
}
