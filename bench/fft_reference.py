#!/usr/bin/env python3
"""Reference timings for `kernels bench fft`: numpy.fft (pocketfft, C, 1 thread) on the same transforms.
Usage: /usr/bin/python3 bench/fft_reference.py"""
import time
import numpy as np

def median(f, repeat=5):
    t = []
    for _ in range(repeat):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return sorted(t)[len(t) // 2]

rng = np.random.default_rng(0)
for n in [1024, 1000, 1009, 4096, 1 << 20]:
    x = rng.random(n) + 1j * rng.random(n)
    calls = max(1, (1 << 20) // n)
    t = median(lambda: [np.fft.fft(x) for _ in range(calls)]) / calls
    print(f"  numpy fft n={n:<8} {t * 1e3:9.4f} ms {t * 1e9 / (n * np.log2(n)):8.2f} ns/(n log2 n)")
r = rng.standard_normal(1 << 20)
print(f"  numpy rfft n={1 << 20:<8} {median(lambda: np.fft.rfft(r)) * 1e3:9.4f} ms")
b = rng.standard_normal((256, 4096))
print(f"  numpy rfft 256x4096 last axis {median(lambda: np.fft.rfft(b)) * 1e3:9.2f} ms")
u = rng.standard_normal((16, 64, 1024)); k = rng.standard_normal((64, 1024))
conv = lambda: np.fft.irfft(np.fft.rfft(u, 2048) * np.fft.rfft(k, 2048), 2048)[..., :1024]
print(f"  numpy causal conv (16,64,1024) {median(conv) * 1e3:9.2f} ms")
