"""A benchmark child's own peak resident set size.

Not `getrusage(RUSAGE_SELF).ru_maxrss`: on Linux that keeps the highest RSS the process had
before its `exec`, i.e. the parent's at the fork, so a child of a big benchmark process reports
the parent's size (a bare QMainWindow showed 97-121 MB that way; its own peak is 50 MB).
`VmHWM` is the peak of the program's own address space.
"""

from __future__ import annotations


def peak_rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("/proc/self/status has no VmHWM")
