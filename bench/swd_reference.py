#!/usr/bin/env python3
"""Reference timings for `kernels bench transport`: sliced Wasserstein distance with POT (ot.sliced_wasserstein_distance)
and a plain NumPy implementation (one projection GEMM, np.sort per column, mean of |differences|^p), plus POT's
sinkhorn_log and wasserstein_1d. Run with one BLAS thread for the 1-thread comparison:
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 bench/swd_reference.py [--only swd,sinkhorn,w1d] [--dtype f64|f32]
Debian packages: python3-numpy, python3-pot (0.8.2)."""
import argparse, time
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--only", default="swd,sinkhorn,w1d")
ap.add_argument("--dtype", default="f64")
ap.add_argument("--repeat", type=int, default=3)
args = ap.parse_args()
dt = np.float64 if args.dtype == "f64" else np.float32
only = set(args.only.split(","))

def best(f, r=args.repeat):
    t = []
    for _ in range(r):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t) * 1e3

def numpy_swd(x, y, theta, p=2):
    # The plain implementation the issue names (uniform weights, n == m).
    px = np.sort(x @ theta, axis=0)
    py = np.sort(y @ theta, axis=0)
    return np.mean(np.mean(np.abs(px - py) ** p, axis=0)) ** (1 / p)

try:
    import ot
except ImportError:
    ot = None

rng = np.random.default_rng(0)
if "swd" in only:
    for n, d, P in [(10000, 3, 50), (10000, 64, 50), (100000, 64, 500)]:
        x = rng.standard_normal((n, d)).astype(dt); y = (rng.standard_normal((n, d)) + 0.5).astype(dt)
        theta = rng.standard_normal((d, P)); theta /= np.linalg.norm(theta, axis=0); theta = theta.astype(dt)
        r = 1 if n >= 100000 else args.repeat
        print(f"swd numpy  n=m={n} d={d} P={P} {args.dtype}: {best(lambda: numpy_swd(x, y, theta), r):9.1f} ms")
        if ot is not None and n <= 10000:
            print(f"swd POT    n=m={n} d={d} P={P} {args.dtype}: {best(lambda: ot.sliced_wasserstein_distance(x, y, projections=theta), r):9.1f} ms")
if "w1d" in only and ot is not None:
    n = 1000000
    u = rng.standard_normal(n); v = rng.standard_normal(n) + 1
    print(f"w1d POT    n=m={n} p=2: {best(lambda: ot.wasserstein_1d(u, v, p=2)):9.1f} ms")
if "sinkhorn" in only and ot is not None:
    n = 1000
    x = rng.standard_normal((n, 8)); y = rng.standard_normal((n, 8)) + 1
    a = np.full(n, 1 / n); b = np.full(n, 1 / n)
    M = ot.dist(x, y)
    print(f"sinkhorn_log POT n=m={n} eps=0.1·mean(M) 100 its: {best(lambda: ot.sinkhorn(a, b, M, 0.1 * M.mean(), method='sinkhorn_log', numItermax=100, stopThr=0)):9.1f} ms")
