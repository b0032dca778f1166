// /proc emulation: which paths are the guest's (ProcPath), the file-range table behind the
// maps columns, the maps line format (checked against this host kernel's own lines for the
// 64-bit layout, and the 32-bit column by the kernel's rule), the stat rewrite (checked
// against this process's real stat line), the auxv bytes and the cpuinfo text.

import Foundation
import GuestMemory
@testable import LinuxUser
import Testing

@Suite struct ProcPathTests {
    let pid: Int32 = 4242
    func parse(_ s: String, threads: Set<Int32> = [4242, 4243]) -> ProcFile? {
        ProcFile.parse(Array(s.utf8), pid: pid, isOwnThread: { threads.contains($0) })
    }

    @Test func selfPidAndThreadSpellings() {
        #expect(parse("/proc/self/maps") == .maps(thread: false))
        #expect(parse("/proc/4242/maps") == .maps(thread: false))
        #expect(parse("/proc/thread-self/maps") == .maps(thread: true))
        #expect(parse("/proc/4242/task/4243/cmdline") == .cmdline(thread: true))
        #expect(parse("/proc/self/task/4242/stat") == .stat(thread: true))
        #expect(parse("/proc/self/exe") == .exe(thread: false))
        #expect(parse("/proc/self/auxv") == .auxv(thread: false))
        #expect(parse("/proc/self/environ") == .environ(thread: false))
        #expect(parse("/proc/self/fd/17") == .fd(17))
        #expect(parse("/proc/cpuinfo") == .cpuinfo)
    }

    @Test func otherPathsAreTheHosts() {
        #expect(parse("/proc/4243/maps") == nil)           // another process
        #expect(parse("/proc/04242/maps") == nil)          // not how /proc names a pid
        #expect(parse("/proc/self/task/999/maps") == nil)  // not our thread
        #expect(parse("/proc/self/status") == nil)
        #expect(parse("/proc/self/fd") == nil)
        #expect(parse("/proc/self/fd/x") == nil)
        #expect(parse("/proc/self/maps/x") == nil)
        #expect(parse("/proc/meminfo") == nil)
        #expect(parse("/procx/self/maps") == nil)
        #expect(parse("/proc/99999999999/maps") == nil)
    }

    @Test func resolution() {
        func r(_ p: String, _ base: String) -> String {
            String(decoding: GuestPath.resolve(Array(p.utf8), against: Array(base.utf8)), as: UTF8.self)
        }
        #expect(r("/proc/./self/../self//maps", "") == "/proc/self/maps")
        #expect(r("maps", "/proc/self") == "/proc/self/maps")
        #expect(r("../self/exe", "/proc/self") == "/proc/self/exe")
        #expect(r("../../../..", "/a/b") == "/")
        #expect(GuestPath.isUnderProc(Array("/proc".utf8)))
        #expect(!GuestPath.isUnderProc(Array("/processes".utf8)))
    }

    @Test func pathsOfOpenFiles() {
        #expect(ProcFile.maps(thread: false).guestPath(pid: 7, tid: 8) == "/proc/7/maps")
        #expect(ProcFile.stat(thread: true).guestPath(pid: 7, tid: 8) == "/proc/7/task/8/stat")
        #expect(ProcFile.cpuinfo.guestPath(pid: 7, tid: 8) == "/proc/cpuinfo")
    }
}

@Suite struct FileMappingTableTests {
    func file(_ s: UInt64, _ e: UInt64, _ offset: UInt64, _ path: String = "/f") -> FileMapping {
        FileMapping(start: s, end: e, path: path, offset: offset, device: 1, inode: 2)
    }

    @Test func insertSplitsAndTrims() {
        var t = FileMappingTable()
        t.insert(file(0x1000, 0x5000, 0))
        t.insert(file(0x2000, 0x3000, 0x9000, "/g"))
        #expect(t.entries == [file(0x1000, 0x2000, 0), file(0x2000, 0x3000, 0x9000, "/g"), file(0x3000, 0x5000, 0x2000)])
        t.remove(0x4000, 0x8000)
        #expect(t.entries.last == file(0x3000, 0x4000, 0x2000))
    }

    @Test func piecesCarryTheirOffsets() {
        var t = FileMappingTable()
        t.insert(file(0x2000, 0x4000, 0x1000))
        let p = t.pieces(0x1000, 0x5000)
        #expect(p.count == 3)
        #expect(p[0].file == nil && p[0].start == 0x1000 && p[0].end == 0x2000)
        #expect(p[1].file?.offset == 0x1000 && p[1].end == 0x4000)
        #expect(p[2].file == nil && p[2].start == 0x4000)
        #expect(t.pieces(0x3000, 0x4000).first?.file?.offset == 0x2000)
    }

    @Test func movedWithMremap() {
        var t = FileMappingTable()
        t.insert(file(0x2000, 0x4000, 0x1000))
        t.move(0x2000, 0x4000, to: 0x10000, newLength: 0x1000)
        #expect(t.entries == [file(0x10000, 0x11000, 0x1000)])
    }
}

@Suite struct ProcMapsFormatTests {
    /// Every line of this process's own /proc/self/maps, parsed and formatted again with the
    /// 64-bit column, is the kernel's line byte for byte.
    @Test func sameAsTheHostKernel() throws {
        let text = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        var checked = 0
        for raw in text.split(separator: "\n") {
            let fields = raw.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5 else { continue }
            let range = fields[0].split(separator: "-")
            let perms = Array(fields[1])
            let dev = fields[3].split(separator: ":")
            guard let start = UInt64(range[0], radix: 16), let end = UInt64(range[1], radix: 16),
                  let offset = UInt64(fields[2], radix: 16), let major = UInt64(dev[0], radix: 16),
                  let minor = UInt64(dev[1], radix: 16), let inode = UInt64(fields[4]) else { continue }
            var protection: Protection = []
            if perms[0] == "r" { protection.insert(.read) }
            if perms[1] == "w" { protection.insert(.write) }
            if perms[2] == "x" { protection.insert(.execute) }
            // The user-space dev_t encoding (glibc's makedev).
            let device = (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32)
            let name = fields.count > 5 ? fields[5...].joined(separator: " ") : ""
            let line = ProcMaps.Line(start: start, end: end, protection: protection, shared: perms[3] == "s",
                                     offset: offset, device: device, inode: inode, name: name)
            #expect(ProcMaps.format(line, pointerSize: 8) == String(raw))
            checked += 1
        }
        #expect(checked > 5)
    }

    /// A 32-bit kernel pads to 25 + 6 * 4 - 1 = 48 columns before the name's space.
    @Test func thirtyTwoBitColumn() {
        let named = ProcMaps.Line(start: 0xffff_0000, end: 0xffff_1000, protection: .readExecute, shared: false, name: "[vectors]")
        #expect(ProcMaps.format(named, pointerSize: 4) == "ffff0000-ffff1000 r-xp 00000000 00:00 0          [vectors]")
        let anonymous = ProcMaps.Line(start: 0x1_0000, end: 0x2_0000, protection: [], shared: true)
        #expect(ProcMaps.format(anonymous, pointerSize: 4) == "00010000-00020000 ---s 00000000 00:00 0 ")
        let long = ProcMaps.Line(start: 0x1000, end: 0x2000, protection: .read, shared: false, offset: 0x1234_5000,
                                 device: 0x0803, inode: 123_456_789_012, name: "/a")
        // Past the column: no padding, but seq_pad still adds its space after the inode's.
        #expect(ProcMaps.format(long, pointerSize: 4) == "00001000-00002000 r--p 12345000 08:03 123456789012  /a")
    }

    @Test func linesMergeAndName() {
        var files = FileMappingTable()
        files.insert(FileMapping(start: 0x10000, end: 0x12000, path: "/bin/x", offset: 0, device: 0, inode: 9))
        let mappings = [
            GuestMapping(start: 0x10000, end: 0x13000, protection: .readExecute, shared: false, name: "/bin/x"),
            GuestMapping(start: 0x13000, end: 0x14000, protection: .readExecute, shared: false, name: ""),
            GuestMapping(start: 0x20000, end: 0x21000, protection: .readWrite, shared: false, name: "[heap]"),
        ]
        let lines = ProcMaps.lines(mappings, files: files)
        #expect(lines.map(\.name) == ["/bin/x", "", "[heap]"])
        #expect(lines[1].start == 0x12000 && lines[1].end == 0x14000)  // bss page and its neighbour: one VMA
    }
}

@Suite struct ProcStatTests {
    @Test func rewriteKeepsTheRest() throws {
        let host = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        #expect(ProcStat.rewrite(host, [:]) == host)
        let changed = try #require(ProcStat.rewrite(host, [.startStack: 0xbeff_f000, .envEnd: 7]))
        #expect(ProcStat.value(changed, .startStack) == 0xbeff_f000)
        #expect(ProcStat.value(changed, .envEnd) == 7)
        #expect(ProcStat.value(changed, .vsize) == ProcStat.value(host, .vsize))
        #expect(changed.split(separator: " ").count == host.split(separator: " ").count)
    }

    @Test func commWithSpacesAndParentheses() {
        let line = "12 (a) b (c) R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26\n"
        let out = ProcStat.rewrite(line, [.vsize: 99])
        #expect(out?.hasPrefix("12 (a) b (c) R ") == true)
        #expect(out.flatMap { ProcStat.value($0, .vsize) } == 99)
    }

    @Test func clamp() {
        #expect(ProcStat.clamp(.max, pointerSize: 4) == 0xffff_ffff)
        #expect(ProcStat.clamp(.max, pointerSize: 8) == .max)
    }
}

@Suite struct ProcContentTests {
    @Test func auxvBytes() {
        // AT_PAGESZ (6) 4096, then AT_NULL.
        let entries: [(type: UInt64, value: UInt64)] = [(6, 4096), (0, 0)]
        #expect(StartupFacts.serialize(entries, wordSize: 4, bigEndian: false) == [6, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(StartupFacts.serialize(entries, wordSize: 4, bigEndian: true) == [0, 0, 0, 6, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(StartupFacts.serialize([(6, 4096)], wordSize: 8, bigEndian: false) == [6, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0])
    }

    @Test func cpuinfo() {
        let text = ARMPersonality.cpuinfo(processors: 2)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("processor\t: ") }.count == 2)
        #expect(lines.contains("model name\t: ARMv7 Processor rev 5 (v7l)"))
        #expect(lines.contains("CPU implementer\t: 0x41"))
        #expect(lines.contains("CPU architecture: 7"))
        #expect(lines.contains("CPU variant\t: 0x0"))
        #expect(lines.contains("CPU part\t: 0xc07"))
        #expect(lines.contains("CPU revision\t: 5"))
        #expect(lines.contains("Serial\t\t: 0000000000000000"))
        let features = lines.first { $0.hasPrefix("Features\t: ") }.map { $0.dropFirst("Features\t: ".count) } ?? ""
        #expect(features.hasSuffix(" "))  // the kernel prints a space after every name
        let named = ARMPersonality.hwcapBits.filter { ARMPersonality.hwcap & $0.1 != 0 }.map(\.0)
        #expect(features.split(separator: " ").map(String.init) == named)
    }
}
