# drs-bench needs the DiT, the sampler and the weights I/O (Qt-free).
if(TARGET drs_dit AND TARGET drs_sampler AND TARGET drs_weights)
  add_executable(drs-bench drs_bench.cpp bench_options.cpp roofline.cpp)
  target_link_libraries(drs-bench PRIVATE drs::dit drs::sampler drs::weights drs::core)
  drs_set_warnings(drs-bench)
  if(DRS_BUILD_TESTS)
    # A reduced run keeps the benchmark from rotting; it asserts nothing about speed.
    add_test(NAME bench_small COMMAND drs-bench --small --json --no-load)
    set_tests_properties(bench_small PROPERTIES TIMEOUT 300 LABELS "bench")
  endif()
endif()
