// The HI/LO family (MULT, MULTU, MADD, MADDU, MSUB, MSUBU, DIV, DIVU, MFHI, MFLO, MTHI, MTLO)
// and MUL against 64-bit Swift arithmetic, on both backends. Division by zero does not trap:
// LO = the dividend and HI = 0, as qemu-mips gives.

@testable import GuestMIPS
import IR
import Testing
import TestTools
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct MultiplyDivideTests {
    static func split(_ v: UInt64) -> (hi: UInt32, lo: UInt32) { (UInt32(v >> 32), UInt32(truncatingIfNeeded: v)) }

    @Test(arguments: Backend.allCases)
    func multiplies(backend: Backend) throws {
        var rng = SplitMix64(seed: 0xb1)
        let ops: [(String, (UInt32, UInt32, UInt64) -> UInt64)] = [
            ("mult", { a, b, _ in UInt64(bitPattern: Int64(Int32(bitPattern: a)) * Int64(Int32(bitPattern: b))) }),
            ("multu", { a, b, _ in UInt64(a) * UInt64(b) }),
            ("madd", { a, b, acc in acc &+ UInt64(bitPattern: Int64(Int32(bitPattern: a)) * Int64(Int32(bitPattern: b))) }),
            ("maddu", { a, b, acc in acc &+ UInt64(a) * UInt64(b) }),
            ("msub", { a, b, acc in acc &- UInt64(bitPattern: Int64(Int32(bitPattern: a)) * Int64(Int32(bitPattern: b))) }),
            ("msubu", { a, b, acc in acc &- UInt64(a) * UInt64(b) }),
        ]
        for (name, definition) in ops {
            let m = try GuestMachine("\(name) $5, $6\nmfhi $7\nmflo $8")
            for _ in 0..<24 {
                let a = rng.word(), b = rng.word()
                let acc = UInt64(rng.word()) << 32 | UInt64(rng.word())
                m.restart()
                m[5] = a
                m[6] = b
                (m.hi, m.lo) = Self.split(acc)
                m.runToEnd(on: backend)
                let expected = Self.split(definition(a, b, acc))
                #expect(m[7] == expected.hi && m[8] == expected.lo, "\(backend) \(name) 0x\(String(a, radix: 16)) 0x\(String(b, radix: 16))")
            }
        }
    }

    /// MUL writes the low word to rd and leaves HI and LO alone.
    @Test(arguments: Backend.allCases)
    func mul(backend: Backend) throws {
        let m = try GuestMachine("mul $4, $5, $6")
        m[5] = 0x1234_5678
        m[6] = 0x9abc_def0
        m.hi = 1
        m.lo = 2
        m.runToEnd(on: backend)
        #expect(m[4] == 0x1234_5678 &* 0x9abc_def0)
        #expect(m.hi == 1 && m.lo == 2)
    }

    @Test(arguments: Backend.allCases)
    func divides(backend: Backend) throws {
        var rng = SplitMix64(seed: 0xb2)
        let m = try GuestMachine("div $0, $5, $6\nmfhi $7\nmflo $8\ndivu $0, $5, $6\nmfhi $9\nmflo $10")
        var cases: [(UInt32, UInt32)] = [(7, 2), (0xffff_fff9, 2), (7, 0xffff_fffe), (0x8000_0000, 0xffff_ffff),
                                         (0x8000_0000, 1), (5, 0), (0xffff_ffff, 0), (0, 0)]
        for _ in 0..<24 { cases.append((rng.word(), rng.word())) }
        for (a, b) in cases {
            m.restart()
            m[5] = a
            m[6] = b
            m.runToEnd(on: backend)
            let sa = Int32(bitPattern: a), sb = Int32(bitPattern: b)
            if b == 0 {
                #expect(m[8] == a && m[7] == 0, "DIV by zero: LO = dividend, HI = 0")
                #expect(m[10] == a && m[9] == 0, "DIVU by zero: LO = dividend, HI = 0")
            } else {
                let (q, r) = sa == Int32.min && sb == -1 ? (Int32.min, 0) : (sa / sb, sa % sb)
                #expect(m[8] == UInt32(bitPattern: q) && m[7] == UInt32(bitPattern: r), "DIV \(sa) / \(sb)")
                #expect(m[10] == a / b && m[9] == a % b, "DIVU \(a) / \(b)")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func moveToHILO(backend: Backend) throws {
        let m = try GuestMachine("mthi $5\nmtlo $6\nmfhi $7\nmflo $8")
        m[5] = 0xaaaa
        m[6] = 0xbbbb
        m.runToEnd(on: backend)
        #expect(m.hi == 0xaaaa && m.lo == 0xbbbb && m[7] == 0xaaaa && m[8] == 0xbbbb)
    }
}
