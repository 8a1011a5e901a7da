# Every dependency comes from a Debian package; a missing one names the package to install.
find_package(PkgConfig REQUIRED)

function(leitbild_require_pkg var module apt)
  pkg_check_modules(${var} IMPORTED_TARGET ${module})
  if(NOT ${var}_FOUND)
    message(FATAL_ERROR "leitbild needs ${module}: install it with `apt-get install ${apt}` (or run scripts/setup)")
  endif()
endfunction()

function(leitbild_require_cmake pkg apt)
  find_package(${pkg} ${ARGN} QUIET)
  if(NOT ${pkg}_FOUND)
    message(FATAL_ERROR "leitbild needs ${pkg}: install it with `apt-get install ${apt}` (or run scripts/setup)")
  endif()
endfunction()

leitbild_require_pkg(CMARK libcmark-gfm libcmark-gfm-dev)
find_library(CMARK_EXTENSIONS_LIB cmark-gfm-extensions)
if(NOT CMARK_EXTENSIONS_LIB)
  message(FATAL_ERROR "leitbild needs libcmark-gfm-extensions: install it with `apt-get install libcmark-gfm-extensions-dev`")
endif()
leitbild_require_pkg(ICU_UC icu-uc libicu-dev)
leitbild_require_pkg(ICU_I18N icu-i18n libicu-dev)
leitbild_require_pkg(LIBXML2 libxml-2.0 libxml2-dev)
leitbild_require_pkg(LIBZIP libzip libzip-dev)
leitbild_require_pkg(LIBDEFLATE libdeflate libdeflate-dev)
leitbild_require_cmake(yaml-cpp libyaml-cpp-dev)
leitbild_require_cmake(nlohmann_json nlohmann-json3-dev)
leitbild_require_cmake(CLI11 libcli11-dev)
leitbild_require_cmake(fmt libfmt-dev)
find_path(MUSTACHE_INCLUDE kainjow/mustache.hpp)
if(NOT MUSTACHE_INCLUDE)
  message(FATAL_ERROR "leitbild needs kainjow mustache: install it with `apt-get install libkainjow-mustache-dev`")
endif()
find_package(Threads REQUIRED)
# The leitbild binary allocates with jemalloc: a build makes and frees millions of small strings
# and template values on every core, and glibc's malloc was a fifth of a large build's time
# (docs/performance.md). Not under the sanitizers, which bring their own allocator (also when
# they come through CMAKE_CXX_FLAGS, as in a ThreadSanitizer build).
if(NOT LEITBILD_SANITIZE AND NOT LEITBILD_FUZZ AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  leitbild_require_pkg(JEMALLOC jemalloc libjemalloc-dev)
endif()

# The same binary takes ICU, libxml2, cmark-gfm, yaml-cpp, libdeflate and jemalloc from their static archives,
# which the -dev packages above ship beside the shared libraries. Loading and relocating ICU and the
# others took 5-7 ms of every run (`leitbild --version` 19 -> 12 ms, the bundled HTML build 75 ->
# 69 ms); `leitbild check` on every save and small builds start that much sooner. libstdc++, fmt and
# libzip stay shared: fmt and libzip ship no archive, and one libstdc++ per process is the rule.
# Tests, sanitizer and fuzz builds link the shared libraries.
set(LEITBILD_STATIC_ARCHIVES "")
if(TARGET PkgConfig::JEMALLOC AND NOT LEITBILD_SHARED_ONLY)
  foreach(name cmark-gfm-extensions cmark-gfm xml2 yaml-cpp icui18n icuuc icudata deflate jemalloc)
    string(MAKE_C_IDENTIFIER "LEITBILD_ARCHIVE_${name}" var)
    find_library(${var} NAMES lib${name}.a)
    if(NOT ${var})
      message(STATUS "lib${name}.a not found: the leitbild binary links the shared libraries")
      set(LEITBILD_STATIC_ARCHIVES "")
      break()
    endif()
    list(APPEND LEITBILD_STATIC_ARCHIVES ${${var}})
  endforeach()
endif()

add_library(leitbild_deps INTERFACE)
add_library(leitbild::deps ALIAS leitbild_deps)
target_include_directories(leitbild_deps INTERFACE ${MUSTACHE_INCLUDE})
target_link_libraries(leitbild_deps INTERFACE
  PkgConfig::CMARK ${CMARK_EXTENSIONS_LIB} PkgConfig::ICU_I18N PkgConfig::ICU_UC PkgConfig::LIBXML2
  PkgConfig::LIBZIP PkgConfig::LIBDEFLATE yaml-cpp nlohmann_json::nlohmann_json CLI11::CLI11 fmt::fmt Threads::Threads)
