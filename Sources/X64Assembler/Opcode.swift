// An instruction's fixed bytes before its operands: legacy prefixes, REX.W, and one to three
// opcode bytes. The generated methods build these from constants, so in an optimized build
// they fold into the emit calls.

struct Opcode {
    /// The opcode bytes, first byte in the most significant used position: 0x01, 0x0FAF, 0x0F38F0.
    var bytes: UInt32
    /// 1, 2 or 3. Opcodes of two or three bytes start with 0F, so the value tells.
    var count: Int
    /// Up to two legacy prefixes, the first in the high byte: 0x66, 0xF3, 0x66F3; 0 for none.
    var prefixes: UInt16
    /// REX.W: 64-bit operand size.
    var w: Bool

    @inline(__always)
    init(_ bytes: UInt32, prefixes: UInt16 = 0, w: Bool = false) {
        self.bytes = bytes
        count = bytes > 0xFFFF ? 3 : bytes > 0xFF ? 2 : 1
        self.prefixes = prefixes
        self.w = w
    }
}
