// Host utsname (Glibc) -> a guest's new_utsname. The caller edits `machine` first (the guest
// must see "armv7l", not "x86_64"); this only moves bytes.
import Glibc

extension StructWriter {
    public func write(_ names: utsname) {
        zero()
        var names = names
        _ = withUnsafeBytes(of: &names.sysname) { setBytes("sysname", Self.cString($0)) }
        _ = withUnsafeBytes(of: &names.nodename) { setBytes("nodename", Self.cString($0)) }
        _ = withUnsafeBytes(of: &names.release) { setBytes("release", Self.cString($0)) }
        _ = withUnsafeBytes(of: &names.version) { setBytes("version", Self.cString($0)) }
        _ = withUnsafeBytes(of: &names.machine) { setBytes("machine", Self.cString($0)) }
        _ = withUnsafeBytes(of: &names.__domainname) { setBytes("domainname", Self.cString($0)) }
    }

    /// The bytes of a fixed-size C string up to (not including) its first NUL.
    static func cString(_ raw: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer> {
        let end = raw.firstIndex(of: 0) ?? raw.endIndex
        return raw[raw.startIndex..<end]
    }
}
