from . import deadlines, distribution, nip, periods, predicate
