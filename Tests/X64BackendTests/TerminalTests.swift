// How blocks leave: exit_tb with every reason and payload, goto_tb through either slot (and a
// patched chain), lookup_and_goto hitting, missing and colliding in the jump cache, and the
// exit-request check at a block's entry (which the engine, not the interpreter, makes); and
// the host address an alignment check's exit carries.

import CHost
import IR
import Testing
import X64Backend

@Suite("JIT vs interpreter: terminals")
struct TerminalTests {
    static let payloads: [UInt64] = [0, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000,
                                     0x8000_0000_0000_0000, ~0]

    @Test("exit_tb with every reason and payload")
    func exits() {
        let d = Differential()
        var reports: [String] = []
        for reason in ExitReason.allCases {
            for payload in Self.payloads {
                var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
                b.insnStart(0)
                b.storeState(8, b.const32(UInt32(reason.rawValue)))
                b.exitTB(reason, payload: payload)
                if let r = d.compare(b.finish(guestSize: 4, instructionCount: 1), .patterned) { reports.append(r) }
            }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    /// Branches on state word 0 to one of two exits of kind `first`/`second`.
    static func twoWay(_ first: (inout IRBuilder) -> Void, _ second: (inout IRBuilder) -> Void) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x3000, flags: 1))
        let other = b.newLabel()
        let x = b.loadState(.i32, 0)
        b.storeState(60, b.addi(x, 4))
        b.brcond(.ne, x, b.const32(0), other)
        first(&b)
        b.label(other)
        second(&b)
        return b.finish(guestSize: 8, instructionCount: 2)
    }

    static func images(_ words: [UInt64]) -> [GuestImage] {
        words.map {
            var image = GuestImage.patterned
            image.set64(0, $0)
            image.set64(8, $0 &* 0x1_0001 ^ 0x1234_5678_9abc_def0)
            return image
        }
    }

    @Test("goto_tb through slot 0 or 1")
    func gotoTB() {
        var reports: [String] = []
        for features in HostCPU.variants {
            let d = Differential(features: features)
            for (s, t) in [(0, 1), (1, 0), (0, 0), (1, 1)] {
                let block = Self.twoWay({ $0.gotoTB(slot: s) }, { $0.gotoTB(slot: t) })
                reports += d.sweep(block, Self.images([0, 1, 0x8000_0000]))
                let mixed = Self.twoWay({ $0.gotoTB(slot: s) }, { $0.exitTB(.yield, payload: 3) })
                reports += d.sweep(mixed, Self.images([0, 1]))
            }
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("lookup_and_goto hits the planted key, misses without it", arguments: [IRType.i32, .i64])
    func lookup(pcType: IRType) {
        var reports: [String] = []
        let words: [UInt64] = [0, 1, 0x1000, 0x1002, 0xffff_ffff, 0x8000_0000_0000_0000, ~0, 0x2_0000]
        for features in HostCPU.variants {
            let d = Differential(features: features)
            let block = Self.twoWay({ b in
                b.lookupAndGoto(pc: b.loadState(pcType, 8), flags: b.loadState(.i32, 12))
            }, { b in
                let pc = b.loadState(pcType, 0)
                b.lookupAndGoto(pc: b.add(pc, b.constant(pcType, 2)), flags: b.const32(0x21))
            })
            let c = d.prepare(block)
            for image in Self.images(words) {
                if let r = d.compare(c, image, plantLookup: true) { reports.append(r) }
                if let r = d.compare(c, image, plantLookup: false) { reports.append(r) }
            }
            c.prepared.deallocate()
        }
        #expect(reports.isEmpty, "\(reports.prefix(2).joined(separator: "\n\n"))")
    }

    @Test("a jump-cache entry at the same index with another pc or flags is a miss")
    func collision() {
        let d = Differential()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.lookupAndGoto(pc: b.loadState(.i64, 0), flags: b.loadState(.i32, 8))
        let block = b.finish(guestSize: 0, instructionCount: 0)
        var image = GuestImage.patterned
        let pc: UInt64 = 0x4_0000, flags: UInt64 = 0x21
        image.set64(0, pc)
        image.set32(8, UInt32(flags))
        // Same index: pc differs by a multiple of 2^13 above bit 12 with compensating bits, or
        // flags differ in bits the index ignores; here both keys hash to the same entry.
        let otherPC = pc ^ (1 << 14) ^ (1 << 2)
        #expect(JITABI.jumpCacheIndex(pc: otherPC, flags: flags) == JITABI.jumpCacheIndex(pc: pc, flags: flags))
        let otherFlags = flags ^ UInt64(JITABI.jumpCacheEntries)
        #expect(JITABI.jumpCacheIndex(pc: pc, flags: otherFlags) == JITABI.jumpCacheIndex(pc: pc, flags: flags))
        let c = d.prepare(block)
        defer { c.prepared.deallocate() }
        for (p, f) in [(otherPC, flags), (pc, otherFlags), (pc | 1 << 32, flags)] {
            d.clearJumpCache()
            d.plant(pc: p, flags: f, code: d.arena.lookupHitStub)
            let out = d.runJIT(c, image, mxcsr: Differential.defaultMXCSR, lookupKey: nil)
            #expect(out.exit == .lookupMiss, "key (0x\(String(p, radix: 16)), 0x\(String(f, radix: 16))) was taken for (0x40000, 0x21)")
        }
        let hit = d.runJIT(c, image, mxcsr: Differential.defaultMXCSR, lookupKey: (pc, UInt32(flags)))
        #expect(hit.exit == .exit(.lookup(pc: pc, flags: UInt32(flags))))
    }

    @Test("a zero-filled jump cache with slot 0 marked empty misses every key")
    func zeroFilledCache() {
        #expect(JITABI.jumpCacheIndex(pc: 0, flags: 0) == 0)
        let d = Differential()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.lookupAndGoto(pc: b.loadState(.i64, 0), flags: b.loadState(.i32, 8))
        let block = b.finish(guestSize: 0, instructionCount: 0)
        let c = d.prepare(block)
        defer { c.prepared.deallocate() }
        for (pc, flags) in [(UInt64(0), UInt32(0)), (0, 1), (0, 0x21), (2, 0), (0x1_0000, 0), (0x2000, 0x100)] {
            var image = GuestImage.patterned
            image.set64(0, pc)
            image.set32(8, flags)
            d.zeroJumpCache()
            let out = d.runJIT(c, image, mxcsr: Differential.defaultMXCSR, lookupKey: nil)
            #expect(out.exit == .lookupMiss, "key (0x\(String(pc, radix: 16)), 0x\(String(flags, radix: 16))) hit an empty entry")
        }
        d.clearJumpCache()
    }

    @Test("a set exit-request flag stops the block before its first op")
    func exitRequest() {
        let d = Differential()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.storeState(0, b.const32(0xdead))
        b.store(.u32, address: b.const32(0x100), b.const32(0xbeef))
        b.exitTB(.syscall)
        let block = b.finish(guestSize: 4, instructionCount: 1)
        for flag: UInt32 in [1, 0x8000_0000, 0x100] {
            var image = GuestImage.patterned
            image.set32(Differential.exitRequestOffset, flag)
            let out = d.runJITOnly(block, image)
            #expect(out.exit == .exitRequest)
            #expect(d.jit.stateBytes == image.state)
            #expect(d.jit.memoryBytes == image.memory)
        }
        #expect(d.runJITOnly(block, .patterned).exit == .exit(.exit(.syscall, payload: 0)))
    }

    @Test("a patched goto_tb runs its successor's code")
    func chaining() {
        let d = Differential()
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.storeState(0, b.addi(b.loadState(.i32, 0), 1))
        b.gotoTB(slot: 1)
        let first = d.prepare(b.finish(guestSize: 4, instructionCount: 1))
        var n = IRBuilder(key: BlockKey(pc: 4, flags: 0))
        n.storeState(4, n.muli(n.loadState(.i32, 0), 3))
        n.exitTB(.breakpoint, payload: 9)
        let second = d.prepare(n.finish(guestSize: 4, instructionCount: 1))
        defer { first.prepared.deallocate(); second.prepared.deallocate() }
        var image = GuestImage.patterned
        image.set32(0, 10)
        #expect(d.runJIT(first, image, mxcsr: Differential.defaultMXCSR, lookupKey: nil).exit == .exit(.chain(slot: 1)))
        guard let code = first.code, let site = first.chainSites.first, let next = second.code else {
            Issue.record("no code or chain site")
            return
        }
        CodeArena.aim(code + site.offset, at: next)
        let out = d.runJIT(first, image, mxcsr: Differential.defaultMXCSR, lookupKey: nil)
        #expect(out.exit == .exit(.exit(.breakpoint, payload: 9)))
        #expect(d.jit.stateBytes.load32(0) == 11 && d.jit.stateBytes.load32(4) == 33)
    }
}

extension IRBuilder {
    mutating func muli(_ a: Value, _ k: UInt64) -> Value { binary(.mul, a, imm: k) }
}

@Suite("Alignment-fault exits name their instruction")
struct AlignmentExitTests {
    /// Three guest instructions; the second makes a misaligned access of the kind `access`
    /// builds. The JIT's exit must carry a host address inside that instruction's code.
    static func block(_ access: (inout IRBuilder, Value) -> Void) -> Block {
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        b.insnStart(0x1000)
        b.storeState(0, b.const32(1))
        b.insnStart(0x1004, resume: 1)
        access(&b, b.const32(0x102))
        b.insnStart(0x1008)
        b.storeState(4, b.const32(2))
        b.exitTB(.yield)
        return b.finish(guestSize: 12, instructionCount: 3)
    }

    @Test("load, store and cmpxchg: the exit's host address maps to the faulting insn_start", arguments: [0, 1, 2])
    func hostAddress(kind: Int) throws {
        let block = Self.block { b, address in
            switch kind {
            case 0: b.storeState(8, b.load(MemOp(size: 4, aligned: true), .i32, address: address))
            case 1: b.store(MemOp(size: 2, aligned: true), address: b.addi(address, 1), b.const32(7))
            default: b.storeState(8, b.cmpxchg(MemOp(size: 8, aligned: true), address: address, expected: b.const64(0), new: b.const64(1)))
            }
        }
        let d = Differential()
        let compiled = try d.compiler.compile(block).get()
        let code = d.arena.place(compiled)
        d.jit.load(.patterned)
        let exit = chost_jit_enter(d.arena.entry, d.jit.state, d.jit.memory, d.jumpCache, code)
        #expect(exit.kind & 0xffff == JITABI.Exit.exitTB.rawValue | UInt64(ExitReason.alignmentFault.rawValue) << 8)
        #expect(exit.payload == (kind == 1 ? 0x103 : 0x102))
        let offset = Int(exit.kind >> 16) - Int(bitPattern: UInt(bitPattern: code))
        let starts = compiled.instructionStarts
        #expect(starts.count == 3)
        #expect(offset >= Int(starts[1].hostOffset) && offset < Int(starts[2].hostOffset), "host offset \(offset), starts \(starts.map(\.hostOffset))")
        // The exit_tb of the same reason carries no address.
        var b = IRBuilder(key: BlockKey(pc: 0, flags: 0))
        b.exitTB(.alignmentFault, payload: 0x102)
        let plain = d.arena.place(try d.compiler.compile(b.finish(guestSize: 0, instructionCount: 0)).get())
        #expect(chost_jit_enter(d.arena.entry, d.jit.state, d.jit.memory, d.jumpCache, plain).kind >> 16 == 0)
    }
}
