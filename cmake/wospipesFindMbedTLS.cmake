# SPDX-License-Identifier: MIT
# Makes the target wospipes_mbedtls_deps::tls (mbedtls, mbedx509 and the
# crypto library) for the mbedTLS port, both when building wos-pipes-c and
# in wospipesConfig.cmake. Mbed TLS 3.6 and 4.0 ship a CMake package
# (find_package(MbedTLS CONFIG), MbedTLS::mbedtls links the rest); Debian's
# 2.28 ships none, so then the three libraries are found by name.
# Point CMAKE_PREFIX_PATH (or MbedTLS_DIR) at another installation.
if(TARGET wospipes_mbedtls_deps::tls)
    return()
endif()
find_package(MbedTLS CONFIG QUIET)
add_library(wospipes_mbedtls_deps::tls INTERFACE IMPORTED)
if(MbedTLS_FOUND AND TARGET MbedTLS::mbedtls_static)
    # 3.6 built both ways names the static libraries *_static: firmware links statically.
    set_property(TARGET wospipes_mbedtls_deps::tls PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedtls_static)
    set(WOSPIPES_MBEDTLS_HOW "CMake package ${MbedTLS_DIR} (${MbedTLS_VERSION}, static)")
elseif(MbedTLS_FOUND AND TARGET MbedTLS::mbedtls)
    set_property(TARGET wospipes_mbedtls_deps::tls PROPERTY INTERFACE_LINK_LIBRARIES MbedTLS::mbedtls)
    set(WOSPIPES_MBEDTLS_HOW "CMake package ${MbedTLS_DIR} (${MbedTLS_VERSION})")
else()
    find_path(WOSPIPES_MBEDTLS_INCLUDE_DIR mbedtls/ssl.h)
    find_library(WOSPIPES_MBEDTLS_LIB mbedtls)
    find_library(WOSPIPES_MBEDX509_LIB mbedx509)
    find_library(WOSPIPES_MBEDCRYPTO_LIB mbedcrypto)
    if(NOT WOSPIPES_MBEDTLS_INCLUDE_DIR OR NOT WOSPIPES_MBEDTLS_LIB OR NOT WOSPIPES_MBEDX509_LIB
       OR NOT WOSPIPES_MBEDCRYPTO_LIB)
        message(FATAL_ERROR "wospipes: mbedTLS not found: no MbedTLS CMake package and no "
                "mbedtls/ssl.h with libmbedtls, libmbedx509 and libmbedcrypto. Install it "
                "(Debian: libmbedtls-dev), set CMAKE_PREFIX_PATH, or turn WOSPIPES_MBEDTLS off.")
    endif()
    set_property(TARGET wospipes_mbedtls_deps::tls PROPERTY INTERFACE_INCLUDE_DIRECTORIES
                 "${WOSPIPES_MBEDTLS_INCLUDE_DIR}")
    set_property(TARGET wospipes_mbedtls_deps::tls PROPERTY INTERFACE_LINK_LIBRARIES
                 "${WOSPIPES_MBEDTLS_LIB};${WOSPIPES_MBEDX509_LIB};${WOSPIPES_MBEDCRYPTO_LIB}")
    set(WOSPIPES_MBEDTLS_HOW "libraries ${WOSPIPES_MBEDTLS_LIB} (no CMake package)")
endif()
