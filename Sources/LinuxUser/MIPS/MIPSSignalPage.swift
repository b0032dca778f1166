// The page that holds MIPS's signal return code. The kernel keeps `li $v0, __NR_sigreturn;
// syscall` (and the rt_sigreturn twin) in its vDSO and points a handler's $ra there; Mirage
// maps one read/execute page of its own just below TASK_SIZE (0x7fff8000), above the stack,
// where nothing else is placed.

import GuestMemory
import LinuxABI

enum MIPSSignalPage {
    static let address: UInt32 = 0x7fff_7000
    static let sigreturnAddress = address
    static let rtSigreturnAddress = address + 8

    /// Maps the page with both return codes, in the guest's byte order.
    static func map(_ space: GuestAddressSpace, bigEndian: Bool) -> Bool {
        var words = [UInt8]()
        for word in MIPSKernel.sigreturnCode + MIPSKernel.rtSigreturnCode {
            for i in 0..<4 { words.append(UInt8(truncatingIfNeeded: word >> UInt32(8 * (bigEndian ? 3 - i : i)))) }
        }
        let page = GuestAddress(UInt64(address))
        guard case .success = space.map(at: page, length: 4096, protection: .readWrite, flags: [.fixed, .anonymous, .private],
                                        name: "[sigpage]"),
              space.write(words, at: page),
              case .success = space.protect(page, length: 4096, .readExecute)
        else { return false }
        return true
    }
}
