// A syscall's arguments and results through SyscallConvention, as a CPU loop moves them: ARM
// EABI's r0-r6 and -errno in r0; MIPS o32's $a0-$a3 and the caller's stack slots, $v0 with
// $a3 as the error flag, and pipe's second result in $v1.

import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct SyscallConventionTests {
    @Test func armRegisters() {
        let convention = SyscallConvention.armEABI
        let args = convention.arguments(register: { UInt64($0 + 100) }, stackWord: { _ in 0xdead })
        #expect([args.0, args.1, args.2, args.3, args.4, args.5, args.6] == [100, 101, 102, 103, 104, 105, 106])
        #expect(convention.number(register: { $0 == 7 ? 0x1_0000_00fe : 0 }) == 0xfe)
        let ok = convention.results(42, second: 7)
        #expect(ok == SyscallReturn(result: .init(register: 0, value: 42), errorFlag: nil, second: nil, failed: false))
        let failed = convention.results(-2, second: nil)
        #expect(failed.result.value == 0xffff_fffe && failed.failed)
    }

    @Test func mipsO32Registers() {
        let convention = SyscallConvention.mipsO32
        var stackRead: [Int] = []
        let args = convention.arguments(register: { UInt64($0 * 10) }, stackWord: { offset in
            stackRead.append(offset)
            return offset == 20 ? nil : UInt32(offset)
        })
        // $a0-$a3 are registers 4-7; sp+16, sp+20 (unreadable: 0), sp+24.
        #expect([args.0, args.1, args.2, args.3, args.4, args.5, args.6] == [40, 50, 60, 70, 16, 0, 24])
        #expect(stackRead == [16, 20, 24])
        #expect(convention.number(register: { $0 == 2 ? 4042 : 0 }) == 4042)

        let pipe = convention.results(3, second: 4)
        #expect(pipe == SyscallReturn(result: .init(register: 2, value: 3), errorFlag: .init(register: 7, value: 0),
                                      second: .init(register: 3, value: 4), failed: false))
        let enoent = convention.results(-2, second: 4)
        #expect(enoent == SyscallReturn(result: .init(register: 2, value: 2), errorFlag: .init(register: 7, value: 1),
                                        second: nil, failed: true))
        // A large unsigned result (an mmap address) is no error.
        let high = convention.results(0x7fff_0000, second: nil)
        #expect(high.result.value == 0x7fff_0000 && high.errorFlag?.value == 0)
        var writes: [Int: UInt64] = [:]
        pipe.apply { writes[$0] = $1 }
        #expect(writes == [2: 3, 7: 0, 3: 4])
    }
}
