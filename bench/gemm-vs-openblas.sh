#!/usr/bin/env bash
# GEMM GFLOP/s, Kernels vs NumPy's OpenBLAS, in one run on this machine (same shapes, same threads).
# Needs Debian's python3-numpy and libopenblas0-pthread (installed here if missing; root required for that).
# Usage: bench/gemm-vs-openblas.sh [SIZES] [SHAPES] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-256,1024,2048}; shapes=${2:-16x4096x4096}; repeat=${3:-5}
if ! /usr/bin/python3 -c "import numpy" 2>/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
  apt-get update -qq && apt-get install -y -qq python3-numpy libopenblas0-pthread >/dev/null
fi
dotnet build src/Cli -c Release -v q -nologo >/dev/null
# Build servers linger after a build and steal a core; timings need them gone.
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 2
kernels="dotnet src/Cli/bin/Release/net10.0/kernels.dll"
$kernels info | grep -E "isa_features|cpu_kernel_set|caches|gemm_blocking"
/usr/bin/python3 -c "import numpy; numpy.show_config()" 2>/dev/null | grep -iE "openblas|blas_opt" | head -2 || true
printf "\n%-6s %-4s %-18s %12s %12s %7s\n" dtype thr "m×n×k" "ours GF/s" "OpenBLAS" ratio
for dtype in f32 f64; do
  for threads in 1 2; do
    ours=$($kernels bench gemm --sizes "$sizes" --shapes "$shapes" --dtype $dtype --threads $threads --repeat "$repeat" | tail -n +3)
    ref=$(OPENBLAS_NUM_THREADS=$threads /usr/bin/python3 bench/openblas_gemm.py --sizes "$sizes" --shapes "$shapes" --dtype $dtype --repeat "$repeat" | tail -n +3)
    paste <(echo "$ours") <(echo "$ref") | awk -v d=$dtype -v t=$threads '{ printf "%-6s %-4s %-18s %12.1f %12.1f %6.2fx\n", d, t, $1, $3, $6, $3/$6 }'
  done
done
