// One backend's guest state and guest memory for a differential run. Memory is laid out as the
// engine's is: one reservation that guest address a maps to by one add. Only two windows are
// accessible: [0, 64 KiB), where test addresses point, and [4 GiB, 4 GiB + 64 KiB), where an
// i32 address that failed to wrap at 4 GiB lands; that alias window must stay zero.

import Glibc

final class GuestBuffers {
    static let stateSize = 1024
    static let windowSize = 64 * 1024
    static let aliasOffset = 1 << 32

    let state: UnsafeMutableRawPointer
    let memory: UnsafeMutableRawPointer
    private let reservation = (1 << 32) + GuestBuffers.windowSize

    init() {
        state = .allocate(byteCount: Self.stateSize, alignment: 64)
        state.initializeMemory(as: UInt8.self, repeating: 0, count: Self.stateSize)
        guard let p = mmap(nil, reservation, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              p != MAP_FAILED else { fatalError("cannot reserve 4 GiB of address space for guest memory") }
        memory = p
        guard mprotect(memory, Self.windowSize, PROT_READ | PROT_WRITE) == 0,
              mprotect(memory + Self.aliasOffset, Self.windowSize, PROT_READ | PROT_WRITE) == 0
        else { fatalError("mprotect of the guest windows failed") }
    }

    deinit {
        state.deallocate()
        munmap(memory, reservation)
    }

    /// Copies an image in and clears the alias window.
    func load(_ image: GuestImage) {
        image.state.withUnsafeBytes { state.copyMemory(from: $0.baseAddress!, byteCount: Self.stateSize) }
        image.memory.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: Self.windowSize) }
        if aliasTouched { memset(memory + Self.aliasOffset, 0, Self.windowSize) }
    }

    /// Whether anything was written above 4 GiB.
    var aliasTouched: Bool { memcmp(memory + Self.aliasOffset, Self.zeros, Self.windowSize) != 0 }

    nonisolated(unsafe) private static let zeros: UnsafeMutableRawPointer = {
        let p = UnsafeMutableRawPointer.allocate(byteCount: windowSize, alignment: 64)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: windowSize)
        return p
    }()

    var stateBytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: state, count: Self.stateSize)) }
    var memoryBytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: memory, count: Self.windowSize)) }
}

/// The inputs of a run: a state image and a memory image.
struct GuestImage {
    var state: [UInt8]
    var memory: [UInt8]

    init(state: [UInt8] = [UInt8](repeating: 0, count: GuestBuffers.stateSize),
         memory: [UInt8] = [UInt8](repeating: 0, count: GuestBuffers.windowSize)) {
        precondition(state.count == GuestBuffers.stateSize && memory.count == GuestBuffers.windowSize)
        self.state = state
        self.memory = memory
    }

    mutating func set64(_ offset: Int, _ v: UInt64) {
        for i in 0..<8 { state[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(i))) }
    }
    mutating func set32(_ offset: Int, _ v: UInt32) {
        for i in 0..<4 { state[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(i))) }
    }
    mutating func setMemory(_ address: Int, _ bytes: [UInt8]) {
        for (i, b) in bytes.enumerated() { memory[address + i] = b }
    }
}

extension Array where Element == UInt8 {
    func load64(_ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
    func load32(_ offset: Int) -> UInt32 { UInt32(truncatingIfNeeded: load64Bytes(offset, 4)) }
    private func load64Bytes(_ offset: Int, _ n: Int) -> UInt64 {
        (0..<n).reduce(UInt64(0)) { $0 | UInt64(self[offset + $1]) << (8 * UInt64($1)) }
    }
}
