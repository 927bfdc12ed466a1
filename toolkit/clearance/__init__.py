"""Plan clearance: who may take part in which item of a plan, from screenings, progress and attendance."""
