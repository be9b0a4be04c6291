# Run at build time (POST_BUILD) by tec_register_suites: writes OUTPUT, a ctest
# script with one test per GoogleTest suite of BINARY, labelled LABEL. One
# process per suite, not per test: a suite's fixture (often an index built
# from the test corpus) is then built once, and ctest -j still spreads suites.
#   cmake -D BINARY=... -D LABEL=... -D OUTPUT=... -P list_suites.cmake
execute_process(COMMAND "${BINARY}" --gtest_list_tests
  OUTPUT_VARIABLE listing RESULT_VARIABLE status TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${BINARY} --gtest_list_tests failed (${status})")
endif()
string(REPLACE "\n" ";" lines "${listing}")
set(script "")
foreach(line IN LISTS lines)
  # Suite lines are "Suite." (typed suites add "  # TypeParam = ..."); test
  # lines are indented.
  if(line MATCHES "^([A-Za-z0-9_/]+)\\.( |$)")
    set(suite "${CMAKE_MATCH_1}")
    string(APPEND script
      "add_test([==[${suite}]==] [==[${BINARY}]==] --gtest_filter=${suite}.* --gtest_brief=1)\n"
      "set_tests_properties([==[${suite}]==] PROPERTIES LABELS ${LABEL})\n")
  endif()
endforeach()
file(WRITE "${OUTPUT}" "${script}")
