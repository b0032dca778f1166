// Enumerated constants (errno values, signal numbers, fcntl commands, ioctl requests, clock ids,
// rlimit resources) as rows of (name, guest number, host number), looked up in either direction.
// Tables are a few dozen to ~130 rows and are scanned linearly: that costs less than one host
// syscall, and it needs no hashing or sorting when the table is first touched.
import Glibc

/// A row of a constant table: the kernel's name, the guest's number and the host's number.
public protocol TranslatedConstant: Sendable {
    var name: StaticString { get }
    var guest: UInt32 { get }
    var host: UInt32 { get }
}

/// A plain named constant.
public struct Constant: TranslatedConstant {
    public var name: StaticString
    public var guest: UInt32
    public var host: UInt32

    /// `host` is usually a Glibc macro, whose Swift type varies (Int32, UInt32, Int); it is kept
    /// as its low 32 bits, which is all a 32-bit guest can see anyway.
    public init(_ name: StaticString, _ guest: UInt32, _ host: some BinaryInteger) {
        self.name = name
        self.guest = guest
        self.host = UInt32(truncatingIfNeeded: host)
    }
}

/// Constants of one kind for one guest.
public struct ConstantTable<Entry: TranslatedConstant>: Sendable {
    public let entries: [Entry]

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// The row for a guest number. When several rows share a guest number, the first wins.
    public func entry(guest: UInt32) -> Entry? {
        for entry in entries where entry.guest == guest { return entry }
        return nil
    }

    /// The row for a host number. When several guest numbers map to one host number (ARM's
    /// F_GETLK and F_GETLK64 both become the host's F_GETLK), the first row wins.
    public func entry(host: UInt32) -> Entry? {
        for entry in entries where entry.host == host { return entry }
        return nil
    }

    /// The row with this name (for logging and tests; not for hot paths).
    public func entry(named name: StaticString) -> Entry? {
        for entry in entries where sameName(entry.name, name) { return entry }
        return nil
    }

    /// Guest number -> host number; nil when the guest number is unknown.
    public func translate(_ guest: UInt32) -> UInt32? {
        entry(guest: guest)?.host
    }

    /// Host number -> guest number; nil when the guest has no such constant.
    public func untranslate(_ host: UInt32) -> UInt32? {
        entry(host: host)?.guest
    }
}

/// Byte-wise equality of two static strings, without building Strings.
func sameName(_ a: StaticString, _ b: StaticString) -> Bool {
    a.withUTF8Buffer { left in
        b.withUTF8Buffer { right in
            left.count == right.count && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
        }
    }
}
