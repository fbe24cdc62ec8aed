# Merges the template into every translation (the `update-po` target): new messages arrive
# untranslated, changed ones fuzzy, for a translator to finish; tests/cli/i18n_catalogue.sh fails
# until none is left.
foreach(po ${PO_FILES})
  execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --no-wrap --add-location=file --sort-output ${po} ${POT}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "msgmerge failed for ${po}")
  endif()
endforeach()
