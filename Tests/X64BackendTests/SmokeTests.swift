// The harness itself: a trivial block agrees on both backends and computes the right value, and
// a planted difference (interpreting one block, running another's code) is reported.

import IR
import Testing

@Suite("Differential harness")
struct SmokeTests {
    @Test("a block that adds two state words agrees")
    func addAgrees() {
        let d = Differential()
        let block = Kernel.block(inputs: [.i32, .i32]) { b, v in b.add(v[0], v[1]) }
        #expect(d.compare(block, Kernel.image([5, 7])) == nil)
        let out = d.runJITOnly(block, Kernel.image([5, 7]))
        #expect(d.jit.stateBytes.load32(Kernel.resultOffset) == 12)
        #expect(out.exit == .exit(.exit(.yield, payload: 0x1234)))
    }

    @Test("a difference in state, memory, exit or MXCSR flags is reported")
    func differenceSeen() {
        let d = Differential()
        func mixed(_ reference: Block, _ other: Block) -> String? {
            var c = d.prepare(reference)
            let o = d.prepare(other)
            c.code = o.code
            c.chainSites = o.chainSites
            defer { c.prepared.deallocate(); o.prepared.deallocate() }
            return d.compare(c, Kernel.image([5, 7]))
        }
        let add = Kernel.block(inputs: [.i32, .i32]) { b, v in b.add(v[0], v[1]) }
        let sub = Kernel.block(inputs: [.i32, .i32]) { b, v in b.sub(v[0], v[1]) }
        #expect(mixed(add, sub)?.contains("state differs") == true)

        func storing(_ offset: UInt64) -> Block {
            Kernel.block(inputs: [.i32]) { b, v in b.store(.u8, address: b.const32(UInt32(offset)), v[0]); return nil }
        }
        #expect(mixed(storing(0x100), storing(0x101))?.contains("memory differs") == true)

        func exiting(_ reason: ExitReason) -> Block {
            var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
            b.exitTB(reason, payload: 1)
            return b.finish(guestSize: 0, instructionCount: 0)
        }
        #expect(mixed(exiting(.yield), exiting(.syscall))?.contains("exit:") == true)

        let divide = Kernel.block(inputs: [.f64, .f64]) { b, v in b.binary(.fdiv, v[0], v[1]) }
        let multiply = Kernel.block(inputs: [.f64, .f64]) { b, v in b.binary(.fmul, v[0], v[1]) }
        var c = d.prepare(divide)
        let o = d.prepare(multiply)
        c.code = o.code
        defer { c.prepared.deallocate(); o.prepared.deallocate() }
        // 1 / 0 raises divide-by-zero, 1 * 0 nothing.
        let report = d.compare(c, Kernel.image([Double(1).bitPattern, 0]))
        #expect(report?.contains("MXCSR flags") == true)
    }
}
