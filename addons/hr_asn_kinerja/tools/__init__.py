from . import deadlines, distribution, nip, periods, predicate, siasn_master
