using System.Diagnostics;
using System.Numerics;
using System.Text;
using Kernels.Tensors;
using Kernels.Tensors.Npy;
using Xunit;

namespace Kernels.Tests;

/// <summary>.npy round trips for every dtype and order, hand-built headers (v1/v2/v3, big-endian, Fortran), hostile files.</summary>
public class NpyTests
{
    private static byte[] Build(string dict, byte[] data, int major = 1)
    {
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        var h = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetBytes(dict + "\n");
        if (major == 1) ms.Write([(byte)h.Length, (byte)(h.Length >> 8)]);
        else ms.Write(BitConverter.GetBytes(h.Length));
        ms.Write(h);
        ms.Write(data);
        return ms.ToArray();
    }

    private static NpyArray ReadBytes(byte[] b) => NpyFile.Read(new MemoryStream(b));

    [Fact]
    public void Round_trips_every_writable_dtype_through_a_file()
    {
        string dir = Directory.CreateTempSubdirectory("kernels-npy").FullName;
        try
        {
            void RoundTrip<T>(NDArray<T> a) where T : unmanaged
            {
                string p = Path.Combine(dir, typeof(T).Name + a.Rank + ".npy");
                NpyFile.Write(p, a);
                var back = NpyFile.Read<T>(p);
                Assert.Equal(a.Shape.ToArray(), back.Shape.ToArray());
                Assert.Equal(a.ToArray(), back.ToArray());
            }
            RoundTrip(NDArray.RandomNormal(1UL, 0f, 1f, 3, 5));
            RoundTrip(NDArray.RandomNormal(1UL, 0.0, 1.0, 7));
            RoundTrip(NDArray.Scalar(3.5));
            RoundTrip(new NDArray<double>(0, 4));
            RoundTrip(NDArray.FromArray([(Half)1.5f, (Half)(-2f)]));
            RoundTrip(NDArray.FromArray([1, -2, int.MaxValue]));
            RoundTrip(NDArray.FromArray([1L, long.MinValue]));
            RoundTrip(NDArray.FromArray([true, false, true]));
            RoundTrip(NDArray.FromArray([new Complex(1, -2), new Complex(0.5, 3)]));
            // A strided view is written in C order of its logical shape.
            var t = NDArray.FromArray(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), 3, 4).Transpose();
            RoundTrip(t);
            Assert.Throws<NotSupportedException>(() => NpyFile.Write(Path.Combine(dir, "bf.npy"), new NDArray<BFloat16>(2)));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Reads_big_endian_fortran_and_every_header_version()
    {
        var data = new byte[6 * 8];
        for (int i = 0; i < 6; i++) BitConverter.GetBytes((double)i).Reverse().ToArray().CopyTo(data, 8 * i);
        foreach (int major in new[] { 1, 2, 3 })
        {
            var a = ReadBytes(Build("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", data, major)).ToNDArray<double>();
            // Fortran order: element (i, j) is the (j·2 + i)-th stored value.
            Assert.Equal([2, 3], a.Shape.ToArray());
            Assert.Equal(1.0, a[1, 0]);
            Assert.Equal(2.0, a[0, 1]);
            Assert.Equal(5.0, a[1, 2]);
        }
        var f = ReadBytes(Build("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", [.. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f)]));
        Assert.Equal([1.5, -2.0], f.ToNDArray<double>(allowConversion: true).ToArray());
        Assert.Throws<InvalidCastException>(() => f.ToNDArray<double>());
        var c8 = ReadBytes(Build("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", [.. BitConverter.GetBytes(1.5f), .. BitConverter.GetBytes(-2f)]));
        Assert.Equal(new Complex(1.5, -2), c8.ToNDArray<Complex>(allowConversion: true)[0]);
        var (re, im) = c8.ToSplitComplex<float>();
        Assert.Equal(1.5f, re[0]);
        Assert.Equal(-2f, im[0]);
        var i8 = ReadBytes(Build("{'descr': '>i8', 'fortran_order': False, 'shape': (), }", BitConverter.GetBytes(7L).Reverse().ToArray()));
        Assert.Equal(7L, i8.ToNDArray<long>()[[]]);
    }

    public static IEnumerable<object[]> HostileFiles()
    {
        yield return ["bad magic", new byte[] { 1, 2, 3, 4, 5, 6, 1, 0, 0, 0 }, "magic"];
        yield return ["empty", Array.Empty<byte>(), "Truncated"];
        yield return ["version 9", Build("{}", [], 1).Select((b, i) => i == 6 ? (byte)9 : b).ToArray(), "version"];
        yield return ["truncated data", Build("{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }", new byte[16]), "Truncated"];
        yield return ["absurd shape", Build("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 8), }", new byte[16]), "shape"];
        yield return ["overflowing shape", Build("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", []), "integer"];
        yield return ["negative dim", Build("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", []), "out of range"];
        yield return ["unknown dtype", Build("{'descr': '<U8', 'fortran_order': False, 'shape': (1,), }", new byte[32]), "dtype"];
        yield return ["object dtype", Build("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]), "dtype"];
        yield return ["missing key", Build("{'descr': '<f8', 'shape': (1,), }", new byte[8]), "fortran_order"];
        yield return ["garbage header", Build("{'descr': <f8}", new byte[8]), "Malformed"];
        yield return ["huge header length", new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0, 255, 255, 255, 127 }, "limit"];
        yield return ["bad bool", Build("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", [1, 7]), "Boolean"];
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void Hostile_files_are_rejected_with_a_clear_error(string name, byte[] bytes, string expected)
    {
        var e = Assert.Throws<NpyFormatException>(() => ReadBytes(bytes));
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        // A non-seekable stream with a lying header must also fail without a huge allocation.
        var e2 = Assert.Throws<NpyFormatException>(() => NpyFile.Read(new ForwardOnlyStream(bytes)));
        Assert.False(string.IsNullOrEmpty(e2.Message), name);
    }

    [Fact]
    public void Trailing_bytes_after_the_data_are_rejected_for_files()
    {
        string p = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(p, [.. Build("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), 1, 2, 3]);
            Assert.Contains("after the data", Assert.Throws<NpyFormatException>(() => NpyFile.Read(p)).Message);
        }
        finally { File.Delete(p); }
    }

    [Fact]
    public void Agrees_with_numpy_when_it_is_installed()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python) || !RunPython(python, "import numpy", out _)) return; // optional cross-check: skip cleanly
        string dir = Directory.CreateTempSubdirectory("kernels-np").FullName;
        try
        {
            string script = $"import numpy as np\n" +
                $"np.save(r'{dir}/f.npy', np.asfortranarray(np.arange(12, dtype='>f4').reshape(3, 4)))\n" +
                $"np.save(r'{dir}/c.npy', np.array([1+2j, 3-4j], dtype=np.complex64))\n" +
                $"x = np.load(r'{dir}/ours.npy'); print(repr(float(x.sum())), x.shape, x.dtype)\n";
            NpyFile.Write(Path.Combine(dir, "ours.npy"), NDArray.FromArray(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3));
            Assert.True(RunPython(python, script, out string output), output);
            Assert.Contains("21.0 (2, 3) float64", output);
            var f = NpyFile.Read<float>(Path.Combine(dir, "f.npy"));
            Assert.Equal(Enumerable.Range(0, 12).Select(i => (float)i).ToArray(), f.ToArray());
            var c = NpyFile.Read(Path.Combine(dir, "c.npy")).ToNDArray<Complex>(allowConversion: true);
            Assert.Equal(new Complex(3, -4), c[1]);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static bool RunPython(string python, string script, out string output)
    {
        var psi = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
