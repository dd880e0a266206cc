#!/usr/bin/env python3
"""PyTorch CPU reference timings for `kernels bench selective-scan` and `kernels bench scan` (issue 7 targets).

Selective scan: Mamba's reference recurrence (selective_scan_ref semantics: Δ ← softplus(Δ + bias),
h_t = exp(Δ_t A) h_{t-1} + Δ_t u_t B_t, y_t = C_t·h_t + D u_t, y ← y·SiLU(z)) in two PyTorch formulations —
"materialised" (exp(ΔA) and ΔBu built for all t up front, as Mamba's selective_scan_ref) and "per step" (formed inside
the time loop) — forward, and backward by autograd. Diagonal scan: h_t = a_t h_{t-1} + b_t in place with one
torch.addcmul per time step over (batch, channels).

Usage: /usr/bin/python3 bench/ssm_torch_reference.py [--threads 2] [--quick] [--scan-batch 16] [--skip-materialised]
Needs Debian's python3-torch; exits 0 with a message when it is absent.
"""
import argparse
import time

try:
    import torch
except ImportError:
    print("python3-torch is not installed (apt-get install python3-torch); nothing to compare.")
    raise SystemExit(0)


def median(f, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def inputs(batch, length, channels, state, grad=False):
    g = torch.Generator().manual_seed(0)
    u = torch.randn(batch, channels, length, generator=g)
    delta = torch.rand(batch, channels, length, generator=g) * 2 - 4
    a = -torch.arange(1, state + 1, dtype=torch.float32).repeat(channels, 1)
    b = torch.randn(batch, state, length, generator=g)
    c = torch.randn(batch, state, length, generator=g)
    d = torch.ones(channels)
    z = torch.randn(batch, channels, length, generator=g)
    bias = torch.rand(channels, generator=g) - 0.5
    tensors = [u, delta, a, b, c, d, z, bias]
    if grad:
        for t in tensors:
            t.requires_grad_(True)
    return tensors


def scan_materialised(u, delta, a, b, c, d, z, bias):
    delta = torch.nn.functional.softplus(delta + bias[..., None])
    delta_a = torch.exp(torch.einsum('bdl,dn->bdln', delta, a))
    delta_b_u = torch.einsum('bdl,bnl,bdl->bdln', delta, b, u)
    x = u.new_zeros(u.shape[0], u.shape[1], a.shape[1])
    ys = []
    for i in range(u.shape[2]):
        x = delta_a[:, :, i] * x + delta_b_u[:, :, i]
        ys.append(torch.einsum('bdn,bn->bd', x, c[:, :, i]))
    y = torch.stack(ys, dim=2) + u * d[..., None]
    return y * torch.nn.functional.silu(z), x


def scan_per_step(u, delta, a, b, c, d, z, bias):
    delta = torch.nn.functional.softplus(delta + bias[..., None])
    x = u.new_zeros(u.shape[0], u.shape[1], a.shape[1])
    ys = []
    for i in range(u.shape[2]):
        dt = delta[:, :, i, None]
        x = torch.exp(dt * a) * x + (dt * u[:, :, i, None]) * b[:, None, :, i]
        ys.append(torch.einsum('bdn,bn->bd', x, c[:, :, i]))
    y = torch.stack(ys, dim=2) + u * d[..., None]
    return y * torch.nn.functional.silu(z), x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--scan-batch', type=int, default=16)
    parser.add_argument('--backward-repeat', type=int, default=1, help='autograd runs take minutes at full size')
    parser.add_argument('--skip-materialised', action='store_true')
    parser.add_argument('--only-diagonal', action='store_true', help='run only the diagonal scan comparison')
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    batch, length, channels, state = 8, (256 if args.quick else 2048), 512, 16
    updates = batch * length * channels * state
    if not args.only_diagonal:
        print(f"torch {torch.__version__}, {args.threads} thread(s): selective scan float32 "
              f"(batch {batch}, length {length}, channels {channels}, state {state}), softplus + D + gate, median of {args.repeat}")
    for name, fn in ([] if args.only_diagonal else [('materialised', scan_materialised), ('per step', scan_per_step)]):
        if name == 'materialised' and args.skip_materialised:
            continue
        with torch.no_grad():
            t = median(lambda: fn(*inputs(batch, length, channels, state)), args.repeat)
        print(f"  forward  {name:<13} {t * 1e3:9.1f} ms  {updates / t / 1e9:6.3f} G state updates/s")
        if name == 'materialised':
            # Autograd through the materialised (batch, channels, length, state) einsums took 244 s at length 256
            # on this machine (2 threads); it is not run.
            continue
        tensors = inputs(batch, length, channels, state, grad=True)
        dy = torch.randn(batch, channels, length)

        def backward():
            for x in tensors:
                x.grad = None
            y, _ = fn(*tensors)
            y.backward(dy)
        tb = median(backward, args.backward_repeat)
        print(f"  forward+backward (autograd) {name:<13} {tb * 1e3:9.1f} ms")

    sb, sl, sw = args.scan_batch, (512 if args.quick else 4096), 4096
    print(f"diagonal scan float32 (batch {sb}, length {sl}, channels·state {sw}) in place, one addcmul per step")
    a = torch.empty(sb, sl, sw).uniform_(0.9, 1.0)
    h = torch.randn(sb, sl, sw)

    def diagonal():
        for t in range(1, sl):
            h[:, t].addcmul_(a[:, t], h[:, t - 1])
    t = median(diagonal, args.repeat)
    print(f"  torch addcmul loop {t * 1e3:9.1f} ms  {3.0 * sb * sl * sw * 4 / t / 1e9:6.2f} GB/s (a, b read + h written)")


if __name__ == '__main__':
    main()
