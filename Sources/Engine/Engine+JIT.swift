// The run loop of the JIT backend: enter translated code through the trampoline, and handle
// what makes it come back: a chaining miss (translate the successor, patch the jump), a jump
// cache miss (translate, remember), an exit request, an exit_tb for the CPU loop.

import CHost
import Glibc
import IR
import IRInterpreter
import X64Assembler
import X64Backend

enum Placement {
    /// Where the code went; its instruction starts are the compiler's `instructionStarts`.
    case placed(UnsafeRawPointer, size: Int)
    case tooLarge
    case failed
}

extension Engine {
    func runJIT(state: UnsafeMutableRawPointer, thread: EngineThread) -> (reason: ExitReason, payload: UInt64) {
        guard let jit, let jumpCache = thread.jumpCache else { return runInterpreter(state: state, thread: thread) }
        let chaining = !log.enabled(.nochain)
        let logExec = log.enabled(.exec)
        var current = block(for: frontend.blockKey(state: UnsafeRawPointer(state)), thread)
        while true {
            let entry = cache.entries[Int(current)]
            guard let code = entry.code else {
                // Not compiled (yet, or ever): the interpreter runs it and its successors until
                // one has code or has run often enough to be compiled (Engine+Tiers.swift).
                switch runInterpreted(from: current, state: state, thread: thread) {
                case .exit(let reason, let payload):
                    return (reason, payload)
                case .compiled(let id):
                    current = id
                case .compile(let id):
                    compile(id, thread)
                    current = block(for: frontend.blockKey(state: UnsafeRawPointer(state)), thread)
                }
                continue
            }
            if logExec { logExecution(entry.key) }
            let generation = thread.generation
            let exit = chost_jit_enter(jit.entry, state, memoryBase, jumpCache, code)
            switch JITABI.Exit(rawValue: exit.kind & 0xff) {
            case .chainMiss:
                let key = frontend.blockKey(state: UnsafeRawPointer(state))
                current = block(for: key, thread)
                if chaining && !logExec, let next = cache.entries[Int(current)].code {
                    patch(field: exit.payload, to: next, ifStill: generation)
                }
            case .lookupMiss:
                let key = frontend.blockKey(state: UnsafeRawPointer(state))
                current = block(for: key, thread)
                if !logExec, let next = cache.entries[Int(current)].code { thread.remember(pc: key.pc, flags: key.flags, code: next) }
            case .exitRequest:
                return (.exitRequest, 0)
            case .exitTB:
                let reason = ExitReason(rawValue: UInt8(truncatingIfNeeded: exit.kind >> 8)) ?? .undefined
                if exit.kind >> 16 != 0 { resume(atHost: UInt(exit.kind >> 16), state: state) }
                return (reason, exit.payload)
            case .fault:
                return translatedCodeFault(address: exit.payload, state: state)
            case nil:
                return (.undefined, 0)
            }
        }
    }

    /// A guest access in translated code faulted: the guest state is as it was before the
    /// faulting instruction (state stores are not moved across memory accesses), except the pc,
    /// which the block's side table gives.
    @inline(never)
    func translatedCodeFault(address: UInt64, state: UnsafeMutableRawPointer) -> (reason: ExitReason, payload: UInt64) {
        var signal: Int32 = 0
        resume(atHost: chost_fault_take_jit_pc(&signal), state: state)
        return (signal == SIGBUS ? .busError : .memoryFault, address)
    }

    /// Puts the state back at the guest instruction whose code holds host address `hostPC`
    /// (its last `insn_start` at or before it): a fault's, or a failed alignment check's.
    @inline(never)
    func resume(atHost hostPC: UInt, state: UnsafeMutableRawPointer) {
        lock.lock()
        let found = cache.instruction(atHost: hostPC)
        lock.unlock()
        if let (key, start) = found {
            frontend.resume(at: start.guestPC, resume: start.resume, of: key, state: state)
        }
    }

    /// Re-aims the rel32 field at executable address `field` to jump to `target`, unless the
    /// cache was flushed since `generation` (the field may now be inside another block). The
    /// field is 4-byte aligned, so a thread running the code sees the old jump or the new one.
    func patch(field: UInt64, to target: UnsafeRawPointer, ifStill generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard generation == self.generation, let jit, jit.memory.contains(UInt(field)),
              let displacement = PatchSite.displacement(field: UInt(field), target: UInt(bitPattern: target))
        else { return }
        let writable = jit.memory.writableAddress(UnsafeRawPointer(bitPattern: UInt(field))!)
        writable.storeBytes(of: displacement, as: Int32.self)
    }

    /// Compiles `block` and copies it into code memory; flushes everything when it is full.
    func place(_ block: Block) -> Placement {
        guard let jit else { return .failed }
        let box = jit.compiler
        switch box.compiler.assemble(block) {
        case nil: break
        case .tooManySpills: return .tooLarge
        case let error?:
            log.write("mirage: code generation failed for \(block.key): \(error); interpreting that block")
            return .failed
        }
        let size = box.compiler.withCode { $0.count }
        let alignment = box.compiler.codeAlignment
        var destination = jit.memory.allocate(size, alignment: alignment)
        if destination == nil {
            flushWhileTranslating()
            destination = jit.memory.allocate(size, alignment: alignment)
        }
        guard let destination else { return .failed }
        box.compiler.withCode { code in
            if let bytes = code.baseAddress { destination.writable.copyMemory(from: bytes, byteCount: code.count) }
        }
        let base = UInt(bitPattern: destination.executable)
        for offset in box.compiler.exitStubReferences {
            guard let d = PatchSite.displacement(field: base + UInt(offset), target: UInt(bitPattern: jit.exitStub)) else { return .failed }
            destination.writable.storeBytes(of: d, toByteOffset: offset, as: Int32.self)
        }
        if log.enabled(.outAsm) { logHostCode(block.key, UnsafeRawBufferPointer(start: destination.writable, count: size), at: base) }
        compiledBlocks += 1
        return .placed(UnsafeRawPointer(destination.executable), size: size)
    }

    @inline(never)
    func logHostCode(_ key: BlockKey, _ bytes: UnsafeRawBufferPointer, at address: UInt) {
        var text = "OUT: \(key) at 0x\(String(address, radix: 16)), \(bytes.count) bytes\n"
        // Capstone when the system has it (about 60 bytes of text per instruction), else hex.
        let capacity = bytes.count * 64 + 64
        let listing = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = chost_disassemble(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count, UInt64(address),
                                      UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), capacity)
        }
        if !listing.isEmpty {
            text += String(decoding: listing, as: UTF8.self)
        } else {
            for row in stride(from: 0, to: bytes.count, by: 16) {
                text += "  " + bytes[row..<min(row + 16, bytes.count)].map { String($0, radix: 16).leftPadded(2) }.joined(separator: " ") + "\n"
            }
        }
        log.write(text)
    }
}
