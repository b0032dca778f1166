// The printer: one block using every opcode, compared with a golden text file.
// Refresh the golden file with `BLESS=1 swift test --filter IRTests` and review the diff.

import Foundation
import IR
import Testing

enum PrinterFixture {
    /// A block that uses every opcode at least once (it is printed, never run).
    static func everyOpcode() -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x10000, flags: 1))
        b.insnStart(0x10000)
        let x = b.loadState(.i32, 16), y = b.loadState(.i32, 20)
        let p = b.loadState(.i64, 24), q = b.const64(0xffff_ffff_0000_0001)
        for opcode in integerBinaryOpcodes { _ = b.binary(opcode, x, y) }
        _ = b.binary(.mulhs, p, q)
        _ = b.not(x)
        _ = b.neg(p)
        _ = b.extract(x, position: 4, length: 8)
        _ = b.sextract(p, position: 60, length: 4)
        _ = b.deposit(x, y, position: 0, length: 32)
        for opcode in [Opcode.ext8s, .ext8u, .ext16s, .ext16u, .bswap16, .bswap32, .clz, .ctz, .popcount] {
            _ = b.unary(opcode, x)
        }
        _ = b.unary(.bswap64, p)
        let wide = b.zext(x)
        _ = b.sext(y)
        _ = b.trunc(wide)
        _ = b.concat(low: x, high: y)
        let mv = b.mov(x)
        b.assign(mv, constant: 7)
        let c = b.setcond(.tstne, x, y)
        _ = b.setcond(.geu, p, q)
        _ = b.select(c, p, q)
        let loop = b.newLabel(), out = b.newLabel()
        b.label(loop)
        b.brcond(.lt, x, y, out)
        b.br(loop)
        b.label(out)
        b.insnStart(0x10004)
        let address = b.addi(x, 0x100)
        let loaded = b.load(MemOp(size: 2, signed: true, bigEndian: true), .i64, address: address, offset: 0x20)
        b.store(MemOp.u32.withAlignment(true), address: address, offset: 4, y)
        b.store(.u64, address: p, loaded)
        _ = b.cmpxchg(MemOp.u32.withBigEndian(true), address: address, expected: x, new: y)
        b.fence()
        b.storeState(40, loaded)
        // A fixed helper address, so the text does not depend on where the test binary is loaded.
        let r = b.newValue(.i64)
        b.emit(Op(.call, .i64, dst: r, a: x, b: p, imm: 0x1234_5000, aux: HelperEffects.all.rawValue))
        b.emit(Op(.call, .i64, imm: 0x1234_6000, aux: HelperEffects.pure.rawValue))
        let f = b.loadState(.f64, 48), g = b.constant(.f32, Float(1).bits64)
        for opcode in [Opcode.fadd, .fsub, .fmul, .fdiv] { _ = b.binary(opcode, f, f) }
        for opcode in [Opcode.fsqrt, .fneg, .fabs] { _ = b.unary(opcode, g) }
        _ = b.fsetcond(.une, f, f)
        _ = b.fconvert(g, to: .f64)
        _ = b.itof(p, to: .f32, signed: true)
        _ = b.itof(x, to: .f64, signed: false)
        _ = b.ftoi(f, to: .i32, signed: true, rounding: .towardZero)
        _ = b.ftoi(g, to: .i64, signed: false, rounding: .nearestEven)
        _ = b.bitcast(f, to: .i64)
        let v = b.loadState(.v128, 64), w = b.constant(.v128, 0x8000_0000_0000_0001)
        let u = b.vdup(.i16, x)
        _ = b.vinsert(.i8, v, lane: 15, y)
        _ = b.vextract(.i64, u, lane: 1, as: .i64)
        for opcode in [Opcode.vand, .vor, .vxor, .vandc] { _ = b.vbitwise(opcode, v, w) }
        for opcode in [Opcode.vadd, .vsub, .vmul, .vcmpeq, .vcmpgt, .vcmpgtu] { _ = b.vector(opcode, .i32, v, u) }
        for opcode in [Opcode.vfadd, .vfsub, .vfmul] { _ = b.vfloat(opcode, v, w, flagsOffset: 12) }
        for opcode in [Opcode.vfadde, .vfsube, .vfmule, .vfdive] { _ = b.vfloatLanes(opcode, .i64, v, w, nans: .firstNaN) }
        _ = b.vtest(b.vfcmp(.uno, .i32, v, w), v)
        _ = b.vshuffle(v, w)
        b.store(.v128(alignment: 8, aligned: true), address: address, offset: 16, b.load(.v128(), .v128, address: address))
        b.storeState(64, b.mov(v))
        let skip = b.newLabel(), tb = b.newLabel(), look = b.newLabel()
        b.brcond(.eq, x, y, skip)
        b.exitTB(.syscall, payload: 0x80)
        b.label(skip)
        b.brcond(.ne, x, y, tb)
        b.brcond(.tsteq, x, y, look)
        b.gotoTB(slot: 1)
        b.label(tb)
        b.gotoTB(slot: 0)
        b.label(look)
        b.lookupAndGoto(pc: x, flags: y)
        return b.finish(guestSize: 8, instructionCount: 2)
    }
}

@Suite("Printer")
struct PrinterTests {
    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/every-opcode.txt")

    @Test("the fixture uses every opcode and verifies")
    func fixtureCoversEveryOpcode() {
        let block = PrinterFixture.everyOpcode()
        let used = Set(block.ops.map(\.opcode))
        let missing = Opcode.allCases.filter { !used.contains($0) }
        #expect(missing.isEmpty, "opcodes not in the printer fixture: \(missing)")
        #expect(block.verify() == [])
    }

    @Test("printed text matches Golden/every-opcode.txt (BLESS=1 refreshes it)")
    func golden() throws {
        let text = PrinterFixture.everyOpcode().text()
        if ProcessInfo.processInfo.environment["BLESS"] == "1" {
            try text.write(to: Self.goldenURL, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        if text != golden {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false)
            let g = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, g).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("printer output differs from the golden file at line \((first?.offset ?? min(a.count, g.count)) + 1): got \"\(first?.element.0 ?? "")\", golden \"\(first?.element.1 ?? "")\"; rerun with BLESS=1 if intended")
        }
    }

    @Test("single-op forms")
    func singleOps() {
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        let v0 = b.const32(0x2a)
        let v1 = b.add(v0, v0)
        b.storeState(16, v1)
        let l = b.newLabel()
        b.brcond(.ne, v1, v0, l)
        b.label(l)
        b.exitTB(.breakpoint, payload: 3)
        let block = b.finish(guestSize: 4, instructionCount: 1)
        #expect(block.text() == """
            block 0x0 (1 insns, 4 bytes)
              v0 = const.i32 0x2a
              v1 = add.i32 v0, v0
              store_state.i32 [16], v1
              brcond.i32 ne v1, v0, L0
            L0:
              exit_tb breakpoint 0x3

            """)
        #expect(BlockKey(pc: 0x8000, flags: 0x21).description == "0x8000/21")
        #expect(Value.none.description == "_")
    }
}
