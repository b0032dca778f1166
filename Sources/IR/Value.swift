// Typed virtual registers, labels and value types.

/// The type of an IR value. Integers are two's complement bit patterns; whether an operation
/// treats them as signed is part of the op, not the type.
public enum IRType: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case i32 = 0, i64 = 1, f32 = 2, f64 = 3

    /// Width in bits.
    @inlinable public var bits: Int { self == .i32 || self == .f32 ? 32 : 64 }
    @inlinable public var isInteger: Bool { self == .i32 || self == .i64 }
    @inlinable public var isFloat: Bool { !isInteger }

    /// The integer type of the same width (the type of a float's bit pattern).
    @inlinable public var integerType: IRType { bits == 32 ? .i32 : .i64 }

    public var name: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
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
