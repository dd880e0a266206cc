#!/usr/bin/env bash
# Times `kernels bench spectral` and LAPACK through SciPy/OpenBLAS (bench/lapack_reference.py --spectral) on the
# same shapes, one after the other, single-threaded, and prints the time ratio (ours / LAPACK; < 1 is faster).
# Rows pair up in order: svd↔gesdd, eigh values↔syevr, eigh vectors↔syevd, eig↔geev.
# Usage: bench/spectral-vs-lapack.sh [SIZE] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
repeat=${2:-3}
py=/usr/bin/python3; [ -x "$py" ] || py=python3
dotnet build src/Cli -c Release -v q >/dev/null
# Build servers linger after a build and steal a core; timings need them gone.
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep 2
ours=$(dotnet src/Cli/bin/Release/net10.0/kernels.dll bench spectral --size "$size" --threads 1 --repeat "$repeat" | tail -n +3)
ref=$(OPENBLAS_NUM_THREADS=1 "$py" bench/lapack_reference.py --spectral --size "$size" | tail -n +3)
printf '%-32s %10s %10s %8s\n' "routine (f64, 1 thread)" "ours ms" "LAPACK ms" "ratio"
paste <(echo "$ours" | awk '{t=$NF; $NF=""; printf "%s\t%s\n", $0, t}') <(echo "$ref" | awk '{print $NF}') |
  awk -F'\t' '{printf "%-32s %10.2f %10.2f %7.2fx\n", $1, $2, $3, $2 / $3}'
