// TCGETS/TCSETS on a real pseudo-terminal through each guest's termios: MIPS moves IEXTEN,
// TOSTOP and FLUSHO in c_lflag and VMIN, VEOF, VEOL, VEOL2 in c_cc (23 slots, not 19); ARM
// has the host's numbering.

import CHost
import Glibc
import Host
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct TerminalConversionTests {
    /// (TCGETS, TCSETS) as each guest numbers them.
    func requests(_ arch: GuestArch) -> (UInt64, UInt64) { arch == .arm ? (0x5401, 0x5402) : (0x540d, 0x540e) }

    @Test(arguments: SyscallHarness.arches) func termiosThroughAPty(arch: GuestArch) throws {
        let h = try SyscallHarness(arch)
        let master = Glibc.open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { Glibc.close(master) }
        // TIOCSPTLCK (unlock) and TIOCGPTN (its number), what unlockpt and ptsname do.
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(withUnsafeMutablePointer(to: &unlock) { Host.rawSyscall(HOST_SYS_ioctl, Int(master), 0x4004_5431, Int(bitPattern: $0)) } == 0)
        try #require(withUnsafeMutablePointer(to: &number) { Host.rawSyscall(HOST_SYS_ioctl, Int(master), 0x8004_5430, Int(bitPattern: $0)) } == 0)
        let slave = Glibc.open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        defer { Glibc.close(slave) }
        var host = termios()
        try #require(tcgetattr(slave, &host) == 0)
        host.c_lflag |= tcflag_t(IEXTEN | TOSTOP)
        host.c_cc.6 = 7    // VMIN
        host.c_cc.4 = 0x11 // VEOF
        try #require(tcsetattr(slave, TCSANOW, &host) == 0)

        let mips = arch != .arm
        let (get, set) = requests(arch)
        #expect(h.context(UInt64(slave), get, h.address(0)).ioctl() == 0)
        let lflag = h.load32(at: 12)
        let (iexten, tostop): (UInt32, UInt32) = mips ? (0x100, 0x8000) : (0x8000, 0x100)
        #expect(lflag & iexten != 0 && lflag & tostop != 0)
        #expect(lflag & ~(iexten | tostop) == UInt32(host.c_lflag) & ~UInt32(IEXTEN | TOSTOP))
        let cc = h.bytes(at: 17, mips ? 23 : 19)
        #expect(cc[mips ? 4 : 6] == 7)        // VMIN
        #expect(cc[mips ? 16 : 4] == 0x11)    // VEOF
        #expect(h.load32(at: 0) == UInt32(host.c_iflag) && h.load32(at: 8) == UInt32(host.c_cflag))

        // Back: the guest clears TOSTOP and sets VMIN to 3 in its own slots.
        h.store32(lflag & ~tostop, at: 12)
        h.write([3], at: 17 + (mips ? 4 : 6))
        #expect(h.context(UInt64(slave), set, h.address(0)).ioctl() == 0)
        var after = termios()
        try #require(tcgetattr(slave, &after) == 0)
        #expect(after.c_lflag & tcflag_t(TOSTOP) == 0 && after.c_lflag & tcflag_t(IEXTEN) != 0)
        #expect(after.c_cc.6 == 3 && after.c_cc.4 == 0x11)
    }
}
