#!/usr/bin/env bash
# Runs the test suite (or the tests whose names contain one of the arguments) on Arm64 under qemu-user: publishes the
# in-process runner tests/Kernels.TestRunner self-contained for linux-arm64 and executes it in qemu-aarch64, where
# AdvSimd and Vector128 are the hardware paths. The whole suite takes about 7 minutes here; CI runs all of it.
# Usage: tools/test-arm64.sh [FILTER...]      e.g. tools/test-arm64.sh Transport Elementwise
# Needs root for apt (qemu-user-static and the arm64 C runtime); the arm64 .NET runtime pack comes from NuGet.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v qemu-aarch64-static >/dev/null || [ ! -d /usr/aarch64-linux-gnu/lib ]; then
  apt-get update -qq
  apt-get install -y -qq qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross >/dev/null
fi
out=${TMPDIR:-/tmp}/kernels-tests-arm64
dotnet publish tests/Kernels.TestRunner -c Release -r linux-arm64 --self-contained -o "$out" -nologo -v q
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
# W^X off: by default the runtime writes JIT-compiled code through a second, writable mapping of the executable
# pages. qemu-user translates guest code per page and only notices self-modifying code written through the mapping
# it executes, so through the other mapping it kept running stale translations of re-jitted methods (tiered
# compilation, stubs): SIGSEGV/SIGILL, or NullReference and type-confusion failures in natively green tests. With
# one mapping the whole suite passes. This changes only how the runtime maps its code, not any of our kernels.
export DOTNET_EnableWriteXorExecute=0
qemu-aarch64-static -L /usr/aarch64-linux-gnu "$out/Kernels.TestRunner" "$@"
