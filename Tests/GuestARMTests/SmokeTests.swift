// The harness itself: a few instructions in each state run to the end of the code.

import GuestARM
import IR
import Testing

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct SmokeTests {
    @Test func armMovAdd() throws {
        let m = try GuestMachine(arm: "mov r0, #5\nadd r1, r0, #7")
        m.runToEnd()
        #expect(m[0] == 5)
        #expect(m[1] == 12)
        #expect(m.state.pc == GuestMachine.codeBase + 8)
    }

    @Test func thumbMovAdd() throws {
        let m = try GuestMachine(thumb: "movs r0, #5\nadds r1, r0, #7\nmovw r2, #0x1234")
        m.runToEnd()
        #expect(m[0] == 5)
        #expect(m[1] == 12)
        #expect(m[2] == 0x1234)
        #expect(m.state.pc == GuestMachine.codeBase + 8)
    }
}
