#!/usr/bin/env python3
"""SciPy reference for `kernels cg --poisson N --rtol 1e-8`: iterations, ms per iteration and CSR matvec time of
scipy.sparse.linalg.cg on the 5-point Poisson matrix (b = ones), 1 thread. Run: /usr/bin/python3 bench/cg_reference.py 512"""
import os; os.environ.setdefault("OPENBLAS_NUM_THREADS","1")
import numpy as np, scipy.sparse as sp, scipy.sparse.linalg as sla, time, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 512
t = sp.diags([-1, 2, -1], [-1, 0, 1], shape=(n, n))
A = (sp.kron(t, sp.eye(n)) + sp.kron(sp.eye(n), t)).tocsr()
b = np.ones(n * n)
it = [0]
def cb(xk): it[0] += 1
t0 = time.perf_counter()
x, info = sla.cg(A, b, rtol=1e-8, callback=cb) if 'rtol' in sla.cg.__code__.co_varnames else sla.cg(A, b, tol=1e-8, callback=cb)
dt = time.perf_counter() - t0
ts = []
for _ in range(20):
    s = time.perf_counter(); A @ b; ts.append(time.perf_counter() - s)
print(f"scipy cg poisson {n}: {it[0]} iterations, info {info}, {dt*1e3:.1f} ms, {dt*1e3/it[0]:.3f} ms/iteration, csr matvec {sorted(ts)[10]*1e3:.3f} ms, relres {np.linalg.norm(b - A@x)/np.linalg.norm(b):.3e}")
