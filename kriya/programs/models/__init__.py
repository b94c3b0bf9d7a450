"""Development programs: work plans and their indicators, activities and who took part,
mentoring visits, IP filings and certifications, financing facilitation."""

from kriya.programs.models.activities import Activity, Participation
from kriya.programs.models.financing import Financing
from kriya.programs.models.kinds import ActivityKind, CertificationKind, FinancingKind, IPKind
from kriya.programs.models.plans import Indicator, Program, WorkPlan
from kriya.programs.models.rights import Certification, IPFiling, IPFilingStatusChange
from kriya.programs.models.visits import MentoringVisit, VisitPhoto

__all__ = [
    "Activity",
    "ActivityKind",
    "Certification",
    "CertificationKind",
    "Financing",
    "FinancingKind",
    "IPFiling",
    "IPFilingStatusChange",
    "IPKind",
    "Indicator",
    "MentoringVisit",
    "Participation",
    "Program",
    "VisitPhoto",
    "WorkPlan",
]
