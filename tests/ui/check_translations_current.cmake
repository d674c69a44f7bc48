# cmake -DLUPDATE=... -DGENERATOR=... -DPROJECT_IN=... -DTS_DIR=... -DWORK=... -P this
# Runs lupdate (as update_translations does) on copies of translations/*.ts and fails
# when that would change one: a string in the sources that the .ts files lack (so it
# shows in English), or a message the sources no longer use.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK}/project.json
                        -P ${GENERATOR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "could not write the lupdate project file")
endif()
file(GLOB ts_files ${TS_DIR}/*.ts)
set(copies)
foreach(ts IN LISTS ts_files)
  get_filename_component(name ${ts} NAME)
  configure_file(${ts} ${WORK}/${name} COPYONLY)
  list(APPEND copies ${WORK}/${name})
endforeach()
execute_process(COMMAND ${LUPDATE} -project ${WORK}/project.json -no-obsolete -locations none
                        -ts ${copies}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed: ${err}")
endif()
set(stale)
foreach(ts IN LISTS ts_files)
  get_filename_component(name ${ts} NAME)
  file(READ ${ts} before)
  file(READ ${WORK}/${name} after)
  if(NOT before STREQUAL after)
    list(APPEND stale ${name})
  endif()
endforeach()
if(stale)
  message(FATAL_ERROR "out of date with the sources: ${stale}. Run `cmake --build <build> "
                      "--target update_translations`, translate the new messages (Qt Linguist "
                      "or the .ts file) and commit translations/.")
endif()
message("translations/*.ts match the sources")
