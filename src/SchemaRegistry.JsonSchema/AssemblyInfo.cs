// Stack buffers here are always written before they are read; skipping their zeroing is measurable per record.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
