// -strace formatting: strace's quoting, shortening, flags, modes, errors and column, checked
// against lines the host's strace(1) prints for the same calls where it is installed, and
// against its documented conventions otherwise; whole lines formatted from a guest address
// space with the ARM ABI.

import Foundation
import GuestMemory
import LinuxABI
@testable import LinuxUser
import Testing

@Suite struct StraceTests {
    static let abi = GuestABI.forArch(.arm)!
    static let buffer: UInt64 = 0x10000

    /// A guest space with one read/write page at `buffer` holding `bytes`.
    static func space(_ bytes: [UInt8]) throws -> GuestAddressSpace {
        let space = try GuestAddressSpace(addressBits: 32)
        _ = space.map(at: GuestAddress(buffer), length: 4096, protection: .readWrite, flags: [.fixed, .private, .anonymous])
        #expect(space.write(bytes, at: GuestAddress(buffer)))
        return space
    }

    static func line(_ call: Syscall, _ registers: [UInt64], _ result: Int64?, memory: [UInt8] = []) throws -> String {
        let formatter = StraceFormatter(space: try space(memory), abi: abi)
        return formatter.line(prefix: "", name: "\(call)", signature: StraceSignatures.signature(call),
                              registers: registers, result: result)
    }

    @Test func quoting() {
        #expect(StraceFormatter.quote(Array("hello \"world\"\n\t".utf8), more: false) == #""hello \"world\"\n\t""#)
        #expect(StraceFormatter.quote([1, 0, 0x34, 0x78, 0xff], more: false) == #""\1\0004x\377""#)
        #expect(StraceFormatter.quote([0x1b, 0x5b, 0x38], more: true) == #""\33[8"..."#)
        #expect(StraceFormatter.quote([0x5c, 0x0b, 0x0c, 0x0d, 0x7f], more: false) == #""\\\v\f\r\177""#)
    }

    @Test func flagsAndConstants() {
        let f = StraceFormatter(space: try! Self.space([]), abi: Self.abi)
        let map = StraceFlags.map.table(Self.abi), prot = StraceFlags.prot.table(Self.abi)
        #expect(StraceFormatter.flags(0x22, map) == "MAP_PRIVATE|MAP_ANONYMOUS")
        #expect(StraceFormatter.flags(0x03, map) == "MAP_SHARED_VALIDATE")
        #expect(StraceFormatter.flags(0x12, map) == "MAP_PRIVATE|MAP_FIXED")
        #expect(StraceFormatter.flags(0, prot) == "PROT_NONE")
        #expect(StraceFormatter.flags(0x8000_0003, prot) == "PROT_READ|PROT_WRITE|0x80000000")
        #expect(StraceFormatter.flags(0x7ff, StraceFlags.statxMask.table(Self.abi)) == "STATX_BASIC_STATS")
        #expect(StraceFormatter.flags(0, StraceFlags.access.table(Self.abi)) == "F_OK")
        #expect(StraceFormatter.constant(2, StraceConstants.whence.table(Self.abi)) == "SEEK_END")
        #expect(StraceFormatter.constant(77, StraceConstants.whence.table(Self.abi)) == "77")
        // ARM's own open flag bits (O_DIRECTORY 0o40000, O_LARGEFILE 0o400000).
        #expect(f.openFlags(0o2_000_000) == "O_RDONLY|O_CLOEXEC")
        #expect(f.openFlags(0o1101) == "O_WRONLY|O_CREAT|O_TRUNC")
        #expect(f.openFlags(0o440_002) == "O_RDWR|O_DIRECTORY|O_LARGEFILE")
        #expect(f.openFlags(0o4_010_001) == "O_WRONLY|O_SYNC")
        #expect(f.mode(0o644) == "0644" && f.mode(0) == "000" && f.mode(0o7) == "007" && f.mode(0o22) == "022")
        #expect(StraceFormatter.fileMode(0o100644) == "S_IFREG|0644")
        #expect(StraceFormatter.fileMode(0o104755) == "S_IFREG|S_ISUID|0755")
        #expect(f.signalName(2) == "SIGINT" && f.signalName(32) == "SIGRTMIN" && f.signalName(34) == "SIGRT_2")
        #expect(f.signalSetText(GuestSignalSet(low: 1 << 1 | 1 << 14)) == "[INT TERM]")
        #expect(f.signalSetText(GuestSignalSet(low: ~(UInt64(3) << 31))) == "~[RTMIN RT_1]")
        #expect(f.signalSetText(.empty) == "[]")
    }

    @Test func errors() {
        let f = StraceFormatter(space: try! Self.space([]), abi: Self.abi)
        #expect(f.errorText(-2) == "-1 ENOENT (No such file or directory)")
        #expect(f.errorText(-9) == "-1 EBADF (Bad file descriptor)")
        #expect(f.errorText(0) == nil && f.errorText(-4096) == nil)
        #expect(f.errorText(-512) == "? ERESTARTSYS (To be restarted if SA_RESTART is set)")
    }

    @Test func lines() throws {
        let path = Array("/nonexistent/file".utf8) + [0]
        #expect(try Self.line(.openat, [0xffff_ff9c, Self.buffer, 0o2_000_000, 0], -2, memory: path)
                == #"openat(AT_FDCWD, "/nonexistent/file", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)"#)
        #expect(try Self.line(.openat, [0xffff_ff9c, Self.buffer, 0o1101, 0o644], 3, memory: path)
                == #"openat(AT_FDCWD, "/nonexistent/file", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3"#)
        #expect(try Self.line(.close, [3], 0) == "close(3)" + String(repeating: " ", count: 32) + "= 0")
        #expect(try Self.line(.write, [1, Self.buffer, 40], 40, memory: Array("0123456789012345678901234567890123456789".utf8))
                == #"write(1, "01234567890123456789012345678901"..., 40) = 40"#)
        // An out-buffer is shown after a success only; a failure shows the pointer.
        #expect(try Self.line(.read, [3, Self.buffer, 100], 4, memory: Array("ping".utf8))
                == #"read(3, "ping", 100)"# + String(repeating: " ", count: 20) + "= 4")
        #expect(try Self.line(.read, [3, Self.buffer, 100], -9) == "read(3, 0x10000, 100)                   = -1 EBADF (Bad file descriptor)")
        // Unreadable memory prints the pointer, never faults.
        #expect(try Self.line(.write, [1, 0x5000_0000, 3], -14) == "write(1, 0x50000000, 3)                 = -1 EFAULT (Bad address)")
        #expect(try Self.line(.mmap2, [0, 8192, 3, 0x22, 0xffff_ffff, 0], 0xb6ff_e000)
                == "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xb6ffe000")
        #expect(try Self.line(.exit_group, [0], nil) == "exit_group(0)" + String(repeating: " ", count: 27) + "= ?")
        #expect(try Self.line(._llseek, [3, 1, 5, Self.buffer, 0], 0, memory: [5, 0, 0, 0, 1, 0, 0, 0])
                == "_llseek(3, 4294967301, [4294967301], SEEK_SET) = 0")
        // pread64's offset is in the aligned pair r4/r5 (r3 is padding).
        #expect(try Self.line(.pread64, [3, Self.buffer, 2, 0xdead, 0x10, 0], 2, memory: Array("ab".utf8))
                == #"pread64(3, "ab", 2, 16)"# + String(repeating: " ", count: 17) + "= 2")
        #expect(try Self.line(.umask, [0o22], 0o77) == "umask(022)" + String(repeating: " ", count: 30) + "= 077")
        #expect(try Self.line(.futex, [Self.buffer, 0x81, 1, 0, 0, 0], 0)
                == "futex(0x10000, FUTEX_WAKE_PRIVATE, 1)   = 0")
        #expect(try Self.line(.clone, [0x0120_0011, 0, 0, 0, 0x7000], 42)
                == "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7000) = 42")
        #expect(try Self.line(.fcntl64, [10, 1, 0], 1) == "fcntl64(10, F_GETFD)                    = 0x1 (flags FD_CLOEXEC)")
    }

    @Test func fallbackIsHex() throws {
        let f = StraceFormatter(space: try Self.space([]), abi: Self.abi)
        #expect(f.line(prefix: "7 ", name: "syscall_9999", signature: nil, registers: [1, 2, 0, 0xffff_ffff, 0, 5], result: -38)
                == "7 syscall_9999(0x1, 0x2, 0, 0xffffffff, 0, 0x5) = -1 ENOSYS (Function not implemented)")
    }

    /// The same write as a native program makes it, traced by the host's strace: the line
    /// must be identical, quoting, shortening and column included.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
    func sameAsStrace() throws {
        let payloads: [[UInt8]] = [Array("hi\n".utf8), [0, 1, 0x37, 0x9, 0x80, 0x22, 0x5c, 0x30], Array(repeating: 0x61, count: 40) + [0x0a]]
        for payload in payloads {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("strace-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
            // printf's %b writes the bytes in one write(1, ...).
            let escaped = payload.map { "\\0" + String($0, radix: 8) }.joined()
            process.arguments = ["-e", "trace=write", "-o", output, "/usr/bin/printf", "%b", escaped]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            // strace may be unable to trace here (no ptrace in a container): nothing to compare then.
            guard process.terminationStatus == 0, let traced = try? String(contentsOfFile: output, encoding: .utf8) else { continue }
            let expected = traced.split(separator: "\n").first { $0.hasPrefix("write(1, ") }.map(String.init)
            let ours = try Self.line(.write, [1, Self.buffer, UInt64(payload.count)], Int64(payload.count), memory: payload)
            #expect(ours == expected)
        }
    }
}
