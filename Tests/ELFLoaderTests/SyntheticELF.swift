// Builds small ELF images byte by byte (any class and byte order) for loader tests.

struct SyntheticSegment {
    var type: UInt32 = 1  // PT_LOAD
    var flags: UInt32 = 5  // R+X
    var offset: UInt64
    var vaddr: UInt64
    var fileSize: UInt64
    var memorySize: UInt64
    var align: UInt64 = 0x1000
}

struct SyntheticELF {
    var is64 = false
    var bigEndian = false
    var machine: UInt16 = 40  // EM_ARM
    var type: UInt16 = 2  // ET_EXEC
    var entry: UInt64
    var flags: UInt32 = 0
    var segments: [SyntheticSegment]
    /// The whole file; headers are written over its start.
    var size: Int

    var headerSize: Int { is64 ? 64 : 52 }
    var phentSize: Int { is64 ? 56 : 32 }

    func bytes(filler: (Int) -> UInt8 = { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }) -> [UInt8] {
        var out = (0..<size).map(filler)
        var cursor = 0
        func put(_ value: UInt64, _ width: Int) {
            for index in 0..<width {
                let shift = bigEndian ? (width - 1 - index) * 8 : index * 8
                out[cursor + index] = UInt8(truncatingIfNeeded: value >> UInt64(shift))
            }
            cursor += width
        }
        let word = is64 ? 8 : 4
        out.replaceSubrange(0..<16, with: [0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, bigEndian ? 2 : 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        cursor = 16
        put(UInt64(type), 2)
        put(UInt64(machine), 2)
        put(1, 4)  // e_version
        put(entry, word)
        put(UInt64(headerSize), word)  // e_phoff
        put(0, word)  // e_shoff
        put(UInt64(flags), 4)
        put(UInt64(headerSize), 2)
        put(UInt64(phentSize), 2)
        put(UInt64(segments.count), 2)
        put(0, 2)  // e_shentsize
        put(0, 2)  // e_shnum
        put(0, 2)  // e_shstrndx
        for segment in segments {
            put(UInt64(segment.type), 4)
            if is64 {
                put(UInt64(segment.flags), 4)
                put(segment.offset, 8)
                put(segment.vaddr, 8)
                put(segment.vaddr, 8)
                put(segment.fileSize, 8)
                put(segment.memorySize, 8)
                put(segment.align, 8)
            } else {
                put(segment.offset, 4)
                put(segment.vaddr, 4)
                put(segment.vaddr, 4)
                put(segment.fileSize, 4)
                put(segment.memorySize, 4)
                put(UInt64(segment.flags), 4)
                put(segment.align, 4)
            }
        }
        return out
    }
}
