// Where an ELF image's bytes come from: an open file (mmap or pread) or a byte array (tests,
// fuzzing).

import Host
import SystemPackage

final class ImageSource: @unchecked Sendable {
    private enum Storage {
        case file(Int32)
        case memory([UInt8])
    }

    private let storage: Storage
    let size: UInt64

    /// Takes ownership of `fd` (closed on deinit).
    init(fd: Int32, size: UInt64) {
        storage = .file(fd)
        self.size = size
    }

    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        size = UInt64(bytes.count)
    }

    deinit {
        if case let .file(fd) = storage { try? Host.close(fd) }
    }

    /// The open file, when the image is one (its pages can then be mapped, not copied).
    var descriptor: Int32? {
        if case let .file(fd) = storage { return fd }
        return nil
    }

    /// Copies `count` bytes at `offset` to `destination`. Returns false if the range is not
    /// entirely inside the image (a file that shrank since it was validated included).
    func copy(offset: UInt64, count: Int, to destination: UnsafeMutableRawPointer) throws(Errno) -> Bool {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return false }
        if count == 0 { return true }
        switch storage {
        case let .file(fd):
            let buffer = UnsafeMutableRawBufferPointer(start: destination, count: count)
            return try Host.preadFully(fd, into: buffer, offset: Int64(offset)) == count
        case let .memory(bytes):
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress {
                    destination.copyMemory(from: base + Int(offset), byteCount: count)
                }
            }
            return true
        }
    }

    /// `count` bytes at `offset`, or nil if the range is not entirely inside the image.
    func read(offset: UInt64, count: Int) throws(Errno) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(count, 0))
        var failure: Errno?
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return count == 0 && offset <= size }
            do throws(Errno) { return try copy(offset: offset, count: count, to: base) } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return complete ? bytes : nil
    }
}
