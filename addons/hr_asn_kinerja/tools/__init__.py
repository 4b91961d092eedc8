from . import deadlines, distribution, jobs, limits, nip, periods, predicate, siasn_master, unit_skps, words
