// The program-header rules a loadable ELF must satisfy. Each rule is one the kernel
// enforces (or would trip over while mapping); violating one gives a one-line reason.

extension ELFFile {
    /// Bytes of the page granule used for the offset/address congruence rule: the kernel
    /// maps file pages, so p_offset and p_vaddr must agree modulo the page size.
    static let congruencePage: UInt64 = 4096

    static func validate(
        _ headers: [ProgramHeader], entry: UInt64, elfClass: ELFClass, fileSize: UInt64, path: String
    ) throws(ELFError) {
        func corrupt(_ reason: String) -> ELFError { .corruptProgramHeaders(path: path, reason: reason) }
        let addressLimit: UInt64 = elfClass == .elf32 ? 1 << 32 : .max
        var previous: (index: Int, start: UInt64, end: UInt64)?
        var entryIsExecutable = false
        var loadCount = 0

        for (index, header) in headers.enumerated() where header.type == ProgramHeader.load {
            loadCount += 1
            let name = "PT_LOAD segment \(index)"
            guard header.fileSize <= header.memorySize else {
                throw corrupt("\(name) has p_filesz \(header.fileSize) larger than p_memsz \(header.memorySize)")
            }
            let (fileEnd, fileOverflow) = header.offset.addingReportingOverflow(header.fileSize)
            guard !fileOverflow, fileEnd <= fileSize else {
                throw corrupt("\(name) holds file bytes \(header.offset)..<\(fileOverflow ? "overflow" : String(fileEnd)) "
                    + "outside the file (\(fileSize) bytes); the file may be truncated")
            }
            let (end, overflow) = header.virtualAddress.addingReportingOverflow(header.memorySize)
            guard !overflow, end <= addressLimit else {
                throw corrupt("\(name) at \(hex(header.virtualAddress)) (\(header.memorySize) bytes) runs past the end of the address space")
            }
            if header.fileSize > 0,
               header.offset % congruencePage != header.virtualAddress % congruencePage
            {
                throw corrupt("\(name) has p_offset \(hex(header.offset)) and p_vaddr \(hex(header.virtualAddress)) "
                    + "that differ modulo the page size, so it cannot be mapped")
            }
            guard header.memorySize > 0 else { continue }
            if let previous {
                guard header.virtualAddress >= previous.start else {
                    throw corrupt("PT_LOAD segments are not in ascending address order "
                        + "(segment \(index) at \(hex(header.virtualAddress)) follows segment \(previous.index) at \(hex(previous.start)))")
                }
                guard header.virtualAddress >= previous.end else {
                    throw corrupt("PT_LOAD segments \(previous.index) (\(hex(previous.start))..<\(hex(previous.end))) "
                        + "and \(index) (\(hex(header.virtualAddress))..<\(hex(end))) overlap")
                }
            }
            previous = (index, header.virtualAddress, end)
            if header.flags & ProgramHeader.executeFlag != 0 && header.virtualAddress <= entry && entry < end {
                entryIsExecutable = true
            }
        }
        guard loadCount > 0 else { throw corrupt("there is no PT_LOAD segment, so nothing to load") }
        guard entryIsExecutable else {
            throw corrupt("the entry point \(hex(entry)) is not inside any executable PT_LOAD segment")
        }
    }
}

func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }
