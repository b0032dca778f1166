// Marshalling for MIPS guests, above all the big-endian one: each struct written from host
// values and checked byte by byte at the offsets the o32 layouts give, and read back.
import Glibc
import LinuxABI
import Testing

/// Bytes of a big-endian number of `size` bytes.
func bigEndianBytes(_ value: UInt64, _ size: Int) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (size - 1 - $0))) }
}

func layout(_ abi: GuestABI, _ kind: StructKind) throws -> StructLayout {
    try #require(abi.layouts[kind], "\(abi.arch) \(kind)")
}

@Test func hostStatBecomesBigEndianMIPSStat64() throws {
    let st = sampleHostStat()
    let stat64 = try layout(.mips, .stat64)
    let bytes = withBuffer(stat64.size) { buffer in
        #expect(StructWriter(stat64, byteOrder: .big, into: buffer)!.write(st))
    }
    #expect(Array(bytes[0..<4]) == bigEndianBytes(0x803, 4), "st_dev: one 32-bit word")
    #expect(Array(bytes[4..<16]) == [UInt8](repeating: 0, count: 12), "st_pad0 zeroed")
    #expect(Array(bytes[16..<24]) == bigEndianBytes(0x1_0000_0005, 8), "st_ino")
    #expect(Array(bytes[24..<28]) == bigEndianBytes(0o100644, 4), "st_mode")
    #expect(Array(bytes[28..<32]) == bigEndianBytes(2, 4), "st_nlink")
    #expect(Array(bytes[40..<44]) == bigEndianBytes(0x1_0203, 4), "st_rdev")
    #expect(Array(bytes[56..<64]) == bigEndianBytes(5_000_000_000, 8), "st_size")
    #expect(Array(bytes[72..<76]) == bigEndianBytes(1_700_000_000, 4), "st_mtime")
    #expect(Array(bytes[76..<80]) == bigEndianBytes(123, 4), "st_mtime_nsec")
    #expect(Array(bytes[88..<92]) == bigEndianBytes(4096, 4), "st_blksize after the times")
    #expect(Array(bytes[96..<104]) == bigEndianBytes(9_765_632, 8), "st_blocks last")

    // The little-endian guest: same offsets, bytes reversed.
    let little = withBuffer(stat64.size) { buffer in
        #expect(StructWriter(stat64, byteOrder: .little, into: buffer)!.write(st))
    }
    #expect(Array(little[56..<64]) == bigEndianBytes(5_000_000_000, 8).reversed())
    little.withUnsafeBytes { raw in
        let reader = StructReader(stat64, byteOrder: .little, from: raw)!
        #expect(reader.get("st_ino") == 0x1_0000_0005)
        #expect(reader.getSigned("st_mtime") == 1_700_000_000)
    }
}

@Test func sigactionAndSignalSetsAreBigEndianWords() throws {
    let sigaction = try layout(.mips, .sigaction)
    // SIGUSR1 (16), SIGCHLD (18) and real-time signal 40, in MIPS numbering.
    let mask: UInt64 = (1 << 15) | (1 << 17) | (1 << 39)
    let bytes = withBuffer(sigaction.size) { buffer in
        let writer = StructWriter(sigaction, byteOrder: .big, into: buffer)!
        writer.zero()
        #expect(writer.set("sa_flags", 0x1000_0008))   // SA_RESTART|SA_SIGINFO
        #expect(writer.set("sa_handler", 0x0040_1234))
        #expect(writer.setSignalSet(mask, field: "sa_mask.sig"))
        #expect(!writer.set("sa_restorer", 1), "MIPS has no sa_restorer")
    }
    #expect(Array(bytes[0..<4]) == [0x10, 0, 0, 0x08], "sa_flags first")
    #expect(Array(bytes[4..<8]) == [0, 0x40, 0x12, 0x34], "then the handler")
    #expect(Array(bytes[8..<12]) == bigEndianBytes(0x0002_8000, 4), "word 0: signals 1-32")
    #expect(Array(bytes[12..<16]) == bigEndianBytes(0x80, 4), "word 1: signals 33-64")
    #expect(Array(bytes[16..<24]) == [UInt8](repeating: 0, count: 8), "words 2-3: signals 65-128")
    bytes.withUnsafeBytes { raw in
        let reader = StructReader(sigaction, byteOrder: .big, from: raw)!
        #expect(reader.signalSet(field: "sa_mask.sig") == mask)
        #expect(reader.get("sa_flags") == 0x1000_0008)
    }

    let sigset = try layout(.mips, .sigset)
    let set = withBuffer(sigset.size) { buffer in
        #expect(StructWriter(sigset, byteOrder: .big, into: buffer)!.setSignalSet(1 << 63, field: "sig"))
    }
    #expect(set == [0, 0, 0, 0, 0x80, 0, 0, 0] + [UInt8](repeating: 0, count: 8), "signal 64: top bit of word 1")
}

@Test func stackAndSiginfoUseMIPSOrder() throws {
    let stack = try layout(.mips, .stack)
    let stackBytes = withBuffer(stack.size) { buffer in
        let writer = StructWriter(stack, byteOrder: .big, into: buffer)!
        writer.zero()
        writer.set("ss_sp", 0x7fff_0000)
        writer.set("ss_size", 0x2000)
        writer.set("ss_flags", signed: 2)   // SS_DISABLE
    }
    #expect(stackBytes == bigEndianBytes(0x7fff_0000, 4) + bigEndianBytes(0x2000, 4) + bigEndianBytes(2, 4))

    let siginfo = try layout(.mips, .siginfo)
    let info = withBuffer(siginfo.size) { buffer in
        let writer = StructWriter(siginfo, byteOrder: .big, into: buffer)!
        writer.zero()
        writer.set("si_signo", signed: 11)
        writer.set("si_code", signed: Int64(GuestABI.mips.untranslateSignalCode(-2)))  // host SI_TIMER
        writer.set("si_errno", signed: 0)
        writer.set("_sifields", 0x0040_0000, index: 0)
    }
    #expect(Array(info[0..<4]) == bigEndianBytes(11, 4))
    #expect(Array(info[4..<8]) == bigEndianBytes(UInt64(UInt32(bitPattern: -3)), 4), "si_code second, MIPS's SI_TIMER")
    #expect(Array(info[8..<12]) == [0, 0, 0, 0], "si_errno third")
    #expect(Array(info[12..<16]) == bigEndianBytes(0x0040_0000, 4))
}

@Test func termiosCrossesBetweenHostAndMIPS() throws {
    let host = try #require(StructLayouts.host[.termios])
    let guest = try layout(.mips, .termios)
    let termios = GuestABI.mips.termios
    // The host's canonical mode with echo and IEXTEN, VEOF ^D, VMIN 1, VEOL2 0x17.
    let hostBytes = hostRecord(host) { writer in
        writer.set("c_iflag", 0x500)           // ICRNL|IXON
        writer.set("c_cflag", 0xbf)            // B38400|CS8|CREAD
        writer.set("c_lflag", 0x8a3b)          // ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN
        writer.set("c_cc", 3, index: 0)        // VINTR
        writer.set("c_cc", 4, index: 4)        // VEOF
        writer.set("c_cc", 1, index: 6)        // VMIN
        writer.set("c_cc", 0x17, index: 16)    // VEOL2
    }
    let guestBytes = withBuffer(guest.size) { buffer in
        hostBytes.withUnsafeBytes { raw in
            termios.toGuest(StructReader(host, byteOrder: .host, from: raw)!, into: StructWriter(guest, byteOrder: .big, into: buffer)!)
        }
    }
    #expect(Array(guestBytes[0..<4]) == bigEndianBytes(0x500, 4), "c_iflag unchanged")
    #expect(Array(guestBytes[8..<12]) == bigEndianBytes(0xbf, 4), "c_cflag unchanged")
    #expect(Array(guestBytes[12..<16]) == bigEndianBytes(0x0a3b | 0x100, 4), "IEXTEN moves to 0x100")
    #expect(guestBytes[17 + 0] == 3)
    #expect(guestBytes[17 + 4] == 1, "VMIN is slot 4 on MIPS")
    #expect(guestBytes[17 + 6] == 0x17, "VEOL2 is slot 6")
    #expect(guestBytes[17 + 16] == 4, "VEOF is slot 16")

    // And back: the same host record.
    var back = [UInt8](repeating: 0xaa, count: host.size)
    back.withUnsafeMutableBytes { buffer in
        guestBytes.withUnsafeBytes { raw in
            termios.toHost(StructReader(guest, byteOrder: .big, from: raw)!, into: StructWriter(host, byteOrder: .host, into: buffer)!)
        }
    }
    #expect(back == hostBytes)

    // termio (TCSETA): 16-bit big-endian flag words in, the host's 16-bit words out.
    let termio = try layout(.mips, .termio)
    let hostTermio = try #require(StructLayouts.host[.termio])
    var old = [UInt8](repeating: 0, count: termio.size)
    old[6] = 0x80; old[7] = 0x80   // c_lflag = TOSTOP|NOFLSH (0x8080), big endian
    old[9 + 4] = 1                  // VMIN
    var hostOld = [UInt8](repeating: 0, count: hostTermio.size)
    hostOld.withUnsafeMutableBytes { buffer in
        old.withUnsafeBytes { raw in
            termios.toHost(StructReader(termio, byteOrder: .big, from: raw)!, into: StructWriter(hostTermio, byteOrder: .host, into: buffer)!)
        }
    }
    #expect(Array(hostOld[6..<8]) == [0x80, 0x01], "TOSTOP becomes 0x100, NOFLSH stays 0x80")
    #expect(hostOld[9 + 6] == 1, "VMIN lands in the host's slot 6")

    // Modem lines: MIPS's TIOCM_CAR|TIOCM_DTR is the host's 0x42.
    #expect(termios.modemLines.translate(0x100 | 0x2) == 0x42)
    #expect(GuestABI.arm.termios.modemLines.translate(0x42) == 0x42)
}

@Test func filesystemAndEventRecordsForBigEndianMIPS() throws {
    // statfs64: 32-bit f_type and f_bsize, f_frsize third, f_bavail after f_ffree.
    let host = try #require(StructLayouts.host[.statfs])
    let guest = try layout(.mips, .statfs64)
    let source = hostRecord(host) { writer in
        writer.set("f_type", 0xEF53)
        writer.set("f_bsize", 4096)
        writer.set("f_frsize", 4096)
        writer.set("f_blocks", 1 << 36)
        writer.set("f_bavail", 77)
        writer.set("f_namelen", 255)
    }
    let (fits, statfs) = transcode(source, from: host, to: guest, .big)
    #expect(fits)
    #expect(Array(statfs[0..<4]) == bigEndianBytes(0xEF53, 4))
    #expect(Array(statfs[8..<12]) == bigEndianBytes(4096, 4), "f_frsize")
    #expect(Array(statfs[16..<24]) == bigEndianBytes(1 << 36, 8), "f_blocks")
    #expect(Array(statfs[48..<56]) == bigEndianBytes(77, 8), "f_bavail")
    #expect(Array(statfs[64..<68]) == bigEndianBytes(255, 4), "f_namelen")

    // The 32-bit statfs cannot hold 2^36 blocks: EOVERFLOW.
    #expect(!transcode(source, from: host, to: try layout(.mips, .statfs), .big).fits)

    // epoll_event: the host's packed record to MIPS's, data at 8.
    let hostEvent = try #require(StructLayouts.host[.epollEvent])
    let event = try layout(.mips, .epollEvent)
    let hostEventBytes = hostRecord(hostEvent) { writer in
        writer.set("events", 0x19)
        writer.set("data", 0x1122_3344_5566_7788)
    }
    let (eventFits, eventBytes) = transcode(hostEventBytes, from: hostEvent, to: event, .big)
    #expect(eventFits)
    #expect(Array(eventBytes[0..<4]) == [0, 0, 0, 0x19])
    #expect(Array(eventBytes[8..<16]) == bigEndianBytes(0x1122_3344_5566_7788, 8))

    // flock: l_start and l_len are 32-bit, then l_pid, l_sysid and padding.
    let flockLayout = try layout(.mips, .flock)
    var lock = flock()
    lock.l_type = 1
    lock.l_whence = 0
    lock.l_start = 100
    lock.l_len = 200
    lock.l_pid = 4242
    let lockBytes = withBuffer(flockLayout.size) { buffer in
        let writer = StructWriter(flockLayout, byteOrder: .big, into: buffer)!
        #expect(writer.write(lock))
        lock.l_start = 1 << 33
        #expect(!writer.write(lock), "a 64-bit offset does not fit: EOVERFLOW")
        lock.l_start = 100
        writer.write(lock)
    }
    #expect(Array(lockBytes[0..<4]) == [0, 1, 0, 0])
    #expect(Array(lockBytes[4..<12]) == bigEndianBytes(100, 4) + bigEndianBytes(200, 4))
    #expect(Array(lockBytes[12..<16]) == bigEndianBytes(4242, 4), "l_pid")
    #expect(Array(lockBytes[16..<36]) == [UInt8](repeating: 0, count: 20), "l_sysid and the padding")
    lockBytes.withUnsafeBytes { raw in
        let back = StructReader(flockLayout, byteOrder: .big, from: raw)!.readFlock()
        #expect(back?.l_start == 100 && back?.l_len == 200 && back?.l_pid == 4242)
    }

    // rlimit: o32's infinity is 0x7fffffff.
    let rlimitLayout = try layout(.mips, .rlimit)
    let limitBytes = withBuffer(rlimitLayout.size) { buffer in
        StructWriter(rlimitLayout, byteOrder: .big, into: buffer)!
            .write(rlimit(rlim_cur: 1024, rlim_max: rlim_t.max), infinity: GuestABI.mips.rlimitInfinity)
    }
    #expect(limitBytes == bigEndianBytes(1024, 4) + [0x7f, 0xff, 0xff, 0xff])
    limitBytes.withUnsafeBytes { raw in
        let back = StructReader(rlimitLayout, byteOrder: .big, from: raw)!.readRlimit(infinity: GuestABI.mips.rlimitInfinity)
        #expect(back?.rlim_cur == 1024 && back?.rlim_max == rlim_t.max)
    }

    // timespec: two big-endian 32-bit words.
    let timespecLayout = try layout(.mips, .timespec)
    let time = withBuffer(timespecLayout.size) { buffer in
        #expect(StructWriter(timespecLayout, byteOrder: .big, into: buffer)!.write(timespec(tv_sec: 0x1234_5678, tv_nsec: 9)))
    }
    #expect(time == [0x12, 0x34, 0x56, 0x78, 0, 0, 0, 9])
}

@Test func controlMessagesAndOptionsForBigEndianMIPS() throws {
    let sockets = try #require(GuestABI.mips.sockets)
    let header = try layout(.mips, .cmsghdr)
    let messages = ControlMessages(sockets: sockets, order: .big, wordSize: 4, guestHeader: header.size)
    // SCM_RIGHTS with descriptor 5, as a MIPS program lays it out: level SOL_SOCKET = 0xffff.
    let guest = bigEndianBytes(16, 4) + bigEndianBytes(0xffff, 4) + bigEndianBytes(1, 4) + bigEndianBytes(5, 4)
    let host = try #require(messages.toHost(guest))
    #expect(host.count == 24)
    #expect(Array(host[0..<16]) == [20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])
    #expect(Array(host[16..<20]) == [5, 0, 0, 0])
    let back = messages.toGuest(host, capacity: 64)
    #expect(!back.truncated)
    #expect(back.bytes == guest)

    // SO_RCVTIMEO_OLD: a big-endian 32-bit timeval becomes the host's 64-bit one.
    let timeval = try #require(sockets.options.entry(guest: 0x1006)).value
    let hostValue = try #require(timeval.toHost(bigEndianBytes(3, 4) + bigEndianBytes(500_000, 4), order: .big, wordSize: 4))
    #expect(hostValue == [3, 0, 0, 0, 0, 0, 0, 0] + [0x20, 0xa1, 0x07, 0, 0, 0, 0, 0])
    #expect(timeval.toGuest(hostValue, order: .big, wordSize: 4) == bigEndianBytes(3, 4) + bigEndianBytes(500_000, 4))
    // An int option in the guest's order.
    #expect(SocketOptionValue.int.toHost([0, 0, 1, 0], order: .big, wordSize: 4) == [0, 1, 0, 0])
}
