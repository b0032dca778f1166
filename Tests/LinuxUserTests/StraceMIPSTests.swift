// -strace for a MIPS guest: names from MIPS's own tables (socket types, SOL_SOCKET, sigprocmask's
// `how`, signal numbers up to 128, errno), big-endian memory, and pipe's pair from $v0/$v1.

import GuestMemory
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct StraceMIPSTests {
    static let buffer: UInt64 = 0x10000

    func line(_ call: Syscall, _ registers: [UInt64], _ result: Int64?, memory: [UInt8] = [], second: UInt64? = nil) throws -> String {
        let space = try GuestAddressSpace(addressBits: 32)
        _ = space.map(at: GuestAddress(Self.buffer), length: 4096, protection: .readWrite, flags: [.fixed, .private, .anonymous])
        _ = space.write(memory, at: GuestAddress(Self.buffer))
        let formatter = StraceFormatter(space: space, abi: try #require(GuestABI.forArch(.mips)))
        return formatter.line(prefix: "", name: "\(call)", signature: StraceSignatures.signature(call), registers: registers,
                              result: result, secondResult: second)
    }

    @Test func mipsNames() throws {
        // SOCK_STREAM is 2 and SOCK_NONBLOCK 0x80 on MIPS; SOL_SOCKET is 0xffff.
        #expect(try line(.socket, [2, 0x82, 0], 3) == "socket(AF_INET, SOCK_STREAM|SOCK_NONBLOCK, 0) = 3")
        #expect(try line(.setsockopt, [3, 0xffff, 4, 0, 4], 0).hasPrefix("setsockopt(3, SOL_SOCKET, 4, NULL, 4)"))
        // SIG_BLOCK is 1; the set is four big-endian words: SIGUSR1 (16) and signal 100.
        let set: [UInt8] = [0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8]
        #expect(try line(.rt_sigprocmask, [1, Self.buffer, 0, 16], 0, memory: set)
                == "rt_sigprocmask(SIG_BLOCK, [USR1 RT_68], NULL, 16) = 0")
        // MIPS's ENOSYS is 89.
        #expect(try line(.close, [3], -89).hasSuffix("= -1 ENOSYS (Function not implemented)"))
        #expect(try line(.pipe, [Self.buffer], 5, second: 6).hasPrefix("pipe([5, 6])"))
    }
}
