# Shared by Scripts/test and Scripts/example (sourced, not run): the Debian packages Mirage
# needs, a function that installs only the missing ones, and the lookup of the Swift toolchain.

# Building mirage: the system libelf and capstone.
MIRAGE_BUILD_PACKAGES=(libelf-dev libcapstone-dev)
# Building ARM guest programs: Debian's armhf cross toolchain and its libc and kernel headers.
MIRAGE_CROSS_PACKAGES=(gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf libc6-dev-armhf-cross linux-libc-dev-armhf-cross)
# The reference emulator that results are compared with.
MIRAGE_REFERENCE_PACKAGES=(qemu-user)

# mirage_install_packages PACKAGE...: installs the packages that are not installed yet with
# apt-get (through sudo when not root), never asking a question or reading stdin. Returns
# non-zero if something is missing and cannot be installed.
mirage_install_packages() {
    if ! command -v dpkg-query >/dev/null; then
        echo "deps: not a Debian system; make sure these (or your system's equivalents) are installed: $*" >&2
        return 0
    fi
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    ((${#missing[@]} == 0)) && return 0
    echo "deps: installing ${missing[*]}"
    local -a as_root=()
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null; then
            echo "deps: missing packages and no sudo; as root run: apt-get install -y ${missing[*]}" >&2
            return 1
        fi
        # sudo -n fails instead of prompting when there is no terminal (CI).
        if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null || return 1
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# mirage_find_swift: puts swift on PATH (Debian images often have it in /opt/swift).
mirage_find_swift() {
    command -v swift >/dev/null && return 0
    local dir
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin "$HOME/.swiftly/bin"; do
        if [[ -x $dir/swift ]]; then PATH=$PATH:$dir; export PATH; return 0; fi
    done
    echo "deps: swift not found; install Swift 6 (swift.org) and put it on PATH" >&2
    return 1
}
