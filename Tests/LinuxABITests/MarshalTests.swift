// StructWriter / StructReader / copyFields and the Glibc conversions, on plain byte buffers.
import Glibc
import LinuxABI
import Testing

let testLayout = StructLayout("test", size: 24, alignment: 8, [
    Field("u8", 0, 1),
    Field("s16", 2, 2, signed: true),
    Field("u32", 4, 4),
    Field("s64", 8, 8, signed: true),
    Field("words", 16, 4, count: 2),
])

func withBuffer(_ size: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void) -> [UInt8] {
    var bytes = [UInt8](repeating: 0xAA, count: size)
    bytes.withUnsafeMutableBytes { body($0) }
    return bytes
}

/// A host record of `layout`: zeros, then what `fill` sets.
func hostRecord(_ layout: StructLayout, _ fill: (StructWriter) -> Void) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: layout.size)
    bytes.withUnsafeMutableBytes { fill(StructWriter(layout, byteOrder: .host, into: $0)!) }
    return bytes
}

/// A host record copied field by field into a zeroed guest record, as LinuxUser transcodes one:
/// whether every value fitted, and the guest's bytes.
func transcode(_ source: [UInt8], from host: StructLayout, to guest: StructLayout, _ order: ByteOrder) -> (fits: Bool, bytes: [UInt8]) {
    var fits = false
    let bytes = withBuffer(guest.size) { buffer in
        let writer = StructWriter(guest, byteOrder: order, into: buffer)!
        writer.zero()
        source.withUnsafeBytes { fits = writer.copyFields(from: StructReader(host, byteOrder: .host, from: $0)!) }
    }
    return (fits, bytes)
}

/// A host stat with a 64-bit inode, a size past 4 GiB and a nanosecond time: what the stat64
/// tests write into each guest's layout.
func sampleHostStat() -> stat {
    var st = stat()
    st.st_dev = 0x803
    st.st_ino = 0x1_0000_0005
    st.st_mode = 0o100644
    st.st_nlink = 2
    st.st_uid = 1000
    st.st_rdev = 0x1_0203
    st.st_size = 5_000_000_000
    st.st_blksize = 4096
    st.st_blocks = 9_765_632
    st.st_mtim = timespec(tv_sec: 1_700_000_000, tv_nsec: 123)
    return st
}

@Test func writesInBothByteOrders() {
    let little = withBuffer(24) { buffer in
        let writer = StructWriter(testLayout, byteOrder: .little, into: buffer)!
        writer.zero()
        #expect(writer.set("u32", 0x1122_3344))
        #expect(writer.set("s16", signed: -2))
        #expect(writer.set("words", 0xdead_beef, index: 1))
    }
    #expect(Array(little[4..<8]) == [0x44, 0x33, 0x22, 0x11])
    #expect(Array(little[2..<4]) == [0xfe, 0xff])
    #expect(Array(little[20..<24]) == [0xef, 0xbe, 0xad, 0xde])
    #expect(little[1] == 0)  // zeroed padding

    let big = withBuffer(24) { buffer in
        let writer = StructWriter(testLayout, byteOrder: .big, into: buffer)!
        writer.set("u32", 0x1122_3344)
        writer.set("s64", signed: -1)
    }
    #expect(Array(big[4..<8]) == [0x11, 0x22, 0x33, 0x44])
    #expect(Array(big[8..<16]) == [UInt8](repeating: 0xff, count: 8))
}

@Test func reportsMissingFieldsTruncationAndShortBuffers() {
    _ = withBuffer(24) { buffer in
        let writer = StructWriter(testLayout, byteOrder: .little, into: buffer)!
        #expect(!writer.set("nope", 1))
        #expect(!writer.set("u32", 0x1_0000_0000))        // truncated
        #expect(!writer.set("u8", signed: -1))            // negative into unsigned
        #expect(writer.set("s16", signed: -32768))
        #expect(!writer.set("s16", signed: 32768))
        #expect(!writer.set("words", 1, index: 2))        // past the array
        #expect(!writer.set("s64", UInt64.max))           // too big for a signed field
    }
    _ = withBuffer(23) { buffer in
        #expect(StructWriter(testLayout, byteOrder: .little, into: buffer) == nil)
    }
}

@Test func readsSignExtendedAndZeroExtended() {
    var bytes = [UInt8](repeating: 0, count: 24)
    bytes[0] = 0xff
    bytes[2] = 0xfe; bytes[3] = 0xff
    bytes[4] = 0xff; bytes[5] = 0xff; bytes[6] = 0xff; bytes[7] = 0xff
    bytes.withUnsafeBytes { buffer in
        let reader = StructReader(testLayout, byteOrder: .little, from: buffer)!
        #expect(reader.get("u8") == 0xff)
        #expect(reader.getSigned("s16") == -2)
        #expect(reader.get("u32") == 0xffff_ffff)
        #expect(reader.get("missing") == nil)
        #expect(reader.get("words", index: 5) == nil)
    }
    bytes.withUnsafeBytes { buffer in
        let reader = StructReader(testLayout, byteOrder: .big, from: buffer)!
        #expect(reader.getSigned("s16") == Int64(Int16(bitPattern: 0xfeff)))
    }
}

@Test func signalSetsGoThroughWords() {
    let layout = GuestABI.arm.layouts[.sigaction]!
    let mask: UInt64 = 0x8000_0001_0000_0002  // signals 2, 33, 64
    let bytes = withBuffer(layout.size) { buffer in
        let writer = StructWriter(layout, byteOrder: .big, into: buffer)!
        writer.zero()
        #expect(writer.setSignalSet(mask, field: "sa_mask.sig"))
    }
    // Word 0 (signals 1-32) first, each word big-endian.
    #expect(Array(bytes[12..<20]) == [0, 0, 0, 2, 0x80, 0, 0, 1])
    bytes.withUnsafeBytes { buffer in
        let reader = StructReader(layout, byteOrder: .big, from: buffer)!
        #expect(reader.signalSet(field: "sa_mask.sig") == mask)
    }
    // The old one-word set cannot hold signal 33.
    let old = GuestABI.arm.layouts[.oldSigaction]!
    _ = withBuffer(old.size) { buffer in
        let writer = StructWriter(old, byteOrder: .little, into: buffer)!
        #expect(writer.setSignalSet(0x2, field: "sa_mask"))
        #expect(!writer.setSignalSet(1 << 32, field: "sa_mask"))
    }
}

@Test func hostStatBecomesARMStat64() {
    let st = sampleHostStat()
    let layout = GuestABI.arm.layouts[.stat64]!
    let bytes = withBuffer(layout.size) { buffer in
        #expect(StructWriter(layout, byteOrder: .little, into: buffer)!.write(st))
    }
    bytes.withUnsafeBytes { buffer in
        let reader = StructReader(layout, byteOrder: .little, from: buffer)!
        #expect(reader.get("st_ino") == 0x1_0000_0005)
        #expect(reader.get("__st_ino") == 5)
        #expect(reader.get("st_mode") == 0o100644)
        #expect(reader.getSigned("st_size") == 5_000_000_000)
        #expect(reader.get("st_mtime") == 1_700_000_000)
        #expect(reader.get("st_mtime_nsec") == 123)
        #expect(reader.get("__pad0", index: 0) == 0)
    }
}

@Test func timesAndLimits() {
    let timespec32 = GuestABI.arm.layouts[.timespec]!
    _ = withBuffer(timespec32.size) { buffer in
        let writer = StructWriter(timespec32, byteOrder: .little, into: buffer)!
        #expect(writer.write(timespec(tv_sec: 100, tv_nsec: 5)))
        #expect(!writer.write(timespec(tv_sec: 1 << 33, tv_nsec: 5)))  // after 2038: EOVERFLOW
        writer.write(timespec(tv_sec: -1, tv_nsec: 999_999_999))
        let reader = StructReader(timespec32, byteOrder: .little, from: UnsafeRawBufferPointer(buffer))!
        let back = reader.readTimespec(wordSize: 4)
        #expect(back?.tv_sec == -1 && back?.tv_nsec == 999_999_999)
    }
    let kernelTimespec = GuestABI.arm.layouts[.kernelTimespec]!
    _ = withBuffer(kernelTimespec.size) { buffer in
        let writer = StructWriter(kernelTimespec, byteOrder: .little, into: buffer)!
        writer.zero()
        writer.set("tv_sec", signed: 1 << 40)
        writer.set("tv_nsec", 0xffff_ffff_0000_0007)  // garbage upper half from a 32-bit guest
        let back = StructReader(kernelTimespec, byteOrder: .little, from: UnsafeRawBufferPointer(buffer))!
            .readTimespec(wordSize: 4)
        #expect(back?.tv_sec == 1 << 40 && back?.tv_nsec == 7)
    }
    let rlimit32 = GuestABI.arm.layouts[.rlimit]!
    _ = withBuffer(rlimit32.size) { buffer in
        let writer = StructWriter(rlimit32, byteOrder: .little, into: buffer)!
        writer.write(rlimit(rlim_cur: 1024, rlim_max: rlim_t.max), infinity: GuestABI.arm.rlimitInfinity)
        let reader = StructReader(rlimit32, byteOrder: .little, from: UnsafeRawBufferPointer(buffer))!
        #expect(reader.get("rlim_cur") == 1024)
        #expect(reader.get("rlim_max") == 0xffff_ffff)
        let back = reader.readRlimit(infinity: GuestABI.arm.rlimitInfinity)
        #expect(back?.rlim_cur == 1024 && back?.rlim_max == rlim_t.max)
        // A host limit past 32 bits is infinite to the guest.
        writer.write(rlimit(rlim_cur: 1 << 40, rlim_max: 1 << 40), infinity: GuestABI.arm.rlimitInfinity)
        #expect(reader.get("rlim_cur") == 0xffff_ffff)
    }
}

@Test func utsnameAndByteFields() {
    var names = utsname()
    withUnsafeMutableBytes(of: &names.machine) { raw in
        for (index, byte) in "armv7l".utf8.enumerated() { raw[index] = byte }
    }
    let layout = GuestABI.arm.layouts[.utsname]!
    let bytes = withBuffer(layout.size) { buffer in
        StructWriter(layout, byteOrder: .little, into: buffer)!.write(names)
    }
    let machine = layout.field(named: "machine")!
    #expect(Array(bytes[machine.offset..<(machine.offset + 7)]) == Array("armv7l".utf8) + [0])
    #expect(bytes[machine.offset + 64] == 0)
}

@Test func hostEpollEventTranscodesToARM() {
    // The host's packed epoll_event (data at 4) -> ARM's (data at 8).
    let host = StructLayouts.host[.epollEvent]!
    let guest = GuestABI.arm.layouts[.epollEvent]!
    let source = hostRecord(host) { writer in
        writer.set("events", 0x19)
        writer.set("data", 0x1122_3344_5566_7788)
    }
    let (fits, bytes) = transcode(source, from: host, to: guest, .big)
    #expect(fits)
    #expect(Array(bytes[0..<4]) == [0, 0, 0, 0x19])
    #expect(Array(bytes[8..<16]) == [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88])
}

@Test func hostStatfsTranscodesToARMStatfs64() {
    let host = StructLayouts.host[.statfs]!
    let guest = GuestABI.arm.layouts[.statfs64]!
    let source = hostRecord(host) { writer in
        writer.set("f_type", 0xEF53)
        writer.set("f_blocks", 1 << 36)
        writer.set("f_fsid.val", signed: -7, index: 1)
        writer.set("f_namelen", 255)
    }
    let (fits, bytes) = transcode(source, from: host, to: guest, .little)
    #expect(fits)
    bytes.withUnsafeBytes { raw in
        let reader = StructReader(guest, byteOrder: .little, from: raw)!
        #expect(reader.get("f_type") == 0xEF53)
        #expect(reader.get("f_blocks") == 1 << 36)
        #expect(reader.getSigned("f_fsid.val", index: 1) == -7)
        #expect(reader.get("f_namelen") == 255)
    }
}
