// Host winsize, pollfd and flock (Glibc) <-> a guest's. Event bits (POLLIN, ...) and lock types
// are not translated here: they are identical on ARM and the host; guests that differ (MIPS's
// POLLWRNORM) translate them around these calls.
import Glibc

extension StructWriter {
    public func write(_ size: winsize) {
        zero()
        set("ws_row", UInt64(size.ws_row))
        set("ws_col", UInt64(size.ws_col))
        set("ws_xpixel", UInt64(size.ws_xpixel))
        set("ws_ypixel", UInt64(size.ws_ypixel))
    }

    public func write(_ poll: pollfd) {
        set("fd", signed: Int64(poll.fd))
        set("events", signed: Int64(poll.events))
        set("revents", signed: Int64(poll.revents))
    }

    /// Fills a guest flock or flock64 (F_GETLK's answer). False when l_start or l_len does not
    /// fit a 32-bit struct flock (the kernel's EOVERFLOW).
    @discardableResult
    public func write(_ lock: flock) -> Bool {
        zero()
        set("l_type", signed: Int64(lock.l_type))
        set("l_whence", signed: Int64(lock.l_whence))
        let start = set("l_start", signed: Int64(lock.l_start))
        let length = set("l_len", signed: Int64(lock.l_len))
        set("l_pid", signed: Int64(lock.l_pid))
        return start && length
    }
}

extension StructReader {
    public func readWinsize() -> winsize? {
        guard let rows = get("ws_row"), let columns = get("ws_col"),
              let x = get("ws_xpixel"), let y = get("ws_ypixel") else { return nil }
        return winsize(
            ws_row: UInt16(truncatingIfNeeded: rows), ws_col: UInt16(truncatingIfNeeded: columns),
            ws_xpixel: UInt16(truncatingIfNeeded: x), ws_ypixel: UInt16(truncatingIfNeeded: y))
    }

    public func readPollfd() -> pollfd? {
        guard let fd = getSigned("fd"), let events = getSigned("events"), let revents = getSigned("revents") else {
            return nil
        }
        return pollfd(
            fd: Int32(truncatingIfNeeded: fd), events: Int16(truncatingIfNeeded: events),
            revents: Int16(truncatingIfNeeded: revents))
    }

    /// A guest flock or flock64 as the host's (64-bit offsets: a 32-bit flock widens exactly).
    public func readFlock() -> flock? {
        guard let type = getSigned("l_type"), let whence = getSigned("l_whence"),
              let start = getSigned("l_start"), let length = getSigned("l_len"), let pid = getSigned("l_pid")
        else { return nil }
        var lock = flock()
        lock.l_type = Int16(truncatingIfNeeded: type)
        lock.l_whence = Int16(truncatingIfNeeded: whence)
        lock.l_start = Int(start)
        lock.l_len = Int(length)
        lock.l_pid = Int32(truncatingIfNeeded: pid)
        return lock
    }
}
