# Shared by Scripts/test and Scripts/example (sourced, not run): the Debian packages Mirage
# needs, a function that installs only the missing ones, and the lookup of the Swift toolchain.

# Building mirage: the system libelf and capstone.
MIRAGE_BUILD_PACKAGES=(libelf-dev libcapstone-dev)
# Building guest programs: Debian's armhf, mips and mipsel cross toolchains and their libc and kernel headers.
MIRAGE_CROSS_PACKAGES=(gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf libc6-dev-armhf-cross linux-libc-dev-armhf-cross
    gcc-mips-linux-gnu libc6-dev-mips-cross linux-libc-dev-mips-cross
    gcc-mipsel-linux-gnu libc6-dev-mipsel-cross linux-libc-dev-mipsel-cross)
# The build systems whose cross-compiling recipes Scripts/ci-recipes-tests runs through mirage.
MIRAGE_CI_RECIPE_PACKAGES=(cmake meson ninja-build make)
# The reference emulator that results are compared with.
MIRAGE_REFERENCE_PACKAGES=(qemu-user)
# Debian's dynamic userland that Scripts/real-programs-tests runs twice: as an armhf sysroot under
# mirage (mirage_fetch_sysroot) and as the host's own installed amd64 packages (installed with
# mirage_install_packages), the same names on both sides.
MIRAGE_USERLAND_PACKAGES=(libc6 coreutils bash dash python3-minimal libpython3.11-stdlib lua5.4 sqlite3
    xz-utils gzip bzip2 tar findutils grep sed diffutils perl-base)

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
    # A partial failure (one mirror index out of sync) still leaves usable lists; the install
    # says whether they were enough.
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3 </dev/null \
        || echo "deps: apt-get update reported errors; trying the install anyway" >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -o Acquire::Retries=3 -y -q --no-install-recommends "${missing[@]}" </dev/null
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

# mirage_fetch_sysroot DIR ARCH PACKAGE...: a sysroot DIR/sysroot-ARCH/ holding the packages
# and every package they depend on, for ARCH only (nothing from the host's architecture):
# apt resolves the closure against an empty dpkg status (as for a new machine, so nothing is
# left out because the host has it), downloads it into DIR/sysroot-ARCH-debs/ (kept, so a
# rerun downloads nothing) and each .deb is unpacked with dpkg-deb -x; /bin, /sbin and /lib
# become links into /usr as on a merged-/usr Debian 12. DIR/sysroot-ARCH/.packages records the
# request and .versions the closure ("package version arch" lines); a sysroot made for the same
# request is reused without asking apt (so it works offline). Returns non-zero if it cannot
# be had, after saying why.
mirage_fetch_sysroot() {
    local dir=$1 arch=$2; shift 2
    local sysroot=$dir/sysroot-$arch debs=$dir/sysroot-$arch-debs request="$*"
    if [[ -f $sysroot/.packages && $(<"$sysroot/.packages") == "$request" ]]; then
        return 0
    fi
    if ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
        echo "deps: apt-get and dpkg-deb are needed to make the $arch sysroot" >&2
        return 1
    fi
    local -a as_root=()
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null; then
            echo "deps: not root and no sudo; cannot add $arch to dpkg or update apt's lists" >&2
            return 1
        fi
        if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
    fi
    if [[ $arch != "$(dpkg --print-architecture)" ]] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
        echo "deps: dpkg --add-architecture $arch"
        "${as_root[@]}" dpkg --add-architecture "$arch" || return 1
    fi
    mkdir -p "$debs/partial" "$dir/apt-state" || return 1
    : >"$dir/apt-state/status"
    # Only ARCH's lists count, the host's dpkg database is replaced by an empty one, and the
    # downloads go to our cache: apt answers "what would a new ARCH machine need".
    local -a apt=(apt-get -q -o "APT::Architecture=$arch" -o "APT::Architectures=$arch"
        -o "Dir::State::status=$dir/apt-state/status" -o "Dir::Cache::archives=$debs"
        -o Acquire::Retries=3 -o APT::Install-Recommends=false -o Debug::NoLocking=true)
    # Plan and download; if either fails with the lists as they are (missing ARCH, or so old
    # that the mirror no longer has their versions), update the lists once and try again.
    local plan attempt
    for attempt in 1 2; do
        if ((attempt == 2)); then
            echo "deps: updating apt's package lists for $arch"
            "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3 </dev/null >"$dir/apt-update.log" 2>&1 \
                || echo "deps: apt-get update reported errors (see $dir/apt-update.log); trying anyway" >&2
        fi
        if ! plan=$("${apt[@]}" -s install "$@" 2>&1 </dev/null) || ! grep -q '^Inst ' <<<"$plan"; then
            ((attempt == 1)) && continue
            echo "deps: apt cannot resolve the $arch packages $*:" >&2
            grep -E '^(E|W):|Depends' <<<"$plan" | head -n 20 >&2
            return 1
        fi
        echo "deps: downloading the $arch sysroot's packages into $debs"
        "${apt[@]}" install --download-only -y "$@" </dev/null >"$dir/apt-download.log" 2>&1 && break
        if ((attempt == 2)); then
            echo "deps: downloading the $arch packages failed (no network, or no Debian mirror reachable?):" >&2
            grep -E '^(E|W|Err):|Could not|Failed|failure' "$dir/apt-download.log" | sort -u | head -n 8 >&2
            echo "deps: the full log is $dir/apt-download.log; once downloaded, the packages are reused offline" >&2
            return 1
        fi
    done
    # "Inst NAME (VERSION SUITE [ARCH])" lines: exactly the closure apt chose.
    local tmp=$sysroot.new name version parch deb
    rm -rf "$tmp" && mkdir -p "$tmp" || return 1
    : >"$tmp/.versions"
    while read -r name version parch; do
        deb=$debs/${name}_${version/:/%3a}_$parch.deb
        if [[ ! -f $deb ]]; then
            echo "deps: apt did not leave $deb" >&2
            return 1
        fi
        dpkg-deb -x "$deb" "$tmp" || { echo "deps: cannot unpack $deb" >&2; return 1; }
        echo "$name $version $parch" >>"$tmp/.versions"
    done < <(sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) [^[]*\[\([^]]*\)\]).*/\1 \2 \3/p' <<<"$plan")
    local d
    for d in bin sbin lib; do
        if [[ -d $tmp/$d && ! -L $tmp/$d ]]; then
            mkdir -p "$tmp/usr/$d" && cp -a "$tmp/$d/." "$tmp/usr/$d/" && rm -rf "${tmp:?}/$d" || return 1
        fi
        ln -sfn "usr/$d" "$tmp/$d" || return 1
    done
    if [[ ! -s $tmp/.versions ]]; then
        echo "deps: apt's plan for the $arch sysroot lists no package" >&2
        return 1
    fi
    printf '%s' "$request" >"$tmp/.packages"
    rm -rf "$sysroot" && mv "$tmp" "$sysroot"
}
