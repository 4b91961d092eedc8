"""What the benchmarks share. They run inside `odoo-bin shell`, which defines `env`; scripts/bench.sh puts this
folder on PYTHONPATH, so that each does `bench = Bench(env)`."""

import cProfile
import io
import pstats
import time

from odoo.addons.hr_asn_kinerja.tests.common import perform_stored_jobs


class Bench:
    """Times steps on ``env`` (wall time and SQL queries) and prints them as aligned lines."""

    def __init__(self, env, width=66):
        self.env = env
        self.width = width
        self.seconds = 0.0  # of the last measure, for the comparisons a bench prints after it

    def timed(self, func, profiler=None):
        """(result, seconds, queries) of func, flushed, from a cold record cache."""
        env = self.env
        env.flush_all()
        env.invalidate_all()
        queries = env.cr.sql_log_count
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = func()
        env.flush_all()
        if profiler:
            profiler.disable()
        return result, time.perf_counter() - start, env.cr.sql_log_count - queries

    def show(self, label, seconds, queries, unit="ms", extra=""):
        """One line: the label, the time in ms or s, the queries, then ``extra``."""
        shown = f"{seconds * 1000:9.1f} ms" if unit == "ms" else f"{seconds:9.2f} s "
        print(f"{label:<{self.width}} {shown} {queries:7d} queries{extra}", flush=True)

    def note(self, text):
        """A line under the figures it explains."""
        print(f"{'':<{self.width}} {text}", flush=True)

    def measure(self, label, func, unit="ms", profile=False):
        """Time func, print its line (with ``profile``, then its 25 costliest functions) and return its result."""
        profiler = cProfile.Profile() if profile else None
        result, self.seconds, queries = self.timed(func, profiler)
        self.show(label, self.seconds, queries, unit)
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
        return result

    def perform_jobs(self, max_priority=None, limit=None):
        """Run the queue's pending jobs here, as one job worker would (the tests' helper); returns how many ran."""
        return perform_stored_jobs(self.env, max_priority, limit)


def spread_states(env, period):
    """The period's SKPs spread over the year's steps: 40% done, 10% scored (predikat from four rating pairs),
    the rest open in every step (set in SQL: a setup, not a product path)."""
    env.flush_all()
    env.cr.execute(
        """
        UPDATE asn_kinerja_appraisal
           SET state = CASE WHEN id %% 10 < 4 THEN 'done' WHEN id %% 10 = 4 THEN 'scored'
                            WHEN id %% 10 = 5 THEN 'self_assessed' WHEN id %% 10 = 6 THEN 'approved'
                            WHEN id %% 10 = 7 THEN 'submitted' ELSE 'draft' END,
               result_rating = CASE WHEN id %% 10 < 5 THEN (ARRAY['above', 'as_expected', 'as_expected', 'below'])[id %% 4 + 1] END,
               behavior_rating = CASE WHEN id %% 10 < 5 THEN (ARRAY['above', 'as_expected', 'above', 'as_expected'])[id %% 4 + 1] END,
               predicate = CASE WHEN id %% 10 < 5 THEN (ARRAY['very_good', 'good', 'good', 'needs_improvement'])[id %% 4 + 1] END
         WHERE period_id = %s
        """,
        [period.id],
    )
    env.invalidate_all()
