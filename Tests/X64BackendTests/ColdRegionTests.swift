// Rare paths out of line (Compiler+ColdRegions.swift): a brcond hinted .coldFallThrough jumps
// over a region the JIT emits after the block's other code. What the block computes is the
// same whichever way the branch goes (the differential check), values the region defines
// reach the code after the label, the common path falls straight through, and the fault
// table stays in host order with the region mapped to its branch's instruction.

import IR
import Testing
import X64Backend
import TestTools

@Suite("JIT: cold regions")
struct ColdRegionTests {
    /// v = state word 0 + 1; when state word 4 is not zero (rare) the region redefines v from
    /// word 8 and stores a marker; after the label v and a sum reach the state. With a loop
    /// around it (`loop`), the region runs inside the loop too.
    static func block(loop: Bool, hint: BranchHint = .coldFallThrough) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x100, flags: 0))
        b.insnStart(0x100)
        let n = b.loadState(.i32, 12)
        let total = b.loadState(.i32, 16)
        let top = b.newLabel(), out = b.newLabel()
        if loop { b.label(top) }
        b.insnStart(0x104)
        let v = b.newValue(.i32)
        b.assign(v, b.addi(b.loadState(.i32, 0), 1))
        let common = b.newLabel()
        b.brcond(.eq, b.loadState(.i32, 4), b.const32(0), common, hint: hint)
        b.assign(v, b.muli(b.loadState(.i32, 8), 3))
        b.storeState(20, b.const32(0xC01D))
        b.label(common)
        b.insnStart(0x108)
        b.assign(total, b.add(total, v))
        if loop {
            b.assign(n, b.sub(n, b.const32(1)))
            b.brcond(.ne, n, b.const32(0), top)
        }
        b.br(out)
        b.label(out)
        b.storeState(12, n)
        b.storeState(16, total)
        b.storeState(24, v)
        b.exitTB(.yield)
        return b.finish(guestSize: 12, instructionCount: 3)
    }

    @Test("the same results whichever way the branch goes, with and without a loop around it",
          arguments: [false, true], [0 as UInt32, 5])
    func sameResults(loop: Bool, rare: UInt32) {
        var image = GuestImage.patterned
        image.set32(4, rare)
        image.set32(12, 4)
        for variant in HostCPU.variants {
            #expect(Differential(features: variant).compare(Self.block(loop: loop), image) == nil)
        }
    }

    @Test("the region goes after the block's code: the hinted block's common path is no longer than the unhinted one's")
    func placedOutOfLine() throws {
        var compiler = X64Compiler(features: HostCPU.features, exitRequestOffset: Differential.exitRequestOffset)
        let hinted = try compiler.compile(Self.block(loop: false)).get()
        let plain = try compiler.compile(Self.block(loop: false, hint: .none)).get()
        // The instruction after the region (0x108) starts earlier when the region is elsewhere.
        let after = { (c: CompiledCode) in c.instructionStarts.first { $0.guestPC == 0x108 }?.hostOffset ?? 0 }
        #expect(after(hinted) < after(plain))
        // The fault table: in host order, and the region (last) maps to its branch's instruction.
        let offsets = hinted.instructionStarts.map(\.hostOffset)
        #expect(offsets == offsets.sorted())
        #expect(hinted.instructionStarts.last?.guestPC == 0x104)
        #expect(hinted.instructionStarts.count == plain.instructionStarts.count + 1)
    }
}
