// Typed virtual registers, labels and value types.

/// The type of an IR value. Integers are two's complement bit patterns; whether an operation
/// treats them as signed is part of the op, not the type. A v128 is a 128-bit pattern whose
/// lanes (their width, integer or float) are a property of each op that reads it.
public enum IRType: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case i32 = 0, i64 = 1, f32 = 2, f64 = 3, v128 = 4

    /// Width in bits. (From the raw value's bits, branch-free: these run for every op the
    /// passes and the code generator look at.)
    @inlinable @inline(__always) public var bits: Int { (32 << Int(rawValue & 1)) << Int((rawValue & 4) >> 1) }
    @inlinable @inline(__always) public var isInteger: Bool { rawValue < 2 }
    @inlinable @inline(__always) public var isFloat: Bool { rawValue & 6 == 2 }
    @inlinable @inline(__always) public var isVector: Bool { rawValue == 4 }
    /// Whether values of the type live in the host's vector registers (XMM): floats and v128.
    @inlinable @inline(__always) public var isXMM: Bool { rawValue >= 2 }

    /// The integer type of the same width (the type of a float's bit pattern).
    @inlinable public var integerType: IRType { rawValue & 1 == 0 ? .i32 : .i64 }

    public var name: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        }
    }
}

/// A virtual register of one block. Values may be assigned more than once (`IRBuilder.assign`),
/// which is how a value is merged at a label; passes treat each label as a merge point.
public struct Value: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var index: UInt32
    @inlinable public init(_ index: UInt32) { self.index = index }

    /// "No value": the unused operand slots of an op, and the result of a helper call that
    /// returns nothing.
    @inlinable public static var none: Value { Value(UInt32.max) }
    @inlinable public var isNone: Bool { index == UInt32.max }

    public var description: String { isNone ? "_" : "v\(index)" }
}

/// A branch target inside one block.
public struct Label: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var index: UInt32
    @inlinable public init(_ index: UInt32) { self.index = index }
    public var description: String { "L\(index)" }
}
