// load() from a file maps the file's pages; from bytes it copies. The guest must not be able
// to tell the two apart: same bytes on every page of the image, same protections, same
// mappings, whatever the segments' alignment and sharing of pages.

import ELFLoader
import Foundation
import GuestMemory
import Testing

@Suite struct FileMappingTests {
    /// Layouts that put file bytes before, after and between segments on shared pages.
    static let layouts: [(name: String, elf: SyntheticELF)] = [
        ("text and data with bss", armExecutable()),
        ("read-only data with a bss tail", {
            var elf = armExecutable()
            elf.segments[1].flags = 4
            elf.segments[1].fileSize = 0x80
            return elf
        }()),
        ("segments sharing a page", SyntheticELF(
            entry: 0x10010,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x300, memorySize: 0x300),
                SyntheticSegment(flags: 6, offset: 0x300, vaddr: 0x10300, fileSize: 0x40, memorySize: 0x1100),
            ],
            size: 0x340)),
        ("data spilling onto a shared page and beyond", SyntheticELF(
            entry: 0x10010,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x1300, memorySize: 0x1300),
                SyntheticSegment(flags: 6, offset: 0x1300, vaddr: 0x11300, fileSize: 0x2100, memorySize: 0x4000),
            ],
            size: 0x3400)),
        ("a segment starting mid-page far into the file", SyntheticELF(
            entry: 0x10010,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x800, memorySize: 0x800),
                SyntheticSegment(flags: 6, offset: 0x2a40, vaddr: 0x22a40, fileSize: 0x900, memorySize: 0x900),
            ],
            size: 0x3400)),
        ("file bytes ending on a page boundary", SyntheticELF(
            entry: 0x10010,
            segments: [
                SyntheticSegment(flags: 5, offset: 0, vaddr: 0x10000, fileSize: 0x2000, memorySize: 0x2000),
                SyntheticSegment(flags: 6, offset: 0x2000, vaddr: 0x20000, fileSize: 0x1000, memorySize: 0x1800),
            ],
            size: 0x3000)),
    ]

    @Test(arguments: layouts.indices)
    func mappedAndCopiedImagesAgree(index: Int) throws {
        let (name, elf) = Self.layouts[index]
        let bytes = elf.bytes { UInt8(truncatingIfNeeded: $0 &* 13 &+ 0x5b) }  // nothing is zero by chance
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("image").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let copied = try makeSpace()
        let copiedImage = try load(try ELFFile.parse(bytes: bytes, name: path), into: copied, loadBias: nil)
        let mapped = try makeSpace()
        let mappedImage = try load(try ELFFile.open(path: path), into: mapped, loadBias: nil)
        #expect(mappedImage == copiedImage, "\(name)")
        #expect(mapped.mappings() == copied.mappings(), "\(name)")
        #expect(mapped.brk(0) == copied.brk(0), "\(name)")
        for region in copied.mappings() {
            var page = region.start
            while page < region.end {
                #expect(mapped.protection(at: page) == copied.protection(at: page), "\(name) at \(page)")
                #expect(mapped.read(at: page, count: 4096) == copied.read(at: page, count: 4096), "\(name) at \(page)")
                page += 4096
            }
        }
    }

    @Test func theFileIsMappedNotRead() throws {
        let elf = Self.layouts[3].elf
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mapped-image").path
        try Data(elf.bytes()).write(to: URL(fileURLWithPath: path))
        let space = try makeSpace()
        _ = try load(try ELFFile.open(path: path), into: space, loadBias: nil)
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        #expect(maps.contains(path))
    }
}
