// Helper functions the test blocks call. Each records its raw argument registers in the guest
// state, so both backends must pass exactly the same bits (i32 and f32 arguments zero-extended),
// and returns a result with every bit set by the inputs, so the narrowing of i32/f32 results
// shows. The state bytes they write: `recordOffset` ..< recordOffset + 32.

import IR

enum Helpers {
    static let recordOffset = 928

    @inline(__always)
    static func record(_ state: UnsafeMutableRawPointer, _ a: UInt64, _ b: UInt64, _ c: UInt64) {
        state.storeBytes(of: a, toByteOffset: recordOffset, as: UInt64.self)
        state.storeBytes(of: b, toByteOffset: recordOffset + 8, as: UInt64.self)
        state.storeBytes(of: c, toByteOffset: recordOffset + 16, as: UInt64.self)
        let calls = state.loadUnaligned(fromByteOffset: recordOffset + 24, as: UInt64.self)
        state.storeBytes(of: calls &+ 1, toByteOffset: recordOffset + 24, as: UInt64.self)
    }

    /// Records a, b, c; returns a mix of them with garbage above bit 31.
    static let mix: HelperFunction = { state, a, b, c in
        record(state, a, b, c)
        let x = a ^ (b << 17 | b >> 47) ^ (c << 41 | c >> 23)
        return x ^ 0x9e37_79b9_7f4a_7c15
    }

    /// Returns its first argument unchanged after recording all three (the identity on bits).
    static let identity: HelperFunction = { state, a, b, c in
        record(state, a, b, c)
        return a
    }

    /// Reads and writes the state beyond its arguments: adds state word 0 to a, stores it at
    /// state word 1.
    static let stateful: HelperFunction = { state, a, b, c in
        record(state, a, b, c)
        let v = state.loadUnaligned(fromByteOffset: 0, as: UInt64.self) &+ a
        state.storeBytes(of: v, toByteOffset: 8, as: UInt64.self)
        return v &* 3
    }

    /// Does floating-point work of its own (a * b as doubles), which raises MXCSR flags.
    static let floating: HelperFunction = { state, a, b, c in
        record(state, a, b, c)
        return (Double(bitPattern: a) * Double(bitPattern: b)).bitPattern
    }

    static let all: [HelperFunction] = [mix, identity, stateful, floating]
}
