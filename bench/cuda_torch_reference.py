"""cuBLAS FP32 (TF32 off) and FP64 GEMM 8192^3 and a device-to-device copy, through PyTorch: the references for
`kernels bench devices --backend cuda:0 --large` (README, device section). Run on the GPU machine: python3 bench/cuda_torch_reference.py"""
import torch, time
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
torch.set_float32_matmul_precision("highest")
dev = "cuda"
print("torch", torch.__version__, torch.cuda.get_device_name(0))
n = 8192
a = torch.randn(n, n, device=dev); b = torch.randn(n, n, device=dev)
for _ in range(3): c = a @ b
torch.cuda.synchronize()
ts = []
for _ in range(10):
    s = torch.cuda.Event(enable_timing=True); e = torch.cuda.Event(enable_timing=True)
    s.record(); c = a @ b; e.record(); torch.cuda.synchronize(); ts.append(s.elapsed_time(e) / 1e3)
ts.sort(); t = ts[len(ts)//2]
print(f"cuBLAS fp32 (TF32 off) gemm {n}^3: {t*1e3:.2f} ms, {2*n**3/t/1e12:.2f} TFLOP/s (median of 10)")
a64 = a.double(); b64 = b.double()
for _ in range(2): c = a64 @ b64
torch.cuda.synchronize(); t0 = time.perf_counter(); c = a64 @ b64; torch.cuda.synchronize(); t = time.perf_counter() - t0
print(f"cuBLAS fp64 gemm {n}^3: {t*1e3:.2f} ms, {2*n**3/t/1e12:.2f} TFLOP/s")
m = 1 << 26
x = torch.randn(m, device=dev); y = torch.empty_like(x)
for _ in range(3): y.copy_(x)
torch.cuda.synchronize(); ts = []
for _ in range(10):
    s = torch.cuda.Event(enable_timing=True); e = torch.cuda.Event(enable_timing=True)
    s.record(); y.copy_(x); e.record(); torch.cuda.synchronize(); ts.append(s.elapsed_time(e) / 1e3)
ts.sort(); t = ts[len(ts)//2]
print(f"torch device-to-device copy n={m} f32: {t*1e3:.3f} ms, {2*m*4/t/1e9:.0f} GB/s (read+write)")
