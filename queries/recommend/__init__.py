"""Partner recommendations: `recommend_partners` (partners.py) ranks the candidates for a cluster's
missing roles (target.py) by their bounds and full scores (ranking.py, candidate.py), with what
the cluster has done with each (history.py) and the model progressions it could take
(progressions.py)."""

from queries.recommend.partners import recommend_partners

__all__ = ["recommend_partners"]
