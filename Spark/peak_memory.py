"""Runs a command and reports its wall time and the peak of the summed resident memory of the
command and every process it starts (the Spark JVM, Python workers, concord processes), sampled
every 0.2 s from /proc. `/usr/bin/time -v` reports only the largest single process.

    python3 Spark/peak_memory.py -- COMMAND [ARGUMENTS…]
"""
import os
import subprocess
import sys
import time


def descendants(root):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                parent = int(file.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        process = stack.pop()
        found.append(process)
        stack.extend(children.get(process, []))
    return found


def resident_bytes(process):
    try:
        with open(f"/proc/{process}/statm") as file:
            return int(file.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def main(arguments):
    if arguments[:1] == ["--"]:
        arguments = arguments[1:]
    if not arguments:
        sys.exit(__doc__)
    started = time.monotonic()
    child = subprocess.Popen(arguments)
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(resident_bytes(process) for process in descendants(child.pid)))
        time.sleep(0.2)
    print(f"peak_memory: wall {time.monotonic() - started:.1f} s, peak resident {peak / 2**20:.0f} MiB, "
          f"exit {child.returncode}", file=sys.stderr)
    sys.exit(child.returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
