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

# mirage_fetch_debs DIR PACKAGE:ARCH...: each Debian package downloaded (apt-get download, not
# installed) and unpacked with dpkg-deb -x into DIR/PACKAGE_ARCH/, once: DIR/PACKAGE_ARCH/.version
# records the version, and the .deb stays in DIR/downloads/. A foreign ARCH is first added to
# dpkg (dpkg --add-architecture) and the package lists updated. Returns non-zero if a package
# cannot be had.
mirage_fetch_debs() {
    local dir=$1; shift
    local -a missing=() as_root=()
    local spec
    for spec in "$@"; do
        [[ -f $dir/${spec/:/_}/.version ]] || missing+=("$spec")
    done
    ((${#missing[@]} == 0)) && return 0
    if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
        echo "deps: apt-get and dpkg-deb are needed to fetch ${missing[*]}" >&2
        return 1
    fi
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null; then
            echo "deps: not root and no sudo; cannot fetch ${missing[*]}" >&2
            return 1
        fi
        if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
    fi
    local native arch update=0
    native=$(dpkg --print-architecture)
    for spec in "${missing[@]}"; do
        arch=${spec#*:}
        if [[ $arch != "$native" ]] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
            echo "deps: dpkg --add-architecture $arch"
            "${as_root[@]}" dpkg --add-architecture "$arch" || return 1
            update=1
        fi
        # No candidate version: the lists are missing or old.
        apt-cache policy "$spec" 2>/dev/null | grep -q 'Candidate: [0-9]' || update=1
    done
    if ((update)); then
        # A partial failure (one mirror index out of sync) still leaves usable lists; whether
        # each package can be had is checked by the download below.
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >/dev/null 2>&1 \
            || echo "deps: apt-get update reported errors; trying the downloads anyway" >&2
    fi
    mkdir -p "$dir/downloads" || return 1
    local pkg deb target
    for spec in "${missing[@]}"; do
        pkg=${spec%%:*} arch=${spec#*:}
        echo "deps: fetching $spec"
        # apt-get download writes into the current directory.
        if ! (cd "$dir/downloads" && apt-get download -q "$spec" </dev/null >/dev/null 2>"$dir/downloads/$pkg.$arch.log"); then
            echo "deps: apt-get download $spec failed:" >&2
            cat "$dir/downloads/$pkg.$arch.log" >&2
            return 1
        fi
        deb=$(ls -t "$dir/downloads/${pkg}_"*"_$arch.deb" 2>/dev/null | head -n 1)
        [[ -n $deb ]] || { echo "deps: no .deb for $spec after download" >&2; return 1; }
        target=$dir/${pkg}_$arch
        rm -rf "$target"
        dpkg-deb -x "$deb" "$target" || return 1
        dpkg-deb -f "$deb" Version >"$target/.version" || return 1
    done
}
