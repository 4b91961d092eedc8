from . import nip, predicate
