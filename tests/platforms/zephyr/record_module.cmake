# SPDX-License-Identifier: MIT
# cmake -DWOS_REPO=<checkout> -DJSMN_DIR=<dir of jsmn.h> -DPRJ_CONF=<prj.conf> -DOUT=<file>
#       -P tests/platforms/zephyr/record_module.cmake
# Runs the module's zephyr/CMakeLists.txt with the CONFIG_* values that
# PRJ_CONF sets (=y and strings; nothing else, as ZephyrConfig.cmake) and
# writes the sources it hands zephyr_library_sources() to OUT, one a line,
# without building anything: which sources a configuration selects, e.g.
# that the CONNECT proxy transport stays out unless it is turned on.
file(STRINGS "${PRJ_CONF}" _lines REGEX "^CONFIG_[A-Za-z0-9_]+=")
foreach(_l IN LISTS _lines)
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${_l}")
    if(NOT CMAKE_MATCH_2 STREQUAL "n")
        string(REGEX REPLACE "^\"(.*)\"$" "\\1" ${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    endif()
endforeach()
set(CONFIG_WOS_PIPES_JSMN_DIR "${JSMN_DIR}")
set(_recorded "")
macro(zephyr_library)
endmacro()
macro(zephyr_library_sources)
    list(APPEND _recorded ${ARGN})
endmacro()
foreach(_f zephyr_include_directories zephyr_system_include_directories zephyr_compile_definitions
           zephyr_library_link_libraries)
    cmake_language(EVAL CODE "macro(${_f})\nendmacro()")
endforeach()
include("${WOS_REPO}/zephyr/CMakeLists.txt")
string(REPLACE ";" "\n" _recorded "${_recorded}")
file(WRITE "${OUT}" "${_recorded}\n")
