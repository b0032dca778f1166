// clone for a thread, for any arch: the new thread's registers are the caller's with clone's
// child results, the stack and the TLS clone was given (the arch's `childState`), and it runs
// on a host thread of its own, sharing the process and the engine. clone returns once the new
// thread has its tid and has stored it where CLONE_PARENT_SETTID and CLONE_CHILD_SETTID ask,
// as the kernel's clone does.

import CHost
import Engine
import Glibc
import GuestMemory

/// What the new host thread needs, handed over through C (which cannot carry a generic type:
/// the arch's part is the closure).
final class ThreadStart {
    /// Runs on the new host thread, with the word to post the tid to.
    let body: (ThreadStart) -> Void
    /// 0 until the new thread posts its tid.
    let posted: UnsafeMutablePointer<Int32> = .allocate(capacity: 1)

    init(body: @escaping (ThreadStart) -> Void) {
        self.body = body
        posted.initialize(to: 0)
    }

    deinit { posted.deallocate() }
}

extension CPULoop {
    /// Starts the thread clone asked for; the result clone returns to the caller (the tid).
    func startThread(_ request: ThreadRequest) -> SyscallResult {
        let child = childState(request)
        let process = process, engine = engine, mask = thread.signalMask
        let start = ThreadStart { start in
            Self.runThread(process: process, engine: engine, state: child, request: request, mask: mask, posted: start.posted)
        }
        process.liveThreads.withLock { $0 += 1 }
        let context = Unmanaged.passRetained(start)
        let error = chost_thread_start({ raw in
            guard let raw else { return }
            let start = Unmanaged<ThreadStart>.fromOpaque(raw).takeRetainedValue()
            start.body(start)
        }, context.toOpaque())
        guard error == 0 else {
            context.release()
            process.liveThreads.withLock { $0 -= 1 }
            Self.deallocateState(child)
            if process.log.enabled(.unimp) { process.log.write("mirage: cannot start a host thread for clone: error \(error)") }
            return -SyscallResult(process.abi.untranslateErrno(EAGAIN))
        }
        chost_thread_wait_posted(start.posted)
        return SyscallResult(start.posted.pointee)
    }

    /// On the new host thread: become the guest thread and run it until it exits.
    static func runThread(process: GuestProcess, engine: Engine<GuestFrontend, GuestCode>, state: UnsafeMutableRawPointer,
                          request: ThreadRequest, mask: GuestSignalSet, posted: UnsafeMutablePointer<Int32>) {
        let exitFlag = state.advanced(by: engine.frontend.exitRequestOffset).assumingMemoryBound(to: UInt32.self)
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
        loadHostFloatEnvironment(state)
        _ = Self(process: process, thread: thread, state: state, engine: engine).run()
        deallocateState(state)
    }
}
