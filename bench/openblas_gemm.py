#!/usr/bin/env python3
"""GFLOP/s of NumPy's matmul (OpenBLAS from Debian's python3-numpy) for the shapes `kernels bench gemm` times.
Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/openblas_gemm.py --sizes 256,1024 --dtype f32 [--shapes 16x4096x4096]
Prints the same table layout as `kernels bench gemm` (median of --repeat samples)."""
import argparse, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--sizes", default="256,512,1024,2048")
ap.add_argument("--dtype", default="f32")
ap.add_argument("--shapes", default="")
ap.add_argument("--repeat", type=int, default=5)
args = ap.parse_args()
dt = np.float32 if args.dtype in ("f32", "float32") else np.float64
shapes = [(s, s, s) for s in map(int, args.sizes.split(","))]
shapes += [tuple(map(int, s.split("x"))) for s in args.shapes.split(",") if s]
try:
    cfg = np.__config__.CONFIG["Build Dependencies"]["blas"]["name"]
except Exception:
    cfg = "numpy BLAS"
print(f"numpy {np.__version__} ({cfg}) matmul: {args.dtype}, median of {args.repeat}")
print(f"{'m×n×k':<20} {'ms':>10} {'GFLOP/s':>9}")
rng = np.random.default_rng(0)
for m, n, k in shapes:
    a = rng.uniform(-1, 1, (m, k)).astype(dt)
    b = rng.uniform(-1, 1, (k, n)).astype(dt)
    c = np.empty((m, n), dt)
    flops = 2.0 * m * n * k
    inner = int(min(1000, max(1, 5e9 / flops)))
    np.matmul(a, b, out=c); np.matmul(a, b, out=c)
    samples = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for _ in range(inner):
            np.matmul(a, b, out=c)
        samples.append((time.perf_counter() - t) / inner)
    s = sorted(samples)[len(samples) // 2]
    print(f"{f'{m}×{n}×{k}':<20} {s * 1e3:10.3f} {flops / s / 1e9:9.2f}")
