from . import distribution, nip, periods, predicate
