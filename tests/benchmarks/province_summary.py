"""The table that ends `BENCH_PROVINCE=1 make bench`: each run's wall time per count of job workers and the
speed-up over the fewest, from the summary file province_runs.py wrote (its path is the only argument)."""

import sys
from collections import defaultdict

seconds = defaultdict(dict)
with open(sys.argv[1], encoding="utf-8") as summary:
    for line in summary:
        label, workers, wall = line.rstrip("\n").split("\t")
        seconds[label][int(workers)] = float(wall)
counts = sorted({workers for walls in seconds.values() for workers in walls})
print(f"--- the province's runs, wall time to the last job done, by job workers (speed-up over {counts[0]})")
print(f"{'run':<40}" + "".join(f"{f'{n} worker(s)':>22}" for n in counts))
for label, walls in seconds.items():
    cells = []
    for n in counts:
        wall = walls.get(n)
        base = walls.get(counts[0])
        cells.append(f"{wall:9.1f} s ({base / wall:.1f}x)" if wall and base else "-")
    print(f"{label:<40}" + "".join(f"{cell:>22}" for cell in cells))
