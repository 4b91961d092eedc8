from . import (
    test_access,
    test_access_matrix,
    test_coaching,
    test_i18n,
    test_jp,
    test_link,
    test_objection_link,
    test_request_flow,
    test_rpc,
    test_siasn_training,
    test_tour,
    test_views,
)
