# SPDX-License-Identifier: MIT
# The compile-time settings of include/wos_config.h as build options, in one
# place for every build system: plain CMake reads the cache variables
# WOSPIPES_<NAME>, ESP-IDF and Zephyr their Kconfig symbols
# CONFIG_WOS_PIPES_<NAME> (Kconfig.wospipes). Empty means the header's
# default. The definitions are PUBLIC: settings that change a public
# struct's size must be the same in the library and the application.
set(WOSPIPES_SETTINGS JSON_MAX_DEPTH HTTP_MAX_HEADER_BYTES DEFAULT_TIMEOUT_MS
    DEFAULT_RETRIES BACKOFF_BASE_MS BACKOFF_CAP_MS RETRY_AFTER_CAP_S HOST_MAX PAGER_CURSOR_MAX)

# wospipes_config_definitions(OUT): OUT = "WOS_<NAME>=<value>;..." for every
# setting given, plus WOS_JSMN_INTERNAL=1 when the jsmn-internal option is on.
function(wospipes_config_definitions out)
    set(defs "")
    foreach(name IN LISTS WOSPIPES_SETTINGS)
        set(value "${WOSPIPES_${name}}")
        if(value STREQUAL "")
            # Kconfig strings may arrive with their quotes.
            string(REGEX REPLACE "^\"(.*)\"$" "\\1" value "${CONFIG_WOS_PIPES_${name}}")
        endif()
        if(NOT value STREQUAL "")
            list(APPEND defs "WOS_${name}=${value}")
        endif()
    endforeach()
    if(WOSPIPES_JSMN_INTERNAL OR CONFIG_WOS_PIPES_JSMN_INTERNAL)
        list(APPEND defs "WOS_JSMN_INTERNAL=1")
    endif()
    set(${out} "${defs}" PARENT_SCOPE)
endfunction()
