# SPDX-License-Identifier: MIT
# Stand-in for find_package(Zephyr), enough to configure a Zephyr
# application with the wos-pipes-c module on a host:
#  - CONFIG_* from the application's prj.conf (then STANDIN_ZEPHYR_CONFIG
#    entries, CONFIG_X=value), as CMake variables and as an autoconf.h
#    included into every file (Kconfig defaults are NOT applied);
#  - the target app;
#  - each module in ZEPHYR_MODULES: its zephyr/CMakeLists.txt, through
#    recording stand-ins of zephyr_library(), zephyr_library_sources(),
#    zephyr_include_directories(), zephyr_system_include_directories(),
#    zephyr_compile_definitions(),
#    zephyr_library_link_libraries() and generate_inc_file_for_target().
# A module's library is built from exactly the sources it names; the
# include directories and definitions go to every target, as in Zephyr.
# Recorded in the global properties STANDIN_ZEPHYR_SRCS/_INCLUDE_DIRS.
set(Zephyr_FOUND TRUE)
set(ZEPHYR_BINARY_DIR "${CMAKE_BINARY_DIR}/zephyr")
if(NOT TARGET zephyr_interface)
    add_library(zephyr_interface INTERFACE)
endif()

file(WRITE "${ZEPHYR_BINARY_DIR}/include/generated/autoconf.h" "/* stand-in autoconf.h */\n")
file(STRINGS "${CMAKE_CURRENT_SOURCE_DIR}/prj.conf" _standin_lines REGEX "^CONFIG_[A-Za-z0-9_]+=")
set(_standin_names "")
foreach(_l IN LISTS _standin_lines STANDIN_ZEPHYR_CONFIG)
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${_l}")
    list(APPEND _standin_names ${CMAKE_MATCH_1})
    set(_standin_value_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
endforeach()
list(REMOVE_DUPLICATES _standin_names)
foreach(_name IN LISTS _standin_names)
    set(_v "${_standin_value_${_name}}")
    if(_v STREQUAL "n")
        set(${_name} "")
        continue()
    endif()
    if(_v STREQUAL "y")
        set(${_name} y)
        set(_c 1)
    else()
        string(REGEX REPLACE "^\"(.*)\"$" "\\1" ${_name} "${_v}")
        set(_c "${_v}")
    endif()
    file(APPEND "${ZEPHYR_BINARY_DIR}/include/generated/autoconf.h" "#define ${_name} ${_c}\n")
endforeach()
target_include_directories(zephyr_interface INTERFACE "${ZEPHYR_BINARY_DIR}/include/generated")
target_compile_options(zephyr_interface INTERFACE
    "SHELL:-include ${ZEPHYR_BINARY_DIR}/include/generated/autoconf.h")

add_executable(app)
target_link_libraries(app PRIVATE zephyr_interface)

set_property(GLOBAL PROPERTY STANDIN_ZEPHYR_SRCS "")
set_property(GLOBAL PROPERTY STANDIN_ZEPHYR_INCLUDE_DIRS "")
macro(zephyr_library)
    get_property(_n GLOBAL PROPERTY STANDIN_ZEPHYR_NLIBS)
    math(EXPR _n "${_n}+0+1")
    set_property(GLOBAL PROPERTY STANDIN_ZEPHYR_NLIBS ${_n})
    set(ZEPHYR_CURRENT_LIBRARY standin_zephyr_lib${_n})
    add_library(${ZEPHYR_CURRENT_LIBRARY} STATIC)
    target_link_libraries(${ZEPHYR_CURRENT_LIBRARY} PUBLIC zephyr_interface)
    target_link_libraries(app PRIVATE ${ZEPHYR_CURRENT_LIBRARY})
endmacro()
function(zephyr_library_sources)
    target_sources(${ZEPHYR_CURRENT_LIBRARY} PRIVATE ${ARGN})
    set_property(GLOBAL APPEND PROPERTY STANDIN_ZEPHYR_SRCS ${ARGN})
endfunction()
function(zephyr_include_directories)
    target_include_directories(zephyr_interface INTERFACE ${ARGN})
    set_property(GLOBAL APPEND PROPERTY STANDIN_ZEPHYR_INCLUDE_DIRS ${ARGN})
endfunction()
function(zephyr_system_include_directories)
    target_include_directories(zephyr_interface SYSTEM INTERFACE ${ARGN})
    set_property(GLOBAL APPEND PROPERTY STANDIN_ZEPHYR_INCLUDE_DIRS ${ARGN})
endfunction()
function(zephyr_compile_definitions)
    target_compile_definitions(zephyr_interface INTERFACE ${ARGN})
endfunction()
function(zephyr_library_link_libraries)
    foreach(l IN LISTS ARGN)
        if(NOT TARGET ${l})
            message(FATAL_ERROR "zephyr stand-in: no stand-in for the library '${l}'")
        endif()
    endforeach()
    target_link_libraries(${ZEPHYR_CURRENT_LIBRARY} PUBLIC ${ARGN})
endfunction()
function(generate_inc_file_for_target target src out)
    file(READ "${src}" hex HEX)
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1, " bytes "${hex}")
    file(WRITE "${out}" "${bytes}\n")
    get_filename_component(d "${out}" DIRECTORY)
    target_include_directories(${target} PRIVATE "${d}")
endfunction()

foreach(_m IN LISTS ZEPHYR_MODULES)
    get_filename_component(_name "${_m}" NAME)
    add_subdirectory("${_m}/zephyr" "${CMAKE_BINARY_DIR}/modules/${_name}")
endforeach()
