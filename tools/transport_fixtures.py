#!/usr/bin/env python3
"""Reference values for tests/Kernels.Tests/Transport/PotFixtureTests.cs, from POT (Debian: python3-pot 0.8.2).
Inputs are dyadic rationals built from the index formulas below, so NumPy and C# hold bit-identical data; the
printed values are pasted into the test. POT 0.8.2 divides by its n_projections argument even when projections
are given, so n_projections is passed equal to the number of columns."""
import numpy as np, ot

def points(rows, cols, mul_i, mul_j, add, mod, shift, scale):
    return np.array([[(((i * mul_i + j * mul_j + add) % mod) - shift) / scale for j in range(cols)] for i in range(rows)])

x = points(40, 3, 37, 11, 5, 101, 50, 16.0)
y = points(29, 3, 53, 7, 3, 89, 40, 8.0)
theta = points(3, 6, 13, 5, 1, 17, 8, 4.0)
a = np.array([1.0 + i % 5 for i in range(40)]); a /= a.sum()
b = np.array([2.0 + i % 3 for i in range(29)]); b /= b.sum()

print(f"swd p=2 uniform:    {ot.sliced_wasserstein_distance(x, y, projections=theta, n_projections=6, p=2)!r}")
print(f"swd p=1 weighted:   {ot.sliced_wasserstein_distance(x, y, a, b, projections=theta, n_projections=6, p=1)!r}")
print(f"swd p=1.5 weighted: {ot.sliced_wasserstein_distance(x, y, a, b, projections=theta, n_projections=6, p=1.5)!r}")
xs = x[:29]
print(f"swd p=2 n=m:        {ot.sliced_wasserstein_distance(xs, y, projections=theta, n_projections=6, p=2)!r}")
for p in (1, 2, 3):
    print(f"w1d p={p} weighted:   {ot.wasserstein_1d(x[:, 0], y[:, 1], a, b, p=p)!r}")
print(f"w1d p=2 uniform:    {ot.wasserstein_1d(x[:, 0], y[:, 1], p=2)!r}")
M = ot.dist(x, y)
P = ot.sinkhorn(a, b, M, 1.0, method="sinkhorn_log", numItermax=10000, stopThr=1e-12)
print(f"sinkhorn reg=1 cost: {(P * M).sum()!r}  P[0,0]={P[0, 0]!r} P[7,3]={P[7, 3]!r}")
