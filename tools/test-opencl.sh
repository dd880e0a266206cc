#!/usr/bin/env bash
# Runs the cross-backend device suite on an OpenCL device: PoCL 6's CPU device from Debian trixie, in a chroot.
# Why a chroot: Debian 12's PoCL 3.1 reports OpenCL C 1.2 without generic address space, which ILGPU 1.5.3 refuses;
# PoCL 6.0 (trixie) is accepted. The in-process runner is published self-contained for linux-x64 with the ILGPU
# backend (-p:KernelsIlgpu=true), so the chroot needs no .NET of its own — only PoCL and the OpenCL ICD loader.
# Usage: tools/test-opencl.sh [FILTER...]   (default filter: Device)   Needs root (debootstrap, chroot, mounts).
# Set-up ≈ 2 minutes and 0.85 GB the first time (kept in $KERNELS_OPENCL_ROOT, default /tmp/kernels-trixie).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${KERNELS_OPENCL_ROOT:-/tmp/kernels-trixie}
runner=${TMPDIR:-/tmp}/kernels-tests-x64-ilgpu
if [ ! -x "$root/usr/bin/clinfo" ]; then
  command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
  debootstrap --variant=minbase --include=pocl-opencl-icd,ocl-icd-libopencl1,ocl-icd-opencl-dev,clinfo \
    trixie "$root" http://deb.debian.org/debian >/dev/null
fi
dotnet publish tests/Kernels.TestRunner -c Release -r linux-x64 --self-contained -p:KernelsIlgpu=true -o "$runner" -nologo -v q
mkdir -p "$root/runner" "$root/proc" "$root/sys" "$root/dev"
cleanup() { for m in runner dev sys proc; do umount "$root/$m" 2>/dev/null || true; done; }
trap cleanup EXIT
mount --bind "$runner" "$root/runner"
mount -t proc proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
echo "OpenCL devices in the chroot:"; chroot "$root" clinfo -l
[ $# -gt 0 ] || set -- Device
# The device ids each theory ran on are printed, so a missing OpenCL device cannot pass unnoticed.
chroot "$root" /usr/bin/env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 KERNELS_RUNNER_VERBOSE=1 HOME=/root \
  /runner/Kernels.TestRunner "$@" | tee "${TMPDIR:-/tmp}/kernels-opencl-tests.log" | grep -v "^passed "
ran=$(grep -c '^passed .*"opencl:' "${TMPDIR:-/tmp}/kernels-opencl-tests.log" || true)
echo "test cases passed on opencl devices: $ran"
[ "$ran" -gt 0 ] || { echo "no test ran on an OpenCL device"; exit 1; }
