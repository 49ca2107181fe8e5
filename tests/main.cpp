// SPDX-License-Identifier: MIT
// The doctest main: the only translation unit that defines it (STYLE H).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
