# CMake toolchain file: cross-compile for armhf (Debian's gcc-arm-linux-gnueabihf) and run the
# built programs (tests, try_run) through mirage.
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=arm-linux-gnueabihf.cmake [-DMIRAGE=/path/to/mirage]
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)

# The armhf sysroot: headers and libraries for the build, the dynamic linker and libc for runs.
set(ARM_SYSROOT /usr/arm-linux-gnueabihf CACHE PATH "armhf sysroot (libraries and dynamic linker)")
set(CMAKE_FIND_ROOT_PATH ${ARM_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# mirage from PATH unless -DMIRAGE=/path/to/mirage. -L: a dynamically linked program's
# /lib/ld-linux-armhf.so.3 and libraries are looked up in the sysroot first.
find_program(MIRAGE mirage)
if(NOT MIRAGE)
    message(FATAL_ERROR "mirage not found: put it on PATH or pass -DMIRAGE=/path/to/mirage")
endif()
set(CMAKE_CROSSCOMPILING_EMULATOR ${MIRAGE} -L ${ARM_SYSROOT})
# CMake reads this file again for each try_compile project: give those the same choice.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MIRAGE ARM_SYSROOT)
