// Exceptions and system instructions (MIPS32 Vol. II-A: SYSCALL, BREAK, the traps, SYNC,
// RDHWR, PREF, SYNCI, and reserved words): the exits a CPU loop sees, with the pc and payload
// Linux needs (MIPSTrap), on both backends.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct SystemTests {
    static let base = GuestMachine.codeBase

    @Test(arguments: Backend.allCases, byteOrders)
    func syscall(backend: Backend, bigEndian: Bool) throws {
        let m = try GuestMachine("addiu $2, $0, 4001\nsyscall\naddiu $3, $0, 1", bigEndian: bigEndian)
        #expect(m.run(on: backend).end == .exit(.syscall, payload: 0))
        #expect(m.state.pc == Self.base + 8, "the pc is the instruction after SYSCALL")
        #expect(m[2] == 4001 && m[3] == 0)
        m.runToEnd(on: backend)
        #expect(m[3] == 1)
    }

    @Test(arguments: Backend.allCases)
    func breakCodes(backend: Backend) throws {
        for (source, code) in [("break", UInt32(0)), ("break 7", 7 << 10), ("break 6", 6 << 10), ("break 3, 4", 3 << 10 | 4), ("break 0, 7", 7)] {
            let m = try GuestMachine("nop\n" + source)
            #expect(m.run(on: backend).end == .exit(.breakpoint, payload: MIPSTrap.breakInstruction(code: code).payload), "\(source)")
            #expect(m.state.pc == Self.base + 4, "the pc is the BREAK")
        }
    }

    /// Every trap instruction, trapping or not on edge values.
    @Test(arguments: Backend.allCases)
    func traps(backend: Backend) throws {
        let kinds: [(String, (UInt32, UInt32) -> Bool)] = [
            ("teq", { $0 == $1 }), ("tne", { $0 != $1 }),
            ("tge", { Int32(bitPattern: $0) >= Int32(bitPattern: $1) }), ("tgeu", { $0 >= $1 }),
            ("tlt", { Int32(bitPattern: $0) < Int32(bitPattern: $1) }), ("tltu", { $0 < $1 }),
        ]
        let values: [UInt32] = [0, 1, 0xffff_ffff, 0x8000_0000, 5]
        for (name, condition) in kinds {
            let register = try GuestMachine("\(name) $4, $5, 7\naddiu $6, $0, 1")
            let immediateName = name.hasSuffix("u") ? name.dropLast() + "iu" : name + "i"
            let immediate = try GuestMachine("\(immediateName) $4, -1\naddiu $6, $0, 1")
            for a in values {
                for b in values {
                    register.restart()
                    register[4] = a
                    register[5] = b
                    register[6] = 0
                    let end = register.run(on: backend).end
                    if condition(a, b) {
                        #expect(end == .exit(.breakpoint, payload: MIPSTrap.trapInstruction(code: 7).payload), "\(name) \(a) \(b)")
                        #expect(register.state.pc == Self.base && register[6] == 0)
                    } else {
                        #expect(end == .left && register[6] == 1, "\(name) \(a) \(b) must not trap")
                    }
                }
                immediate.restart()
                immediate[4] = a
                let end = immediate.run(on: backend).end
                #expect(end == (condition(a, 0xffff_ffff) ? .exit(.breakpoint, payload: MIPSTrap.trapInstruction(code: 0).payload) : .left),
                        "\(immediateName) \(a), -1")
            }
        }
    }

    /// What Linux raises for each (arch/mips/kernel/traps.c).
    @Test func linuxSignals() {
        #expect(MIPSTrap.overflow.linuxSignal == .integerOverflow)
        #expect(MIPSTrap.breakInstruction(code: 7 << 10).linuxSignal == .integerDivideByZero, "gas's break 7")
        #expect(MIPSTrap.breakInstruction(code: 7).linuxSignal == .integerDivideByZero, "break 0, 7")
        #expect(MIPSTrap.breakInstruction(code: 6 << 10).linuxSignal == .integerOverflow)
        #expect(MIPSTrap.breakInstruction(code: 0).linuxSignal == .trap(breakpoint: true))
        #expect(MIPSTrap.breakInstruction(code: 5 << 10 | 1).linuxCode == 1 << 10 | 5)
        #expect(MIPSTrap.trapInstruction(code: 7).linuxSignal == .integerDivideByZero, "teq $x, $0, 7 after a division")
        #expect(MIPSTrap.trapInstruction(code: 0).linuxSignal == .trap(breakpoint: false))
        for trap in [MIPSTrap.overflow, .breakInstruction(code: 0xf_ffff), .trapInstruction(code: 0x3ff)] {
            #expect(MIPSTrap(payload: trap.payload) == trap)
        }
    }

    @Test(arguments: Backend.allCases)
    func hardwareRegisters(backend: Backend) throws {
        let m = try GuestMachine("rdhwr $4, $29\nrdhwr $5, $0\nrdhwr $6, $1\nrdhwr $7, $3\nrdhwr $8, $2")
        m.state.userLocal = 0x7fff_1234
        m.runToEnd(on: backend)
        #expect(m[4] == 0x7fff_1234)
        #expect(m[5] == 0 && m[6] == 32 && m[7] == 1)
        let reserved = try GuestMachine("rdhwr $4, $5")
        #expect(reserved.run(on: backend).end == .exit(.undefined, payload: 0x7c04_283b))
    }

    /// Hints and barriers run as nothing (or a fence).
    @Test(arguments: Backend.allCases)
    func hintsAndBarriers(backend: Backend) throws {
        let m = try GuestMachine("sync\nsync 0x10\npref 5, 0($4)\nsynci 0($5)\nssnop\nehb\npause\njr.hb $6\nnop\nnop\nnop")
        m[4] = 0xffff_fff0  // a prefetch of an unmapped address does not fault
        m[6] = Self.base + 40
        m.runToEnd(on: backend)
        #expect(m.state.pc == Self.base + 44)
    }

    /// Reserved and privileged words: SIGILL at their pc with the word as payload.
    @Test(arguments: Backend.allCases, byteOrders)
    func reservedInstructions(backend: Backend, bigEndian: Bool) throws {
        for word: UInt32 in [0xbc85_0000, 0x4080_6000, 0x4200_0018, 0x7000_003f, 0xfc00_0000] {
            let m = try GuestMachine("nop\n.word 0x\(String(word, radix: 16))", bigEndian: bigEndian)
            #expect(m.run(on: backend).end == .exit(.undefined, payload: UInt64(word)))
            #expect(m.state.pc == Self.base + 4)
        }
    }
}
