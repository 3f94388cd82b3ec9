#!/usr/bin/env bash
# Regenerates every image of the documentation (docs/images/*.png) from the scenarios in
# scenarios/, with the app's own painters, headless: no display is needed.
#
#   mvn -B -q -DskipTests package     # builds target/descent.jar
#   docs/make-images.sh               # writes docs/images/
#
# Another jar:          DESCENT_JAR=/path/to/descent.jar docs/make-images.sh
# Only some images:     docs/make-images.sh contour-symbols charts-diverged
#
# Each image is one `descent render ... --still` command (listed below); the pictures depend
# only on the scenario files and the jar, so the same jar draws the same images. A `network`
# view, or a `layout` of a scenario with a `network:` section, first trains the scenario's
# network headless, as the app does (a few seconds each; network-batch-norm about fifteen).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${DESCENT_JAR:-$root/target/descent.jar}"
out="$root/docs/images"

if ! command -v java >/dev/null 2>&1; then
  echo "make-images.sh: java is not on the PATH; install a Java 17 (or newer) runtime" >&2
  exit 1
fi
if [[ ! -f "$jar" ]]; then
  echo "make-images.sh: $jar not found." >&2
  echo "Build it first:  (cd $root && mvn -B -q -DskipTests package)" >&2
  echo "or point DESCENT_JAR at a built descent.jar." >&2
  exit 1
fi

# name | scenario | view | size | more render options
images=(
  "layout-light|rosenbrock-race|layout|1600x900|"
  "contour-symbols|himmelblau-basins|contour|1000x800|"
  "surface|second-order-rosenbrock|surface|1000x750|"
  "charts-left-view|lr-instability|charts|1200x450|"
  "charts-diverged|beale|charts|1200x450|"
  "charts-no-minimum|saddle-escape|charts|1200x450|"
  "playback-step30|nesterov-vs-momentum|contour|900x500|--step 30"
  "cliff-left-view|cliff-clipping|contour|1000x600|--step 20"
  "averaging|iterate-averaging|contour|1000x700|"
  "trail|noise-lr-decay|contour|1000x700|"
  "theme-dark|momentum-ravine|layout|1280x720|--theme dark"
  "presentation-high-contrast|cliff-clipping|layout|1600x900|--theme high-contrast --presentation"
  "lr-oscillation|lr-oscillation|contour|900x600|"
  "lr-instability|lr-instability|contour|900x600|--step 12"
  "coordinate-coupled|coordinate-coupled|contour|800x800|"
  "newton-saddle|newton-saddle|contour|800x800|"
  "plateau|plateau|charts|1200x450|"
  "adaptive-axis-aligned|adaptive-axis-aligned|contour|800x800|"
  "adaptive-rotated|adaptive-rotated|contour|800x800|"
  "offset-inputs|offset-inputs|contour|700x800|"
  "centered-inputs|centered-inputs|contour|700x800|"
  "six-hump-camel|six-hump-camel|contour|1000x650|"
  "around-the-mountain|around-the-mountain|contour|1000x800|"
  "layout-network|network-dead-relu|layout|1600x900|"
  "network-regions|network-zero-init|network|1200x800|"
  "network-accuracy|network-momentum-digits|network|1200x800|"
  "network-unnormalized-inputs|network-unnormalized-inputs|network|1200x800|"
  "network-batch-norm|network-batch-norm|network|1200x800|"
  "network-minibatch-size|network-minibatch-size|network|1200x800|"
)

mkdir -p "$out"
wanted=("$@")
written=0
for row in "${images[@]}"; do
  IFS='|' read -r name scenario view size more <<<"$row"
  if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " == *" $name "* ]]; then
    continue
  fi
  file="$root/scenarios/$scenario.yaml"
  if [[ ! -f "$file" ]]; then
    echo "make-images.sh: $file not found (image $name)" >&2
    exit 1
  fi
  # shellcheck disable=SC2086 # $more holds several options on purpose
  if ! msg=$(java -Djava.awt.headless=true -jar "$jar" render "$file" --still "$out/$name.png" \
      --view "$view" --size "$size" --force $more 2>&1); then
    echo "make-images.sh: rendering $name from $file failed:" >&2
    echo "$msg" >&2
    exit 1
  fi
  echo "docs/images/$name.png  ($scenario, $view, $size${more:+, $more})"
  written=$((written + 1))
done
if [[ $written -eq 0 ]]; then
  echo "make-images.sh: no image is named ${wanted[*]}" >&2
  exit 1
fi
echo "$written images written to docs/images/"
