// Helper calls: 0 to 3 arguments of every type, results of every type or none, through a Swift
// helper and through the clobbering helper (which destroys every caller-saved register), with
// many integer and float values live across the call so some sit in callee-saved registers and
// some in spill slots. ftoi and unsigned 64-bit itof are calls inside the JIT too.

import IR
import Testing
import TestTools

@Suite("JIT vs interpreter: helper calls")
struct CallTests {
    static let resultTypes: [IRType?] = [nil, .i32, .i64, .f32, .f64]

    /// Every list of argument types of length 0...3.
    static var argumentLists: [[IRType]] {
        var lists: [[IRType]] = [[]]
        for n in 1...3 {
            lists += (0..<Int(pow4(n))).map { k in (0..<n).map { IRType.allCases[(k >> (2 * $0)) & 3] } }
        }
        return lists
    }
    static func pow4(_ n: Int) -> Int { 1 << (2 * n) }

    static func images(_ count: Int, seed: UInt64) -> [GuestImage] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var image = GuestImage.patterned
            for k in 0..<40 { image.set64(8 * k, rng.next()) }
            // Float slots hold specials often.
            for k in [16, 24, 32, 40] { image.set64(k, rng.float(k >= 32 ? .f64 : .f32)) }
            return image
        }
    }

    /// Arguments loaded from state offsets 16 + 8k by type; `live` extra values kept across.
    static func callBlock(_ helper: UInt64, _ arguments: [IRType], _ result: IRType?, live: Int) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x2000, flags: 0))
        var kept: [Value] = []
        for k in 0..<live {
            let t: IRType = k % 2 == 0 ? (k % 4 == 0 ? .i64 : .i32) : (k % 4 == 1 ? .f64 : .f32)
            kept.append(b.loadState(t, 64 + 8 * k))
        }
        let args = arguments.enumerated().map { b.loadState($0.element, 16 + 8 * $0.offset) }
        let r = b.emitCall(helper, effects: .all, result: result, args)
        if let r { b.storeState(Kernel.resultOffset, r) }
        // The kept values, changed after the call so a clobbered one shows.
        for (k, v) in kept.enumerated() {
            let t = b.type(of: v)
            let changed = t.isInteger ? b.xor(v, b.constant(t, 0x5a5a_5a5a)) : b.unary(.fneg, v)
            b.storeState(64 + 8 * k, changed)
        }
        b.exitTB(.syscall, payload: 7)
        return b.finish(guestSize: 4, instructionCount: 1)
    }

    @Test("every argument and result type, Swift helper and clobbering helper", arguments: [0, 8, 30])
    func signatures(live: Int) {
        let images = Self.images(6, seed: UInt64(live))
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            let helpers = [Helpers.address(Helpers.mix), d.arena.clobberHelper, Helpers.address(Helpers.floating)]
            for helper in helpers {
                for arguments in Self.argumentLists {
                    for result in Self.resultTypes {
                        reports += d.sweep(Self.callBlock(helper, arguments, result, live: live), images, limit: 1)
                        if reports.count >= 2 { break }
                    }
                }
            }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("the same value as several arguments, and a result fed to the next call")
    func chained() {
        let d = Differential()
        var b = IRBuilder(key: BlockKey(pc: 0x2000, flags: 0))
        let x = b.loadState(.i64, 16), y = b.loadState(.i32, 24)
        let r1 = b.emitCall(d.arena.clobberHelper, effects: .all, result: .i64, [x, x, x])!
        let r2 = b.emitCall(d.arena.clobberHelper, effects: .all, result: .i32, [r1, y, r1])!
        let r3 = b.emitCall(Helpers.address(Helpers.stateful), effects: .all, result: .i64, [b.zext(r2)])!
        b.storeState(Kernel.resultOffset, r3)
        b.storeState(Kernel.resultOffset + 8, b.add(x, b.zext(y)))
        b.exitTB(.yield)
        let reports = d.sweep(b.finish(guestSize: 0, instructionCount: 0), Self.images(20, seed: 3))
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }

    @Test("values live across ftoi and unsigned 64-bit itof")
    func implicitCalls() {
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for live in [4, 12, 24] {
                var b = IRBuilder(key: BlockKey(pc: 0x2000, flags: 0))
                var kept: [Value] = []
                for k in 0..<live { kept.append(b.loadState(k % 2 == 0 ? .i64 : .f64, 64 + 8 * k)) }
                let f = b.loadState(.f64, 32)
                b.storeState(Kernel.resultOffset, b.ftoi(f, to: .i64, signed: true, rounding: .towardZero))
                b.storeState(Kernel.resultOffset + 8, b.itof(b.loadState(.i64, 16), to: .f64, signed: false))
                b.storeState(Kernel.resultOffset + 16, b.ftoi(f, to: .i32, signed: false, rounding: nil))
                for (k, v) in kept.enumerated() { b.storeState(64 + 8 * k, v) }
                b.exitTB(.yield)
                reports += d.sweep(b.finish(guestSize: 0, instructionCount: 0), Self.images(10, seed: UInt64(live)))
            }
        }
        #expect(reports.isEmpty, "\(reports.joined(separator: "\n\n"))")
    }
}

extension IRBuilder {
    /// `call` by address (the tests' helpers include machine code with no Swift function value).
    mutating func emitCall(_ address: UInt64, effects: HelperEffects, result: IRType?, _ args: [Value]) -> Value? {
        let dst = result.map { newValue($0) } ?? .none
        let a = args.count > 0 ? args[0] : .none, b = args.count > 1 ? args[1] : .none, c = args.count > 2 ? args[2] : .none
        emit(Op(.call, result ?? .i64, dst: dst, a: a, b: b, c: c, imm: address, aux: effects.rawValue))
        return result == nil ? nil : dst
    }
}

extension Helpers {
    static func address(_ helper: HelperFunction) -> UInt64 {
        UInt64(UInt(bitPattern: unsafeBitCast(helper, to: UnsafeRawPointer.self)))
    }
}
