// Where loops inside a block start (Compiler+LoopPlacement.swift): a loop that fits in one
// 64-byte line of the host's front end starts one, a longer loop a 32-byte boundary, and the
// block asks to be placed so that these offsets are the host addresses' alignment too. The
// code runs the same either way (the differential check).

import IR
import Testing
import X64Backend
import TestTools

@Suite("JIT: loop placement")
struct LoopPlacementTests {
    /// A block that counts state word 0 down to zero, doing `work` additions into state word
    /// 16 per iteration, with `prefix` stores before the loop (they move its head).
    static func countdown(work: Int, prefix: Int) -> (Block, Label) {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        for k in 0..<prefix { b.storeState(64 + 4 * k, b.const32(UInt32(k))) }
        let top = b.newLabel(), out = b.newLabel()
        let n = b.loadState(.i32, 0)
        let acc = b.loadState(.i32, 16)
        b.label(top)
        b.brcond(.eq, n, b.const32(0), out)
        for k in 0..<work { b.assign(acc, b.add(acc, b.loadState(.i32, 32 + 4 * (k % 8)))) }
        b.assign(n, b.sub(n, b.const32(1)))
        b.br(top)
        b.label(out)
        b.storeState(0, n)
        b.storeState(16, acc)
        b.exitTB(.yield)
        return (b.finish(guestSize: 0, instructionCount: 0), top)
    }

    @Test("a loop that fits in 64 bytes starts a 64-byte line, wherever the code before it ends", arguments: 0..<6)
    func smallLoop(prefix: Int) {
        let (block, top) = Self.countdown(work: 1, prefix: prefix)
        var compiler = X64Compiler(features: HostCPU.features, exitRequestOffset: Differential.exitRequestOffset)
        guard case .success = compiler.compile(block) else { Issue.record("not compiled"); return }
        #expect(compiler.codeAlignment == 64)
        let head = compiler.loopHeadOffset(label: Int(top.index))
        #expect(head != nil && head! % 64 == 0)
        var image = GuestImage.patterned
        image.set32(0, 5)
        #expect(Differential().compare(block, image) == nil)
    }

    @Test("a longer loop starts a 32-byte boundary", arguments: 0..<4)
    func longLoop(prefix: Int) {
        let (block, top) = Self.countdown(work: 24, prefix: prefix)
        var compiler = X64Compiler(features: HostCPU.features, exitRequestOffset: Differential.exitRequestOffset)
        guard case .success = compiler.compile(block) else { Issue.record("not compiled"); return }
        #expect(compiler.codeAlignment == 32)
        let head = compiler.loopHeadOffset(label: Int(top.index))
        #expect(head != nil && head! % 32 == 0)
        var image = GuestImage.patterned
        image.set32(0, 5)
        #expect(Differential().compare(block, image) == nil)
    }

    @Test("a block without a loop needs 16 bytes")
    func noLoop() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.storeState(0, b.add(b.loadState(.i32, 4), b.const32(1)))
        b.exitTB(.yield)
        var compiler = X64Compiler(features: HostCPU.features, exitRequestOffset: Differential.exitRequestOffset)
        guard case .success = compiler.compile(b.finish(guestSize: 0, instructionCount: 0)) else { Issue.record("not compiled"); return }
        #expect(compiler.codeAlignment == 16)
    }
}
