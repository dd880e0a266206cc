#!/usr/bin/env bash
# Packs what a GPU machine without .NET needs to run the device suite and the device benchmarks: the in-process
# test runner (with the ILGPU backend) and the `kernels` CLI, published self-contained for linux-x64 into one folder,
# as ${1:-.devpub}/app.tar.xz (≈ 30 MB), plus run.sh. On the GPU machine, from that folder:
#   bash run.sh            # CUDA device suite, then `kernels bench devices --backend cuda:0 --large`
# The H100 (2026-11-24) and H200 (2026-12-04) figures in the README came from exactly this; cuBLAS and the copy reference
# from PyTorch on the same machine (see the README's device section).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.devpub}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
dotnet publish tests/Kernels.TestRunner -c Release -r linux-x64 --self-contained -p:KernelsIlgpu=true -o "$work/devapp" -nologo -v q
dotnet publish src/Cli -c Release -r linux-x64 --self-contained -o "$work/devapp" -nologo -v q
tar -C "$work" -cf - devapp | xz -T0 -6 > "$out/app.tar.xz"
cat > "$out/run.sh" <<'RUN'
#!/bin/bash
cd "$(dirname "$0")"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 HOME=${HOME:-/tmp}
tar -xJf app.tar.xz -C /tmp && A=/tmp/devapp
$A/kernels info
KERNELS_RUNNER_VERBOSE=1 $A/Kernels.TestRunner '"cuda:0"' | grep -v '^passed '
$A/kernels bench devices --backend cuda:0 --large --repeat 5
$A/kernels bench devices --backend cuda:0 --dtype f64 --large --repeat 3
RUN
echo "wrote $out/app.tar.xz and $out/run.sh"
