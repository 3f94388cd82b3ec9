#!/bin/sh
# Last steps of the Linux package build:
#
#   finish.sh DIST VERSION
#
# Names the .deb descent_VERSION_amd64.deb (jpackage adds a release, -1), then dumps the app
# image's class-data-sharing archive. On Java 17 an archive only matches the class path it was
# dumped with, so this one serves DIST/Descent where it is; the .deb was made before it and
# dumps its own at install time (its postinst).
set -eu

dist=$1
version=$2
image="$dist/Descent"

for deb in "$dist"/descent_"$version"-*_amd64.deb; do
  [ -e "$deb" ] && mv -f "$deb" "$dist/descent_${version}_amd64.deb"
done

"$image/lib/runtime/bin/java" -Xshare:dump \
    -XX:SharedClassListFile="$image/lib/app/descent.classlist" \
    -XX:SharedArchiveFile="$image/lib/app/descent.jsa" \
    -cp "$(cd "$image/lib/app" && pwd -P)/descent.jar" > "$dist/cds-dump.log" 2>&1 \
  || { echo "CDS archive: dump failed, see $dist/cds-dump.log"; exit 1; }
echo "CDS archive: $image/lib/app/descent.jsa ($(du -h "$image/lib/app/descent.jsa" | cut -f1))"
