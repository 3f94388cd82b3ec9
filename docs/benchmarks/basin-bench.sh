#!/usr/bin/env bash
# Descent's basin map against the numpy reference, whole processes, interleaved so that both
# see the same machine: Himmelblau over [-5, 5]^2, 500 steps of momentum (lr 0.01, momentum
# 0.9). Then the labels of the two are compared start by start.
#   bash docs/benchmarks/basin-bench.sh [GRID] [ROUNDS]      (after mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
grid=${1:-1024}
rounds=${2:-3}
jar=target/descent.jar
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq "$rounds"); do
  /usr/bin/time -f "numpy   ${grid}^2 round $r: %e s wall, %U s user" \
    python3 docs/benchmarks/basin_numpy.py --grid "$grid" 2>&1 | grep -v '^numpy [0-9]' || true
  /usr/bin/time -f "descent ${grid}^2 round $r: %e s wall, %U s user (CSV written)" \
    java -jar "$jar" basin docs/benchmarks/himmelblau-basin.yaml --grid "$grid" \
    --out "$out/descent.csv" --quiet
done
python3 docs/benchmarks/basin_numpy.py --grid "$grid" --compare "$out/descent.csv"
