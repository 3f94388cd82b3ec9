#!/bin/sh
# Records the classes a start-up loads, for the class-data-sharing archive of the app image
# and of the .deb (its postinst dumps the archive from this list).
#
#   classlist.sh JAVA JAR LIST SCENARIO
#
# JAVA is the build's JDK: the app image's runtime is jlink'd from the same JDK, so the class
# names match, and the list is ready before jpackage copies JAR's folder into the app.
#
# With Xvfb, the app itself starts on a private virtual screen and quits once the contour map
# and the surface are drawn (-Ddescent.exitAfterFirstPicture=true): the list then holds what
# the first picture needs, JavaFX included. Without Xvfb (a bare build machine), a headless
# still of SCENARIO stands in: it loads the model, the pictures and Java2D, not JavaFX.
set -eu

java=$1
jar=$2
list=$3
scenario=$4
work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# a home of its own, so that the build's start of the app leaves no settings in the builder's
home="$work/home"
mkdir -p "$home"

rm -f "$list"
if command -v Xvfb > /dev/null 2>&1; then
  # -displayfd picks a free display number, so parallel builds do not collide
  mkfifo "$work/display"
  Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3> "$work/display" \
      > "$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  display=$(timeout 20 head -n 1 "$work/display" || true)
  if [ -n "$display" ] && DISPLAY=":$display" HOME="$home" timeout 180 "$java" \
      -Duser.home="$home" -Ddescent.exitAfterFirstPicture=true \
      -XX:DumpLoadedClassList="$list" -cp "$jar" org.descent.Launcher \
      > "$work/app.log" 2>&1 && [ -s "$list" ]; then
    echo "class list: $(wc -l < "$list") classes from a start-up of the app under Xvfb"
    exit 0
  fi
  echo "class list: the app did not start under Xvfb (display '${display}'); using a headless still"
  cat "$work/app.log" 2> /dev/null || true
  rm -f "$list"
fi
HOME="$home" "$java" -Duser.home="$home" -Djava.awt.headless=true \
    -XX:DumpLoadedClassList="$list" -cp "$jar" org.descent.Launcher \
    render "$scenario" --still "$work/still.png" --size 1366x768 > "$work/render.log" 2>&1 \
  || { cat "$work/render.log"; exit 1; }
echo "class list: $(wc -l < "$list") classes from a headless still (no Xvfb here)"
