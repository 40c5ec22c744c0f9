# SPDX-License-Identifier: MIT
# wospipesFilePaths.cmake: the one list of wos-pipes-c's sources and
# include directories, for build systems that take lists (include() it,
# then use the WOSPIPES_* variables below; paths are absolute).
#
# The *_PATTERNS lines are the list itself: the Makefile reads them too
# (one "set(NAME pattern...)" per line, patterns relative to this file), so
# a file added under src/ or port/ is built by make, CMake, ESP-IDF,
# Zephyr and PlatformIO alike without being named twice.
#
#   WOSPIPES_CORE_SOURCES      the core: client, HTTP, JSON, jsmn (no I/O)
#   WOSPIPES_POSIX_SOURCES     the POSIX port: BSD-socket TCP, clock, RNG
#   WOSPIPES_MBEDTLS_SOURCES   the mbedTLS port: TLS transport over any TCP
#   WOSPIPES_PROXY_SOURCES     the HTTP CONNECT proxy transport over any
#                              transport (portable C, needs only the core)
#   WOSPIPES_*_INCLUDE_DIRS    the public include directory of each part
set(WOSPIPES_CORE_PATTERNS src/*.c)
set(WOSPIPES_POSIX_PATTERNS port/posix/*.c)
set(WOSPIPES_MBEDTLS_PATTERNS port/mbedtls/*.c)
set(WOSPIPES_PROXY_PATTERNS port/proxy/*.c)
set(WOSPIPES_CORE_INCLUDE_PATTERNS include)
set(WOSPIPES_POSIX_INCLUDE_PATTERNS port/posix)
set(WOSPIPES_MBEDTLS_INCLUDE_PATTERNS port/mbedtls)
set(WOSPIPES_PROXY_INCLUDE_PATTERNS port/proxy)

get_filename_component(WOSPIPES_ROOT "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
foreach(_wos_part CORE POSIX MBEDTLS PROXY)
    set(_wos_files "")
    foreach(_wos_pattern IN LISTS WOSPIPES_${_wos_part}_PATTERNS)
        file(GLOB _wos_found "${WOSPIPES_ROOT}/${_wos_pattern}")
        list(APPEND _wos_files ${_wos_found})
    endforeach()
    list(SORT _wos_files)
    set(WOSPIPES_${_wos_part}_SOURCES ${_wos_files})
    set(WOSPIPES_${_wos_part}_INCLUDE_DIRS "")
    foreach(_wos_dir IN LISTS WOSPIPES_${_wos_part}_INCLUDE_PATTERNS)
        list(APPEND WOSPIPES_${_wos_part}_INCLUDE_DIRS "${WOSPIPES_ROOT}/${_wos_dir}")
    endforeach()
endforeach()
# Everything: what the ESP-IDF component and PlatformIO build.
set(WOSPIPES_SOURCES ${WOSPIPES_CORE_SOURCES} ${WOSPIPES_POSIX_SOURCES} ${WOSPIPES_MBEDTLS_SOURCES}
    ${WOSPIPES_PROXY_SOURCES})
set(WOSPIPES_INCLUDE_DIRS ${WOSPIPES_CORE_INCLUDE_DIRS} ${WOSPIPES_POSIX_INCLUDE_DIRS}
    ${WOSPIPES_MBEDTLS_INCLUDE_DIRS} ${WOSPIPES_PROXY_INCLUDE_DIRS})
# The public headers that install; the *_internal.h files stay private.
file(GLOB WOSPIPES_PUBLIC_HEADERS "${WOSPIPES_ROOT}/include/*.h"
     "${WOSPIPES_ROOT}/port/posix/*.h" "${WOSPIPES_ROOT}/port/mbedtls/*.h"
     "${WOSPIPES_ROOT}/port/proxy/*.h")
list(FILTER WOSPIPES_PUBLIC_HEADERS EXCLUDE REGEX "_internal\\.h$")
list(SORT WOSPIPES_PUBLIC_HEADERS)
