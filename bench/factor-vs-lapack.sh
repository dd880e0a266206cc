#!/usr/bin/env bash
# Times the factorizations in `kernels bench factor` and LAPACK through SciPy/OpenBLAS (bench/lapack_reference.py)
# on the same shapes, one after the other, single-threaded, and prints the time ratio (ours / LAPACK; < 1 is faster).
# Usage: bench/factor-vs-lapack.sh [f64|f32] [REPEAT]
# Prefix DOTNET_EnableAVX512=0 OPENBLAS_CORETYPE=Haswell to compare the AVX2 paths on an AVX-512 machine.
set -euo pipefail
cd "$(dirname "$0")/.."
dtype=${1:-f64}
repeat=${2:-7}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
dotnet build src/Cli -c Release -v q >/dev/null
# Build servers (MSBuild nodes, the compiler server) linger after a build and steal a core; timings need them gone.
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 2
ours=$(dotnet src/Cli/bin/Release/net10.0/kernels.dll bench factor --dtype "$dtype" --threads 1 --repeat "$repeat" | tail -n +3)
ref=$(OPENBLAS_NUM_THREADS=1 "$py" bench/lapack_reference.py --dtype "$dtype" | tail -n +3)
printf '%-26s %10s %10s %8s\n' "routine ($dtype, 1 thread)" "ours ms" "LAPACK ms" "ratio"
join -t $'\t' <(echo "$ours" | awk '{printf "%s %s\t%s\n", $1, $2, $3}' | sort) \
              <(echo "$ref" | awk '{printf "%s %s\t%s\n", $1, $2, $3}' | sort) |
  awk -F'\t' '{printf "%-26s %10.2f %10.2f %7.2fx\n", $1, $2, $3, $2 / $3}'
