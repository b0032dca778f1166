// ELFLoader: from a program file to a guest address space ready to run.
//
// 1. `ELFFile.open(path:)` reads the ELF header and program headers through the system
//    libelf (both classes, both byte orders) and validates them: a damaged or foreign
//    file gives one `ELFError` line saying why, never a crash.
// 2. `load(_:into:loadBias:)` maps every PT_LOAD into a `GuestAddressSpace` the way
//    Linux's binfmt_elf does (ET_EXEC at its addresses, ET_DYN at a bias), zeroes bss,
//    applies p_flags protections, and sets the heap start for brk.
// 3. `InitialStack` maps the stack and lays out argc, argv, envp, auxv and their strings
//    exactly as Linux's create_elf_tables does.
//
// The dynamic linker named by PT_INTERP is opened and loaded by the caller with the same
// two calls (it is an ET_DYN file); its bias goes into AT_BASE.

import GuestMemory
import Host
import SystemPackage

/// What `load` produced: the facts the auxiliary vector and the CPU start state need.
public struct LoadedImage: Hashable, Sendable {
    /// e_entry plus the load bias.
    public var entry: GuestAddress
    /// Guest address of the program header table (AT_PHDR).
    public var programHeaders: GuestAddress
    /// e_phentsize (AT_PHENT) and e_phnum (AT_PHNUM).
    public var programHeaderEntrySize: Int
    public var programHeaderCount: Int
    /// Added to every p_vaddr: 0 for ET_EXEC.
    public var loadBias: UInt64
    /// The lowest mapped address (the first PT_LOAD's page).
    public var lowestAddress: GuestAddress
    /// One past the last byte of the highest segment (p_vaddr + p_memsz + bias). The
    /// heap (brk) starts at the next page boundary.
    public var highestAddress: GuestAddress
    /// PT_INTERP, if the program wants a dynamic linker.
    public var interpreter: String?
    /// Whether PT_GNU_STACK asks for (or its absence implies) an executable stack.
    public var executableStack: Bool

    public init(
        entry: GuestAddress, programHeaders: GuestAddress, programHeaderEntrySize: Int, programHeaderCount: Int,
        loadBias: UInt64, lowestAddress: GuestAddress, highestAddress: GuestAddress, interpreter: String?,
        executableStack: Bool
    ) {
        self.entry = entry
        self.programHeaders = programHeaders
        self.programHeaderEntrySize = programHeaderEntrySize
        self.programHeaderCount = programHeaderCount
        self.loadBias = loadBias
        self.lowestAddress = lowestAddress
        self.highestAddress = highestAddress
        self.interpreter = interpreter
        self.executableStack = executableStack
    }
}

/// The bias for ET_DYN files when the caller gives none: where Linux would put a
/// static-pie or dynamic linker in a small address space, and a 64-bit equivalent.
public func defaultLoadBase(for elfClass: ELFClass) -> GuestAddress {
    elfClass == .elf32 ? 0x0040_0000 : 0x55_5555_0000
}

/// Maps `file`'s PT_LOAD segments into `space` and sets the heap start (`setBrk`).
///
/// ET_EXEC goes at its link addresses (`loadBias` is ignored). ET_DYN goes at `loadBias`
/// (a page-aligned bias added to every p_vaddr); when nil, the lowest segment is placed at
/// `defaultLoadBase`, or wherever the space has room if that range is taken. Segment pages
/// are the file's own (mapped private) where offsets and addresses allow, else copies.
/// Everything from p_filesz to the end of the segment's last page is zero, read-only
/// segments included, and so is a segment's first page before its start; protections are
/// applied after loading.
public func load(_ file: ELFFile, into space: GuestAddressSpace, loadBias: GuestAddress?) throws(ELFError) -> LoadedImage {
    let segments = file.loadSegments.filter { $0.memorySize > 0 }
    guard let first = segments.first, let last = segments.last else {
        throw .corruptProgramHeaders(path: file.path, reason: "there is no PT_LOAD segment, so nothing to load")
    }
    let page = space.pageSize
    let low = first.virtualAddress & ~(page - 1)
    let high = last.virtualAddress &+ last.memorySize
    let bias = try chooseBias(file, space: space, low: low, high: high, requested: loadBias)

    var mappedEnd: UInt64 = 0  // end of the pages already mapped by earlier segments
    var protectedRanges: [ProtectedRange] = []
    for segment in segments {
        let start = segment.virtualAddress &+ bias
        guard let (pageStart, pageEnd) = pageRange(start, segment.memorySize, page, space.size) else {
            throw .loadFailed(path: file.path, reason:
                "segment at \(hex(start)) (\(segment.memorySize) bytes) does not fit in the guest's \(space.addressBits)-bit address space")
        }
        // Segments may share a page at their boundary; map only the pages not yet mapped.
        let mapStart = max(pageStart, mappedEnd)
        var fileBacked: Range<UInt64> = mapStart..<mapStart
        if mapStart < pageEnd {
            fileBacked = try mapPages(file, segment, start: start, mapStart..<pageEnd, space: space)
            mappedEnd = pageEnd
        }
        try copyContents(file, segment, to: GuestAddress(start), fileBacked: fileBacked, space: space)
        protectedRanges.append(ProtectedRange(start: pageStart, end: pageEnd, protection: segment.protection))
    }
    // Apply protections; a page shared by two segments gets the union of both.
    for (index, range) in protectedRanges.enumerated() {
        let result = space.protect(GuestAddress(range.start), length: range.end - range.start, range.protection)
        if case let .failure(errno) = result {
            throw .loadFailed(path: file.path, reason: "mprotect \(hex(range.start)): \(describe(errno))")
        }
        if index > 0, protectedRanges[index - 1].end > range.start {
            let shared = range.start
            _ = space.protect(GuestAddress(shared), length: page, range.protection.union(protectedRanges[index - 1].protection))
        }
    }

    let end = GuestAddress(high &+ bias)
    space.setBrk(start: end)
    return LoadedImage(
        entry: GuestAddress(file.entry &+ bias),
        programHeaders: GuestAddress(programHeaderAddress(file) &+ bias),
        programHeaderEntrySize: file.programHeaderEntrySize,
        programHeaderCount: file.programHeaders.count,
        loadBias: bias,
        lowestAddress: GuestAddress(low &+ bias),
        highestAddress: end,
        interpreter: file.interpreter,
        executableStack: file.executableStack)
}

/// A segment's pages and their protection. (A struct, not a tuple: an array of tuples costs a
/// runtime metadata instantiation at every start.)
private struct ProtectedRange {
    var start: UInt64
    var end: UInt64
    var protection: Protection
}

/// The page-aligned [start, end) covering `length` bytes at `start`, if inside the space.
private func pageRange(_ start: UInt64, _ length: UInt64, _ page: UInt64, _ limit: UInt64) -> (UInt64, UInt64)? {
    let (end, overflow) = start.addingReportingOverflow(length)
    guard !overflow, end <= limit else { return nil }
    return (start & ~(page - 1), min(limit, (end &+ page &- 1) & ~(page - 1)))
}

/// Maps the segment's new pages `pages` read-write and returns the part that holds the
/// file's own pages (empty when none does).
///
/// Where the file allows (an open file whose offsets agree with the addresses modulo the
/// page size, as linkers lay them out) the pages holding file bytes are the file's, mapped
/// private: only the pages the guest touches are ever read, a fault each with the kernel's
/// read-around, instead of a copy of the whole segment up front. A program file changed in
/// place while it runs is then seen changing, as its shared libraries are (the guest maps
/// those itself) and as under qemu. The rest, and every page of a file that cannot be
/// mapped (an image in memory, a file system without mmap), is anonymous zero memory.
private func mapPages(
    _ file: ELFFile, _ segment: ProgramHeader, start: UInt64, _ pages: Range<UInt64>, space: GuestAddressSpace
) throws(ELFError) -> Range<UInt64> {
    let page = space.pageSize
    let fileEnd = start &+ segment.fileSize
    let filePagesEnd = min(pages.upperBound, (fileEnd &+ page &- 1) & ~(page - 1))
    var fileBacked = pages.lowerBound..<pages.lowerBound
    if let fd = file.source.descriptor, segment.fileSize > 0, pages.lowerBound < filePagesEnd,
       (start &- segment.offset) & (page - 1) == 0,
       let offset = fileOffset(of: pages.lowerBound, segment: segment, start: start)
    {
        let mapped = space.map(
            at: GuestAddress(pages.lowerBound), length: filePagesEnd - pages.lowerBound, protection: .readWrite,
            flags: [.fixedNoReplace, .private], file: (fd, offset), name: file.path)
        switch mapped {
        case .success:
            fileBacked = pages.lowerBound..<filePagesEnd
            // The loader writes into the first and last of these pages next: a file cut short
            // since it was validated would make that a SIGBUS in mirage, not a load error.
            guard let status = try? Host.fstat(fd), UInt64(status.st_size) >= segment.offset &+ segment.fileSize else {
                _ = space.unmap(GuestAddress(fileBacked.lowerBound), length: UInt64(fileBacked.count))
                throw .truncated(path: file.path, detail: "the file shrank while it was being loaded")
            }
        case .failure(let errno) where errno == .fileExists || errno == .noMemory || errno == .notPermitted:
            throw .loadFailed(path: file.path, reason: "cannot map \(hex(pages.lowerBound))..<\(hex(filePagesEnd)): \(describe(errno))")
        case .failure:
            break  // this file cannot be mapped: copy it
        }
    }
    if fileBacked.upperBound < pages.upperBound {
        let mapped = space.map(
            at: GuestAddress(fileBacked.upperBound), length: pages.upperBound - fileBacked.upperBound,
            protection: .readWrite, flags: [.fixedNoReplace, .private, .anonymous], name: file.path)
        if case let .failure(errno) = mapped {
            if !fileBacked.isEmpty { _ = space.unmap(GuestAddress(fileBacked.lowerBound), length: UInt64(fileBacked.count)) }
            throw .loadFailed(path: file.path, reason: "cannot map \(hex(fileBacked.upperBound))..<\(hex(pages.upperBound)): \(describe(errno))")
        }
    }
    return fileBacked
}

/// The file offset whose byte belongs at guest address `address` (page aligned) in
/// `segment` loaded at `start`; nil when that lies before the file's start.
private func fileOffset(of address: UInt64, segment: ProgramHeader, start: UInt64) -> UInt64? {
    if address >= start { return segment.offset &+ (address - start) }
    let before = start - address
    return segment.offset >= before ? segment.offset - before : nil
}

/// Puts p_filesz bytes at `start` and zeroes the rest of the segment's last file page.
/// Bytes inside `fileBacked` are there already (the file's own pages); everything in those
/// pages that is not the segment's file bytes is zeroed, so the guest sees exactly what the
/// copy into anonymous pages gives.
private func copyContents(
    _ file: ELFFile, _ segment: ProgramHeader, to start: GuestAddress, fileBacked: Range<UInt64>, space: GuestAddressSpace
) throws(ELFError) {
    let page = space.pageSize
    let fileEnd = start + segment.fileSize
    var zeroEnd = min(start + segment.memorySize, fileEnd.roundedUp(to: page) ?? fileEnd)
    if !fileBacked.isEmpty { zeroEnd = max(zeroEnd, GuestAddress(fileBacked.upperBound)) }
    let low = fileBacked.isEmpty ? start : min(start, GuestAddress(fileBacked.lowerBound))
    guard let base = space.pointer(to: low, length: zeroEnd - low, access: .write) else {
        throw .loadFailed(path: file.path, reason: "segment at \(start) is not writable after mapping")
    }
    let destination = base + Int(start - low)
    // The file bytes not in the file's own pages: all of them, or those on a page an earlier
    // segment mapped.
    let copied = fileBacked.isEmpty ? segment.fileSize : min(segment.fileSize, fileBacked.lowerBound &- min(start.rawValue, fileBacked.lowerBound))
    if copied > 0 {
        let complete: Bool
        do { complete = try file.source.copy(offset: segment.offset, count: Int(copied), to: destination) } catch {
            throw .readFailed(path: file.path, errno: error)
        }
        guard complete else { throw .truncated(path: file.path, detail: "the file shrank while it was being loaded") }
    }
    // Before the segment on its first file page: the file's bytes of whatever precedes it.
    if start.rawValue > low.rawValue { base.initializeMemory(as: UInt8.self, repeating: 0, count: Int(start - low)) }
    // Fresh anonymous pages are zero already; this also clears the tail of a page that an
    // earlier segment shared, exactly as Linux's padzero does.
    (destination + Int(segment.fileSize)).initializeMemory(as: UInt8.self, repeating: 0, count: Int(zeroEnd - fileEnd))
}

/// The bias for `file`: 0 for ET_EXEC; the caller's, or a free place, for ET_DYN.
private func chooseBias(
    _ file: ELFFile, space: GuestAddressSpace, low: UInt64, high: UInt64, requested: GuestAddress?
) throws(ELFError) -> UInt64 {
    guard file.type == .sharedObject else { return 0 }
    let page = space.pageSize
    if let requested {
        guard requested.isAligned(to: page) else {
            throw .loadFailed(path: file.path, reason: "load bias \(requested) is not page aligned")
        }
        return requested.rawValue
    }
    // Find room for the whole span (aligned to the largest p_align), like Linux's
    // total_mapping_size reservation, then release it for the per-segment mappings.
    let alignment = file.loadSegments.map(\.alignment).filter { $0.nonzeroBitCount == 1 }.reduce(page, max)
    guard alignment <= 1 << 30 else {
        throw .corruptProgramHeaders(path: file.path, reason: "p_align \(hex(alignment)) is absurd")
    }
    let span = ((high &- low) &+ page &- 1) & ~(page - 1)
    let hint = defaultLoadBase(for: file.elfClass)
    let placed = space.map(
        at: hint, length: span &+ alignment, protection: [], flags: [.private, .anonymous, .noReserve])
    guard case let .success(start) = placed else {
        throw .loadFailed(path: file.path, reason: "no room for \(span) bytes in the guest address space")
    }
    _ = space.unmap(start, length: span &+ alignment)
    let aligned = start.roundedUp(to: alignment) ?? start
    return aligned.rawValue &- low
}

/// Where the program headers are in memory, before bias: PT_PHDR, else inside the
/// PT_LOAD that contains the table's file bytes, else (as Linux does) the first PT_LOAD's
/// address for file offset e_phoff.
private func programHeaderAddress(_ file: ELFFile) -> UInt64 {
    if let phdr = file.programHeaders.first(where: { $0.type == ProgramHeader.phdr }) { return phdr.virtualAddress }
    let tableSize = UInt64(file.programHeaders.count * file.programHeaderEntrySize)
    let offset = file.programHeaderOffset
    for segment in file.loadSegments
    where segment.offset <= offset && offset &+ tableSize <= segment.offset &+ segment.fileSize {
        return segment.virtualAddress &+ (offset &- segment.offset)
    }
    guard let first = file.loadSegments.first else { return offset }
    return first.virtualAddress &- first.offset &+ offset
}

private func describe(_ errno: Errno) -> String {
    switch errno {
    case .fileExists: return "the range is already in use"
    case .noMemory: return "no room in the guest address space"
    case .notPermitted: return "below the lowest address programs may use (mmap_min_addr)"
    default: return "\(errno)"
    }
}
