// Catch2's main, compiled once (it is the slow part of building the tests).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
