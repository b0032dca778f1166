// A guest process without a CPU loop, for running syscall implementations directly: a 32-bit
// address space with 64 KiB of read/write memory at `base`, a GuestProcess of the ABI under
// test, one GuestThread (an engine that never runs code backs it), and SyscallContexts with
// the argument slots a CPU loop would have gathered. Guest memory is written and read in the
// ABI's byte order.

import Engine
import GuestMemory
import LinuxABI
@testable import LinuxUser

final class SyscallHarness {
    static let base: UInt64 = 0x10000
    static let arches: [GuestArch] = [.arm, .mips, .mipsel]

    let abi: GuestABI
    let process: GuestProcess
    let thread: GuestThread
    private let exitFlag = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)

    init(_ arch: GuestArch) throws {
        guard let abi = GuestABI.forArch(arch) else { throw HarnessError.noABI }
        self.abi = abi
        let space = try GuestAddressSpace(addressBits: 32)
        guard case .success = space.map(at: GuestAddress(Self.base), length: 0x10000, protection: .readWrite,
                                        flags: [.fixed, .private, .anonymous]) else { throw HarnessError.noMemory }
        process = GuestProcess(space: space, abi: abi, log: Log(), executablePath: "/bin/true", sysroot: nil)
        var options = EngineOptions()
        options.codeMemorySize = 1 << 20
        let engine = ARMCPULoop.makeEngine(process: process, options: options)
        exitFlag.initialize(to: 0)
        thread = GuestThread(process: process, engineThread: engine.makeThread(exitFlag: exitFlag), isMain: true)
    }

    deinit {
        exitFlag.deallocate()
    }

    /// Unblocks whatever a test blocked on this host thread: tests share the pool's threads,
    /// and children spawned later inherit a thread's mask. A test that blocks signals defers it.
    func unblockAll() { thread.setSignalMask(.empty) }

    enum HarnessError: Error { case noABI, noMemory }

    var space: GuestAddressSpace { process.space }
    var bigEndian: Bool { abi.byteOrder == .big }

    /// A context for a call with these argument slots (the rest 0).
    func context(_ arguments: UInt64...) -> SyscallContext {
        var a = arguments + [UInt64](repeating: 0, count: max(0, 7 - arguments.count))
        a = a.map { $0 & 0xffff_ffff }
        return SyscallContext(process: process, thread: thread, args: (a[0], a[1], a[2], a[3], a[4], a[5], a[6]))
    }

    /// The guest's errno for a host errno, as a failing call returns it.
    func failure(_ hostErrno: Int32) -> Int64 { -Int64(abi.untranslateErrno(hostErrno)) }

    // MARK: Guest memory in the guest's byte order

    func store32(_ value: UInt32, at offset: UInt64) { _ = space.store(value, at: GuestAddress(Self.base + offset), bigEndian: bigEndian) }
    func store16(_ value: UInt16, at offset: UInt64) { _ = space.store(value, at: GuestAddress(Self.base + offset), bigEndian: bigEndian) }
    func load32(at offset: UInt64) -> UInt32 { space.load(UInt32.self, at: GuestAddress(Self.base + offset), bigEndian: bigEndian) ?? 0xdead_beef }
    func load16(at offset: UInt64) -> UInt16 { space.load(UInt16.self, at: GuestAddress(Self.base + offset), bigEndian: bigEndian) ?? 0xdead }
    func load64(at offset: UInt64) -> UInt64 { space.load(UInt64.self, at: GuestAddress(Self.base + offset), bigEndian: bigEndian) ?? 0 }
    func bytes(at offset: UInt64, _ count: Int) -> [UInt8] { space.read(at: GuestAddress(Self.base + offset), count: count) ?? [] }
    func write(_ bytes: [UInt8], at offset: UInt64) { _ = space.write(bytes, at: GuestAddress(Self.base + offset)) }
    func address(_ offset: UInt64) -> UInt64 { Self.base + offset }
}
