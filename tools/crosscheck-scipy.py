#!/usr/bin/env python3
"""Cross-checks the `kernels` factorization commands against NumPy/SciPy (LAPACK) on random and hard inputs.
Exits 0 with a 'skipped' line when NumPy/SciPy are not installed (Debian: python3-scipy).
Usage: tools/crosscheck-scipy.py [path/to/kernels.dll]"""
import os, subprocess, sys, tempfile
try:
    import numpy as np
    import scipy.linalg as sl
except ImportError:
    print("crosscheck-scipy: skipped (NumPy/SciPy not installed)")
    sys.exit(0)

dll = sys.argv[1] if len(sys.argv) > 1 else "src/Cli/bin/Release/net10.0/kernels.dll"
tmp = tempfile.mkdtemp()
rng = np.random.default_rng(42)
eps = np.finfo(np.float64).eps
failures = []

def run(*args):
    out = os.path.join(tmp, "out")
    subprocess.run(["dotnet", dll, *args, "-o", out], check=True, capture_output=True, text=True)
    return lambda name: np.load(os.path.join(out, name))

def save(name, a):
    path = os.path.join(tmp, name)
    np.save(path, a)
    return path

def check(label, ratio, limit=30.0):
    status = "ok" if ratio < limit else "FAIL"
    print(f"{label:<48} {ratio:10.3g} {status}")
    if status != "ok":
        failures.append(label)

for m, n in [(1, 1), (40, 40), (97, 33), (33, 97), (300, 120)]:
    a = rng.standard_normal((m, n))
    pa = save("a.npy", a)
    get = run("qr", pa, "--mode", "raw")
    h, tau, _, _ = sl.lapack.dgeqrf(a)
    # Same algorithm and sign convention as LAPACK: the packed factors agree to rounding.
    check(f"qr raw vs dgeqrf {m}x{n}", np.abs(get("qr.npy") - h).max() / (np.abs(a).max() * max(m, n) * eps))
    check(f"tau vs dgeqrf {m}x{n}", np.abs(get("tau.npy") - tau).max() / (max(m, n) * eps))
    if m >= n:
        q = run("householder-product", save("h.npy", h), save("tau.npy", tau))("q.npy")
        qq = sl.lapack.dorgqr(h, tau)[0][:, :n]
        check(f"householder-product vs dorgqr {m}x{n}", np.abs(q - qq).max() / (max(m, n) * eps))

for n in [1, 7, 64, 150]:
    a = rng.standard_normal((n, n))
    get = run("lu", save("s.npy", a))
    p, l, u = sl.lu(a)
    check(f"lu P vs scipy {n}", float(np.abs(get("p.npy") - p).max() > 0) * 1e9)
    check(f"lu L,U vs scipy {n}", max(np.abs(get("l.npy") - l).max(), np.abs(get("u.npy") - u).max() / np.abs(a).max()) / (n * eps))
    spd = a @ a.T + n * np.eye(n)
    lch = run("cholesky", save("spd.npy", spd))("l.npy")
    check(f"cholesky vs numpy {n}", np.abs(lch - np.linalg.cholesky(spd)).max() / (np.sqrt(np.abs(spd).max()) * n * eps))
    b = rng.standard_normal((n, 3))
    x = run("solve", save("s.npy", a), save("b.npy", b))("x.npy")
    check(f"solve backward error {n}", np.abs(a @ x - b).max() / ((np.abs(a).max() * np.abs(x).max() + np.abs(b).max()) * n * eps))

# Rank-deficient least squares: minimum-norm solution equals the pseudo-inverse's.
a = rng.standard_normal((50, 4)) @ rng.standard_normal((4, 12))
b = rng.standard_normal(50)
x = run("lstsq", save("a.npy", a), save("b.npy", b))("x.npy")
xr = np.linalg.lstsq(a, b, rcond=None)[0]
check("lstsq rank-4 50x12 vs numpy (relative)", np.abs(x - xr).max() / np.abs(xr).max() / (1e3 * eps))

# SVD: singular values agree with gesdd to ‖A‖·ε scale; U, Vᵀ reconstruct; for distinct σ the vectors agree with
# LAPACK's up to sign.
for m, n, method in [(1, 1, "auto"), (60, 60, "auto"), (200, 120, "dc"), (120, 200, "qr"), (40, 25, "jacobi"), (257, 257, "auto")]:
    a = rng.standard_normal((m, n))
    get = run("svd", save("a.npy", a), "--method", method)
    u, s, vt = get("u.npy"), get("s.npy"), get("vt.npy")
    sr = sl.svd(a, compute_uv=False)
    check(f"svd {method} σ vs gesdd {m}x{n}", np.abs(s - sr).max() / (sr[0] * max(m, n) * eps))
    check(f"svd {method} reconstruction {m}x{n}", np.abs(u * s @ vt - a).max() / (sr[0] * max(m, n) * eps))
    ur, _, vtr = sl.svd(a, full_matrices=False)
    signs = np.sign(np.sum(u * ur, axis=0))
    gaps = np.minimum(np.minimum(np.abs(np.diff(sr, prepend=np.inf)), np.abs(np.diff(sr, append=-np.inf))), sr[0])
    # Vector error bound ~ ε‖A‖/gap: compare only well-separated vectors, scaled by that bound.
    sep = gaps > 1e-3 * sr[0]
    if sep.any():
        err = np.abs(u[:, sep] * signs[sep] - ur[:, sep]).max(axis=0) * gaps[sep] / sr[0]
        check(f"svd {method} U vs gesdd (gap-scaled) {m}x{n}", err.max() / (max(m, n) * eps))

# Graded matrix: one-sided Jacobi keeps the tiny singular values to relative accuracy.
q, _ = np.linalg.qr(rng.standard_normal((12, 12)))
dgr = 10.0 ** -np.linspace(0, 30, 12)
s = run("svd", save("g.npy", q * dgr), "--values", "--method", "jacobi")("s.npy")
check("svd jacobi graded σ relative error (1e-30 range)", np.max(np.abs(s - dgr) / dgr) / (12 * eps))

# Symmetric eigen: values vs syevd, residual and orthogonality.
for n in [1, 5, 80, 300]:
    a = rng.standard_normal((n, n)); a = a + a.T
    get = run("eigh", save("s.npy", a))
    w, v = get("w.npy"), get("v.npy")
    wr = np.linalg.eigvalsh(a)
    nrm = np.abs(wr).max()
    check(f"eigh values vs syevd {n}", np.abs(w - wr).max() / (nrm * n * eps))
    check(f"eigh residual {n}", np.abs(a @ v - v * w).max() / (nrm * n * eps))
    check(f"eigh orthogonality {n}", np.abs(v.T @ v - np.eye(n)).max() / (n * eps))

# General eigen: eigenvalues as a multiset vs geev (matched by sorting), complex residual.
for n in [1, 6, 50, 128]:
    a = rng.standard_normal((n, n))
    get = run("eig", save("g.npy", a), "--left")
    w, v, vl = get("w.npy"), get("v.npy"), get("vl.npy")
    wr = np.linalg.eigvals(a)
    key = lambda x: np.lexsort((np.round(x.imag, 8), np.round(x.real, 8)))
    nrm = np.abs(a).max() * n
    check(f"eig values vs geev {n}", np.abs(w[key(w)] - wr[key(wr)]).max() / (nrm * n * eps), limit=1e3)
    check(f"eig residual {n}", np.abs(a @ v - v * w).max() / (nrm * n * eps))
    check(f"eig left residual {n}", np.abs(vl.conj().T @ a - w[:, None] * vl.conj().T).max() / (nrm * n * eps))

# Kronecker operator: (A ⊗ B ⊗ C)·X without forming the product, vs numpy.kron.
for shapes in [[(3, 4), (5, 2)], [(2, 3), (4, 4), (3, 2)], [(1, 1), (6, 5)]]:
    mats = [rng.standard_normal(s) for s in shapes]
    k = mats[0]
    for m_ in mats[1:]:
        k = np.kron(k, m_)
    x = rng.standard_normal((k.shape[1], 3))
    paths = [save(f"k{i}.npy", m_) for i, m_ in enumerate(mats)]
    y = run("kron", *paths, save("kx.npy", x))("y.npy")
    check(f"kron operator vs numpy.kron {'x'.join(str(s) for s in shapes)}", np.abs(y - k @ x).max() / (np.abs(k).max() * np.abs(x).max() * k.shape[1] * eps))

# CG on the 2-D Poisson problem (b = ones, rtol 1e-8): iteration count within ±2 of SciPy's on the same matrix.
import re
import scipy.sparse as sparse
import scipy.sparse.linalg as spla
for n_grid in [16, 64]:
    t1 = sparse.diags([-1, 2, -1], [-1, 0, 1], shape=(n_grid, n_grid))
    poisson = (sparse.kron(t1, sparse.eye(n_grid)) + sparse.kron(sparse.eye(n_grid), t1)).tocsr()
    count = [0]
    kwargs = {"rtol": 1e-8} if "rtol" in spla.cg.__code__.co_varnames else {"tol": 1e-8}
    spla.cg(poisson, np.ones(n_grid * n_grid), callback=lambda _: count.__setitem__(0, count[0] + 1), **kwargs)
    for op in ["stencil", "csr"]:
        out = subprocess.run(["dotnet", dll, "cg", "--poisson", str(n_grid), "--operator", op, "--rtol", "1e-8"], capture_output=True, text=True).stdout
        ours = int(re.search(r"(\d+) iterations", out).group(1))
        check(f"cg poisson {n_grid} {op}: |iterations − SciPy's| ({ours} vs {count[0]})", abs(ours - count[0]), limit=2.5)
    # Dense CG through .npy files: solution agrees with a direct solve.
    spd = rng.standard_normal((30, 30)); spd = spd @ spd.T + 30 * np.eye(30)
    rhs = rng.standard_normal(30)
    x = run("cg", save("spd.npy", spd), save("rhs.npy", rhs), "--rtol", "1e-12")("x.npy")
    xd = np.linalg.solve(spd, rhs)
    check(f"cg dense 30 vs solve (relative, 1e-10 units)", np.abs(x - xd).max() / np.abs(xd).max() / 1e-10)

# Randomized SVD: leading singular values of a decaying spectrum vs LAPACK, error near σ_{k+1}.
uq, _ = np.linalg.qr(rng.standard_normal((300, 60)))
vq, _ = np.linalg.qr(rng.standard_normal((200, 60)))
spec = 0.8 ** np.arange(60)
lowrank = (uq * spec) @ vq.T
get = run("rsvd", save("lr.npy", lowrank), "--rank", "10", "--seed", "3")
u, s, vt = get("u.npy"), get("s.npy"), get("vt.npy")
check("rsvd rank 10 σ vs gesdd (relative, 1e-8 units)", np.abs(s - spec[:10]).max() / spec[0] / 1e-8)
check("rsvd rank 10 ‖A − USVᵀ‖₂ / σ11 (≤ 1.5)", np.linalg.norm(lowrank - (u * s) @ vt, 2) / spec[10], limit=1.5)

# Sketched least squares (Blendenpik) and LSQR through .npy files vs LAPACK's lstsq on an ill-conditioned tall problem:
# the residual norms must agree (evaluated in long double; a double evaluation would cancel the digits compared).
uq, _ = np.linalg.qr(rng.standard_normal((2000, 40)))
vq, _ = np.linalg.qr(rng.standard_normal((40, 40)))
tall = (uq * 10.0 ** (-6.0 * np.arange(40) / 39)) @ vq.T
rhs = rng.uniform(-0.5, 0.5, 2000)
def ld_residual(x):
    r = rhs.astype(np.longdouble) - tall.astype(np.longdouble) @ x.astype(np.longdouble)
    return float(np.sqrt((r * r).sum()))
ref = ld_residual(np.linalg.lstsq(tall, rhs, rcond=None)[0])
x = run("lstsq", save("tall.npy", tall), save("rhs2.npy", rhs), "--sketch")("x.npy")
check("lstsq --sketch 2000x40 κ=1e6 residual vs gelsd (relative, 1e-13 units)", abs(ld_residual(x) - ref) / ref / 1e-13)
x = run("cg", save("tall.npy", tall), save("rhs2.npy", rhs), "--method", "lsqr", "--rtol", "1e-14", "--maxiter", "5000")("x.npy")
check("cg --method lsqr 2000x40 κ=1e6 residual vs gelsd (relative, 1e-10 units)", abs(ld_residual(x) - ref) / ref / 1e-10)

# FFT vs numpy.fft (pocketfft): scaled by ε·‖x‖₁·log₂ n.
for shape, axis in [((97,), -1), ((8, 360), 1), ((1000, 3), 0), ((4, 257), -1), ((1,), 0)]:
    xr = rng.standard_normal(shape)
    xc = xr + 1j * rng.standard_normal(shape)
    n = shape[axis]
    scale = lambda x: eps * np.abs(x).sum(axis=axis).max() * max(1.0, np.log2(n))
    for norm in ["backward", "ortho"]:
        y = run("fft", save("fc.npy", xc), "--axis", str(axis), "--norm", norm)("y.npy")
        check(f"fft {shape} axis {axis} {norm} vs numpy", np.abs(y - np.fft.fft(xc, axis=axis, norm=norm)).max() / scale(xc))
    y = run("fft", save("fc.npy", xc), "--axis", str(axis), "--inverse")("y.npy")
    check(f"ifft {shape} axis {axis} vs numpy", np.abs(y - np.fft.ifft(xc, axis=axis)).max() * n / scale(xc))
    y = run("fft", save("fr.npy", xr), "--axis", str(axis), "--real")("y.npy")
    check(f"rfft {shape} axis {axis} vs numpy", np.abs(y - np.fft.rfft(xr, axis=axis)).max() / scale(xr))
    half = np.fft.rfft(xr, axis=axis)
    y = run("fft", save("fh.npy", half), "--axis", str(axis), "--real", "--inverse", "--n", str(n))("y.npy")
    check(f"irfft {shape} axis {axis} vs numpy", np.abs(y - np.fft.irfft(half, n=n, axis=axis)).max() * n / scale(half))

# HiPPO matrices vs the S4 reference formulas (written here in NumPy); ssm-kernel vs scipy.signal.cont2discrete.
def hippo_reference(kind, N):
    q = np.arange(N, dtype=np.float64)
    if kind == "legs":
        col, row = np.meshgrid(q, q)
        r = 2 * q + 1
        M = -(np.where(row >= col, r, 0) - np.diag(q))
        T = np.sqrt(np.diag(2 * q + 1))
        return T @ M @ np.linalg.inv(T), np.diag(T).copy()
    if kind == "legt":
        R = (2 * q + 1) ** .5
        j, i = np.meshgrid(q, q)
        A = R[:, None] * np.where(i < j, (-1.) ** (i - j), 1) * R[None, :]
        return -0.5 * A, 0.5 * R
    if kind == "lagt":
        return np.eye(N) / 2 - np.tril(np.ones((N, N))), np.ones(N)
    freqs = np.arange(N // 2)
    d = np.stack([np.zeros(N // 2), freqs], axis=-1).reshape(-1)[1:]
    A = np.pi * (-np.diag(d, 1) + np.diag(d, -1))
    B = np.zeros(N); B[0::2] = 2 ** .5; B[0] = 1
    return A - B[:, None] * B[None, :], B

import scipy.signal as ssig
for kind in ["legs", "legt", "lagt", "fout"]:
    N = 16
    get = run("hippo", "--kind", kind, "--n", str(N))
    A, B = hippo_reference(kind, N)
    check(f"hippo {kind} {N} vs S4 reference formulas", max(np.abs(get("a.npy") - A).max(), np.abs(get("b.npy") - B).max()) / (N * eps))
    for method, sm in [("zoh", "zoh"), ("bilinear", "bilinear"), ("euler", "euler")]:
        k = run("ssm-kernel", "--kind", kind, "--n", str(N), "--delta", "0.05", "--length", "64", "--method", method)("k.npy")
        Ad, Bd, _, _, _ = ssig.cont2discrete((A, B[:, None], np.ones((1, N)), np.zeros((1, 1))), 0.05, method=sm)
        ref, v = [], Bd[:, 0].copy()
        for _ in range(64):
            ref.append(v.sum()); v = Ad @ v
        ref = np.array(ref)
        check(f"ssm-kernel {kind} {method} vs cont2discrete", np.abs(k - ref).max() / (np.abs(ref).max() * N * 64 * eps))

# Selective scan (Mamba selective_scan_ref semantics) in NumPy, float64, groups for B, reverse, h0.
def selective_scan_reference(u, delta, A, B, C, D, z, bias, h0, reverse):
    bsz, L, Dch = u.shape; N = A.shape[1]; G = B.shape[1]
    dt = delta + bias
    dt = np.maximum(dt, 0) + np.log1p(np.exp(-np.abs(dt)))
    h = h0.copy(); y = np.zeros_like(u)
    group = np.arange(Dch) * G // Dch
    for s in (range(L - 1, -1, -1) if reverse else range(L)):
        Bt = B[:, group, s, :]; Ct = C[:, group, s, :]            # (b, D, N)
        h = np.exp(dt[:, s, :, None] * A[None]) * h + (dt[:, s] * u[:, s])[..., None] * Bt
        y[:, s] = (h * Ct).sum(-1) + D * u[:, s]
    return y * (z / (1 + np.exp(-z))), h

rng = np.random.default_rng(7)
bsz, L, Dch, N, G = 2, 37, 21, 5, 3
u, z = rng.standard_normal((bsz, L, Dch)), rng.standard_normal((bsz, L, Dch))
delta = rng.uniform(-2, 1, (bsz, L, Dch)); A = -rng.uniform(0.1, 2, (Dch, N))
B, C = rng.standard_normal((bsz, G, L, N)), rng.standard_normal((bsz, G, L, N))
D, bias, h0 = rng.standard_normal(Dch), rng.uniform(-1, 0.2, Dch), rng.standard_normal((bsz, Dch, N))
for name, a in [("u", u), ("delta", delta), ("A", A), ("B", B), ("C", C), ("D", D), ("z", z), ("bias", bias), ("h0", h0)]:
    save(f"ss_{name}.npy", a)
get = run("selective-scan", *(os.path.join(tmp, f"ss_{n}.npy") for n in ["u", "delta", "A", "B", "C"]), "--D", os.path.join(tmp, "ss_D.npy"),
          "--z", os.path.join(tmp, "ss_z.npy"), "--delta-bias", os.path.join(tmp, "ss_bias.npy"), "--h0", os.path.join(tmp, "ss_h0.npy"),
          "--softplus", "--reverse", "--dtype", "float64")
y_ref, h_ref = selective_scan_reference(u, delta, A, B, C, D, z, bias, h0, True)
check("selective-scan (2,37,21,5), 3 groups, reverse vs NumPy (relative, ε·L units)",
      max(np.abs(get("y.npy") - y_ref).max() / np.abs(y_ref).max(), np.abs(get("state.npy") - h_ref).max() / np.abs(h_ref).max()) / (L * eps))

print(f"crosscheck-scipy: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
