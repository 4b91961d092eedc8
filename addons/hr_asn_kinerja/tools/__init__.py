from . import deadlines, distribution, limits, nip, periods, predicate, siasn_master, words
