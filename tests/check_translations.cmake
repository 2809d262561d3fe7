# SPDX-License-Identifier: GPL-3.0-or-later
# Every translation complete: lupdate over the current sources, on copies of the .ts files,
# leaves no message unfinished and none obsolete (a source string changed without its
# translations).
#   cmake -DLUPDATE=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_translations.cmake
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}"
     "${SOURCE_DIR}/planner/*.cpp" "${SOURCE_DIR}/planner/*.h"
     "${SOURCE_DIR}/widgets/*.cpp" "${SOURCE_DIR}/widgets/*.h"
     "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
     "${SOURCE_DIR}/i18n/*.cpp")
list(TRANSFORM sources PREPEND "${SOURCE_DIR}/")
string(REPLACE ";" "\n" list_text "${sources}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/sources.lst" "${list_text}\n")
file(GLOB ts_files "${SOURCE_DIR}/i18n/*.ts")
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in ${SOURCE_DIR}/i18n")
endif()
set(failed FALSE)
foreach(ts IN LISTS ts_files)
    get_filename_component(name "${ts}" NAME)
    configure_file("${ts}" "${WORK_DIR}/${name}" COPYONLY)
    # lupdate reads every source in well under a minute. Qt 6.4's can loop for ever on some
    # expressions (a count argument of translate() written as n - (a - b) did): a timeout
    # turns that into a failure instead of a hung test.
    execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none "@${WORK_DIR}/sources.lst"
                            -ts "${WORK_DIR}/${name}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 180)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name} (${rc}): ${err}\n"
                            "A timeout means lupdate's parser looped on a source: look at the tr()/translate() calls changed last.")
    endif()
    file(READ "${WORK_DIR}/${name}" text)
    string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${text}")
    list(LENGTH unfinished n)
    if(n GREATER 0)
        message(SEND_ERROR "i18n/${name}: ${n} message(s) unfinished after lupdate; run the update_translations target and translate them")
        set(failed TRUE)
    endif()
    file(READ "${ts}" original)
    if(NOT original STREQUAL text)
        string(REGEX MATCHALL "<source>" before "${original}")
        string(REGEX MATCHALL "<source>" after "${text}")
        list(LENGTH before nb)
        list(LENGTH after na)
        message(SEND_ERROR "i18n/${name} is out of date with the sources (${nb} messages, ${na} after lupdate); run the update_translations target")
        set(failed TRUE)
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "translations incomplete")
endif()
message(STATUS "translations complete: ${ts_files}")
