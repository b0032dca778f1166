// The harness itself: a few instructions run to the end of the code in both byte orders, on
// both backends.

@testable import GuestMIPS
import IR
import Testing
import TestBackends

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct SmokeTests {
    @Test(arguments: Backend.allCases, byteOrders)
    func addiuAndAddu(backend: Backend, bigEndian: Bool) throws {
        let m = try GuestMachine("addiu $4, $0, 5\naddiu $5, $4, 7\naddu $6, $4, $5", bigEndian: bigEndian)
        m.runToEnd(on: backend)
        #expect(m[4] == 5)
        #expect(m[5] == 12)
        #expect(m[6] == 17)
        #expect(m.state.pc == GuestMachine.codeBase + 12)
    }

    /// Writes to $0 are dropped.
    @Test(arguments: Backend.allCases)
    func zeroRegisterStaysZero(backend: Backend) throws {
        let m = try GuestMachine("addiu $0, $0, 5\nlui $0, 0x1234\naddu $4, $0, $0")
        m[4] = 99
        m.runToEnd(on: backend)
        #expect(m[0] == 0)
        #expect(m[4] == 0)
    }
}
