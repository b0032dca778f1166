// The Host wrappers GuestMemory and the loader rely on (no HostTests target exists yet).

import CHost
import Glibc
import Host
import SystemPackage
import Testing

@Suite struct HostTests {
    @Test func rawSyscallReturnsMinusErrno() {
        #expect(Host.rawSyscall(Int(SYS_close), -1) == -Int(EBADF))
        #expect(Host.rawSyscall(Int(SYS_getpid)) == Int(getpid()))
    }

    @Test func filesAndErrors() throws {
        let fd = try Host.open("/proc/self/exe", flags: O_RDONLY)
        defer { try? Host.close(fd) }
        let status = try Host.fstat(fd)
        #expect(status.st_size > 64)
        var magic = [UInt8](repeating: 0, count: 4)
        let count = try magic.withUnsafeMutableBytes { buffer throws(Errno) in try Host.preadFully(fd, into: buffer, offset: 0) }
        #expect(count == 4)
        #expect(magic == [0x7f, 0x45, 0x4c, 0x46])
        #expect(throws: Errno.noSuchFileOrDirectory) { try Host.open("/nonexistent/mirage", flags: O_RDONLY) }
        #expect(throws: Errno.badFileDescriptor) { try Host.close(-1) }
    }

    @Test func mremapConstantsMoveMemory() throws {
        let first = try Host.mmap(nil, length: 8192, protection: PROT_READ | PROT_WRITE, flags: MAP_PRIVATE | MAP_ANONYMOUS).get()
        first.storeBytes(of: 0x55, as: UInt8.self)
        let grown = try Host.mremap(first, oldLength: 8192, newLength: 1 << 20, flags: Host.mremapMayMove).get()
        #expect(grown.load(as: UInt8.self) == 0x55)
        #expect(Host.munmap(grown, length: 1 << 20).value != nil)
    }

    @Test func randomAndClock() throws {
        let a = try Host.randomBytes(count: 16)
        let b = try Host.randomBytes(count: 16)
        #expect(a.count == 16 && a != b)
        let t0 = Host.monotonicNanoseconds()
        let t1 = Host.monotonicNanoseconds()
        #expect(t1 >= t0 && t0 > 0)
        #expect(Host.resourceLimit(Int32(RLIMIT_AS.rawValue)).value != nil)
    }
}
