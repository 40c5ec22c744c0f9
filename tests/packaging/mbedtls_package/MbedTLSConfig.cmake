# SPDX-License-Identifier: MIT
# A stand-in for the CMake package Mbed TLS 3.6 and 4.0 install, over the
# system's libraries: lets test_cmake_package.sh take the
# find_package(MbedTLS CONFIG) branch of cmake/wospipesFindMbedTLS.cmake
# on a machine that has only Debian's 2.28 (which ships no package).
set(MbedTLS_VERSION 0.0.0-standin)
find_path(_standin_mbedtls_inc mbedtls/ssl.h REQUIRED)
foreach(_l mbedcrypto mbedx509 mbedtls)
    find_library(_standin_${_l} ${_l} REQUIRED)
    add_library(MbedTLS::${_l} UNKNOWN IMPORTED)
    set_target_properties(MbedTLS::${_l} PROPERTIES IMPORTED_LOCATION "${_standin_${_l}}"
                          INTERFACE_INCLUDE_DIRECTORIES "${_standin_mbedtls_inc}")
endforeach()
set_property(TARGET MbedTLS::mbedx509 PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedcrypto)
set_property(TARGET MbedTLS::mbedtls PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedx509)
