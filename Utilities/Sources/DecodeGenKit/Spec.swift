// The parsed form of one `.decode` spec: fields, pattern lines in priority order, and the
// group structure that says which patterns may overlap.

/// A run of bits inside the instruction word. `position` is the least significant bit.
public struct FieldSegment: Equatable, Sendable {
    public var position: Int
    public var length: Int

    public init(position: Int, length: Int) {
        self.position = position
        self.length = length
    }

    /// The segment's bits, shifted down to bit 0.
    public func extract(from word: UInt32) -> UInt32 {
        (word >> UInt32(position)) & Field.lowMask(length)
    }
}

/// A value assembled from segments of the word, most significant segment first.
public struct Field: Equatable, Sendable {
    public var name: String
    public var segments: [FieldSegment]
    public var isSigned: Bool
    /// The source line of a `%name` definition; for inline fields, the pattern's line.
    public var line: Int

    public init(name: String, segments: [FieldSegment], isSigned: Bool, line: Int) {
        self.name = name
        self.segments = segments
        self.isSigned = isSigned
        self.line = line
    }

    /// Total number of bits, at most 32 (the parser checks).
    public var width: Int { segments.reduce(0) { $0 + $1.length } }

    /// The field's value as passed to the visitor: segments concatenated, then sign-extended
    /// from `width` bits when signed (two's complement bit pattern in a UInt32).
    public func extract(from word: UInt32) -> UInt32 {
        var result: UInt32 = 0
        for segment in segments {
            result = (result << UInt32(segment.length)) | segment.extract(from: word)
        }
        guard isSigned, width < 32 else { return result }
        let shift = UInt32(32 - width)
        return UInt32(bitPattern: Int32(bitPattern: result << shift) >> shift)
    }

    /// `length` ones in the low bits (length 0...32).
    static func lowMask(_ length: Int) -> UInt32 {
        length >= 32 ? ~0 : (UInt32(1) << UInt32(length)) - 1
    }
}

/// One argument of a visitor method.
public struct Argument: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        /// An inline `name:len` (or `name:slen`) field.
        case inline(Field)
        /// A `%name` reference to a field defined on its own line.
        case reference(Field)
        /// A `name=value` constant.
        case constant(UInt32)
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    public func value(for word: UInt32) -> UInt32 {
        switch source {
        case .inline(let field), .reference(let field): return field.extract(from: word)
        case .constant(let value): return value
        }
    }
}

/// One pattern line.
public struct Pattern: Equatable, Sendable {
    public var name: String
    public var line: Int
    /// Bits the pattern tests, and the values they must have.
    public var mask: UInt32
    public var value: UInt32
    /// In call order: inline fields, then `%` fields, then constants.
    public var arguments: [Argument]

    public init(name: String, line: Int, mask: UInt32, value: UInt32, arguments: [Argument]) {
        self.name = name
        self.line = line
        self.mask = mask
        self.value = value
        self.arguments = arguments
    }

    public func matches(_ word: UInt32) -> Bool { word & mask == value }

    /// The arguments the visitor method receives for `word`.
    public func argumentValues(for word: UInt32) -> [(name: String, value: UInt32)] {
        arguments.map { ($0.name, $0.value(for: word)) }
    }
}

/// A `{ }` or `[ ]` group, or the top level of the spec.
public struct Group: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `{ }`: members may overlap; tried in order.
        case ordered
        /// `[ ]` and the top level: members must not overlap.
        case disjoint
    }

    public indirect enum Member: Equatable, Sendable {
        /// Index into `Spec.patterns`.
        case pattern(Int)
        case group(Group)
    }

    public var kind: Kind
    /// Line of the opening bracket (0 for the top level).
    public var line: Int
    public var members: [Member]

    public init(kind: Kind, line: Int, members: [Member] = []) {
        self.kind = kind
        self.line = line
        self.members = members
    }

    /// Every pattern index under this group, in source order.
    public var patternIndices: [Int] {
        members.flatMap { member -> [Int] in
            switch member {
            case .pattern(let index): return [index]
            case .group(let group): return group.patternIndices
            }
        }
    }
}

public struct Spec: Equatable, Sendable {
    /// 16 or 32.
    public var width: Int
    /// `%` definitions in source order.
    public var fields: [Field]
    /// Every pattern line in source order, which is also priority order.
    public var patterns: [Pattern]
    public var root: Group

    public init(width: Int, fields: [Field], patterns: [Pattern], root: Group) {
        self.width = width
        self.fields = fields
        self.patterns = patterns
        self.root = root
    }

    /// The bits a word of this spec has.
    public var wordMask: UInt32 { Field.lowMask(width) }
}
