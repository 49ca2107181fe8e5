# SPDX-License-Identifier: MIT
# Shared compile settings: warnings, sanitizers and floating-point determinism for every cybersim target.

# Deterministic floating point: no fused multiply-add contraction, never -ffast-math (STYLE F).
add_library(cybersim_flags INTERFACE)
add_library(cybersim::flags ALIAS cybersim_flags)
target_compile_options(cybersim_flags INTERFACE -ffp-contract=off)
if(CYBERSIM_SANITIZE)
    target_compile_options(cybersim_flags INTERFACE -fsanitize=${CYBERSIM_SANITIZE} -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
    target_link_options(cybersim_flags INTERFACE -fsanitize=${CYBERSIM_SANITIZE})
endif()
if(CYBERSIM_BUILD_FUZZ)
    # Every library a fuzz target links is instrumented for coverage, ASan and UBSan; the target adds libFuzzer's main.
    target_compile_options(cybersim_flags INTERFACE -g -fsanitize=fuzzer-no-link,address,undefined
                                                    -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(cybersim_flags INTERFACE -fsanitize=address,undefined)
endif()

# Warnings are applied PRIVATE per target so that consumers of our headers are not affected.
function(cybersim_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    # GCC 12 reports -Wrestrict false positives on plain std::string concatenation at -O3 (GCC bug 105651).
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
        target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(CYBERSIM_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
