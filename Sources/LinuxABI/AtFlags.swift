// The *at syscalls' directory-fd sentinel and flags (linux/fcntl.h: the same on every arch).
// AT_EACCESS (faccessat) and AT_REMOVEDIR (unlinkat) share bit 0x200; each call reads only
// the one it knows.
import Glibc

extension AsmGeneric {
    /// The guest's "current directory" dirfd for *at calls.
    static let atFDCWD: Int32 = -100

    static let atFlags = FlagTable([
        .init("AT_SYMLINK_NOFOLLOW", 0x100, AT_SYMLINK_NOFOLLOW),
        .init("AT_REMOVEDIR", 0x200, AT_REMOVEDIR),
        .init("AT_EACCESS", 0x200, AT_EACCESS),
        .init("AT_SYMLINK_FOLLOW", 0x400, AT_SYMLINK_FOLLOW),
        .init("AT_NO_AUTOMOUNT", 0x800, 0x800 as UInt32),          // Glibc: _GNU_SOURCE only
        .init("AT_EMPTY_PATH", 0x1000, 0x1000 as UInt32),          // Glibc: _GNU_SOURCE only
        .init("AT_STATX_FORCE_SYNC", 0x2000, 0x2000 as UInt32),    // Glibc: _GNU_SOURCE only
        .init("AT_STATX_DONT_SYNC", 0x4000, 0x4000 as UInt32),     // Glibc: _GNU_SOURCE only
        .init("AT_RECURSIVE", 0x8000, 0x8000 as UInt32),           // Glibc: _GNU_SOURCE only
    ])
}

extension GuestABI {
    /// A guest dirfd argument -> the host's: the guest's AT_FDCWD becomes the host's, any other
    /// value is a descriptor number and passes unchanged.
    public func translateDirectoryFD(_ guest: Int32) -> Int32 {
        guest == atFDCWD ? AT_FDCWD : guest
    }
}
