// `mirage -binfmt ACTION [ARCH...] [options]`: registers mirage with the kernel's
// binfmt_misc, so foreign programs (and whole foreign chroots) run by path, or writes the
// files that make systemd-binfmt or Debian's update-binfmts do it at boot. An option of
// mirage itself, so the one static binary is all there is to install; it cannot clash with
// running a program, as options end where the program starts.

import Binfmt
import CHost
import Glibc
import LinuxABI
import LinuxUser

struct BinfmtCommand {
    enum Action: String, CaseIterable {
        case print, register, unregister, status, systemd, debian
    }

    var action: Action
    var arches: [GuestArch]
    var flags: BinfmtFlags
    var interpreter: String?
    var directory: String?
    var name: String?

    static let usage = """
        usage: mirage -binfmt ACTION [ARCH...] [-flags LETTERS] [-interpreter PATH] [-dir DIR] [-name NAME]
        Sets mirage up as the kernel's handler for foreign programs (binfmt_misc).

        Actions:
          print       print the registration line for each ARCH (also a systemd /etc/binfmt.d line)
          register    register with the running kernel (root; mounts binfmt_misc if needed)
          unregister  remove the registrations
          status      show what the kernel has registered
          systemd     write DIR/mirage-ARCH.conf for systemd-binfmt (default DIR /etc/binfmt.d)
          debian      write DIR/mirage-ARCH for update-binfmts --import (default DIR /usr/share/binfmts)

        ARCH: arm, aarch64, mips, mipsel, ppc or all (default: the guests this build runs: \(GuestSelection.runnable.map(\.rawValue).joined(separator: ", ")))
        -flags LETTERS      any of F (fix binary: the kernel opens mirage once, so it runs inside
                            chroots; needs the static build), P (preserve argv[0]), C (credentials
                            from the program; implies O), O (pass the program open); default: \(defaultFlags.letters)
        -interpreter PATH   what the kernel runs (default: mirage-ARCH beside this mirage when it
                            exists, else this mirage, which picks the guest from the program)
        -name NAME          the entry's name (default mirage-ARCH; one ARCH only)
        """

    /// P always (mirage reads AT_FLAGS and gives the guest its real argv[0]); F when this
    /// mirage is static, so registering it makes foreign chroots work.
    static var defaultFlags: BinfmtFlags {
        // AT_BASE is the dynamic linker's address: 0 in a static executable.
        var found: Int32 = 0
        return chost_getauxval(7, &found) == 0 ? [.preserveArgv0, .fixBinary] : [.preserveArgv0]
    }

    static func parse(_ args: ArraySlice<String>) -> ParseResult {
        guard let first = args.first else { return .exit(1, usage, toStderr: true) }
        if first == "-h" || first == "--help" || first == "help" { return .exit(0, usage, toStderr: false) }
        guard let action = Action(rawValue: first) else {
            return .exit(1, "mirage: unknown -binfmt action '\(first)'; one of "
                + Action.allCases.map(\.rawValue).joined(separator: ", "), toStderr: true)
        }
        var command = BinfmtCommand(action: action, arches: [], flags: defaultFlags)
        var rest = args.dropFirst()
        while let a = rest.popFirst() {
            let option = a.hasPrefix("--") ? String(a.dropFirst()) : a
            switch option {
            case "-flags", "-interpreter", "-dir", "-name":
                guard let value = rest.popFirst() else { return .exit(1, "mirage: -binfmt \(option) needs a value", toStderr: true) }
                switch option {
                case "-flags":
                    guard let flags = BinfmtFlags(letters: value) else {
                        return .exit(1, "mirage: -binfmt -flags takes the letters F, P, C and O, not '\(value)'", toStderr: true)
                    }
                    command.flags = flags
                case "-interpreter":
                    guard value.hasPrefix("/") else {
                        return .exit(1, "mirage: -binfmt -interpreter needs an absolute path (the kernel runs it from any directory)", toStderr: true)
                    }
                    command.interpreter = value
                case "-dir": command.directory = value
                default: command.name = value
                }
            case "all":
                command.arches += GuestArch.allCases
            default:
                guard let arch = GuestArch(rawValue: a) else {
                    return .exit(1, "mirage: -binfmt: unknown guest '\(a)'; one of "
                        + GuestArch.allCases.map(\.rawValue).joined(separator: ", ") + " or all", toStderr: true)
                }
                command.arches.append(arch)
            }
        }
        if command.arches.isEmpty { command.arches = GuestSelection.runnable }
        var seen: [GuestArch] = []
        for arch in command.arches where !seen.contains(arch) { seen.append(arch) }
        command.arches = seen
        if command.name != nil && command.arches.count != 1 {
            return .exit(1, "mirage: -binfmt -name names one entry; give one ARCH", toStderr: true)
        }
        // C makes the kernel pass the program open, as O does.
        if command.flags.contains(.credentials) { command.flags.insert(.openBinary) }
        return .binfmt(command)
    }

    /// Runs the action; returns the exit status.
    func run() -> Int32 {
        let writes = action == .register || action == .systemd || action == .debian
        if writes, let arch = arches.first(where: { !GuestSelection.runnable.contains($0) }) {
            say("mirage: this build of mirage does not run \(GuestSelection.describe(arch)) programs yet; "
                + "not registering mirage-\(arch.rawValue)", error: true)
            return 1
        }
        if writes && flags.contains(.fixBinary) && Self.defaultFlags.contains(.fixBinary) == false && interpreter == nil {
            say("mirage: note: with F the kernel keeps this dynamically linked mirage open, but inside a chroot "
                + "its libraries are not found; build the static mirage for chroots (Documentation/CI.md)", error: true)
        }
        var status: Int32 = 0
        for arch in arches {
            let entry = BinfmtEntry(target: .forArch(arch), interpreter: interpreter ?? Self.defaultInterpreter(for: arch),
                                    flags: flags, name: name)
            switch action {
            case .print:
                say(entry.registerLine)
            case .register:
                switch BinfmtControl.register(entry) {
                case .success: say("registered \(entry.name): \(entry.interpreter) (flags \(entry.flags.letters))")
                case .failure(let f): say("mirage: " + f.message, error: true); status = 1
                }
            case .unregister:
                switch BinfmtControl.unregister(name: entry.name) {
                case .success: say("unregistered \(entry.name)")
                case .failure(let f): say("mirage: " + f.message, error: true); status = 1
                }
            case .status:
                if let text = BinfmtControl.status(name: entry.name) {
                    say("\(entry.name):\n" + text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
                } else {
                    say("\(entry.name): not registered")
                }
            case .systemd, .debian:
                let systemd = action == .systemd
                let dir = directory ?? (systemd ? "/etc/binfmt.d" : "/usr/share/binfmts")
                let path = dir + "/" + entry.name + (systemd ? ".conf" : "")
                switch BinfmtControl.writeFile(systemd ? entry.systemdFile : entry.debianFile, to: path) {
                case .success:
                    say("wrote \(path)" + (systemd ? "; apply with: systemctl restart systemd-binfmt"
                        : "; apply with: update-binfmts --import \(entry.name)"))
                case .failure(let f): say("mirage: " + f.message, error: true); status = 1
                }
            }
        }
        return status
    }

    /// mirage-ARCH beside this mirage when it is there (the per-arch name also refuses other
    /// guests' programs), else this mirage itself.
    static func defaultInterpreter(for arch: GuestArch) -> String {
        guard let resolved = realpath("/proc/self/exe", nil) else { return "/usr/local/bin/mirage" }
        defer { free(resolved) }
        let me = String(cString: resolved)
        let dir = me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let perArch = dir + "/mirage-" + arch.rawValue
        return access(perArch, X_OK) == 0 ? perArch : me
    }

    private func say(_ text: String, error: Bool = false) {
        let line = text + "\n"
        line.withCString { _ = Glibc.write(error ? 2 : 1, $0, strlen($0)) }
    }
}
