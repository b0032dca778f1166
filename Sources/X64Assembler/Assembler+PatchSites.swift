// Patch sites: rel32 fields the engine rewrites after the code is placed, to chain a block's
// exit straight to its successor and to unchain it again. Each field is 4-byte aligned (NOPs
// pad before the instruction), so it never straddles a cache line and one aligned 4-byte store
// replaces it while other threads may be executing the branch.

/// The rel32 field of a patchable branch or call.
public struct PatchSite: Hashable, Sendable {
    /// Offset of the field in the code; a multiple of 4. The branch's end is `offset + 4`.
    public let offset: Int

    public init(offset: Int) {
        self.offset = offset
    }
}

extension Assembler {
    /// `JMP rel32` with an aligned field, to `target` or, without one, to the next instruction.
    public mutating func jmpPatchSite(to target: Label? = nil) -> PatchSite {
        alignField(opcodeBytes: 1)
        jmp(rel32: 0)
        return patchSite(to: target)
    }

    /// `Jcc rel32` with an aligned field, to `target` or, without one, to the next instruction.
    public mutating func jccPatchSite(_ cc: Condition, to target: Label? = nil) -> PatchSite {
        alignField(opcodeBytes: 2)
        jcc(cc, rel32: 0)
        return patchSite(to: target)
    }

    /// `CALL rel32` with an aligned field, to `target` or, without one, to the next
    /// instruction (to be patched before it runs).
    public mutating func callPatchSite(to target: Label? = nil) -> PatchSite {
        alignField(opcodeBytes: 1)
        call(rel32: 0)
        return patchSite(to: target)
    }

    /// Points `site` at `target`, an offset in this code (before the code is copied out).
    public mutating func setTarget(of site: PatchSite, toOffset target: Int) {
        buffer.patch32(at: site.offset, UInt32(truncatingIfNeeded: target - (site.offset + 4)))
    }

    /// NOPs so that an instruction with `opcodeBytes` before its rel32 has the field aligned.
    mutating func alignField(opcodeBytes: Int) {
        let misalignment = (position + opcodeBytes) & 3
        if misalignment != 0 { nop(length: 4 - misalignment) }
    }

    mutating func patchSite(to target: Label?) -> PatchSite {
        let site = PatchSite(offset: position - 4)
        if let target { reference(target, field: site.offset, size: 4, tail: 0) }
        return site
    }
}

extension PatchSite {
    /// The rel32 that sends a branch whose field is at address `field` to address `target`;
    /// nil when the target is out of reach (more than 2 GiB away).
    public static func displacement(field: UInt, target: UInt) -> Int32? {
        Int32(exactly: Int64(bitPattern: UInt64(target &- (field &+ 4))))
    }

    /// Rewrites the rel32 field at `field` (placed code) to branch to `target`, with one
    /// aligned 4-byte store. False, and nothing written, when out of reach or misaligned.
    @discardableResult
    public static func write(field: UnsafeMutableRawPointer, target: UnsafeRawPointer) -> Bool {
        let address = UInt(bitPattern: field)
        guard address & 3 == 0,
              let rel32 = displacement(field: address, target: UInt(bitPattern: target)) else { return false }
        field.assumingMemoryBound(to: Int32.self).pointee = rel32.littleEndian
        return true
    }
}
