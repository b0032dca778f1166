// clone for a thread, on ARM: the new thread's registers are the caller's, with r0 = 0, the
// stack and TLS register clone was given, and it runs on a host thread of its own, sharing the
// process and the engine. clone returns once the new thread has its tid and has stored it
// where CLONE_PARENT_SETTID and CLONE_CHILD_SETTID ask, as the kernel's clone does.

import CHost
import Engine
import Glibc
import GuestARM
import GuestMemory

/// What the new host thread needs, handed over through C.
final class ARMThreadStart {
    let loop: ARMCPULoop
    let request: ThreadRequest
    let state: ARMStatePointer
    let mask: GuestSignalSet
    /// 0 until the new thread posts its tid.
    let posted: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)

    init(loop: ARMCPULoop, request: ThreadRequest, state: ARMStatePointer, mask: GuestSignalSet) {
        self.loop = loop
        self.request = request
        self.state = state
        self.mask = mask
        posted.initialize(to: 0)
    }

    deinit { posted.deallocate() }
}

extension ARMCPULoop {
    /// Starts the thread clone asked for; the result clone returns to the caller (the tid).
    func startThread(_ request: ThreadRequest) -> SyscallResult {
        let child = ARMStatePointer.allocate()
        child.raw.copyMemory(from: state.raw, byteCount: ARMState.size)
        child[register: 0] = 0
        if request.stack != 0 { child.sp = UInt32(truncatingIfNeeded: request.stack) }
        if let tls = request.tls { child.tpidruro = UInt32(truncatingIfNeeded: tls) }
        child.exitRequest = false
        child.raw.storeBytes(of: UInt64.max, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)

        let start = ARMThreadStart(loop: self, request: request, state: child, mask: thread.signalMask)
        process.liveThreads.withLock { $0 += 1 }
        let context = Unmanaged.passRetained(start)
        let error = chost_thread_start({ raw in
            guard let raw else { return }
            Unmanaged<ARMThreadStart>.fromOpaque(raw).takeRetainedValue().run()
        }, context.toOpaque())
        guard error == 0 else {
            context.release()
            process.liveThreads.withLock { $0 -= 1 }
            child.deallocate()
            if process.log.enabled(.unimp) { process.log.write("mirage: cannot start a host thread for clone: error \(error)") }
            return -SyscallResult(process.abi.untranslateErrno(EAGAIN))
        }
        chost_thread_wait_posted(start.posted)
        return SyscallResult(start.posted.pointee)
    }
}

extension ARMThreadStart {
    /// On the new host thread: become the guest thread and run it until it exits.
    func run() {
        let process = loop.process, engine = loop.engine
        let exitFlag = state.raw.advanced(by: ARMState.exitRequest).assumingMemoryBound(to: UInt32.self)
        let thread = GuestThread(process: process, engineThread: engine.makeThread(exitFlag: exitFlag), isMain: false)
        let tid = UInt32(bitPattern: thread.tid)
        for address in [request.parentTID, request.childSetTID].compactMap({ $0 }) {
            _ = process.space.store(tid, at: GuestAddress(address), bigEndian: process.bigEndian)
        }
        thread.clearChildTID = request.childClearTID ?? 0
        chost_thread_post(posted, Int32(bitPattern: tid))
        // Signals were blocked from the start; now the guest's mask, which clone inherits.
        chost_signal_set_exit_request(exitFlag)
        thread.setSignalMask(mask)
        state.loadHostFloatEnvironment()
        _ = ARMCPULoop(process: process, thread: thread, state: state, engine: engine).run()
        state.deallocate()
    }
}
