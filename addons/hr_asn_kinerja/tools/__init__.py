from . import nip, periods, predicate
