// /proc/self/maps from the guest's address space, in the kernel's line format
// (fs/proc/task_mmu.c, show_vma_header_prefix and show_map_vma):
//
//   start-end perms offset major:minor inode[ padding name]
//
// Addresses and the offset in hex with at least 8 digits, the device numbers with at least 2,
// the inode in decimal, then a space. A named line is padded with spaces to column
// 25 + 6 * sizeof(void *) - 1 (48 on a 32-bit kernel, 72 on a 64-bit one) and gets one more
// space before the name; an anonymous line ends after the inode's space.

import GuestMemory

enum ProcMaps {
    /// One line of the file.
    struct Line: Equatable {
        var start: UInt64
        var end: UInt64
        var protection: Protection
        var shared: Bool
        var offset: UInt64 = 0
        var device: UInt64 = 0
        var inode: UInt64 = 0
        var name: String = ""
    }

    /// The file's text for `mappings` (GuestAddressSpace.mappings()) with file ranges from
    /// `files`. `pointerSize` is the guest kernel's pointer size (4 for 32-bit guests).
    static func text(_ mappings: [GuestMapping], files: FileMappingTable, pointerSize: Int) -> String {
        var text = ""
        for line in lines(mappings, files: files) { text += format(line, pointerSize: pointerSize) + "\n" }
        return text
    }

    /// Lines as the kernel would show the VMAs: pieces inside a recorded file range carry its
    /// path, offset, device and inode; other pieces are anonymous unless GuestMemory names
    /// them with a bracketed name ([heap], [stack], [vectors]). Neighbours the kernel would
    /// have merged into one VMA (same protection and sharing, the same name, and for files a
    /// continuous offset) are one line.
    static func lines(_ mappings: [GuestMapping], files: FileMappingTable) -> [Line] {
        var result: [Line] = []
        for mapping in mappings {
            let special = mapping.name.hasPrefix("[") ? mapping.name : ""
            for piece in files.pieces(mapping.start.rawValue, mapping.end.rawValue) {
                var line = Line(start: piece.start, end: piece.end, protection: mapping.protection, shared: mapping.shared)
                if let file = piece.file {
                    line.offset = file.offset
                    line.device = file.device
                    line.inode = file.inode
                    line.name = file.path
                } else {
                    line.name = special
                }
                if let last = result.last, mergeable(last, line) {
                    result[result.count - 1].end = line.end
                } else {
                    result.append(line)
                }
            }
        }
        return result
    }

    static func mergeable(_ a: Line, _ b: Line) -> Bool {
        guard a.end == b.start, a.protection == b.protection, a.shared == b.shared, a.name == b.name,
              a.device == b.device, a.inode == b.inode else { return false }
        if a.inode == 0 && a.device == 0 { return true }
        return a.offset &+ (a.end - a.start) == b.offset
    }

    static func format(_ line: Line, pointerSize: Int) -> String {
        var text = hex(line.start, minimumDigits: 8) + "-" + hex(line.end, minimumDigits: 8) + " "
        text += line.protection.contains(.read) ? "r" : "-"
        text += line.protection.contains(.write) ? "w" : "-"
        text += line.protection.contains(.execute) ? "x" : "-"
        text += line.shared ? "s" : "p"
        text += " " + hex(line.offset, minimumDigits: 8)
        text += " " + hex(deviceMajor(line.device), minimumDigits: 2) + ":" + hex(deviceMinor(line.device), minimumDigits: 2)
        text += " \(line.inode) "
        guard !line.name.isEmpty else { return text }
        let column = 25 + 6 * pointerSize - 1
        let width = text.utf8.count
        if width < column { text += String(repeating: " ", count: column - width) }
        return text + " " + line.name
    }

    static func hex(_ value: UInt64, minimumDigits: Int) -> String {
        let digits = String(value, radix: 16)
        return digits.count >= minimumDigits ? digits : String(repeating: "0", count: minimumDigits - digits.count) + digits
    }

    /// The major and minor numbers of a user-space dev_t (glibc's gnu_dev_major/minor: 12 bits
    /// of major at 8-19 and the rest above bit 32, 8 bits of minor at 0-7 and the rest at 20-31).
    static func deviceMajor(_ dev: UInt64) -> UInt64 { (dev >> 8) & 0xfff | (dev >> 32) & 0xffff_f000 }
    static func deviceMinor(_ dev: UInt64) -> UInt64 { dev & 0xff | (dev >> 12) & 0xffff_ff00 }
}
