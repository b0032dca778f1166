// Damaged files must give an ELFError or a valid load: never a crash or a hang. Truncation
// at every length through the headers, and seeded random byte flips in the headers.

import ELFLoader
import Foundation
import GuestMemory
import Testing
import TestTools

/// Parses `bytes`; if they validate, loads them into a fresh space and checks the result
/// is self-consistent. Returns whether the image was accepted.
@discardableResult
func parseAndMaybeLoad(_ bytes: [UInt8]) throws -> Bool {
    let file: ELFFile
    do { file = try ELFFile.parse(bytes: bytes, name: "fuzz") } catch {
        #expect(!error.description.isEmpty && !error.description.contains("\n"))
        return false
    }
    // A 32-bit space for ELF64 too: addresses above 4 GiB then exercise the load errors, and
    // a flipped multi-GiB p_memsz costs at most 2^20 page-table bytes (debug builds walk
    // them one by one).
    let space = try GuestAddressSpace(addressBits: 32)
    do {
        let image = try load(file, into: space, loadBias: nil)
        #expect(space.isAccessible(image.entry, length: 1, .execute))
    } catch {
        #expect(!error.description.isEmpty && !error.description.contains("\n"))
    }
    return true
}

/// Images to damage: synthetic ones of each class and byte order, plus a real static ARM
/// program when the cross compiler is there.
func fuzzSeeds() throws -> [(name: String, bytes: [UInt8])] {
    var seeds: [(String, [UInt8])] = [("arm32le", armExecutable().bytes())]
    seeds.append(("ppc32be", SyntheticELF(
        bigEndian: true, machine: 20, entry: 0x1000_0100,
        segments: [
            SyntheticSegment(flags: 5, offset: 0, vaddr: 0x1000_0000, fileSize: 0x180, memorySize: 0x180),
            SyntheticSegment(flags: 6, offset: 0x180, vaddr: 0x1001_0180, fileSize: 0x80, memorySize: 0x2000),
        ],
        size: 0x200).bytes()))
    seeds.append(("a64le", SyntheticELF(
        is64: true, machine: 183, type: 3, entry: 0x100,
        segments: [
            SyntheticSegment(flags: 5, offset: 0, vaddr: 0, fileSize: 0x200, memorySize: 0x200),
            SyntheticSegment(flags: 6, offset: 0x200, vaddr: 0x10200, fileSize: 0x40, memorySize: 0x400),
        ],
        size: 0x240).bytes()))
    if haveCrossCompiler {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        seeds.append(("hello", try fileBytes(compileARM(helloSource, name: "fuzz", flags: ["-static"], in: directory))))
    }
    return seeds
}

@Suite struct FuzzTests {
    @Test func truncationAtEveryLengthThroughTheHeaders() throws {
        for (name, bytes) in try fuzzSeeds() {
            let is64 = bytes[4] == 2
            let big = bytes[5] == 2
            let phnum = big ? Int(bytes[is64 ? 56 : 44]) << 8 | Int(bytes[is64 ? 57 : 45])
                : Int(bytes[is64 ? 57 : 45]) << 8 | Int(bytes[is64 ? 56 : 44])
            let headersEnd = (is64 ? 64 + 56 * phnum : 52 + 32 * phnum)
            for length in 0...min(bytes.count - 1, headersEnd + 64) {
                let accepted = try parseAndMaybeLoad(Array(bytes[0..<length]))
                // Every segment's file data lies past the headers, so a cut there must be refused.
                #expect(!accepted, "\(name) cut at \(length) was accepted")
            }
            #expect(try parseAndMaybeLoad(bytes), "\(name) intact was refused")
        }
    }

    @Test func randomFlipsInTheHeaders() throws {
        var generator = SplitMix64(seed: 0x6d69_7261_6765)
        var accepted = 0
        var refused = 0
        for (_, original) in try fuzzSeeds() {
            let is64 = original[4] == 2
            let headerBytes = min(original.count, is64 ? 64 + 56 * 8 : 52 + 32 * 8)
            for _ in 0..<1000 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let index = Int.random(in: 0..<headerBytes, using: &generator)
                    if Bool.random(using: &generator) {
                        bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
                    } else {
                        bytes[index] = UInt8.random(in: 0...255, using: &generator)
                    }
                }
                if try parseAndMaybeLoad(bytes) { accepted += 1 } else { refused += 1 }
            }
        }
        // Both outcomes occur: the flips reach fields that matter and fields that do not.
        #expect(accepted > 100 && refused > 100, "accepted \(accepted), refused \(refused)")
    }
}
