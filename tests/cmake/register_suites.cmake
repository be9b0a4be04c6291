# tec_register_suites(TARGET LABEL): registers TARGET's GoogleTest suites with
# ctest, one test per suite labelled LABEL (see list_suites.cmake). Until the
# target is built, ctest shows one failing test saying so.
function(tec_register_suites target label)
  set(listed "${CMAKE_CURRENT_BINARY_DIR}/${target}_suites.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D BINARY=$<TARGET_FILE:${target}> -D LABEL=${label} -D OUTPUT=${listed}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/list_suites.cmake
    VERBATIM)
  file(WRITE "${include_file}"
    "if(EXISTS [==[${listed}]==])\n"
    "  include([==[${listed}]==])\n"
    "else()\n"
    "  add_test(${target}_NOT_BUILT ${CMAKE_COMMAND} -E echo \"${target} is not built\")\n"
    "  set_tests_properties(${target}_NOT_BUILT PROPERTIES WILL_FAIL TRUE LABELS ${label})\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
