"""The SKPs of a rated unit as SQL (docs/rules.md §5, §17, §20.14), shared by the distribution view and the unit
rating's unfinished SKPs: aliases ``ur`` (the unit rating), ``unit`` (its unit), ``d`` (the SKP's unit), ``a`` (the
SKP). Written for a query with parameters: ``%%`` is a literal ``%``."""

# the SKPs of the unit and its sub-units for the rating's period; a person counts once, in the unit of the last post
UNIT_SKPS_FROM = """
      FROM asn_kinerja_unit_rating ur
      JOIN hr_department unit ON unit.id = ur.department_id
      JOIN hr_department d ON d.parent_path LIKE unit.parent_path || '%%'
      JOIN asn_kinerja_appraisal a
        ON a.department_id = d.id AND a.period_id = ur.period_id AND a.is_last_part"""

# a sub-unit with a rating of its own counts its SKPs there
NOT_IN_A_RATED_SUB_UNIT = """NOT EXISTS (
           SELECT 1 FROM asn_kinerja_unit_rating own
             JOIN hr_department own_unit ON own_unit.id = own.department_id
            WHERE own.period_id = ur.period_id AND own.id != ur.id
              AND own_unit.id != unit.id
              AND own_unit.parent_path LIKE unit.parent_path || '%%'
              AND d.parent_path LIKE own_unit.parent_path || '%%')"""

# the SKP is one the confirmed Penetapan counted (and froze)
COUNTED_WHEN_SET = """EXISTS (
           SELECT 1 FROM asn_kinerja_unit_rating_counted_rel counted
            WHERE counted.unit_rating_id = ur.id AND counted.appraisal_id = a.id)"""
