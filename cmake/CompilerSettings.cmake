# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings and sanitizers for every target of the project.

add_compile_options(-Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
                    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(CW_WARNINGS_AS_ERRORS)
    add_compile_options(-Werror)
endif()
if(CW_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
find_program(CW_CCACHE ccache)
if(CW_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    # Paths relative to the source tree, so that clones and worktrees share the cache.
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}" "${CW_CCACHE}")
endif()
