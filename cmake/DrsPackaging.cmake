# Debian package of the application: what `cmake --install` / CPack put
# under /usr besides the binaries (man pages generated from --help, PNG icons rendered
# from the SVG, the Debian copyright file), and the CPack DEB settings.
#
#   cmake --build <build> && (cd <build> && cpack -G DEB)    # or scripts/package-deb.sh
#
# The binaries, the desktop file, the AppStream metainfo, the SVG icon (app/) and the
# demo model set (tools/make_demo_models) carry their own install rules.
include_guard(GLOBAL)
include(GNUInstallDirs)

set(DRS_APP_ID io.github.diffrhythm_studio.DiffRhythmStudio)
set(DRS_PACKAGE_NAME diffrhythm-studio)
set(_drs_pkg_dir ${DRS_ROOT}/packaging)
set(_drs_metainfo ${_drs_pkg_dir}/linux/${DRS_APP_ID}.metainfo.xml)
set(_drs_out ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${_drs_out}/man ${_drs_out}/icons)

# --- Man pages: generated at build time from the programs' --help text -------------
# (packaging/man/help2man.py; the hand-written FILES/ENVIRONMENT/NOTES parts are the
# packaging/man/*.man files). tests/packaging checks every option and command of the
# live --help is in the page.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(DRS_MAN_PAGES "")
if(NOT DRS_ENGINE_ONLY)
  set(_drs_man_common
      --version ${PROJECT_VERSION} --metainfo ${_drs_metainfo})
  add_custom_command(
    OUTPUT ${_drs_out}/man/diffrhythm-cli.1.gz
    COMMAND ${Python3_EXECUTABLE} ${_drs_pkg_dir}/man/help2man.py ${_drs_man_common}
            --name diffrhythm-cli
            --summary "generate songs from lyrics and a style prompt, without a display"
            --help-from $<TARGET_FILE:diffrhythm-cli>
            --extra ${_drs_pkg_dir}/man/diffrhythm-cli.man
            --extra ${_drs_pkg_dir}/man/common.man
            --output ${_drs_out}/man/diffrhythm-cli.1.gz
    DEPENDS diffrhythm-cli ${_drs_pkg_dir}/man/help2man.py ${_drs_metainfo}
            ${_drs_pkg_dir}/man/diffrhythm-cli.man ${_drs_pkg_dir}/man/common.man
    COMMENT "Generating the diffrhythm-cli man page from its --help"
    VERBATIM)
  # The desktop app has no --help of its own (Qt parses its options); its "help text"
  # is packaging/man/diffrhythm-studio.help, in the same format.
  add_custom_command(
    OUTPUT ${_drs_out}/man/diffrhythm-studio.1.gz
    COMMAND ${Python3_EXECUTABLE} ${_drs_pkg_dir}/man/help2man.py ${_drs_man_common}
            --name diffrhythm-studio
            --summary "turn timed lyrics and a style prompt into a song (desktop application)"
            --help-file ${_drs_pkg_dir}/man/diffrhythm-studio.help
            --extra ${_drs_pkg_dir}/man/diffrhythm-studio.man
            --extra ${_drs_pkg_dir}/man/common.man
            --output ${_drs_out}/man/diffrhythm-studio.1.gz
    DEPENDS ${_drs_pkg_dir}/man/help2man.py ${_drs_metainfo}
            ${_drs_pkg_dir}/man/diffrhythm-studio.help ${_drs_pkg_dir}/man/diffrhythm-studio.man
            ${_drs_pkg_dir}/man/common.man
    COMMENT "Generating the diffrhythm-studio man page"
    VERBATIM)
  set(DRS_MAN_PAGES ${_drs_out}/man/diffrhythm-cli.1.gz ${_drs_out}/man/diffrhythm-studio.1.gz)
  add_custom_target(drs_man_pages ALL DEPENDS ${DRS_MAN_PAGES})
  install(FILES ${DRS_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# --- Icons: 128 and 256 px PNGs rendered from the SVG (librsvg2-bin) ---------------
set(DRS_PNG_ICONS "")
if(NOT DRS_ENGINE_ONLY)
  find_program(DRS_RSVG_CONVERT rsvg-convert)
  if(NOT DRS_RSVG_CONVERT)
    message(FATAL_ERROR "rsvg-convert not found (the PNG icons): install Debian's librsvg2-bin "
                        "(scripts/install-deps.sh)")
  endif()
  foreach(size 128 256)
    set(_png ${_drs_out}/icons/${size}x${size}/${DRS_APP_ID}.png)
    add_custom_command(
      OUTPUT ${_png}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${_drs_out}/icons/${size}x${size}
      COMMAND ${DRS_RSVG_CONVERT} --width ${size} --height ${size} --keep-aspect-ratio
              --output ${_png} ${_drs_pkg_dir}/linux/${DRS_APP_ID}.svg
      DEPENDS ${_drs_pkg_dir}/linux/${DRS_APP_ID}.svg
      COMMENT "Rendering the ${size}x${size} application icon"
      VERBATIM)
    install(FILES ${_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    list(APPEND DRS_PNG_ICONS ${_png})
  endforeach()
  add_custom_target(drs_png_icons ALL DEPENDS ${DRS_PNG_ICONS})
endif()

# --- Licences -------------------------------------------------------------------------
if(NOT DRS_ENGINE_ONLY)
  install(FILES ${_drs_pkg_dir}/debian/copyright ${DRS_ROOT}/NOTICE
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${DRS_PACKAGE_NAME})
endif()

# --- CPack: one .deb for Debian 12 --------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${DRS_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The DiffRhythm Studio developers")
set(CPACK_PACKAGE_CONTACT "The DiffRhythm Studio developers <diffrhythm-studio@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turn timed lyrics and a style prompt into a song")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${_drs_pkg_dir}/debian/description.txt)
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/diffrhythm-studio/diffrhythm-studio")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # Debian policy: installed binaries are stripped
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # diffrhythm-studio_<version>-<release>_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Libraries from dpkg-shlibdeps on the binaries, plus what is loaded at run time and
# so invisible to it: the espeak-ng phoneme data, the GStreamer plugins Qt Multimedia
# plays through, and OpenBLAS (libtorch only asks for "libblas3 | libblas.so.3": the
# reference BLAS would satisfy that and be ~50x slower; OpenBLAS's alternative has the
# higher priority, so with it installed libblas.so.3 resolves to OpenBLAS).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "espeak-ng-data, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, libopenblas0-pthread")
# The SVG window icon (Qt's SVG plugins), Qt's own translations (standard dialogs in
# German/Chinese), CA certificates for model downloads over HTTPS, CJK glyphs for
# Chinese lyrics and the zh_CN interface.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libqt6svg6, qt6-translations-l10n, ca-certificates, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
# Reproducible: every time stamp in the package is SOURCE_DATE_EPOCH (CPack DEB honours
# it), which DrsCPackOptions sets from the last commit unless it is set already.
configure_file(${_drs_pkg_dir}/debian/DrsCPackOptions.cmake.in
               ${CMAKE_BINARY_DIR}/DrsCPackOptions.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_BINARY_DIR}/DrsCPackOptions.cmake)
# `cpack --config CPackSourceConfig.cmake` / the package_source target: sources only.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "\\\\.swp$")
include(CPack)

if(DRS_BUILD_TESTS)
  add_subdirectory(${DRS_ROOT}/tests/packaging ${CMAKE_BINARY_DIR}/tests/packaging)
endif()
