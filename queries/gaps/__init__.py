"""Gap analysis: where a cluster's partnerships fall short of what its models need.

Five families of gap, each from the report (the section cited in the facts each gap rests on),
each in a module of its own: role (a partner role the model requires is missing), formality (no
valid agreement behind long-term work; agreements expired or about to), coverage (no ICDK in a
target market; an ICDK matching the cluster's strength position it has no partnership with: the
report's "landing base"), fragility (a long-term partnership carried by one person or funded ad
hoc) and network (clusters without Danish cluster partners, actor types few clusters use, single
brokers). `find_gaps` (analysis.py) runs them all.
"""

from queries.gaps.analysis import cluster_gaps, find_gaps, model_gaps, sort_gaps
from queries.gaps.options import INACTIVE, GapOptions

__all__ = ["INACTIVE", "GapOptions", "cluster_gaps", "find_gaps", "model_gaps", "sort_gaps"]
