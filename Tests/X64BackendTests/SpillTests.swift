// Register pressure: blocks with hundreds of values live at once put values in spill slots far
// from rsp (disp32 addressing) and reach the spill area's end, where the compiler must refuse
// the block (tooManySpills, so the engine interprets it) rather than overrun the frame.

import IR
import Testing
import X64Backend
import TestTools

@Suite("JIT vs interpreter: spill slots")
struct SpillTests {
    /// `count` values loaded (alternating i64 and f64, then f32 and i32) and negated, so that
    /// none can be re-read from its state field instead of a slot; all combined at the end.
    static func pressure(_ count: Int, withCall: Bool) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let types: [IRType] = [.i64, .f64, .i32, .f32]
        var values: [Value] = []
        for k in 0..<count {
            let loaded = b.loadState(types[k % 4], (8 * k) % 880)
            values.append(types[k % 4].isInteger ? b.unary(.neg, loaded) : b.unary(.fneg, loaded))
        }
        if withCall { b.call(Helpers.mix, effects: .all, result: nil, values[0], values[1], values[2]) }
        var sums: [Value?] = [nil, nil, nil, nil]
        for (k, v) in values.enumerated() {
            let t = k % 4
            if let s = sums[t] {
                sums[t] = types[t].isInteger ? b.add(b.rotri(s, 7), v) : b.binary(.fadd, s, v)
            } else {
                sums[t] = v
            }
        }
        for (t, s) in sums.enumerated() { if let s { b.storeState(880 + 8 * t, s) } }
        b.exitTB(.yield)
        return b.finish(guestSize: 0, instructionCount: 0)
    }

    @Test("hundreds of live values agree", arguments: [40, 150, 480])
    func manyLive(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        let images = (0..<4).map { _ -> GuestImage in
            var image = GuestImage.patterned
            for k in 0..<110 { image.set64(8 * k, rng.chance(50) ? rng.float(.f64) : rng.next()) }
            return image
        }
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for withCall in [false, true] { reports += d.sweep(Self.pressure(count, withCall: withCall), images, limit: 1) }
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("a block needing more slots than the frame has is refused")
    func tooMany() {
        var compiler = X64Compiler(features: HostCPU.features, exitRequestOffset: Differential.exitRequestOffset)
        switch compiler.compile(Self.pressure(700, withCall: false)) {
        case .failure(.tooManySpills): break
        case .failure(let error): Issue.record("expected tooManySpills, got \(error)")
        case .success: Issue.record("a block with 700 live values compiled; the spill area has \(JITABI.spillSlots) slots")
        }
    }
}
