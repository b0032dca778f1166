// Thumb IT blocks (A8.8.54, A6.2 "setflags = !InITBlock()"): every then/else pattern of one
// to four instructions on each condition, 16-bit instructions that set flags only outside IT
// blocks, flags changed inside a block deciding the later slots, IT blocks cut by block
// boundaries (maxInstructions 1-4) and by exits, and the branch that ends an IT block.

import GuestARM
import IR
import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct ITBlockTests {
    /// IT masks as written after "it": "", "t", "e", "tt", "te", ... up to three letters.
    static let patterns: [String] = {
        var p = [""]
        for length in 1...3 {
            var next: [String] = []
            for s in p where s.count == length - 1 { next += [s + "t", s + "e"] }
            p += next
        }
        return p
    }()

    static let inverse = ["ne", "eq", "cc", "cs", "pl", "mi", "vc", "vs", "ls", "hi", "lt", "ge", "le", "gt"]

    /// Runs "it<pattern> <cond>" followed by one MOV per slot (slot i sets r(i) = i + 1) and
    /// checks each slot ran exactly when its condition held.
    func checkPattern(_ pattern: String, cond: Int, maxInstructions: Int) throws {
        let name = Reference.conditionNames[cond], other = Self.inverse[cond]
        let slots = ["t"] + pattern.map(String.init)
        var source = "it\(pattern) \(name)\n"
        for (i, s) in slots.enumerated() { source += "mov\(s == "t" ? name : other) r\(i), #\(i + 1)\n" }
        source += "mov r7, #7\n"
        let m = try GuestMachine(thumb: source)
        for nzcv: UInt32 in 0..<16 {
            m.restart()
            for r in 0..<8 { m[r] = 0 }
            m.nzcv = nzcv
            m.runToEnd(maxInstructions: maxInstructions)
            let holds = Reference.conditionHolds(cond, nzcv: nzcv)
            for (i, s) in slots.enumerated() {
                let runs = s == "t" ? holds : !holds
                #expect(m[i] == (runs ? UInt32(i + 1) : 0),
                        "it\(pattern) \(name), slot \(i), nzcv \(nzcv), max \(maxInstructions)")
            }
            #expect(m[7] == 7, "the instruction after the block runs")
            #expect(m.nzcv == nzcv, "MOV inside an IT block sets no flags")
            #expect(m.state.itState == 0, "ITSTATE is clear after the block")
        }
    }

    @Test func everyPatternOnEveryCondition() throws {
        for pattern in Self.patterns {
            for cond in 0..<14 { try checkPattern(pattern, cond: cond, maxInstructions: 64) }
        }
    }

    /// Block boundaries inside the IT block: the IT state travels in the block key.
    @Test(arguments: [1, 2, 3, 4])
    func blockBoundariesInside(maxInstructions: Int) throws {
        for pattern in ["tee", "ete", "ttt", "e"] {
            for cond in [0, 2, 8, 10, 12] { try checkPattern(pattern, cond: cond, maxInstructions: maxInstructions) }
        }
    }

    /// With one instruction per block, each block after the IT instruction has the IT state
    /// in its key (ARMFrontend.itShift), advancing as ITAdvance() says.
    @Test func blockKeysCarryITState() throws {
        let m = try GuestMachine(thumb: "itete eq\nmoveq r0, #1\nmovne r1, #1\nmoveq r2, #1\nmovne r3, #1\nmov r4, #1")
        m.nzcv = 0b0100
        m.runToEnd(maxInstructions: 1)
        let itStates = m.blocks.map { ($0.key.flags >> ARMFrontend.itShift) & 0xff }
        // ITETE EQ: firstcond 0000, mask 1011 -> ITSTATE 0x0b, then ITAdvance() (A2.5.2) shifts
        // IT[4:0] left: 0x16, 0x0c, 0x18.
        #expect(itStates == [0, 0x0b, 0x16, 0x0c, 0x18, 0])
        var expected: [UInt32] = [0]
        var it: UInt32 = 0x0b
        while it & 0xf != 0 {
            expected.append(it)
            it = it & 7 == 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f)
        }
        expected.append(0)
        #expect(itStates == expected)
        #expect(m[0] == 1 && m[1] == 0 && m[2] == 1 && m[3] == 0 && m[4] == 1)
        for block in m.blocks { #expect(block.key.flags & ARMFrontend.thumbFlag != 0) }
    }

    /// "adds r0, r0, r1" outside an IT block and "addeq r0, r0, r1" inside one are the same
    /// 16-bit encoding; only the first sets flags.
    @Test func sixteenBitFlagSettingDependsOnITBlock() throws {
        let outside = try Assembler.thumb("adds r0, r0, r1")
        let inside = try Assembler.thumb("it eq\naddeq r0, r0, r1")
        #expect(Array(inside[2...]) == outside, "same encoding in and out of the IT block")
        // (outside, inside, r0, r1): each input changes N, Z or C from N C V when flags are set.
        let pairs: [(String, String, UInt32, UInt32)] = [
            ("adds r0, r0, r1", "addne r0, r0, r1", 0x8000_0000, 0x8000_0000),
            ("subs r0, r0, r1", "subne r0, r0, r1", 0x8000_0000, 0x8000_0000),
            ("lsls r0, r0, #1", "lslne r0, r0, #1", 0x8000_0000, 0),
            ("ands r0, r0, r1", "andne r0, r0, r1", 0x8000_0000, 0x4000_0000),
            ("movs r0, #0", "movne r0, #0", 5, 0),
            ("negs r0, r1", "negne r0, r1", 0, 0x8000_0000),
            ("muls r0, r1, r0", "mulne r0, r1, r0", 2, 3),
            ("asrs r0, r0, r1", "asrne r0, r0, r1", 0x8000_0000, 1),
            ("mvns r0, r1", "mvnne r0, r1", 0, 0xffff_ffff),
            ("adcs r0, r0, r1", "adcne r0, r0, r1", 0x8000_0000, 0x8000_0000),
        ]
        for (out, inIT, r0, r1) in pairs {
            let a = try GuestMachine(thumb: out)
            a[0] = r0
            a[1] = r1
            a.nzcv = 0b1011
            a.runToEnd()
            #expect(a.nzcv != 0b1011, "\(out) sets flags outside an IT block")
            let b = try GuestMachine(thumb: "it ne\n" + inIT)
            b[0] = r0
            b[1] = r1
            b.nzcv = 0b1011
            b.runToEnd()
            #expect(b.nzcv == 0b1011, "\(inIT) sets no flags inside an IT block")
            #expect(b[0] == a[0], "\(inIT) computes the same result")
        }
    }

    /// CMP inside an IT block sets flags, and the later slots test the new flags.
    @Test func flagsChangedInsideDecideLaterSlots() throws {
        let m = try GuestMachine(thumb: "ittt eq\ncmpeq r0, r1\nmoveq r2, #1\naddeq r3, r3, #1")
        for (r0, r1, z) in [(UInt32(5), UInt32(5), true), (5, 6, false)] {
            m.restart()
            m[0] = r0
            m[1] = r1
            m[2] = 0
            m[3] = 0
            m.nzcv = 0b0100
            m.runToEnd(maxInstructions: 2)
            #expect(m[2] == (z ? 1 : 0))
            #expect(m[3] == (z ? 1 : 0))
        }
    }

    /// A branch may end an IT block; taken and not taken.
    @Test func branchEndsITBlock() throws {
        let m = try GuestMachine(thumb: "ite ne\nmovne r0, #1\nbeq.w 1f\nmov r1, #1\n1:\nmov r2, #1")
        for z in [false, true] {
            m.restart()
            for r in 0..<3 { m[r] = 0 }
            m.nzcv = z ? 0b0100 : 0
            m.runToEnd()
            #expect(m[0] == (z ? 0 : 1))
            #expect(m[1] == (z ? 0 : 1), "beq skips the mov when taken")
            #expect(m[2] == 1)
            #expect(m.state.itState == 0)
        }
    }

    /// Other block-ending instructions as the last of an IT block, taken and not: the narrow
    /// B, BX, POP {pc}, LDR pc and TBB. Not taken, the next instruction runs with ITSTATE clear.
    @Test func blockEndersAsLastInstruction() throws {
        let away: UInt32 = 0x4_0000
        let enders = ["beq 1f\nnop\n1:", "bxeq r3", "popeq {pc}", "ldreq pc, [r4]", "tbbeq [r4, r5]"]
        for ender in enders {
            let m = try GuestMachine(thumb: "itt eq\nmoveq r0, #1\n\(ender)\nmov r1, #1")
            for z in [false, true] {
                m.restart()
                m[0] = 0
                m[1] = 0
                m[3] = away | 1
                m[4] = GuestMachine.dataBase
                m[5] = 4
                m.state.sp = GuestMachine.dataBase
                m.store32(GuestMachine.dataBase, away | 1)
                m.store8(GuestMachine.dataBase + 4, 0x80)
                m.nzcv = z ? 0b0100 : 0
                m.runToEnd()
                #expect(m[0] == (z ? 1 : 0), "\(ender) Z=\(z)")
                #expect(m.state.itState == 0, "\(ender) Z=\(z): ITSTATE clear")
                #expect(m.state.thumb)
                if ender.hasPrefix("beq") || !z {
                    #expect(m[1] == 1, "\(ender) Z=\(z): falls through to the next instruction")
                } else if ender.hasPrefix("tbb") {
                    // TBB at offset 4 reads pc + 4 = offset 8; entry 0x80 adds 0x100.
                    #expect(m.state.pc == GuestMachine.codeBase + 8 + 0x100, "\(ender): pc")
                } else {
                    #expect(m.state.pc == away, "\(ender): pc")
                }
            }
        }
    }

    /// An exit in the middle of an IT block (SVC) leaves the advanced ITSTATE in the guest state
    /// so execution resumes inside the block.
    @Test func exitInsideITBlockKeepsState() throws {
        let m = try GuestMachine(thumb: "ittet eq\nsvceq #7\nmoveq r1, #1\nmovne r2, #1\nmoveq r3, #1\nmov r4, #1")
        for z in [true, false] {
            m.restart()
            for r in 1..<5 { m[r] = 0 }
            m.nzcv = z ? 0b0100 : 0
            var end = m.run()
            if z {
                #expect(end == .exit(.syscall, payload: 7))
                #expect(m.state.pc == GuestMachine.codeBase + 4)
                // ITTET EQ is ITSTATE 0x05; after its first slot, 0x0a.
                #expect(m.state.itState == 0x0a)
                end = m.run()
            }
            #expect(end == .left)
            #expect(m[1] == (z ? 1 : 0))
            #expect(m[2] == (z ? 0 : 1))
            #expect(m[3] == (z ? 1 : 0))
            #expect(m[4] == 1)
        }
    }

    /// IT inside an IT block, and IT AL with else slots, are not valid: UNPREDICTABLE
    /// encodings the translator treats as undefined.
    @Test func invalidITIsUndefined() throws {
        // A raw IT instruction (0xbf08 = it eq) as the first slot of another IT block.
        let m = try GuestMachine(thumb: "it eq\n.inst.n 0xbf08\nnop")
        m.nzcv = 0b0100
        let end = m.run()
        #expect(end == .exit(.undefined, payload: 0xbf08))
        #expect(m.state.pc == GuestMachine.codeBase + 2)
    }
}
