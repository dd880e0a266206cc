namespace Kernels.Devices;

/// <summary>Extents of a device selective scan: (batch, length, channels), state size, and the groups sharing B and C rows.</summary>
public readonly record struct SelectiveScanShape(int Batch, int Length, int Channels, int State, int Groups = 1);
