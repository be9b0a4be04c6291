# Installation in the Debian places (cmake --install, DESTDIR honoured) and
# the .deb of `cpack -G DEB`: programs in /usr/bin, bundled data in
# /usr/share/tec-search, systemd units in /lib/systemd/system.
install(TARGETS tec-index tec-searchd tec-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${PROJECT_SOURCE_DIR}/deploy/tec-sync-dropdir DESTINATION ${CMAKE_INSTALL_BINDIR})
# Read at run time by tec-searchd (--territories, --web) and tec-index
# (--territories); the schema, thesaurus and acronyms are compiled in.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/territories/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tec-search/territories
        FILES_MATCHING PATTERN "*.tsv" PATTERN "README.md")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/searchd/web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tec-search/web
        PATTERN "*.sh" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# /lib/systemd/system is Debian's place for packaged units, outside the prefix.
install(FILES ${PROJECT_SOURCE_DIR}/deploy/tec-searchd.service ${PROJECT_SOURCE_DIR}/deploy/tec-sync.service
              ${PROJECT_SOURCE_DIR}/deploy/tec-sync.timer
        DESTINATION /lib/systemd/system)

set(CPACK_PACKAGE_NAME tec-search)
set(CPACK_PACKAGE_VENDOR "Territoires en commun")
set(CPACK_PACKAGE_CONTACT "Territoires en commun <tec-search@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Moteur de recherche et de recommandation de la base Territoires en commun")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Debug information stays in the build tree.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
# The Debian 12 packages of the libraries the three programs link (ldd, then
# dpkg -S), plus the French dictionary FrenchDictionary loads at run time.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, zlib1g, libxapian30, libicu72, libgumbo1, libhunspell-1.7-0, libcsv3, libsodium23, \
libcpp-httplib0.11, libspdlog1.10, libfmt9, libprometheus-cpp-core1.0, libuuid1, libssl3, libbrotli1, hunspell-fr-comprehensive")
include(CPack)
