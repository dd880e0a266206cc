#!/usr/bin/env python3
"""Times LAPACK (SciPy over OpenBLAS) on the shapes of `kernels bench factor` (default) or `kernels bench spectral`
(--spectral: gesdd, syevd, syevr, geev), single-threaded unless OPENBLAS_NUM_THREADS says otherwise.
Run: OPENBLAS_NUM_THREADS=1 python3 bench/lapack_reference.py [--dtype f64|f32] [--spectral] [--size 1024]"""
import os, sys, time
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np
from scipy.linalg import lapack

def median(f, repeat=5):
    f(); f()
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return sorted(ts)[len(ts) // 2]

dtype = np.float32 if "--dtype" in sys.argv and sys.argv[sys.argv.index("--dtype") + 1] in ("f32", "float32") else np.float64
p = "s" if dtype == np.float32 else "d"
geqrf, orgqr, potrf, getrf = (getattr(lapack, p + n) for n in ("geqrf", "orgqr", "potrf", "getrf"))
rng = np.random.default_rng(1)
print(f"LAPACK via SciPy {__import__('scipy').__version__}, numpy {np.__version__}, {dtype.__name__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
if "--spectral" in sys.argv:
    import scipy.linalg as sl
    n = int(sys.argv[sys.argv.index("--size") + 1]) if "--size" in sys.argv else 1024
    a = np.asfortranarray(rng.uniform(-1, 1, (n, n)).astype(dtype))
    half = np.asfortranarray(rng.uniform(-1, 1, (n // 2, n // 2)).astype(dtype))
    tall = np.asfortranarray(rng.uniform(-1, 1, (2000, 200)).astype(dtype))
    sym = np.tril(a) + np.tril(a, -1).T
    g = np.asfortranarray(rng.uniform(-1, 1, (n // 4, n // 4)).astype(dtype))
    rows = [
        (f"gesdd {n}×{n} values", lambda: sl.svd(a, compute_uv=False, lapack_driver="gesdd", check_finite=False)),
        (f"gesdd {n}×{n} U,S,Vt", lambda: sl.svd(a, lapack_driver="gesdd", check_finite=False)),
        (f"gesdd {n//2}×{n//2} U,S,Vt", lambda: sl.svd(half, lapack_driver="gesdd", check_finite=False)),
        ("gesdd 2000×200 thin", lambda: sl.svd(tall, full_matrices=False, lapack_driver="gesdd", check_finite=False)),
        (f"syevr {n}×{n} values", lambda: sl.eigh(sym, eigvals_only=True, driver="evr", check_finite=False)),
        (f"syevd {n}×{n} vectors", lambda: sl.eigh(sym, driver="evd", check_finite=False)),
        (f"geev {n//4}×{n//4} values+vectors", lambda: sl.eig(g, check_finite=False)),
    ]
    print(f"{'routine':<32} {'ms':>10}")
    for name, f in rows:
        print(f"{name:<32} {median(f, 3)*1e3:10.2f}")
    sys.exit(0)
print(f"{'routine':<26} {'ms':>10} {'GFLOP/s':>9}")
for m, n in [(1024, 1024), (4000, 400)]:
    a = np.asfortranarray(rng.uniform(-1, 1, (m, n)).astype(dtype))
    fl = 2.0 * m * n * n - 2.0 * n ** 3 / 3
    t = median(lambda: geqrf(a, overwrite_a=0))
    print(f"{f'geqrf {m}×{n}':<26} {t*1e3:10.2f} {fl/t/1e9:9.2f}")
    def qrq():
        qr, tau, work, info = geqrf(a, overwrite_a=0)
        orgqr(qr, tau, overwrite_a=1)
    t = median(qrq)
    print(f"{f'geqrf+orgqr {m}×{n}':<26} {t*1e3:10.2f} {2*fl/t/1e9:9.2f}")
s = 2048
g = rng.uniform(-1, 1, (s, s)).astype(dtype)
spd = np.asfortranarray(g @ g.T + s * np.eye(s, dtype=dtype))
t = median(lambda: potrf(spd, lower=1, overwrite_a=0))
print(f"{f'potrf {s}':<26} {t*1e3:10.2f} {s**3/3/t/1e9:9.2f}")
gf = np.asfortranarray(g)
t = median(lambda: getrf(gf, overwrite_a=0))
print(f"{f'getrf {s}':<26} {t*1e3:10.2f} {2*s**3/3/t/1e9:9.2f}")
