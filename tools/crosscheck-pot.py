#!/usr/bin/env python3
"""Cross-checks `kernels swd`, `kernels w1d` and `kernels sinkhorn` against POT (Python Optimal Transport) on random
inputs. Exits 0 with a 'skipped' line when NumPy or POT is not installed (Debian: python3-pot).
Usage: tools/crosscheck-pot.py [path/to/kernels.dll]"""
import os, subprocess, sys, tempfile
try:
    import numpy as np
    import ot
except ImportError:
    print("crosscheck-pot: skipped (NumPy/POT not installed)")
    sys.exit(0)

dll = sys.argv[1] if len(sys.argv) > 1 else "src/Cli/bin/Release/net10.0/kernels.dll"
tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "out")
rng = np.random.default_rng(7)
failures = []

def save(name, a):
    path = os.path.join(tmp, name)
    np.save(path, a)
    return path

def run(*args):
    subprocess.run(["dotnet", dll, *args, "-o", out], check=True, capture_output=True, text=True)
    return lambda name: np.load(os.path.join(out, name))

def check(label, err, limit):
    status = "ok" if err <= limit else "FAIL"
    print(f"{label:<52} {err:10.3g} {status}")
    if status != "ok":
        failures.append(label)

for n, m, d, p, weighted in [(500, 500, 8, 2, False), (700, 333, 5, 1, True), (64, 300, 3, 1.5, True), (1, 9, 2, 2, False), (2000, 2000, 64, 2, False)]:
    x = rng.standard_normal((n, d)); y = rng.standard_normal((m, d)) * 1.5 + 0.5
    theta = rng.standard_normal((d, 30)); theta /= np.linalg.norm(theta, axis=0)
    args = ["swd", save("x.npy", x), save("y.npy", y), "--projections", save("t.npy", theta), "--p", str(p)]
    a = b = None
    if weighted:
        a = rng.random(n); a /= a.sum(); b = rng.random(m); b /= b.sum()
        args += ["--a", save("a.npy", a), "--b", save("b.npy", b)]
    get = run(*args)
    # POT 0.8.2 divides by its n_projections argument even when projections are given: pass the true count.
    ref, log = ot.sliced_wasserstein_distance(x, y, a, b, projections=theta, n_projections=30, p=p, log=True)
    check(f"swd vs POT n={n} m={m} d={d} p={p} weighted={weighted}", abs(float(get("distance.npy")) - ref) / ref, 1e-12)
    check(f"  per-projection W_p^p", np.abs(get("projected.npy") - log["projected_emds"]).max() / np.abs(log["projected_emds"]).max(), 1e-12)

for n, m, p, weighted in [(1000, 1000, 1, False), (400, 250, 2, True), (3, 17, 3, True)]:
    u = rng.standard_normal(n); v = rng.standard_normal(m) + 0.3
    args = ["w1d", save("u.npy", u), save("v.npy", v), "--p", str(p), "--coupling"]
    a = b = None
    if weighted:
        a = rng.random(n); a /= a.sum(); b = rng.random(m); b /= b.sum()
        args += ["--a", save("a.npy", a), "--b", save("b.npy", b)]
    get = run(*args)
    ref = ot.wasserstein_1d(u, v, a, b, p=p)
    check(f"w1d vs POT n={n} m={m} p={p} weighted={weighted}", abs(float(get("cost.npy")) - ref) / ref, 1e-12)
    plan = ot.emd_1d(u, v, a, b, metric="minkowski", p=p)
    check(f"  coupling vs emd_1d", np.abs(get("coupling.npy") - plan).max(), 1e-14)

for n, m, reg in [(80, 60, 1.0), (120, 90, 0.05)]:
    x = rng.standard_normal((n, 4)); y = rng.standard_normal((m, 4)) + 1
    a = rng.random(n); a /= a.sum(); b = rng.random(m); b /= b.sum()
    get = run("sinkhorn", save("x.npy", x), save("y.npy", y), "--a", save("a.npy", a), "--b", save("b.npy", b), "--reg", str(reg), "--tol", "1e-11", "--max-iter", "100000")
    M = ot.dist(x, y)
    ref = ot.sinkhorn(a, b, M, reg, method="sinkhorn_log", numItermax=100000, stopThr=1e-11)
    check(f"sinkhorn plan vs POT sinkhorn_log n={n} m={m} reg={reg}", np.abs(get("plan.npy") - ref).max() / ref.max(), 1e-7)

if failures:
    print(f"crosscheck-pot: {len(failures)} failure(s): {failures}")
    sys.exit(1)
print("crosscheck-pot: all ok")
