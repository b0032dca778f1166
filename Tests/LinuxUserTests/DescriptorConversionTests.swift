// Descriptor calls whose records differ between guests: poll's pollfd (byte order, and MIPS's
// POLLWRNORM/POLLWRBAND bits), select's fd_set words, pipe's two results, the counters of
// eventfd, and signalfd's and inotify's records. Each runs the call on real host descriptors
// for ARM, big-endian MIPS and little-endian MIPS.

import CHost
import Glibc
import GuestMemory
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct DescriptorConversionTests {
    /// A host pipe with one byte waiting in it: (read end, write end).
    func pipeWithData() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        try #require(Glibc.pipe(&fds) == 0)
        try #require(Glibc.write(fds[1], "x", 1) == 1)
        return (fds[0], fds[1])
    }

    /// Two pollfds in the guest's order and numbering: the read end asks for POLLIN and
    /// POLLRDNORM, the write end for POLLOUT and POLLWRNORM (MIPS: the same bit as POLLOUT);
    /// revents come back in the guest's bits, fd and events untouched.
    @Test(arguments: SyscallHarness.arches) func pollConvertsEachEntry(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        let (reader, writer) = try pipeWithData()
        defer { Glibc.close(reader); Glibc.close(writer) }
        let writeNormal: UInt16 = arch == .arm ? 0x100 : 0x4
        h.store32(UInt32(reader), at: 0)
        h.store16(0x1 | 0x40, at: 4)
        h.store16(0x5555, at: 6)
        h.store32(UInt32(writer), at: 8)
        h.store16(0x4 | writeNormal, at: 12)
        h.store16(0x5555, at: 14)
        #expect(h.context(h.address(0), 2, 0).poll() == 2)
        #expect(h.load32(at: 0) == UInt32(reader) && h.load16(at: 4) == 0x41)
        #expect(h.load16(at: 6) == 0x41)
        #expect(h.load32(at: 8) == UInt32(writer) && h.load16(at: 12) == 0x4 | writeNormal)
        #expect(h.load16(at: 14) == 0x4 | writeNormal)
        // An array the guest cannot write.
        #expect(h.context(0x1000, 1, 0).poll() == h.failure(EFAULT))
    }

    /// select's fd_set: bit n of the guest's 32-bit word n/32, in the guest's order; only the
    /// words that cover nfds are read and written.
    @Test(arguments: SyscallHarness.arches) func selectConvertsFDSets(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        // Descriptors above 31, so that the second guest word holds them.
        let (pipeReader, pipeWriter) = try pipeWithData()
        var other: [Int32] = [0, 0]
        try #require(Glibc.pipe(&other) == 0)
        let ready = fcntl(pipeReader, F_DUPFD, 33), quiet = fcntl(other[0], F_DUPFD, 33)
        defer { for fd in [pipeReader, pipeWriter, ready, quiet, other[0], other[1]] { Glibc.close(fd) } }
        try #require(ready > 32 && quiet > 32 && ready < 64 && quiet < 64)
        let nfds = max(ready, quiet) + 1
        h.store32(0, at: 0)
        h.store32(1 << UInt32(ready - 32) | 1 << UInt32(quiet - 32), at: 4)
        h.store32(0x7777_7777, at: 8)                            // past nfds' words: untouched
        h.write([UInt8](repeating: 0, count: 16), at: 0x100)     // a zero timeval
        #expect(h.context(UInt64(nfds), h.address(0), 0, 0, h.address(0x100)).select() == 1)
        #expect(h.load32(at: 0) == 0)
        #expect(h.load32(at: 4) == 1 << UInt32(ready - 32))
        #expect(h.load32(at: 8) == 0x7777_7777)
    }

    /// pipe: o32 returns both ends in registers (the second through `secondResult`) and
    /// writes no memory; ARM stores them in the guest's array.
    @Test(arguments: SyscallHarness.arches) func pipeResults(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        h.store32(0xaaaa_aaaa, at: 0)
        h.store32(0xbbbb_bbbb, at: 4)
        var context = h.context(h.address(0))
        let result = context.pipe(flagsArg: nil)
        #expect(result >= 0)
        let ends: (Int32, Int32)
        if arch == .arm {
            #expect(result == 0 && context.secondResult == nil)
            ends = (Int32(bitPattern: h.load32(at: 0)), Int32(bitPattern: h.load32(at: 4)))
        } else {
            #expect(h.load32(at: 0) == 0xaaaa_aaaa && h.load32(at: 4) == 0xbbbb_bbbb)
            let second = try #require(context.secondResult)
            ends = (Int32(result), Int32(second))
        }
        defer { Glibc.close(ends.0); Glibc.close(ends.1) }
        #expect(Glibc.write(ends.1, "y", 1) == 1)
        var byte: UInt8 = 0
        #expect(Glibc.read(ends.0, &byte, 1) == 1 && byte == UInt8(ascii: "y"))
        // pipe2 writes the array everywhere.
        var two = h.context(h.address(0x10), 0)
        #expect(two.pipe(flagsArg: 1) == 0 && two.secondResult == nil)
        Glibc.close(Int32(bitPattern: h.load32(at: 0x10)))
        Glibc.close(Int32(bitPattern: h.load32(at: 0x14)))
    }

    /// An eventfd's counter is a u64 in the guest's order, written and read.
    @Test(arguments: SyscallHarness.arches) func eventfdCounter(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        let fd = h.context(3, 0).eventfd(flagsArg: 1)
        try #require(fd >= 0)
        defer { Glibc.close(Int32(fd)) }
        _ = h.space.store(UInt64(0x0102_0304_0506), at: GuestAddress(h.address(0)), bigEndian: h.bigEndian)
        #expect(h.context(UInt64(fd), h.address(0), 8).write() == 8)
        #expect(h.context(UInt64(fd), h.address(0x100), 8).read() == 8)
        #expect(h.load64(at: 0x100) == 0x0102_0304_0506 + 3)
    }

    /// A signalfd_siginfo record from the host: the guest's signal and si_code numbers, a
    /// child's status signal, every field in the guest's order.
    @Test(arguments: SyscallHarness.arches) func signalfdRecord(arch: GuestArch) throws {
        let abi = try #require(GuestABI.forArch(arch))
        let layout = try #require(abi.layouts[.signalfdSiginfo])
        var host = [UInt8](repeating: 0, count: 2 * layout.size)
        host.withUnsafeMutableBytes { buffer in
            for (i, (signal, code, status)) in [(SIGUSR1, Int32(-2), Int32(0)), (SIGCHLD, WaitID.childKilled, SIGTERM)].enumerated() {
                let record = UnsafeMutableRawBufferPointer(rebasing: buffer[i * layout.size..<(i + 1) * layout.size])
                guard let w = StructWriter(layout, byteOrder: .host, into: record) else { continue }
                w.set("ssi_signo", UInt64(signal))
                w.set("ssi_code", signed: Int64(code))
                w.set("ssi_pid", 777)
                w.set("ssi_status", signed: Int64(status))
                w.set("ssi_ptr", 0x1122_3344_5566_7788)
            }
        }
        let guest = EventRecords.signalfdRecords(host, layout: layout, abi: abi)
        let mips = arch != .arm
        let expected: [(Int64, Int64, Int64)] = [(mips ? 16 : 10, mips ? -3 : -2, 0), (mips ? 18 : 17, 2, 15)]
        guest.withUnsafeBytes { buffer in
            for (i, (signal, code, status)) in expected.enumerated() {
                let record = UnsafeRawBufferPointer(rebasing: buffer[i * layout.size..<(i + 1) * layout.size])
                let r = StructReader(layout, byteOrder: abi.byteOrder, from: record)
                #expect(r?.getSigned("ssi_signo") == signal)
                #expect(r?.getSigned("ssi_code") == code)
                #expect(r?.getSigned("ssi_status") == status)
                #expect(r?.get("ssi_pid") == 777)
                #expect(r?.get("ssi_ptr") == 0x1122_3344_5566_7788)
            }
        }
    }

    /// inotify_event: the four header words in the guest's order, the name as it is.
    @Test func inotifyEvents() {
        let host: [UInt8] = [1, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0] + Array("abc\0".utf8)
            + [9, 0, 0, 0, 8, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0]
        let big = EventRecords.inotifyEvents(host, order: .big)
        #expect(big == [0, 0, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 4] + Array("abc\0".utf8)
            + [0, 0, 0, 9, 0, 0, 0, 8, 0, 0, 0, 7, 0, 0, 0, 0])
        #expect(EventRecords.inotifyEvents(host, order: .little) == host)
        #expect(EventRecords.counters([1, 2, 3, 4, 5, 6, 7, 8], order: .big) == [8, 7, 6, 5, 4, 3, 2, 1])
    }

    /// Reads of a tracked descriptor convert; a dup of it too; after close, nothing is tracked.
    @Test func mipsTracksEventDescriptors() throws {
        let h = try SyscallHarness(.mips)
        let fd = Int32(h.context(0, 0).eventfd(flagsArg: 1))
        try #require(fd >= 0)
        let copy = Int32(h.context(UInt64(fd)).dup())
        #expect(h.process.eventDescriptor(copy) == .counter)
        #expect(h.context(UInt64(copy)).close() == 0)
        #expect(h.process.eventDescriptor(copy) == nil && h.process.eventDescriptor(fd) == .counter)
        #expect(h.context(UInt64(fd)).close() == 0)
        #expect(try SyscallHarness(.arm).process.convertsEventRecords == false)
    }
}
