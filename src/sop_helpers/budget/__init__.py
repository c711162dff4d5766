"""Budget arithmetic of the planning group, one module a calculation.

Money is ``Decimal`` (or whole baht as ``int``); no float touches an amount. Functions that work
on tables take and return pandas DataFrames with the column names documented on each function.
``_arith`` (exact ratio and percent), ``subsidy`` (per-student subsidies), ``allocation``
(largest-remainder split), ``disbursement`` (against targets, per quarter), ``categories``
(spending by category), ``schools`` (size bands, small schools), ``indicators`` (progress
towards a target), ``proposals`` (screening and allocating action-plan proposals).
"""

from ._arith import CENT, HUNDRED, percent, ratio
from .allocation import allocate
from .categories import BUDGET_CATEGORIES, category_summary
from .disbursement import DisbursementCheck, check_disbursement, quarterly_disbursement
from .indicators import IndicatorProgress, indicator_progress
from .proposals import PROPOSAL_AMOUNT, allocate_proposals, screen_proposals
from .schools import SMALL_SCHOOL_MAX, band_for, small_school_summary
from .subsidy import SubsidyLine, per_student_subsidy, subsidy_table, subsidy_total

__all__ = [
    "BUDGET_CATEGORIES",
    "CENT",
    "HUNDRED",
    "PROPOSAL_AMOUNT",
    "SMALL_SCHOOL_MAX",
    "DisbursementCheck",
    "IndicatorProgress",
    "SubsidyLine",
    "allocate",
    "allocate_proposals",
    "band_for",
    "category_summary",
    "check_disbursement",
    "indicator_progress",
    "per_student_subsidy",
    "percent",
    "quarterly_disbursement",
    "ratio",
    "screen_proposals",
    "small_school_summary",
    "subsidy_table",
    "subsidy_total",
]
