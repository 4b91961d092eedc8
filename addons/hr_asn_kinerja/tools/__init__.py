from . import actions, deadlines, distribution, jobs, limits, nip, periods, predicate, siasn_master, unit_skps, words
