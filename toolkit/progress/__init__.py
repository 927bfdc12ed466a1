"""Progress over a programme: change since baseline, reliable change, re-screens due, charts, and the loop
back into clearance."""
