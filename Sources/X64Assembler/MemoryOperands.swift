// Memory operands with their access size, as Intel syntax writes them (`dword ptr [rbp+16]`):
// the size picks the overload (`add(Mem32, Int32)` vs `add(Mem64, Int32)`), so
// `a.add(.dword(.rbp, 16), 1)` needs no other annotation.

/// A byte in memory.
public struct Mem8: Hashable, Sendable {
    public var address: Address
    public init(_ address: Address) { self.address = address }
    public static func byte(_ address: Address) -> Mem8 { Mem8(address) }
    public static func byte(_ base: GPR, _ displacement: Int32 = 0) -> Mem8 { Mem8(Address(base, displacement)) }
    public static func byte(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) -> Mem8 {
        Mem8(Address(base, index, scale, displacement))
    }
}

/// Two bytes in memory.
public struct Mem16: Hashable, Sendable {
    public var address: Address
    public init(_ address: Address) { self.address = address }
    public static func word(_ address: Address) -> Mem16 { Mem16(address) }
    public static func word(_ base: GPR, _ displacement: Int32 = 0) -> Mem16 { Mem16(Address(base, displacement)) }
    public static func word(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) -> Mem16 {
        Mem16(Address(base, index, scale, displacement))
    }
}

/// Four bytes in memory.
public struct Mem32: Hashable, Sendable {
    public var address: Address
    public init(_ address: Address) { self.address = address }
    public static func dword(_ address: Address) -> Mem32 { Mem32(address) }
    public static func dword(_ base: GPR, _ displacement: Int32 = 0) -> Mem32 { Mem32(Address(base, displacement)) }
    public static func dword(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) -> Mem32 {
        Mem32(Address(base, index, scale, displacement))
    }
}

/// Eight bytes in memory.
public struct Mem64: Hashable, Sendable {
    public var address: Address
    public init(_ address: Address) { self.address = address }
    public static func qword(_ address: Address) -> Mem64 { Mem64(address) }
    public static func qword(_ base: GPR, _ displacement: Int32 = 0) -> Mem64 { Mem64(Address(base, displacement)) }
    public static func qword(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) -> Mem64 {
        Mem64(Address(base, index, scale, displacement))
    }
}

/// Sixteen bytes in memory (MOVAPS and MOVDQA need them 16-byte aligned).
public struct Mem128: Hashable, Sendable {
    public var address: Address
    public init(_ address: Address) { self.address = address }
    public static func xmmword(_ address: Address) -> Mem128 { Mem128(address) }
    public static func xmmword(_ base: GPR, _ displacement: Int32 = 0) -> Mem128 { Mem128(Address(base, displacement)) }
    public static func xmmword(_ base: GPR, _ index: GPR, _ scale: Scale = .x1, _ displacement: Int32 = 0) -> Mem128 {
        Mem128(Address(base, index, scale, displacement))
    }
}
