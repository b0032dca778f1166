// Small helpers: assembling a closure into bytes, and hex text both ways.

import Foundation
import X64Assembler

/// The bytes `body` assembles into a fresh assembler.
func assemble(_ body: (inout Assembler) -> Void) -> [UInt8] {
    var assembler = Assembler()
    body(&assembler)
    return assembler.bytes
}

/// "48 01 c8" -> [0x48, 0x01, 0xC8].
func bytes(_ hex: String) -> [UInt8] {
    hex.split(separator: " ").map { UInt8($0, radix: 16)! }
}

/// [0x48, 0x01, 0xC8] -> "48 01 c8".
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
}
