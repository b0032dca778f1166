// The PI lock futex calls as a guest sees them, for every guest: the kernel's own on the
// host's byte order (ARM, mipsel), Mirage's compare-and-swap protocol on a big-endian word
// (mips). Uncontended: take, take again (EDEADLK), release, release again (EPERM), an owner
// that is gone (ESRCH), and a word whose owner died.

import Glibc
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct FutexPITests {
    static let lockPI: UInt64 = 6 | 128, unlockPI: UInt64 = 7 | 128, trylockPI: UInt64 = 8 | 128

    @Test(arguments: SyscallHarness.arches)
    func uncontendedLocking(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        let word = h.address(0x100)
        let tid = UInt32(bitPattern: h.thread.tid)
        h.store32(0, at: 0x100)
        #expect(h.context(word, Self.lockPI).futex(.timespec) == 0)
        #expect(h.load32(at: 0x100) == tid, "the owner's tid in the guest's byte order")
        #expect(h.context(word, Self.lockPI).futex(.timespec) == h.failure(EDEADLK))
        #expect(h.context(word, Self.trylockPI).futex(.timespec) == h.failure(EDEADLK))
        #expect(h.context(word, Self.unlockPI).futex(.timespec) == 0)
        #expect(h.load32(at: 0x100) == 0)
        #expect(h.context(word, Self.unlockPI).futex(.timespec) == h.failure(EPERM), "not the owner")

        // An owner that does not exist.
        h.store32(0x3fff_fff0, at: 0x100)
        #expect(h.context(word, Self.trylockPI).futex(.timespec) == h.failure(ESRCH))

        // The robust-list walk marked the owner dead: the next owner takes it and sees so.
        h.store32(SyscallContext.futexOwnerDied, at: 0x100)
        #expect(h.context(word, Self.trylockPI).futex(.timespec) == 0)
        #expect(h.load32(at: 0x100) == SyscallContext.futexOwnerDied | tid)
        #expect(h.context(word, Self.unlockPI).futex(.timespec) == 0)
    }
}
