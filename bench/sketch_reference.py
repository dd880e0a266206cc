#!/usr/bin/env python3
"""scikit-learn / SciPy references for `kernels bench solvers --only rsvd,lstsq` (same shapes and matrix families, 1 thread):
randomized_svd of a 4000x2000 matrix with make_low_rank_matrix's spectrum (effective rank 50, tail 0.5) at rank 50, and
dense least squares at 20000x200 with condition 1e10. Needs python3-numpy, python3-scipy, python3-sklearn (Debian).
Run: /usr/bin/python3 bench/sketch_reference.py"""
import os
for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"): os.environ[v] = "1"
import time, numpy as np, scipy.linalg as sl
from sklearn.utils.extmath import randomized_svd

def median(f, r=3):
    ts = []
    for _ in range(r):
        t = time.perf_counter(); out = f(); ts.append(time.perf_counter() - t)
    return sorted(ts)[len(ts) // 2], out

def with_spectrum(rng, m, n, s):
    u, _ = np.linalg.qr(rng.standard_normal((m, len(s))))
    v, _ = np.linalg.qr(rng.standard_normal((n, len(s))))
    return (u * s) @ v.T

rng = np.random.default_rng(11)
m, n, k = 4000, 2000, 50
i = np.arange(n)
s = 0.5 * np.exp(-(i / 50) ** 2) + 0.5 * np.exp(-0.1 * i / 50)
A = with_spectrum(rng, m, n, s)
opt = np.sqrt((s[k:] ** 2).sum())
print("randomized svd 4000x2000, rank 50 (scikit-learn %s)          ms   |A - USVt|_F / optimal" % __import__("sklearn").__version__)
for label, it in (("defaults: n_iter auto (7), LU", "auto"), ("n_iter 2", 2), ("n_iter 1", 1)):
    t, (u, sv, vt) = median(lambda: randomized_svd(A, k, n_oversamples=10, n_iter=it, random_state=0))
    print(f"  {label:<44} {t*1e3:9.1f}   {np.linalg.norm(A - (u * sv) @ vt) / opt:.6f}")

rng = np.random.default_rng(21)
m, n = 20000, 200
A = with_spectrum(rng, m, n, 10.0 ** (-10.0 * np.arange(n) / (n - 1)))
b = rng.uniform(-0.5, 0.5, m)
L = np.longdouble
def resid(x):
    r = b.astype(L) - A.astype(L) @ x.astype(L)
    return float(np.sqrt((r * r).sum()))
def qr_solve():
    q, r = sl.qr(A, mode="economic")
    return sl.solve_triangular(r, q.T @ b)
def qr_raw_solve():  # geqrf + ormqr-free: apply Q^T through the compact form like our QrDecomposition.Solve
    qr, tau = sl.qr(A, mode="raw")[0]
    return qr, tau
print("least squares 20000x200, cond 1e10                                ms   |b - Ax| (long double)")
t, x = median(qr_solve); rq = resid(x)
print(f"  {'scipy qr (economic Q) + solve_triangular':<44} {t*1e3:9.1f}   {rq:.12e}")
t, _ = median(qr_raw_solve)
print(f"  {'scipy qr raw (geqrf only, lower bound)':<44} {t*1e3:9.1f}")
for drv in ("gelsy", "gelsd"):
    t, out = median(lambda: sl.lstsq(A, b, lapack_driver=drv))
    r = resid(out[0])
    print(f"  {'scipy lstsq ' + drv:<44} {t*1e3:9.1f}   {r:.12e}   {(r - rq) / rq:+.1e}")
