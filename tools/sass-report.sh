#!/usr/bin/env bash
# Register use, spills and the hot loop's instruction mix of every ILGPU kernel as SASS for an H100 (sm_90) — without
# a GPU. ILGPU writes the PTX (KernelCodeTests with KERNELS_PTX_DIR); ptxas and cuobjdump come from Debian 12's
# non-free nvidia-cuda-toolkit 11.8, downloaded and unpacked into $KERNELS_CUDA_TOOLS (never installed; ≈ 85 MB once).
# CUDA 11.8 reads PTX ISA 7.8, so the ".version 8.0" line ILGPU writes is lowered (our kernels use nothing newer).
# Run as root on Debian 12: bash tools/sass-report.sh [Class.Method filter]
# KERNELS_PTX_MIN_GROUPS_PER_SM=2 compiles the GEMM kernels with launch bounds for 2 groups per multiprocessor
# (≤ 128 registers), to see what ptxas spills for that occupancy.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${KERNELS_CUDA_TOOLS:-/tmp/kernels-cuda-tools}
if [ ! -x "$tools/usr/bin/ptxas" ]; then
  mkdir -p "$tools"
  list=/etc/apt/sources.list.d/kernels-nonfree.sources
  printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: non-free\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$list"
  trap 'rm -f "$list"' EXIT
  apt-get update -qq -o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts=/etc/apt/sources.list.d
  (cd "$tools" && apt-get download -qq nvidia-cuda-toolkit 2>/dev/null && dpkg-deb -x nvidia-cuda-toolkit_*.deb . && rm nvidia-cuda-toolkit_*.deb)
fi
ptx=$(mktemp -d)
KERNELS_PTX_DIR="$ptx" dotnet test tests/Kernels.Tests -c Release --filter "FullyQualifiedName~KernelCodeTests" -nologo -v q > "$ptx/test.log" 2>&1 || { tail -20 "$ptx/test.log"; exit 1; }
printf '%-58s %5s %6s  %s\n' kernel regs spill "hottest block: instructions (of them FMAs, shared loads)"
for f in "$ptx"/*${1:-}*.ptx; do
  name=$(basename "$f" .ptx)
  sed -i 's/^\.version 8\.0/.version 7.8/' "$f"
  # (the float-only 128-tile kernels, instantiated in double here, exceed the 48 KB of static shared memory)
  info=$("$tools/usr/bin/ptxas" -arch=sm_90 -v "$f" -o "$ptx/$name.cubin" 2>&1) || { printf '%-58s %s\n' "$name" "$(grep -m1 -o 'error.*' <<< "$info")"; continue; }
  regs=$(grep -o 'Used [0-9]* registers' <<< "$info" | grep -o '[0-9]*')
  spill=$(grep -o '[0-9]* bytes spill stores' <<< "$info" | grep -o '^[0-9]*')
  hot=$("$tools/usr/bin/cuobjdump" -sass "$ptx/$name.cubin" | /usr/bin/python3 -c '
import re, sys, collections
blocks, current = [], []
for line in sys.stdin:
    if line.startswith(".L"):
        if current: blocks.append(current)
        current = []
        continue
    m = re.match(r"\s+/\*[0-9a-f]+\*/\s+(.*?);", line)
    if not m: continue
    words = m.group(1).split()
    current.append((words[1] if words[0].startswith("@") else words[0]).split(".")[0])
    if current[-1] in ("BRA", "EXIT"): blocks.append(current); current = []
if current: blocks.append(current)
fma = lambda b: sum(o in ("FFMA", "DFMA") for o in b)
best = max(blocks, key=lambda b: (fma(b), len(b)))
lds = best.count("LDS")
print(f"{len(best)} ({fma(best)} FMA, {lds} LDS)")')
  printf '%-58s %5s %6s  %s\n' "$name" "$regs" "$spill" "$hot"
done
rm -rf "$ptx"
