#!/usr/bin/env bash
# Executes the Arm64 NEON (AdvSimd) and portable Vector128 GEMM micro-kernels under qemu-user:
# publishes the `kernels` CLI self-contained for linux-arm64 and runs `kernels verify gemm` in qemu-aarch64.
# Needs root for apt (qemu-user-static and the arm64 C runtime); the arm64 .NET runtime pack comes from NuGet.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v qemu-aarch64-static >/dev/null || [ ! -d /usr/aarch64-linux-gnu/lib ]; then
  apt-get update -qq
  apt-get install -y -qq qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross >/dev/null
fi
out=${TMPDIR:-/tmp}/kernels-arm64
dotnet publish src/Cli -c Release -r linux-arm64 --self-contained -o "$out" -nologo -v q
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
qemu-aarch64-static -L /usr/aarch64-linux-gnu "$out/kernels" info | grep -E "architecture|isa_features|cpu_kernel_set|gemm_blocking"
qemu-aarch64-static -L /usr/aarch64-linux-gnu "$out/kernels" verify gemm
# The portable Vector128 kernel with Arm's FMA-backed MultiplyAddEstimate, and scalar with intrinsics off:
DOTNET_EnableHWIntrinsic=0 qemu-aarch64-static -L /usr/aarch64-linux-gnu "$out/kernels" verify gemm | tail -2
