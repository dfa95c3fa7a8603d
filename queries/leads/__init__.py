"""Leads found abroad, routed to the Danish cluster that should take them home (the report's
proposal 2: the clusters as landing bases in the strength positions)."""
