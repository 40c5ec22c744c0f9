# SPDX-License-Identifier: MIT
# Stand-in for ESP-IDF's build system, enough to run a component's
# CMakeLists.txt on a host: idf_component_register() builds exactly the
# SRCS it is given (relative to the component's directory) into the
# component's library with its INCLUDE_DIRS public, links what REQUIRES
# names through standin_esp_requires_<name> targets, and turns
# EMBED_TXTFILES into _binary_<file>_start/_end as ESP-IDF does. Each call
# is recorded in the global property STANDIN_ESP_<component>_SRCS/_INCLUDE_DIRS.
#
# standin_esp_component(NAME DIR [CONFIG...]) runs DIR/CMakeLists.txt as
# component NAME with ESP_PLATFORM and each CONFIG entry (CONFIG_X=value) set.
enable_language(ASM)

function(idf_component_register)
    cmake_parse_arguments(A "" "" "SRCS;INCLUDE_DIRS;PRIV_INCLUDE_DIRS;REQUIRES;PRIV_REQUIRES;EMBED_FILES;EMBED_TXTFILES" ${ARGN})
    set(dir "${CMAKE_CURRENT_LIST_DIR}")
    set(srcs "")
    foreach(s IN LISTS A_SRCS)
        get_filename_component(s "${s}" ABSOLUTE BASE_DIR "${dir}")
        list(APPEND srcs "${s}")
    endforeach()
    set(incs "")
    foreach(i IN LISTS A_INCLUDE_DIRS)
        get_filename_component(i "${i}" ABSOLUTE BASE_DIR "${dir}")
        list(APPEND incs "${i}")
    endforeach()
    set_property(GLOBAL PROPERTY STANDIN_ESP_${COMPONENT_NAME}_SRCS "${srcs}")
    set_property(GLOBAL PROPERTY STANDIN_ESP_${COMPONENT_NAME}_INCLUDE_DIRS "${incs}")
    add_library(${COMPONENT_LIB} STATIC ${srcs})
    target_include_directories(${COMPONENT_LIB} PUBLIC ${incs})
    foreach(r IN LISTS A_REQUIRES A_PRIV_REQUIRES)
        if(NOT TARGET standin_esp_requires_${r})
            message(FATAL_ERROR "esp-idf stand-in: no stand-in for the component '${r}'")
        endif()
        target_link_libraries(${COMPONENT_LIB} PUBLIC standin_esp_requires_${r})
    endforeach()
    foreach(f IN LISTS A_EMBED_TXTFILES)
        get_filename_component(f "${f}" ABSOLUTE BASE_DIR "${dir}")
        get_filename_component(n "${f}" NAME)
        string(MAKE_C_IDENTIFIER "${n}" n)
        set(asm "${CMAKE_CURRENT_BINARY_DIR}/${COMPONENT_NAME}_${n}.S")
        file(WRITE "${asm}" "    .section .rodata\n    .global _binary_${n}_start\n    .global _binary_${n}_end\n"
             "_binary_${n}_start:\n    .incbin \"${f}\"\n    .byte 0\n_binary_${n}_end:\n"
             "    .section .note.GNU-stack,\"\",@progbits\n")
        target_sources(${COMPONENT_LIB} PRIVATE "${asm}")
    endforeach()
endfunction()

function(standin_esp_component name dir)
    set(ESP_PLATFORM 1)
    set(COMPONENT_NAME ${name})
    set(COMPONENT_LIB __idf_${name})
    foreach(c IN LISTS ARGN)
        string(REGEX MATCH "^([^=]+)=(.*)$" _ "${c}")
        set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    endforeach()
    include("${dir}/CMakeLists.txt")
    add_library(standin_esp_requires_${name} INTERFACE)
    target_link_libraries(standin_esp_requires_${name} INTERFACE ${COMPONENT_LIB})
endfunction()
