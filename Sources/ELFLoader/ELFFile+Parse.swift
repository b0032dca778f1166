// Opening and validating an ELF program with libelf.
//
// libelf (elfutils) converts the header and program headers of either class and byte
// order. It also insists on sane section headers, which the kernel never reads (stripped
// and sstrip'ed programs have none worth the name), so libelf is shown only the ELF
// header, with its section-header fields zeroed, followed by the program header table.

import CLibElf
import Glibc
import Host
import SystemPackage

extension ELFFile {
    /// Opens and validates the program at `path`. Reads only the headers; `load` copies
    /// the segments later from the same open descriptor.
    public static func open(path: String) throws(ELFError) -> ELFFile {
        let fd: Int32
        do {
            // O_NONBLOCK: opening a FIFO must not hang; it is refused below.
            fd = try Host.open(path, flags: O_RDONLY | O_NONBLOCK)
        } catch {
            switch error {
            case .noSuchFileOrDirectory, .notDirectory: throw .notFound(path: path)
            case .permissionDenied, .notPermitted: throw .permissionDenied(path: path)
            case .isDirectory: throw .isDirectory(path: path)
            default: throw .readFailed(path: path, errno: error)
            }
        }
        return try open(descriptor: fd, path: path)
    }

    /// Validates the program open on `fd` (binfmt_misc's AT_EXECFD: the kernel opened it, and
    /// the caller may not be allowed to), named `path` in errors. Takes ownership of `fd`.
    public static func open(descriptor fd: Int32, path: String) throws(ELFError) -> ELFFile {
        let status: stat
        do { status = try Host.fstat(fd) } catch {
            try? Host.close(fd)
            throw .readFailed(path: path, errno: error)
        }
        let kind = status.st_mode & 0o170000  // S_IFMT
        guard kind != 0o040000 else {  // S_IFDIR
            try? Host.close(fd)
            throw .isDirectory(path: path)
        }
        guard kind == 0o100000 else {  // S_IFREG
            try? Host.close(fd)
            throw .notRegularFile(path: path)
        }
        guard status.st_size > 0 else {
            try? Host.close(fd)
            throw .emptyFile(path: path)
        }
        return try parse(source: ImageSource(fd: fd, size: UInt64(status.st_size)), path: path)
    }

    /// Validates an in-memory ELF image; `name` stands for the path in errors.
    public static func parse(bytes: [UInt8], name: String) throws(ELFError) -> ELFFile {
        guard !bytes.isEmpty else { throw .emptyFile(path: name) }
        return try parse(source: ImageSource(bytes: bytes), path: name)
    }

    private static func read(_ source: ImageSource, _ offset: UInt64, _ count: Int, _ path: String) throws(ELFError) -> [UInt8]? {
        do { return try source.read(offset: offset, count: count) } catch { throw .readFailed(path: path, errno: error) }
    }

    static func parse(source: ImageSource, path: String) throws(ELFError) -> ELFFile {
        let size = source.size
        let ident = try read(source, 0, Int(min(size, 16)), path) ?? []
        let magic: [UInt8] = [0x7f, 0x45, 0x4c, 0x46]
        let prefix = min(4, ident.count)
        guard Array(ident[0..<prefix]) == Array(magic[0..<prefix]) else {
            throw .notELF(path: path, detail: describeNonELF(ident))
        }
        guard size >= 16 else {
            throw .truncated(path: path, detail: "\(size) bytes, shorter than the 16-byte ELF identification")
        }
        let elfClass: ELFClass
        switch ident[4] {  // EI_CLASS
        case 1: elfClass = .elf32
        case 2: elfClass = .elf64
        default: throw .unsupportedClass(path: path, value: ident[4])
        }
        let byteOrder: ByteOrder
        switch ident[5] {  // EI_DATA
        case 1: byteOrder = .little
        case 2: byteOrder = .big
        default: throw .unsupportedByteOrder(path: path, value: ident[5])
        }
        let layout = HeaderLayout(elfClass)
        guard size >= UInt64(layout.headerSize) else {
            throw .truncated(path: path, detail: "\(size) bytes, shorter than the \(layout.headerSize)-byte ELF header")
        }
        var header = try read(source, 0, layout.headerSize, path) ?? []
        layout.hideSectionHeaders(&header)
        guard let ehdr = withLibelf(header, { elf -> GElf_Ehdr? in
            var ehdr = GElf_Ehdr()
            return gelf_getehdr(elf, &ehdr) == nil ? nil : ehdr
        }) ?? nil else {
            throw .corruptProgramHeaders(path: path, reason: "libelf cannot read the ELF header (\(libelfError()))")
        }

        let machine = Machine(rawValue: ehdr.e_machine)
        switch (machine, elfClass) {
        case (.arm, .elf32), (.mips, .elf32), (.ppc, .elf32), (.aarch64, .elf64): break
        default: throw .unsupportedMachine(path: path, machine: machine, elfClass: elfClass)
        }
        let type: ELFType
        switch ehdr.e_type {
        case 2: type = .executable  // ET_EXEC
        case 3: type = .sharedObject  // ET_DYN
        default: throw .unsupportedType(path: path, value: ehdr.e_type)
        }

        // The program header table.
        let count = Int(ehdr.e_phnum)
        guard Int(ehdr.e_phentsize) == layout.programHeaderSize else {
            throw .corruptProgramHeaders(path: path, reason:
                "e_phentsize is \(ehdr.e_phentsize), expected \(layout.programHeaderSize) for this ELF class")
        }
        guard count > 0 else { throw .corruptProgramHeaders(path: path, reason: "no program headers (e_phnum is 0)") }
        let tableSize = count * layout.programHeaderSize
        guard tableSize <= 65536 else {
            throw .corruptProgramHeaders(path: path, reason:
                "e_phnum \(count) is absurd (a \(tableSize)-byte table; the limit is 64 KiB)")
        }
        let (tableEnd, overflow) = ehdr.e_phoff.addingReportingOverflow(UInt64(tableSize))
        guard !overflow, tableEnd <= size else {
            throw .truncated(path: path, detail:
                "the program header table at offset \(ehdr.e_phoff) (\(tableSize) bytes) ends past the end of the file (\(size) bytes)")
        }
        let table = try read(source, ehdr.e_phoff, tableSize, path) ?? []
        var image = header
        layout.setProgramHeaderOffset(&image, to: UInt64(layout.headerSize), byteOrder: byteOrder)
        image += table
        let parsed = withLibelf(image) { elf -> [ProgramHeader]? in
            var headers: [ProgramHeader] = []
            headers.reserveCapacity(count)
            for index in 0..<count {
                var phdr = GElf_Phdr()
                guard gelf_getphdr(elf, Int32(index), &phdr) != nil else { return nil }
                headers.append(ProgramHeader(
                    type: phdr.p_type, flags: phdr.p_flags, offset: phdr.p_offset, virtualAddress: phdr.p_vaddr,
                    physicalAddress: phdr.p_paddr, fileSize: phdr.p_filesz, memorySize: phdr.p_memsz,
                    alignment: phdr.p_align))
            }
            return headers
        }
        guard let headers = parsed ?? nil else {
            throw .corruptProgramHeaders(path: path, reason: "libelf cannot read them (\(libelfError()))")
        }

        try validate(headers, entry: ehdr.e_entry, elfClass: elfClass, fileSize: size, path: path)
        let interpreter = try readInterpreter(headers, source: source, path: path)
        let stack = headers.first { $0.type == ProgramHeader.gnuStack }
        return ELFFile(
            path: path, elfClass: elfClass, byteOrder: byteOrder, machine: machine, type: type,
            entry: ehdr.e_entry, flags: ehdr.e_flags, programHeaderOffset: ehdr.e_phoff,
            programHeaderEntrySize: Int(ehdr.e_phentsize), programHeaders: headers,
            interpreter: interpreter, stackFlags: stack?.flags, source: source)
    }

    /// The PT_INTERP string: inside the file, NUL-terminated, at most PATH_MAX.
    private static func readInterpreter(_ headers: [ProgramHeader], source: ImageSource, path: String) throws(ELFError) -> String? {
        guard let interp = headers.first(where: { $0.type == ProgramHeader.interp }) else { return nil }
        guard interp.fileSize >= 2, interp.fileSize <= 4096 else {
            throw .corruptProgramHeaders(path: path, reason: "PT_INTERP has a size of \(interp.fileSize) bytes")
        }
        guard let bytes = try read(source, interp.offset, Int(interp.fileSize), path) else {
            throw .corruptProgramHeaders(path: path, reason:
                "PT_INTERP at offset \(interp.offset) (\(interp.fileSize) bytes) lies outside the file (\(source.size) bytes)")
        }
        guard bytes.last == 0, let end = bytes.firstIndex(of: 0), end > 0 else {
            throw .corruptProgramHeaders(path: path, reason: "the PT_INTERP path is empty or not NUL-terminated")
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// What a file without ELF magic looks like, for the error message.
    private static func describeNonELF(_ ident: [UInt8]) -> String {
        if ident.starts(with: [0x23, 0x21]) { return "it is a script starting with #!: run it with its interpreter" }
        if ident.starts(with: [0x4d, 0x5a]) { return "it is a Windows/DOS executable (MZ)" }
        if ident.starts(with: Array("!<arch>".utf8)) { return "it is an ar archive (a static library)" }
        let shown = ident.prefix(4).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: " ")
        return "bad magic bytes \(shown), expected 7f 45 4c 46"
    }
}

/// Runs `body` on a libelf handle over a private copy of `bytes`; nil if libelf refuses
/// the image.
private func withLibelf<T>(_ bytes: [UInt8], _ body: (OpaquePointer) -> T) -> T? {
    _ = elf_version(UInt32(EV_CURRENT))
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    defer { copy.deallocate() }
    copy.copyBytes(from: bytes)
    guard let elf = elf_memory(copy.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count) else { return nil }
    defer { elf_end(elf) }
    guard elf_kind(elf) == ELF_K_ELF else { return nil }
    return body(elf)
}

private func libelfError() -> String {
    guard let message = elf_errmsg(-1) else { return "unknown error" }
    return String(cString: message)
}

/// Where the ELF header keeps the fields the parser touches, per class (ELF spec facts).
private struct HeaderLayout {
    let headerSize: Int
    let programHeaderSize: Int
    let phoff: Range<Int>
    /// e_shoff; e_shentsize, e_shnum and e_shstrndx. (Two fields, not an array: an array of
    /// ranges costs a runtime metadata instantiation at every start.)
    let sectionOffset: Range<Int>
    let sectionCounts: Range<Int>

    init(_ elfClass: ELFClass) {
        switch elfClass {
        case .elf32:
            headerSize = 52
            programHeaderSize = 32
            phoff = 28..<32
            sectionOffset = 32..<36
            sectionCounts = 46..<52
        case .elf64:
            headerSize = 64
            programHeaderSize = 56
            phoff = 32..<40
            sectionOffset = 40..<48
            sectionCounts = 58..<64
        }
    }

    func hideSectionHeaders(_ header: inout [UInt8]) {
        for index in sectionOffset { header[index] = 0 }
        for index in sectionCounts { header[index] = 0 }
    }

    func setProgramHeaderOffset(_ header: inout [UInt8], to value: UInt64, byteOrder: ByteOrder) {
        let width = phoff.count
        for index in 0..<width {
            let shift = byteOrder == .little ? index * 8 : (width - 1 - index) * 8
            header[phoff.lowerBound + index] = UInt8(truncatingIfNeeded: value >> UInt64(shift))
        }
    }
}
