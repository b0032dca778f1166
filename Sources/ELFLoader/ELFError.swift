// Why a program file cannot be run: one line each, naming the file, the reason, and what
// to do when there is something to do.

import SystemPackage

/// A failure to open, validate or load an ELF program.
public enum ELFError: Error, CustomStringConvertible, Equatable {
    case notFound(path: String)
    case permissionDenied(path: String)
    case isDirectory(path: String)
    case notRegularFile(path: String)
    case emptyFile(path: String)
    /// The file ends inside the ELF header or the program header table.
    case truncated(path: String, detail: String)
    /// No ELF magic. `detail` says what the file looks like instead.
    case notELF(path: String, detail: String)
    case unsupportedClass(path: String, value: UInt8)
    case unsupportedByteOrder(path: String, value: UInt8)
    case unsupportedMachine(path: String, machine: Machine, elfClass: ELFClass)
    /// e_type is neither ET_EXEC nor ET_DYN.
    case unsupportedType(path: String, value: UInt16)
    /// The program headers are inconsistent (see `reason`).
    case corruptProgramHeaders(path: String, reason: String)
    case readFailed(path: String, errno: Errno)
    /// Mapping the segments into the guest address space failed.
    case loadFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such file"
        case let .permissionDenied(path):
            return "\(path): permission denied: mirage must be able to read the program (chmod +r)"
        case let .isDirectory(path):
            return "\(path): is a directory, not a program"
        case let .notRegularFile(path):
            return "\(path): not a regular file (a device, pipe or socket cannot be run)"
        case let .emptyFile(path):
            return "\(path): empty file (0 bytes), not a program"
        case let .truncated(path, detail):
            return "\(path): truncated ELF file (\(detail)): the copy is incomplete; copy or download it again"
        case let .notELF(path, detail):
            return "\(path): not an ELF file (\(detail))"
        case let .unsupportedClass(path, value):
            return "\(path): unsupported ELF class \(value) (1 is 32-bit, 2 is 64-bit): the header is damaged"
        case let .unsupportedByteOrder(path, value):
            return "\(path): unsupported ELF byte order \(value) (1 is little-endian, 2 is big-endian): the header is damaged"
        case let .unsupportedMachine(path, machine, elfClass):
            return "\(path): \(Self.machineAdvice(machine, elfClass))"
        case let .unsupportedType(path, value):
            switch value {
            case 1: return "\(path): relocatable object file (ET_REL), not a program: link it first"
            case 4: return "\(path): core dump (ET_CORE), not a program"
            default: return "\(path): unsupported ELF type \(value) (only executables and position-independent executables run)"
            }
        case let .corruptProgramHeaders(path, reason):
            return "\(path): corrupt program headers: \(reason)"
        case let .readFailed(path, errno):
            return "\(path): read error: \(errno)"
        case let .loadFailed(path, reason):
            return "\(path): cannot load: \(reason)"
        }
    }

    private static func machineAdvice(_ machine: Machine, _ elfClass: ELFClass) -> String {
        switch machine {
        case .x86_64:
            return "x86-64 program: run it directly, not under mirage"
        case .other(3):
            return "32-bit x86 program: run it directly, not under mirage"
        case .arm, .mips, .ppc:
            return "64-bit \(machine.name) program: mirage runs 32-bit \(machine.name) programs only"
        case .aarch64:
            return "32-bit AArch64 (ILP32) program: mirage runs 64-bit AArch64 programs only"
        case .other:
            return "\(machine.name) program (\(elfClass == .elf32 ? "32" : "64")-bit): unsupported machine; "
                + "mirage runs ARM, AArch64, MIPS and PowerPC programs"
        }
    }
}
