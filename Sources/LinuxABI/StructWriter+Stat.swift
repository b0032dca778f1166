// Host `struct stat` (Glibc, x86-64) -> a guest's stat64 (or the 64-bit guests' stat), field by
// field as the kernel's cp_new_stat64 fills it. st_dev/st_rdev are the kernel's new_encode_dev
// form on both sides, so they copy unchanged.
import Glibc

extension StructWriter {
    /// Fills a guest stat record from the host's. Zeroes it first (guests read the padding).
    /// Returns false when a value did not fit (a 64-bit size in a 32-bit field), which a stat
    /// call reports as EOVERFLOW. ARM's truncated `__st_ino` and 32-bit time fields are allowed
    /// to wrap, as the kernel lets them.
    @discardableResult
    public func write(_ st: stat) -> Bool {
        zero()
        var fit = true
        fit = set("st_dev", UInt64(st.st_dev)) && fit
        set("__st_ino", UInt64(st.st_ino))
        fit = set("st_ino", UInt64(st.st_ino)) && fit
        fit = set("st_mode", UInt64(st.st_mode)) && fit
        fit = set("st_nlink", UInt64(st.st_nlink)) && fit
        fit = set("st_uid", UInt64(st.st_uid)) && fit
        fit = set("st_gid", UInt64(st.st_gid)) && fit
        fit = set("st_rdev", UInt64(st.st_rdev)) && fit
        fit = set("st_size", signed: Int64(st.st_size)) && fit
        fit = set("st_blksize", signed: Int64(st.st_blksize)) && fit
        fit = set("st_blocks", signed: Int64(st.st_blocks)) && fit
        set("st_atime", signed: Int64(st.st_atim.tv_sec))
        set("st_atime_nsec", signed: Int64(st.st_atim.tv_nsec))
        set("st_mtime", signed: Int64(st.st_mtim.tv_sec))
        set("st_mtime_nsec", signed: Int64(st.st_mtim.tv_nsec))
        set("st_ctime", signed: Int64(st.st_ctim.tv_sec))
        set("st_ctime_nsec", signed: Int64(st.st_ctim.tv_nsec))
        return fit
    }
}
